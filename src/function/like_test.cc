#include <gtest/gtest.h>

#include "function/function.h"

namespace vexdb {
namespace {

struct Case {
  const char* text;
  const char* pattern;
  bool expected;
};

TEST(LikeTest, Wildcards) {
  const Case cases[] = {
      {"abc", "abc", true},
      {"abc", "ab", false},
      {"abc", "a%", true},
      {"abc", "%c", true},
      {"abc", "%b%", true},
      {"abc", "%d%", false},
      {"abc", "a_c", true},
      {"abc", "a__", true},
      {"abc", "a___", false},
      {"", "%", true},
      {"", "_", false},
      {"", "", true},
      {"abc", "%%%", true},
      {"aXbXc", "a%b%c", true},
      {"ab", "a%b%c", false},
      {"ABC", "abc", false},
      {"mississippi", "%iss%pi", true},
      {"user@example.com", "%@%", true},
      {"a%b", "a\\%b", true},
      {"axb", "a\\%b", false},
      {"a_b", "a\\_b", true},
      {"axb", "a\\_b", false},
      {"a\\b", "a\\\\b", true},
      {"ab\\", "ab\\", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LikeMatch(c.text, c.pattern, U'\\'), c.expected) << c.text << " LIKE " << c.pattern;
  }
}

TEST(LikeTest, CustomEscape) {
  EXPECT_TRUE(LikeMatch("xb%cdey", "%b/%cde%", U'/'));
  EXPECT_FALSE(LikeMatch("xb/%cdey", "%b/%cde%", U'/'));
  EXPECT_TRUE(LikeMatch("b%cde", "%b/%cde%", U'/'));
  EXPECT_FALSE(LikeMatch("bxcde", "%b/%cde%", U'/'));
  EXPECT_TRUE(LikeMatch("a\\b", "a\\b", U'/'));
}

TEST(LikeTest, MultibyteCharacters) {
  EXPECT_TRUE(LikeMatch("日本語", "日_語", U'\\'));
  EXPECT_FALSE(LikeMatch("日本語", "日__語", U'\\'));
  EXPECT_TRUE(LikeMatch("😀x", "_x", U'\\'));
  EXPECT_TRUE(LikeMatch("a😀b", "a%b", U'\\'));
  EXPECT_TRUE(LikeMatch("😀😀", "__", U'\\'));
  EXPECT_TRUE(LikeMatch("é%", "é!%", U'!'));
  EXPECT_TRUE(LikeMatch("x%y", "x€%y", U'€'));
}

TEST(LikeTest, PathologicalPatternIsFast) {
  std::string text(5000, 'a');
  std::string pattern;
  for (int i = 0; i < 50; ++i) pattern += "%a";
  pattern += "%b";
  EXPECT_FALSE(LikeMatch(text, pattern, U'\\'));
}

}  // namespace
}  // namespace vexdb

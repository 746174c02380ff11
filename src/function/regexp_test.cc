#include <gtest/gtest.h>

#include "function/function.h"
#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;

TEST(RegexpTest, Match) {
  EXPECT_TRUE(RegexpMatch("Michael!", ".*", "").value());
  EXPECT_TRUE(RegexpMatch("new*\n*line", "new\\*.\\*line", "n").value());
  EXPECT_FALSE(RegexpMatch("new*\n*line", "new\\*.\\*line", "").value());
  EXPECT_TRUE(RegexpMatch("a", "^[a-d]", "").value());
  EXPECT_FALSE(RegexpMatch("ABC", "abc", "").value());
  EXPECT_TRUE(RegexpMatch("ABC", "abc", "i").value());
  EXPECT_FALSE(RegexpMatch("ABC", "abc", "ic").value());
  EXPECT_TRUE(RegexpMatch("日本語", "^日.語$", "").value());
  EXPECT_TRUE(RegexpMatch("😀", "^.$", "").value());
  EXPECT_TRUE(RegexpMatch("abc123", "\\d+", "").value());
  EXPECT_TRUE(RegexpMatch("a\nb", "^b$", "m").value());
  EXPECT_FALSE(RegexpMatch("a\nb", "^b$", "").value());
  EXPECT_TRUE(RegexpMatch("\xff\xfe a", "a$", "").value());  // malformed text still matches
}

TEST(RegexpTest, Errors) {
  EXPECT_EQ(RegexpMatch("a", "(a", "").status().mysql_errno(), 3691);
  EXPECT_EQ(RegexpMatch("a", "a)", "").status().mysql_errno(), 3691);
  EXPECT_EQ(RegexpMatch("a", "[a", "").status().mysql_errno(), 3696);
  EXPECT_EQ(RegexpMatch("a", "a{2,1}", "").status().mysql_errno(), 3688);
  EXPECT_EQ(RegexpMatch("a", "a", "x").status().mysql_errno(), 3900);
}

TEST(RegexpTest, Functions) {
  RunCases({
      {"regexp_like", {S("CamelCase"), S("CAMELCASE")}, "0"},
      {"regexp_like", {S("CamelCase"), S("CAMELCASE"), S("i")}, "1"},
      {"regexp_like", {N(), S("a")}, "NULL"},
      {"regexp_instr", {S("dog cat dog"), S("dog")}, "1"},
      {"regexp_instr", {S("dog cat dog"), S("dog"), I(2)}, "9"},
      {"regexp_instr", {S("aa aaa aaaa"), S("a{2}"), I(1), I(2)}, "4"},
      {"regexp_instr", {S("aa aaa aaaa"), S("a{4}"), I(1), I(1), I(1)}, "12"},
      {"regexp_instr", {S("日本語"), S("語")}, "3"},
      {"regexp_instr", {S("abc"), S("z")}, "0"},
      {"regexp_substr", {S("abc def ghi"), S("[a-z]+")}, "abc"},
      {"regexp_substr", {S("abc def ghi"), S("[a-z]+"), I(1), I(3)}, "ghi"},
      {"regexp_substr", {S("abc"), S("z")}, "NULL"},
      {"regexp_replace", {S("a b c"), S("b"), S("X")}, "a X c"},
      {"regexp_replace", {S("abc def ghi"), S("[a-z]+"), S("X"), I(1), I(3)}, "abc def X"},
      {"regexp_replace", {S("abc def ghi"), S("[a-z]+"), S("X"), I(1), I(0)}, "X X X"},
      {"regexp_replace", {S("abc def"), S("(\\w+) (\\w+)"), S("$2 $1")}, "def abc"},
      {"regexp_replace", {S("abc"), S("x*"), S("-")}, "-a-b-c-"},
      {"regexp_replace", {S("日本語"), S("本"), S("X")}, "日X語"},
      {"regexp_replace", {S("aaa"), S("a"), S("b"), I(2)}, "abb"},
  });
}

}  // namespace
}  // namespace vexdb

// Tests of the small text helpers: utf8.h, number_text.h, json_text.h.

#include <gtest/gtest.h>

#include "types/json_text.h"
#include "types/number_text.h"
#include "types/utf8.h"

namespace vexdb {
namespace {

TEST(Utf8Test, LengthAndValidity) {
  EXPECT_EQ(Utf8Length(""), 0);
  EXPECT_EQ(Utf8Length("abc"), 3);
  EXPECT_EQ(Utf8Length("日本語"), 3);
  EXPECT_EQ(Utf8Length("😀a😀"), 3);
  EXPECT_EQ(Utf8Length("é"), 1);
  EXPECT_EQ(FindInvalidUtf8("héllo 日本 😀"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("a\xe6\x97"), 1u);         // truncated sequence
  EXPECT_EQ(Utf8PrefixBytes("日本語", 2), 6u);
  EXPECT_EQ(Utf8PrefixBytes("a😀b", 2), 5u);
  EXPECT_EQ(Utf8PrefixBytes("ab", 5), 2u);
  EXPECT_EQ(Utf8PrefixBytes("ab", 0), 0u);
  EXPECT_EQ(HexExcerpt("a\xff\x01", 1), "\\xFF\\x01");
}

TEST(NumberTextTest, Prefixes) {
  EXPECT_EQ(NumericPrefix("12abc"), "12");
  EXPECT_EQ(NumericPrefix(" 3.5x"), "3.5");
  EXPECT_EQ(NumericPrefix("-1.5e3z"), "-1.5e3");
  EXPECT_EQ(NumericPrefix("1e"), "1");
  EXPECT_EQ(NumericPrefix("1e+"), "1");
  EXPECT_EQ(NumericPrefix(".5"), ".5");
  EXPECT_EQ(NumericPrefix("5."), "5.");
  EXPECT_EQ(NumericPrefix("."), "");
  EXPECT_EQ(NumericPrefix("abc"), "");
  EXPECT_EQ(NumericPrefix("-"), "");
  EXPECT_EQ(IntegerPrefix(" -12.9"), "-12");
  EXPECT_EQ(IntegerPrefix("+"), "");
  EXPECT_TRUE(IsWholeNumber(" 1.5e3 "));
  EXPECT_FALSE(IsWholeNumber("1.5e3x"));
  EXPECT_FALSE(IsWholeNumber(""));
  EXPECT_DOUBLE_EQ(ParseDoublePrefix("-2.5"), -2.5);
  EXPECT_DOUBLE_EQ(ParseDoublePrefix("+.5"), 0.5);
  bool out_of_range = false;
  EXPECT_DOUBLE_EQ(ParseDoublePrefix("1e400", &out_of_range), 1.7976931348623157e308);
  EXPECT_TRUE(out_of_range);
  EXPECT_DOUBLE_EQ(ParseDoublePrefix("1e-400", &out_of_range), 0);
  EXPECT_FALSE(out_of_range);
}

std::string Json(std::string_view text) {
  std::string out;
  JsonSyntaxError error;
  if (!NormalizeJsonText(text, &out, &error)) {
    return error.reason + " @" + std::to_string(error.position);
  }
  return out;
}

TEST(JsonTextTest, Normalizes) {
  EXPECT_EQ(Json(R"({"k":1})"), R"({"k": 1})");
  EXPECT_EQ(Json(R"({"b":1,"a":{"d":[],"c":{}}})"), R"({"a": {"c": {}, "d": []}, "b": 1})");
  EXPECT_EQ(Json(R"({"a":1,"a":2})"), R"({"a": 2})");
  EXPECT_EQ(Json("[1.0, 1.5, 1e2, -0.0, 1e-20, 12345678901234567890123]"),
            "[1.0, 1.5, 100.0, -0.0, 1e-20, 1.2345678901234568e22]");
  EXPECT_EQ(Json(R"("tab\tnew\nline \u00e9 \ud83d\ude00")"), R"("tab\tnew\nline é 😀")");
  EXPECT_EQ(Json("true"), "true");
  EXPECT_EQ(Json(" null "), "null");
  EXPECT_EQ(Json("-9223372036854775808"), "-9223372036854775808");
}

TEST(JsonTextTest, Idempotent) {
  for (const char* text : {R"({"b":[1,2.50,{"z":null,"y":"\u0001"}],"a":1e2})", "[[], {}, \"\"]",
                           "-1.5e-300", R"("\\ \/ \b\f")"}) {
    std::string once = Json(text);
    EXPECT_EQ(Json(once), once) << text;
  }
}

TEST(JsonTextTest, Rejects) {
  EXPECT_EQ(Json("abc"), "Invalid value. @0");
  EXPECT_EQ(Json(""), "The document is empty. @0");
  EXPECT_EQ(Json("   "), "The document is empty. @3");
  EXPECT_EQ(Json("[1,]"), "Invalid value. @3");
  EXPECT_EQ(Json("{'a':1}"), "Invalid value. @1");
  EXPECT_EQ(Json("1 2"), "Invalid value. @2");
}

}  // namespace
}  // namespace vexdb

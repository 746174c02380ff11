#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::Arg;
using testing::B;
using testing::Call;
using testing::D;
using testing::F;
using testing::I;
using testing::N;
using testing::S;

using testing::RunCases;

TEST(StringFunctionsTest, ConcatAndLength) {
  RunCases({
      {"concat", {S("a"), S("b"), S("c")}, "abc"},
      {"concat", {S("a"), I(1), D("2.50")}, "a12.50"},
      {"concat", {S("a"), N()}, "NULL"},
      {"concat", {S("%"), S("@"), S("%")}, "%@%"},
      {"concat_ws", {S(","), S("a"), N(), S("b")}, "a,b"},
      {"concat_ws", {N(), S("a")}, "NULL"},
      {"length", {S("日本")}, "6"},
      {"octet_length", {S("😀")}, "4"},
      {"char_length", {S("日本")}, "2"},
      {"character_length", {S("a😀b")}, "3"},
      {"char_length", {B("日本")}, "6"},
      {"bit_length", {S("ab")}, "16"},
      {"length", {N()}, "NULL"},
  });
}

TEST(StringFunctionsTest, CaseMapping) {
  RunCases({
      {"lower", {S("HeLLo")}, "hello"},
      {"lcase", {S("ÀÉÎ")}, "àéî"},
      {"upper", {S("straße")}, "STRAßE"},
      {"ucase", {S("ёжик")}, "ЁЖИК"},
      {"upper", {S("日本😀a")}, "日本😀A"},
      {"upper", {B("abc")}, "abc"},
      {"lower", {N()}, "NULL"},
  });
}

TEST(StringFunctionsTest, Substrings) {
  RunCases({
      {"substring", {S("Quadratically"), I(5)}, "ratically"},
      {"substring", {S("Quadratically"), I(5), I(6)}, "ratica"},
      {"substring", {S("Sakila"), I(-3)}, "ila"},
      {"substring", {S("Sakila"), I(-5), I(3)}, "aki"},
      {"substring", {S("Sakila"), I(0)}, ""},
      {"substring", {S("Sakila"), I(10)}, ""},
      {"substr", {S("日本語テキスト"), I(3), I(2)}, "語テ"},
      {"mid", {S("😀😁😂"), I(2), I(1)}, "😁"},
      {"substring", {S("abc"), I(2), I(-1)}, ""},
      {"left", {S("foobarbar"), I(5)}, "fooba"},
      {"left", {S("日本語"), I(2)}, "日本"},
      {"left", {S("abc"), I(-1)}, ""},
      {"right", {S("foobarbar"), I(4)}, "rbar"},
      {"right", {S("日本語"), I(5)}, "日本語"},
      {"substring_index", {S("www.mysql.com"), S("."), I(2)}, "www.mysql"},
      {"substring_index", {S("www.mysql.com"), S("."), I(-2)}, "mysql.com"},
      {"substring_index", {S("www.mysql.com"), S("."), I(0)}, ""},
      {"substring_index", {S("www.mysql.com"), S("x"), I(1)}, "www.mysql.com"},
      {"substring", {N(), I(1)}, "NULL"},
  });
}

TEST(StringFunctionsTest, TrimAndPad) {
  RunCases({
      {"trim", {S("  bar   ")}, "bar"},
      {"ltrim", {S("  bar  ")}, "bar  "},
      {"rtrim", {S("  bar  ")}, "  bar"},
      {"trim_leading", {S("xxxbarxxx"), S("x")}, "barxxx"},
      {"trim_both", {S("xxxbarxxx"), S("x")}, "bar"},
      {"trim_trailing", {S("barxxyz"), S("xyz")}, "barx"},
      {"trim", {S("日日本日"), S("日")}, "本"},
      {"lpad", {S("hi"), I(4), S("??")}, "??hi"},
      {"lpad", {S("hi"), I(1), S("??")}, "h"},
      {"rpad", {S("hi"), I(5), S("ab")}, "hiaba"},
      {"rpad", {S("日"), I(3), S("本")}, "日本本"},
      {"lpad", {S("hi"), I(5), S("")}, "NULL"},
      {"lpad", {S("hi"), I(-1), S("x")}, "NULL"},
  });
}

TEST(StringFunctionsTest, SearchAndReplace) {
  RunCases({
      {"replace", {S("www.mysql.com"), S("w"), S("Ww")}, "WwWwWw.mysql.com"},
      {"replace", {S("abc"), S(""), S("x")}, "abc"},
      {"replace", {S("日本日本"), S("本"), S("X")}, "日X日X"},
      {"instr", {S("foobarbar"), S("bar")}, "4"},
      {"instr", {S("xbar"), S("foobar")}, "0"},
      {"instr", {S("日本語"), S("語")}, "3"},
      {"locate", {S("bar"), S("foobarbar")}, "4"},
      {"locate", {S("bar"), S("foobarbar"), I(5)}, "7"},
      {"locate", {S("xbar"), S("foobar")}, "0"},
      {"locate", {S(""), S("abc"), I(2)}, "2"},
      {"position", {S("語"), S("日本語")}, "3"},
      {"insert", {S("Quadratic"), I(3), I(4), S("What")}, "QuWhattic"},
      {"insert", {S("Quadratic"), I(-1), I(4), S("What")}, "Quadratic"},
      {"insert", {S("Quadratic"), I(3), I(100), S("What")}, "QuWhat"},
      {"reverse", {S("abc")}, "cba"},
      {"reverse", {S("日本😀")}, "😀本日"},
      {"repeat", {S("ab"), I(3)}, "ababab"},
      {"repeat", {S("ab"), I(0)}, ""},
      {"space", {I(3)}, "   "},
  });
}

TEST(StringFunctionsTest, CharactersAndLists) {
  RunCases({
      {"ascii", {S("2")}, "50"},
      {"ascii", {S("")}, "0"},
      {"ord", {S("2")}, "50"},
      {"ord", {S("é")}, "50089"},
      {"char", {I(77), I(121), I(83), I(81), I(76)}, "MySQL"},
      {"char", {I(77), N(), I(77)}, "MM"},
      {"field", {S("Bb"), S("Aa"), S("Bb"), S("Cc")}, "2"},
      {"field", {S("Gg"), S("Aa"), S("Bb")}, "0"},
      {"field", {N(), S("a")}, "0"},
      {"field", {I(2), I(1), I(2)}, "2"},
      {"find_in_set", {S("b"), S("a,b,c,d")}, "2"},
      {"find_in_set", {S("e"), S("a,b,c,d")}, "0"},
      {"find_in_set", {S("a,b"), S("a,b,c")}, "0"},
      {"elt", {I(2), S("Aa"), S("Bb")}, "Bb"},
      {"elt", {I(3), S("Aa"), S("Bb")}, "NULL"},
      {"strcmp", {S("text"), S("text2")}, "-1"},
      {"strcmp", {S("text2"), S("text")}, "1"},
      {"strcmp", {S("text"), S("text")}, "0"},
      {"quote", {S("Don't!")}, "'Don\\'t!'"},
      {"quote", {N()}, "NULL"},
      {"format", {D("12332.123456"), I(4)}, "12,332.1235"},
      {"format", {D("12332.1"), I(4)}, "12,332.1000"},
      {"format", {F(12332.2), I(0)}, "12,332"},
      {"format", {I(-1234567), I(2)}, "-1,234,567.00"},
      {"convert_using", {S("abc"), S("utf8mb4")}, "abc"},
  });
}

TEST(StringFunctionsTest, ResultTypes) {
  auto type = [](const char* name, const std::vector<Arg>& args) {
    return testing::CallFunction(name, args).type;
  };
  EXPECT_EQ(type("concat", {S("ab"), S("cde")}).ToSql(), "varchar(5)");
  EXPECT_EQ(type("concat", {S("ab"), B("c")}).id, TypeId::kVarbinary);
  EXPECT_EQ(type("concat", {S("a"), {Value::String("x"), LogicalType::LongText()}}).id,
            TypeId::kText);
  EXPECT_EQ(type("length", {S("a")}).ToSql(), "bigint");
  EXPECT_EQ(type("lpad", {S("a"), I(10), S("x")}).ToSql(), "varchar(10)");
  EXPECT_EQ(type("convert_using", {S("a"), S("binary")}).id, TypeId::kVarbinary);
}

}  // namespace
}  // namespace vexdb

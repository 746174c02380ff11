#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::Arg;
using testing::D;
using testing::F;
using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;
using testing::U;

TEST(ControlFunctionsTest, Values) {
  RunCases({
      {"if", {I(1), S("yes"), S("no")}, "yes"},
      {"if", {I(0), S("yes"), S("no")}, "no"},
      {"if", {N(), S("yes"), S("no")}, "no"},
      {"if", {S("0.5"), I(1), I(2)}, "1"},
      {"if", {I(1), I(1), D("2.50")}, "1.00"},
      {"if", {I(1), N(), I(2)}, "NULL"},
      {"ifnull", {N(), S("x")}, "x"},
      {"ifnull", {I(5), S("x")}, "5"},
      {"ifnull", {N(), N()}, "NULL"},
      {"nullif", {I(1), I(1)}, "NULL"},
      {"nullif", {I(1), I(2)}, "1"},
      {"nullif", {I(1), N()}, "1"},
      {"coalesce", {N(), N(), I(3)}, "3"},
      {"coalesce", {N(), S("n/a")}, "n/a"},
      {"coalesce", {N()}, "NULL"},
      {"greatest", {I(2), I(0), I(10)}, "10"},
      {"greatest", {D("0.5"), I(2), D("1.25")}, "2.00"},
      {"greatest", {F(1.5), I(2)}, "2"},
      {"greatest", {S("B"), S("A"), S("C")}, "C"},
      {"greatest", {I(1), N()}, "NULL"},
      {"least", {I(2), I(0), I(10)}, "0"},
      {"least", {I(-1), U(5)}, "-1"},
      {"least", {S("b"), S("a")}, "a"},
      {"isnull", {N()}, "1"},
      {"isnull", {I(0)}, "0"},
  });
}

TEST(ControlFunctionsTest, ResultTypesUnify) {
  auto type = [](const char* name, const std::vector<Arg>& args) {
    return testing::CallFunction(name, args).type.ToSql();
  };
  EXPECT_EQ(type("ifnull", {I(1), I(2)}), "bigint");
  EXPECT_EQ(type("ifnull", {I(1), S("abc")}), "varchar(3)");
  EXPECT_EQ(type("coalesce", {N(), D("1.50"), I(12)}), "decimal(4,2)");
  EXPECT_EQ(type("coalesce", {F(1), I(1)}), "double");
  EXPECT_EQ(type("if", {I(1), testing::Date("2024-01-01"), testing::Datetime("2024-01-01", 3)}),
            "datetime(3)");
  EXPECT_EQ(type("coalesce", {testing::Date("2024-01-01"), I(1)}), "varchar(10)");
  EXPECT_EQ(type("nullif", {S("ab"), I(1)}), "varchar(2)");
}

TEST(ControlFunctionsTest, IfConvertsToStringType) {
  EXPECT_EQ(testing::Call("if", {I(0), S("x"), testing::Date("2024-02-29")}), "2024-02-29");
  EXPECT_EQ(testing::Call("coalesce", {N(), testing::Datetime("2024-02-29 10:00:00")}),
            "2024-02-29 10:00:00");
}

}  // namespace
}  // namespace vexdb

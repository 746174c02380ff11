#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::Call;
using testing::D;
using testing::F;
using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;
using testing::U;

TEST(NumericFunctionsTest, AbsSignCeilFloor) {
  RunCases({
      {"abs", {I(-5)}, "5"},
      {"abs", {D("-1.50")}, "1.50"},
      {"abs", {F(-2.5)}, "2.5"},
      {"abs", {S("-3")}, "3"},
      {"abs",
       {I(INT64_MIN)},
       "ERROR 1690: BIGINT value is out of range in 'abs(-9223372036854775808)'"},
      {"abs", {N()}, "NULL"},
      {"sign", {I(-5)}, "-1"},
      {"sign", {D("0.00")}, "0"},
      {"sign", {F(2.5)}, "1"},
      {"ceil", {D("1.23")}, "2"},
      {"ceiling", {D("-1.23")}, "-1"},
      {"floor", {D("1.23")}, "1"},
      {"floor", {D("-1.23")}, "-2"},
      {"floor", {F(-1.5)}, "-2"},
      {"ceil", {I(7)}, "7"},
      {"ceil", {S("1.2")}, "2"},
  });
}

TEST(NumericFunctionsTest, RoundAndTruncate) {
  RunCases({
      {"round", {D("-1.23")}, "-1"},
      {"round", {D("-1.58")}, "-2"},
      {"round", {D("1.58")}, "2"},
      {"round", {D("1.298"), I(1)}, "1.3"},
      {"round", {D("1.298"), I(0)}, "1"},
      {"round", {D("23.298"), I(-1)}, "20"},
      {"round", {D("2.5")}, "3"},
      {"round", {D("-2.5")}, "-3"},
      {"round", {D("1.5"), I(3)}, "1.500"},
      {"round", {I(1234), I(-2)}, "1200"},
      {"round", {I(1250), I(-2)}, "1300"},
      {"round", {I(-1250), I(-2)}, "-1300"},
      {"round", {F(2.5)}, "2"},
      {"round", {F(3.5)}, "4"},
      {"round", {F(-2.5)}, "-2"},
      {"round", {F(1.2345), I(2)}, "1.23"},
      {"round", {F(1234.5), I(-2)}, "1200"},
      {"round", {D("1.5"), N()}, "NULL"},
      {"truncate", {D("1.223"), I(1)}, "1.2"},
      {"truncate", {D("1.999"), I(1)}, "1.9"},
      {"truncate", {D("1.999"), I(0)}, "1"},
      {"truncate", {D("-1.999"), I(1)}, "-1.9"},
      {"truncate", {I(122), I(-2)}, "100"},
      {"truncate", {F(1.999), I(1)}, "1.9"},
  });
}

TEST(NumericFunctionsTest, ModPowLog) {
  RunCases({
      {"mod", {I(234), I(10)}, "4"},
      {"mod", {I(29), I(9)}, "2"},
      {"mod", {D("34.5"), I(3)}, "1.5"},
      {"mod", {I(1), I(0)}, "NULL"},
      {"pow", {I(2), I(2)}, "4"},
      {"power", {I(2), I(-2)}, "0.25"},
      {"pow", {I(10), I(1000)}, "ERROR 1690: DOUBLE value is out of range in 'pow(10,1000)'"},
      {"sqrt", {I(4)}, "2"},
      {"sqrt", {I(-16)}, "NULL"},
      {"exp", {I(0)}, "1"},
      {"ln", {I(1)}, "0"},
      {"ln", {I(0)}, "NULL"},
      {"log", {I(2), I(65536)}, "16"},
      {"log", {I(1), I(100)}, "NULL"},
      {"log2", {I(65536)}, "16"},
      {"log10", {I(100)}, "2"},
      {"log10", {I(-100)}, "NULL"},
  });
}

// MySQL shows PI() as 3.141593: a DOUBLE with 6 decimals in its metadata, full precision inside.
TEST(NumericFunctionsTest, PiCarriesSixDecimals) {
  auto r = testing::CallFunction("pi", {});
  EXPECT_EQ(r.type.scale, 6);
  EXPECT_EQ(r.value.value(), Value::Double(3.141592653589793));
}

TEST(NumericFunctionsTest, Trigonometry) {
  RunCases({
      {"sin", {I(0)}, "0"},
      {"cos", {I(0)}, "1"},
      {"tan", {I(0)}, "0"},
      {"asin", {I(2)}, "NULL"},
      {"acos", {I(1)}, "0"},
      {"atan", {I(0)}, "0"},
      {"atan", {I(1), I(0)}, "1.5707963267948966"},
      {"atan2", {I(0), I(1)}, "0"},
      {"cot", {I(0)}, "ERROR 1690: DOUBLE value is out of range in 'cot(0)'"},
      {"degrees", {F(3.141592653589793)}, "180"},
      {"radians", {I(90)}, "1.5707963267948966"},
  });
}

TEST(NumericFunctionsTest, BasesAndRandom) {
  RunCases({
      {"conv", {S("a"), I(16), I(2)}, "1010"},
      {"conv", {S("6E"), I(18), I(8)}, "172"},
      {"conv", {I(-17), I(10), I(-18)}, "-H"},
      {"conv", {S("10"), I(10), I(1)}, "NULL"},
      {"bin", {I(12)}, "1100"},
      {"oct", {I(12)}, "14"},
      {"bin", {I(-1)}, std::string(64, '1').c_str()},
      {"rand", {I(3)}, "0.9057697559760601"},
  });
  double r = std::stod(Call("rand", {}));
  EXPECT_GE(r, 0);
  EXPECT_LT(r, 1);
  EXPECT_FALSE(FindScalarFunction("rand")->deterministic);
}

TEST(NumericFunctionsTest, ResultTypes) {
  auto type = [](const char* name, const std::vector<testing::Arg>& args) {
    return testing::CallFunction(name, args).type.ToSql();
  };
  EXPECT_EQ(type("round", {D("1.298"), I(1)}), "decimal(3,1)");
  EXPECT_EQ(type("round", {D("1.298")}), "decimal(2,0)");
  EXPECT_EQ(type("round", {I(5)}), "bigint");
  EXPECT_EQ(type("round", {F(1.5)}), "double");
  EXPECT_EQ(type("ceil", {D("1.23")}), "bigint");
  EXPECT_EQ(type("floor", {F(1.5)}), "double");
  EXPECT_EQ(type("abs", {U(1)}), "bigint unsigned");
  EXPECT_EQ(type("mod", {D("1.5"), I(2)}), "decimal(2,1)");
  EXPECT_EQ(type("sqrt", {I(4)}), "double");
}

}  // namespace
}  // namespace vexdb

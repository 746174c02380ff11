#include "types/value_format.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "types/temporal.h"

namespace vexdb {
namespace {

TEST(FormatDoubleTest, ShortestPlainNotation) {
  struct Case {
    double in;
    const char* out;
  };
  const Case kCases[] = {
      {0, "0"},
      {-0.0, "-0"},
      {5, "5"},
      {-5, "-5"},
      {0.1, "0.1"},
      {1.5, "1.5"},
      {0.1 + 0.2, "0.30000000000000004"},
      {-14.299999237060547, "-14.299999237060547"},
      {0.00853986601633272, "0.00853986601633272"},
      {0.004691842206844599, "0.004691842206844599"},
      {123456789012345678.0, "1.2345678901234568e17"},
      {123456789012345.0, "123456789012345"},
      {999999999999999.0, "999999999999999"},
      {1e15, "1e15"},
      {1.5e15, "1.5e15"},
      {-1.5e15, "-1.5e15"},
      {1e100, "1e100"},
      {1e-15, "0.000000000000001"},
      {1e-16, "1e-16"},
      {1.25e-20, "1.25e-20"},
      {1e-5, "0.00001"},
      {100, "100"},
      {1e14, "100000000000000"},
      {DBL_MAX, "1.7976931348623157e308"},
      {5e-324, "5e-324"},
      {std::numeric_limits<double>::infinity(), "0"},
      {-std::numeric_limits<double>::infinity(), "0"},
      {std::numeric_limits<double>::quiet_NaN(), "0"},
  };
  for (const auto& c : kCases) EXPECT_EQ(FormatDouble(c.in), c.out) << c.out;
}

TEST(FormatDoubleTest, RoundTrips) {
  for (double v : {0.1, 1e15, 1e-16, 123456789012345678.0, -14.299999237060547, 5.0, 1.0 / 3,
                   2.0 / 3 * 1e-10, 6.02214076e23, 0.004691842206844599}) {
    std::string text = FormatDouble(v);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(back, v) << text;
  }
}

TEST(FormatFloatTest, ShortestFloat32) {
  EXPECT_EQ(FormatFloat(1.1f), "1.1");
  EXPECT_EQ(FormatFloat(0.12345678901f), "0.12345679");
  EXPECT_EQ(FormatFloat(1e-7f), "0.0000001");
  EXPECT_EQ(FormatFloat(3.3f), "3.3");
  EXPECT_EQ(FormatFloat(-14.3f), "-14.3");
  EXPECT_EQ(FormatFloat(16777216.0f), "16777216");
  EXPECT_EQ(FormatFloat(1e15f), "1e15");
  EXPECT_EQ(FormatFloat(1e20f), "1e20");
  EXPECT_EQ(FormatFloat(1e-16f), "1e-16");
  EXPECT_EQ(FormatFloat(0.0f), "0");
}

TEST(FormatVectorTest, TidbElementText) {
  EXPECT_EQ(FormatVector({}), "[]");
  EXPECT_EQ(FormatVector({1.0f, 2.5f}), "[1,2.5]");
  EXPECT_EQ(FormatVector({1.1f, 2.2f, 3.3f}), "[1.1,2.2,3.3]");
  EXPECT_EQ(FormatVectorElement(0.1f), "0.1");
  EXPECT_EQ(FormatVectorElement(0.12345678901f), "0.12345679");
  EXPECT_EQ(FormatVectorElement(1e-7f), "0.0000001");
  EXPECT_EQ(FormatVectorElement(1e20f), "100000000000000000000");
  EXPECT_EQ(FormatVectorElement(FLT_MAX), "340282350000000000000000000000000000000");
  EXPECT_EQ(FormatVectorElement(1e-45f), "0.000000000000000000000000000000000000000000001");
  EXPECT_EQ(FormatVectorElement(-0.0f), "-0");
}

TEST(FormatValueTest, EveryKind) {
  LogicalType untyped;
  EXPECT_EQ(FormatValue(Value::Int(-42), untyped), "-42");
  EXPECT_EQ(FormatValue(Value::UInt(18446744073709551615ULL), untyped), "18446744073709551615");
  EXPECT_EQ(FormatValue(Value::Double(1.5), untyped), "1.5");
  EXPECT_EQ(FormatValue(Value::Dec(Decimal(350, 2)), untyped), "3.50");
  EXPECT_EQ(FormatValue(Value::String("héllo"), untyped), "héllo");
  EXPECT_EQ(FormatValue(Value::Date(DaysFromCivil(2024, 1, 2)), untyped), "2024-01-02");
  int64_t dt = CivilToDatetime({2024, 1, 2, 3, 4, 5, 0});
  EXPECT_EQ(FormatValue(Value::Datetime(dt), untyped), "2024-01-02 03:04:05");
  EXPECT_EQ(FormatValue(Value::Datetime(dt + 500000), untyped), "2024-01-02 03:04:05.500000");
  EXPECT_EQ(FormatValue(Value::Time(-3723000000), untyped), "-01:02:03");
  EXPECT_EQ(FormatValue(Value::Vector({1, 2.5f}), untyped), "[1,2.5]");
}

TEST(FormatValueTest, TypeDrivenForms) {
  EXPECT_EQ(FormatValue(Value::Double(0.1f), LogicalType::Of(TypeId::kFloat)), "0.1");
  EXPECT_EQ(FormatValue(Value::Double(0.1f), LogicalType::Double()), "0.10000000149011612");
  EXPECT_EQ(FormatValue(Value::Dec(Decimal(35, 1)), LogicalType::Decimal(10, 2)), "3.50");
  LogicalType boolean = LogicalType::Of(TypeId::kTinyInt);
  boolean.is_bool = true;
  EXPECT_EQ(FormatValue(Value::Int(1), boolean), "1");
  EXPECT_EQ(FormatValue(Value::Int(0), boolean), "0");
  LogicalType char5 = LogicalType::Of(TypeId::kChar);
  char5.length = 5;
  EXPECT_EQ(FormatValue(Value::String("ab   "), char5), "ab");
  EXPECT_EQ(FormatValue(Value::String("ab   "), LogicalType::Varchar(5)), "ab   ");
  EXPECT_EQ(FormatValue(Value::Int(5), LogicalType::Of(TypeId::kYear)), "0005");
  EXPECT_EQ(FormatValue(Value::Int(2024), LogicalType::Of(TypeId::kYear)), "2024");
  int64_t dt = CivilToDatetime({2024, 1, 2, 3, 4, 5, 123456});
  EXPECT_EQ(FormatValue(Value::Datetime(dt), LogicalType::Datetime(3)), "2024-01-02 03:04:05.123");
  EXPECT_EQ(FormatValue(Value::Datetime(dt), LogicalType::Datetime(0)), "2024-01-02 03:04:05");
  LogicalType time6 = LogicalType::Of(TypeId::kTime);
  time6.fsp = 6;
  EXPECT_EQ(FormatValue(Value::Time(1000000), time6), "00:00:01.000000");
  LogicalType bit10 = LogicalType::Of(TypeId::kBit);
  bit10.length = 10;
  EXPECT_EQ(FormatValue(Value::UInt(0x203), bit10), std::string("\x02\x03", 2));
  EXPECT_EQ(FormatValue(Value::Date(DaysFromCivil(2024, 1, 2)), LogicalType::Datetime(0)),
            "2024-01-02 00:00:00");
}

}  // namespace
}  // namespace vexdb

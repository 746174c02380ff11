#include "types/decimal.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

std::string Canonical(std::string_view text) {
  auto d = Decimal::Parse(text);
  return d.ok() ? d->ToString() : "error " + std::to_string(d.status().mysql_errno());
}

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

TEST(DecimalTest, ParseAndToString) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case kCases[] = {
      {"0", "0"},
      {"12", "12"},
      {"-12", "-12"},
      {"+7", "7"},
      {"3.50", "3.50"},
      {"-0.10", "-0.10"},
      {"  1.5  ", "1.5"},
      {".5", "0.5"},
      {"5.", "5"},
      {"-0.000", "0.000"},
      {"1.5e0", "1.5"},
      {"1.5e1", "15"},
      {"1.5E2", "150"},
      {"15e-1", "1.5"},
      {"1e-3", "0.001"},
      {"0.000001e3", "0.001"},
      {"-2.5e-2", "-0.025"},
      {"00012.3400", "12.3400"},
      {"99999999999999999999999999999999999999", "99999999999999999999999999999999999999"},
      {"-99999999999999999999999999999999999999", "-99999999999999999999999999999999999999"},
      // More than 30 fractional digits: rounded half away from zero to 30.
      {"0.1234567890123456789012345678905", "0.123456789012345678901234567891"},
      {"-0.0000000000000000000000000000005", "-0.000000000000000000000000000001"},
      // More than 38 digits in all: fractional digits are given up first.
      {"1234567890123456789012345678901234567.89", "1234567890123456789012345678901234567.9"},
      {"12345678901234567890123456789012345678.5", "12345678901234567890123456789012345679"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Canonical(c.in), c.out) << c.in;
}

TEST(DecimalTest, ParseRejects) {
  for (const char* bad : {"", " ", "abc", "1.2.3", "1e", "--1", "1 2", "e5", ".", "1x"}) {
    auto d = Decimal::Parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().mysql_errno(), 1292) << bad;
  }
  // 39 integer digits: out of range (1690).
  auto wide = Decimal::Parse("100000000000000000000000000000000000000");
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.status().mysql_errno(), 1690);
  EXPECT_EQ(wide.status().message(),
            "DECIMAL value is out of range in '100000000000000000000000000000000000000'");
  EXPECT_FALSE(Decimal::Parse("1e38").ok());
  EXPECT_TRUE(Decimal::Parse("1e37").ok());
  EXPECT_FALSE(Decimal::Parse("1e999999999999").ok());
  EXPECT_EQ(Canonical("1e-999999999999"), "0.000000000000000000000000000000");
}

TEST(DecimalTest, ExactArithmetic) {
  EXPECT_EQ(D("0.1").Add(D("0.2"))->ToString(), "0.3");
  EXPECT_EQ(D("0.1").Add(D("0.2"))->Compare(D("0.3")), 0);
  EXPECT_EQ(D("1.5").Add(D("2.25"))->ToString(), "3.75");
  EXPECT_EQ(D("1.5").Sub(D("2.25"))->ToString(), "-0.75");
  EXPECT_EQ(D("-1.5").Sub(D("-1.5"))->ToString(), "0.0");
  EXPECT_EQ(D("-1").Add(D("0.5"))->ToString(), "-0.5");
  EXPECT_EQ(D("1.10").Mul(D("2.5"))->ToString(), "2.750");
  EXPECT_EQ(D("-3").Mul(D("0.5"))->ToString(), "-1.5");
  EXPECT_EQ(D("0").Mul(D("-0.5"))->ToString(), "0.0");
  EXPECT_EQ(D("2").Div(D("3"), 4)->ToString(), "0.6667");
  EXPECT_EQ(D("-2").Div(D("3"), 4)->ToString(), "-0.6667");
  EXPECT_EQ(D("1").Div(D("8"), 2)->ToString(), "0.13");  // 0.125 rounds away from zero
  EXPECT_EQ(D("10.5").Div(D("0.25"), 4)->ToString(), "42.0000");
  EXPECT_EQ(D("0.000000000000000000000000000001").Div(D("1000000"), 4)->ToString(), "0.0000");
}

TEST(DecimalTest, ProductScaleCappedAt30) {
  auto p = D("0.12345678901234567890").Mul(D("0.12345678901234567890"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->scale(), 30);
  EXPECT_EQ(p->ToString(), "0.015241578753238836750190519988");
}

TEST(DecimalTest, Overflow) {
  Decimal max = D("99999999999999999999999999999999999999");
  auto sum = max.Add(D("1"));
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.status().mysql_errno(), 1690);
  EXPECT_EQ(sum.status().sqlstate(), std::string("22003"));
  EXPECT_NE(sum.status().message().find("DECIMAL value is out of range in"), std::string::npos);
  EXPECT_FALSE(max.Mul(D("10")).ok());
  EXPECT_FALSE(max.Negate().Sub(D("1")).ok());
  EXPECT_FALSE(max.Div(D("0.1"), 0).ok());
  EXPECT_TRUE(max.Add(D("-1")).ok());
  // A sum that needs 39 digits only because of its fraction gives up fractional digits.
  auto fractional = D("9999999999999999999999999999999999999.9").Add(D("0.05"));
  ASSERT_TRUE(fractional.ok());
  EXPECT_EQ(fractional->ToString(), "10000000000000000000000000000000000000");
}

TEST(DecimalTest, RescaleRoundsHalfAwayFromZero) {
  EXPECT_EQ(D("2.345").Rescale(2)->ToString(), "2.35");
  EXPECT_EQ(D("-2.345").Rescale(2)->ToString(), "-2.35");
  EXPECT_EQ(D("2.344").Rescale(2)->ToString(), "2.34");
  EXPECT_EQ(D("2.5").Rescale(0)->ToString(), "3");
  EXPECT_EQ(D("-2.5").Rescale(0)->ToString(), "-3");
  EXPECT_EQ(D("0.4").Rescale(0)->ToString(), "0");
  EXPECT_EQ(D("-0.4").Rescale(0)->ToString(), "0");
  EXPECT_EQ(D("1.5").Rescale(3)->ToString(), "1.500");
  EXPECT_EQ(D("9.995").Rescale(2)->ToString(), "10.00");
  EXPECT_FALSE(D("9999999999999999999999999999999999999").Rescale(2).ok());
}

TEST(DecimalTest, FitsPrecision) {
  EXPECT_TRUE(D("999.99").FitsPrecision(5, 2));
  EXPECT_FALSE(D("1000.00").FitsPrecision(5, 2));
  EXPECT_FALSE(D("999.995").FitsPrecision(5, 2));  // rounds to 1000.00
  EXPECT_TRUE(D("999.994").FitsPrecision(5, 2));
  EXPECT_TRUE(D("-999.99").FitsPrecision(5, 2));
  EXPECT_TRUE(D("0.5").FitsPrecision(1, 1));
  EXPECT_FALSE(D("1").FitsPrecision(1, 1));
  EXPECT_TRUE(D("12345678901234567890123456789012345678").FitsPrecision(38, 0));
}

TEST(DecimalTest, CompareAcrossScales) {
  EXPECT_EQ(D("1.50").Compare(D("1.5")), 0);
  EXPECT_LT(D("1.49").Compare(D("1.5")), 0);
  EXPECT_GT(D("2").Compare(D("1.999999999999999999999999999999")), 0);
  EXPECT_LT(D("-2").Compare(D("-1.9")), 0);
  EXPECT_GT(D("0").Compare(D("-0.0001")), 0);
  EXPECT_EQ(D("0.000").Compare(D("0")), 0);
  Decimal max = D("99999999999999999999999999999999999999");
  EXPECT_GT(max.Compare(D("0.000000000000000000000000000001")), 0);
}

TEST(DecimalTest, Conversions) {
  EXPECT_EQ(Decimal::FromDouble(0.1)->ToString(), "0.1");
  EXPECT_EQ(Decimal::FromDouble(-2.5)->ToString(), "-2.5");
  EXPECT_EQ(Decimal::FromDouble(1e20)->ToString(), "100000000000000000000");
  EXPECT_EQ(Decimal::FromDouble(0.30000000000000004)->ToString(), "0.30000000000000004");
  EXPECT_FALSE(Decimal::FromDouble(1e300).ok());
  EXPECT_FALSE(Decimal::FromDouble(std::numeric_limits<double>::quiet_NaN()).ok());
  EXPECT_DOUBLE_EQ(D("3.25").ToDouble(), 3.25);
  EXPECT_EQ(D("0.1").ToDouble(), 0.1);
  EXPECT_EQ(D("123456789012345678901234567890.12345678").ToDouble(), 1.2345678901234568e29);
  EXPECT_EQ(*D("2.5").ToInt64(), 3);
  EXPECT_EQ(*D("-2.5").ToInt64(), -3);
  EXPECT_EQ(*D("9223372036854775807").ToInt64(), INT64_MAX);
  EXPECT_EQ(*D("-9223372036854775808").ToInt64(), INT64_MIN);
  EXPECT_FALSE(D("9223372036854775808").ToInt64().ok());
  EXPECT_EQ(Decimal::FromInt(INT64_MIN).ToString(), "-9223372036854775808");
}

}  // namespace
}  // namespace vexdb

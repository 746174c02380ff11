#include "types/vector_text.h"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <random>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "types/value_format.h"

namespace vexdb {
namespace {

std::string RoundTrip(std::string_view text) {
  auto v = ParseVectorText(text);
  return v.ok() ? FormatVector(*v) : v.status().message();
}

TEST(VectorTextTest, Accepts) {
  EXPECT_EQ(RoundTrip("[1.000,   2.5]"), "[1,2.5]");
  EXPECT_EQ(RoundTrip("[1.1, 2.2, 3.3]"), "[1.1,2.2,3.3]");
  EXPECT_EQ(RoundTrip("[0.3,     0.5,  -0.1]"), "[0.3,0.5,-0.1]");
  EXPECT_EQ(RoundTrip(" [ 1 , 2 ] \n"), "[1,2]");
  EXPECT_EQ(RoundTrip("[]"), "[]");
  EXPECT_EQ(RoundTrip("[ ]"), "[]");
  EXPECT_EQ(RoundTrip("[1e-07, -2.5E+3, 3e38]"),
            "[0.0000001,-2500,300000000000000000000000000000000000000]");
  EXPECT_EQ(RoundTrip("[0.12345678901]"), "[0.12345679]");
  EXPECT_EQ(RoundTrip("[-0.0]"), "[-0]");
  EXPECT_EQ(RoundTrip("[+1]"), "[1]");
  EXPECT_EQ(RoundTrip("[0]"), "[0]");
  EXPECT_EQ(RoundTrip("[1,\t2 ,\n3\r]"), "[1,2,3]");
  EXPECT_EQ(RoundTrip("[1, 2e1, 3]"), "[1,20,3]");
  // Elements beyond the exact fast path among plain ones: 17 digits, a tiny exponent.
  EXPECT_EQ(RoundTrip("[0.1, 0.30000000000000004, 9.1039411e-34, 2]"),
            "[0.1,0.3,0.0000000000000000000000000000000009103941,2]");
}

// The fast path (exact for up to 15 digits and scales within 10^±22, from_chars per element
// beyond) must give the bits from_chars gives, rounded to float32 the same way, for every kind
// of decimal a client sends, alone or among others after ", " as JSON writers separate them.
TEST(VectorTextTest, FastPathMatchesFromChars) {
  std::mt19937_64 rng(42);
  std::vector<std::string> numbers = {"0", "-0", "0.0", "-0.000", "255", "9007199254740992",
                                      "9007199254740993", "0.1", "0.30000000000000004",
                                      "123456789012345678901234567890", "1.0000000000000000000001",
                                      "0.0000000000000000000001", "0.00000000000000000000001",
                                      "18446744073709551615", "99999999999999999999",
                                      "1.8446744073709551617", "9007199254740993.5", "-12.5e-3"};
  for (int i = 0; i < 20000; ++i) {
    std::uniform_real_distribution<double> value(-4, 4);
    int digits = static_cast<int>(rng() % 25);
    numbers.push_back(fmt::format("{:.{}f}", value(rng) * std::pow(10.0, rng() % 8), digits));
    // What embedding writers send: %.9g and Python's repr, exponents included, and exponents
    // at and beyond the exact powers (10^22), which the fast path leaves to from_chars.
    double small = value(rng) * std::pow(10.0, -static_cast<int>(rng() % 12));
    numbers.push_back(fmt::format("{:.9g}", small));
    numbers.push_back(fmt::format("{}", small));
    numbers.push_back(fmt::format("{:.{}e}", value(rng), static_cast<int>(rng() % 16)));
    numbers.push_back(fmt::format("{}e{}", rng() % 100000, static_cast<int>(rng() % 61) - 30));
  }
  for (const char* edge : {"1e22", "1e-22", "123.5e-21", "9e23", "1e-23", "12E+3", "5e0",
                           "1.5e-0", "0e300", "-0e-5", "1e0010", "4.9e-324",
                           "1.17549435e-38", "1.4e-45", "7e-46", "3.4028234e38"}) {
    numbers.push_back(edge);
  }
  auto from_chars = [](const std::string& number) {
    double expected = 0;
    std::from_chars(number.data(), number.data() + number.size(), expected);
    return std::bit_cast<uint32_t>(static_cast<float>(expected));
  };
  for (const std::string& number : numbers) {
    auto parsed = ParseVectorText("[" + number + "]");
    ASSERT_TRUE(parsed.ok()) << number;
    EXPECT_EQ(std::bit_cast<uint32_t>((*parsed)[0]), from_chars(number)) << number;
  }
  numbers.resize(kMaxVectorDimensions);
  auto all = ParseVectorText("[" + fmt::format("{}", fmt::join(numbers, ", ")) + "]");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), numbers.size());
  for (size_t i = 0; i < numbers.size(); ++i) {
    EXPECT_EQ(std::bit_cast<uint32_t>((*all)[i]), from_chars(numbers[i])) << numbers[i];
  }
}

TEST(VectorTextTest, Rejects) {
  for (const char* bad : {"[5, ]", "abc", "123", "[123", "123]", "[123,]", "\"json_str\"",
                          "[1e]", "[1e+]", "[1e-]", "[1.e5]", "[1e5.5]", "[1ee5]", "[e5]",
                          "[1,2.1,inf]", "[1,2.1,nan]", "[1,2.1,null]", "[1,2,3,4.4]dddd",
                          "null", "[.5]", "[1.]", "[01]", "", "[1 2]",
                          // ending in ']' (what the fast path checks first) is not enough
                          "[1]]", "[1] ]", "[1]x]", "[-]", "[1,,2]", "[[1]]", "[1..5]", "[--1]",
                          "]", " ]", "[1,]]"}) {
    EXPECT_EQ(RoundTrip(bad), std::string("Invalid vector text: ") + bad) << bad;
  }
  EXPECT_EQ(RoundTrip("[1e39]"), "value 1e+39 out of range for float32");
  EXPECT_EQ(RoundTrip("[-3.5e38]"), "value -3.5e+38 out of range for float32");
  EXPECT_EQ(RoundTrip("[1e400]"), "infinite value not allowed in vector");
  auto err = ParseVectorText("[x]");
  EXPECT_EQ(err.status().mysql_errno(), 1105);
}

TEST(VectorTextTest, DimensionLimits) {
  std::string text = "[";
  for (int i = 0; i < 16384; ++i) text += i == 0 ? "1" : ",1";
  text += "]";
  EXPECT_EQ(RoundTrip(text), "vector cannot have more than 16383 dimensions");
  EXPECT_TRUE(CheckVectorDimensions({1, 2, 3}, 3).ok());
  EXPECT_TRUE(CheckVectorDimensions({1, 2, 3}, -1).ok());
  EXPECT_EQ(CheckVectorDimensions({1, 2, 3}, 2).message(),
            "vector has 3 dimensions, does not fit VECTOR(2)");
}

}  // namespace
}  // namespace vexdb

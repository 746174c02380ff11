#include "types/vector_text.h"

#include <gtest/gtest.h>

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
}

TEST(VectorTextTest, Rejects) {
  for (const char* bad : {"[5, ]", "abc", "123", "[123", "123]", "[123,]", "\"json_str\"",
                          "[1,2.1,inf]", "[1,2.1,nan]", "[1,2.1,null]", "[1,2,3,4.4]dddd",
                          "null", "[.5]", "[1.]", "[01]", "", "[1 2]"}) {
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

#include "function/json_compare.h"

#include <gtest/gtest.h>

#include "function/function_test_util.h"

namespace vexdb {
namespace {

using testing::Arg;
using testing::F;
using testing::I;
using testing::J;
using testing::S;

int Compare(const Arg& a, const Arg& b) {
  Result<int> order = CompareWithJson(a.value, a.type, b.value, b.type);
  EXPECT_TRUE(order.ok());
  return order.ok() ? *order : 99;
}

TEST(JsonCompareTest, SqlStringIsAJsonStringNotJsonText) {
  EXPECT_EQ(Compare(J("\"P1\""), S("P1")), 0);
  EXPECT_EQ(Compare(S("P1"), J("\"P1\"")), 0);
  EXPECT_LT(Compare(J("\"P1\""), S("P2")), 0);
  EXPECT_NE(Compare(J("\"P1\""), S("\"P1\"")), 0);
  EXPECT_NE(Compare(J("1"), S("1")), 0);  // a number and a string are never equal
  EXPECT_EQ(Compare(J("[1, 2]"), J("[1, 2]")), 0);
  EXPECT_NE(Compare(J("[1, 2]"), S("[1, 2]")), 0);
}

TEST(JsonCompareTest, StringsCompareBytewiseWithoutPadding) {
  EXPECT_LT(Compare(J("\"a\""), S("a b")), 0);
  EXPECT_LT(Compare(J("\"a\""), S("a ")), 0);
  EXPECT_GT(Compare(J("\"b\""), S("abc")), 0);
  EXPECT_LT(Compare(J("\"B\""), S("a")), 0);
}

TEST(JsonCompareTest, NumbersCompareExactlyAcrossKinds) {
  EXPECT_EQ(Compare(J("2"), I(2)), 0);
  EXPECT_GT(Compare(J("10"), I(9)), 0);
  EXPECT_EQ(Compare(J("2.0"), I(2)), 0);
  EXPECT_EQ(Compare(J("2.5"), F(2.5)), 0);
  EXPECT_LT(Compare(J("9007199254740992"), J("9007199254740993")), 0);
  EXPECT_LT(Compare(J("-1"), J("18446744073709551615")), 0);
}

TEST(JsonCompareTest, DifferentTypesOrderByPrecedence) {
  // null < numbers < strings < objects < arrays < booleans
  EXPECT_LT(Compare(J("null"), I(0)), 0);
  EXPECT_LT(Compare(J("100"), S("0")), 0);
  EXPECT_LT(Compare(J("\"z\""), J("{}")), 0);
  EXPECT_LT(Compare(J("{\"a\": 1}"), J("[]")), 0);
  EXPECT_LT(Compare(J("[1]"), J("false")), 0);
  EXPECT_LT(Compare(J("false"), J("true")), 0);
}

TEST(JsonCompareTest, ContainersCompareByMembers) {
  EXPECT_LT(Compare(J("[1, 2]"), J("[1, 3]")), 0);
  EXPECT_LT(Compare(J("[1, 2]"), J("[1, 2, 0]")), 0);
  EXPECT_EQ(Compare(J("[1, \"a\"]"), J("[1.0, \"a\"]")), 0);
  EXPECT_EQ(Compare(J("{\"a\": 1, \"b\": [2]}"), J("{\"b\": [2], \"a\": 1}")), 0);
  EXPECT_NE(Compare(J("{\"a\": 1}"), J("{\"a\": 2}")), 0);
  EXPECT_NE(Compare(J("{\"a\": 1}"), J("{\"a\": 1, \"b\": 1}")), 0);
}

TEST(JsonCompareTest, InvalidJsonTextIsAnError) {
  Arg bad = J("{bad");
  Arg one = I(1);
  EXPECT_FALSE(CompareWithJson(bad.value, bad.type, one.value, one.type).ok());
}

}  // namespace
}  // namespace vexdb

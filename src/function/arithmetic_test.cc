#include <gtest/gtest.h>

#include "function/function.h"
#include "function/function_test_util.h"

namespace vexdb {
namespace {

using testing::Arg;
using testing::D;
using testing::F;
using testing::I;
using testing::S;
using testing::U;

std::string Eval(ArithmeticOp op, const Arg& a, const Arg& b) {
  auto type = ArithmeticResultType(op, a.type, b.type);
  if (!type.ok()) return "TYPE ERROR " + type.status().message();
  auto value =
      EvaluateArithmetic(op, a.value, a.type, b.value, b.type, *type, testing::DefaultContext());
  return testing::Render(value, *type);
}

struct Case {
  ArithmeticOp op;
  Arg left, right;
  const char* expected;
};

TEST(ArithmeticTest, Values) {
  const Case cases[] = {
      {ArithmeticOp::kAdd, I(1), I(2), "3"},
      {ArithmeticOp::kSub, I(1), I(2), "-1"},
      {ArithmeticOp::kMul, I(-3), I(4), "-12"},
      {ArithmeticOp::kDiv, I(2), I(3), "0.6667"},
      {ArithmeticOp::kDiv, I(1), I(3), "0.3333"},
      {ArithmeticOp::kDiv, I(6), I(3), "2.0000"},
      {ArithmeticOp::kDiv, D("1.0"), I(3), "0.33333"},
      {ArithmeticOp::kAdd, D("0.1"), D("0.2"), "0.3"},
      {ArithmeticOp::kAdd, D("1.25"), D("0.5"), "1.75"},
      {ArithmeticOp::kMul, D("1.5"), D("1.25"), "1.875"},
      {ArithmeticOp::kSub, D("0.3"), I(1), "-0.7"},
      {ArithmeticOp::kIntDiv, I(7), I(2), "3"},
      {ArithmeticOp::kIntDiv, I(-7), I(2), "-3"},
      {ArithmeticOp::kIntDiv, D("7.5"), D("2.5"), "3"},
      {ArithmeticOp::kIntDiv, F(7.9), I(2), "3"},
      {ArithmeticOp::kMod, I(7), I(3), "1"},
      {ArithmeticOp::kMod, I(-7), I(3), "-1"},
      {ArithmeticOp::kMod, D("7.5"), I(2), "1.5"},
      {ArithmeticOp::kMod, F(7.5), I(2), "1.5"},
      {ArithmeticOp::kAdd, F(0.5), I(1), "1.5"},
      {ArithmeticOp::kAdd, S("1.5"), I(1), "2.5"},
      {ArithmeticOp::kAdd, S("abc"), I(1), "1"},
      {ArithmeticOp::kAdd, U(18446744073709551614ULL), I(1), "18446744073709551615"},
      {ArithmeticOp::kAdd, I(-1), U(5), "4"},
      {ArithmeticOp::kMul, I(4294967296), I(2147483647), "9223372032559808512"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Eval(c.op, c.left, c.right), c.expected)
        << FormatValue(c.left.value, c.left.type) << " op " << static_cast<int>(c.op) << " "
        << FormatValue(c.right.value, c.right.type);
  }
}

TEST(ArithmeticTest, DivisionByZeroIsNull) {
  EXPECT_EQ(Eval(ArithmeticOp::kDiv, I(1), I(0)), "NULL");
  EXPECT_EQ(Eval(ArithmeticOp::kDiv, D("1.5"), D("0.0")), "NULL");
  EXPECT_EQ(Eval(ArithmeticOp::kDiv, F(1), F(0)), "NULL");
  EXPECT_EQ(Eval(ArithmeticOp::kIntDiv, I(1), I(0)), "NULL");
  EXPECT_EQ(Eval(ArithmeticOp::kMod, I(1), I(0)), "NULL");
  EXPECT_EQ(Eval(ArithmeticOp::kMod, F(1), F(0)), "NULL");
}

TEST(ArithmeticTest, IntegerOverflowIsAnError) {
  EXPECT_EQ(Eval(ArithmeticOp::kAdd, I(9223372036854775807), I(1)),
            "ERROR 1690: BIGINT value is out of range in '(9223372036854775807 + 1)'");
  EXPECT_EQ(Eval(ArithmeticOp::kSub, I(INT64_MIN), I(1)),
            "ERROR 1690: BIGINT value is out of range in '(-9223372036854775808 - 1)'");
  EXPECT_EQ(Eval(ArithmeticOp::kMul, I(9223372036854775807), I(2)),
            "ERROR 1690: BIGINT value is out of range in '(9223372036854775807 * 2)'");
  EXPECT_EQ(Eval(ArithmeticOp::kSub, U(1), I(2)),
            "ERROR 1690: BIGINT UNSIGNED value is out of range in '(1 - 2)'");
  EXPECT_EQ(Eval(ArithmeticOp::kAdd, U(18446744073709551615ULL), I(1)),
            "ERROR 1690: BIGINT UNSIGNED value is out of range in '(18446744073709551615 + 1)'");
  EXPECT_EQ(Eval(ArithmeticOp::kIntDiv, I(INT64_MIN), I(-1)),
            "ERROR 1690: BIGINT value is out of range in '(-9223372036854775808 DIV -1)'");
  EXPECT_EQ(Eval(ArithmeticOp::kMul, F(1e308), I(10)),
            "ERROR 1690: DOUBLE value is out of range in '(1e308 * 10)'");
}

TEST(ArithmeticTest, ResultTypes) {
  auto type = [](ArithmeticOp op, const Arg& a, const Arg& b) {
    return ArithmeticResultType(op, a.type, b.type).value().ToSql();
  };
  EXPECT_EQ(type(ArithmeticOp::kAdd, I(1), I(2)), LogicalType::BigInt().ToSql());
  EXPECT_EQ(type(ArithmeticOp::kAdd, U(1), I(2)), LogicalType::BigInt(true).ToSql());
  EXPECT_EQ(type(ArithmeticOp::kDiv, I(2), I(3)), LogicalType::Decimal(5, 4).ToSql());
  EXPECT_EQ(type(ArithmeticOp::kIntDiv, I(7), I(2)), LogicalType::BigInt().ToSql());
  EXPECT_EQ(type(ArithmeticOp::kAdd, D("1.5"), D("10.25")), LogicalType::Decimal(5, 2).ToSql());
  EXPECT_EQ(type(ArithmeticOp::kMul, D("1.5"), D("10.25")), LogicalType::Decimal(6, 3).ToSql());
  EXPECT_EQ(type(ArithmeticOp::kAdd, F(1), I(1)), LogicalType::Double().ToSql());
  EXPECT_EQ(type(ArithmeticOp::kAdd, S("1"), I(1)), LogicalType::Double().ToSql());
  EXPECT_EQ(ArithmeticResultType(ArithmeticOp::kDiv, LogicalType::Decimal(10, 2),
                                 LogicalType::BigInt(), 6)
                .value()
                .ToSql(),
            "decimal(16,8)");
}

TEST(ArithmeticTest, Temporals) {
  EXPECT_EQ(Eval(ArithmeticOp::kAdd, testing::Date("2024-01-02"), I(0)), "20240102");
  EXPECT_EQ(Eval(ArithmeticOp::kAdd, testing::Datetime("2024-01-02 03:04:05"), I(1)),
            "20240102030406");
}

TEST(ArithmeticTest, Negate) {
  EXPECT_EQ(EvaluateNegate(Value::Int(5), LogicalType::BigInt()).value(), Value::Int(-5));
  EXPECT_EQ(EvaluateNegate(Value::Int(INT64_MIN), LogicalType::BigInt()).status().message(),
            "BIGINT value is out of range in '-(-9223372036854775808)'");
  EXPECT_EQ(EvaluateNegate(Value::UInt(5), LogicalType::BigInt(true)).value(), Value::Int(-5));
  EXPECT_EQ(EvaluateNegate(Value::Double(1.5), LogicalType::Double()).value(), Value::Double(-1.5));
  auto d = EvaluateNegate(testing::D("0.10").value, testing::D("0.10").type);
  EXPECT_EQ(d->decimal_value().ToString(), "-0.10");
}

TEST(ArithmeticTest, Vectors) {
  LogicalType vt = LogicalType::Of(TypeId::kVector);
  Value a = Value::Vector({1, 2}), b = Value::Vector({2, 3});
  auto type = ArithmeticResultType(ArithmeticOp::kAdd, vt, vt);
  ASSERT_TRUE(type.ok());
  auto sum = EvaluateArithmetic(ArithmeticOp::kAdd, a, vt, b, vt, *type, testing::DefaultContext());
  EXPECT_EQ(sum.value(), Value::Vector({3, 5}));
  auto bad = EvaluateArithmetic(ArithmeticOp::kAdd, a, vt, Value::Vector({1}), vt, *type,
                                testing::DefaultContext());
  EXPECT_EQ(bad.status().message(), "vectors have different dimensions: 2 and 1");
  auto over = EvaluateArithmetic(ArithmeticOp::kMul, Value::Vector({1e37f}), vt,
                                 Value::Vector({1e37f}), vt, *type, testing::DefaultContext());
  EXPECT_EQ(over.status().message(), "value out of range: overflow");
  EXPECT_FALSE(ArithmeticResultType(ArithmeticOp::kDiv, vt, vt).ok());
}

}  // namespace
}  // namespace vexdb

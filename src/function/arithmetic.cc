// Arithmetic operators with MySQL's typing and overflow rules.
//
// The result type (ArithmeticResultType) picks one of four evaluation domains, and
// EvaluateArithmetic computes in that domain only:
//   integer  both operands exact integers: computed exactly in 128 bits, then range-checked
//            against BIGINT or BIGINT UNSIGNED, so overflow is an error, never a wrap;
//   decimal  an exact operand with a fraction (DECIMAL, DATETIME(fsp)): Decimal arithmetic with
//            MySQL's scale rules (+ - keep the larger scale, * adds scales, / adds
//            div_precision_increment to the dividend's scale);
//   double   any FLOAT/DOUBLE or string operand; an infinite result is an overflow error;
//   vector   element-wise + - * over float32 (tidb-vector-spec.md §2.4).
// Temporal operands are first turned into their numeric forms (DATE 20240102, DATETIME
// 20240102030405[.ffffff], TIME 30405[.ffffff]) as MySQL does.

#include <algorithm>
#include <cmath>
#include <limits>

#include "function/function.h"
#include "function/function_util.h"
#include "types/cast.h"
#include "types/temporal.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

enum class Domain { kInteger, kDecimal, kDouble, kVector };

constexpr int kMaxDecimalPrecision = 65;
constexpr int kMaxDecimalScale = 30;

bool HasFraction(const LogicalType& t) {
  switch (t.id) {
    case TypeId::kDecimal:
      return t.scale > 0;
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
      return t.fsp > 0;
    default:
      return false;
  }
}

Domain OperandDomain(const LogicalType& t) {
  if (t.id == TypeId::kVector) return Domain::kVector;
  if (t.id == TypeId::kFloat || t.id == TypeId::kDouble) return Domain::kDouble;
  if (t.IsString() || (t.IsBinary() && t.id != TypeId::kBit)) return Domain::kDouble;
  if (t.id == TypeId::kDecimal || HasFraction(t)) return Domain::kDecimal;
  return Domain::kInteger;  // integers, BIT, YEAR, DATE, DATETIME/TIME without fsp, NULL
}

// Precision and scale of an exact operand, as MySQL's decimal_precision() and decimals.
struct ExactShape {
  int precision;
  int scale;
};

ExactShape ShapeOf(const LogicalType& t) {
  switch (t.id) {
    case TypeId::kDecimal:
      return {t.precision, std::max<int>(t.scale, 0)};
    case TypeId::kDate:
      return {8, 0};
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return {14 + t.fsp, t.fsp};
    case TypeId::kTime:
      return {7 + t.fsp, t.fsp};
    case TypeId::kNull:
      return {1, 0};
    case TypeId::kBit:
      return {20, 0};
    default: {
      int64_t digits = DisplayLength(t) - (t.is_unsigned ? 0 : 1);
      return {static_cast<int>(std::clamp<int64_t>(digits, 1, 20)), 0};
    }
  }
}

bool IsUnsignedOperand(const LogicalType& t) { return t.is_unsigned || t.id == TypeId::kBit; }

LogicalType DecimalType(int precision, int scale) {
  scale = std::min(scale, kMaxDecimalScale);
  precision = std::clamp(precision, std::max(scale, 1), kMaxDecimalPrecision);
  return LogicalType::Decimal(precision, scale);
}

LogicalType DecimalResultType(ArithmeticOp op, ExactShape a, ExactShape b, int increment) {
  switch (op) {
    case ArithmeticOp::kAdd:
    case ArithmeticOp::kSub: {
      int scale = std::max(a.scale, b.scale);
      return DecimalType(std::max(a.precision - a.scale, b.precision - b.scale) + scale + 1, scale);
    }
    case ArithmeticOp::kMul:
      return DecimalType(a.precision + b.precision, a.scale + b.scale);
    case ArithmeticOp::kDiv: {
      int scale = std::min(a.scale + increment, kMaxDecimalScale);
      return DecimalType(a.precision + b.scale + increment, scale);
    }
    default: {
      int scale = std::max(a.scale, b.scale);
      return DecimalType(std::max(a.precision - a.scale, b.precision - b.scale) + scale, scale);
    }
  }
}

const char* OpText(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd:
      return "+";
    case ArithmeticOp::kSub:
      return "-";
    case ArithmeticOp::kMul:
      return "*";
    case ArithmeticOp::kDiv:
      return "/";
    case ArithmeticOp::kIntDiv:
      return "DIV";
    case ArithmeticOp::kMod:
      return "%";
  }
  return "?";
}

std::string OperandText(const Value& v, const LogicalType& t) {
  if (v.kind() == ValueKind::kString) return "'" + v.string_value() + "'";
  return FormatValue(v, t);
}

Status OutOfRange(const char* type_name, ArithmeticOp op, const Value& a, const LogicalType& at,
                  const Value& b, const LogicalType& bt) {
  std::string expr = "(" + OperandText(a, at) + " " + OpText(op) + " " + OperandText(b, bt) + ")";
  return Status::Error(ErrorCode::kDataOutOfRange, type_name, expr);
}

// DATE 20240102, DATETIME 20240102030405[.ffffff], TIME [-]30405[.ffffff]; others unchanged.
Value NumericForm(const Value& v) {
  auto with_micros = [](int64_t whole, int64_t micros, bool negative) {
    if (micros == 0) return Value::Int(negative ? -whole : whole);
    Decimal d(static_cast<__int128>(whole) * 1000000 + micros, 6);
    return Value::Dec(negative ? d.Negate() : d);
  };
  switch (v.kind()) {
    case ValueKind::kDate: {
      int y, m, d;
      CivilFromDays(v.date_value(), &y, &m, &d);
      return Value::Int(static_cast<int64_t>(y) * 10000 + m * 100 + d);
    }
    case ValueKind::kDatetime: {
      CivilTime c = DatetimeToCivil(v.datetime_value());
      int64_t whole = ((static_cast<int64_t>(c.year) * 100 + c.month) * 100 + c.day) * 1000000 +
                      c.hour * 10000 + c.minute * 100 + c.second;
      return with_micros(whole, c.microsecond, false);
    }
    case ValueKind::kTime: {
      int64_t t = v.time_value();
      bool negative = t < 0;
      uint64_t abs = negative ? -static_cast<uint64_t>(t) : static_cast<uint64_t>(t);
      int64_t secs = static_cast<int64_t>(abs / 1000000);
      int64_t whole = (secs / 3600) * 10000 + (secs / 60 % 60) * 100 + secs % 60;
      return with_micros(whole, static_cast<int64_t>(abs % 1000000), negative);
    }
    default:
      return v;
  }
}

__int128 ToInt128(const Value& v) {
  if (v.kind() == ValueKind::kUInt) return v.uint_value();
  if (v.kind() == ValueKind::kInt) return v.int_value();
  return ValueToInt64(v);
}

Result<Value> EvalInteger(ArithmeticOp op, const Value& a, const Value& b,
                          const LogicalType& result_type, const auto& overflow) {
  __int128 x = ToInt128(a), y = ToInt128(b), r = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      r = x + y;
      break;
    case ArithmeticOp::kSub:
      r = x - y;
      break;
    case ArithmeticOp::kMul:
      if (__builtin_mul_overflow(x, y, &r)) return overflow();
      break;
    case ArithmeticOp::kIntDiv:
      if (y == 0) return Value::Null();
      r = x / y;
      break;
    case ArithmeticOp::kMod:
      if (y == 0) return Value::Null();
      r = x % y;
      break;
    case ArithmeticOp::kDiv:
      return Status::Internal("integer domain for '/'");
  }
  if (result_type.is_unsigned) {
    if (r < 0 || r > static_cast<__int128>(std::numeric_limits<uint64_t>::max())) {
      return overflow();
    }
    return Value::UInt(static_cast<uint64_t>(r));
  }
  if (r < std::numeric_limits<int64_t>::min() || r > std::numeric_limits<int64_t>::max()) {
    return overflow();
  }
  return Value::Int(static_cast<int64_t>(r));
}

// Both operands at a common scale, as 128-bit mantissas (exact; errors if too wide).
Result<std::pair<__int128, __int128>> CommonMantissas(const Decimal& x, const Decimal& y) {
  int scale = std::max(x.scale(), y.scale());
  VEXDB_ASSIGN_OR_RETURN(Decimal xs, x.Rescale(scale));
  VEXDB_ASSIGN_OR_RETURN(Decimal ys, y.Rescale(scale));
  return std::make_pair(xs.mantissa(), ys.mantissa());
}

Result<Value> IntegerQuotientResult(__int128 q, const LogicalType& result_type,
                                    const auto& overflow) {
  if (result_type.is_unsigned) {
    if (q < 0 || q > static_cast<__int128>(std::numeric_limits<uint64_t>::max())) {
      return overflow();
    }
    return Value::UInt(static_cast<uint64_t>(q));
  }
  if (q < std::numeric_limits<int64_t>::min() || q > std::numeric_limits<int64_t>::max()) {
    return overflow();
  }
  return Value::Int(static_cast<int64_t>(q));
}

Result<Value> EvalDecimal(ArithmeticOp op, const Value& a, const Value& b,
                          const LogicalType& result_type, const auto& overflow) {
  auto xr = ValueToDecimal(a);
  auto yr = ValueToDecimal(b);
  if (!xr.ok() || !yr.ok()) return overflow();
  const Decimal& x = *xr;
  const Decimal& y = *yr;
  if ((op == ArithmeticOp::kDiv || op == ArithmeticOp::kIntDiv || op == ArithmeticOp::kMod) &&
      y.IsZero()) {
    return Value::Null();
  }
  Result<Decimal> r = Decimal();
  switch (op) {
    case ArithmeticOp::kAdd:
      r = x.Add(y);
      break;
    case ArithmeticOp::kSub:
      r = x.Sub(y);
      break;
    case ArithmeticOp::kMul:
      r = x.Mul(y);
      break;
    case ArithmeticOp::kDiv:
      r = x.Div(y, std::max<int>(result_type.scale, 0));
      break;
    case ArithmeticOp::kIntDiv:
    case ArithmeticOp::kMod: {
      auto pair = CommonMantissas(x, y);
      if (!pair.ok()) return overflow();
      auto [xm, ym] = *pair;
      if (op == ArithmeticOp::kIntDiv) return IntegerQuotientResult(xm / ym, result_type, overflow);
      r = Decimal(xm % ym, std::max(x.scale(), y.scale()));
      break;
    }
  }
  if (!r.ok()) return overflow();
  if (result_type.id == TypeId::kDecimal && result_type.scale >= 0 &&
      r->scale() != result_type.scale) {
    r = r->Rescale(result_type.scale);
    if (!r.ok()) return overflow();
  }
  return Value::Dec(*r);
}

Result<Value> EvalDouble(ArithmeticOp op, const Value& a, const Value& b,
                         const LogicalType& result_type, const auto& overflow) {
  double x = ValueToDouble(a), y = ValueToDouble(b), r = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      r = x + y;
      break;
    case ArithmeticOp::kSub:
      r = x - y;
      break;
    case ArithmeticOp::kMul:
      r = x * y;
      break;
    case ArithmeticOp::kDiv:
      if (y == 0) return Value::Null();
      r = x / y;
      break;
    case ArithmeticOp::kMod:
      if (y == 0) return Value::Null();
      r = std::fmod(x, y);
      break;
    case ArithmeticOp::kIntDiv: {
      if (y == 0) return Value::Null();
      double q = std::trunc(x / y);
      if (!(q >= -9223372036854775808.0 && q < 18446744073709551616.0)) return overflow();
      if (result_type.is_unsigned || q >= 9223372036854775808.0) {
        return IntegerQuotientResult(static_cast<__int128>(q), result_type, overflow);
      }
      return IntegerQuotientResult(static_cast<int64_t>(q), result_type, overflow);
    }
  }
  if (!std::isfinite(r)) return overflow();
  return Value::Double(r);
}

Result<std::vector<float>> ToVector(const Value& v) {
  if (v.kind() == ValueKind::kVector) return v.vector_value();
  VEXDB_ASSIGN_OR_RETURN(Value cast, CastValue(v, LogicalType::Of(TypeId::kVector), CastContext{}));
  if (cast.kind() != ValueKind::kVector) return Status::Internal("cannot convert to vector");
  return cast.vector_value();
}

Result<Value> EvalVector(ArithmeticOp op, const Value& a, const Value& b) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> x, ToVector(a));
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> y, ToVector(b));
  if (x.size() != y.size()) {
    return Status::Internal(
        fmt::format("vectors have different dimensions: {} and {}", x.size(), y.size()));
  }
  for (size_t i = 0; i < x.size(); ++i) {
    float r = op == ArithmeticOp::kAdd   ? x[i] + y[i]
              : op == ArithmeticOp::kSub ? x[i] - y[i]
                                         : x[i] * y[i];
    if (std::isnan(r)) return Status::Internal("value out of range: NaN");
    if (std::isinf(r)) return Status::Internal("value out of range: overflow");
    x[i] = r;
  }
  return Value::Vector(std::move(x));
}

const char* DomainTypeName(const LogicalType& result_type) {
  switch (result_type.id) {
    case TypeId::kDecimal:
      return "DECIMAL";
    case TypeId::kDouble:
    case TypeId::kFloat:
      return "DOUBLE";
    default:
      return result_type.is_unsigned ? "BIGINT UNSIGNED" : "BIGINT";
  }
}

}  // namespace

Result<LogicalType> ArithmeticResultType(ArithmeticOp op, const LogicalType& left,
                                         const LogicalType& right, int div_precision_increment) {
  Domain a = OperandDomain(left), b = OperandDomain(right);
  if (a == Domain::kVector || b == Domain::kVector) {
    if (op == ArithmeticOp::kAdd || op == ArithmeticOp::kSub || op == ArithmeticOp::kMul) {
      LogicalType t = LogicalType::Of(TypeId::kVector);
      t.length = a == Domain::kVector ? left.length : right.length;
      return t;
    }
    return Status::Error(ErrorCode::kNotSupportedYet, "this arithmetic operator on vectors");
  }
  bool either_unsigned = IsUnsignedOperand(left) || IsUnsignedOperand(right);
  if (op == ArithmeticOp::kIntDiv) return LogicalType::BigInt(either_unsigned);
  if (a == Domain::kDouble || b == Domain::kDouble) return LogicalType::Double();
  if (a == Domain::kInteger && b == Domain::kInteger && op != ArithmeticOp::kDiv) {
    if (op == ArithmeticOp::kMod) return LogicalType::BigInt(IsUnsignedOperand(left));
    return LogicalType::BigInt(either_unsigned);
  }
  return DecimalResultType(op, ShapeOf(left), ShapeOf(right), div_precision_increment);
}

Result<Value> EvaluateArithmetic(ArithmeticOp op, const Value& left, const LogicalType& left_type,
                                 const Value& right, const LogicalType& right_type,
                                 const LogicalType& result_type, FunctionContext& context) {
  if (left.is_null() || right.is_null()) return Value::Null();
  auto overflow = [&]() -> Status {
    return OutOfRange(DomainTypeName(result_type), op, left, left_type, right, right_type);
  };
  if (result_type.id == TypeId::kVector) return EvalVector(op, left, right);
  Value a = NumericForm(left), b = NumericForm(right);
  bool exact =
      OperandDomain(left_type) != Domain::kDouble && OperandDomain(right_type) != Domain::kDouble;
  switch (result_type.id) {
    case TypeId::kDecimal:
      return EvalDecimal(op, a, b, result_type, overflow);
    case TypeId::kDouble:
    case TypeId::kFloat:
      return EvalDouble(op, a, b, result_type, overflow);
    default:
      if (op == ArithmeticOp::kIntDiv && !exact) {
        return EvalDouble(op, a, b, result_type, overflow);
      }
      if (a.kind() == ValueKind::kDecimal || b.kind() == ValueKind::kDecimal) {
        return EvalDecimal(op, a, b, result_type, overflow);
      }
      return EvalInteger(op, a, b, result_type, overflow);
  }
}

Result<Value> EvaluateNegate(const Value& value, const LogicalType& type) {
  Value v = NumericForm(value);
  auto overflow = [&]() {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT",
                         "-(" + OperandText(value, type) + ")");
  };
  switch (v.kind()) {
    case ValueKind::kNull:
      return v;
    case ValueKind::kInt:
      if (v.int_value() == std::numeric_limits<int64_t>::min()) return overflow();
      return Value::Int(-v.int_value());
    case ValueKind::kUInt:
      if (v.uint_value() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1) {
        return overflow();
      }
      return Value::Int(static_cast<int64_t>(-static_cast<__int128>(v.uint_value())));
    case ValueKind::kDecimal:
      return Value::Dec(v.decimal_value().Negate());
    case ValueKind::kVector: {
      std::vector<float> out = v.vector_value();
      for (float& f : out) f = -f;
      return Value::Vector(std::move(out));
    }
    default:
      return Value::Double(-ValueToDouble(v));
  }
}

}  // namespace vexdb

// Numeric functions. Exact arguments (integers, DECIMAL) give exact results where MySQL does
// (ABS, CEIL, FLOOR, ROUND, TRUNCATE, MOD, SIGN); everything else computes in DOUBLE.
//
// Rounding: ROUND on exact values rounds half away from zero (ROUND(2.5) = 3, ROUND(-2.5) = -3).
// ROUND on DOUBLE follows MySQL's my_double_round, which uses rint(): round half to even in the
// default floating-point mode (ROUND(2.5e0) = 2, ROUND(3.5e0) = 4). A DOUBLE result that
// overflows is an error (1690), as are EXP, POW and COT overflows; domain errors (SQRT(-1),
// LN(0), ASIN(2)) give NULL.

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "types/cast.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

bool IsExactInteger(const LogicalType& t) {
  return t.IsInteger() || t.id == TypeId::kBit || t.id == TypeId::kYear || t.id == TypeId::kNull;
}

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

Status DoubleOutOfRange(const char* name, const FunctionArgs& args) {
  std::string text = std::string(name) + "(";
  for (size_t i = 0; i < args.values.size(); ++i) {
    if (i > 0) text += ",";
    text += FormatValue(args.values[i], args.types[i]);
  }
  return Status::Error(ErrorCode::kDataOutOfRange, "DOUBLE", text + ")");
}

// ---- Result types ---------------------------------------------------------------------------

// ABS, and ROUND/TRUNCATE without a known precision: the argument's numeric type.
Result<LogicalType> ReturnNumericLikeFirst(std::span<const LogicalType> types) {
  const LogicalType& t = types[0];
  if (IsExactInteger(t)) return LogicalType::BigInt(t.is_unsigned || t.id == TypeId::kBit);
  if (t.id == TypeId::kDecimal) return LogicalType::Decimal(t.precision, std::max<int>(t.scale, 0));
  return LogicalType::Double();
}

// CEIL/FLOOR: BIGINT for integers and DECIMALs whose integer part fits, DECIMAL(p-s+1, 0) for
// wider DECIMALs, DOUBLE otherwise.
Result<LogicalType> ReturnCeilFloor(std::span<const LogicalType> types) {
  const LogicalType& t = types[0];
  if (IsExactInteger(t)) return LogicalType::BigInt(t.is_unsigned || t.id == TypeId::kBit);
  if (t.id == TypeId::kDecimal) {
    int integral = t.precision - std::max<int>(t.scale, 0) + 1;
    if (integral <= 18) return LogicalType::BigInt();
    return LogicalType::Decimal(std::min(integral, 65), 0);
  }
  return LogicalType::Double();
}

// ROUND(x, d) / TRUNCATE(x, d) with constant d: a DECIMAL gets scale d (0..30).
Result<LogicalType> RefineRound(std::span<const LogicalType> types,
                                std::span<const Value* const> constants) {
  VEXDB_ASSIGN_OR_RETURN(LogicalType t, ReturnNumericLikeFirst(types));
  if (t.id != TypeId::kDecimal) return t;
  int scale = 0;
  if (types.size() > 1) {
    const Value* d = ConstantArg(constants, 1);
    if (d == nullptr || d->is_null()) return t;
    scale = static_cast<int>(std::clamp<int64_t>(ValueToInt64(*d), 0, Decimal::kMaxScale));
  }
  int integral = t.precision - std::max<int>(t.scale, 0) + 1;
  return LogicalType::Decimal(std::min(integral + scale, 65), scale);
}

Result<LogicalType> ReturnRound(std::span<const LogicalType> types) {
  return RefineRound(types, {});
}

Result<LogicalType> ReturnMod(std::span<const LogicalType> types) {
  return ArithmeticResultType(ArithmeticOp::kMod, types[0], types[1]);
}

Result<LogicalType> ReturnPi(std::span<const LogicalType>) {
  LogicalType t = LogicalType::Double();
  t.precision = 8;
  t.scale = 6;  // MySQL shows PI() as 3.141593
  return t;
}

// ---- Exact rounding -------------------------------------------------------------------------

// x rounded (or truncated) to d decimals; d < 0 rounds to tens, hundreds, ...
Result<Decimal> RoundDecimal(const Decimal& x, int64_t d, bool truncate) {
  d = std::clamp<int64_t>(d, -Decimal::kMaxPrecision, Decimal::kMaxScale);
  int s = x.scale();
  if (d >= s) return x.Rescale(static_cast<int>(d));
  int drop = s - static_cast<int>(d);
  if (drop > Decimal::kMaxPrecision) return Decimal(0, static_cast<int>(std::max<int64_t>(d, 0)));
  __int128 divisor = Pow10(drop);
  __int128 q = x.mantissa() / divisor, r = x.mantissa() % divisor;
  if (!truncate && (r < 0 ? -r : r) * 2 >= divisor) q += r < 0 ? -1 : 1;
  if (d >= 0) return Decimal(q, static_cast<int>(d));
  __int128 scaled;
  if (__builtin_mul_overflow(q, Pow10(static_cast<int>(-d)), &scaled)) {
    return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", x.ToString());
  }
  return Decimal(scaled, 0);
}

double RoundDouble(double x, int64_t d, bool truncate) {
  d = std::clamp<int64_t>(d, -400, 400);  // beyond these every double rounds the same way
  double factor = std::pow(10.0, static_cast<double>(d < 0 ? -d : d));
  if (d >= 0) {
    double scaled = x * factor;
    if (!std::isfinite(scaled)) return x;
    return (truncate ? std::trunc(scaled) : std::rint(scaled)) / factor;
  }
  double scaled = x / factor;
  return (truncate ? std::trunc(scaled) : std::rint(scaled)) * factor;
}

Result<Value> ConformDecimal(Result<Decimal> d, const LogicalType& result_type) {
  if (!d.ok()) return d.TakeStatus();
  if (result_type.id == TypeId::kDecimal && result_type.scale >= 0 &&
      d->scale() != result_type.scale) {
    VEXDB_ASSIGN_OR_RETURN(Decimal r, d->Rescale(result_type.scale));
    return Value::Dec(r);
  }
  if (result_type.id == TypeId::kBigInt) {
    VEXDB_ASSIGN_OR_RETURN(int64_t v, d->ToInt64());
    return Value::Int(v);
  }
  return Value::Dec(*d);
}

Result<Value> RoundOrTruncate(const FunctionArgs& args, bool truncate) {
  int64_t d = args.values.size() > 1 ? ArgInt(args, 1) : 0;
  const Value& x = args.values[0];
  switch (args.result_type.id) {
    case TypeId::kBigInt: {
      if (d >= 0)
        return x.kind() == ValueKind::kUInt ? x : IntResult(ValueToInt64(x), args.result_type);
      VEXDB_ASSIGN_OR_RETURN(Decimal dx, ValueToDecimal(x));
      VEXDB_ASSIGN_OR_RETURN(Decimal r, RoundDecimal(dx, d, truncate));
      if (args.result_type.is_unsigned) return Value::UInt(static_cast<uint64_t>(r.mantissa()));
      VEXDB_ASSIGN_OR_RETURN(int64_t v, r.ToInt64());
      return Value::Int(v);
    }
    case TypeId::kDecimal: {
      VEXDB_ASSIGN_OR_RETURN(Decimal dx, ValueToDecimal(x));
      return ConformDecimal(RoundDecimal(dx, d, truncate), args.result_type);
    }
    default:
      return Value::Double(RoundDouble(ValueToDouble(x), d, truncate));
  }
}

Result<Value> Round(const FunctionArgs& args) { return RoundOrTruncate(args, false); }
Result<Value> Truncate(const FunctionArgs& args) { return RoundOrTruncate(args, true); }

Decimal CeilFloorDecimal(const Decimal& x, bool ceil) {
  __int128 divisor = Pow10(x.scale());
  __int128 q = x.mantissa() / divisor, r = x.mantissa() % divisor;
  if (ceil && r > 0) ++q;
  if (!ceil && r < 0) --q;
  return Decimal(q, 0);
}

Result<Value> CeilFloor(const FunctionArgs& args, bool ceil) {
  const Value& x = args.values[0];
  if (x.kind() == ValueKind::kInt || x.kind() == ValueKind::kUInt) return x;
  if (args.result_type.id == TypeId::kDouble) {
    double v = ValueToDouble(x);
    return Value::Double(ceil ? std::ceil(v) : std::floor(v));
  }
  VEXDB_ASSIGN_OR_RETURN(Decimal dx, ValueToDecimal(x));
  return ConformDecimal(CeilFloorDecimal(dx, ceil), args.result_type);
}

Result<Value> Ceil(const FunctionArgs& args) { return CeilFloor(args, true); }
Result<Value> Floor(const FunctionArgs& args) { return CeilFloor(args, false); }

Result<Value> Abs(const FunctionArgs& args) {
  const Value& x = args.values[0];
  switch (args.result_type.id) {
    case TypeId::kBigInt: {
      if (x.kind() == ValueKind::kUInt) return x;
      int64_t v = ValueToInt64(x);
      if (v == std::numeric_limits<int64_t>::min()) {
        return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT",
                             "abs(" + FormatValue(x, args.types[0]) + ")");
      }
      return IntResult(v < 0 ? -v : v, args.result_type);
    }
    case TypeId::kDecimal: {
      VEXDB_ASSIGN_OR_RETURN(Decimal d, ValueToDecimal(x));
      return Value::Dec(d.IsNegative() ? d.Negate() : d);
    }
    default:
      return Value::Double(std::fabs(ValueToDouble(x)));
  }
}

Result<Value> Sign(const FunctionArgs& args) {
  const Value& x = args.values[0];
  if (x.kind() == ValueKind::kUInt) return Value::Int(x.uint_value() > 0 ? 1 : 0);
  if (x.kind() == ValueKind::kDecimal) {
    const Decimal& d = x.decimal_value();
    return Value::Int(d.IsZero() ? 0 : d.IsNegative() ? -1 : 1);
  }
  double v = ValueToDouble(x);
  return Value::Int(v > 0 ? 1 : v < 0 ? -1 : 0);
}

Result<Value> Mod(const FunctionArgs& args) {
  return EvaluateArithmetic(ArithmeticOp::kMod, args.values[0], args.types[0], args.values[1],
                            args.types[1], args.result_type, args.context);
}

// ---- Floating-point functions ---------------------------------------------------------------

// A DOUBLE result: NaN -> NULL (domain error), infinity -> out-of-range error.
Result<Value> DoubleResult(double v, const char* name, const FunctionArgs& args) {
  if (std::isnan(v)) return Value::Null();
  if (std::isinf(v)) return DoubleOutOfRange(name, args);
  return Value::Double(v);
}

template <double (*kFn)(double)>
Result<Value> Unary(const FunctionArgs& args, const char* name) {
  return DoubleResult(kFn(ArgDouble(args, 0)), name, args);
}

Result<Value> Pow(const FunctionArgs& args) {
  return DoubleResult(std::pow(ArgDouble(args, 0), ArgDouble(args, 1)), "pow", args);
}

Result<Value> Sqrt(const FunctionArgs& args) {
  double x = ArgDouble(args, 0);
  return x < 0 ? Value::Null() : Value::Double(std::sqrt(x));
}

Result<Value> Exp(const FunctionArgs& args) {
  return DoubleResult(std::exp(ArgDouble(args, 0)), "exp", args);
}

Value Logarithm(double x, double (*log_fn)(double)) {
  return x <= 0 ? Value::Null() : Value::Double(log_fn(x));
}

Result<Value> Ln(const FunctionArgs& args) { return Logarithm(ArgDouble(args, 0), std::log); }
Result<Value> Log2(const FunctionArgs& args) { return Logarithm(ArgDouble(args, 0), std::log2); }
Result<Value> Log10(const FunctionArgs& args) { return Logarithm(ArgDouble(args, 0), std::log10); }

// LOG(x) is LN(x); LOG(b, x) is the base-b logarithm.
Result<Value> Log(const FunctionArgs& args) {
  if (args.values.size() == 1) return Ln(args);
  double b = ArgDouble(args, 0), x = ArgDouble(args, 1);
  if (b <= 0 || b == 1 || x <= 0) return Value::Null();
  return Value::Double(std::log(x) / std::log(b));
}

Result<Value> Pi(const FunctionArgs&) { return Value::Double(std::numbers::pi); }

Result<Value> Sin(const FunctionArgs& args) { return Unary<std::sin>(args, "sin"); }
Result<Value> Cos(const FunctionArgs& args) { return Unary<std::cos>(args, "cos"); }
Result<Value> Tan(const FunctionArgs& args) { return Unary<std::tan>(args, "tan"); }
Result<Value> Asin(const FunctionArgs& args) { return Unary<std::asin>(args, "asin"); }
Result<Value> Acos(const FunctionArgs& args) { return Unary<std::acos>(args, "acos"); }

Result<Value> Atan(const FunctionArgs& args) {
  if (args.values.size() == 1) return Unary<std::atan>(args, "atan");
  return Value::Double(std::atan2(ArgDouble(args, 0), ArgDouble(args, 1)));
}

Result<Value> Cot(const FunctionArgs& args) {
  double t = std::tan(ArgDouble(args, 0));
  if (t == 0) return DoubleOutOfRange("cot", args);
  return DoubleResult(1.0 / t, "cot", args);
}

Result<Value> Degrees(const FunctionArgs& args) {
  return Value::Double(ArgDouble(args, 0) * (180.0 / std::numbers::pi));
}

Result<Value> Radians(const FunctionArgs& args) {
  return Value::Double(ArgDouble(args, 0) * (std::numbers::pi / 180.0));
}

// RAND() is uniform in [0, 1). RAND(seed) reproduces MySQL's generator for that seed (the first
// value of its sequence: vexdb has no per-expression state to advance it row by row).
Result<Value> Rand(const FunctionArgs& args) {
  if (args.values.empty() || args.values[0].is_null()) {
    thread_local std::mt19937_64 rng(std::random_device{}());
    return Value::Double(std::uniform_real_distribution<double>(0.0, 1.0)(rng));
  }
  constexpr uint64_t kMax = 0x3FFFFFFF;
  auto seed = static_cast<uint32_t>(ArgInt(args, 0));
  uint64_t seed1 = static_cast<uint32_t>(seed * 0x10001u + 55555555u) % kMax;
  uint64_t seed2 = static_cast<uint32_t>(seed * 0x10000001u) % kMax;
  seed1 = (seed1 * 3 + seed2) % kMax;
  return Value::Double(static_cast<double>(seed1) / static_cast<double>(kMax));
}

// ---- Base conversion ------------------------------------------------------------------------

std::string ToBase(uint64_t v, int base) {
  std::string digits;
  do {
    digits.insert(digits.begin(), "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[v % base]);
    v /= base;
  } while (v != 0);
  return digits;
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// CONV(n, from_base, to_base): n read in |from_base| (leading '-' negates, in 64-bit two's
// complement), written in |to_base|; a negative to_base prints a signed value. Bases 2..36.
Result<Value> Conv(const FunctionArgs& args) {
  int64_t from = ArgInt(args, 1), to = ArgInt(args, 2);
  auto valid_base = [](int64_t b) { return (b >= 2 && b <= 36) || (b <= -2 && b >= -36); };
  if (!valid_base(from) || !valid_base(to)) return Value::Null();
  std::string text = ArgText(args, 0);
  size_t pos = text.find_first_not_of(' ');
  if (pos == std::string::npos) return Value::String("0");
  bool negative = text[pos] == '-';
  if (negative) ++pos;
  uint64_t v = 0;
  auto base = static_cast<uint64_t>(std::abs(from));
  for (; pos < text.size() && DigitValue(text[pos]) < static_cast<int>(base); ++pos) {
    uint64_t next;
    if (__builtin_mul_overflow(v, base, &next) ||
        __builtin_add_overflow(next, static_cast<uint64_t>(DigitValue(text[pos])), &next)) {
      next = std::numeric_limits<uint64_t>::max();  // MySQL saturates
    }
    v = next;
  }
  if (negative) v = 0 - v;  // two's complement, in unsigned arithmetic
  if (to < 0 && static_cast<int64_t>(v) < 0) {
    return Value::String("-" + ToBase(0 - v, static_cast<int>(-to)));
  }
  return Value::String(ToBase(v, static_cast<int>(std::abs(to))));
}

Result<Value> IntegerInBase(const FunctionArgs& args, int base) {
  const Value& x = args.values[0];
  uint64_t v =
      x.kind() == ValueKind::kUInt ? x.uint_value() : static_cast<uint64_t>(ValueToInt64(x));
  return Value::String(ToBase(v, base));
}

Result<Value> Bin(const FunctionArgs& args) { return IntegerInBase(args, 2); }
Result<Value> Oct(const FunctionArgs& args) { return IntegerInBase(args, 8); }

constexpr ScalarFunction kNumericFunctions[] = {
    {"abs", 1, 1, ReturnNumericLikeFirst, Abs, true, true, nullptr},
    {"sign", 1, 1, ReturnBigInt, Sign, true, true, nullptr},
    {"ceil", 1, 1, ReturnCeilFloor, Ceil, true, true, nullptr},
    {"ceiling", 1, 1, ReturnCeilFloor, Ceil, true, true, nullptr},
    {"floor", 1, 1, ReturnCeilFloor, Floor, true, true, nullptr},
    {"round", 1, 2, ReturnRound, Round, true, true, RefineRound},
    {"truncate", 2, 2, ReturnRound, Truncate, true, true, RefineRound},
    {"mod", 2, 2, ReturnMod, Mod, true, true, nullptr},
    {"pow", 2, 2, ReturnDouble, Pow, true, true, nullptr},
    {"power", 2, 2, ReturnDouble, Pow, true, true, nullptr},
    {"sqrt", 1, 1, ReturnDouble, Sqrt, true, true, nullptr},
    {"exp", 1, 1, ReturnDouble, Exp, true, true, nullptr},
    {"ln", 1, 1, ReturnDouble, Ln, true, true, nullptr},
    {"log", 1, 2, ReturnDouble, Log, true, true, nullptr},
    {"log2", 1, 1, ReturnDouble, Log2, true, true, nullptr},
    {"log10", 1, 1, ReturnDouble, Log10, true, true, nullptr},
    {"pi", 0, 0, ReturnPi, Pi, true, true, nullptr},
    {"rand", 0, 1, ReturnDouble, Rand, false, false, nullptr},
    {"sin", 1, 1, ReturnDouble, Sin, true, true, nullptr},
    {"cos", 1, 1, ReturnDouble, Cos, true, true, nullptr},
    {"tan", 1, 1, ReturnDouble, Tan, true, true, nullptr},
    {"asin", 1, 1, ReturnDouble, Asin, true, true, nullptr},
    {"acos", 1, 1, ReturnDouble, Acos, true, true, nullptr},
    {"atan", 1, 2, ReturnDouble, Atan, true, true, nullptr},
    {"atan2", 2, 2, ReturnDouble, Atan, true, true, nullptr},
    {"cot", 1, 1, ReturnDouble, Cot, true, true, nullptr},
    {"degrees", 1, 1, ReturnDouble, Degrees, true, true, nullptr},
    {"radians", 1, 1, ReturnDouble, Radians, true, true, nullptr},
    {"conv", 3, 3, ReturnVarchar<64>, Conv, true, true, nullptr},
    {"bin", 1, 1, ReturnVarchar<64>, Bin, true, true, nullptr},
    {"oct", 1, 1, ReturnVarchar<64>, Oct, true, true, nullptr},
};

}  // namespace

std::span<const ScalarFunction> NumericFunctions() { return kNumericFunctions; }

}  // namespace vexdb

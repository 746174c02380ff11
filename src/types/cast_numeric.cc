// Casts into numeric targets: TINYINT..BIGINT [UNSIGNED], FLOAT/DOUBLE[(M,D)], DECIMAL(p,s), BIT(n)
// and YEAR.
//
// Rounding follows MySQL/TiDB: DECIMAL and numeric text round half away from zero, doubles round
// half to even (rint). Every source is first converted to an exact 128-bit integer (or a double,
// or a Decimal) and only then checked against the target's range, so a range check never sees a
// wrapped value. In kStore mode an out-of-range value is an error (1264, or 1406 for BIT); in
// kExpression mode CAST(... AS SIGNED/UNSIGNED) wraps between signed and unsigned as MySQL does
// (CAST(-1 AS UNSIGNED) = 18446744073709551615) and other targets saturate.

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

#include "types/cast_internal.h"
#include "types/number_text.h"
#include "types/temporal.h"

namespace vexdb::cast_internal {

namespace {

using i128 = __int128;

constexpr double kInt128Clamp = 1.0e38;  // beyond every integer type, inside int128
constexpr i128 kInt64Min = INT64_MIN;
constexpr i128 kInt64Max = INT64_MAX;
constexpr i128 kUInt64Max = UINT64_MAX;

struct IntRange {
  i128 min;
  i128 max;
};

IntRange RangeOf(const LogicalType& t) {
  int bits = 64;
  switch (t.id) {
    case TypeId::kTinyInt: bits = 8; break;
    case TypeId::kSmallInt: bits = 16; break;
    case TypeId::kMediumInt: bits = 24; break;
    case TypeId::kInt: bits = 32; break;
    default: break;
  }
  i128 span = static_cast<i128>(1) << bits;
  if (t.is_unsigned) return {0, span - 1};
  return {-span / 2, span / 2 - 1};
}

i128 DoubleToInt128(double d) {
  if (std::isnan(d)) return 0;
  d = std::clamp(std::nearbyint(d), -kInt128Clamp, kInt128Clamp);
  return static_cast<i128>(d);
}

// Rounds half away from zero; |value| < 10^38 so the result always fits.
i128 DecimalToInt128(const Decimal& d) {
  auto rounded = d.Rescale(0);
  return rounded.ok() ? rounded->mantissa() : 0;
}

// The integer that numeric text denotes, rounded half away from zero ("12.5" -> 13,
// "1e3" -> 1000); saturates beyond 38 digits.
i128 NumberTextToInt128(std::string_view number) {
  auto d = Decimal::Parse(number);
  if (d.ok()) return DecimalToInt128(*d);
  return DoubleToInt128(ParseDoublePrefix(number));
}

// "[-+]digits" to an integer, saturating (CAST('12abc' AS SIGNED) reads "12").
i128 IntegerTextToInt128(std::string_view digits) {
  if (digits.empty()) return 0;
  bool negative = digits.front() == '-';
  if (digits.front() == '-' || digits.front() == '+') digits.remove_prefix(1);
  i128 v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v > static_cast<i128>(kInt128Clamp)) break;
  }
  return negative ? -v : v;
}

Result<i128> StringToInt128(const std::string& s, const CastContext& ctx) {
  if (IsStore(ctx)) {
    if (!IsWholeNumber(s)) return WrongValue(ctx, "integer", s);
    return NumberTextToInt128(TrimSpace(s));
  }
  return IntegerTextToInt128(IntegerPrefix(s));
}

Result<i128> ToInt128(const Value& value, const CastContext& ctx) {
  switch (value.kind()) {
    case ValueKind::kInt: return static_cast<i128>(value.int_value());
    case ValueKind::kUInt: return static_cast<i128>(value.uint_value());
    case ValueKind::kDouble: return DoubleToInt128(value.double_value());
    case ValueKind::kDecimal: return DecimalToInt128(value.decimal_value());
    case ValueKind::kString: return StringToInt128(value.string_value(), ctx);
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return DecimalToInt128(TemporalToDecimal(value));
    default: return static_cast<i128>(0);
  }
}

Value MakeInteger(i128 v, const LogicalType& target) {
  if (target.is_unsigned) return Value::UInt(static_cast<uint64_t>(v));
  return Value::Int(static_cast<int64_t>(v));
}

// CAST(x AS SIGNED/UNSIGNED) semantics for a value outside the target's range.
i128 ExpressionOverflow(const Value& value, i128 v, const LogicalType& target, IntRange range) {
  if (target.id != TypeId::kBigInt) return std::clamp(v, range.min, range.max);
  if (target.is_unsigned) {
    if (v > kUInt64Max) return kUInt64Max;
    if (value.kind() == ValueKind::kDecimal) return 0;
    return static_cast<uint64_t>(static_cast<int64_t>(std::max(v, kInt64Min)));
  }
  if (v < kInt64Min) return kInt64Min;
  bool wraps = value.kind() == ValueKind::kUInt || value.kind() == ValueKind::kString;
  if (wraps && v <= kUInt64Max) return static_cast<int64_t>(static_cast<uint64_t>(v));
  return kInt64Max;
}

Result<double> StringToDouble(const std::string& s, const CastContext& ctx) {
  if (!IsStore(ctx)) return ParseDoublePrefix(NumericPrefix(s));
  if (!IsWholeNumber(s)) return WrongValue(ctx, "double", s);
  bool out_of_range = false;
  double d = ParseDoublePrefix(TrimSpace(s), &out_of_range);
  if (out_of_range) return OutOfRange(ctx);
  return d;
}

Result<double> ToDouble(const Value& value, const CastContext& ctx) {
  switch (value.kind()) {
    case ValueKind::kInt: return static_cast<double>(value.int_value());
    case ValueKind::kUInt: return static_cast<double>(value.uint_value());
    case ValueKind::kDouble: return value.double_value();
    case ValueKind::kDecimal: return value.decimal_value().ToDouble();
    case ValueKind::kString: return StringToDouble(value.string_value(), ctx);
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return TemporalToDecimal(value).ToDouble();
    default: return 0.0;
  }
}

// The largest magnitude of DECIMAL(precision, scale): (10^precision - 1) / 10^scale.
Decimal MaxDecimal(int precision, int scale, bool negative) {
  i128 m = 1;
  for (int i = 0; i < precision; ++i) m *= 10;
  m -= 1;
  return Decimal(negative ? -m : m, scale);
}

// Rounds d to `scale` fractional digits and checks it against FLOAT(M,D)/DOUBLE(M,D).
Result<double> FitRealPrecision(double d, const LogicalType& target, const CastContext& ctx) {
  int precision = std::min<int>(target.precision, Decimal::kMaxPrecision);
  int scale = std::min<int>(target.scale, precision);
  auto dec = Decimal::FromDouble(d);
  Decimal limit = MaxDecimal(precision, scale, d < 0);
  bool fits = dec.ok() && dec->FitsPrecision(precision, scale);
  if (fits) return dec->Rescale(scale)->ToDouble();
  if (IsStore(ctx)) return OutOfRange(ctx);
  return limit.ToDouble();
}

Result<Decimal> StringToDecimal(const std::string& s, const CastContext& ctx) {
  std::string_view number = NumericPrefix(s);
  if (IsStore(ctx)) {
    if (!IsWholeNumber(s)) return WrongValue(ctx, "decimal", s);
    number = TrimSpace(s);
  }
  if (number.empty()) return Decimal();
  auto d = Decimal::Parse(number);
  if (d.ok()) return d;
  if (IsStore(ctx)) return OutOfRange(ctx);
  return MaxDecimal(Decimal::kMaxPrecision, 0, number.front() == '-');
}

Result<Decimal> DoubleToDecimal(double v, const CastContext& ctx) {
  auto d = Decimal::FromDouble(v);
  if (d.ok()) return d;
  if (IsStore(ctx)) return OutOfRange(ctx);
  if (std::isnan(v)) return Decimal();
  return MaxDecimal(Decimal::kMaxPrecision, 0, v < 0);
}

Result<Decimal> ToDecimal(const Value& value, const CastContext& ctx) {
  switch (value.kind()) {
    case ValueKind::kInt: return Decimal::FromInt(value.int_value());
    case ValueKind::kUInt: return Decimal(static_cast<i128>(value.uint_value()), 0);
    case ValueKind::kDouble: return DoubleToDecimal(value.double_value(), ctx);
    case ValueKind::kDecimal: return value.decimal_value();
    case ValueKind::kString: return StringToDecimal(value.string_value(), ctx);
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return TemporalToDecimal(value);
    default: return Decimal();
  }
}

// BIT input from a byte string: the bytes are a big-endian number.
Result<uint64_t> BytesToBits(const std::string& s, const CastContext& ctx) {
  size_t first = s.find_first_not_of('\0');
  std::string_view significant =
      first == std::string::npos ? std::string_view() : std::string_view(s).substr(first);
  if (significant.size() > 8) {
    if (IsStore(ctx)) return DataTooLong(ctx);
    return UINT64_MAX;
  }
  uint64_t v = 0;
  for (char c : significant) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

// YEAR from a number: 0 stays 0, 1..69 -> 2001..2069, 70..99 -> 1970..1999, 1901..2155 as is.
std::optional<int64_t> YearFromNumber(i128 v) {
  if (v == 0) return 0;
  if (v >= 1 && v <= 69) return static_cast<int64_t>(v) + 2000;
  if (v >= 70 && v <= 99) return static_cast<int64_t>(v) + 1900;
  if (v >= 1901 && v <= 2155) return static_cast<int64_t>(v);
  return std::nullopt;
}

// YEAR from text: like a number, except that '0' and '00' mean 2000.
Result<std::optional<int64_t>> YearFromString(const std::string& s, const CastContext& ctx) {
  std::string_view t = TrimSpace(s);
  if (!IsWholeNumber(t)) {
    if (IsStore(ctx)) return WrongValue(ctx, "integer", s);
    return std::optional<int64_t>();
  }
  i128 v = NumberTextToInt128(t);
  if (v == 0 && IntegerPrefix(t).size() < 4) return std::optional<int64_t>(2000);
  return YearFromNumber(v);
}

}  // namespace

Result<Value> CastToInteger(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", target.DataTypeName());
  VEXDB_ASSIGN_OR_RETURN(i128 v, ToInt128(value, ctx));
  IntRange range = RangeOf(target);
  if (v >= range.min && v <= range.max) return MakeInteger(v, target);
  if (IsStore(ctx)) return OutOfRange(ctx);
  return MakeInteger(ExpressionOverflow(value, v, target, range), target);
}

Result<Value> CastToReal(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", target.DataTypeName());
  VEXDB_ASSIGN_OR_RETURN(double d, ToDouble(value, ctx));
  if (std::isnan(d)) {
    if (IsStore(ctx)) return OutOfRange(ctx);
    d = 0;
  }
  if (target.is_unsigned && d < 0) {
    if (IsStore(ctx)) return OutOfRange(ctx);
    d = 0;
  }
  if (target.precision > 0 && target.scale >= 0) {
    VEXDB_ASSIGN_OR_RETURN(d, FitRealPrecision(d, target, ctx));
  }
  double limit = target.id == TypeId::kFloat ? FLT_MAX : DBL_MAX;
  if (std::fabs(d) > limit) {
    if (IsStore(ctx)) return OutOfRange(ctx);
    d = std::copysign(limit, d);
  }
  if (target.id == TypeId::kFloat) d = static_cast<float>(d);
  return Value::Double(d);
}

Result<Value> CastToDecimal(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "decimal");
  int precision =
      target.precision == 0 ? 10 : std::min<int>(target.precision, Decimal::kMaxPrecision);
  int scale = std::clamp<int>(target.scale, 0, std::min(precision, Decimal::kMaxScale));
  VEXDB_ASSIGN_OR_RETURN(Decimal d, ToDecimal(value, ctx));
  if (target.is_unsigned && d.IsNegative()) {
    if (IsStore(ctx)) return OutOfRange(ctx);
    d = Decimal();
  }
  if (!d.FitsPrecision(precision, scale)) {
    if (IsStore(ctx)) return OutOfRange(ctx);
    return Value::Dec(MaxDecimal(precision, scale, d.IsNegative()));
  }
  VEXDB_ASSIGN_OR_RETURN(Decimal rescaled, d.Rescale(scale));
  return Value::Dec(rescaled);
}

Result<Value> CastToBit(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "bit");
  int64_t bits = std::clamp<int64_t>(target.length < 0 ? 1 : target.length, 1, 64);
  uint64_t v = 0;
  if (value.kind() == ValueKind::kString) {
    VEXDB_ASSIGN_OR_RETURN(v, BytesToBits(value.string_value(), ctx));
  } else {
    VEXDB_ASSIGN_OR_RETURN(i128 wide, ToInt128(value, ctx));
    v = static_cast<uint64_t>(wide);
  }
  if (bits < 64 && (v >> bits) != 0) {
    if (IsStore(ctx)) return DataTooLong(ctx);
    v = (uint64_t{1} << bits) - 1;
  }
  return Value::UInt(v);
}

Result<Value> CastToYear(const Value& value, const LogicalType& target, const CastContext& ctx) {
  std::optional<int64_t> year;
  switch (value.kind()) {
    case ValueKind::kVector: return CannotCast("vector", "year");
    case ValueKind::kString: {
      VEXDB_ASSIGN_OR_RETURN(year, YearFromString(value.string_value(), ctx));
      break;
    }
    case ValueKind::kDate:
    case ValueKind::kDatetime: {
      int64_t micros = value.kind() == ValueKind::kDate
                           ? static_cast<int64_t>(value.date_value()) * 86400000000LL
                           : value.datetime_value();
      year = DatetimeToCivil(micros).year;
      break;
    }
    default: {
      VEXDB_ASSIGN_OR_RETURN(i128 v, ToInt128(value, ctx));
      year = YearFromNumber(v);
    }
  }
  if (year.has_value()) return Value::Int(*year);
  if (IsStore(ctx)) return OutOfRange(ctx);
  return Value::Null();
}

}  // namespace vexdb::cast_internal

// Numeric and boolean views of values for expression evaluation (cast.h): MySQL's implicit
// conversions. Strings contribute their longest numeric prefix ('12abc' -> 12, 'abc' -> 0);
// temporals their numeric form (DATE 20240102, DATETIME 20240102030405.5, TIME 10203).

#include <cfloat>
#include <cmath>

#include "types/cast.h"
#include "types/cast_internal.h"
#include "types/number_text.h"

namespace vexdb {

namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;

int64_t SaturatingDoubleToInt64(double d) {
  if (std::isnan(d)) return 0;
  d = std::nearbyint(d);
  if (d >= kTwoTo63) return INT64_MAX;
  if (d < -kTwoTo63) return INT64_MIN;
  return static_cast<int64_t>(d);
}

int64_t SaturatingDecimalToInt64(const Decimal& d) {
  auto rounded = d.Rescale(0);
  __int128 m = rounded.ok() ? rounded->mantissa() : 0;
  if (m > INT64_MAX) return INT64_MAX;
  if (m < INT64_MIN) return INT64_MIN;
  return static_cast<int64_t>(m);
}

int64_t StringToInt64(const std::string& s) {
  std::string_view number = NumericPrefix(s);
  if (number.empty()) return 0;
  auto d = Decimal::Parse(number);
  if (d.ok()) return SaturatingDecimalToInt64(*d);
  return SaturatingDoubleToInt64(ParseDoublePrefix(number));
}

Result<Decimal> StringToDecimal(const std::string& s) {
  std::string_view number = NumericPrefix(s);
  if (number.empty()) return Decimal();
  return Decimal::Parse(number);
}

}  // namespace

double ValueToDouble(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt: return static_cast<double>(value.int_value());
    case ValueKind::kUInt: return static_cast<double>(value.uint_value());
    case ValueKind::kDouble: return value.double_value();
    case ValueKind::kDecimal: return value.decimal_value().ToDouble();
    case ValueKind::kString: return ParseDoublePrefix(NumericPrefix(value.string_value()));
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return cast_internal::TemporalToDecimal(value).ToDouble();
    default: return 0;
  }
}

Result<Decimal> ValueToDecimal(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt: return Decimal::FromInt(value.int_value());
    case ValueKind::kUInt: return Decimal(static_cast<__int128>(value.uint_value()), 0);
    case ValueKind::kDouble: return Decimal::FromDouble(value.double_value());
    case ValueKind::kDecimal: return value.decimal_value();
    case ValueKind::kString: return StringToDecimal(value.string_value());
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return cast_internal::TemporalToDecimal(value);
    case ValueKind::kVector: return cast_internal::CannotCast("vector", "decimal");
    default: return Decimal();
  }
}

int64_t ValueToInt64(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt: return value.int_value();
    case ValueKind::kUInt:
      return value.uint_value() > static_cast<uint64_t>(INT64_MAX)
                 ? INT64_MAX
                 : static_cast<int64_t>(value.uint_value());
    case ValueKind::kDouble: return SaturatingDoubleToInt64(value.double_value());
    case ValueKind::kDecimal: return SaturatingDecimalToInt64(value.decimal_value());
    case ValueKind::kString: return StringToInt64(value.string_value());
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return SaturatingDecimalToInt64(cast_internal::TemporalToDecimal(value));
    default: return 0;
  }
}

bool ValueToBool(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull: return false;
    case ValueKind::kInt: return value.int_value() != 0;
    case ValueKind::kUInt: return value.uint_value() != 0;
    case ValueKind::kDouble: return value.double_value() != 0;
    case ValueKind::kDecimal: return !value.decimal_value().IsZero();
    case ValueKind::kString: return ValueToDouble(value) != 0;
    case ValueKind::kDate:
    case ValueKind::kDatetime:
      return true;
    case ValueKind::kTime: return value.time_value() != 0;
    case ValueKind::kVector: return !value.vector_value().empty();
  }
  return false;
}

}  // namespace vexdb

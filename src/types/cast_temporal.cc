// Casts into DATE, DATETIME, TIMESTAMP and TIME.
//
// Text is parsed with temporal.h's MySQL literal rules; numbers are read as MySQL reads them
// (20240102 -> 2024-01-02, 20240102030405.5 -> 2024-01-02 03:04:05.5, 101 -> 2000-01-01 via
// YYMMDD padding; 10203 -> 01:02:03 for TIME). Fractional seconds are rounded to the target's
// fsp. A TIME becomes a DATETIME on the current date, as in MySQL. In kStore mode a value that
// denotes no valid temporal fails with 1292 ("Incorrect datetime value: 'x' for column 'c' at
// row N"); in kExpression mode it becomes NULL, as CAST() gives NULL with a warning.

#include <optional>

#include "types/cast_internal.h"
#include "types/temporal.h"

namespace vexdb::cast_internal {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;
constexpr int64_t kMaxTimeMicros = ((838 * 60 + 59) * 60 + 59) * kMicrosPerSecond;
// TIMESTAMP's range in UTC: 1970-01-01 00:00:01 .. 2038-01-19 03:14:07.999999.
constexpr int64_t kTimestampMin = kMicrosPerSecond;
constexpr int64_t kTimestampMax = 2147483647LL * kMicrosPerSecond + 999999;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t DatetimeLimit() {  // 10000-01-01 00:00:00, exclusive
  static const int64_t kLimit = CivilToDatetime(CivilTime{10000, 1, 1});
  return kLimit;
}

int64_t TodayMicros() { return FloorDiv(NowMicros(), kMicrosPerDay) * kMicrosPerDay; }

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A non-negative number as digit-only datetime text: the integer part is left-padded with zeros
// to 6, 8, 12 or 14 digits (YYMMDD, YYYYMMDD, YYMMDDHHMMSS, YYYYMMDDHHMMSS).
std::optional<std::string> NumberToDatetimeText(const Value& value) {
  std::string text = ValueText(value);
  size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point);
  if (!AllDigits(whole) || (fraction.size() > 1 && !AllDigits(fraction.substr(1)))) {
    return std::nullopt;
  }
  size_t width = whole.size() <= 6 ? 6 : whole.size() <= 8 ? 8 : whole.size() <= 12 ? 12 : 14;
  if (whole.size() > width) return std::nullopt;
  return std::string(width - whole.size(), '0') + whole + fraction;
}

std::optional<int64_t> ParsedDatetime(std::string_view text) {
  auto parsed = ParseDatetime(text);
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

// The DATETIME (microseconds) a value denotes, if any.
std::optional<int64_t> ToDatetimeMicros(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kString: return ParsedDatetime(value.string_value());
    case ValueKind::kDate: return static_cast<int64_t>(value.date_value()) * kMicrosPerDay;
    case ValueKind::kDatetime: return value.datetime_value();
    case ValueKind::kTime: return TodayMicros() + value.time_value();
    case ValueKind::kVector: return std::nullopt;
    default: {
      auto text = NumberToDatetimeText(value);
      if (!text.has_value()) return std::nullopt;
      return ParsedDatetime(*text);
    }
  }
}

// The TIME (signed microseconds, not yet range-checked) a value denotes, if any.
std::optional<int64_t> ToTimeMicros(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kDate: return 0;
    case ValueKind::kDatetime: {
      int64_t micros = value.datetime_value();
      return micros - FloorDiv(micros, kMicrosPerDay) * kMicrosPerDay;
    }
    case ValueKind::kTime: return value.time_value();
    case ValueKind::kVector: return std::nullopt;
    default: {
      auto parsed = ParseTime(ValueText(value));
      if (!parsed.ok()) return std::nullopt;
      return *parsed;
    }
  }
}

Result<Value> Invalid(const Value& value, std::string_view type_name, const CastContext& ctx) {
  if (IsStore(ctx)) return WrongTemporal(ctx, type_name, ValueText(value));
  return Value::Null();
}

}  // namespace

Result<Value> CastToDate(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "date");
  if (value.kind() == ValueKind::kString) {
    auto days = ParseDate(value.string_value());
    if (days.ok()) return Value::Date(*days);
    return Invalid(value, "date", ctx);
  }
  std::optional<int64_t> micros = ToDatetimeMicros(value);
  if (!micros.has_value()) return Invalid(value, "date", ctx);
  return Value::Date(static_cast<int32_t>(FloorDiv(*micros, kMicrosPerDay)));
}

Result<Value> CastToDatetime(const Value& value, const LogicalType& target,
                             const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", target.DataTypeName());
  std::optional<int64_t> micros = ToDatetimeMicros(value);
  if (!micros.has_value()) return Invalid(value, "datetime", ctx);
  int64_t rounded = RoundDatetimeMicros(*micros, target.fsp);
  bool in_range = rounded >= CivilToDatetime(CivilTime{0, 1, 1}) && rounded < DatetimeLimit();
  if (target.id == TypeId::kTimestamp) {
    in_range = rounded >= kTimestampMin && rounded <= kTimestampMax;
  }
  if (!in_range) return Invalid(value, "datetime", ctx);
  return Value::Datetime(rounded);
}

Result<Value> CastToTime(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "time");
  std::optional<int64_t> micros = ToTimeMicros(value);
  if (!micros.has_value()) return Invalid(value, "time", ctx);
  int64_t rounded = RoundMicros(*micros, target.fsp);
  if (rounded > kMaxTimeMicros || rounded < -kMaxTimeMicros) return Invalid(value, "time", ctx);
  return Value::Time(rounded);
}

}  // namespace vexdb::cast_internal

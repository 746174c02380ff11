// CastValue: dispatch on the target type to the cast_*.cc family that converts into it, plus
// the strict-mode errors they share. Each family handles both modes: kStore rejects anything
// MySQL's strict mode rejects, with MySQL's errno and wording; kExpression converts leniently
// the way CAST() and implicit conversions do.

#include "types/cast.h"

#include <fmt/format.h>

#include "types/cast_internal.h"
#include "types/temporal.h"
#include "types/value_format.h"

namespace vexdb {

namespace cast_internal {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

}  // namespace

Status OutOfRange(const CastContext& ctx) {
  return Status::Error(ErrorCode::kOutOfRangeValue, ctx.column_name, ctx.row_number);
}

Status DataTooLong(const CastContext& ctx) {
  return Status::Error(ErrorCode::kDataTooLong, ctx.column_name, ctx.row_number);
}

Status DataTruncated(const CastContext& ctx) {
  return Status::Error(ErrorCode::kWarnDataTruncated, ctx.column_name, ctx.row_number);
}

Status WrongValue(const CastContext& ctx, std::string_view type_name, std::string_view text) {
  return Status::Error(ErrorCode::kTruncatedWrongValueForField, type_name, text, ctx.column_name,
                       ctx.row_number);
}

Status WrongTemporal(const CastContext& ctx, std::string_view type_name, std::string_view text) {
  return Status::Error(ErrorCode::kWrongValueForColumn, type_name, text, ctx.column_name,
                       ctx.row_number);
}

Status CannotCast(std::string_view from, std::string_view to) {
  return Status::Internal(fmt::format("cannot cast from {} to {}", from, to));
}

std::string_view KindTypeName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull: return "null";
    case ValueKind::kInt:
    case ValueKind::kUInt:
      return "bigint";
    case ValueKind::kDouble: return "double";
    case ValueKind::kDecimal: return "decimal";
    case ValueKind::kString: return "varchar";
    case ValueKind::kDate: return "date";
    case ValueKind::kDatetime: return "datetime";
    case ValueKind::kTime: return "time";
    case ValueKind::kVector: return "vector";
  }
  return "null";
}

std::string ValueText(const Value& value) {
  if (value.kind() == ValueKind::kString) return value.string_value();
  return FormatValue(value, LogicalType::Null());
}

Decimal TemporalToDecimal(const Value& value) {
  if (value.kind() == ValueKind::kDate) {
    CivilTime c = DatetimeToCivil(static_cast<int64_t>(value.date_value()) * kMicrosPerDay);
    return Decimal::FromInt((c.year * 100LL + c.month) * 100 + c.day);
  }
  if (value.kind() == ValueKind::kDatetime) {
    CivilTime c = DatetimeToCivil(value.datetime_value());
    __int128 whole = (((c.year * 100LL + c.month) * 100 + c.day) * 100 + c.hour) * 10000LL +
                     c.minute * 100 + c.second;
    if (c.microsecond == 0) return Decimal(whole, 0);
    return Decimal(whole * kMicrosPerSecond + c.microsecond, 6);
  }
  int64_t micros = value.time_value();
  int64_t magnitude = micros < 0 ? -micros : micros;
  int64_t seconds = magnitude / kMicrosPerSecond;
  __int128 whole = (seconds / 3600) * 10000 + (seconds / 60 % 60) * 100 + seconds % 60;
  __int128 sign = micros < 0 ? -1 : 1;
  int64_t frac = magnitude % kMicrosPerSecond;
  if (frac == 0) return Decimal(sign * whole, 0);
  return Decimal(sign * (whole * kMicrosPerSecond + frac), 6);
}

}  // namespace cast_internal

using namespace cast_internal;  // NOLINT: this file is the dispatcher of cast_internal

Result<Value> CastValue(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.is_null()) return Value::Null();
  switch (target.id) {
    case TypeId::kNull: return value;
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return CastToInteger(value, target, ctx);
    case TypeId::kFloat:
    case TypeId::kDouble:
      return CastToReal(value, target, ctx);
    case TypeId::kDecimal: return CastToDecimal(value, target, ctx);
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
      return CastToCharacter(value, target, ctx);
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
      return CastToBinary(value, target, ctx);
    case TypeId::kDate: return CastToDate(value, target, ctx);
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return CastToDatetime(value, target, ctx);
    case TypeId::kTime: return CastToTime(value, target, ctx);
    case TypeId::kYear: return CastToYear(value, target, ctx);
    case TypeId::kJson: return CastToJson(value, target, ctx);
    case TypeId::kEnum: return CastToEnum(value, target, ctx);
    case TypeId::kSet: return CastToSet(value, target, ctx);
    case TypeId::kBit: return CastToBit(value, target, ctx);
    case TypeId::kVector: return CastToVector(value, target, ctx);
  }
  return value;
}

}  // namespace vexdb

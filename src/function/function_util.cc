#include "function/function_util.h"

#include <algorithm>

#include "types/cast.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

constexpr int64_t kMaxVarcharChars = 16383;  // 65535 bytes / 4 bytes per utf8mb4 character
constexpr int64_t kMaxVarbinaryBytes = 65535;

int IntegerDigits(const LogicalType& t) {
  if (t.length > 0) return static_cast<int>(t.length);
  switch (t.id) {
    case TypeId::kTinyInt:
      return 3;
    case TypeId::kSmallInt:
      return 5;
    case TypeId::kMediumInt:
      return 8;
    case TypeId::kInt:
      return 10;
    case TypeId::kYear:
      return 4;
    default:
      return t.is_unsigned ? 20 : 19;
  }
}

int64_t ElementsLength(const LogicalType& t) {
  int64_t longest = 0, total = 0;
  for (const auto& e : t.elements) {
    longest = std::max<int64_t>(longest, static_cast<int64_t>(e.size()));
    total += static_cast<int64_t>(e.size()) + 1;
  }
  return t.id == TypeId::kSet ? total : longest;
}

bool IsExact(const LogicalType& t) {
  return t.IsInteger() || t.id == TypeId::kDecimal || t.id == TypeId::kBit || t.id == TypeId::kYear;
}

bool IsDateTimeLike(TypeId id) {
  return id == TypeId::kDatetime || id == TypeId::kTimestamp || id == TypeId::kDate;
}

// Integer digits (precision - scale) of an exact type.
int IntegralDigits(const LogicalType& t) {
  if (t.id == TypeId::kDecimal) return std::max(0, t.precision - std::max<int>(t.scale, 0));
  if (t.id == TypeId::kBit) return 20;
  return IntegerDigits(t);
}

LogicalType UnifyExact(std::span<const LogicalType> types) {
  bool any_decimal = false, all_unsigned = true;
  int integral = 0, scale = 0;
  for (const auto& t : types) {
    if (t.id == TypeId::kNull) continue;
    any_decimal |= t.id == TypeId::kDecimal;
    all_unsigned &= t.is_unsigned || t.id == TypeId::kBit;
    integral = std::max(integral, IntegralDigits(t));
    scale = std::max<int>(scale, t.id == TypeId::kDecimal ? std::max<int>(t.scale, 0) : 0);
  }
  if (!any_decimal) return LogicalType::BigInt(all_unsigned);
  return LogicalType::Decimal(std::min(integral + scale, 65), scale);
}

LogicalType UnifyTemporal(std::span<const LogicalType> types) {
  TypeId id = TypeId::kNull;
  int fsp = 0;
  for (const auto& t : types) {
    if (t.id == TypeId::kNull) continue;
    fsp = std::max<int>(fsp, t.fsp);
    if (id == TypeId::kNull || id == t.id) {
      id = t.id;
    } else if (IsDateTimeLike(id) && IsDateTimeLike(t.id)) {
      id = TypeId::kDatetime;
    } else {
      return LogicalType::Null();  // incompatible temporals: the caller falls back to a string
    }
  }
  LogicalType result = LogicalType::Of(id);
  if (id != TypeId::kDate && id != TypeId::kYear) result.fsp = static_cast<uint8_t>(fsp);
  return result;
}

LogicalType UnifyAsString(std::span<const LogicalType> types) {
  bool binary = false;
  int64_t chars = 0;
  for (const auto& t : types) {
    if (t.id == TypeId::kNull) continue;
    binary |= t.IsBinary();
    int64_t n = DisplayLength(t);
    chars = (n < 0 || chars < 0) ? -1 : std::max(chars, n);
  }
  return StringType(chars, binary);
}

}  // namespace

std::string ValueText(const Value& value, const LogicalType& type) {
  if (value.kind() == ValueKind::kString) return value.string_value();
  return FormatValue(value, type);
}

std::string ArgText(const FunctionArgs& args, size_t i) {
  return ValueText(args.values[i], args.types[i]);
}

int64_t ArgInt(const FunctionArgs& args, size_t i) { return ValueToInt64(args.values[i]); }

double ArgDouble(const FunctionArgs& args, size_t i) { return ValueToDouble(args.values[i]); }

bool ArgIsBinary(const FunctionArgs& args, size_t i) { return args.types[i].IsBinary(); }

Result<Value> ConformValue(const Value& value, const LogicalType& from, const LogicalType& target) {
  if (value.is_null() || target.id == TypeId::kNull) return value;
  if (target.IsString() || target.IsBinary()) {
    if (target.id == TypeId::kJson && from.id == TypeId::kJson) return value;
    return Value::String(ValueText(value, from));
  }
  return CastValue(value, target, CastContext{});
}

int64_t DisplayLength(const LogicalType& t) {
  switch (t.id) {
    case TypeId::kNull:
      return 0;
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return IntegerDigits(t) + (t.is_unsigned ? 0 : 1);
    case TypeId::kFloat:
      return 12;
    case TypeId::kDouble:
      return 24;
    case TypeId::kDecimal:
      return t.precision + 2;
    case TypeId::kDate:
      return 10;
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return 19 + (t.fsp > 0 ? t.fsp + 1 : 0);
    case TypeId::kTime:
      return 10 + (t.fsp > 0 ? t.fsp + 1 : 0);
    case TypeId::kYear:
      return 4;
    case TypeId::kEnum:
    case TypeId::kSet:
      return ElementsLength(t);
    case TypeId::kBit:
      return t.length > 0 ? (t.length + 7) / 8 : 8;
    case TypeId::kJson:
    case TypeId::kVector:
      return -1;
    default:
      return t.MaxLength();
  }
}

LogicalType StringType(int64_t chars, bool binary) {
  if (binary) {
    if (chars < 0 || chars > kMaxVarbinaryBytes) {
      LogicalType t = LogicalType::Of(TypeId::kBlob);
      t.length = 4294967295;
      return t;
    }
    LogicalType t = LogicalType::Of(TypeId::kVarbinary);
    t.length = chars;
    return t;
  }
  if (chars < 0 || chars > kMaxVarcharChars) return LogicalType::LongText();
  return LogicalType::Varchar(chars);
}

LogicalType UnifyResultTypes(std::span<const LogicalType> types) {
  bool any = false, all_exact = true, all_numeric = true, all_temporal = true, all_json = true,
       all_vector = true;
  for (const auto& t : types) {
    if (t.id == TypeId::kNull) continue;
    any = true;
    all_exact &= IsExact(t);
    all_numeric &= t.IsNumeric() || t.id == TypeId::kBit || t.id == TypeId::kYear;
    all_temporal &= t.IsTemporal() && t.id != TypeId::kYear;
    all_json &= t.id == TypeId::kJson;
    all_vector &= t.id == TypeId::kVector;
  }
  if (!any) return LogicalType::Null();
  if (all_exact) return UnifyExact(types);
  if (all_numeric) return LogicalType::Double();
  if (all_temporal) {
    LogicalType t = UnifyTemporal(types);
    if (t.id != TypeId::kNull) return t;
  }
  if (all_json) return LogicalType::Of(TypeId::kJson);
  if (all_vector) return LogicalType::Of(TypeId::kVector);
  return UnifyAsString(types);
}

Result<LogicalType> ReturnBigInt(std::span<const LogicalType>) { return LogicalType::BigInt(); }
Result<LogicalType> ReturnUnsignedBigInt(std::span<const LogicalType>) {
  return LogicalType::BigInt(/*is_unsigned=*/true);
}
Result<LogicalType> ReturnInt(std::span<const LogicalType>) {
  return LogicalType::Of(TypeId::kInt);
}
Result<LogicalType> ReturnDouble(std::span<const LogicalType>) { return LogicalType::Double(); }
Result<LogicalType> ReturnLongText(std::span<const LogicalType>) { return LogicalType::LongText(); }
Result<LogicalType> ReturnLongBlob(std::span<const LogicalType>) {
  return StringType(-1, /*binary=*/true);
}
Result<LogicalType> ReturnJson(std::span<const LogicalType>) {
  return LogicalType::Of(TypeId::kJson);
}
Result<LogicalType> ReturnDate(std::span<const LogicalType>) {
  return LogicalType::Of(TypeId::kDate);
}
Result<LogicalType> ReturnBoolean(std::span<const LogicalType>) {
  LogicalType t = LogicalType::BigInt();
  t.length = 1;
  return t;
}

Value IntResult(int64_t v, const LogicalType& result_type) {
  if (result_type.is_unsigned) return Value::UInt(static_cast<uint64_t>(v));
  return Value::Int(v);
}

}  // namespace vexdb

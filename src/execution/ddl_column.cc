// Column definitions: type validation as MySQL 8.0 / TiDB do it (lengths, precisions, ENUM and
// SET members), nullability, AUTO_INCREMENT and ON UPDATE, and the rules that tie columns to
// keys (PRIMARY KEY columns are NOT NULL; one AUTO_INCREMENT column, which must start a key).

#include <fmt/format.h>

#include <algorithm>

#include "execution/ddl_internal.h"
#include "types/cast.h"
#include "types/temporal.h"

namespace vexdb::ddl_internal {

namespace {

constexpr int64_t kMaxDisplayWidth = 255;
constexpr int64_t kMaxBitWidth = 64;
constexpr int64_t kMaxCharLength = 255;
constexpr int64_t kMaxVarbinaryLength = 65535;
constexpr int kMaxFloatPrecision = 255;
constexpr int kMaxFloatScale = 30;
constexpr int kMaxFsp = 6;
constexpr size_t kMaxSetMembers = 64;
constexpr int64_t kMaxVectorDimension = 16383;

// VARCHAR's limit in characters: 65535 bytes over the charset's widest character.
int64_t MaxVarcharLength(std::string_view collation) {
  std::string charset = CharsetOfCollation(collation);
  if (charset == "latin1" || charset == "ascii" || charset == "binary") return 65535;
  if (charset == "utf8") return 21845;
  return 16383;
}

Status TooLong(std::string_view column, int64_t max) {
  return Status::Error(ErrorCode::kTooBigFieldLength, column, max);
}

Status ValidateDecimal(std::string_view column, LogicalType* type) {
  if (type->precision == 0) type->precision = 10;
  if (type->scale < 0) type->scale = 0;
  if (type->precision > Decimal::kMaxPrecision) {
    return Status::Error(ErrorCode::kTooBigPrecision, type->precision, column,
                         Decimal::kMaxPrecision);
  }
  if (type->scale > Decimal::kMaxScale) {
    return Status::Error(ErrorCode::kTooBigScale, type->scale, column, Decimal::kMaxScale);
  }
  if (type->scale > type->precision) return Status::Error(ErrorCode::kMBiggerThanD, column);
  return Status::OK();
}

// FLOAT(M,D) / DOUBLE(M,D); a bare FLOAT/DOUBLE has precision 0.
Status ValidateFloat(std::string_view column, const LogicalType& type) {
  if (type.precision == 0 || type.scale < 0) return Status::OK();
  if (type.precision > kMaxFloatPrecision) {
    return Status::Error(ErrorCode::kTooBigPrecision, type.precision, column, kMaxFloatPrecision);
  }
  if (type.scale > kMaxFloatScale) {
    return Status::Error(ErrorCode::kTooBigScale, type.scale, column, kMaxFloatScale);
  }
  if (type.scale > type.precision) return Status::Error(ErrorCode::kMBiggerThanD, column);
  return Status::OK();
}

// MySQL strips trailing spaces from members; duplicates are an error in strict mode (compared
// case-insensitively under a _ci collation).
Status ValidateMembers(std::string_view column, LogicalType* type) {
  bool is_set = type->id == TypeId::kSet;
  if (is_set && type->elements.size() > kMaxSetMembers) {
    return Status::Error(ErrorCode::kTooBigSet, column);
  }
  bool case_insensitive = type->collation.size() > 3 &&
                          type->collation.compare(type->collation.size() - 3, 3, "_ci") == 0;
  std::set<std::string> seen;
  for (std::string& member : type->elements) {
    while (!member.empty() && member.back() == ' ') member.pop_back();
    std::string key = case_insensitive ? FoldName(member) : member;
    if (!seen.insert(key).second) {
      return Status::Error(ErrorCode::kDuplicatedValueInType, column, member,
                           is_set ? "SET" : "ENUM");
    }
  }
  return Status::OK();
}

Status ValidateLengths(std::string_view column, LogicalType* type) {
  switch (type->id) {
    case TypeId::kChar:
    case TypeId::kBinary:
      if (type->length < 0) type->length = 1;
      if (type->length > kMaxCharLength) return TooLong(column, kMaxCharLength);
      return Status::OK();
    case TypeId::kVarchar: {
      int64_t max = MaxVarcharLength(type->collation);
      return type->length > max ? TooLong(column, max) : Status::OK();
    }
    case TypeId::kVarbinary:
      return type->length > kMaxVarbinaryLength ? TooLong(column, kMaxVarbinaryLength)
                                                : Status::OK();
    case TypeId::kBit:
      if (type->length <= 0) type->length = 1;
      if (type->length > kMaxBitWidth) {
        return Status::Error(ErrorCode::kTooBigDisplaywidth, column, kMaxBitWidth);
      }
      return Status::OK();
    case TypeId::kVector:
      if (type->length > kMaxVectorDimension) {
        return Status::Internal(
            fmt::format("vector cannot have more than {} dimensions", kMaxVectorDimension));
      }
      return Status::OK();
    default:
      if (type->IsInteger() && type->length > kMaxDisplayWidth) {
        return Status::Error(ErrorCode::kTooBigDisplaywidth, column, kMaxDisplayWidth);
      }
      return Status::OK();
  }
}

bool IsCharacterType(TypeId id) {
  return id == TypeId::kChar || id == TypeId::kVarchar || id == TypeId::kText ||
         id == TypeId::kEnum || id == TypeId::kSet;
}

bool CanAutoIncrement(const LogicalType& type) {
  return type.IsInteger() || type.id == TypeId::kFloat || type.id == TypeId::kDouble;
}

bool IsDatetimeType(const LogicalType& type) {
  return type.id == TypeId::kDatetime || type.id == TypeId::kTimestamp;
}

}  // namespace

Status ValidateColumnType(std::string_view column, std::string_view table_collation,
                          LogicalType* type) {
  if (IsCharacterType(type->id)) {
    if (type->collation.empty() && !NameEquals(table_collation, "utf8mb4_bin")) {
      type->collation = std::string(table_collation);
    }
    if (!type->collation.empty()) {
      VEXDB_ASSIGN_OR_RETURN(Charset cs, ResolveCharset("", type->collation, {}));
      // "" is the type's default collation, utf8mb4_bin: one spelling per type.
      type->collation = cs.collation == "utf8mb4_bin" ? "" : cs.collation;
    }
  }
  switch (type->id) {
    case TypeId::kDecimal: return ValidateDecimal(column, type);
    case TypeId::kFloat:
    case TypeId::kDouble:
      return ValidateFloat(column, *type);
    case TypeId::kTime:
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      if (type->fsp > kMaxFsp) {
        return Status::Error(ErrorCode::kTooBigPrecision, type->fsp, column, kMaxFsp);
      }
      return Status::OK();
    case TypeId::kEnum:
    case TypeId::kSet:
      return ValidateMembers(column, type);
    default:
      return ValidateLengths(column, type);
  }
}

Result<ColumnInfo> BuildColumn(const ast::ColumnDef& def, std::string_view statement_text,
                               std::string_view table_collation) {
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(def.name, ErrorCode::kWrongColumnName));
  if (def.generated != nullptr) {
    return Status::Error(ErrorCode::kNotSupportedYet, "generated columns");
  }
  ColumnInfo column;
  column.name = def.name;
  column.type = def.type;
  VEXDB_RETURN_IF_ERROR(ValidateColumnType(def.name, table_collation, &column.type));
  column.nullable = def.nullable.value_or(true);
  column.comment = def.comment;
  if (def.auto_increment) {
    if (!CanAutoIncrement(column.type)) {
      return Status::Error(ErrorCode::kWrongFieldSpec, def.name);
    }
    if (def.default_value != nullptr) return Status::Error(ErrorCode::kInvalidDefault, def.name);
    column.auto_increment = true;
    column.nullable = false;
  }
  if (def.on_update_current_timestamp) {
    if (!IsDatetimeType(column.type)) return Status::Error(ErrorCode::kInvalidOnUpdate, def.name);
    column.on_update_current_timestamp = true;
  }
  if (def.default_value != nullptr) {
    VEXDB_ASSIGN_OR_RETURN(column.default_value,
                           BuildDefault(*def.default_value, def.default_parenthesized,
                                        statement_text, column));
  }
  return column;
}

std::optional<Value> ImplicitDefaultOf(const LogicalType& type) {
  Value zero;
  switch (type.id) {
    case TypeId::kDate:
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return std::nullopt;  // the zero date, which strict mode rejects
    case TypeId::kTime: return Value::Time(0);
    case TypeId::kEnum:
      zero = Value::String(type.elements.empty() ? "" : type.elements.front());
      break;
    case TypeId::kJson: return Value::String("null");
    case TypeId::kVector: return Value::Vector({});
    default:
      zero = type.IsNumeric() || type.id == TypeId::kYear || type.id == TypeId::kBit
                 ? Value::Int(0)
                 : Value::String("");
      break;
  }
  Result<Value> cast = CastValue(zero, type, CastContext{CastMode::kExpression, "", 1});
  if (!cast.ok()) return std::nullopt;
  return std::move(cast).value();
}

Result<Value> BackfillValue(const ColumnInfo& column, int64_t now_micros) {
  const ColumnDefault& def = column.default_value;
  switch (def.kind) {
    case DefaultKind::kValue:
      return CastValue(Value::String(def.text), column.type,
                       CastContext{CastMode::kExpression, column.name, 1});
    case DefaultKind::kCurrentTimestamp:
      return Value::Datetime(RoundDatetimeMicros(now_micros, column.type.fsp));
    case DefaultKind::kExpression:
      return Status::Error(ErrorCode::kNotSupportedYet,
                           "adding a column with an expression default to a non-empty table");
    case DefaultKind::kNull:
      return Value::Null();
    case DefaultKind::kNone:
      break;
  }
  if (column.nullable || column.auto_increment) return Value::Null();
  std::optional<Value> implicit = ImplicitDefaultOf(column.type);
  if (!implicit) {
    bool date = column.type.id == TypeId::kDate;
    return Status::Error(ErrorCode::kWrongValueForColumn, date ? "date" : "datetime",
                         date ? "0000-00-00" : "0000-00-00 00:00:00", column.name, 1);
  }
  return std::move(*implicit);
}

Status FinishColumns(const std::set<std::string>& explicit_null, TableInfo* table) {
  if (const IndexInfo* pk = table->PrimaryKey()) {
    for (const IndexColumn& part : pk->columns) {
      int position = table->ColumnIndex(part.column);
      if (position < 0) continue;  // reported by the key's own validation
      ColumnInfo& column = table->columns[position];
      if (explicit_null.count(FoldName(column.name)) != 0) {
        return Status::Error(ErrorCode::kPrimaryCantHaveNull);
      }
      column.nullable = false;
    }
  }
  int auto_columns = 0;
  for (const ColumnInfo& column : table->columns) {
    if (!column.nullable && column.default_value.kind == DefaultKind::kNull) {
      return Status::Error(ErrorCode::kInvalidDefault, column.name);
    }
    if (!column.auto_increment) continue;
    ++auto_columns;
    bool starts_key = std::any_of(table->indexes.begin(), table->indexes.end(),
                                  [&](const IndexInfo& index) {
                                    return index.kind == IndexKind::kBTree &&
                                           NameEquals(index.columns.front().column, column.name);
                                  });
    if (!starts_key) return Status::Error(ErrorCode::kWrongAutoKey);
  }
  if (auto_columns > 1) return Status::Error(ErrorCode::kWrongAutoKey);
  return Status::OK();
}

}  // namespace vexdb::ddl_internal

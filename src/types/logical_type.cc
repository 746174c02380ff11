// LogicalType: SQL spelling and wire metadata of MySQL/TiDB column types.
//
// The spelling follows MySQL 8.0's SHOW CREATE TABLE (integer display widths are omitted except
// for tinyint(1) and ZEROFILL columns). The wire metadata follows what MySQL 8.0 sends in
// ColumnDefinition41: character columns report their length in bytes of utf8mb4 (4 per
// character) and carry a utf8mb4 collation; numbers, temporals, binary strings and JSON carry
// the binary collation 63; VECTOR pretends to be a LONGTEXT (tidb-vector-spec.md §1.5).

#include "types/logical_type.h"

#include <algorithm>
#include <string_view>

namespace vexdb {

namespace {

constexpr int64_t kTinyTextMax = 255;
constexpr int64_t kTextMax = 65535;
constexpr int64_t kMediumTextMax = 16777215;
constexpr int64_t kLongTextMax = 4294967295;
constexpr uint32_t kMaxWireLength = 4294967295u;
constexpr int kUtf8mb4MaxBytes = 4;
constexpr uint8_t kNotFixedDecimals = 31;

// Size-class prefix for TEXT/BLOB by their maximum byte length: "tiny", "", "medium", "long".
std::string_view LobSizePrefix(int64_t max_bytes) {
  if (max_bytes < 0) return "";
  if (max_bytes <= kTinyTextMax) return "tiny";
  if (max_bytes <= kTextMax) return "";
  if (max_bytes <= kMediumTextMax) return "medium";
  return "long";
}

int64_t LobMaxBytes(int64_t length) {
  if (length < 0) return kTextMax;
  if (length <= kTinyTextMax) return kTinyTextMax;
  if (length <= kTextMax) return kTextMax;
  if (length <= kMediumTextMax) return kMediumTextMax;
  return kLongTextMax;
}

// Quotes an ENUM/SET member the way SHOW CREATE TABLE does: 'it''s', backslash doubled.
std::string QuoteMember(const std::string& member) {
  std::string out = "'";
  for (char c : member) {
    switch (c) {
      case '\'': out += "''"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default: out += c;
    }
  }
  out += '\'';
  return out;
}

std::string MemberList(const std::vector<std::string>& elements) {
  std::string out = "(";
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ',';
    out += QuoteMember(elements[i]);
  }
  out += ')';
  return out;
}

// MySQL's default display width of an integer type (the column_length it reports).
int64_t DefaultIntegerWidth(TypeId id, bool is_unsigned) {
  switch (id) {
    case TypeId::kTinyInt: return is_unsigned ? 3 : 4;
    case TypeId::kSmallInt: return is_unsigned ? 5 : 6;
    case TypeId::kMediumInt: return is_unsigned ? 8 : 9;
    case TypeId::kInt: return is_unsigned ? 10 : 11;
    default: return 20;
  }
}

int DecimalPrecision(const LogicalType& t) { return t.precision == 0 ? 10 : t.precision; }
int DecimalScale(const LogicalType& t) { return t.scale < 0 ? 0 : t.scale; }

std::string WithFsp(std::string_view name, int fsp) {
  std::string out(name);
  if (fsp > 0) out += "(" + std::to_string(fsp) + ")";
  return out;
}

std::string IntegerSql(const LogicalType& t) {
  std::string out = t.DataTypeName();
  if (t.zerofill) {
    int64_t width = t.length > 0 ? t.length : DefaultIntegerWidth(t.id, true);
    return out + "(" + std::to_string(width) + ") unsigned zerofill";
  }
  if (t.id == TypeId::kTinyInt && (t.is_bool || t.length == 1)) out += "(1)";
  if (t.is_unsigned) out += " unsigned";
  return out;
}

std::string RealSql(const LogicalType& t) {
  std::string out = t.DataTypeName();
  if (t.precision > 0 && t.scale >= 0) {
    out += "(" + std::to_string(t.precision) + "," + std::to_string(t.scale) + ")";
  }
  if (t.is_unsigned) out += " unsigned";
  if (t.zerofill) out += " zerofill";
  return out;
}

std::string DecimalSql(const LogicalType& t) {
  std::string out = "decimal(" + std::to_string(DecimalPrecision(t)) + "," +
                    std::to_string(DecimalScale(t)) + ")";
  if (t.is_unsigned) out += " unsigned";
  if (t.zerofill) out += " zerofill";
  return out;
}

std::string SizedSql(std::string_view name, int64_t length, int64_t default_length) {
  int64_t n = length < 0 ? default_length : length;
  return std::string(name) + "(" + std::to_string(n) + ")";
}

uint32_t ClampWire(int64_t n) {
  if (n < 0) return 0;
  return static_cast<uint32_t>(std::min<int64_t>(n, kMaxWireLength));
}

uint32_t EnumWireLength(const LogicalType& t) {
  size_t longest = 0;
  for (const auto& e : t.elements) longest = std::max(longest, e.size());
  return ClampWire(static_cast<int64_t>(longest) * kUtf8mb4MaxBytes);
}

uint32_t SetWireLength(const LogicalType& t) {
  int64_t total = 0;
  for (const auto& e : t.elements) total += static_cast<int64_t>(e.size());
  if (!t.elements.empty()) total += static_cast<int64_t>(t.elements.size()) - 1;
  return ClampWire(total * kUtf8mb4MaxBytes);
}

uint32_t DecimalWireLength(const LogicalType& t) {
  int scale = DecimalScale(t);
  return static_cast<uint32_t>(DecimalPrecision(t) + (scale > 0 ? 1 : 0) + (t.is_unsigned ? 0 : 1));
}

uint32_t TemporalWireLength(int base, int fsp) {
  return static_cast<uint32_t>(base + (fsp > 0 ? fsp + 1 : 0));
}

uint16_t CollationId(const std::string& name) {
  if (name.empty() || name == "utf8mb4_bin") return kCollationUtf8mb4Bin;
  if (name == "utf8mb4_general_ci") return kCollationUtf8mb4GeneralCi;
  if (name == "utf8mb4_0900_ai_ci") return 255;
  if (name == "utf8mb4_unicode_ci") return 224;
  if (name == "utf8mb4_0900_bin") return 309;
  if (name == "binary") return kCollationBinary;
  if (name == "utf8_bin" || name == "utf8mb3_bin") return 83;
  if (name == "utf8_general_ci" || name == "utf8mb3_general_ci") return 33;
  if (name == "latin1_bin") return 47;
  if (name == "latin1_swedish_ci") return 8;
  if (name == "ascii_bin") return 65;
  if (name == "ascii_general_ci") return 11;
  return kCollationUtf8mb4Bin;
}

}  // namespace

bool LogicalType::IsInteger() const {
  switch (id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return true;
    default:
      return false;
  }
}

bool LogicalType::IsNumeric() const {
  return IsInteger() || id == TypeId::kFloat || id == TypeId::kDouble || id == TypeId::kDecimal;
}

bool LogicalType::IsString() const {
  switch (id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kEnum:
    case TypeId::kSet:
    case TypeId::kJson:
      return true;
    default:
      return false;
  }
}

bool LogicalType::IsBinary() const {
  switch (id) {
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
    case TypeId::kBit:
      return true;
    default:
      return false;
  }
}

bool LogicalType::IsTemporal() const {
  switch (id) {
    case TypeId::kDate:
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
    case TypeId::kYear:
      return true;
    default:
      return false;
  }
}

std::string LogicalType::DataTypeName() const {
  switch (id) {
    case TypeId::kNull: return "null";
    case TypeId::kTinyInt: return "tinyint";
    case TypeId::kSmallInt: return "smallint";
    case TypeId::kMediumInt: return "mediumint";
    case TypeId::kInt: return "int";
    case TypeId::kBigInt: return "bigint";
    case TypeId::kFloat: return "float";
    case TypeId::kDouble: return "double";
    case TypeId::kDecimal: return "decimal";
    case TypeId::kChar: return "char";
    case TypeId::kVarchar: return "varchar";
    case TypeId::kText: return std::string(LobSizePrefix(length)) + "text";
    case TypeId::kBinary: return "binary";
    case TypeId::kVarbinary: return "varbinary";
    case TypeId::kBlob: return std::string(LobSizePrefix(length)) + "blob";
    case TypeId::kDate: return "date";
    case TypeId::kDatetime: return "datetime";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTime: return "time";
    case TypeId::kYear: return "year";
    case TypeId::kJson: return "json";
    case TypeId::kEnum: return "enum";
    case TypeId::kSet: return "set";
    case TypeId::kBit: return "bit";
    case TypeId::kVector: return "vector";
  }
  return "null";
}

std::string LogicalType::ToSql() const {
  switch (id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return IntegerSql(*this);
    case TypeId::kFloat:
    case TypeId::kDouble:
      return RealSql(*this);
    case TypeId::kDecimal:
      return DecimalSql(*this);
    case TypeId::kChar:
    case TypeId::kBinary:
    case TypeId::kBit:
    case TypeId::kVarchar:
    case TypeId::kVarbinary:
      return SizedSql(DataTypeName(), length, 1);
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
      return WithFsp(DataTypeName(), fsp);
    case TypeId::kEnum:
    case TypeId::kSet:
      return DataTypeName() + MemberList(elements);
    case TypeId::kVector:
      return length < 0 ? "vector" : "vector(" + std::to_string(length) + ")";
    default:
      return DataTypeName();
  }
}

MysqlType LogicalType::WireType() const {
  switch (id) {
    case TypeId::kNull: return MysqlType::kNull;
    case TypeId::kTinyInt: return MysqlType::kTiny;
    case TypeId::kSmallInt: return MysqlType::kShort;
    case TypeId::kMediumInt: return MysqlType::kInt24;
    case TypeId::kInt: return MysqlType::kLong;
    case TypeId::kBigInt: return MysqlType::kLongLong;
    case TypeId::kFloat: return MysqlType::kFloat;
    case TypeId::kDouble: return MysqlType::kDouble;
    case TypeId::kDecimal: return MysqlType::kNewDecimal;
    case TypeId::kChar:
    case TypeId::kBinary:
    case TypeId::kEnum:
    case TypeId::kSet:
      return MysqlType::kString;
    case TypeId::kVarchar:
    case TypeId::kVarbinary:
      return MysqlType::kVarString;
    case TypeId::kText:
    case TypeId::kBlob:
      return MysqlType::kBlob;
    case TypeId::kDate: return MysqlType::kDate;
    case TypeId::kDatetime: return MysqlType::kDatetime;
    case TypeId::kTimestamp: return MysqlType::kTimestamp;
    case TypeId::kTime: return MysqlType::kTime;
    case TypeId::kYear: return MysqlType::kYear;
    case TypeId::kJson: return MysqlType::kJson;
    case TypeId::kBit: return MysqlType::kBit;
    case TypeId::kVector: return MysqlType::kLongBlob;
  }
  return MysqlType::kNull;
}

uint32_t LogicalType::WireLength() const {
  switch (id) {
    case TypeId::kNull: return 0;
    case TypeId::kTinyInt:
      if (is_bool) return 1;
      [[fallthrough]];
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return ClampWire(length > 0 ? length : DefaultIntegerWidth(id, is_unsigned));
    case TypeId::kFloat:
      return precision > 0 && scale >= 0 ? precision : 12;
    case TypeId::kDouble:
      return precision > 0 && scale >= 0 ? precision : 22;
    case TypeId::kDecimal: return DecimalWireLength(*this);
    case TypeId::kChar:
    case TypeId::kVarchar:
      return ClampWire(MaxLength() * kUtf8mb4MaxBytes);
    case TypeId::kText: return ClampWire(LobMaxBytes(length) * kUtf8mb4MaxBytes);
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
      return ClampWire(MaxLength());
    case TypeId::kDate: return 10;
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return TemporalWireLength(19, fsp);
    case TypeId::kTime: return TemporalWireLength(10, fsp);
    case TypeId::kYear: return 4;
    case TypeId::kJson:
    case TypeId::kVector:
      return kMaxWireLength;
    case TypeId::kEnum: return EnumWireLength(*this);
    case TypeId::kSet: return SetWireLength(*this);
    case TypeId::kBit: return ClampWire(length < 0 ? 1 : length);
  }
  return 0;
}

uint8_t LogicalType::WireDecimals() const {
  switch (id) {
    case TypeId::kFloat:
    case TypeId::kDouble:
      return precision > 0 && scale >= 0 ? static_cast<uint8_t>(scale) : kNotFixedDecimals;
    case TypeId::kDecimal: return static_cast<uint8_t>(DecimalScale(*this));
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
      return fsp;
    default:
      return 0;
  }
}

uint16_t LogicalType::WireCharset() const {
  switch (id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kEnum:
    case TypeId::kSet:
    case TypeId::kVector:
      return CollationId(collation);
    default:
      return kCollationBinary;
  }
}

int64_t LogicalType::MaxLength() const {
  switch (id) {
    case TypeId::kChar:
    case TypeId::kBinary:
    case TypeId::kVarchar:
    case TypeId::kVarbinary:
      return length;
    case TypeId::kText:
    case TypeId::kBlob:
      return LobMaxBytes(length);
    default:
      return -1;
  }
}

}  // namespace vexdb

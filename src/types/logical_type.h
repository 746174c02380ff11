#pragma once

// LogicalType: a SQL column or expression type as MySQL/TiDB define it (INT UNSIGNED,
// VARCHAR(32), DECIMAL(10,2), DATETIME(6), ENUM('a','b'), ...). It knows its SQL spelling (for
// SHOW CREATE TABLE and information_schema) and its MySQL wire metadata (type code, length,
// decimals, charset), but does no I/O. Values of a LogicalType are held in Value (value.h).

#include <cstdint>
#include <string>
#include <vector>

namespace vexdb {

enum class TypeId : uint8_t {
  kNull,  // the type of the NULL literal
  kTinyInt,
  kSmallInt,
  kMediumInt,
  kInt,
  kBigInt,
  kFloat,
  kDouble,
  kDecimal,
  kChar,
  kVarchar,
  kText,  // TINYTEXT/TEXT/MEDIUMTEXT/LONGTEXT by max_length
  kBinary,
  kVarbinary,
  kBlob,  // TINYBLOB/BLOB/MEDIUMBLOB/LONGBLOB by max_length
  kDate,
  kDatetime,
  kTimestamp,
  kTime,
  kYear,
  kJson,
  kEnum,
  kSet,
  kBit,
  kVector,  // VECTOR(D) of float32 (issue 3)
};

// MySQL wire protocol column type codes (ColumnDefinition41.type).
enum class MysqlType : uint8_t {
  kDecimal = 0,
  kTiny = 1,
  kShort = 2,
  kLong = 3,
  kFloat = 4,
  kDouble = 5,
  kNull = 6,
  kTimestamp = 7,
  kLongLong = 8,
  kInt24 = 9,
  kDate = 10,
  kTime = 11,
  kDatetime = 12,
  kYear = 13,
  kVarchar = 15,
  kBit = 16,
  kJson = 245,
  kNewDecimal = 246,
  kEnum = 247,
  kSet = 248,
  kTinyBlob = 249,
  kMediumBlob = 250,
  kLongBlob = 251,
  kBlob = 252,
  kVarString = 253,
  kString = 254,
  kGeometry = 255,
};

// MySQL collation ids used in column metadata.
inline constexpr uint16_t kCollationBinary = 63;
inline constexpr uint16_t kCollationUtf8mb4Bin = 46;
inline constexpr uint16_t kCollationUtf8mb4GeneralCi = 45;

struct LogicalType {
  TypeId id = TypeId::kNull;
  bool is_unsigned = false;
  bool is_bool = false;      // declared BOOL/BOOLEAN (stored as TINYINT(1))
  bool zerofill = false;
  int64_t length = -1;       // CHAR/VARCHAR/BINARY/VARBINARY/BIT length; TEXT/BLOB max bytes;
                             // display width for integers; VECTOR dimension; -1 = unspecified
  uint8_t precision = 0;     // DECIMAL precision (1..65); FLOAT/DOUBLE (M,D) precision or 0
  int8_t scale = -1;         // DECIMAL scale; FLOAT/DOUBLE (M,D) scale; -1 = unspecified
  uint8_t fsp = 0;           // fractional seconds precision for DATETIME/TIMESTAMP/TIME (0..6)
  std::vector<std::string> elements;  // ENUM/SET members, in declaration order
  std::string collation;     // "" = the default for the type (utf8mb4_bin for strings)

  static LogicalType Null() { return {}; }
  static LogicalType Of(TypeId id) {
    LogicalType t;
    t.id = id;
    return t;
  }
  static LogicalType BigInt(bool is_unsigned = false) {
    LogicalType t = Of(TypeId::kBigInt);
    t.is_unsigned = is_unsigned;
    return t;
  }
  static LogicalType Double() { return Of(TypeId::kDouble); }
  static LogicalType Decimal(int precision, int scale) {
    LogicalType t = Of(TypeId::kDecimal);
    t.precision = static_cast<uint8_t>(precision);
    t.scale = static_cast<int8_t>(scale);
    return t;
  }
  static LogicalType Varchar(int64_t length) {
    LogicalType t = Of(TypeId::kVarchar);
    t.length = length;
    return t;
  }
  static LogicalType LongText() {
    LogicalType t = Of(TypeId::kText);
    t.length = 4294967295;
    return t;
  }
  static LogicalType Datetime(int fsp) {
    LogicalType t = Of(TypeId::kDatetime);
    t.fsp = static_cast<uint8_t>(fsp);
    return t;
  }

  bool IsInteger() const;   // TINYINT..BIGINT, YEAR not included
  bool IsNumeric() const;   // integers, FLOAT, DOUBLE, DECIMAL
  bool IsString() const;    // CHAR/VARCHAR/TEXT/ENUM/SET/JSON (character data)
  bool IsBinary() const;    // BINARY/VARBINARY/BLOB/BIT (byte data, charset 63)
  bool IsTemporal() const;  // DATE/DATETIME/TIMESTAMP/TIME/YEAR

  // The MySQL spelling used by SHOW CREATE TABLE and information_schema.COLUMNS.COLUMN_TYPE:
  // "int", "int unsigned", "varchar(32)", "decimal(10,2)", "datetime(6)", "tinyint(1)",
  // "enum('a','b')", "text", "json".
  std::string ToSql() const;
  // DATA_TYPE of information_schema.COLUMNS: "int", "varchar", "decimal", ...
  std::string DataTypeName() const;

  // Wire metadata for ColumnDefinition41.
  MysqlType WireType() const;
  uint32_t WireLength() const;   // column_length as MySQL reports it (chars*4 for utf8mb4)
  uint8_t WireDecimals() const;  // scale, fsp, 31 for FLOAT/DOUBLE without (M,D), 0 otherwise
  uint16_t WireCharset() const;  // 63 for numbers/temporals/binary; utf8mb4 collation otherwise

  // Maximum length a value may have: characters for CHAR/VARCHAR, bytes for BINARY/VARBINARY
  // and TEXT/BLOB (TEXT 65535, TINYTEXT 255, MEDIUMTEXT 16777215, LONGTEXT 4294967295, chosen by
  // `length`); -1 if unbounded, which includes CHAR/BINARY/VARCHAR with length -1 (the types of
  // CAST(x AS CHAR) / CAST(x AS BINARY)). DDL binders must therefore set CHAR's default length 1.
  int64_t MaxLength() const;

  bool operator==(const LogicalType& other) const = default;
};

}  // namespace vexdb

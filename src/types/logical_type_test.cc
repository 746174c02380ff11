#include "types/logical_type.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

LogicalType Make(TypeId id, int64_t length = -1, bool is_unsigned = false) {
  LogicalType t = LogicalType::Of(id);
  t.length = length;
  t.is_unsigned = is_unsigned;
  return t;
}

LogicalType WithFsp(TypeId id, int fsp) {
  LogicalType t = LogicalType::Of(id);
  t.fsp = static_cast<uint8_t>(fsp);
  return t;
}

LogicalType Members(TypeId id, std::vector<std::string> elements) {
  LogicalType t = LogicalType::Of(id);
  t.elements = std::move(elements);
  return t;
}

TEST(LogicalTypeTest, ToSqlMatchesShowCreateTable) {
  LogicalType boolean = Make(TypeId::kTinyInt);
  boolean.is_bool = true;
  LogicalType zerofill = Make(TypeId::kInt, 5, true);
  zerofill.zerofill = true;
  LogicalType float_md = LogicalType::Of(TypeId::kFloat);
  float_md.precision = 7;
  float_md.scale = 4;
  LogicalType unsigned_decimal = LogicalType::Decimal(10, 2);
  unsigned_decimal.is_unsigned = true;
  struct Case {
    LogicalType type;
    const char* sql;
  };
  const Case kCases[] = {
      {Make(TypeId::kInt), "int"},
      {Make(TypeId::kInt, 11), "int"},
      {Make(TypeId::kInt, -1, true), "int unsigned"},
      {LogicalType::BigInt(), "bigint"},
      {LogicalType::BigInt(true), "bigint unsigned"},
      {Make(TypeId::kSmallInt), "smallint"},
      {Make(TypeId::kMediumInt), "mediumint"},
      {Make(TypeId::kTinyInt), "tinyint"},
      {Make(TypeId::kTinyInt, 1), "tinyint(1)"},
      {boolean, "tinyint(1)"},
      {zerofill, "int(5) unsigned zerofill"},
      {LogicalType::Varchar(32), "varchar(32)"},
      {Make(TypeId::kChar, 5), "char(5)"},
      {LogicalType::Decimal(10, 2), "decimal(10,2)"},
      {LogicalType::Of(TypeId::kDecimal), "decimal(10,0)"},
      {unsigned_decimal, "decimal(10,2) unsigned"},
      {LogicalType::Of(TypeId::kFloat), "float"},
      {float_md, "float(7,4)"},
      {LogicalType::Double(), "double"},
      {LogicalType::Datetime(6), "datetime(6)"},
      {LogicalType::Datetime(0), "datetime"},
      {WithFsp(TypeId::kTimestamp, 0), "timestamp"},
      {WithFsp(TypeId::kTime, 3), "time(3)"},
      {LogicalType::Of(TypeId::kDate), "date"},
      {LogicalType::Of(TypeId::kYear), "year"},
      {Make(TypeId::kText, 65535), "text"},
      {Make(TypeId::kText), "text"},
      {Make(TypeId::kText, 255), "tinytext"},
      {Make(TypeId::kText, 16777215), "mediumtext"},
      {LogicalType::LongText(), "longtext"},
      {Make(TypeId::kBlob, 65535), "blob"},
      {Make(TypeId::kBlob, 255), "tinyblob"},
      {Make(TypeId::kBlob, 16777215), "mediumblob"},
      {Make(TypeId::kBlob, 4294967295), "longblob"},
      {Make(TypeId::kVarbinary, 16), "varbinary(16)"},
      {Make(TypeId::kBinary, 4), "binary(4)"},
      {LogicalType::Of(TypeId::kJson), "json"},
      {Members(TypeId::kEnum, {"a", "b"}), "enum('a','b')"},
      {Members(TypeId::kEnum, {"it's", "back\\slash"}), "enum('it''s','back\\\\slash')"},
      {Members(TypeId::kSet, {"x", "y"}), "set('x','y')"},
      {Make(TypeId::kBit, 3), "bit(3)"},
      {Make(TypeId::kBit), "bit(1)"},
      {Make(TypeId::kVector, 3), "vector(3)"},
      {Make(TypeId::kVector), "vector"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.type.ToSql(), c.sql);
}

TEST(LogicalTypeTest, DataTypeName) {
  EXPECT_EQ(Make(TypeId::kInt, -1, true).DataTypeName(), "int");
  EXPECT_EQ(LogicalType::Varchar(3).DataTypeName(), "varchar");
  EXPECT_EQ(LogicalType::Decimal(5, 1).DataTypeName(), "decimal");
  EXPECT_EQ(LogicalType::LongText().DataTypeName(), "longtext");
  EXPECT_EQ(Members(TypeId::kEnum, {"a"}).DataTypeName(), "enum");
  EXPECT_EQ(Make(TypeId::kVector, 3).DataTypeName(), "vector");
}

TEST(LogicalTypeTest, Predicates) {
  EXPECT_TRUE(Make(TypeId::kBigInt).IsInteger());
  EXPECT_FALSE(Make(TypeId::kYear).IsInteger());
  EXPECT_TRUE(LogicalType::Decimal(5, 2).IsNumeric());
  EXPECT_TRUE(LogicalType::Double().IsNumeric());
  EXPECT_FALSE(LogicalType::Varchar(3).IsNumeric());
  EXPECT_TRUE(LogicalType::Varchar(3).IsString());
  EXPECT_TRUE(LogicalType::Of(TypeId::kJson).IsString());
  EXPECT_FALSE(Make(TypeId::kBlob).IsString());
  EXPECT_TRUE(Make(TypeId::kBlob).IsBinary());
  EXPECT_TRUE(Make(TypeId::kBit).IsBinary());
  EXPECT_TRUE(LogicalType::Of(TypeId::kYear).IsTemporal());
  EXPECT_TRUE(LogicalType::Datetime(0).IsTemporal());
  EXPECT_FALSE(LogicalType::Double().IsTemporal());
}

struct WireCase {
  LogicalType type;
  MysqlType code;
  uint32_t length;
  uint8_t decimals;
  uint16_t charset;
};

TEST(LogicalTypeTest, WireMetadata) {
  LogicalType boolean = Make(TypeId::kTinyInt);
  boolean.is_bool = true;
  LogicalType unsigned_decimal = LogicalType::Decimal(10, 2);
  unsigned_decimal.is_unsigned = true;
  LogicalType general_ci = LogicalType::Varchar(10);
  general_ci.collation = "utf8mb4_general_ci";
  const WireCase kCases[] = {
      {Make(TypeId::kInt), MysqlType::kLong, 11, 0, 63},
      {Make(TypeId::kInt, -1, true), MysqlType::kLong, 10, 0, 63},
      {Make(TypeId::kTinyInt), MysqlType::kTiny, 4, 0, 63},
      {boolean, MysqlType::kTiny, 1, 0, 63},
      {Make(TypeId::kSmallInt), MysqlType::kShort, 6, 0, 63},
      {Make(TypeId::kMediumInt), MysqlType::kInt24, 9, 0, 63},
      {LogicalType::BigInt(), MysqlType::kLongLong, 20, 0, 63},
      {LogicalType::BigInt(true), MysqlType::kLongLong, 20, 0, 63},
      {LogicalType::Of(TypeId::kFloat), MysqlType::kFloat, 12, 31, 63},
      {LogicalType::Double(), MysqlType::kDouble, 22, 31, 63},
      {LogicalType::Decimal(10, 2), MysqlType::kNewDecimal, 12, 2, 63},
      {LogicalType::Decimal(10, 0), MysqlType::kNewDecimal, 11, 0, 63},
      {unsigned_decimal, MysqlType::kNewDecimal, 11, 2, 63},
      {LogicalType::Varchar(50), MysqlType::kVarString, 200, 0, 46},
      {general_ci, MysqlType::kVarString, 40, 0, 45},
      {Make(TypeId::kChar, 5), MysqlType::kString, 20, 0, 46},
      {Make(TypeId::kText, 65535), MysqlType::kBlob, 262140, 0, 46},
      {LogicalType::LongText(), MysqlType::kBlob, 4294967295u, 0, 46},
      {Make(TypeId::kBlob, 65535), MysqlType::kBlob, 65535, 0, 63},
      {Make(TypeId::kVarbinary, 16), MysqlType::kVarString, 16, 0, 63},
      {Make(TypeId::kBinary, 4), MysqlType::kString, 4, 0, 63},
      {LogicalType::Of(TypeId::kDate), MysqlType::kDate, 10, 0, 63},
      {LogicalType::Datetime(0), MysqlType::kDatetime, 19, 0, 63},
      {LogicalType::Datetime(6), MysqlType::kDatetime, 26, 6, 63},
      {WithFsp(TypeId::kTimestamp, 0), MysqlType::kTimestamp, 19, 0, 63},
      {WithFsp(TypeId::kTime, 3), MysqlType::kTime, 14, 3, 63},
      {LogicalType::Of(TypeId::kYear), MysqlType::kYear, 4, 0, 63},
      {LogicalType::Of(TypeId::kJson), MysqlType::kJson, 4294967295u, 0, 63},
      {Members(TypeId::kEnum, {"a", "bcd"}), MysqlType::kString, 12, 0, 46},
      {Members(TypeId::kSet, {"a", "bcd"}), MysqlType::kString, 20, 0, 46},
      {Make(TypeId::kBit, 3), MysqlType::kBit, 3, 0, 63},
      {Make(TypeId::kVector, 3), MysqlType::kLongBlob, 4294967295u, 0, 46},
      {LogicalType::Null(), MysqlType::kNull, 0, 0, 63},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.type.ToSql());
    EXPECT_EQ(c.type.WireType(), c.code);
    EXPECT_EQ(c.type.WireLength(), c.length);
    EXPECT_EQ(c.type.WireDecimals(), c.decimals);
    EXPECT_EQ(c.type.WireCharset(), c.charset);
  }
}

TEST(LogicalTypeTest, MaxLength) {
  EXPECT_EQ(LogicalType::Varchar(50).MaxLength(), 50);
  EXPECT_EQ(Make(TypeId::kChar, 5).MaxLength(), 5);
  EXPECT_EQ(Make(TypeId::kChar).MaxLength(), -1);  // CAST(x AS CHAR)
  EXPECT_EQ(Make(TypeId::kText, 65535).MaxLength(), 65535);
  EXPECT_EQ(Make(TypeId::kText).MaxLength(), 65535);
  EXPECT_EQ(Make(TypeId::kText, 255).MaxLength(), 255);
  EXPECT_EQ(Make(TypeId::kText, 16777215).MaxLength(), 16777215);
  EXPECT_EQ(LogicalType::LongText().MaxLength(), 4294967295);
  EXPECT_EQ(Make(TypeId::kBlob, 255).MaxLength(), 255);
  EXPECT_EQ(Make(TypeId::kVarbinary, 16).MaxLength(), 16);
  EXPECT_EQ(LogicalType::BigInt().MaxLength(), -1);
}

}  // namespace
}  // namespace vexdb

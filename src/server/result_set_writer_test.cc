#include "server/result_set_writer.h"

#include <gtest/gtest.h>

#include "main/session.h"
#include "server/in_memory_stream.h"
#include "server/mysql_protocol.h"
#include "server/wire_codec.h"

namespace vexdb {
namespace {

ResultColumn Column(std::string name, LogicalType type) {
  ResultColumn column;
  column.name = std::move(name);
  column.type = std::move(type);
  return column;
}

std::vector<RawPacket> Write(const QueryResult& result, uint16_t flags) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  channel.ResetSequence();
  EXPECT_TRUE(WriteQueryResult(channel, result, flags).ok());
  EXPECT_TRUE(channel.Flush().ok());
  return Unframe(stream.output);
}

TEST(ResultSetWriterTest, OkResult) {
  QueryResult result;
  result.affected_rows = 2;
  result.last_insert_id = 7;
  result.warnings = 1;
  result.info = "Rows matched: 2  Changed: 2  Warnings: 1";
  std::vector<RawPacket> packets = Write(result, kServerStatusAutocommit);
  ASSERT_EQ(packets.size(), 1u);
  EXPECT_EQ(packets[0].payload,
            std::string("\x00\x02\x07\x02\x00\x01\x00\x28", 8) + result.info);
}

TEST(ResultSetWriterTest, TextResultSetFraming) {
  QueryResult result;
  result.has_result_set = true;
  result.columns.push_back(Column("id", LogicalType::BigInt()));
  result.columns.push_back(Column("name", LogicalType::Varchar(10)));
  result.rows.push_back({Value::Int(1), Value::String("a")});
  result.rows.push_back({Value::Int(2), Value::Null()});
  result.warnings = 3;
  uint16_t flags = kServerStatusAutocommit | kServerStatusMoreResultsExist;
  std::vector<RawPacket> packets = Write(result, flags);

  // count, 2 definitions, EOF, 2 rows, EOF
  ASSERT_EQ(packets.size(), 7u);
  for (size_t i = 0; i < packets.size(); i++) EXPECT_EQ(packets[i].sequence, i);
  EXPECT_EQ(packets[0].payload, "\x02");
  WireReader definition(packets[1].payload);
  EXPECT_EQ(definition.LenencString(), "def");
  EXPECT_EQ(packets[3].payload, std::string("\xFE\x00\x00\x0A\x00", 5));
  EXPECT_EQ(packets[4].payload, "\x01" "1" "\x01" "a");
  EXPECT_EQ(packets[5].payload, "\x01" "2" "\xFB");
  EXPECT_EQ(packets[6].payload, std::string("\xFE\x03\x00\x0A\x00", 5));
}

TEST(ResultSetWriterTest, EmptyResultSet) {
  QueryResult result;
  result.has_result_set = true;
  result.columns.push_back(Column("x", LogicalType::BigInt()));
  EXPECT_EQ(Write(result, 0).size(), 4u);  // count, definition, EOF, EOF
}

TEST(ResultSetWriterTest, RowWidthMismatchIsAnErrorNotACorruptStream) {
  QueryResult result;
  result.has_result_set = true;
  result.columns.push_back(Column("x", LogicalType::BigInt()));
  result.rows.push_back({Value::Int(1), Value::Int(2)});
  InMemoryStream stream;
  PacketChannel channel(stream);
  Status status = WriteQueryResult(channel, result, 0);
  EXPECT_EQ(status.mysql_errno(), 1105);
  EXPECT_FALSE(channel.broken());
}

TEST(ResultSetWriterTest, KeyAndNullFlags) {
  ResultColumn id = Column("id", LogicalType::BigInt());
  id.not_null = true;
  id.primary_key = true;
  id.auto_increment = true;
  EXPECT_EQ(ColumnFlags(id),
            kNotNullFlag | kPriKeyFlag | kAutoIncrementFlag | kBinaryFlag | kNumFlag);
  ResultColumn name = Column("name", LogicalType::Varchar(20));
  name.unique_key = true;
  EXPECT_EQ(ColumnFlags(name), kUniqueKeyFlag);
  name.unique_key = false;
  name.multiple_key = true;
  EXPECT_EQ(ColumnFlags(name), kMultipleKeyFlag);
}

TEST(ResultSetWriterTest, TypeFlags) {
  EXPECT_EQ(ColumnFlags(Column("u", LogicalType::BigInt(/*is_unsigned=*/true))),
            kUnsignedFlag | kBinaryFlag | kNumFlag);
  EXPECT_EQ(ColumnFlags(Column("d", LogicalType::Decimal(10, 2))), kBinaryFlag | kNumFlag);
  EXPECT_EQ(ColumnFlags(Column("t", LogicalType::LongText())), kBlobFlag);
  EXPECT_EQ(ColumnFlags(Column("b", LogicalType::Of(TypeId::kBlob))), kBlobFlag | kBinaryFlag);
  EXPECT_EQ(ColumnFlags(Column("j", LogicalType::Of(TypeId::kJson))), kBlobFlag | kBinaryFlag);
  EXPECT_EQ(ColumnFlags(Column("e", LogicalType::Of(TypeId::kEnum))), kEnumFlag);
  EXPECT_EQ(ColumnFlags(Column("s", LogicalType::Of(TypeId::kSet))), kSetFlag);
  EXPECT_EQ(ColumnFlags(Column("y", LogicalType::Of(TypeId::kYear))),
            kUnsignedFlag | kZerofillFlag | kBinaryFlag | kNumFlag);
  EXPECT_EQ(ColumnFlags(Column("ts", LogicalType::Of(TypeId::kTimestamp))),
            kTimestampFlag | kBinaryFlag);
  EXPECT_EQ(ColumnFlags(Column("dt", LogicalType::Datetime(6))), kBinaryFlag);
  EXPECT_EQ(ColumnFlags(Column("v", LogicalType::Varchar(5))), 0);
}

TEST(ResultSetWriterTest, DefinitionCarriesTypeMetadata) {
  ResultColumn column = Column("price", LogicalType::Decimal(10, 2));
  column.schema = "test";
  column.table = "t";
  column.org_table = "items";
  column.org_name = "cost";
  ColumnDefinition def = ToColumnDefinition(column);
  EXPECT_EQ(def.schema, "test");
  EXPECT_EQ(def.org_name, "cost");
  EXPECT_EQ(def.type, static_cast<uint8_t>(MysqlType::kNewDecimal));
  EXPECT_EQ(def.charset, kCollationBinary);
  EXPECT_EQ(def.decimals, 2);
  EXPECT_EQ(def.length, column.type.WireLength());
}

}  // namespace
}  // namespace vexdb

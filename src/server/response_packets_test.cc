#include "server/response_packets.h"

#include <gtest/gtest.h>

#include "server/wire_codec.h"

namespace vexdb {
namespace {

TEST(ResponsePacketsTest, OkLayout) {
  OkPacket ok;
  ok.affected_rows = 3;
  ok.last_insert_id = 300;
  ok.status_flags = 0x0003;
  ok.warnings = 2;
  ok.info = "Records: 3  Duplicates: 0  Warnings: 0";
  std::string expected("\x00\x03\xFC\x2C\x01\x03\x00\x02\x00\x26", 10);
  expected += "Records: 3  Duplicates: 0  Warnings: 0";
  EXPECT_EQ(EncodeOk(ok), expected);
}

TEST(ResponsePacketsTest, MinimalOkIsSevenBytes) {
  // PyMySQL recognises OK as data[0] == 0 and len >= 7.
  OkPacket ok;
  ok.status_flags = 0x0002;
  EXPECT_EQ(EncodeOk(ok), std::string("\x00\x00\x00\x02\x00\x00\x00", 7));
}

TEST(ResponsePacketsTest, ErrLayout) {
  Status error = Status::Error(ErrorCode::kNoSuchTable, "test", "t");
  std::string expected("\xFF\x7A\x04#42S02Table 'test.t' doesn't exist");
  EXPECT_EQ(EncodeErr(error), expected);
}

TEST(ResponsePacketsTest, PreProtocol41ErrHasNoSqlstate) {
  Status error = Status::Error(ErrorCode::kConCount);
  EXPECT_EQ(EncodeErr(error, /*protocol41=*/false), "\xFF\x10\x04Too many connections");
}

TEST(ResponsePacketsTest, ErrMessageIsCutOnCharacterBoundary) {
  std::string message(509, 'a');
  message += "\xC3\xA9\xC3\xA9";  // "éé": the second é straddles byte 511
  std::string packet = EncodeErr(Status::Internal(message));
  std::string carried = packet.substr(9);
  EXPECT_EQ(carried.size(), 511u);
  EXPECT_EQ(carried.substr(509), "\xC3\xA9");
}

TEST(ResponsePacketsTest, EofLayout) {
  EXPECT_EQ(EncodeEof(1, 0x000A), std::string("\xFE\x01\x00\x0A\x00", 5));
}

TEST(ResponsePacketsTest, ColumnDefinitionLayout) {
  ColumnDefinition column;
  column.schema = "test";
  column.table = "t";
  column.org_table = "items";
  column.name = "price";
  column.org_name = "cost";
  column.charset = 63;
  column.length = 12;
  column.type = 246;
  column.flags = 0x8001;
  column.decimals = 2;
  std::string out;
  EncodeColumnDefinition(column, &out);

  std::string expected = "\x03" "def" "\x04" "test" "\x01" "t" "\x05" "items" "\x05" "price"
                         "\x04" "cost" "\x0C";
  expected += std::string("\x3F\x00\x0C\x00\x00\x00\xF6\x01\x80\x02\x00\x00", 12);
  EXPECT_EQ(out, expected);

  // What PyMySQL does: skip six lenenc strings, then unpack "<xHIBHBxx" from the 13-byte tail.
  WireReader r(out);
  for (int i = 0; i < 6; i++) ASSERT_TRUE(r.LenencString());
  ASSERT_EQ(r.remaining(), 13u);
  EXPECT_EQ(r.Int1(), 0x0C);
  EXPECT_EQ(r.Int2(), 63);
  EXPECT_EQ(r.Int4(), 12u);
  EXPECT_EQ(r.Int1(), 246);
  EXPECT_EQ(r.Int2(), 0x8001);
  EXPECT_EQ(r.Int1(), 2);
  EXPECT_EQ(r.Int2(), 0);
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace vexdb

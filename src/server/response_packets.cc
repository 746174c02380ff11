#include "server/response_packets.h"

#include "server/mysql_protocol.h"
#include "server/wire_codec.h"

namespace vexdb {

namespace {

// The longest prefix of `message` of at most `limit` bytes that does not split a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view message, size_t limit) {
  if (message.size() <= limit) return message;
  size_t end = limit;
  while (end > 0 && (static_cast<uint8_t>(message[end]) & 0xC0) == 0x80) end--;
  return message.substr(0, end);
}

}  // namespace

std::string EncodeOk(const OkPacket& ok) {
  std::string out;
  WireWriter w(out);
  w.Int1(kOkHeader);
  w.LenencInt(ok.affected_rows);
  w.LenencInt(ok.last_insert_id);
  w.Int2(ok.status_flags);
  w.Int2(ok.warnings);
  // MySQL's net_send_ok writes the info as a length-encoded string (libmariadb reads it so).
  if (!ok.info.empty()) w.LenencString(ok.info);
  return out;
}

std::string EncodeErr(const Status& status, bool protocol41) {
  std::string out;
  WireWriter w(out);
  w.Int1(kErrHeader);
  w.Int2(status.mysql_errno());
  if (protocol41) {
    w.Bytes("#");
    w.Bytes(status.sqlstate());
  }
  w.Bytes(TruncateUtf8(status.message(), kMaxErrorMessageLength));
  return out;
}

std::string EncodeEof(uint16_t warnings, uint16_t status_flags) {
  std::string out;
  WireWriter w(out);
  w.Int1(kEofHeader);
  w.Int2(warnings);
  w.Int2(status_flags);
  return out;
}

void EncodeColumnDefinition(const ColumnDefinition& column, std::string* out) {
  WireWriter w(*out);
  w.LenencString("def");
  w.LenencString(column.schema);
  w.LenencString(column.table);
  w.LenencString(column.org_table);
  w.LenencString(column.name);
  w.LenencString(column.org_name);
  w.LenencInt(0x0C);  // length of the fixed-size fields that follow
  w.Int2(column.charset);
  w.Int4(column.length);
  w.Int1(column.type);
  w.Int2(column.flags);
  w.Int1(column.decimals);
  w.Zeros(2);
}

}  // namespace vexdb

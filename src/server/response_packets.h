#pragma once

// Encoders for the server's generic response payloads (OK, ERR, EOF) and for
// ColumnDefinition41, with the exact byte layouts clients parse (PyMySQL reads the fixed part of a
// column definition positionally as "<xHIBHBxx"). Pure functions: no I/O, no session state.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace vexdb {

struct OkPacket {
  uint64_t affected_rows = 0;
  uint64_t last_insert_id = 0;
  uint16_t status_flags = 0;
  uint16_t warnings = 0;
  std::string_view info;
};

// 0x00, affected_rows (lenenc), last_insert_id (lenenc), status (2), warnings (2), then info as
// a lenenc string if non-empty. The protocol documentation calls info string<EOF>, but MySQL and
// TiDB send it length-encoded and libmysqlclient / libmariadb read it that way (an unprefixed
// info makes them fail with "Received malformed packet").
std::string EncodeOk(const OkPacket& ok);

// 0xFF, errno (2), ['#', SQLSTATE (5)], message. The SQLSTATE marker is sent only to protocol-4.1
// clients; errors before the client has announced its capabilities (e.g. "Too many
// connections") go without it, as MySQL sends them. Messages are cut to 511 bytes on a UTF-8
// character boundary.
// REQUIRES: !status.ok().
std::string EncodeErr(const Status& status, bool protocol41 = true);

// 0xFE, warnings (2), status (2).
std::string EncodeEof(uint16_t warnings, uint16_t status_flags);

// The fields of one ColumnDefinition41 packet, already mapped to wire codes.
struct ColumnDefinition {
  std::string_view schema;
  std::string_view table;
  std::string_view org_table;
  std::string_view name;
  std::string_view org_name;
  uint16_t charset = 0;
  uint32_t length = 0;
  uint8_t type = 0;
  uint16_t flags = 0;
  uint8_t decimals = 0;
};

// lenenc "def", schema, table, org_table, name, org_name; 0x0C; charset (2), length (4),
// type (1), flags (2), decimals (1); two zero filler bytes. Appends to *out.
void EncodeColumnDefinition(const ColumnDefinition& column, std::string* out);

}  // namespace vexdb

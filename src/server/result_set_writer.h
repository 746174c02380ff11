#pragma once

// Encodes what one statement produced (a QueryResult) as the text-protocol response to
// COM_QUERY: either an OK packet or a text result set
//
//   column count (lenenc) · ColumnDefinition41 × N · EOF · text row × M · EOF
//
// where each row value is FormatValue()'s text as a lenenc string, or 0xFB for NULL. Rows go
// through the channel's bounded write buffer, so a large result streams to the socket instead of
// being assembled in memory a second time.

#include <cstdint>

#include "common/status.h"
#include "types/query_result.h"
#include "server/packet_channel.h"
#include "server/response_packets.h"

namespace vexdb {

// Sends `result`; `status_flags` (the session's flags, plus MORE_RESULTS_EXISTS when another
// result follows) goes into the OK packet or the EOF packets. Errors: transport failures
// (channel.broken() is then true), or kUnknown for a row whose width differs from the columns'
// (the channel still works, so the caller can send the ERR).
Status WriteQueryResult(PacketChannel& channel, const QueryResult& result,
                        uint16_t status_flags);

// ColumnDefinition41 flags for a result column: key and NOT NULL flags from the column, BLOB,
// UNSIGNED, ZEROFILL, BINARY (charset 63), ENUM, SET, TIMESTAMP and NUM from its type.
uint16_t ColumnFlags(const ResultColumn& column);

// The wire fields of a result column; the returned views point into `column`.
ColumnDefinition ToColumnDefinition(const ResultColumn& column);

}  // namespace vexdb

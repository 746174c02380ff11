#include "server/result_set_writer.h"

#include <string>

#include <fmt/format.h>

#include "server/mysql_protocol.h"
#include "server/wire_codec.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

uint16_t TypeFlags(const LogicalType& type) {
  uint16_t flags = 0;
  switch (type.id) {
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson: flags |= kBlobFlag; break;
    case TypeId::kEnum: flags |= kEnumFlag; break;
    case TypeId::kSet: flags |= kSetFlag; break;
    case TypeId::kTimestamp: flags |= kTimestampFlag; break;
    case TypeId::kYear: flags |= kUnsignedFlag | kZerofillFlag; break;
    default: break;
  }
  if (type.is_unsigned) flags |= kUnsignedFlag;
  if (type.zerofill) flags |= kZerofillFlag;
  if (type.IsNumeric() || type.id == TypeId::kYear) flags |= kNumFlag;
  if (type.WireCharset() == kCollationBinary) flags |= kBinaryFlag;
  return flags;
}

Status WriteColumnDefinitions(PacketChannel& channel, const QueryResult& result) {
  std::string payload;
  WireWriter(payload).LenencInt(result.columns.size());
  VEXDB_RETURN_IF_ERROR(channel.WritePacket(payload));
  for (const ResultColumn& column : result.columns) {
    payload.clear();
    EncodeColumnDefinition(ToColumnDefinition(column), &payload);
    VEXDB_RETURN_IF_ERROR(channel.WritePacket(payload));
  }
  return Status::OK();
}

Status WriteRows(PacketChannel& channel, const QueryResult& result) {
  std::string payload;
  WireWriter w(payload);
  for (const Row& row : result.rows) {
    if (row.size() != result.columns.size()) {
      return Status::Internal(fmt::format("result row has {} values for {} columns", row.size(),
                                          result.columns.size()));
    }
    payload.clear();
    for (size_t i = 0; i < row.size(); i++) {
      if (row[i].is_null()) {
        w.Int1(kNullColumn);
      } else {
        w.LenencString(FormatValue(row[i], result.columns[i].type));
      }
    }
    VEXDB_RETURN_IF_ERROR(channel.WritePacket(payload));
  }
  return Status::OK();
}

}  // namespace

uint16_t ColumnFlags(const ResultColumn& column) {
  uint16_t flags = TypeFlags(column.type);
  if (column.not_null) flags |= kNotNullFlag;
  if (column.primary_key) flags |= kPriKeyFlag;
  if (column.unique_key) flags |= kUniqueKeyFlag;
  if (column.multiple_key) flags |= kMultipleKeyFlag;
  if (column.auto_increment) flags |= kAutoIncrementFlag;
  return flags;
}

ColumnDefinition ToColumnDefinition(const ResultColumn& column) {
  ColumnDefinition def;
  def.schema = column.schema;
  def.table = column.table;
  def.org_table = column.org_table;
  def.name = column.name;
  def.org_name = column.org_name;
  def.charset = column.type.WireCharset();
  def.length = column.type.WireLength();
  def.type = static_cast<uint8_t>(column.type.WireType());
  def.flags = ColumnFlags(column);
  def.decimals = column.type.WireDecimals();
  return def;
}

Status WriteQueryResult(PacketChannel& channel, const QueryResult& result,
                        uint16_t status_flags) {
  if (!result.has_result_set) {
    OkPacket ok{result.affected_rows, result.last_insert_id, status_flags, result.warnings,
                result.info};
    return channel.WritePacket(EncodeOk(ok));
  }
  VEXDB_RETURN_IF_ERROR(WriteColumnDefinitions(channel, result));
  VEXDB_RETURN_IF_ERROR(channel.WritePacket(EncodeEof(0, status_flags)));
  VEXDB_RETURN_IF_ERROR(WriteRows(channel, result));
  return channel.WritePacket(EncodeEof(result.warnings, status_flags));
}

}  // namespace vexdb

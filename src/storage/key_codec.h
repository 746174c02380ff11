#pragma once

// Keys of the default column family, laid out as TiDB lays them out in TiKV, with memcomparable
// encodings so that byte order equals SQL order:
//   row    't' table_id(8, sign-flipped BE) "_r" handle(8, sign-flipped BE)
//   index  't' table_id "_i" index_id(8, sign-flipped BE) encoded column values...
//          [handle(8, sign-flipped BE) if not unique, or unique with a NULL component]
// Value encoding per column (docs/storage-format.md): a flag byte (NULL sorts first), then
//   signed ints: 8 bytes big-endian with the sign bit flipped; unsigned: 8 bytes big-endian;
//   double: IEEE bits transformed to sort (-0 encodes as +0); decimal: sign + normalized
//   digits (equal values of different scales encode identically);
//   strings/bytes: groups of 8 bytes + a marker byte (TiDB's EncodeBytes), byte order;
//   ENUM/SET: member position / bit mask as unsigned (MySQL's sort order);
//   temporals: their int64 as signed ints; VECTOR: comparable float32 elements.
// Encoding dispatches on the Value's kind (ENUM/SET on the type); decoding uses the type to
// pick the kind of temporals, to restore ENUM/SET text and a DECIMAL's scale.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

std::string EncodeRowKey(int64_t table_id, int64_t handle);
// Bounds covering every row key of a table, or handles in [lo, hi] inclusive.
std::string RowKeyPrefix(int64_t table_id);
std::string TablePrefix(int64_t table_id);          // rows and indexes
// Smallest key greater than every key starting with prefix; "" (unbounded) if prefix is all 0xFF.
std::string PrefixEnd(std::string_view prefix);
Result<int64_t> DecodeRowKeyHandle(std::string_view key);

std::string IndexPrefix(int64_t table_id, int64_t index_id);
// The vector-index logs of a table (table_store.h): t{table_id}_v{handle} for rows the graphs have
// not applied yet, t{table_id}_w{handle} for rows applied since the last graph checkpoint.
enum class VectorLog : char { kPending = 'v', kApplied = 'w' };
std::string VectorLogPrefix(int64_t table_id, VectorLog log = VectorLog::kPending);
std::string EncodeVectorLogKey(int64_t table_id, int64_t handle,
                               VectorLog log = VectorLog::kPending);
// Appends the memcomparable encoding of value (of the given type) to out.
void EncodeKeyValue(const Value& value, const LogicalType& type, std::string* out);
// Decodes one value; advances *in.
Result<Value> DecodeKeyValue(std::string_view* in, const LogicalType& type);
void EncodeHandle(int64_t handle, std::string* out);
Result<int64_t> DecodeHandle(std::string_view* in);

}  // namespace vexdb

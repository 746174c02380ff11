// Row values (format version 1, docs/storage-format.md):
//   version byte (1), column count varint, then per column:
//   column id varint, kind byte (ValueKind), payload:
//     NULL: none                      INT/DATE/DATETIME/TIME: zigzag varint
//     UINT: varint                    DOUBLE: 8 bytes little-endian IEEE
//     DECIMAL: scale byte, zigzag varint of the 128-bit mantissa
//     STRING: length varint, bytes    VECTOR: element count varint, 4-byte LE floats
// Columns are keyed by id, never by position, so ALTER TABLE ADD/DROP COLUMN needs no rewrite.
// The decoder checks every length against the input, so corrupt bytes give an error, never a
// read past the end.

#include "storage/row_codec.h"

#include <bit>
#include <cstring>
#include <unordered_map>

namespace vexdb {

namespace {

constexpr uint8_t kRowFormatVersion = 1;
constexpr size_t kLinearLookupLimit = 16;

Status Corrupt(std::string_view what) {
  return Status::Internal(fmt::format("corrupted row data: {}", what));
}

void AppendVarint(unsigned __int128 v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

unsigned __int128 ZigZag(__int128 v) {
  return (static_cast<unsigned __int128>(v) << 1) ^ static_cast<unsigned __int128>(v >> 127);
}

__int128 UnZigZag(unsigned __int128 v) {
  return static_cast<__int128>(v >> 1) ^ -static_cast<__int128>(v & 1);
}

void AppendFixed(uint64_t v, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

void EncodeValue(const Value& v, std::string* out) {
  out->push_back(static_cast<char>(v.kind()));
  switch (v.kind()) {
    case ValueKind::kNull:
      return;
    case ValueKind::kInt:
      AppendVarint(ZigZag(v.int_value()), out);
      return;
    case ValueKind::kUInt:
      AppendVarint(v.uint_value(), out);
      return;
    case ValueKind::kDouble:
      AppendFixed(std::bit_cast<uint64_t>(v.double_value()), 8, out);
      return;
    case ValueKind::kDecimal:
      out->push_back(static_cast<char>(v.decimal_value().scale()));
      AppendVarint(ZigZag(v.decimal_value().mantissa()), out);
      return;
    case ValueKind::kString:
      AppendVarint(v.string_value().size(), out);
      out->append(v.string_value());
      return;
    case ValueKind::kDate:
      AppendVarint(ZigZag(v.date_value()), out);
      return;
    case ValueKind::kDatetime:
      AppendVarint(ZigZag(v.datetime_value()), out);
      return;
    case ValueKind::kTime:
      AppendVarint(ZigZag(v.time_value()), out);
      return;
    case ValueKind::kVector:
      AppendVarint(v.vector_value().size(), out);
      out->append(reinterpret_cast<const char*>(v.vector_value().data()),
                  v.vector_value().size() * sizeof(float));  // little-endian (see DecodeVector)
      return;
  }
}

// A cursor over the encoded bytes; every read checks the remaining length.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool empty() const { return data_.empty(); }

  Result<unsigned __int128> Varint(int max_bits) {
    unsigned __int128 v = 0;
    for (int shift = 0; shift < max_bits; shift += 7) {
      if (data_.empty()) return Corrupt("truncated varint");
      uint8_t b = static_cast<uint8_t>(data_[0]);
      data_.remove_prefix(1);
      v |= static_cast<unsigned __int128>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (max_bits < 128 && (v >> max_bits) != 0) return Corrupt("varint overflow");
        return v;
      }
    }
    return Corrupt("varint too long");
  }

  Result<uint8_t> Byte() {
    if (data_.empty()) return Corrupt("truncated byte");
    uint8_t b = static_cast<uint8_t>(data_[0]);
    data_.remove_prefix(1);
    return b;
  }

  Result<uint64_t> Fixed(int bytes) {
    if (data_.size() < static_cast<size_t>(bytes)) return Corrupt("truncated fixed field");
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(data_[i]);
    data_.remove_prefix(bytes);
    return v;
  }

  Result<std::string_view> Bytes(uint64_t n) {
    if (data_.size() < n) return Corrupt("truncated string");
    std::string_view s = data_.substr(0, n);
    data_.remove_prefix(n);
    return s;
  }

 private:
  std::string_view data_;
};

Result<int64_t> ReadSigned(Reader& r) {
  VEXDB_ASSIGN_OR_RETURN(unsigned __int128 z, r.Varint(64));
  return static_cast<int64_t>(UnZigZag(z));
}

Result<Value> DecodeDecimal(Reader& r) {
  VEXDB_ASSIGN_OR_RETURN(uint8_t scale, r.Byte());
  if (scale > INT8_MAX) return Corrupt("decimal scale");  // whatever EncodeRow wrote reads back
  VEXDB_ASSIGN_OR_RETURN(unsigned __int128 z, r.Varint(128));
  return Value::Dec(Decimal(UnZigZag(z), scale));
}

Result<Value> DecodeVector(Reader& r) {
  VEXDB_ASSIGN_OR_RETURN(unsigned __int128 n, r.Varint(64));
  VEXDB_ASSIGN_OR_RETURN(std::string_view bytes, r.Bytes(static_cast<uint64_t>(n) * 4));
  if (n > bytes.size()) return Corrupt("vector length");  // the multiplication wrapped
  // The elements are little-endian IEEE floats, the host's layout: one copy decodes them. The
  // range constructor copies with memmove (no element access through the possibly unaligned
  // pointer) and, unlike sizing the vector first, does not zero it before.
  static_assert(std::endian::native == std::endian::little);
  const auto* first = reinterpret_cast<const float*>(bytes.data());
  return Value::Vector(std::vector<float>(first, first + n));
}

Result<Value> DecodeValue(Reader& r) {
  VEXDB_ASSIGN_OR_RETURN(uint8_t kind, r.Byte());
  switch (static_cast<ValueKind>(kind)) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kInt: {
      VEXDB_ASSIGN_OR_RETURN(int64_t v, ReadSigned(r));
      return Value::Int(v);
    }
    case ValueKind::kUInt: {
      VEXDB_ASSIGN_OR_RETURN(unsigned __int128 v, r.Varint(64));
      return Value::UInt(static_cast<uint64_t>(v));
    }
    case ValueKind::kDouble: {
      VEXDB_ASSIGN_OR_RETURN(uint64_t bits, r.Fixed(8));
      return Value::Double(std::bit_cast<double>(bits));
    }
    case ValueKind::kDecimal:
      return DecodeDecimal(r);
    case ValueKind::kString: {
      VEXDB_ASSIGN_OR_RETURN(unsigned __int128 n, r.Varint(64));
      VEXDB_ASSIGN_OR_RETURN(std::string_view s, r.Bytes(static_cast<uint64_t>(n)));
      return Value::String(std::string(s));
    }
    case ValueKind::kDate: {
      VEXDB_ASSIGN_OR_RETURN(int64_t v, ReadSigned(r));
      if (v < INT32_MIN || v > INT32_MAX) return Corrupt("date out of range");
      return Value::Date(static_cast<int32_t>(v));
    }
    case ValueKind::kDatetime: {
      VEXDB_ASSIGN_OR_RETURN(int64_t v, ReadSigned(r));
      return Value::Datetime(v);
    }
    case ValueKind::kTime: {
      VEXDB_ASSIGN_OR_RETURN(int64_t v, ReadSigned(r));
      return Value::Time(v);
    }
    case ValueKind::kVector:
      return DecodeVector(r);
  }
  return Corrupt(fmt::format("unknown value kind {}", kind));
}

// Maps a stored column id to its position among the requested ids (-1 if not requested).
class IdLookup {
 public:
  explicit IdLookup(const std::vector<int32_t>& ids) : ids_(ids) {
    if (ids.size() > kLinearLookupLimit) {
      for (size_t i = 0; i < ids.size(); ++i) map_.emplace(ids[i], static_cast<int>(i));
    }
  }

  int Find(int64_t id) const {
    if (ids_.size() <= kLinearLookupLimit) {
      for (size_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] == id) return static_cast<int>(i);
      }
      return -1;
    }
    auto it = map_.find(id);
    return it == map_.end() ? -1 : it->second;
  }

 private:
  const std::vector<int32_t>& ids_;
  std::unordered_map<int64_t, int> map_;
};

}  // namespace

std::string EncodeRow(const std::vector<int32_t>& column_ids, const Row& values) {
  std::string out;
  out.push_back(static_cast<char>(kRowFormatVersion));
  AppendVarint(column_ids.size(), &out);
  for (size_t i = 0; i < column_ids.size(); ++i) {
    AppendVarint(static_cast<uint32_t>(column_ids[i]), &out);
    EncodeValue(values[i], &out);
  }
  return out;
}

Status DecodeRow(std::string_view data, const std::vector<int32_t>& column_ids,
                 const Row& defaults, Row* out) {
  Reader r(data);
  VEXDB_ASSIGN_OR_RETURN(uint8_t version, r.Byte());
  if (version != kRowFormatVersion) return Corrupt(fmt::format("unknown version {}", version));
  VEXDB_ASSIGN_OR_RETURN(unsigned __int128 count, r.Varint(32));
  out->assign(defaults.begin(), defaults.end());
  out->resize(column_ids.size());
  IdLookup lookup(column_ids);
  for (unsigned __int128 i = 0; i < count; ++i) {
    VEXDB_ASSIGN_OR_RETURN(unsigned __int128 id, r.Varint(32));
    VEXDB_ASSIGN_OR_RETURN(Value v, DecodeValue(r));
    int pos = lookup.Find(static_cast<int64_t>(id));
    if (pos >= 0) (*out)[pos] = std::move(v);
  }
  if (!r.empty()) return Corrupt("trailing bytes");
  return Status::OK();
}

}  // namespace vexdb

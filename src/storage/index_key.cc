#include "storage/index_key.h"

#include "storage/key_codec.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

// MySQL prints at most 192 bytes of a duplicate key value ('%-.192s').
constexpr size_t kMaxDupTextBytes = 192;

bool IsPadSpace(const LogicalType& type) {
  return type.id == TypeId::kChar || type.id == TypeId::kVarchar || type.id == TypeId::kText;
}

bool IsCharacterData(const LogicalType& type) {
  return IsPadSpace(type) || type.id == TypeId::kJson;
}

// Byte length of the first `chars` UTF-8 characters of s (all of s if shorter).
size_t Utf8PrefixBytes(std::string_view s, size_t chars) {
  size_t pos = 0;
  for (size_t n = 0; n < chars && pos < s.size(); ++n) {
    ++pos;
    while (pos < s.size() && (static_cast<uint8_t>(s[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

// The part of a value that takes part in the key: the prefix, and with pad_space trailing spaces
// removed. Sets *truncated if a prefix cut the value.
Value KeyPart(const Value& v, const LogicalType& type, int prefix_length, bool pad_space,
              bool* truncated) {
  if (v.kind() != ValueKind::kString) return v;
  std::string_view s = v.string_value();
  if (prefix_length > 0) {
    size_t bytes = IsCharacterData(type) ? Utf8PrefixBytes(s, prefix_length)
                                         : std::min<size_t>(s.size(), prefix_length);
    if (bytes < s.size()) {
      *truncated = true;
      s = s.substr(0, bytes);
    }
  }
  if (pad_space && IsPadSpace(type)) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  if (s.size() == v.string_value().size()) return v;
  return Value::String(std::string(s));
}

int PrefixLength(const IndexLayout& index, size_t i) {
  return i < index.prefix_lengths.size() ? index.prefix_lengths[i] : 0;
}

// Appends the key parts of values (a prefix of the index's key columns) to out; returns
// whether a prefix key part cut one of them.
bool AppendKeyParts(const TableLayout& layout, const IndexLayout& index,
                    const std::vector<Value>& values, std::string* out) {
  bool truncated = false;
  for (size_t i = 0; i < values.size() && i < index.key_columns.size(); ++i) {
    const LogicalType& type = layout.columns[index.key_columns[i]].type;
    Value part = KeyPart(values[i], type, PrefixLength(index, i), /*pad_space=*/true, &truncated);
    EncodeKeyValue(part, type, out);
  }
  return truncated;
}

std::string Utf8Truncate(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<uint8_t>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

std::string KeyText(const TableLayout& layout, const std::vector<int>& columns,
                    const std::vector<int>& prefixes, const Row& row) {
  std::string text;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) text.push_back('-');
    const ColumnLayout& column = layout.columns[columns[i]];
    bool truncated = false;
    int prefix = i < prefixes.size() ? prefixes[i] : 0;
    Value part = KeyPart(row[columns[i]], column.type, prefix, /*pad_space=*/false, &truncated);
    text += part.is_null() ? "NULL" : FormatValue(part, column.type);
  }
  return Utf8Truncate(std::move(text), kMaxDupTextBytes);
}

}  // namespace

IndexEntry MakeIndexEntry(const TableLayout& layout, const IndexLayout& index, const Row& row,
                          int64_t handle) {
  IndexEntry entry;
  entry.key = IndexPrefix(layout.table_id, index.index_id);
  std::vector<Value> values;
  bool has_null = false;
  for (int column : index.key_columns) {
    values.push_back(row[column]);
    has_null = has_null || row[column].is_null();
  }
  AppendKeyParts(layout, index, values, &entry.key);
  entry.check_unique = index.unique && !has_null;
  if (!entry.check_unique) EncodeHandle(handle, &entry.key);
  return entry;
}

void IndexRangeBounds(const TableLayout& layout, const IndexLayout& index,
                      const IndexRange& range, std::string* begin, std::string* end) {
  std::string prefix = IndexPrefix(layout.table_id, index.index_id);
  *begin = prefix;
  bool truncated = AppendKeyParts(layout, index, range.lower, begin);
  // A cut bound no longer separates "equal" from "greater": keep it inclusive.
  if (!range.lower.empty() && !range.lower_inclusive && !truncated) *begin = PrefixEnd(*begin);
  if (range.upper.empty()) {
    *end = PrefixEnd(prefix);
    return;
  }
  *end = prefix;
  truncated = AppendKeyParts(layout, index, range.upper, end);
  if (range.upper_inclusive || truncated) *end = PrefixEnd(*end);
}

Status DuplicateIndexEntry(const TableLayout& layout, const IndexLayout& index, const Row& row) {
  return Status::Error(ErrorCode::kDupEntry,
                       KeyText(layout, index.key_columns, index.prefix_lengths, row),
                       layout.name + "." + index.name);
}

Status DuplicatePrimaryKey(const TableLayout& layout, const Row& row) {
  return Status::Error(ErrorCode::kDupEntry, KeyText(layout, {layout.handle_column}, {}, row),
                       layout.name + ".PRIMARY");
}

}  // namespace vexdb

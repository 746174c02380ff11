#pragma once

// Index entry keys of a TableLayout (internal to src/storage/). An entry maps
//   IndexPrefix(table, index) + key column values [+ handle] -> handle (8 bytes).
// Unique entries whose columns are all non-NULL omit the handle, so a second row with the same
// values collides on the key; every other entry (non-unique, or a unique key with a NULL
// component, which MySQL never treats as a duplicate) ends with the handle. Character columns
// are PAD SPACE (utf8mb4_bin, as in MySQL 8 and TiDB): trailing spaces are not part of the key.
// Prefix key parts keep the first N characters (bytes for binary columns).

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/table_store.h"

namespace vexdb {

struct IndexEntry {
  std::string key;
  bool check_unique = false;  // the key has no handle: a second row with it is a duplicate
};

IndexEntry MakeIndexEntry(const TableLayout& layout, const IndexLayout& index, const Row& row,
                          int64_t handle);

// Start and end (exclusive; "" = unbounded) of the keys of `index` inside `range`.
void IndexRangeBounds(const TableLayout& layout, const IndexLayout& index,
                      const IndexRange& range, std::string* begin, std::string* end);

// kDupEntry for `index`: "Duplicate entry 'v1-v2' for key 'table.index'".
Status DuplicateIndexEntry(const TableLayout& layout, const IndexLayout& index, const Row& row);
// kDupEntry for the clustered primary key ("... for key 'table.PRIMARY'").
Status DuplicatePrimaryKey(const TableLayout& layout, const Row& row);

}  // namespace vexdb

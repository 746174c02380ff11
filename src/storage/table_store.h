#pragma once

// TableStore: rows and their secondary indexes on top of a Transaction. A table is described by
// a TableLayout (ids and types only; the catalog builds it). Each row has an int64 handle: the
// value of an integer single-column primary key (clustered, as TiDB does), or a hidden row id.
// Every write maintains all indexes in the same transaction, so a row and its index entries
// never disagree. Unique violations are reported as kDupEntry (1062) with MySQL's message
// ("Duplicate entry '5' for key 'players.name'"), checked with locking reads so that two
// transactions cannot insert the same key.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "storage/key_codec.h"
#include "storage/storage_engine.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

struct ColumnLayout {
  int32_t column_id = 0;
  std::string name;
  LogicalType type;
  Value default_value;  // decoded for rows written before the column existed
};

struct IndexLayout {
  int64_t index_id = 0;
  std::string name;        // "PRIMARY" for the primary key
  bool unique = false;
  bool primary = false;
  std::vector<int> key_columns;     // positions in the row
  std::vector<int> prefix_lengths;  // per key column; 0 = whole value (CHAR/TEXT prefixes)
};

struct TableLayout {
  int64_t table_id = 0;
  std::string name;  // for error messages ("players.name")
  std::vector<ColumnLayout> columns;
  std::vector<IndexLayout> indexes;  // secondary indexes and a non-clustered PRIMARY
  int handle_column = -1;            // position of the clustered int PK; -1 = hidden row id
  // Positions of the columns a vector (HNSW) index covers. When not empty, every write of a row
  // that may change what the index holds also writes the row's vector-log entry (below).
  std::vector<int> vector_columns;
};

// Range over an index: key-value prefixes with inclusive/exclusive ends. An empty bound is
// unbounded. Values are compared in index column order (prefix of the key columns).
struct IndexRange {
  std::vector<Value> lower;
  bool lower_inclusive = true;
  std::vector<Value> upper;
  bool upper_inclusive = true;
};

// Iterates rows in handle order (table scans) or index order (index scans). It reads through
// the transaction (snapshot plus own writes) and must be destroyed before it; rows written by
// the transaction while the iterator is open may or may not be seen.
class RowIterator {
 public:
  virtual ~RowIterator() = default;
  // Fills the next row and returns true, or returns false at the end; errors end the iteration.
  virtual Result<bool> Next(int64_t* handle, Row* row) = 0;
};

class TableStore {
 public:
  // REQUIRES: row.size() == layout.columns.size(); values already cast to the column types.
  static Status Insert(Transaction& txn, const TableLayout& layout, int64_t handle, const Row& row);
  // Replaces old_row (stored under old_handle) by new_row under new_handle, touching only the
  // indexes whose key changed.
  static Status Update(Transaction& txn, const TableLayout& layout, int64_t old_handle,
                       const Row& old_row, int64_t new_handle, const Row& new_row);
  static Status Delete(Transaction& txn, const TableLayout& layout, int64_t handle,
                       const Row& row);

  // The handle of a stored row that inserting `row` under `handle` would collide with (same
  // clustered primary key, or same key in a unique index), found with locking reads of the
  // latest data; nullopt if none. For REPLACE and INSERT ... ON DUPLICATE KEY UPDATE.
  static Result<std::optional<int64_t>> FindConflict(Transaction& txn, const TableLayout& layout,
                                                     int64_t handle, const Row& row);

  // Point read by handle; for_update takes the row lock (SELECT ... FOR UPDATE, UPDATE).
  static Result<std::optional<Row>> Get(Transaction& txn, const TableLayout& layout,
                                        int64_t handle, bool for_update);
  // Snapshot reads of several rows at once; nullopt for handles without a row.
  static Result<std::vector<std::optional<Row>>> MultiGet(Transaction& txn,
                                                          const TableLayout& layout,
                                                          std::span<const int64_t> handles);
  // Rows with handle in [lo, hi], in ascending or (kBackward) descending handle order.
  static std::unique_ptr<RowIterator> Scan(Transaction& txn, const TableLayout& layout,
                                           int64_t lo = INT64_MIN, int64_t hi = INT64_MAX,
                                           ScanDirection direction = ScanDirection::kForward);
  // Rows whose index key lies in range, in index order (reads each row by handle). NULL sorts
  // first: a range with an empty lower bound includes NULLs; lower = {NULL} exclusive skips
  // them. Bound values must have the kinds of the key columns (as CastValue produces them). On a
  // prefix index (prefix_lengths) the range is widened to whole prefixes: the caller re-checks.
  // index_position indexes layout.indexes.
  static std::unique_ptr<RowIterator> ScanIndex(Transaction& txn, const TableLayout& layout,
                                                int index_position, const IndexRange& range);

  // Removes all rows and index entries of a table (not transactional).
  static Status DropData(StorageEngine& engine, int64_t table_id);
  // Removes one index's entries (not transactional).
  static Status DropIndexData(StorageEngine& engine, int64_t table_id, int64_t index_id);
  // Fills a new index from the existing rows inside txn (CREATE INDEX on a non-empty table);
  // kDupEntry if a unique index finds duplicates.
  static Status BuildIndex(Transaction& txn, const TableLayout& layout, int index_position);

  // The vector-index logs. Insert, Update and Delete of a table with vector_columns write the
  // pending entry t{id}_v{handle} (empty value) in the same transaction as the row, for every
  // handle whose vector may have changed. The in-memory HNSW graphs are derived from the table:
  // whoever keeps them reads the pending entries to learn which rows to re-read, then consumes
  // them, which moves each to the applied log t{id}_w{handle}. The applied log names the rows a
  // graph checkpoint may be behind on; the keeper clears it after each checkpoint. Through a
  // transaction, a log shows the committed entries of its snapshot plus its own writes.
  static Result<std::vector<int64_t>> ScanVectorLog(Transaction& txn, int64_t table_id,
                                                    VectorLog log = VectorLog::kPending);
  // Moves one pending entry to the applied log if no other transaction holds it (a writer that
  // has logged the handle again and not yet committed): returns false then, and the entry stays
  // for the next round.
  static Result<bool> ConsumeVectorLog(Transaction& txn, int64_t table_id, int64_t handle);
  // Deletes applied entries (after a checkpoint that reflects them).
  static Status ClearAppliedVectorLog(Transaction& txn, int64_t table_id,
                                      std::span<const int64_t> handles);
};

}  // namespace vexdb

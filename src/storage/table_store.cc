// TableStore: a table's rows and secondary index entries as keys of the default column family
// (key_codec.h, index_key.h), written through one Transaction so that they always agree.
//
// Writes check constraints before changing anything: first the clustered primary key (the row
// key), then each unique index, each with a locking read of the latest committed data. The lock
// keeps a concurrent transaction from inserting the same key until this one ends; reading the
// latest data (not the snapshot) reports a key committed after the snapshot as a duplicate, as
// InnoDB does. Only when every check passes are the row and its entries written, so a failed
// statement leaves nothing behind even without a savepoint.

#include "storage/table_store.h"

#include "storage/index_key.h"
#include "storage/key_codec.h"
#include "storage/row_codec.h"

namespace vexdb {

namespace {

std::vector<int32_t> ColumnIds(const TableLayout& layout) {
  std::vector<int32_t> ids;
  ids.reserve(layout.columns.size());
  for (const ColumnLayout& c : layout.columns) ids.push_back(c.column_id);
  return ids;
}

Row Defaults(const TableLayout& layout) {
  Row defaults;
  defaults.reserve(layout.columns.size());
  for (const ColumnLayout& c : layout.columns) defaults.push_back(c.default_value);
  return defaults;
}

std::string HandleValue(int64_t handle) {
  std::string value;
  EncodeHandle(handle, &value);
  return value;
}

Result<int64_t> HandleFromValue(std::string_view value) {
  std::string_view in = value;
  VEXDB_ASSIGN_OR_RETURN(int64_t handle, DecodeHandle(&in));
  if (!in.empty()) return Status::Internal("corrupted index entry value");
  return handle;
}

// Locking read of a unique key; the handle stored under it, if any.
Result<std::optional<int64_t>> LockUniqueKey(Transaction& txn, const std::string& key) {
  VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> value, txn.GetLatestForUpdate(key));
  if (!value) return std::optional<int64_t>();
  VEXDB_ASSIGN_OR_RETURN(int64_t handle, HandleFromValue(*value));
  return std::optional<int64_t>(handle);
}

// The first unique index of layout whose entry for row is taken by another row.
Result<std::optional<int64_t>> FindIndexConflict(Transaction& txn, const TableLayout& layout,
                                                 int64_t handle, const Row& row) {
  for (const IndexLayout& index : layout.indexes) {
    if (!index.unique) continue;
    IndexEntry entry = MakeIndexEntry(layout, index, row, handle);
    if (!entry.check_unique) continue;
    VEXDB_ASSIGN_OR_RETURN(std::optional<int64_t> owner, LockUniqueKey(txn, entry.key));
    if (owner && *owner != handle) return owner;
  }
  return std::optional<int64_t>();
}

Status CheckPrimaryFree(Transaction& txn, const TableLayout& layout, int64_t handle,
                        const Row& row) {
  if (layout.handle_column < 0) return Status::OK();
  VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> existing,
                         txn.GetLatestForUpdate(EncodeRowKey(layout.table_id, handle)));
  if (existing) return DuplicatePrimaryKey(layout, row);
  return Status::OK();
}

Status CheckUniqueFree(Transaction& txn, const TableLayout& layout, const IndexLayout& index,
                       const IndexEntry& entry, const Row& row) {
  if (!entry.check_unique) return Status::OK();
  VEXDB_ASSIGN_OR_RETURN(std::optional<int64_t> owner, LockUniqueKey(txn, entry.key));
  if (owner) return DuplicateIndexEntry(layout, index, row);
  return Status::OK();
}

Result<Row> DecodeStoredRow(const TableLayout& layout, std::string_view data) {
  Row row;
  VEXDB_RETURN_IF_ERROR(DecodeRow(data, ColumnIds(layout), Defaults(layout), &row));
  return row;
}

// Table scan: row keys in handle order (or its reverse, as the KvIterator goes).
class TableRowIterator final : public RowIterator {
 public:
  TableRowIterator(std::unique_ptr<KvIterator> it, const TableLayout& layout)
      : it_(std::move(it)), ids_(ColumnIds(layout)), defaults_(Defaults(layout)) {}

  Result<bool> Next(int64_t* handle, Row* row) override {
    if (!it_->Valid()) {
      VEXDB_RETURN_IF_ERROR(it_->status());
      return false;
    }
    VEXDB_ASSIGN_OR_RETURN(*handle, DecodeRowKeyHandle(it_->key()));
    VEXDB_RETURN_IF_ERROR(DecodeRow(it_->value(), ids_, defaults_, row));
    it_->Next();
    return true;
  }

 private:
  std::unique_ptr<KvIterator> it_;
  std::vector<int32_t> ids_;
  Row defaults_;
};

// Index scan: entries in key order, each followed to its row.
class IndexRowIterator final : public RowIterator {
 public:
  IndexRowIterator(Transaction& txn, std::unique_ptr<KvIterator> it, const TableLayout& layout)
      : txn_(txn),
        it_(std::move(it)),
        table_id_(layout.table_id),
        ids_(ColumnIds(layout)),
        defaults_(Defaults(layout)) {}

  Result<bool> Next(int64_t* handle, Row* row) override {
    if (!it_->Valid()) {
      VEXDB_RETURN_IF_ERROR(it_->status());
      return false;
    }
    VEXDB_ASSIGN_OR_RETURN(*handle, HandleFromValue(it_->value()));
    it_->Next();
    VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> data,
                           txn_.Get(EncodeRowKey(table_id_, *handle)));
    if (!data) {
      return Status::Internal(
          fmt::format("index entry of table {} points to missing row {}", table_id_, *handle));
    }
    VEXDB_RETURN_IF_ERROR(DecodeRow(*data, ids_, defaults_, row));
    return true;
  }

 private:
  Transaction& txn_;
  std::unique_ptr<KvIterator> it_;
  int64_t table_id_;
  std::vector<int32_t> ids_;
  Row defaults_;
};

// One index's change for an Update: which entry goes, which comes, whether it needs a check.
struct IndexChange {
  IndexEntry old_entry;
  IndexEntry new_entry;
  bool key_changed = false;
};

Status LogVector(Transaction& txn, const TableLayout& layout, int64_t handle) {
  if (layout.vector_columns.empty()) return Status::OK();
  txn.NoteVectorLogWrite(layout.table_id);
  // Untracked: the graph keeper deletes entries concurrently, which must not fail the writer
  // with a write conflict.
  return txn.PutUntracked(EncodeVectorLogKey(layout.table_id, handle), "");
}

bool VectorsChanged(const TableLayout& layout, const Row& old_row, const Row& new_row) {
  for (int position : layout.vector_columns) {
    if (!(old_row[position] == new_row[position])) return true;
  }
  return false;
}

}  // namespace

Status TableStore::Insert(Transaction& txn, const TableLayout& layout, int64_t handle,
                          const Row& row) {
  VEXDB_RETURN_IF_ERROR(CheckPrimaryFree(txn, layout, handle, row));
  std::vector<IndexEntry> entries;
  entries.reserve(layout.indexes.size());
  for (const IndexLayout& index : layout.indexes) {
    entries.push_back(MakeIndexEntry(layout, index, row, handle));
    VEXDB_RETURN_IF_ERROR(CheckUniqueFree(txn, layout, index, entries.back(), row));
  }
  VEXDB_RETURN_IF_ERROR(
      txn.Put(EncodeRowKey(layout.table_id, handle), EncodeRow(ColumnIds(layout), row)));
  std::string handle_value = HandleValue(handle);
  for (const IndexEntry& entry : entries) {
    VEXDB_RETURN_IF_ERROR(txn.Put(entry.key, handle_value));
  }
  return LogVector(txn, layout, handle);
}

Status TableStore::Update(Transaction& txn, const TableLayout& layout, int64_t old_handle,
                          const Row& old_row, int64_t new_handle, const Row& new_row) {
  bool handle_changed = old_handle != new_handle;
  if (handle_changed) VEXDB_RETURN_IF_ERROR(CheckPrimaryFree(txn, layout, new_handle, new_row));
  std::vector<IndexChange> changes(layout.indexes.size());
  for (size_t i = 0; i < layout.indexes.size(); ++i) {
    const IndexLayout& index = layout.indexes[i];
    IndexChange& change = changes[i];
    change.old_entry = MakeIndexEntry(layout, index, old_row, old_handle);
    change.new_entry = MakeIndexEntry(layout, index, new_row, new_handle);
    change.key_changed = change.old_entry.key != change.new_entry.key;
    if (change.key_changed) {
      VEXDB_RETURN_IF_ERROR(CheckUniqueFree(txn, layout, index, change.new_entry, new_row));
    }
  }
  std::string old_row_key = EncodeRowKey(layout.table_id, old_handle);
  if (handle_changed) VEXDB_RETURN_IF_ERROR(txn.Delete(old_row_key));
  VEXDB_RETURN_IF_ERROR(
      txn.Put(EncodeRowKey(layout.table_id, new_handle), EncodeRow(ColumnIds(layout), new_row)));
  std::string handle_value = HandleValue(new_handle);
  for (const IndexChange& change : changes) {
    if (change.key_changed) VEXDB_RETURN_IF_ERROR(txn.Delete(change.old_entry.key));
    if (change.key_changed || handle_changed) {
      VEXDB_RETURN_IF_ERROR(txn.Put(change.new_entry.key, handle_value));
    }
  }
  if (handle_changed) {
    VEXDB_RETURN_IF_ERROR(LogVector(txn, layout, old_handle));
    return LogVector(txn, layout, new_handle);
  }
  if (VectorsChanged(layout, old_row, new_row)) return LogVector(txn, layout, new_handle);
  return Status::OK();
}

Status TableStore::Delete(Transaction& txn, const TableLayout& layout, int64_t handle,
                          const Row& row) {
  VEXDB_RETURN_IF_ERROR(txn.Delete(EncodeRowKey(layout.table_id, handle)));
  for (const IndexLayout& index : layout.indexes) {
    VEXDB_RETURN_IF_ERROR(txn.Delete(MakeIndexEntry(layout, index, row, handle).key));
  }
  return LogVector(txn, layout, handle);
}

Result<std::optional<int64_t>> TableStore::FindConflict(Transaction& txn,
                                                        const TableLayout& layout,
                                                        int64_t handle, const Row& row) {
  if (layout.handle_column >= 0) {
    VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> existing,
                           txn.GetLatestForUpdate(EncodeRowKey(layout.table_id, handle)));
    if (existing) return std::optional<int64_t>(handle);
  }
  return FindIndexConflict(txn, layout, handle, row);
}

Result<std::optional<Row>> TableStore::Get(Transaction& txn, const TableLayout& layout,
                                           int64_t handle, bool for_update) {
  std::string key = EncodeRowKey(layout.table_id, handle);
  VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> data,
                         for_update ? txn.GetForUpdate(key) : txn.Get(key));
  if (!data) return std::optional<Row>();
  VEXDB_ASSIGN_OR_RETURN(Row row, DecodeStoredRow(layout, *data));
  return std::optional<Row>(std::move(row));
}

Result<std::vector<std::optional<Row>>> TableStore::MultiGet(Transaction& txn,
                                                             const TableLayout& layout,
                                                             std::span<const int64_t> handles) {
  std::vector<std::string> keys;
  keys.reserve(handles.size());
  for (int64_t handle : handles) keys.push_back(EncodeRowKey(layout.table_id, handle));
  VEXDB_ASSIGN_OR_RETURN(std::vector<std::optional<std::string>> values, txn.MultiGet(keys));
  std::vector<std::optional<Row>> rows(handles.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    VEXDB_ASSIGN_OR_RETURN(rows[i], DecodeStoredRow(layout, *values[i]));
  }
  return rows;
}

std::unique_ptr<RowIterator> TableStore::Scan(Transaction& txn, const TableLayout& layout,
                                              int64_t lo, int64_t hi,
                                              ScanDirection direction) {
  std::string begin = EncodeRowKey(layout.table_id, lo);
  std::string end = PrefixEnd(EncodeRowKey(layout.table_id, hi));
  if (lo > hi) end = begin;
  return std::make_unique<TableRowIterator>(txn.Scan(begin, end, direction), layout);
}

std::unique_ptr<RowIterator> TableStore::ScanIndex(Transaction& txn, const TableLayout& layout,
                                                   int index_position, const IndexRange& range) {
  std::string begin, end;
  IndexRangeBounds(layout, layout.indexes[index_position], range, &begin, &end);
  if (!end.empty() && end < begin) end = begin;
  return std::make_unique<IndexRowIterator>(txn, txn.Scan(begin, end), layout);
}

Status TableStore::DropData(StorageEngine& engine, int64_t table_id) {
  std::string prefix = TablePrefix(table_id);
  return engine.DeleteRange(prefix, PrefixEnd(prefix));
}

Status TableStore::DropIndexData(StorageEngine& engine, int64_t table_id, int64_t index_id) {
  std::string prefix = IndexPrefix(table_id, index_id);
  return engine.DeleteRange(prefix, PrefixEnd(prefix));
}

Status TableStore::BuildIndex(Transaction& txn, const TableLayout& layout, int index_position) {
  const IndexLayout& index = layout.indexes[index_position];
  std::unique_ptr<RowIterator> rows = Scan(txn, layout);
  int64_t handle = 0;
  Row row;
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(bool more, rows->Next(&handle, &row));
    if (!more) return Status::OK();
    IndexEntry entry = MakeIndexEntry(layout, index, row, handle);
    VEXDB_RETURN_IF_ERROR(CheckUniqueFree(txn, layout, index, entry, row));
    VEXDB_RETURN_IF_ERROR(txn.Put(entry.key, HandleValue(handle)));
  }
}

Result<std::vector<int64_t>> TableStore::ScanVectorLog(Transaction& txn, int64_t table_id,
                                                       VectorLog log) {
  std::string prefix = VectorLogPrefix(table_id, log);
  std::unique_ptr<KvIterator> it = txn.Scan(prefix, PrefixEnd(prefix));
  std::vector<int64_t> handles;
  for (; it->Valid(); it->Next()) {
    std::string_view key = it->key();
    key.remove_prefix(prefix.size());
    VEXDB_ASSIGN_OR_RETURN(int64_t handle, DecodeHandle(&key));
    handles.push_back(handle);
  }
  VEXDB_RETURN_IF_ERROR(it->status());
  return handles;
}

Result<bool> TableStore::ConsumeVectorLog(Transaction& txn, int64_t table_id, int64_t handle) {
  std::string key = EncodeVectorLogKey(table_id, handle);
  Result<std::optional<std::string>> entry = txn.GetForUpdate(key);
  if (!entry.ok()) {
    bool contended = entry.status().Is(ErrorCode::kLockWaitTimeout) ||
                     entry.status().Is(ErrorCode::kLockDeadlock);
    if (contended) return false;
    return entry.status();
  }
  if (!*entry) return true;  // consumed by someone else
  VEXDB_RETURN_IF_ERROR(txn.Delete(key));
  VEXDB_RETURN_IF_ERROR(
      txn.PutUntracked(EncodeVectorLogKey(table_id, handle, VectorLog::kApplied), ""));
  return true;
}

Status TableStore::ClearAppliedVectorLog(Transaction& txn, int64_t table_id,
                                         std::span<const int64_t> handles) {
  for (int64_t handle : handles) {
    VEXDB_RETURN_IF_ERROR(
        txn.Delete(EncodeVectorLogKey(table_id, handle, VectorLog::kApplied)));
  }
  return Status::OK();
}

}  // namespace vexdb

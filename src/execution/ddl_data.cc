// The row work behind DDL, each piece in one storage transaction: filling new indexes from the
// existing rows (CREATE INDEX, ADD KEY/UNIQUE) and rewriting every row when a definition change
// alters how rows are stored (column types, NOT NULL, the clustered primary key, backfilled
// columns). The catalog assigns ids to new columns and indexes only when the definition is
// replaced, so the new definition goes in first and the work runs against its layout; if the
// work fails, the transaction rolls back and the old definition is put back (new index ids
// are then garbage-collected by the catalog), so a failed DDL changes nothing.
//
// Limits: a rewrite holds the table's rows in memory; concurrent DML on the table during the
// DDL is not blocked (no metadata locks yet).

#include <algorithm>

#include "common/logging.h"
#include "execution/ddl_internal.h"
#include "storage/table_store.h"
#include "types/cast.h"
#include "types/temporal.h"

namespace vexdb::ddl_internal {

namespace {

struct StoredRow {
  int64_t handle;
  Row row;
};

Result<std::vector<StoredRow>> ReadAllRows(Transaction& txn, const TableLayout& layout) {
  std::vector<StoredRow> rows;
  std::unique_ptr<RowIterator> it = TableStore::Scan(txn, layout);
  StoredRow next;
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(bool more, it->Next(&next.handle, &next.row));
    if (!more) return rows;
    rows.push_back(std::move(next));
  }
}

int64_t Now(const DdlContext& context) {
  return context.now_micros != 0 ? context.now_micros : NowMicros();
}

// Rewrites rows from the old table's layout into the new one's.
class RowRewriter {
 public:
  RowRewriter(DdlContext& context, const TableInfo& before, const TableInfo& after)
      : context_(context), before_(before), after_(after),
        old_layout_(before.Layout()), new_layout_(after.Layout()) {}

  Status Run() {
    std::unique_ptr<Transaction> txn = context_.storage.BeginTransaction();
    VEXDB_ASSIGN_OR_RETURN(std::vector<StoredRow> rows, ReadAllRows(*txn, old_layout_));
    if (rows.empty()) return Status::OK();
    VEXDB_RETURN_IF_ERROR(PrepareColumns());
    for (const StoredRow& row : rows) {
      VEXDB_RETURN_IF_ERROR(TableStore::Delete(*txn, old_layout_, row.handle, row.row));
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      VEXDB_ASSIGN_OR_RETURN(Row converted, Convert(rows[i].row, static_cast<int64_t>(i + 1)));
      VEXDB_ASSIGN_OR_RETURN(int64_t handle, NewHandle(rows[i].handle, converted));
      VEXDB_RETURN_IF_ERROR(TableStore::Insert(*txn, new_layout_, handle, converted));
    }
    return txn->Commit();
  }

 private:
  // For each new column: its position in the old rows, or its backfill value.
  Status PrepareColumns() {
    for (const ColumnInfo& column : after_.columns) {
      auto old = std::find_if(before_.columns.begin(), before_.columns.end(),
                              [&](const ColumnInfo& c) { return c.id == column.id; });
      if (old != before_.columns.end()) {
        source_.push_back(static_cast<int>(old - before_.columns.begin()));
        backfill_.emplace_back();
        continue;
      }
      source_.push_back(-1);
      VEXDB_ASSIGN_OR_RETURN(Value value, BackfillValue(column, Now(context_)));
      backfill_.push_back(std::move(value));
    }
    return Status::OK();
  }

  Result<Value> ConvertValue(size_t j, const Row& row, int64_t row_number) {
    const ColumnInfo& column = after_.columns[j];
    Value value = source_[j] >= 0 ? row[source_[j]] : backfill_[j];
    if (source_[j] >= 0 && !(before_.columns[source_[j]].type == column.type)) {
      VEXDB_ASSIGN_OR_RETURN(value, CastValue(value, column.type,
                                              CastContext{CastMode::kStore, column.name,
                                                          row_number}));
    }
    if (value.is_null() && column.auto_increment) {
      VEXDB_ASSIGN_OR_RETURN(int64_t id,
                             context_.storage.AllocateIds(after_.AutoIncrementCounter(), 1));
      value = Value::Int(id);
    }
    if (value.is_null() && !column.nullable) return Status::Error(ErrorCode::kInvalidUseOfNull);
    return value;
  }

  Result<Row> Convert(const Row& row, int64_t row_number) {
    Row out;
    out.reserve(after_.columns.size());
    for (size_t j = 0; j < after_.columns.size(); ++j) {
      VEXDB_ASSIGN_OR_RETURN(Value value, ConvertValue(j, row, row_number));
      out.push_back(std::move(value));
    }
    return out;
  }

  Result<int64_t> NewHandle(int64_t old_handle, const Row& row) {
    if (new_layout_.handle_column >= 0) {
      const Value& key = row[new_layout_.handle_column];
      return key.kind() == ValueKind::kUInt ? static_cast<int64_t>(key.uint_value())
                                            : key.int_value();
    }
    if (old_layout_.handle_column < 0) return old_handle;
    return context_.storage.AllocateIds(after_.RowIdCounter(), 1);
  }

  DdlContext& context_;
  const TableInfo& before_;
  const TableInfo& after_;
  TableLayout old_layout_;
  TableLayout new_layout_;
  std::vector<int> source_;
  std::vector<Value> backfill_;
};

Status BuildIndexes(DdlContext& context, const TableInfo& before, const TableInfo& after) {
  TableLayout layout = after.Layout();
  std::vector<int> positions;
  for (size_t i = 0; i < layout.indexes.size(); ++i) {
    int64_t id = layout.indexes[i].index_id;
    bool existed = std::any_of(before.indexes.begin(), before.indexes.end(),
                               [&](const IndexInfo& index) { return index.id == id; });
    if (!existed) positions.push_back(static_cast<int>(i));
  }
  if (positions.empty()) return Status::OK();
  std::unique_ptr<Transaction> txn = context.storage.BeginTransaction();
  for (int position : positions) {
    VEXDB_RETURN_IF_ERROR(TableStore::BuildIndex(*txn, layout, position));
  }
  return txn->Commit();
}

// Puts `old_info` back after failed row work; the work's own error is what the client sees.
// Indexes the failed change had dropped lost their entries, so they come back under fresh ids
// and are refilled.
void Restore(DdlContext& context, const TableInfo& replaced, const TableInfo& old_info) {
  TableInfo restored = old_info;
  for (IndexInfo& index : restored.indexes) {
    bool kept = std::any_of(replaced.indexes.begin(), replaced.indexes.end(),
                            [&](const IndexInfo& i) { return i.id == index.id; });
    if (!kept) index.id = 0;
  }
  Result<TableRef> back = context.catalog.ReplaceTable(replaced.database, replaced.name,
                                                       std::move(restored));
  Status status = back.ok() ? BuildIndexes(context, replaced, **back) : back.status();
  if (!status.ok()) {
    Log(LogLevel::kError, "ddl: could not restore the definition of {}.{}: {}", old_info.database,
        old_info.name, status.ToString());
  }
}

// The id of the column serving as the clustered handle; -1 for hidden row ids.
int32_t HandleColumnId(const TableInfo& table) {
  int position = table.HandleColumn();
  return position < 0 ? -1 : table.columns[position].id;
}

// True if values stored as `from` are valid, unchanged values of `to` (a widening: a longer
// string, a different display width), so no row needs converting.
bool StoresSameValues(const LogicalType& from, const LogicalType& to) {
  if (from == to) return true;
  LogicalType a = from, b = to;
  bool strings = a.IsString() || a.IsBinary();
  if (a.IsInteger() || strings) a.length = b.length = 0;
  if (!(a == b)) return false;
  if (!strings || from.id == TypeId::kBit) return true;
  return to.MaxLength() < 0 || (from.MaxLength() >= 0 && to.MaxLength() >= from.MaxLength());
}

bool ColumnNeedsRewrite(const TableInfo& before, const ColumnInfo& column) {
  if (column.id == 0) {  // added: rows decode it as its constant default or NULL
    DefaultKind kind = column.default_value.kind;
    return kind == DefaultKind::kCurrentTimestamp || kind == DefaultKind::kExpression ||
           column.auto_increment || (kind == DefaultKind::kNone && !column.nullable);
  }
  for (const ColumnInfo& old : before.columns) {
    if (old.id != column.id) continue;
    return !StoresSameValues(old.type, column.type) || (old.nullable && !column.nullable);
  }
  return false;
}

// True if moving from `before` to `after` changes what rows hold (and the table has rows).
Result<bool> NeedsRewrite(DdlContext& context, const TableInfo& before, const TableInfo& after) {
  bool change = HandleColumnId(before) != HandleColumnId(after) ||
                std::any_of(after.columns.begin(), after.columns.end(),
                            [&](const ColumnInfo& c) { return ColumnNeedsRewrite(before, c); });
  if (!change) return false;
  VEXDB_ASSIGN_OR_RETURN(bool empty, TableIsEmpty(context, before));
  return !empty;
}

}  // namespace

Result<TableRef> ApplyDefinition(DdlContext& context, const TableRef& table, TableInfo next) {
  VEXDB_ASSIGN_OR_RETURN(bool rewrite, NeedsRewrite(context, *table, next));
  if (rewrite) return ReplaceAndRewriteRows(context, table, std::move(next));
  return ReplaceAndBuildIndexes(context, table, std::move(next));
}

Result<TableRef> ReplaceAndBuildIndexes(DdlContext& context, const TableRef& table,
                                        TableInfo next) {
  VEXDB_ASSIGN_OR_RETURN(TableRef replaced,
                         context.catalog.ReplaceTable(table->database, table->name,
                                                      std::move(next)));
  Status status = BuildIndexes(context, *table, *replaced);
  if (!status.ok()) {
    Restore(context, *replaced, *table);
    return status;
  }
  return replaced;
}

Result<TableRef> ReplaceAndRewriteRows(DdlContext& context, const TableRef& table,
                                       TableInfo next) {
  VEXDB_ASSIGN_OR_RETURN(TableRef replaced,
                         context.catalog.ReplaceTable(table->database, table->name,
                                                      std::move(next)));
  Status status = RowRewriter(context, *table, *replaced).Run();
  if (!status.ok()) {
    Restore(context, *replaced, *table);
    return status;
  }
  return replaced;
}

Result<bool> TableIsEmpty(DdlContext& context, const TableInfo& table) {
  std::unique_ptr<Transaction> txn = context.storage.BeginTransaction();
  std::unique_ptr<RowIterator> it = TableStore::Scan(*txn, table.Layout());
  int64_t handle = 0;
  Row row;
  VEXDB_ASSIGN_OR_RETURN(bool more, it->Next(&handle, &row));
  return !more;
}

}  // namespace vexdb::ddl_internal

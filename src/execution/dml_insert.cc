// INSERT, INSERT IGNORE, REPLACE and INSERT ... ON DUPLICATE KEY UPDATE.

#include <fmt/format.h>

#include "execution/dml.h"
#include "execution/expression_evaluator.h"
#include "execution/row_writer.h"
#include "types/cast.h"

namespace vexdb {

namespace {

struct InsertState {
  const BoundInsert& insert;
  const TableInfo& table;
  TableLayout layout;
  QueryResult result;
  uint64_t first_generated_id = 0;
  int64_t duplicates = 0;
};

bool IsZeroOrNull(const Value& v) {
  if (v.is_null()) return true;
  switch (v.kind()) {
    case ValueKind::kInt: return v.int_value() == 0;
    case ValueKind::kUInt: return v.uint_value() == 0;
    default: return false;
  }
}

// Fills defaults and AUTO_INCREMENT, casts, checks NOT NULL. `given[i]` is null when the
// statement gave no value for column i.
Result<Row> CompleteRow(InsertState& state, std::vector<std::optional<Value>> given,
                        ExecContext& ctx, int64_t row_number) {
  const TableInfo& table = state.table;
  Row row(table.columns.size());
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const ColumnInfo& column = table.columns[i];
    Value value;
    if (given[i].has_value()) {
      value = std::move(*given[i]);
    } else {
      VEXDB_ASSIGN_OR_RETURN(value, ColumnDefaultValue(column, ctx));
    }
    if (column.auto_increment) {
      if (IsZeroOrNull(value)) {
        VEXDB_ASSIGN_OR_RETURN(int64_t id, ctx.storage->AllocateIds(table.AutoIncrementCounter(), 1));
        if (state.first_generated_id == 0) state.first_generated_id = static_cast<uint64_t>(id);
        value = Value::Int(id);
      } else {
        VEXDB_ASSIGN_OR_RETURN(Value stored, StoreValue(column, value, row_number));
        int64_t explicit_id = stored.kind() == ValueKind::kUInt
                                  ? static_cast<int64_t>(stored.uint_value())
                                  : ValueToInt64(stored);
        VEXDB_RETURN_IF_ERROR(ctx.storage->RebaseIds(table.AutoIncrementCounter(), explicit_id));
        value = std::move(stored);
      }
    }
    VEXDB_ASSIGN_OR_RETURN(row[i], StoreValue(column, value, row_number));
  }
  return row;
}

Result<int64_t> HandleFor(const InsertState& state, const Row& row, ExecContext& ctx) {
  int handle_column = state.layout.handle_column;
  if (handle_column < 0) return ctx.storage->AllocateIds(state.table.RowIdCounter(), 1);
  const Value& v = row[handle_column];
  if (v.kind() == ValueKind::kUInt) return static_cast<int64_t>(v.uint_value());
  return v.int_value();
}

// The existing row that conflicts with `row` on the primary key or a unique index.
Result<std::optional<std::pair<int64_t, Row>>> FindConflict(InsertState& state, const Row& row,
                                                           ExecContext& ctx) {
  std::vector<std::vector<int>> keys;
  if (state.layout.handle_column >= 0) keys.push_back({state.layout.handle_column});
  for (const IndexLayout& index : state.layout.indexes) {
    if (index.unique) keys.push_back(index.key_columns);
  }
  for (const auto& columns : keys) {
    Row values;
    bool has_null = false;
    for (int c : columns) {
      has_null |= row[c].is_null();
      values.push_back(row[c]);
    }
    if (has_null) continue;
    VEXDB_ASSIGN_OR_RETURN(auto rows, FindRows(ctx, state.table, columns, values));
    if (!rows.empty()) return std::optional<std::pair<int64_t, Row>>(std::move(rows[0]));
  }
  return std::optional<std::pair<int64_t, Row>>();
}

Status InsertRow(InsertState& state, const Row& row, ExecContext& ctx) {
  VEXDB_RETURN_IF_ERROR(CheckParentsExist(ctx, state.table, row));
  VEXDB_ASSIGN_OR_RETURN(int64_t handle, HandleFor(state, row, ctx));
  VEXDB_RETURN_IF_ERROR(TableStore::Insert(*ctx.txn, state.layout, handle, row));
  Count(ctx.counters ? &ctx.counters->rows_inserted : nullptr);
  state.result.affected_rows += 1;
  return Status::OK();
}

Status UpsertRow(InsertState& state, const Row& row, ExecContext& ctx, int64_t row_number) {
  VEXDB_ASSIGN_OR_RETURN(auto conflict, FindConflict(state, row, ctx));
  if (!conflict) return InsertRow(state, row, ctx);
  auto& [handle, old_row] = *conflict;
  Row scope = old_row;  // existing row ++ the row that was to be inserted
  scope.insert(scope.end(), row.begin(), row.end());
  Row updated = old_row;
  for (const auto& [column, expr] : state.insert.on_duplicate) {
    Value value;
    if (expr) {
      VEXDB_ASSIGN_OR_RETURN(value, Evaluate(*expr, scope, ctx));
    } else {
      VEXDB_ASSIGN_OR_RETURN(value, ColumnDefaultValue(state.table.columns[column], ctx));
    }
    VEXDB_ASSIGN_OR_RETURN(updated[column], StoreValue(state.table.columns[column], value, row_number));
    scope[column] = updated[column];
  }
  if (updated == old_row) {
    if (ctx.client_found_rows) state.result.affected_rows += 1;
    return Status::OK();
  }
  VEXDB_RETURN_IF_ERROR(CheckParentsExist(ctx, state.table, updated));
  VEXDB_RETURN_IF_ERROR(ApplyOnUpdate(ctx, state.table, old_row, updated, 0));
  int64_t new_handle = handle;
  if (state.layout.handle_column >= 0) {
    VEXDB_ASSIGN_OR_RETURN(new_handle, HandleFor(state, updated, ctx));
  }
  VEXDB_RETURN_IF_ERROR(TableStore::Update(*ctx.txn, state.layout, handle, old_row, new_handle, updated));
  state.result.affected_rows += 2;
  return Status::OK();
}

Status ReplaceRow(InsertState& state, const Row& row, ExecContext& ctx) {
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(auto conflict, FindConflict(state, row, ctx));
    if (!conflict) break;
    VEXDB_RETURN_IF_ERROR(DeleteRow(ctx, state.table, conflict->first, conflict->second, 0));
    state.result.affected_rows += 1;
  }
  return InsertRow(state, row, ctx);
}

Status WriteRow(InsertState& state, const Row& row, ExecContext& ctx, int64_t row_number) {
  if (state.insert.replace) return ReplaceRow(state, row, ctx);
  if (!state.insert.on_duplicate.empty()) return UpsertRow(state, row, ctx, row_number);
  if (!state.insert.ignore) return InsertRow(state, row, ctx);
  // INSERT IGNORE: a duplicate or missing parent skips the row (a warning in MySQL).
  ctx.txn->SetSavepoint();
  Status status = InsertRow(state, row, ctx);
  if (status.Is(ErrorCode::kDupEntry) || status.Is(ErrorCode::kNoReferencedRow)) {
    VEXDB_RETURN_IF_ERROR(ctx.txn->RollbackToSavepoint());
    state.result.AddDiagnostic("Warning", status.mysql_errno(), status.message());
    state.duplicates += 1;
    return Status::OK();
  }
  ctx.txn->PopSavepoint();
  return status;
}

Status InsertValues(InsertState& state, ExecContext& ctx) {
  int64_t row_number = 0;
  for (const auto& exprs : state.insert.rows) {
    ++row_number;
    std::vector<std::optional<Value>> given(state.table.columns.size());
    for (size_t i = 0; i < exprs.size(); ++i) {
      if (!exprs[i]) continue;
      VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*exprs[i], Row(), ctx));
      given[i] = std::move(v);
    }
    VEXDB_ASSIGN_OR_RETURN(Row row, CompleteRow(state, std::move(given), ctx, row_number));
    VEXDB_RETURN_IF_ERROR(WriteRow(state, row, ctx, row_number));
  }
  return Status::OK();
}

Status InsertSelect(InsertState& state, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows, ExecuteQueryRows(*state.insert.select, ctx));
  int64_t row_number = 0;
  for (Row& source : rows) {
    ++row_number;
    std::vector<std::optional<Value>> given(state.table.columns.size());
    for (size_t i = 0; i < source.size(); ++i) {
      given[state.insert.select_targets[i]] = std::move(source[i]);
    }
    VEXDB_ASSIGN_OR_RETURN(Row row, CompleteRow(state, std::move(given), ctx, row_number));
    VEXDB_RETURN_IF_ERROR(WriteRow(state, row, ctx, row_number));
  }
  return Status::OK();
}

}  // namespace

Result<QueryResult> ExecuteInsert(const BoundInsert& insert, ExecContext& ctx) {
  InsertState state{insert, *insert.table, insert.table->Layout(), QueryResult{}};
  if (insert.select) {
    VEXDB_RETURN_IF_ERROR(InsertSelect(state, ctx));
  } else {
    VEXDB_RETURN_IF_ERROR(InsertValues(state, ctx));
  }
  state.result.last_insert_id = state.first_generated_id;
  size_t records = insert.select ? state.result.affected_rows : insert.rows.size();
  if (records > 1 || insert.select) {
    state.result.info = fmt::format("Records: {}  Duplicates: {}  Warnings: {}", records,
                                    state.duplicates, state.result.warnings);
  }
  return std::move(state.result);
}

}  // namespace vexdb

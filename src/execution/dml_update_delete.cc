// UPDATE and DELETE: the source rows (with their handles) are read completely first, so that a
// row moved by the statement is never visited twice; then each is rewritten or removed.

#include <fmt/format.h>

#include "execution/dml.h"
#include "execution/expression_evaluator.h"
#include "execution/query_executor.h"
#include "execution/row_writer.h"
#include "optimizer/optimizer.h"
#include "planner/planner.h"
#include "types/temporal.h"

namespace vexdb {

namespace {

// Rows of the DML source plan; each row ends with its handle.
Result<std::vector<Row>> SourceRows(const BoundTableRef& from, const BoundExpr* where,
                                    const std::vector<BoundOrderItem>& order_by,
                                    std::optional<uint64_t> limit, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, PlanDmlSource(from, where, order_by, limit));
  VEXDB_ASSIGN_OR_RETURN(plan, Optimize(std::move(plan)));
  return ExecutePlanRows(*plan, ctx);
}

int64_t TakeHandle(Row* row) {
  int64_t handle = row->back().int_value();
  row->pop_back();
  return handle;
}

Result<int64_t> NewHandle(const TableLayout& layout, const Row& row, int64_t old_handle) {
  if (layout.handle_column < 0) return old_handle;
  const Value& v = row[layout.handle_column];
  if (v.kind() == ValueKind::kUInt) return static_cast<int64_t>(v.uint_value());
  return v.int_value();
}

}  // namespace

Result<QueryResult> ExecuteUpdate(const BoundUpdate& update, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows,
                         SourceRows(*update.from, update.where.get(), update.order_by,
                                    update.limit, ctx));
  const TableInfo& table = *update.table;
  TableLayout layout = table.Layout();
  uint64_t matched = 0, changed = 0;
  int64_t row_number = 0;
  for (Row& row : rows) {
    ++row_number;
    int64_t handle = TakeHandle(&row);
    ++matched;
    Row updated = row;
    std::vector<bool> assigned(table.columns.size(), false);
    // MySQL evaluates single-table assignments left to right, each seeing the earlier ones.
    for (const auto& [column, expr] : update.assignments) {
      Value value;
      if (expr) {
        VEXDB_ASSIGN_OR_RETURN(value, Evaluate(*expr, updated, ctx));
      } else {
        VEXDB_ASSIGN_OR_RETURN(value, ColumnDefaultValue(table.columns[column], ctx));
      }
      VEXDB_ASSIGN_OR_RETURN(updated[column], StoreValue(table.columns[column], value, row_number));
      assigned[column] = true;
    }
    if (updated == row) continue;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const ColumnInfo& column = table.columns[i];
      if (column.on_update_current_timestamp && !assigned[i]) {
        updated[i] = Value::Datetime(RoundMicros(ctx.function.statement_time_micros, column.type.fsp));
      }
    }
    VEXDB_RETURN_IF_ERROR(CheckParentsExist(ctx, table, updated));
    VEXDB_RETURN_IF_ERROR(ApplyOnUpdate(ctx, table, row, updated, 0));
    VEXDB_ASSIGN_OR_RETURN(int64_t new_handle, NewHandle(layout, updated, handle));
    VEXDB_RETURN_IF_ERROR(TableStore::Update(*ctx.txn, layout, handle, row, new_handle, updated));
    ++changed;
    Count(ctx.counters ? &ctx.counters->rows_updated : nullptr);
    VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
  }
  QueryResult result;
  result.affected_rows = ctx.client_found_rows ? matched : changed;
  result.info = fmt::format("Rows matched: {}  Changed: {}  Warnings: 0", matched, changed);
  return result;
}

Result<QueryResult> ExecuteDelete(const BoundDelete& del, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows,
                         SourceRows(*del.from, del.where.get(), del.order_by, del.limit, ctx));
  QueryResult result;
  for (Row& row : rows) {
    int64_t handle = TakeHandle(&row);
    VEXDB_RETURN_IF_ERROR(DeleteRow(ctx, *del.table, handle, row, 0));
    ++result.affected_rows;
    Count(ctx.counters ? &ctx.counters->rows_deleted : nullptr);
    VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
  }
  return result;
}

}  // namespace vexdb

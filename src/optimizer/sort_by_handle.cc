// Rule sort_by_handle: a sort whose first key is the table's integer primary key (its handle),
// ascending, directly over a projection of a table read that returns rows in handle order (a
// full scan, a handle range or a set of point gets) is already in order, so it is dropped. A
// LIMIT above it then stops the read after its rows: SELECT ... ORDER BY id LIMIT 10 reads a
// few rows instead of the whole table. Keys after the handle cannot change the order (the
// handle is unique). A descending sort stays: reads go in ascending handle order only.

#include "optimizer/optimizer.h"

namespace vexdb {

namespace {

bool InHandleOrder(const LogicalOperator& get) {
  switch (get.access.kind) {
    case AccessKind::kFullScan:
    case AccessKind::kHandleRange:
    case AccessKind::kHandleSet:
      return true;
    default:
      return false;
  }
}

// Whether `sort` orders its input by the handle of a table read that is already in that order.
bool SortedByHandle(const LogicalOperator& sort) {
  if (sort.order_by.empty() || sort.order_by[0].descending || sort.children.empty()) {
    return false;
  }
  const LogicalOperator& projection = *sort.children[0];
  const BoundExpr& key = *sort.order_by[0].expr;
  if (projection.type != LogicalOperatorType::kProjection || projection.children.empty() ||
      key.kind != BoundExprKind::kColumn || key.column_index < 0 ||
      static_cast<size_t>(key.column_index) >= projection.expressions.size()) {
    return false;
  }
  const LogicalOperator& get = *projection.children[0];
  const BoundExpr& column = *projection.expressions[key.column_index];
  return get.type == LogicalOperatorType::kGet && get.table != nullptr && InHandleOrder(get) &&
         column.kind == BoundExprKind::kColumn && column.column_index >= 0 &&
         column.column_index == get.table->HandleColumn();
}

}  // namespace

void DropSortsByHandle(LogicalOperatorPtr* plan) {
  for (auto& child : (*plan)->children) DropSortsByHandle(&child);
  if ((*plan)->type == LogicalOperatorType::kSort && SortedByHandle(**plan)) {
    LogicalOperatorPtr input = std::move((*plan)->children[0]);
    *plan = std::move(input);
  }
}

}  // namespace vexdb

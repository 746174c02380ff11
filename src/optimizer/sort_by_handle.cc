// Rule sort_by_handle: a sort whose first key is the table's integer primary key (its handle),
// directly over a projection of a table read that can return rows in handle order (a full scan,
// a handle range or a set of point gets), is dropped: an ascending key reads the rows in handle
// order as they come, a descending one reads them backward (AccessPath::backward). A LIMIT above
// it then stops the read after its rows: SELECT ... ORDER BY id DESC LIMIT 10 reads a few rows
// instead of the whole table. Keys after the handle cannot change the order (the handle is
// unique within the read).

#include "optimizer/optimizer.h"

namespace vexdb {

namespace {

bool CanReadInHandleOrder(const LogicalOperator& get) {
  switch (get.access.kind) {
    case AccessKind::kFullScan:
    case AccessKind::kHandleRange:
    case AccessKind::kHandleSet:
      return true;
    default:
      return false;
  }
}

// The table read whose rows `sort` orders by their handle, first, if it can read them in that
// order; null otherwise.
LogicalOperator* ReadSortedByHandle(const LogicalOperator& sort) {
  if (sort.order_by.empty() || sort.children.empty()) return nullptr;
  LogicalOperator& projection = *sort.children[0];
  const BoundExpr& key = *sort.order_by[0].expr;
  if (projection.type != LogicalOperatorType::kProjection || projection.children.empty() ||
      key.kind != BoundExprKind::kColumn || key.column_index < 0 ||
      static_cast<size_t>(key.column_index) >= projection.expressions.size()) {
    return nullptr;
  }
  LogicalOperator& get = *projection.children[0];
  const BoundExpr& column = *projection.expressions[key.column_index];
  const bool by_handle = get.type == LogicalOperatorType::kGet && get.table != nullptr &&
                         column.kind == BoundExprKind::kColumn && column.column_index >= 0 &&
                         column.column_index == get.table->HandleColumn();
  return by_handle && CanReadInHandleOrder(get) ? &get : nullptr;
}

}  // namespace

void DropSortsByHandle(LogicalOperatorPtr* plan) {
  for (auto& child : (*plan)->children) DropSortsByHandle(&child);
  if ((*plan)->type != LogicalOperatorType::kSort) return;
  LogicalOperator* get = ReadSortedByHandle(**plan);
  if (get == nullptr) return;
  get->access.backward = (*plan)->order_by[0].descending;
  LogicalOperatorPtr input = std::move((*plan)->children[0]);
  *plan = std::move(input);
}

}  // namespace vexdb

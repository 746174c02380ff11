// Rules that read a table in the order of its integer primary key (its handle) instead of
// sorting or aggregating all of it. A table read can return rows in handle order, forward or
// backward (AccessPath::backward), when it is a full scan, a handle range or a set of point gets.
//
// sort_by_handle: a sort whose first key is the handle, directly over a projection of such a
// read, is dropped; a descending key reads backward. A LIMIT above it then stops the read after
// its rows: SELECT ... ORDER BY id DESC LIMIT 10 reads a few rows instead of the whole table.
// Keys after the handle cannot change the order (the handle is unique within the read).
//
// min_max_by_handle: MIN(pk) or MAX(pk), the only aggregate and without GROUP BY, over such a
// read needs only its first qualifying row in handle order (forward for MIN, backward for MAX):
// a LIMIT 1 goes under the aggregate, which still gives NULL for no rows. Locking reads keep
// reading every row.

#include <string_view>

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

// Whether `expr` is the handle column of the rows `get` reads.
bool IsHandle(const BoundExpr& expr, const LogicalOperator& get) {
  return get.type == LogicalOperatorType::kGet && get.table != nullptr &&
         expr.kind == BoundExprKind::kColumn && expr.column_index >= 0 &&
         expr.column_index == get.table->HandleColumn();
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
  const bool by_handle = IsHandle(*projection.expressions[key.column_index], get);
  return by_handle && CanReadInHandleOrder(get) ? &get : nullptr;
}

// The read whose rows `aggregate` takes MIN or MAX of the handle of, and nothing else, if it can
// read them in handle order; null otherwise. *max tells which.
LogicalOperator* ReadAggregatedByHandle(const LogicalOperator& aggregate, bool* max) {
  if (!aggregate.group_keys.empty() || aggregate.aggregates.size() != 1 ||
      aggregate.children.empty()) {
    return nullptr;
  }
  const BoundAggregate& call = *aggregate.aggregates[0];
  LogicalOperator& get = *aggregate.children[0];
  const std::string_view name = call.function != nullptr ? call.function->name : "";
  if ((name != "min" && name != "max") || call.args.size() != 1 || !IsHandle(*call.args[0], get) ||
      get.lock != ast::LockMode::kNone || !CanReadInHandleOrder(get)) {
    return nullptr;
  }
  *max = name == "max";
  return &get;
}

}  // namespace

void LimitMinMaxByHandle(LogicalOperator* plan) {
  for (auto& child : plan->children) LimitMinMaxByHandle(child.get());
  if (plan->type != LogicalOperatorType::kAggregate) return;
  bool max = false;
  LogicalOperator* get = ReadAggregatedByHandle(*plan, &max);
  if (get == nullptr) return;
  get->access.backward = max;
  auto limit = std::make_unique<LogicalOperator>(LogicalOperatorType::kLimit);
  limit->output_types = get->output_types;
  limit->limit = 1;
  limit->children.push_back(std::move(plan->children[0]));
  plan->children[0] = std::move(limit);
}

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

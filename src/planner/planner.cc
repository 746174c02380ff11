#include "planner/planner.h"

#include <fmt/format.h>

namespace vexdb {

namespace {

LogicalOperatorPtr MakeOperator(LogicalOperatorType type, LogicalOperatorPtr child) {
  auto op = std::make_unique<LogicalOperator>(type);
  if (child) {
    op->output_types = child->output_types;
    op->children.push_back(std::move(child));
  }
  return op;
}

Result<LogicalOperatorPtr> PlanTableRef(const BoundTableRef& ref) {
  switch (ref.kind) {
    case BoundTableRef::Kind::kBase: {
      auto op = std::make_unique<LogicalOperator>(LogicalOperatorType::kGet);
      op->table = ref.table;
      op->alias = ref.alias;
      for (const ColumnInfo& column : ref.table->columns) op->output_types.push_back(column.type);
      return op;
    }
    case BoundTableRef::Kind::kSystem: {
      auto op = std::make_unique<LogicalOperator>(LogicalOperatorType::kSystemTable);
      op->system_database = ref.system_database;
      op->system_table = ref.system_table;
      op->alias = ref.alias;
      for (const ResultColumn& column : ref.system_columns) op->output_types.push_back(column.type);
      return op;
    }
    case BoundTableRef::Kind::kDerived: return PlanQuery(*ref.derived);
    case BoundTableRef::Kind::kJoin: {
      auto op = std::make_unique<LogicalOperator>(LogicalOperatorType::kJoin);
      VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr left, PlanTableRef(*ref.left));
      VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr right, PlanTableRef(*ref.right));
      op->output_types = left->output_types;
      op->output_types.insert(op->output_types.end(), right->output_types.begin(),
                              right->output_types.end());
      op->join_type = ref.join_type;
      if (ref.condition) op->condition = ref.condition->Copy();
      op->children.push_back(std::move(left));
      op->children.push_back(std::move(right));
      return op;
    }
  }
  return Status::Internal("unknown table reference");
}

LogicalOperatorPtr AddFilter(LogicalOperatorPtr child, const BoundExpr& predicate) {
  auto op = MakeOperator(LogicalOperatorType::kFilter, std::move(child));
  op->predicate = predicate.Copy();
  return op;
}

LogicalOperatorPtr AddSortAndLimit(LogicalOperatorPtr plan,
                                   const std::vector<BoundOrderItem>& order_by,
                                   std::optional<uint64_t> limit, uint64_t offset) {
  if (!order_by.empty()) {
    plan = MakeOperator(LogicalOperatorType::kSort, std::move(plan));
    for (const auto& item : order_by) {
      plan->order_by.push_back({item.expr->Copy(), item.descending});
    }
  }
  if (limit.has_value() || offset > 0) {
    plan = MakeOperator(LogicalOperatorType::kLimit, std::move(plan));
    plan->limit = limit;
    plan->offset = offset;
  }
  return plan;
}

// Marks every base-table read under `op` for locking (SELECT ... FOR UPDATE / DML sources).
void SetLockMode(LogicalOperator* op, ast::LockMode lock) {
  if (op->type == LogicalOperatorType::kGet) op->lock = lock;
  for (auto& child : op->children) SetLockMode(child.get(), lock);
}

// DML sources read a single table: its Get appends the handle, and every operator above it
// passes rows through unchanged, so each output row ends with the handle.
void EmitHandles(LogicalOperator* op) {
  if (op->type == LogicalOperatorType::kGet) op->emit_handle = true;
  for (auto& child : op->children) EmitHandles(child.get());
  op->output_types.push_back(LogicalType::BigInt());
}

Result<LogicalOperatorPtr> PlanSetOperation(const BoundQuery& query) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr left, PlanQuery(*query.left));
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr right, PlanQuery(*query.right));
  auto op = std::make_unique<LogicalOperator>(LogicalOperatorType::kSetOperation);
  op->set_op = query.set_op;
  for (const auto& column : query.columns) op->output_types.push_back(column.type);
  op->children.push_back(std::move(left));
  op->children.push_back(std::move(right));
  return AddSortAndLimit(std::move(op), query.order_by, query.limit, query.offset);
}

}  // namespace

Result<LogicalOperatorPtr> PlanQuery(const BoundQuery& query) {
  if (query.set_op != ast::SetOp::kNone) return PlanSetOperation(query);
  LogicalOperatorPtr plan;
  if (query.from) {
    VEXDB_ASSIGN_OR_RETURN(plan, PlanTableRef(*query.from));
  } else {
    plan = std::make_unique<LogicalOperator>(LogicalOperatorType::kDual);
  }
  if (query.where) plan = AddFilter(std::move(plan), *query.where);
  if (query.aggregated) {
    auto aggregate = MakeOperator(LogicalOperatorType::kAggregate, std::move(plan));
    aggregate->output_types.clear();
    for (const auto& key : query.group_keys) {
      aggregate->group_keys.push_back(key->Copy());
      aggregate->output_types.push_back(key->type);
    }
    for (const auto& call : query.aggregates) {
      auto copy = std::make_unique<BoundAggregate>();
      copy->function = call->function;
      copy->options = call->options;
      copy->type = call->type;
      for (const auto& arg : call->args) copy->args.push_back(arg->Copy());
      for (const auto& [e, desc] : call->order_by) copy->order_by.emplace_back(e->Copy(), desc);
      aggregate->output_types.push_back(call->type);
      aggregate->aggregates.push_back(std::move(copy));
    }
    plan = std::move(aggregate);
  }
  if (query.having) plan = AddFilter(std::move(plan), *query.having);
  auto projection = MakeOperator(LogicalOperatorType::kProjection, std::move(plan));
  projection->output_types.clear();
  for (const auto& expr : query.projection) {
    projection->expressions.push_back(expr->Copy());
    projection->output_types.push_back(expr->type);
  }
  plan = std::move(projection);
  if (query.distinct) {
    plan = MakeOperator(LogicalOperatorType::kDistinct, std::move(plan));
    plan->distinct_columns = query.visible_columns;
  }
  plan = AddSortAndLimit(std::move(plan), query.order_by, query.limit, query.offset);
  if (static_cast<int>(query.projection.size()) > query.visible_columns) {
    auto trim = MakeOperator(LogicalOperatorType::kProjection, std::move(plan));
    trim->output_types.resize(query.visible_columns);
    for (int i = 0; i < query.visible_columns; ++i) {
      trim->expressions.push_back(MakeColumn(i, trim->output_types[i]));
    }
    plan = std::move(trim);
  }
  if (query.lock != ast::LockMode::kNone) SetLockMode(plan.get(), query.lock);
  return plan;
}

Result<LogicalOperatorPtr> PlanDmlSource(const BoundTableRef& from, const BoundExpr* where,
                                         const std::vector<BoundOrderItem>& order_by,
                                         std::optional<uint64_t> limit) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, PlanTableRef(from));
  if (where != nullptr) plan = AddFilter(std::move(plan), *where);
  plan = AddSortAndLimit(std::move(plan), order_by, limit, 0);
  SetLockMode(plan.get(), ast::LockMode::kForUpdate);
  EmitHandles(plan.get());
  return plan;
}

}  // namespace vexdb

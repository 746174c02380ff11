#include "planner/logical_operator.h"

#include <fmt/format.h>

#include "types/value_format.h"

namespace vexdb {

namespace {

std::string JoinExprs(const std::vector<BoundExprPtr>& exprs) {
  std::string out;
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i) out += ", ";
    out += exprs[i]->ToString();
  }
  return out;
}

// TiDB's EXPLAIN form of a vector: at most five elements, then how many more.
std::string ShortVector(const std::vector<float>& v) {
  constexpr size_t kShown = 5;
  if (v.size() <= kShown) return FormatVector(v);
  std::vector<float> head(v.begin(), v.begin() + kShown);
  std::string text = FormatVector(head);
  text.pop_back();
  return fmt::format("{},({} more)...]", text, v.size() - kShown);
}

// `kind` is access.kind, or the range a vector index scan keeps (AccessPath::vector_range).
std::string AccessText(const AccessPath& access, AccessKind kind) {
  switch (kind) {
    case AccessKind::kFullScan: return "TableFullScan";
    case AccessKind::kHandleRange: return "TableRangeScan(" + access.description + ")";
    case AccessKind::kHandleSet:
      return (access.handles.size() == 1 ? "Point_Get(" : "Batch_Point_Get(") +
             access.description + ")";
    case AccessKind::kIndexRange:
      return "IndexRangeScan(index:" + access.index_name + ", " + access.description + ")";
    case AccessKind::kVectorIndex: {
      std::string text = fmt::format("VectorIndexScan(index:{}, {}({}, {}), k:{}",
                                     access.vector_index_name,
                                     access.vector_function, access.vector_column,
                                     ShortVector(access.vector_query->constant.vector_value()),
                                     access.vector_k);
      if (access.vector_range != AccessKind::kFullScan) {
        text += ", exact if few rows: " + AccessText(access, access.vector_range);
      }
      return text + ")";
    }
  }
  return "?";
}

std::string Describe(const LogicalOperator& op) {
  switch (op.type) {
    case LogicalOperatorType::kGet: {
      std::string out = AccessText(op.access, op.access.kind) + " table:" + op.table->name;
      if (op.access.backward) out += " order:desc";
      if (op.alias != op.table->name) out += " alias:" + op.alias;
      if (!op.filters.empty()) out += " filter:" + JoinExprs(op.filters);
      if (op.lock == ast::LockMode::kForUpdate) out += " lock:for_update";
      return out;
    }
    case LogicalOperatorType::kSystemTable:
      return "MemTableScan table:" + op.system_database + "." + op.system_table;
    case LogicalOperatorType::kDual: return "TableDual rows:1";
    case LogicalOperatorType::kFilter: return "Selection " + op.predicate->ToString();
    case LogicalOperatorType::kProjection: return "Projection " + JoinExprs(op.expressions);
    case LogicalOperatorType::kAggregate: {
      std::string out = "HashAgg group by:[" + JoinExprs(op.group_keys) + "] funcs:[";
      for (size_t i = 0; i < op.aggregates.size(); ++i) {
        if (i) out += ", ";
        out += op.aggregates[i]->function->name;
      }
      return out + "]";
    }
    case LogicalOperatorType::kSort: {
      std::string out = op.top_n ? fmt::format("TopN limit:{} ", *op.top_n) : "Sort ";
      for (size_t i = 0; i < op.order_by.size(); ++i) {
        if (i) out += ", ";
        out += op.order_by[i].expr->ToString() + (op.order_by[i].descending ? ":desc" : "");
      }
      if (!op.vector_index_note.empty()) {
        out += " (vector index not used: " + op.vector_index_note + ")";
      }
      return out;
    }
    case LogicalOperatorType::kLimit:
      return fmt::format("Limit offset:{} count:{}", op.offset,
                         op.limit ? std::to_string(*op.limit) : std::string("all"));
    case LogicalOperatorType::kDistinct: return "HashDistinct";
    case LogicalOperatorType::kJoin:
      return std::string(op.join_type == ast::JoinType::kLeft ? "NestedLoopLeftJoin" : "NestedLoopJoin") +
             (op.condition ? " on:" + op.condition->ToString() : "");
    case LogicalOperatorType::kSetOperation: {
      switch (op.set_op) {
        case ast::SetOp::kUnionAll: return "UnionAll";
        case ast::SetOp::kExcept: return "Except";
        case ast::SetOp::kIntersect: return "Intersect";
        default: return "Union";
      }
    }
  }
  return "?";
}

}  // namespace

std::string LogicalOperator::ToString(int indent) const {
  std::string out(static_cast<size_t>(indent) * 2, ' ');
  out += Describe(*this);
  out += '\n';
  for (const auto& child : children) out += child->ToString(indent + 1);
  return out;
}

void ForEachExpr(LogicalOperator& plan, const std::function<void(BoundExpr&)>& visit) {
  auto each = [&visit](BoundExpr* expr) {
    if (expr != nullptr) ForEachExpr(*expr, visit);
  };
  for (const BoundExprPtr& filter : plan.filters) each(filter.get());
  each(plan.predicate.get());
  for (const BoundExprPtr& expr : plan.expressions) each(expr.get());
  for (const BoundExprPtr& key : plan.group_keys) each(key.get());
  for (const auto& aggregate : plan.aggregates) {
    for (const BoundExprPtr& arg : aggregate->args) each(arg.get());
    for (const auto& [expr, descending] : aggregate->order_by) each(expr.get());
  }
  for (const BoundOrderItem& item : plan.order_by) each(item.expr.get());
  each(plan.condition.get());
  for (const LogicalOperatorPtr& child : plan.children) ForEachExpr(*child, visit);
}

}  // namespace vexdb

// Rule: push WHERE conjuncts down to the table reads they concern.
//
// A Filter directly above a Get is folded into the Get's filter list. Above an inner join, a
// conjunct that reads only one side moves to that side (with column positions shifted for the
// right side); above a left join only left-side conjuncts move (moving a right-side conjunct
// would turn NULL-extended rows into filtered ones). Conjuncts with subqueries stay where they
// are.

#include "optimizer/optimizer.h"

namespace vexdb {

namespace {

// Range of column positions an expression reads; false if it has subqueries or outer refs.
bool ColumnSpan(const BoundExpr& expr, int* lo, int* hi) {
  switch (expr.kind) {
    case BoundExprKind::kColumn:
      *lo = std::min(*lo, expr.column_index);
      *hi = std::max(*hi, expr.column_index);
      return true;
    case BoundExprKind::kSubquery:
    case BoundExprKind::kExists:
    case BoundExprKind::kInSubquery:
    case BoundExprKind::kAggregate:
      return false;
    default: break;
  }
  for (const auto& child : expr.children) {
    if (!ColumnSpan(*child, lo, hi)) return false;
  }
  return true;
}

void ShiftColumns(BoundExpr* expr, int delta) {
  if (expr->kind == BoundExprKind::kColumn) expr->column_index += delta;
  for (auto& child : expr->children) ShiftColumns(child.get(), delta);
}

// REQUIRES: !conjuncts.empty()
BoundExprPtr AndOf(std::vector<BoundExprPtr> conjuncts) {
  if (conjuncts.size() == 1) return std::move(conjuncts[0]);
  auto node = std::make_unique<BoundExpr>();
  node->kind = BoundExprKind::kAnd;
  node->type = LogicalType::BigInt();
  node->children = std::move(conjuncts);
  return node;
}

LogicalOperatorPtr WrapFilter(LogicalOperatorPtr child, std::vector<BoundExprPtr> conjuncts) {
  if (conjuncts.empty()) return child;
  auto filter = std::make_unique<LogicalOperator>(LogicalOperatorType::kFilter);
  filter->output_types = child->output_types;
  filter->predicate = AndOf(std::move(conjuncts));
  filter->children.push_back(std::move(child));
  return filter;
}

LogicalOperatorPtr Push(LogicalOperatorPtr op, std::vector<BoundExprPtr> conjuncts);

LogicalOperatorPtr PushIntoJoin(LogicalOperatorPtr join, std::vector<BoundExprPtr> conjuncts) {
  int left_width = static_cast<int>(join->children[0]->output_types.size());
  std::vector<BoundExprPtr> left, right, keep;
  for (auto& conjunct : conjuncts) {
    int lo = INT32_MAX, hi = -1;
    if (!ColumnSpan(*conjunct, &lo, &hi) || hi < 0) {
      keep.push_back(std::move(conjunct));
    } else if (hi < left_width) {
      left.push_back(std::move(conjunct));
    } else if (lo >= left_width && join->join_type == ast::JoinType::kInner) {
      ShiftColumns(conjunct.get(), -left_width);
      right.push_back(std::move(conjunct));
    } else {
      keep.push_back(std::move(conjunct));
    }
  }
  // An inner join's own condition can be pushed the same way.
  if (join->join_type == ast::JoinType::kInner && join->condition) {
    std::vector<BoundExprPtr> parts;
    SplitConjuncts(std::move(join->condition), &parts);
    std::vector<BoundExprPtr> stay;
    for (auto& part : parts) {
      int lo = INT32_MAX, hi = -1;
      if (ColumnSpan(*part, &lo, &hi) && hi >= 0 && hi < left_width) {
        left.push_back(std::move(part));
      } else if (ColumnSpan(*part, &lo, &hi) && hi >= 0 && lo >= left_width) {
        ShiftColumns(part.get(), -left_width);
        right.push_back(std::move(part));
      } else {
        stay.push_back(std::move(part));
      }
    }
    if (!stay.empty()) join->condition = AndOf(std::move(stay));
  }
  join->children[0] = Push(std::move(join->children[0]), std::move(left));
  join->children[1] = Push(std::move(join->children[1]), std::move(right));
  return WrapFilter(std::move(join), std::move(keep));
}

LogicalOperatorPtr Push(LogicalOperatorPtr op, std::vector<BoundExprPtr> conjuncts) {
  switch (op->type) {
    case LogicalOperatorType::kFilter: {
      SplitConjuncts(std::move(op->predicate), &conjuncts);
      return Push(std::move(op->children[0]), std::move(conjuncts));
    }
    case LogicalOperatorType::kGet: {
      std::vector<BoundExprPtr> above;  // conjuncts with subqueries are evaluated above the read
      for (auto& conjunct : conjuncts) {
        int lo = INT32_MAX, hi = -1;
        if (ColumnSpan(*conjunct, &lo, &hi)) {
          op->filters.push_back(std::move(conjunct));
        } else {
          above.push_back(std::move(conjunct));
        }
      }
      return WrapFilter(std::move(op), std::move(above));
    }
    case LogicalOperatorType::kJoin: return PushIntoJoin(std::move(op), std::move(conjuncts));
    default:
      for (auto& child : op->children) child = Push(std::move(child), {});
      return WrapFilter(std::move(op), std::move(conjuncts));
  }
}

}  // namespace

LogicalOperatorPtr PushDownFilters(LogicalOperatorPtr plan) { return Push(std::move(plan), {}); }

}  // namespace vexdb

// Walks over bound queries (bound_statement.h): every expression node, or every nested query.
// One template serves both, so the two cannot disagree on where expressions and queries live.

#include "binder/bound_statement.h"

namespace vexdb {

namespace {

// Calls on_expr on every expression node and on_query on every query, the given one first.
template <typename OnExpr, typename OnQuery>
struct Walker {
  OnExpr on_expr;
  OnQuery on_query;

  void Query(BoundQuery& query) {
    on_query(query);
    if (query.left) Query(*query.left);
    if (query.right) Query(*query.right);
    TableRef(query.from.get());
    Expr(query.where.get());
    for (auto& key : query.group_keys) Expr(key.get());
    for (auto& aggregate : query.aggregates) Aggregate(aggregate.get());
    Expr(query.having.get());
    for (auto& item : query.projection) Expr(item.get());
    for (auto& item : query.order_by) Expr(item.expr.get());
  }

  void Expr(BoundExpr* expr) {
    if (expr == nullptr) return;
    on_expr(*expr);
    for (auto& child : expr->children) Expr(child.get());
    Aggregate(expr->aggregate.get());
    if (expr->subquery) Query(*expr->subquery);
  }

  void Aggregate(BoundAggregate* aggregate) {
    if (aggregate == nullptr) return;
    for (auto& arg : aggregate->args) Expr(arg.get());
    for (auto& [expr, descending] : aggregate->order_by) Expr(expr.get());
  }

  void TableRef(BoundTableRef* ref) {
    if (ref == nullptr) return;
    if (ref->derived) Query(*ref->derived);
    TableRef(ref->left.get());
    TableRef(ref->right.get());
    Expr(ref->condition.get());
  }
};

template <typename OnExpr, typename OnQuery>
void Walk(BoundQuery& query, OnExpr on_expr, OnQuery on_query) {
  Walker<OnExpr, OnQuery>{on_expr, on_query}.Query(query);
}

}  // namespace

void ForEachExpr(BoundQuery& query, const std::function<void(BoundExpr&)>& visit) {
  Walk(query, [&visit](BoundExpr& expr) { visit(expr); }, [](BoundQuery&) {});
}

void ForEachExpr(BoundExpr& expr, const std::function<void(BoundExpr&)>& visit) {
  auto on_expr = [&visit](BoundExpr& node) { visit(node); };
  auto on_query = [](BoundQuery&) {};
  Walker<decltype(on_expr), decltype(on_query)>{on_expr, on_query}.Expr(&expr);
}

bool LocksRows(const BoundQuery& query) {
  bool locks = false;
  // The walk only reads: the const_cast lets one walker serve both functions.
  Walk(const_cast<BoundQuery&>(query), [](BoundExpr&) {},
       [&locks](BoundQuery& q) { locks = locks || q.lock != ast::LockMode::kNone; });
  return locks;
}

}  // namespace vexdb

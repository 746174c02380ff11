// Binding of SELECT: FROM scope, WHERE, select list (with * expansion), GROUP BY / aggregates /
// HAVING, ORDER BY (aliases, positions, hidden columns), LIMIT, and set operations.

#include "binder/binder_internal.h"

namespace vexdb {

namespace {

bool IsPositionLiteral(const ast::Expr& expr, int64_t* position) {
  if (expr.type != ast::ExprType::kLiteral) return false;
  const auto& literal = expr.As<ast::LiteralExpr>();
  if (literal.kind != ast::LiteralKind::kInteger) return false;
  *position = std::strtoll(literal.text.c_str(), nullptr, 10);
  return true;
}

// The single-part name of a column reference, or "".
std::string SimpleName(const ast::Expr& expr) {
  if (expr.type != ast::ExprType::kColumnRef) return "";
  const auto& ref = expr.As<ast::ColumnRefExpr>();
  return ref.parts.size() == 1 ? ref.parts[0] : "";
}

bool ContainsAggregate(const BoundExpr& expr) {
  if (expr.kind == BoundExprKind::kAggregate) return true;
  for (const auto& child : expr.children) {
    if (ContainsAggregate(*child)) return true;
  }
  return false;
}

bool ScopeHasColumn(const Scope& scope, std::string_view name) {
  for (const auto& column : scope.columns) {
    if (NameEquals(column.name, name)) return true;
  }
  return false;
}

}  // namespace

Result<std::shared_ptr<BoundQuery>> Binder::Impl::BindQuery(const ast::SelectStmt& select,
                                                            const Scope* outer) {
  if (!select.with.empty()) return Status::Error(ErrorCode::kNotSupportedYet, "WITH (CTE)");
  if (select.set_op != ast::SetOp::kNone) return BindSetOperation(select, outer);
  return BindSimpleSelect(select, outer);
}

Result<std::shared_ptr<BoundQuery>> Binder::Impl::BindSimpleSelect(const ast::SelectStmt& select,
                                                                   const Scope* outer) {
  auto query = std::make_shared<BoundQuery>();
  Scope scope;
  scope.outer = outer;
  if (select.from) {
    VEXDB_ASSIGN_OR_RETURN(query->from, BindTableRef(*select.from, &scope));
  }
  allow_aggregates_ = false;
  if (select.where) {
    clause_ = Clause::kWhere;
    VEXDB_ASSIGN_OR_RETURN(query->where, BindExpr(*select.where, scope));
  }

  // Select list over the FROM row.
  clause_ = Clause::kFieldList;
  allow_aggregates_ = true;
  std::vector<BoundExprPtr> items;
  std::vector<std::string> names;
  std::vector<std::string> aliases;
  for (const auto& item : select.items) {
    if (item.expr->type == ast::ExprType::kStar) {
      const auto& star = item.expr->As<ast::StarExpr>();
      bool any = false;
      for (size_t i = 0; i < scope.columns.size(); ++i) {
        const ScopeColumn& column = scope.columns[i];
        if (column.hidden) continue;
        if (!star.qualifier.empty() && !NameEquals(star.qualifier.back(), column.table_alias)) {
          continue;
        }
        items.push_back(MakeColumn(static_cast<int>(i), column.type, column.name));
        names.push_back(column.name);
        aliases.push_back("");
        any = true;
      }
      if (!any) {
        if (star.qualifier.empty()) return Status::Internal("No tables used");
        return Status::Error(ErrorCode::kUnknownTableIn, star.qualifier.back(), "field list");
      }
      continue;
    }
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*item.expr, scope));
    std::string name = item.alias;
    if (name.empty() && item.expr->type == ast::ExprType::kColumnRef) {
      name = item.expr->As<ast::ColumnRefExpr>().parts.back();
    } else if (name.empty()) {
      name = item.text;
      PinText(item.text_location, item.text.size());  // the name holds the literals' text
    }
    items.push_back(std::move(bound));
    names.push_back(name);
    aliases.push_back(item.alias);
  }

  // GROUP BY: positions and select aliases allowed, as MySQL does.
  clause_ = Clause::kGroup;
  allow_aggregates_ = false;
  for (const auto& key : select.group_by) {
    int64_t position = 0;
    if (IsPositionLiteral(*key, &position)) {
      if (position < 1 || position > static_cast<int64_t>(items.size())) {
        return Status::Error(ErrorCode::kBadField, position, "group statement");
      }
      query->group_keys.push_back(items[position - 1]->Copy());
      continue;
    }
    std::string simple = SimpleName(*key);
    if (!simple.empty() && !ScopeHasColumn(scope, simple)) {
      bool matched = false;
      for (size_t i = 0; i < aliases.size(); ++i) {
        if (!aliases[i].empty() && NameEquals(aliases[i], simple)) {
          query->group_keys.push_back(items[i]->Copy());
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*key, scope));
    query->group_keys.push_back(std::move(bound));
  }
  if (select.with_rollup) return Status::Error(ErrorCode::kNotSupportedYet, "WITH ROLLUP");

  // HAVING may name select aliases.
  BoundExprPtr having;
  if (select.having) {
    clause_ = Clause::kHaving;
    allow_aggregates_ = true;
    std::vector<std::pair<std::string, const BoundExpr*>> alias_exprs;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!aliases[i].empty()) alias_exprs.emplace_back(aliases[i], items[i].get());
    }
    having_aliases_ = &alias_exprs;
    auto bound = BindExpr(*select.having, scope);
    having_aliases_ = nullptr;
    if (!bound.ok()) return bound.TakeStatus();
    having = std::move(bound).value();
  }

  query->aggregated = !query->group_keys.empty() || (having && ContainsAggregate(*having));
  for (const auto& item : items) query->aggregated |= ContainsAggregate(*item);

  // Result metadata comes from the pre-aggregation expressions (they know their columns).
  for (size_t i = 0; i < items.size(); ++i) {
    query->columns.push_back(ResultColumnFor(*items[i], scope, names[i]));
  }
  std::vector<BoundExprPtr> pre_aggregate_items;
  for (const auto& item : items) pre_aggregate_items.push_back(item->Copy());

  if (query->aggregated) {
    for (auto& item : items) {
      VEXDB_ASSIGN_OR_RETURN(item, RewriteAfterAggregation(std::move(item), query.get()));
    }
    if (having) {
      VEXDB_ASSIGN_OR_RETURN(having, RewriteAfterAggregation(std::move(having), query.get()));
    }
  }
  query->having = std::move(having);
  query->projection = std::move(items);
  query->visible_columns = static_cast<int>(query->projection.size());
  query->distinct = select.distinct;
  query->lock = select.lock;

  for (size_t i = 0; i < names.size(); ++i) scope.aliases.emplace_back(names[i], static_cast<int>(i));
  VEXDB_RETURN_IF_ERROR(BindOrderAndLimit(select, query.get(), &scope, &pre_aggregate_items));
  query->correlated = scope.uses_outer;
  clause_ = Clause::kFieldList;
  allow_aggregates_ = false;
  return query;
}

// ORDER BY items resolve, in order of preference, to a position, a select-list name, or an
// expression over the FROM row (added to the projection as a hidden column).
Status Binder::Impl::BindOrderAndLimit(const ast::SelectStmt& select, BoundQuery* query,
                                       Scope* scope,
                                       const std::vector<BoundExprPtr>* pre_aggregate_items) {
  clause_ = Clause::kOrder;
  for (const auto& item : select.order_by) {
    BoundOrderItem order;
    order.descending = item.descending;
    int64_t position = 0;
    std::string simple = SimpleName(*item.expr);
    if (IsPositionLiteral(*item.expr, &position)) {
      if (position < 1 || position > query->visible_columns) {
        return Status::Error(ErrorCode::kBadField, position, "order clause");
      }
      int index = static_cast<int>(position - 1);
      order.expr = MakeColumn(index, query->columns[index].type);
      query->order_by.push_back(std::move(order));
      continue;
    }
    int alias_index = -1;
    if (!simple.empty()) {
      for (const auto& [name, index] : scope->aliases) {
        if (!NameEquals(name, simple)) continue;
        // Two select items of that name are ambiguous unless they are the same expression.
        bool same = alias_index < 0 || alias_index == index ||
                    (pre_aggregate_items != nullptr &&
                     Same(*(*pre_aggregate_items)[alias_index], *(*pre_aggregate_items)[index]));
        if (!same) return Status::Error(ErrorCode::kNonUniq, simple, "order clause");
        if (alias_index < 0) alias_index = index;
      }
    }
    if (alias_index >= 0) {
      order.expr = MakeColumn(alias_index, query->columns[alias_index].type);
      query->order_by.push_back(std::move(order));
      continue;
    }
    if (pre_aggregate_items == nullptr) {
      return Status::Error(ErrorCode::kBadField, simple.empty() ? "?" : simple, "order clause");
    }
    allow_aggregates_ = true;
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*item.expr, *scope));
    allow_aggregates_ = false;
    int match = -1;
    for (int i = 0; i < query->visible_columns; ++i) {
      if (Same(*(*pre_aggregate_items)[i], *bound)) match = i;
    }
    if (match >= 0) {
      order.expr = MakeColumn(match, query->columns[match].type);
      query->order_by.push_back(std::move(order));
      continue;
    }
    if (query->aggregated) {
      VEXDB_ASSIGN_OR_RETURN(bound, RewriteAfterAggregation(std::move(bound), query));
    } else if (bound->kind == BoundExprKind::kAggregate || ContainsAggregate(*bound)) {
      return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    }
    LogicalType type = bound->type;
    query->projection.push_back(std::move(bound));
    order.expr = MakeColumn(static_cast<int>(query->projection.size()) - 1, type);
    query->order_by.push_back(std::move(order));
  }
  VEXDB_ASSIGN_OR_RETURN(query->limit, BindLimitValue(select.limit.get()));
  VEXDB_ASSIGN_OR_RETURN(auto offset, BindLimitValue(select.offset.get()));
  query->offset = offset.value_or(0);
  return Status::OK();
}

Result<std::optional<uint64_t>> Binder::Impl::BindLimitValue(const ast::Expr* expr) {
  if (expr == nullptr) return std::optional<uint64_t>();
  Scope empty;
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*expr, empty));
  PinLiteral(*bound);
  const Value& v = bound->constant;
  if (bound->kind != BoundExprKind::kConstant) {
    return Status::Error(ErrorCode::kParseError, 1, expr->location, "LIMIT");
  }
  if (v.kind() == ValueKind::kInt && v.int_value() >= 0) {
    return std::optional<uint64_t>(static_cast<uint64_t>(v.int_value()));
  }
  if (v.kind() == ValueKind::kUInt) return std::optional<uint64_t>(v.uint_value());
  return Status::Error(ErrorCode::kWrongTypeForVar, "LIMIT");
}

Result<BoundExprPtr> Binder::Impl::RewriteAfterAggregation(BoundExprPtr expr, BoundQuery* query) {
  int key_count = static_cast<int>(query->group_keys.size());
  if (expr->kind == BoundExprKind::kAggregate) {
    LogicalType type = expr->type;
    for (size_t i = 0; i < query->aggregates.size(); ++i) {
      if (SameAggregate(*expr->aggregate, *query->aggregates[i])) {
        return MakeColumn(key_count + static_cast<int>(i), type);
      }
    }
    query->aggregates.push_back(std::move(expr->aggregate));
    return MakeColumn(key_count + static_cast<int>(query->aggregates.size()) - 1, type);
  }
  for (int i = 0; i < key_count; ++i) {
    if (Same(*expr, *query->group_keys[i])) return MakeColumn(i, expr->type, expr->name);
  }
  if (expr->kind == BoundExprKind::kColumn) {
    // Not functionally checked (as with ONLY_FULL_GROUP_BY off): the group's first value.
    auto aggregate = std::make_unique<BoundAggregate>();
    aggregate->function = FindAggregateFunction("any_value");
    aggregate->type = expr->type;
    aggregate->args.push_back(std::move(expr));
    LogicalType type = aggregate->type;
    query->aggregates.push_back(std::move(aggregate));
    return MakeColumn(key_count + static_cast<int>(query->aggregates.size()) - 1, type);
  }
  for (auto& child : expr->children) {
    VEXDB_ASSIGN_OR_RETURN(child, RewriteAfterAggregation(std::move(child), query));
  }
  return expr;
}

Result<std::shared_ptr<BoundQuery>> Binder::Impl::BindSetOperation(const ast::SelectStmt& select,
                                                                   const Scope* outer) {
  auto query = std::make_shared<BoundQuery>();
  query->set_op = select.set_op;
  VEXDB_ASSIGN_OR_RETURN(query->left, BindQuery(*select.left, outer));
  VEXDB_ASSIGN_OR_RETURN(query->right, BindQuery(*select.right, outer));
  if (query->left->columns.size() != query->right->columns.size()) {
    return Status::Error(ErrorCode::kWrongNumberOfColumnsInSelect);
  }
  query->columns = query->left->columns;
  for (size_t i = 0; i < query->columns.size(); ++i) {
    ResultColumn& column = query->columns[i];
    column.type = UnifyTypes(column.type, query->right->columns[i].type);
    column.schema.clear();
    column.table.clear();
    column.org_table.clear();
    column.org_name.clear();
    column.not_null = column.not_null && query->right->columns[i].not_null;
    column.primary_key = column.unique_key = column.multiple_key = column.auto_increment = false;
  }
  query->visible_columns = static_cast<int>(query->columns.size());
  for (int i = 0; i < query->visible_columns; ++i) {
    query->projection.push_back(MakeColumn(i, query->columns[i].type));
  }
  query->correlated = query->left->correlated || query->right->correlated;
  Scope scope;
  for (int i = 0; i < query->visible_columns; ++i) {
    scope.aliases.emplace_back(query->columns[i].name, i);
  }
  VEXDB_RETURN_IF_ERROR(BindOrderAndLimit(select, query.get(), &scope, nullptr));
  return query;
}

}  // namespace vexdb

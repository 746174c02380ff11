// Binding of INSERT, UPDATE and DELETE: target table, column lists, value expressions,
// ON DUPLICATE KEY UPDATE, and the row source (WHERE / ORDER BY / LIMIT) of UPDATE and DELETE.

#include "binder/binder_internal.h"

namespace vexdb {

namespace {

bool IsDefault(const ast::Expr& expr) {
  return expr.type == ast::ExprType::kDefault && expr.As<ast::DefaultExpr>().column.empty();
}

}  // namespace

Result<std::vector<int>> Binder::Impl::BindInsertColumns(const TableInfo& table,
                                                         const std::vector<std::string>& names) {
  std::vector<int> targets;
  if (names.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) targets.push_back(static_cast<int>(i));
    return targets;
  }
  std::vector<bool> seen(table.columns.size(), false);
  for (const std::string& name : names) {
    int index = table.ColumnIndex(name);
    if (index < 0) return Status::Error(ErrorCode::kBadField, name, "field list");
    if (seen[index]) return Status::Error(ErrorCode::kFieldSpecifiedTwice, name);
    seen[index] = true;
    targets.push_back(index);
  }
  return targets;
}

Result<BoundInsert> Binder::Impl::BindInsert(const ast::InsertStatement& insert) {
  BoundInsert bound;
  VEXDB_ASSIGN_OR_RETURN(bound.table, ResolveTable(insert.database, insert.table));
  if (bound.table->is_view) {
    return Status::Error(ErrorCode::kNotSupportedYet, "INSERT into a view");
  }
  const TableInfo& table = *bound.table;
  bound.replace = insert.replace;
  bound.ignore = insert.ignore;
  clause_ = Clause::kValues;
  allow_aggregates_ = false;
  Scope empty;

  std::vector<std::string> names = insert.columns;
  std::vector<const ast::ExprList*> value_rows;
  ast::ExprList set_values;
  if (!insert.set_list.empty()) {
    names.clear();
    for (const auto& assignment : insert.set_list) {
      names.push_back(assignment.column.back());
    }
  }
  VEXDB_ASSIGN_OR_RETURN(std::vector<int> targets, BindInsertColumns(table, names));

  if (insert.select) {
    VEXDB_ASSIGN_OR_RETURN(bound.select, BindQuery(*insert.select, nullptr));
    if (bound.select->columns.size() != targets.size()) {
      return Status::Error(ErrorCode::kWrongValueCount, 1);
    }
    bound.select_targets = targets;
  } else if (!insert.set_list.empty()) {
    std::vector<BoundExprPtr> row(table.columns.size());
    for (size_t i = 0; i < insert.set_list.size(); ++i) {
      const ast::Expr& value = *insert.set_list[i].value;
      if (IsDefault(value)) continue;
      VEXDB_ASSIGN_OR_RETURN(row[targets[i]], BindExpr(value, empty));
    }
    bound.rows.push_back(std::move(row));
  } else {
    int64_t row_number = 0;
    for (const ast::ExprList& values : insert.values) {
      ++row_number;
      bool all_defaults = values.empty() && insert.columns.empty();
      if (!all_defaults && values.size() != targets.size()) {
        return Status::Error(ErrorCode::kWrongValueCount, row_number);
      }
      std::vector<BoundExprPtr> row(table.columns.size());
      for (size_t i = 0; i < values.size(); ++i) {
        if (IsDefault(*values[i])) continue;
        VEXDB_ASSIGN_OR_RETURN(row[targets[i]], BindExpr(*values[i], empty));
      }
      bound.rows.push_back(std::move(row));
    }
  }

  if (!insert.on_duplicate.empty()) {
    // Scope: the existing row's columns, then the inserted row's (under the row alias).
    Scope scope;
    AppendTableColumns(table, table.name, &scope);
    size_t table_columns = scope.columns.size();
    AppendTableColumns(table, insert.row_alias.empty() ? "\x01" : insert.row_alias, &scope);
    for (size_t i = table_columns; i < scope.columns.size(); ++i) {
      if (!insert.row_alias_columns.empty() && i - table_columns < insert.row_alias_columns.size()) {
        scope.columns[i].name = insert.row_alias_columns[i - table_columns];
      }
      if (insert.row_alias.empty()) scope.columns[i].hidden = true;
    }
    clause_ = Clause::kSet;
    values_function_offset_ = static_cast<int>(table_columns);
    for (const auto& assignment : insert.on_duplicate) {
      int column = table.ColumnIndex(assignment.column.back());
      if (column < 0) {
        values_function_offset_ = -1;
        return Status::Error(ErrorCode::kBadField, assignment.column.back(), "field list");
      }
      BoundExprPtr value;
      if (!IsDefault(*assignment.value)) {
        auto bound_value = BindExpr(*assignment.value, scope);
        if (!bound_value.ok()) {
          values_function_offset_ = -1;
          return bound_value.TakeStatus();
        }
        value = std::move(bound_value).value();
      }
      bound.on_duplicate.emplace_back(column, std::move(value));
    }
    values_function_offset_ = -1;
  }
  return bound;
}

Result<std::vector<BoundOrderItem>> Binder::Impl::BindDmlOrder(
    const std::vector<ast::OrderItem>& items, const Scope& scope) {
  std::vector<BoundOrderItem> order;
  clause_ = Clause::kOrder;
  for (const auto& item : items) {
    BoundOrderItem bound;
    VEXDB_ASSIGN_OR_RETURN(bound.expr, BindExpr(*item.expr, scope));
    bound.descending = item.descending;
    order.push_back(std::move(bound));
  }
  return order;
}

Result<BoundUpdate> Binder::Impl::BindUpdate(const ast::UpdateStatement& update) {
  if (update.table->kind != ast::TableRef::Kind::kBase) {
    return Status::Error(ErrorCode::kNotSupportedYet, "multi-table UPDATE");
  }
  BoundUpdate bound;
  Scope scope;
  VEXDB_ASSIGN_OR_RETURN(bound.from, BindTableRef(*update.table, &scope));
  if (bound.from->kind != BoundTableRef::Kind::kBase) {
    return Status::Error(ErrorCode::kNotSupportedYet, "UPDATE of a view or virtual table");
  }
  bound.table = bound.from->table;
  bound.ignore = update.ignore;
  allow_aggregates_ = false;
  clause_ = Clause::kFieldList;
  for (const auto& assignment : update.set) {
    ast::ColumnRefExpr target;
    target.parts = assignment.column;
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr column, BindColumnRef(target, scope));
    BoundExprPtr value;
    if (!IsDefault(*assignment.value)) {
      VEXDB_ASSIGN_OR_RETURN(value, BindExpr(*assignment.value, scope));
    }
    bound.assignments.emplace_back(column->column_index, std::move(value));
  }
  if (update.where) {
    clause_ = Clause::kWhere;
    VEXDB_ASSIGN_OR_RETURN(bound.where, BindExpr(*update.where, scope));
  }
  VEXDB_ASSIGN_OR_RETURN(bound.order_by, BindDmlOrder(update.order_by, scope));
  VEXDB_ASSIGN_OR_RETURN(bound.limit, BindLimitValue(update.limit.get()));
  return bound;
}

Result<BoundDelete> Binder::Impl::BindDelete(const ast::DeleteStatement& del) {
  if (del.from != nullptr || !del.targets.empty()) {
    return Status::Error(ErrorCode::kNotSupportedYet, "multi-table DELETE");
  }
  BoundDelete bound;
  Scope scope;
  ast::TableRef ref;
  ref.database = del.database;
  ref.name = del.table;
  ref.alias = del.alias;
  VEXDB_ASSIGN_OR_RETURN(bound.from, BindTableRef(ref, &scope));
  if (bound.from->kind != BoundTableRef::Kind::kBase) {
    return Status::Error(ErrorCode::kNotSupportedYet, "DELETE from a view or virtual table");
  }
  bound.table = bound.from->table;
  allow_aggregates_ = false;
  if (del.where) {
    clause_ = Clause::kWhere;
    VEXDB_ASSIGN_OR_RETURN(bound.where, BindExpr(*del.where, scope));
  }
  VEXDB_ASSIGN_OR_RETURN(bound.order_by, BindDmlOrder(del.order_by, scope));
  VEXDB_ASSIGN_OR_RETURN(bound.limit, BindLimitValue(del.limit.get()));
  return bound;
}

}  // namespace vexdb

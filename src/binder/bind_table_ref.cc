// Binding of FROM items: base tables (and views and virtual tables), derived tables, joins.

#include <utility>

#include "binder/binder_internal.h"
#include "parser/parser.h"

namespace vexdb {

namespace {

void AppendResultColumns(const std::vector<ResultColumn>& columns, std::string_view alias,
                         const std::vector<std::string>& renames, Scope* scope) {
  for (size_t i = 0; i < columns.size(); ++i) {
    ScopeColumn column;
    column.table_alias = std::string(alias);
    column.name = i < renames.size() ? renames[i] : columns[i].name;
    column.type = columns[i].type;
    column.not_null = columns[i].not_null;
    column.database = columns[i].schema;
    column.org_table = columns[i].org_table;
    scope->columns.push_back(std::move(column));
  }
}

}  // namespace

void AppendTableColumns(const TableInfo& table, std::string_view alias, Scope* scope) {
  const IndexInfo* primary = table.PrimaryKey();
  for (const ColumnInfo& info : table.columns) {
    ScopeColumn column;
    column.table_alias = std::string(alias);
    column.database = table.database;
    column.org_table = table.name;
    column.name = info.name;
    column.type = info.type;
    column.not_null = !info.nullable;
    column.auto_increment = info.auto_increment;
    for (const IndexInfo& index : table.indexes) {
      if (index.columns.empty() || !NameEquals(index.columns[0].column, info.name)) continue;
      if (&index == primary) {
        column.primary_key = true;
      } else if (index.unique && index.columns.size() == 1) {
        column.unique_key = true;
      } else {
        column.multiple_key = true;
      }
    }
    if (primary != nullptr) {
      for (const IndexColumn& part : primary->columns) {
        if (NameEquals(part.column, info.name)) column.primary_key = true;
      }
    }
    scope->columns.push_back(std::move(column));
  }
}

Result<std::unique_ptr<BoundTableRef>> Binder::Impl::BindTableRef(const ast::TableRef& ref,
                                                                  Scope* scope) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kBase: return BindBaseTable(ref, scope);
    case ast::TableRef::Kind::kSubquery: return BindDerived(ref, scope);
    case ast::TableRef::Kind::kJoin: return BindJoin(ref, scope);
  }
  return Status::Internal("unknown table reference");
}

Result<std::unique_ptr<BoundTableRef>> Binder::Impl::BindBaseTable(const ast::TableRef& ref,
                                                                   Scope* scope) {
  auto bound = std::make_unique<BoundTableRef>();
  bound->alias = ref.alias.empty() ? ref.name : ref.alias;
  for (const ScopeColumn& column : scope->columns) {
    if (NameEquals(column.table_alias, bound->alias)) {
      return Status::Error(ErrorCode::kNonUniqTable, bound->alias);
    }
  }
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(ref.database));
  std::vector<ResultColumn> system_columns;
  if (options_.system_tables != nullptr &&
      options_.system_tables->Resolve(database, ref.name, &system_columns)) {
    bound->kind = BoundTableRef::Kind::kSystem;
    bound->system_database = database;
    bound->system_table = ref.name;
    bound->system_columns = system_columns;
    bound->column_count = static_cast<int>(system_columns.size());
    AppendResultColumns(system_columns, bound->alias, {}, scope);
    return bound;
  }
  VEXDB_ASSIGN_OR_RETURN(TableRef table, ResolveTable(database, ref.name));
  if (table->is_view) {
    VEXDB_ASSIGN_OR_RETURN(bound->derived, BindView(*table));
    bound->kind = BoundTableRef::Kind::kDerived;
    bound->column_count = static_cast<int>(bound->derived->columns.size());
    std::vector<std::string> names;
    for (const ColumnInfo& column : table->columns) names.push_back(column.name);
    AppendResultColumns(bound->derived->columns, bound->alias, names, scope);
    return bound;
  }
  bound->table = table;
  bound->column_count = static_cast<int>(table->columns.size());
  AppendTableColumns(*table, bound->alias, scope);
  return bound;
}

// A view's SELECT names tables relative to the view's database, whatever the current one is.
Result<std::shared_ptr<BoundQuery>> Binder::Impl::BindView(const TableInfo& view) {
  VEXDB_ASSIGN_OR_RETURN(ast::StatementPtr statement, ParseStatement(view.view_sql));
  if (statement->type != ast::StatementType::kSelect) {
    return Status::Internal("view definition is not a SELECT");
  }
  std::string saved_database = std::exchange(options_.current_database, view.database);
  bool saved_tagging = std::exchange(tag_literals_, false);  // not the statement's literals
  auto query = BindQuery(*statement->As<ast::SelectStatement>().select, nullptr);
  tag_literals_ = saved_tagging;
  options_.current_database = std::move(saved_database);
  return query;
}

Result<std::unique_ptr<BoundTableRef>> Binder::Impl::BindDerived(const ast::TableRef& ref,
                                                                 Scope* scope) {
  if (ref.alias.empty()) return Status::Error(ErrorCode::kDerivedMustHaveAlias);
  Clause saved_clause = clause_;
  bool saved_aggregates = allow_aggregates_;
  auto query = BindQuery(*ref.subquery, scope->outer);
  clause_ = saved_clause;
  allow_aggregates_ = saved_aggregates;
  if (!query.ok()) return query.TakeStatus();
  auto bound = std::make_unique<BoundTableRef>();
  bound->kind = BoundTableRef::Kind::kDerived;
  bound->alias = ref.alias;
  bound->derived = std::move(query).value();
  bound->column_count = static_cast<int>(bound->derived->columns.size());
  if (!ref.column_aliases.empty() &&
      ref.column_aliases.size() != static_cast<size_t>(bound->column_count)) {
    return Status::Error(ErrorCode::kWrongNumberOfColumnsInSelect);
  }
  std::vector<ResultColumn> columns = bound->derived->columns;
  for (auto& column : columns) {  // derived columns report the derived table, as MySQL does
    column.org_table = ref.alias;
  }
  AppendResultColumns(columns, bound->alias, ref.column_aliases, scope);
  return bound;
}

Result<std::unique_ptr<BoundTableRef>> Binder::Impl::BindJoin(const ast::TableRef& ref,
                                                              Scope* scope) {
  if (ref.join_type == ast::JoinType::kRight) {
    return Status::Error(ErrorCode::kNotSupportedYet, "RIGHT JOIN");
  }
  auto bound = std::make_unique<BoundTableRef>();
  bound->kind = BoundTableRef::Kind::kJoin;
  bound->join_type = ref.join_type;
  size_t left_start = scope->columns.size();
  VEXDB_ASSIGN_OR_RETURN(bound->left, BindTableRef(*ref.left, scope));
  size_t right_start = scope->columns.size();
  VEXDB_ASSIGN_OR_RETURN(bound->right, BindTableRef(*ref.right, scope));
  size_t right_end = scope->columns.size();
  bound->column_count = bound->left->column_count + bound->right->column_count;

  // Column positions in the join's own row start at 0.
  Scope local;
  local.outer = scope->outer;
  local.columns.assign(scope->columns.begin() + left_start, scope->columns.end());

  std::vector<std::string> using_columns = ref.using_columns;
  if (ref.natural) {
    for (size_t r = right_start; r < right_end; ++r) {
      for (size_t l = left_start; l < right_start; ++l) {
        if (NameEquals(scope->columns[l].name, scope->columns[r].name)) {
          using_columns.push_back(scope->columns[r].name);
        }
      }
    }
  }
  clause_ = Clause::kOn;
  std::vector<BoundExprPtr> conditions;
  for (const std::string& name : using_columns) {
    int l = -1, r = -1;
    for (size_t i = left_start; i < right_start; ++i) {
      if (NameEquals(scope->columns[i].name, name) && !scope->columns[i].hidden) l = static_cast<int>(i);
    }
    for (size_t i = right_start; i < right_end; ++i) {
      if (NameEquals(scope->columns[i].name, name)) r = static_cast<int>(i);
    }
    if (l < 0 || r < 0) return Status::Error(ErrorCode::kBadField, name, "from clause");
    auto eq = std::make_unique<BoundExpr>();
    eq->kind = BoundExprKind::kCompare;
    eq->type = LogicalType::BigInt();
    eq->compare = CompareOp::kEq;
    eq->children.push_back(MakeColumn(l - static_cast<int>(left_start), scope->columns[l].type));
    eq->children.push_back(MakeColumn(r - static_cast<int>(left_start), scope->columns[r].type));
    conditions.push_back(std::move(eq));
    scope->columns[r].hidden = true;
  }
  if (ref.on) {
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr on, BindExpr(*ref.on, local));
    conditions.push_back(std::move(on));
  }
  if (local.uses_outer) scope->uses_outer = true;
  if (!conditions.empty()) {
    if (conditions.size() == 1) {
      bound->condition = std::move(conditions[0]);
    } else {
      bound->condition = std::make_unique<BoundExpr>();
      bound->condition->kind = BoundExprKind::kAnd;
      bound->condition->type = LogicalType::BigInt();
      bound->condition->children = std::move(conditions);
    }
  }
  return bound;
}

}  // namespace vexdb

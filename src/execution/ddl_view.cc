// CREATE [OR REPLACE] VIEW. A view is stored as a TableInfo with is_view, its SELECT text and
// its columns. The binder binds view_sql where the view is used; the stored columns (names,
// types, nullability, learned by binding the SELECT here in the view's database) serve
// DESCRIBE, SHOW COLUMNS and information_schema.COLUMNS, and an explicit column list renames
// the SELECT's columns.

#include "binder/binder.h"
#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

Result<std::vector<ColumnInfo>> ViewColumns(const ast::CreateViewStatement& create,
                                            std::string_view database,
                                            const DdlContext& context) {
  BinderOptions options;
  options.current_database = std::string(database);
  options.system_tables = context.system_tables;
  options.variables = context.variables;
  Binder binder(context.catalog, std::move(options));
  VEXDB_ASSIGN_OR_RETURN(std::shared_ptr<BoundQuery> query, binder.BindQuery(*create.select));
  if (!create.columns.empty() && create.columns.size() != query->columns.size()) {
    return Status::Error(ErrorCode::kViewWrongList);
  }
  std::vector<ColumnInfo> columns;
  for (size_t i = 0; i < query->columns.size(); ++i) {
    const ResultColumn& result = query->columns[i];
    ColumnInfo column;
    column.name = create.columns.empty() ? result.name : create.columns[i];
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(column.name, ErrorCode::kWrongColumnName));
    column.type = result.type;
    column.nullable = !result.not_null;
    columns.push_back(std::move(column));
  }
  return columns;
}

}  // namespace

Result<QueryResult> CreateView(const ast::CreateViewStatement& create, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(create.database, context));
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(create.name, ErrorCode::kWrongTableName));
  TableInfo view;
  view.database = database;
  view.name = create.name;
  view.is_view = true;
  view.view_sql = create.select_text;
  VEXDB_ASSIGN_OR_RETURN(view.columns, ViewColumns(create, database, context));
  TableRef existing = context.catalog.GetTable(database, create.name);
  if (existing == nullptr) {
    VEXDB_RETURN_IF_ERROR(context.catalog.CreateTable(std::move(view)).status());
    return OkResult();
  }
  if (!create.or_replace) return Status::Error(ErrorCode::kTableExists, create.name);
  if (!existing->is_view) {
    return Status::Error(ErrorCode::kWrongObject, database, existing->name, "VIEW");
  }
  view.name = existing->name;
  view.create_time = existing->create_time;
  VEXDB_RETURN_IF_ERROR(
      context.catalog.ReplaceTable(database, existing->name, std::move(view)).status());
  return OkResult();
}

}  // namespace vexdb::ddl_internal

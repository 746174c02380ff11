// CREATE [OR REPLACE] VIEW. A view is stored as a TableInfo with is_view and its SELECT text;
// the binder binds view_sql where the view is used, so the columns are learned there. An
// explicit column list is kept as the view's column names (types unset; the binder takes the
// types from the SELECT).

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

Result<QueryResult> CreateView(const ast::CreateViewStatement& create, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(create.database, context));
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(create.name, ErrorCode::kWrongTableName));
  TableInfo view;
  view.database = database;
  view.name = create.name;
  view.is_view = true;
  view.view_sql = create.select_text;
  for (const std::string& name : create.columns) {
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(name, ErrorCode::kWrongColumnName));
    ColumnInfo column;
    column.name = name;
    view.columns.push_back(std::move(column));
  }
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

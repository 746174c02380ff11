// CREATE DATABASE / DROP DATABASE (SCHEMA is a synonym). CREATE reports one affected row and
// DROP the number of tables it dropped, as MySQL does. The virtual schemas
// (information_schema, performance_schema) cannot be created or dropped.

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

bool IsVirtualSchema(std::string_view name) {
  return NameEquals(name, "information_schema") || NameEquals(name, "performance_schema") ||
         NameEquals(name, "metrics_schema");
}

}  // namespace

Result<QueryResult> CreateDatabase(const ast::CreateDatabaseStatement& create,
                                   DdlContext& context) {
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(create.name, ErrorCode::kWrongDbName));
  if (IsVirtualSchema(create.name) || context.catalog.GetDatabase(create.name)) {
    Status exists = Status::Error(ErrorCode::kDbCreateExists, create.name);
    if (create.if_not_exists) return NoteResult({exists});
    return exists;
  }
  VEXDB_ASSIGN_OR_RETURN(Charset charset, ResolveCharset(create.charset, create.collation,
                                                         Charset{"utf8mb4", "utf8mb4_bin"}));
  DatabaseInfo info;
  info.name = create.name;
  info.charset = charset.charset;
  info.collation = charset.collation;
  VEXDB_RETURN_IF_ERROR(context.catalog.CreateDatabase(info));
  return OkResult(/*affected_rows=*/1);
}

Result<QueryResult> DropDatabase(const ast::DropDatabaseStatement& drop, DdlContext& context) {
  if (IsVirtualSchema(drop.name)) {
    return Status::Error(ErrorCode::kDbAccessDenied, "root", "%", drop.name);
  }
  if (!context.catalog.GetDatabase(drop.name)) {
    Status missing = Status::Error(ErrorCode::kDbDropExists, drop.name);
    if (drop.if_exists) return NoteResult({missing});
    return missing;
  }
  uint64_t tables = 0;
  for (const TableRef& table : context.catalog.ListTables(drop.name)) {
    if (!table->is_view) ++tables;
  }
  VEXDB_RETURN_IF_ERROR(context.catalog.DropDatabase(drop.name));
  return OkResult(tables);
}

}  // namespace vexdb::ddl_internal

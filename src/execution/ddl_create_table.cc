// CREATE TABLE: builds the TableInfo (columns, then keys in declaration order with the primary
// key first, then foreign keys, which may need the keys declared after them), validates it as
// MySQL does and hands it to Catalog::CreateTable. Also CREATE TABLE ... LIKE (a copy of the
// definition without foreign keys, as MySQL makes it). CREATE TEMPORARY TABLE and CREATE TABLE
// ... SELECT are not supported yet (1235). CHECK constraints are parsed and not stored.

#include <algorithm>

#include "execution/ddl_internal.h"

namespace vexdb {

using namespace ddl_internal;  // NOLINT: the ddl_* files form one unit

namespace {

Status AddColumns(const ast::CreateTableStatement& create, TableInfo* table,
                  std::set<std::string>* explicit_null) {
  for (const ast::ColumnDef& def : create.columns) {
    VEXDB_ASSIGN_OR_RETURN(ColumnInfo column, BuildColumn(def, create.text, table->collation));
    if (table->ColumnIndex(column.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldName, column.name);
    }
    if (def.nullable.value_or(false)) explicit_null->insert(FoldName(column.name));
    table->columns.push_back(std::move(column));
  }
  return Status::OK();
}

bool IsKey(ast::ConstraintKind kind) {
  return kind != ast::ConstraintKind::kForeignKey && kind != ast::ConstraintKind::kCheck;
}

Status AddKeys(const ast::CreateTableStatement& create, TableInfo* table) {
  for (const ast::ColumnDef& def : create.columns) {
    if (def.primary_key) {
      VEXDB_RETURN_IF_ERROR(
          AddKeyConstraint(InlineKey(ast::ConstraintKind::kPrimaryKey, def.name), table));
    }
    if (def.unique) {
      VEXDB_RETURN_IF_ERROR(
          AddKeyConstraint(InlineKey(ast::ConstraintKind::kUnique, def.name), table));
    }
  }
  for (const ast::ConstraintDef& def : create.constraints) {
    if (IsKey(def.kind)) VEXDB_RETURN_IF_ERROR(AddKeyConstraint(def, table));
  }
  return Status::OK();
}

Status AddForeignKeys(const ast::CreateTableStatement& create, const DdlContext& context,
                      TableInfo* table) {
  for (const ast::ConstraintDef& def : create.constraints) {
    if (def.kind == ast::ConstraintKind::kForeignKey) {
      VEXDB_RETURN_IF_ERROR(AddForeignKey(def, context, table));
    }
  }
  return Status::OK();
}

Result<TableInfo> CopyTableInfo(const ast::CreateTableStatement& create, const DdlContext& context,
                                const std::string& database) {
  VEXDB_ASSIGN_OR_RETURN(std::string source_db, ResolveDatabase(create.like_database, context));
  TableRef source = context.catalog.GetTable(source_db, create.like_table);
  if (source == nullptr) {
    return Status::Error(ErrorCode::kNoSuchTable, source_db, create.like_table);
  }
  if (source->is_view) {
    return Status::Error(ErrorCode::kWrongObject, source_db, source->name, "BASE TABLE");
  }
  TableInfo info = *source;
  info.id = 0;
  info.database = database;
  info.name = create.table;
  info.foreign_keys.clear();
  info.create_time = 0;
  return info;
}

}  // namespace

Result<TableInfo> BuildTableInfo(const ast::CreateTableStatement& create, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(create.database, context));
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(create.table, ErrorCode::kWrongTableName));
  std::optional<DatabaseInfo> db = context.catalog.GetDatabase(database);
  TableInfo table;
  table.database = database;
  table.name = create.table;
  table.comment = create.options.comment;
  VEXDB_ASSIGN_OR_RETURN(Charset charset,
                         ResolveCharset(create.options.charset, create.options.collation,
                                        Charset{db->charset, db->collation}));
  table.charset = charset.charset;
  table.collation = charset.collation;
  std::set<std::string> explicit_null;
  VEXDB_RETURN_IF_ERROR(AddColumns(create, &table, &explicit_null));
  VEXDB_RETURN_IF_ERROR(AddKeys(create, &table));
  VEXDB_RETURN_IF_ERROR(FinishColumns(explicit_null, &table));
  VEXDB_RETURN_IF_ERROR(AddForeignKeys(create, context, &table));
  return table;
}

namespace ddl_internal {

Result<QueryResult> CreateTable(const ast::CreateTableStatement& create, DdlContext& context) {
  if (create.temporary) {
    return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TEMPORARY TABLE");
  }
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(create.database, context));
  if (context.catalog.GetTable(database, create.table) != nullptr) {
    Status exists = Status::Error(ErrorCode::kTableExists, create.table);
    if (create.if_not_exists) return NoteResult({exists});
    return exists;
  }
  if (create.as_select != nullptr) {
    return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TABLE ... SELECT");
  }
  TableInfo info;
  if (!create.like_table.empty()) {
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(create.table, ErrorCode::kWrongTableName));
    VEXDB_ASSIGN_OR_RETURN(info, CopyTableInfo(create, context, database));
  } else {
    VEXDB_ASSIGN_OR_RETURN(info, BuildTableInfo(create, context));
  }
  // As TiDB: a table created with a vector index gets a TiFlash replica to hold it.
  bool has_vector_index = std::any_of(info.indexes.begin(), info.indexes.end(),
                                      [](const IndexInfo& i) { return i.kind == IndexKind::kHnsw; });
  if (has_vector_index && info.tiflash_replica == 0) info.tiflash_replica = 1;
  VEXDB_ASSIGN_OR_RETURN(TableRef created, context.catalog.CreateTable(std::move(info)));
  const std::optional<int64_t>& start = create.options.auto_increment;
  if (start && *start > 1) {
    VEXDB_RETURN_IF_ERROR(context.storage.RebaseIds(created->AutoIncrementCounter(), *start - 1));
  }
  return OkResult();
}

}  // namespace ddl_internal

}  // namespace vexdb

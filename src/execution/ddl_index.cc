// CREATE [UNIQUE|FULLTEXT|VECTOR] INDEX and DROP INDEX. A new B-tree index is filled from the
// existing rows in one transaction; a unique violation fails the statement with 1062 and leaves
// no index behind. Vector (HNSW) indexes are built by src/vector/ from the table, not here.

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

Status DropIndexFromTable(const DdlContext& context, std::string_view name, TableInfo* table) {
  const IndexInfo* index = table->FindIndex(name);
  if (index == nullptr) return Status::Error(ErrorCode::kCantDropFieldOrKey, name);
  VEXDB_RETURN_IF_ERROR(CheckIndexNotNeededByForeignKey(context, *table, *index));
  table->indexes.erase(table->indexes.begin() + (index - table->indexes.data()));
  return Status::OK();
}

Result<QueryResult> CreateIndex(const ast::CreateIndexStatement& create, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(create.database, context));
  VEXDB_ASSIGN_OR_RETURN(TableRef table, GetBaseTable(context, database, create.table));
  const std::string& name = create.index.name;
  if (!name.empty() && table->FindIndex(name) != nullptr) {
    Status exists = Status::Error(ErrorCode::kDupKeyName, name);
    if (create.if_not_exists) return NoteResult({exists});
    return exists;
  }
  TableInfo next = *table;
  VEXDB_RETURN_IF_ERROR(AddKeyConstraint(create.index, &next));
  VEXDB_RETURN_IF_ERROR(ApplyDefinition(context, table, std::move(next)).status());
  return OkResult();
}

Result<QueryResult> DropIndex(const ast::DropIndexStatement& drop, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(drop.database, context));
  VEXDB_ASSIGN_OR_RETURN(TableRef table, GetBaseTable(context, database, drop.table));
  if (table->FindIndex(drop.name) == nullptr && drop.if_exists) {
    return NoteResult({Status::Error(ErrorCode::kCantDropFieldOrKey, drop.name)});
  }
  TableInfo next = *table;
  VEXDB_RETURN_IF_ERROR(DropIndexFromTable(context, drop.name, &next));
  VEXDB_RETURN_IF_ERROR(ApplyDefinition(context, table, std::move(next)).status());
  return OkResult();
}

}  // namespace vexdb::ddl_internal

// DROP TABLE / DROP VIEW and TRUNCATE TABLE.
//
// DROP checks every name first and drops nothing unless all exist (MySQL 8's atomic DROP): the
// error lists every missing table ("Unknown table 'test.a,test.b'"); IF EXISTS turns each into
// a warning. With foreign_key_checks on, a table referenced by a foreign key of a table that is
// not dropped in the same statement cannot be dropped (3730). TRUNCATE recreates the table
// (a fresh table id, so rows, indexes and the AUTO_INCREMENT counter start empty).

#include <fmt/format.h>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

struct DropTarget {
  std::string database;
  TableRef table;
};

bool IsDropped(const std::vector<DropTarget>& targets, const TableInfo& table) {
  for (const DropTarget& target : targets) {
    if (target.table->id == table.id) return true;
  }
  return false;
}

Status CheckNotReferenced(const DdlContext& context, const std::vector<DropTarget>& targets) {
  if (!context.foreign_key_checks) return Status::OK();
  for (const DropTarget& target : targets) {
    const TableInfo& parent = *target.table;
    for (const ReferencingKey& ref :
         context.catalog.ReferencingKeys(parent.database, parent.name)) {
      if (IsDropped(targets, *ref.child)) continue;
      return Status::Error(ErrorCode::kFkCannotDropParent, parent.name, ref.key->name,
                           ref.child->name);
    }
  }
  return Status::OK();
}

// Resolves every name; missing ones (or the wrong kind of object) are collected in `missing`.
Status ResolveTargets(const ast::DropTableStatement& drop, const DdlContext& context,
                      std::vector<DropTarget>* targets, std::vector<std::string>* missing) {
  for (const ast::QualifiedName& name : drop.tables) {
    std::string database = name.database.empty() ? context.current_database : name.database;
    if (database.empty()) return Status::Error(ErrorCode::kNoDbSelected);
    TableRef table = drop.temporary ? nullptr : context.catalog.GetTable(database, name.name);
    if (table != nullptr && drop.is_view && !table->is_view) {
      return Status::Error(ErrorCode::kWrongObject, database, table->name, "VIEW");
    }
    if (table == nullptr || table->is_view != drop.is_view) {
      missing->push_back(QualifiedName(database, name.name));
      continue;
    }
    targets->push_back({table->database, table});
  }
  return Status::OK();
}

}  // namespace

Result<QueryResult> DropTables(const ast::DropTableStatement& drop, DdlContext& context) {
  std::vector<DropTarget> targets;
  std::vector<std::string> missing;
  VEXDB_RETURN_IF_ERROR(ResolveTargets(drop, context, &targets, &missing));
  if (!missing.empty() && !drop.if_exists) {
    std::string names;
    for (const std::string& name : missing) names += (names.empty() ? "" : ",") + name;
    return Status::Error(ErrorCode::kBadTable, names);
  }
  VEXDB_RETURN_IF_ERROR(CheckNotReferenced(context, targets));
  for (const DropTarget& target : targets) {
    VEXDB_RETURN_IF_ERROR(context.catalog.DropTable(target.database, target.table->name));
  }
  std::vector<Status> notes;
  for (const std::string& name : missing) notes.push_back(Status::Error(ErrorCode::kBadTable, name));
  return NoteResult(notes);
}

Result<QueryResult> TruncateTable(const ast::TruncateStatement& truncate, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(truncate.database, context));
  VEXDB_ASSIGN_OR_RETURN(TableRef table, GetBaseTable(context, database, truncate.table));
  if (context.foreign_key_checks) {
    for (const ReferencingKey& ref : context.catalog.ReferencingKeys(database, table->name)) {
      if (ref.child->id == table->id) continue;
      return Status::Error(ErrorCode::kTruncateIllegalFk,
                           fmt::format("`{}`.`{}`, CONSTRAINT `{}`", ref.child->database,
                                       ref.child->name, ref.key->name));
    }
  }
  TableInfo fresh = *table;
  fresh.id = 0;
  fresh.create_time = 0;
  VEXDB_RETURN_IF_ERROR(context.catalog.DropTable(database, table->name));
  VEXDB_RETURN_IF_ERROR(context.catalog.CreateTable(std::move(fresh)).status());
  return OkResult();
}

}  // namespace vexdb::ddl_internal

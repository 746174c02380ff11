// RENAME TABLE a TO b [, c TO d ...]: every pair is checked first against the names as the
// earlier pairs leave them (so `a TO tmp, b TO a, tmp TO b` swaps), then applied in order.
// Foreign keys that reference a renamed table follow it, as InnoDB's do.

#include <map>
#include <set>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

bool References(const ForeignKeyInfo& fk, const TableInfo& table) {
  return NameEquals(fk.ref_database, table.database) && NameEquals(fk.ref_table, table.name);
}

void Repoint(const TableInfo& old_parent, const std::string& database, const std::string& name,
             TableInfo* child) {
  for (ForeignKeyInfo& fk : child->foreign_keys) {
    if (!References(fk, old_parent)) continue;
    fk.ref_database = database;
    fk.ref_table = name;
  }
}

// Table names as a sequence of renames leaves them, without touching the catalog.
class NameState {
 public:
  explicit NameState(const Catalog& catalog) : catalog_(catalog) {}

  bool Exists(const std::string& database, const std::string& table) const {
    std::string key = Key(database, table);
    if (added_.count(key) != 0) return true;
    return removed_.count(key) == 0 && catalog_.GetTable(database, table) != nullptr;
  }
  void Move(const std::string& from_db, const std::string& from, const std::string& to_db,
            const std::string& to) {
    added_.erase(Key(from_db, from));
    removed_.insert(Key(from_db, from));
    removed_.erase(Key(to_db, to));
    added_.insert(Key(to_db, to));
  }

 private:
  static std::string Key(const std::string& database, const std::string& table) {
    return FoldName(database) + "." + FoldName(table);
  }
  const Catalog& catalog_;
  std::set<std::string> added_, removed_;
};

struct RenameStep {
  std::string from_db, from, to_db, to;
};

Result<std::vector<RenameStep>> PlanRenames(const ast::RenameTableStatement& rename,
                                            DdlContext& context) {
  NameState names(context.catalog);
  std::vector<RenameStep> steps;
  for (const auto& [from, to] : rename.renames) {
    RenameStep step;
    step.from_db = from.database.empty() ? context.current_database : from.database;
    if (step.from_db.empty()) return Status::Error(ErrorCode::kNoDbSelected);
    step.from = from.name;
    if (!names.Exists(step.from_db, step.from)) {
      return Status::Error(ErrorCode::kNoSuchTable, step.from_db, step.from);
    }
    VEXDB_ASSIGN_OR_RETURN(step.to_db, ResolveDatabase(to.database, context));
    step.to = to.name;
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(step.to, ErrorCode::kWrongTableName));
    if (names.Exists(step.to_db, step.to)) {
      return Status::Error(ErrorCode::kTableExists, step.to);
    }
    names.Move(step.from_db, step.from, step.to_db, step.to);
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

Result<TableRef> RenameTableTo(DdlContext& context, const TableRef& table,
                               const std::string& database, const std::string& name) {
  std::vector<ReferencingKey> children =
      context.catalog.ReferencingKeys(table->database, table->name);
  TableInfo next = *table;
  next.database = database;
  next.name = name;
  Repoint(*table, database, name, &next);
  VEXDB_ASSIGN_OR_RETURN(TableRef renamed,
                         context.catalog.ReplaceTable(table->database, table->name, next));
  std::set<int64_t> repointed = {table->id};
  for (const ReferencingKey& ref : children) {
    if (!repointed.insert(ref.child->id).second) continue;
    TableInfo child = *ref.child;
    Repoint(*table, renamed->database, renamed->name, &child);
    VEXDB_RETURN_IF_ERROR(
        context.catalog.ReplaceTable(ref.child->database, ref.child->name, std::move(child))
            .status());
  }
  return renamed;
}

Result<QueryResult> RenameTables(const ast::RenameTableStatement& rename, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<RenameStep> steps, PlanRenames(rename, context));
  for (const RenameStep& step : steps) {
    TableRef table = context.catalog.GetTable(step.from_db, step.from);
    if (table == nullptr) return Status::Error(ErrorCode::kNoSuchTable, step.from_db, step.from);
    VEXDB_ASSIGN_OR_RETURN(std::string to_db, ResolveDatabase(step.to_db, context));
    VEXDB_RETURN_IF_ERROR(RenameTableTo(context, table, to_db, step.to).status());
  }
  return OkResult();
}

}  // namespace vexdb::ddl_internal

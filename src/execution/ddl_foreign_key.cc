// FOREIGN KEY definitions, validated as InnoDB does: the referenced table must exist (unless
// foreign_key_checks is off), its referenced columns must exist, be type-compatible and be the
// first columns of one of its indexes; the child gets an index on its columns (named after the
// constraint, or the first column) when none starts with them. Unnamed constraints are named
// `<table>_ibfk_<n>`. Foreign keys are enforced by DML in the executor, not here.

#include <fmt/format.h>

#include <charconv>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

bool IsCharType(TypeId id) { return id == TypeId::kChar || id == TypeId::kVarchar; }
bool IsBinaryStringType(TypeId id) { return id == TypeId::kBinary || id == TypeId::kVarbinary; }

std::string CharsetOf(const LogicalType& type) {
  return CharsetOfCollation(type.collation.empty() ? "utf8mb4_bin" : type.collation);
}

}  // namespace

bool ForeignKeyTypesCompatible(const LogicalType& child, const LogicalType& parent) {
  if (child.IsInteger() || parent.IsInteger()) {
    return child.id == parent.id && child.is_unsigned == parent.is_unsigned;
  }
  if (IsCharType(child.id) || IsCharType(parent.id)) {
    return IsCharType(child.id) && IsCharType(parent.id) && CharsetOf(child) == CharsetOf(parent);
  }
  if (IsBinaryStringType(child.id) || IsBinaryStringType(parent.id)) {
    return IsBinaryStringType(child.id) && IsBinaryStringType(parent.id);
  }
  if (child.id == TypeId::kDecimal) {
    return parent.id == TypeId::kDecimal && child.precision == parent.precision &&
           child.scale == parent.scale;
  }
  return child.id == parent.id;
}

namespace {

// The n of `<table>_ibfk_<n>`, or 0.
int GeneratedNumber(std::string_view table, std::string_view name) {
  std::string prefix = FoldName(table) + "_ibfk_";
  std::string folded = FoldName(name);
  if (folded.rfind(prefix, 0) != 0) return 0;
  int n = 0;
  const char* begin = folded.data() + prefix.size();
  const char* end = folded.data() + folded.size();
  auto [ptr, ec] = std::from_chars(begin, end, n);
  return ec == std::errc() && ptr == end ? n : 0;
}

std::string GenerateName(const TableInfo& table) {
  int max = 0;
  for (const ForeignKeyInfo& fk : table.foreign_keys) {
    max = std::max(max, GeneratedNumber(table.name, fk.name));
  }
  return fmt::format("{}_ibfk_{}", table.name, max + 1);
}

// Foreign key names are unique per database.
Status CheckNameFree(const DdlContext& context, const TableInfo& table, std::string_view name) {
  for (const ForeignKeyInfo& fk : table.foreign_keys) {
    if (NameEquals(fk.name, name)) return Status::Error(ErrorCode::kFkDupName, name);
  }
  for (const TableRef& other : context.catalog.ListTables(table.database)) {
    if (NameEquals(other->name, table.name)) continue;
    for (const ForeignKeyInfo& fk : other->foreign_keys) {
      if (NameEquals(fk.name, name)) return Status::Error(ErrorCode::kFkDupName, name);
    }
  }
  return Status::OK();
}

Status CheckParent(const ForeignKeyInfo& fk, const TableInfo& child, const TableInfo& parent,
                   std::vector<std::string>* ref_columns) {
  for (size_t i = 0; i < fk.ref_columns.size(); ++i) {
    int position = parent.ColumnIndex(fk.ref_columns[i]);
    if (position < 0) {
      return Status::Error(ErrorCode::kFkNoColumnParent, fk.ref_columns[i], fk.name, parent.name);
    }
    const ColumnInfo& parent_column = parent.columns[position];
    const ColumnInfo& child_column = child.columns[child.ColumnIndex(fk.columns[i])];
    if (!ForeignKeyTypesCompatible(child_column.type, parent_column.type)) {
      return Status::Error(ErrorCode::kFkColumnCannotChange, child_column.name,
                           parent_column.name, fk.name);
    }
    ref_columns->push_back(parent_column.name);
  }
  if (FindIndexStartingWith(parent, *ref_columns) == nullptr) {
    return Status::Error(ErrorCode::kFkNoIndexParent, fk.name, parent.name);
  }
  return Status::OK();
}

Status CheckSetNull(const ForeignKeyInfo& fk, const TableInfo& child) {
  bool set_null = fk.on_delete == ForeignKeyAction::kSetNull ||
                  fk.on_update == ForeignKeyAction::kSetNull;
  if (!set_null) return Status::OK();
  for (const std::string& name : fk.columns) {
    if (!child.columns[child.ColumnIndex(name)].nullable) {
      return Status::Error(ErrorCode::kFkColumnNotNull, name, fk.name);
    }
  }
  return Status::OK();
}

// The referenced table (the child itself for a self reference), or nullptr when it is missing
// and foreign_key_checks is off.
Result<const TableInfo*> ReferencedTable(const DdlContext& context, const ForeignKeyInfo& fk,
                                         const TableInfo& child, TableRef* holder) {
  if (NameEquals(fk.ref_database, child.database) && NameEquals(fk.ref_table, child.name)) {
    return &child;
  }
  *holder = context.catalog.GetTable(fk.ref_database, fk.ref_table);
  if (*holder != nullptr && !(*holder)->is_view) return holder->get();
  if (!context.foreign_key_checks) return static_cast<const TableInfo*>(nullptr);
  return Status::Error(ErrorCode::kFkCannotOpenParent, fk.ref_table);
}

Result<ForeignKeyInfo> DescribeForeignKey(const ast::ConstraintDef& def, const TableInfo& table) {
  ForeignKeyInfo fk;
  fk.name = def.name.empty() ? GenerateName(table) : def.name;
  for (const ast::IndexPart& part : def.parts) {
    int position = table.ColumnIndex(part.column);
    if (position < 0) return Status::Error(ErrorCode::kKeyColumnDoesNotExist, part.column);
    fk.columns.push_back(table.columns[position].name);
  }
  if (fk.columns.size() != def.ref_columns.size()) {
    return Status::Error(ErrorCode::kWrongFkDef, fk.name,
                         "Key reference and table reference don't match");
  }
  fk.ref_database = def.ref_database.empty() ? table.database : def.ref_database;
  fk.ref_table = def.ref_table;
  fk.ref_columns = def.ref_columns;
  fk.on_delete = ToForeignKeyAction(def.on_delete);
  fk.on_update = ToForeignKeyAction(def.on_update);
  return fk;
}

}  // namespace

ForeignKeyAction ToForeignKeyAction(ast::RefAction action) {
  switch (action) {
    case ast::RefAction::kRestrict: return ForeignKeyAction::kRestrict;
    case ast::RefAction::kCascade: return ForeignKeyAction::kCascade;
    case ast::RefAction::kSetNull: return ForeignKeyAction::kSetNull;
    case ast::RefAction::kNoAction: return ForeignKeyAction::kNoAction;
    case ast::RefAction::kSetDefault: return ForeignKeyAction::kSetDefault;
  }
  return ForeignKeyAction::kRestrict;
}

Status AddForeignKey(const ast::ConstraintDef& def, const DdlContext& context, TableInfo* table) {
  VEXDB_ASSIGN_OR_RETURN(ForeignKeyInfo fk, DescribeForeignKey(def, *table));
  VEXDB_RETURN_IF_ERROR(CheckNameFree(context, *table, fk.name));
  if (std::optional<DatabaseInfo> db = context.catalog.GetDatabase(fk.ref_database)) {
    fk.ref_database = db->name;
  }
  TableRef holder;
  VEXDB_ASSIGN_OR_RETURN(const TableInfo* parent, ReferencedTable(context, fk, *table, &holder));
  if (parent != nullptr) {
    std::vector<std::string> ref_columns;
    VEXDB_RETURN_IF_ERROR(CheckParent(fk, *table, *parent, &ref_columns));
    fk.ref_table = parent->name;
    fk.ref_columns = std::move(ref_columns);
  }
  VEXDB_RETURN_IF_ERROR(CheckSetNull(fk, *table));
  if (FindIndexStartingWith(*table, fk.columns) == nullptr) {
    IndexInfo index;
    std::string base = !def.index_name.empty() ? def.index_name
                       : !def.name.empty()     ? def.name
                                               : fk.columns.front();
    index.name = UniqueIndexName(*table, base);
    for (const std::string& column : fk.columns) index.columns.push_back({column, 0, false});
    table->indexes.push_back(std::move(index));
  }
  table->foreign_keys.push_back(std::move(fk));
  return Status::OK();
}

Status CheckIndexNotNeededByForeignKey(const DdlContext& context, const TableInfo& table,
                                       const IndexInfo& index) {
  if (!context.foreign_key_checks) return Status::OK();
  auto needed = [&](const std::vector<std::string>& columns) {
    return IndexStartsWith(index, columns) &&
           FindIndexStartingWith(table, columns, &index) == nullptr;
  };
  for (const ForeignKeyInfo& fk : table.foreign_keys) {
    if (needed(fk.columns)) return Status::Error(ErrorCode::kDropIndexFk, index.name);
  }
  for (const ReferencingKey& ref : context.catalog.ReferencingKeys(table.database, table.name)) {
    if (needed(ref.key->ref_columns)) return Status::Error(ErrorCode::kDropIndexFk, index.name);
  }
  return Status::OK();
}

}  // namespace vexdb::ddl_internal

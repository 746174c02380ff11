// ALTER TABLE: the actions are applied in order to a copy of the table's definition, each
// validated as MySQL does; then the constraints between columns and keys are re-checked, the
// foreign keys the statement adds are validated against the final definition, and the result
// replaces the old definition in one step (ApplyDefinition does the row work it implies: new
// indexes are filled, and rows are rewritten when column types, NOT NULL or the clustered
// primary key change). A rename (RENAME TO) and AUTO_INCREMENT= are applied last. Any error
// leaves the table as it was.
//
// Accepted and ignored: ALGORITHM=, LOCK=, FORCE, ALTER INDEX ... VISIBLE, SET TIFLASH REPLICA,
// COMPACT, ENGINE=, ADD CHECK. DROP CHECK / DROP CONSTRAINT drop a foreign key or a unique key
// of that name, and otherwise succeed (CHECK constraints are not stored).

#include <algorithm>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  for (const std::string& n : names) {
    if (NameEquals(n, name)) return true;
  }
  return false;
}

class AlterRunner {
 public:
  AlterRunner(const ast::AlterTableStatement& alter, DdlContext& context, TableRef table)
      : alter_(alter), context_(context), table_(std::move(table)), next_(*table_) {}

  Result<QueryResult> Run() {
    VEXDB_RETURN_IF_ERROR(CheckVectorIndexAlone());
    for (const ast::AlterAction& action : alter_.actions) VEXDB_RETURN_IF_ERROR(Apply(action));
    VEXDB_RETURN_IF_ERROR(FinishColumns(explicit_null_, &next_));
    VEXDB_RETURN_IF_ERROR(ValidateIndexColumns(next_, changed_columns_));
    for (const ast::ConstraintDef* def : foreign_keys_) {
      VEXDB_RETURN_IF_ERROR(AddForeignKey(*def, context_, &next_));
    }
    TableRef current = table_;
    if (changed_) {
      VEXDB_ASSIGN_OR_RETURN(current, ApplyDefinition(context_, table_, next_));
      VEXDB_RETURN_IF_ERROR(RepointChildColumns(*current));
    }
    if (rename_database_) {
      VEXDB_ASSIGN_OR_RETURN(current,
                             RenameTableTo(context_, current, *rename_database_, rename_name_));
    }
    if (auto_increment_ && *auto_increment_ > 1) {
      VEXDB_RETURN_IF_ERROR(
          context_.storage.RebaseIds(current->AutoIncrementCounter(), *auto_increment_ - 1));
    }
    return NoteResult(notes_);
  }

 private:
  // Actions that leave the definition as it is.
  static bool KeepsDefinition(ast::AlterKind kind) {
    return kind == ast::AlterKind::kRenameTable || kind == ast::AlterKind::kCompact || kind == ast::AlterKind::kIndexVisibility ||
           kind == ast::AlterKind::kIgnored;
  }

  Status Apply(const ast::AlterAction& action) {
    if (!KeepsDefinition(action.kind)) changed_ = true;
    switch (action.kind) {
      case ast::AlterKind::kAddColumn: return AddColumn(action);
      case ast::AlterKind::kDropColumn: return DropColumn(action);
      case ast::AlterKind::kModifyColumn: return ChangeColumn(action, action.column.name);
      case ast::AlterKind::kChangeColumn: return ChangeColumn(action, action.name);
      case ast::AlterKind::kRenameColumn: return RenameColumn(action.name, action.new_name);
      case ast::AlterKind::kSetDefault: return SetDefault(action);
      case ast::AlterKind::kDropDefault: return DropDefault(action.name);
      case ast::AlterKind::kAddConstraint: return AddConstraint(action);
      case ast::AlterKind::kDropIndex: return DropIndex(action.name, action.if_exists);
      case ast::AlterKind::kDropPrimaryKey: return DropPrimaryKey();
      case ast::AlterKind::kDropForeignKey: return DropForeignKey(action.name, action.if_exists);
      case ast::AlterKind::kDropCheck: return DropConstraint(action.name);
      case ast::AlterKind::kRenameIndex: return RenameIndex(action.name, action.new_name);
      case ast::AlterKind::kRenameTable: return RenameTable(action);
      case ast::AlterKind::kOptions: return Options(action.options);
      case ast::AlterKind::kIndexVisibility: return CheckIndexVisibility(action);
      case ast::AlterKind::kSetTiflashReplica:
        next_.tiflash_replica = action.replica_count;
        return Status::OK();
      case ast::AlterKind::kCompact:
      case ast::AlterKind::kIgnored:
        return Status::OK();
    }
    return Status::OK();
  }

  // Visibility is accepted and not recorded (every index stays visible to the optimizer); vector
  // indexes refuse INVISIBLE as TiDB does.
  Status CheckIndexVisibility(const ast::AlterAction& action) const {
    const IndexInfo* index = next_.FindIndex(action.name);
    if (index == nullptr) return Status::Error(ErrorCode::kKeyDoesNotExist, action.name, next_.name);
    if (index->kind == IndexKind::kHnsw && action.invisible) {
      return Status::Error(ErrorCode::kUnsupportedDdlOperation, "set vector index invisible");
    }
    return Status::OK();
  }

  // TiDB builds a vector index in a DDL job of its own: it cannot share an ALTER TABLE.
  Status CheckVectorIndexAlone() const {
    auto is_vector_index = [](const ast::AlterAction& action) {
      return action.kind == ast::AlterKind::kAddConstraint &&
             action.constraint.kind == ast::ConstraintKind::kVectorIndex;
    };
    auto is_change = [](const ast::AlterAction& a) { return a.kind != ast::AlterKind::kIgnored; };
    const auto& actions = alter_.actions;
    bool has_vector_index = std::any_of(actions.begin(), actions.end(), is_vector_index);
    if (has_vector_index && std::count_if(actions.begin(), actions.end(), is_change) > 1) {
      return Status::Error(ErrorCode::kUnsupportedDdlOperation,
                           "multi schema change for add vector index");
    }
    return Status::OK();
  }

  Status UnknownColumn(std::string_view name) const {
    return Status::Error(ErrorCode::kBadField, name, table_->name);
  }

  Result<int> FindColumn(std::string_view name) const {
    int position = next_.ColumnIndex(name);
    if (position < 0) return UnknownColumn(name);
    return position;
  }

  // Moves the column at `position` as FIRST / AFTER c say (nowhere without either).
  Status PlaceColumn(int position, const ast::AlterAction& action) {
    if (!action.first && action.after.empty()) return Status::OK();
    ColumnInfo column = std::move(next_.columns[position]);
    next_.columns.erase(next_.columns.begin() + position);
    int target = 0;
    if (!action.first) {
      int after = next_.ColumnIndex(action.after);
      if (after < 0) return UnknownColumn(action.after);
      target = after + 1;
    }
    next_.columns.insert(next_.columns.begin() + target, std::move(column));
    return Status::OK();
  }

  // Inline PRIMARY KEY / UNIQUE of an added or redefined column, and its NULL declaration.
  Status AddInlineKeys(const ast::ColumnDef& def) {
    std::string folded = FoldName(def.name);
    if (def.nullable.value_or(false)) {
      explicit_null_.insert(folded);
    } else {
      explicit_null_.erase(folded);
    }
    changed_columns_.insert(folded);
    if (def.primary_key) {
      VEXDB_RETURN_IF_ERROR(
          AddKeyConstraint(InlineKey(ast::ConstraintKind::kPrimaryKey, def.name), &next_));
    }
    if (def.unique) {
      VEXDB_RETURN_IF_ERROR(
          AddKeyConstraint(InlineKey(ast::ConstraintKind::kUnique, def.name), &next_));
    }
    return Status::OK();
  }

  Status AddColumn(const ast::AlterAction& action) {
    if (next_.ColumnIndex(action.column.name) >= 0) {
      Status duplicate = Status::Error(ErrorCode::kDupFieldName, action.column.name);
      if (action.if_not_exists) return Note(std::move(duplicate));
      return duplicate;
    }
    VEXDB_ASSIGN_OR_RETURN(ColumnInfo column,
                           BuildColumn(action.column, alter_.text, next_.collation));
    next_.columns.push_back(std::move(column));
    VEXDB_RETURN_IF_ERROR(PlaceColumn(static_cast<int>(next_.columns.size()) - 1, action));
    return AddInlineKeys(action.column);
  }

  Status CheckColumnNotInForeignKey(std::string_view name) const {
    for (const ForeignKeyInfo& fk : next_.foreign_keys) {
      bool self = NameEquals(fk.ref_database, next_.database) &&
                  NameEquals(fk.ref_table, next_.name);
      if (Contains(fk.columns, name) || (self && Contains(fk.ref_columns, name))) {
        return Status::Error(ErrorCode::kFkColumnCannotDrop, name, fk.name);
      }
    }
    for (const ReferencingKey& ref : context_.catalog.ReferencingKeys(table_->database,
                                                                      table_->name)) {
      if (ref.child->id == table_->id) continue;
      if (Contains(ref.key->ref_columns, name)) {
        return Status::Error(ErrorCode::kFkColumnCannotDropChild, name, ref.key->name,
                             ref.child->name);
      }
    }
    return Status::OK();
  }

  // Removes the column from every key (MySQL drops keys left without columns).
  void RemoveFromIndexes(std::string_view name) {
    for (IndexInfo& index : next_.indexes) {
      std::erase_if(index.columns,
                    [&](const IndexColumn& c) { return NameEquals(c.column, name); });
    }
    std::erase_if(next_.indexes, [](const IndexInfo& index) { return index.columns.empty(); });
  }

  bool HasVectorIndex(std::string_view column) const {
    return std::any_of(next_.indexes.begin(), next_.indexes.end(), [&](const IndexInfo& index) {
      return index.kind == IndexKind::kHnsw && NameEquals(index.columns[0].column, column);
    });
  }

  Status DropColumn(const ast::AlterAction& action) {
    int position = next_.ColumnIndex(action.name);
    if (position < 0) {
      Status missing = Status::Error(ErrorCode::kCantDropFieldOrKey, action.name);
      if (action.if_exists) return Note(std::move(missing));
      return missing;
    }
    if (next_.columns.size() == 1) return Status::Error(ErrorCode::kCantRemoveAllFields);
    if (HasVectorIndex(action.name)) {
      return Status::WithMessage(
          ErrorCode::kUnsupportedDdlOperation,
          fmt::format("can't drop column {} with Vector Key covered now", action.name));
    }
    VEXDB_RETURN_IF_ERROR(CheckColumnNotInForeignKey(next_.columns[position].name));
    RemoveFromIndexes(action.name);
    next_.columns.erase(next_.columns.begin() + position);
    return Status::OK();
  }

  // The type of column `name` of the table a foreign key references, or nullptr.
  const LogicalType* ReferencedType(const ForeignKeyInfo& fk, size_t i, TableRef* holder) const {
    const TableInfo* parent = &next_;
    if (!NameEquals(fk.ref_database, next_.database) || !NameEquals(fk.ref_table, next_.name)) {
      *holder = context_.catalog.GetTable(fk.ref_database, fk.ref_table);
      parent = holder->get();
    }
    int position = parent == nullptr ? -1 : parent->ColumnIndex(fk.ref_columns[i]);
    return position < 0 ? nullptr : &parent->columns[position].type;
  }

  // A changed column type must stay compatible with the other side of its foreign keys.
  Status CheckForeignKeyTypes(std::string_view name, const LogicalType& type) const {
    if (!context_.foreign_key_checks) return Status::OK();
    for (const ForeignKeyInfo& fk : next_.foreign_keys) {
      for (size_t i = 0; i < fk.columns.size(); ++i) {
        if (!NameEquals(fk.columns[i], name)) continue;
        TableRef holder;
        const LogicalType* parent = ReferencedType(fk, i, &holder);
        if (parent != nullptr && !ForeignKeyTypesCompatible(type, *parent)) {
          return Status::Error(ErrorCode::kFkColumnCannotChangeType, name, fk.name);
        }
      }
    }
    for (const ReferencingKey& ref : context_.catalog.ReferencingKeys(table_->database,
                                                                      table_->name)) {
      for (size_t i = 0; i < ref.key->ref_columns.size(); ++i) {
        if (!NameEquals(ref.key->ref_columns[i], name)) continue;
        int child = ref.child->ColumnIndex(ref.key->columns[i]);
        if (child >= 0 && !ForeignKeyTypesCompatible(ref.child->columns[child].type, type)) {
          return Status::Error(ErrorCode::kFkColumnCannotChangeType, name, ref.key->name);
        }
      }
    }
    return Status::OK();
  }

  // MODIFY c <def> / CHANGE old c <def>: the new definition replaces the old one entirely.
  Status ChangeColumn(const ast::AlterAction& action, std::string_view old_name) {
    VEXDB_ASSIGN_OR_RETURN(int position, FindColumn(old_name));
    VEXDB_ASSIGN_OR_RETURN(ColumnInfo column,
                           BuildColumn(action.column, alter_.text, next_.collation));
    const std::string current = next_.columns[position].name;
    if (!NameEquals(current, column.name) && next_.ColumnIndex(column.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldName, column.name);
    }
    if (!(next_.columns[position].type == column.type)) {
      if (HasVectorIndex(current)) {
        return Status::Error(ErrorCode::kUnsupportedDdlOperation,
                             "modify column: vector indexes on the column");
      }
      VEXDB_RETURN_IF_ERROR(CheckForeignKeyTypes(current, column.type));
    }
    if (current != column.name) RenameEverywhere(current, column.name);
    column.id = next_.columns[position].id;
    next_.columns[position] = std::move(column);
    VEXDB_RETURN_IF_ERROR(PlaceColumn(position, action));
    return AddInlineKeys(action.column);
  }

  // Renames a column in the columns, keys and foreign keys of the table; children's foreign
  // keys follow after the definition is replaced.
  void RenameEverywhere(std::string from, const std::string& to) {
    next_.columns[next_.ColumnIndex(from)].name = to;
    for (IndexInfo& index : next_.indexes) {
      for (IndexColumn& column : index.columns) {
        if (NameEquals(column.column, from)) column.column = to;
      }
    }
    for (ForeignKeyInfo& fk : next_.foreign_keys) {
      for (std::string& column : fk.columns) {
        if (NameEquals(column, from)) column = to;
      }
      if (!NameEquals(fk.ref_database, next_.database) || !NameEquals(fk.ref_table, next_.name)) {
        continue;
      }
      for (std::string& column : fk.ref_columns) {
        if (NameEquals(column, from)) column = to;
      }
    }
    column_renames_.emplace_back(std::move(from), to);
  }

  Status RenameColumn(const std::string& from, const std::string& to) {
    VEXDB_ASSIGN_OR_RETURN(int position, FindColumn(from));
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(to, ErrorCode::kWrongColumnName));
    if (!NameEquals(from, to) && next_.ColumnIndex(to) >= 0) {
      return Status::Error(ErrorCode::kDupFieldName, to);
    }
    RenameEverywhere(next_.columns[position].name, to);
    return Status::OK();
  }

  Status SetDefault(const ast::AlterAction& action) {
    VEXDB_ASSIGN_OR_RETURN(int position, FindColumn(action.name));
    ColumnInfo& column = next_.columns[position];
    if (column.auto_increment) return Status::Error(ErrorCode::kInvalidDefault, column.name);
    bool parenthesized = IsDefaultParenthesized(alter_.text, *action.default_value);
    VEXDB_ASSIGN_OR_RETURN(column.default_value, BuildDefault(*action.default_value,
                                                              parenthesized, alter_.text, column));
    return Status::OK();
  }

  Status DropDefault(std::string_view name) {
    VEXDB_ASSIGN_OR_RETURN(int position, FindColumn(name));
    next_.columns[position].default_value = ColumnDefault{};
    return Status::OK();
  }

  Status AddConstraint(const ast::AlterAction& action) {
    const ast::ConstraintDef& def = action.constraint;
    if (def.kind == ast::ConstraintKind::kCheck) return Status::OK();
    if (def.kind == ast::ConstraintKind::kForeignKey) {
      if (action.if_not_exists && !def.name.empty() && FindForeignKey(def.name) != nullptr) {
        return Note(Status::Error(ErrorCode::kFkDupName, def.name));
      }
      foreign_keys_.push_back(&def);
      return Status::OK();
    }
    const std::string& name = def.index_name.empty() ? def.name : def.index_name;
    if (action.if_not_exists && !name.empty() && next_.FindIndex(name) != nullptr) {
      return Note(Status::Error(ErrorCode::kDupKeyName, name));
    }
    return AddKeyConstraint(def, &next_);
  }

  Status DropIndex(std::string_view name, bool if_exists) {
    if (if_exists && next_.FindIndex(name) == nullptr) {
      return Note(Status::Error(ErrorCode::kCantDropFieldOrKey, name));
    }
    return DropIndexFromTable(context_, name, &next_);
  }

  Status DropPrimaryKey() {
    if (next_.PrimaryKey() == nullptr) {
      return Status::Error(ErrorCode::kCantDropFieldOrKey, "PRIMARY");
    }
    return DropIndexFromTable(context_, "PRIMARY", &next_);
  }

  const ForeignKeyInfo* FindForeignKey(std::string_view name) const {
    for (const ForeignKeyInfo& fk : next_.foreign_keys) {
      if (NameEquals(fk.name, name)) return &fk;
    }
    return nullptr;
  }

  // The foreign key's index stays, as in MySQL.
  Status DropForeignKey(std::string_view name, bool if_exists) {
    if (FindForeignKey(name) == nullptr) {
      Status missing = Status::Error(ErrorCode::kCantDropFieldOrKey, name);
      if (if_exists) return Note(std::move(missing));
      return missing;
    }
    std::erase_if(next_.foreign_keys,
                  [&](const ForeignKeyInfo& fk) { return NameEquals(fk.name, name); });
    return Status::OK();
  }

  // DROP CONSTRAINT / DROP CHECK: a foreign key or unique key of that name; else a CHECK
  // constraint, which vexdb does not store.
  Status DropConstraint(std::string_view name) {
    if (FindForeignKey(name) != nullptr) return DropForeignKey(name, false);
    const IndexInfo* index = next_.FindIndex(name);
    if (index != nullptr && index->unique && !index->primary) {
      return DropIndexFromTable(context_, name, &next_);
    }
    return Status::OK();
  }

  Status RenameIndex(const std::string& from, const std::string& to) {
    auto it = std::find_if(next_.indexes.begin(), next_.indexes.end(),
                           [&](const IndexInfo& i) { return NameEquals(i.name, from); });
    IndexInfo* index = it == next_.indexes.end() ? nullptr : &*it;
    if (index == nullptr) return Status::Error(ErrorCode::kKeyDoesNotExist, from, table_->name);
    if (index->primary) return Status::Error(ErrorCode::kWrongNameForIndex, from);
    if (NameEquals(to, "PRIMARY")) return Status::Error(ErrorCode::kWrongNameForIndex, to);
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(to, ErrorCode::kWrongNameForIndex));
    if (!NameEquals(from, to) && next_.FindIndex(to) != nullptr) {
      return Status::Error(ErrorCode::kDupKeyName, to);
    }
    index->name = to;
    return Status::OK();
  }

  Status RenameTable(const ast::AlterAction& action) {
    VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(action.new_database, context_));
    VEXDB_RETURN_IF_ERROR(CheckIdentifier(action.new_name, ErrorCode::kWrongTableName));
    TableRef existing = context_.catalog.GetTable(database, action.new_name);
    if (existing != nullptr && existing->id != table_->id) {
      return Status::Error(ErrorCode::kTableExists, action.new_name);
    }
    rename_database_ = database;
    rename_name_ = action.new_name;
    return Status::OK();
  }

  Status Options(const ast::TableOptions& options) {
    if (options.has_comment) next_.comment = options.comment;
    VEXDB_ASSIGN_OR_RETURN(Charset charset,
                           ResolveCharset(options.charset, options.collation,
                                          Charset{next_.charset, next_.collation}));
    next_.charset = charset.charset;
    next_.collation = charset.collation;
    if (options.auto_increment) auto_increment_ = options.auto_increment;
    return Status::OK();
  }

  // Foreign keys of other tables that name a renamed column follow it.
  Status RepointChildColumns(const TableInfo& table) {
    if (column_renames_.empty()) return Status::OK();
    for (const ReferencingKey& ref : context_.catalog.ReferencingKeys(table.database,
                                                                      table.name)) {
      if (ref.child->id == table.id) continue;
      TableInfo child = *ref.child;
      for (ForeignKeyInfo& fk : child.foreign_keys) {
        if (!NameEquals(fk.ref_database, table.database) || !NameEquals(fk.ref_table, table.name)) {
          continue;
        }
        for (std::string& column : fk.ref_columns) {
          for (const auto& [from, to] : column_renames_) {
            if (NameEquals(column, from)) column = to;
          }
        }
      }
      VEXDB_RETURN_IF_ERROR(
          context_.catalog.ReplaceTable(ref.child->database, ref.child->name, std::move(child))
              .status());
    }
    return Status::OK();
  }

  // IF [NOT] EXISTS made an action a no-op: record `note` and go on.
  Status Note(Status note) {
    notes_.push_back(std::move(note));
    return Status::OK();
  }

  const ast::AlterTableStatement& alter_;
  DdlContext& context_;
  TableRef table_;
  TableInfo next_;
  bool changed_ = false;
  std::set<std::string> explicit_null_;    // folded names declared NULL by this statement
  std::set<std::string> changed_columns_;  // folded names added or redefined
  std::vector<const ast::ConstraintDef*> foreign_keys_;  // added, validated at the end
  std::vector<std::pair<std::string, std::string>> column_renames_;
  std::optional<std::string> rename_database_;
  std::string rename_name_;
  std::optional<int64_t> auto_increment_;
  std::vector<Status> notes_;
};

}  // namespace

Result<QueryResult> AlterTable(const ast::AlterTableStatement& alter, DdlContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, ResolveDatabase(alter.database, context));
  VEXDB_ASSIGN_OR_RETURN(TableRef table, GetBaseTable(context, database, alter.table));
  return AlterRunner(alter, context, std::move(table)).Run();
}

}  // namespace vexdb::ddl_internal

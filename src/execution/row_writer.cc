// Column defaults, strict-mode stores and foreign key enforcement (see row_writer.h).

#include "execution/row_writer.h"

#include <fmt/format.h>

#include "binder/binder.h"
#include "execution/expression_evaluator.h"
#include "parser/parser.h"
#include "types/cast.h"
#include "types/temporal.h"

namespace vexdb {

namespace {

// Cascades deeper than this are cycles or abuse (MySQL stops at 15).
constexpr int kMaxCascadeDepth = 15;

std::string Quoted(const std::string& name) { return "`" + name + "`"; }

std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += Quoted(names[i]);
  }
  return out;
}

const char* ActionText(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::kCascade: return "CASCADE";
    case ForeignKeyAction::kSetNull: return "SET NULL";
    case ForeignKeyAction::kNoAction: return "NO ACTION";
    case ForeignKeyAction::kSetDefault: return "SET DEFAULT";
    case ForeignKeyAction::kRestrict: return "RESTRICT";
  }
  return "";
}

std::vector<int> ColumnPositions(const TableInfo& table, const std::vector<std::string>& names) {
  std::vector<int> positions;
  for (const auto& name : names) positions.push_back(table.ColumnIndex(name));
  return positions;
}

Row Project(const Row& row, const std::vector<int>& positions) {
  Row out;
  for (int p : positions) out.push_back(p >= 0 ? row[p] : Value::Null());
  return out;
}

bool AnyNull(const Row& values) {
  for (const auto& v : values) {
    if (v.is_null()) return true;
  }
  return false;
}

// The index whose key columns are exactly `columns` (in some order-insensitive sense: same set,
// same length), or -1.
int CoveringIndex(const TableLayout& layout, const std::vector<int>& columns) {
  for (size_t i = 0; i < layout.indexes.size(); ++i) {
    const IndexLayout& index = layout.indexes[i];
    if (index.key_columns.size() < columns.size()) continue;
    bool match = true;
    for (size_t k = 0; k < columns.size(); ++k) {
      if (index.key_columns[k] != columns[k] || index.prefix_lengths[k] != 0) match = false;
    }
    if (match) return static_cast<int>(i);
  }
  return -1;
}

Result<Value> EvaluateDefaultExpression(const std::string& text, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr parsed, ParseExpression(text));
  Binder binder(*ctx.catalog, BinderOptions{ctx.function.current_database});
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, binder.BindConstantExpr(*parsed));
  return Evaluate(*bound, Row(), ctx);
}

}  // namespace

std::string ForeignKeyDescription(const TableInfo& child, const ForeignKeyInfo& key) {
  std::string ref = NameEquals(key.ref_database, child.database)
                        ? Quoted(key.ref_table)
                        : Quoted(key.ref_database) + "." + Quoted(key.ref_table);
  std::string out = fmt::format("{}.{}, CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
                                Quoted(child.database), Quoted(child.name), Quoted(key.name),
                                QuotedList(key.columns), ref, QuotedList(key.ref_columns));
  if (key.on_delete != ForeignKeyAction::kRestrict) {
    out += std::string(" ON DELETE ") + ActionText(key.on_delete);
  }
  if (key.on_update != ForeignKeyAction::kRestrict) {
    out += std::string(" ON UPDATE ") + ActionText(key.on_update);
  }
  return out;
}

Result<Value> ColumnDefaultValue(const ColumnInfo& column, ExecContext& ctx) {
  const ColumnDefault& d = column.default_value;
  switch (d.kind) {
    case DefaultKind::kNone:
      if (column.nullable || column.auto_increment) return Value::Null();
      return Status::Error(ErrorCode::kNoDefaultForField, column.name);
    case DefaultKind::kNull: return Value::Null();
    case DefaultKind::kValue:
      return CastValue(Value::String(d.text), column.type, CastContext{CastMode::kStore, column.name});
    case DefaultKind::kCurrentTimestamp:
      return Value::Datetime(RoundMicros(ctx.function.statement_time_micros, column.type.fsp));
    case DefaultKind::kExpression: {
      VEXDB_ASSIGN_OR_RETURN(Value v, EvaluateDefaultExpression(d.text, ctx));
      if (v.is_null()) return v;
      return CastValue(v, column.type, CastContext{CastMode::kStore, column.name});
    }
  }
  return Value::Null();
}

Result<Value> StoreValue(const ColumnInfo& column, const Value& value, int64_t row_number) {
  if (value.is_null()) {
    if (!column.nullable) return Status::Error(ErrorCode::kBadNull, column.name);
    return value;
  }
  return CastValue(value, column.type, CastContext{CastMode::kStore, column.name, row_number});
}

Result<std::vector<std::pair<int64_t, Row>>> FindRows(ExecContext& ctx, const TableInfo& table,
                                                      const std::vector<int>& columns,
                                                      const Row& values) {
  std::vector<std::pair<int64_t, Row>> found;
  TableLayout layout = table.Layout();
  Row keys;
  for (size_t i = 0; i < columns.size(); ++i) {
    auto cast = CastValue(values[i], table.columns[columns[i]].type, CastContext{});
    if (!cast.ok() || cast->is_null()) return found;
    keys.push_back(std::move(cast).value());
  }
  if (columns.size() == 1 && columns[0] == layout.handle_column) {
    const Value& k = keys[0];
    int64_t handle = k.kind() == ValueKind::kUInt ? static_cast<int64_t>(k.uint_value())
                                                  : ValueToInt64(k);
    VEXDB_ASSIGN_OR_RETURN(auto row, TableStore::Get(*ctx.txn, layout, handle, true));
    if (row) found.emplace_back(handle, std::move(*row));
    return found;
  }
  std::unique_ptr<RowIterator> it;
  int index = CoveringIndex(layout, columns);
  if (index >= 0) {
    IndexRange range;
    range.lower = keys;
    range.upper = keys;
    it = TableStore::ScanIndex(*ctx.txn, layout, index, range);
  } else {
    it = TableStore::Scan(*ctx.txn, layout);
  }
  int64_t handle = 0;
  Row row;
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(bool more, it->Next(&handle, &row));
    if (!more) break;
    bool equal = true;
    for (size_t i = 0; i < columns.size() && equal; ++i) {
      equal = !row[columns[i]].is_null() && CompareValues(row[columns[i]], keys[i]) == 0;
    }
    if (!equal) continue;
    VEXDB_ASSIGN_OR_RETURN(auto locked, TableStore::Get(*ctx.txn, layout, handle, true));
    if (locked) found.emplace_back(handle, std::move(*locked));
  }
  return found;
}

Status CheckParentsExist(ExecContext& ctx, const TableInfo& table, const Row& row) {
  if (!ctx.foreign_key_checks) return Status::OK();
  for (const ForeignKeyInfo& key : table.foreign_keys) {
    Row values = Project(row, ColumnPositions(table, key.columns));
    if (AnyNull(values)) continue;
    TableRef parent = ctx.catalog->GetTable(key.ref_database, key.ref_table);
    if (parent == nullptr) {
      return Status::Error(ErrorCode::kNoReferencedRow, ForeignKeyDescription(table, key));
    }
    VEXDB_ASSIGN_OR_RETURN(auto rows, FindRows(ctx, *parent, ColumnPositions(*parent, key.ref_columns), values));
    if (rows.empty()) {
      return Status::Error(ErrorCode::kNoReferencedRow, ForeignKeyDescription(table, key));
    }
  }
  return Status::OK();
}

Status ApplyOnDelete(ExecContext& ctx, const TableInfo& table, const Row& row, int depth) {
  if (!ctx.foreign_key_checks) return Status::OK();
  if (depth > kMaxCascadeDepth) {
    return Status::Internal("Foreign key cascade delete/update exceeds max depth of 15.");
  }
  for (const ReferencingKey& ref : ctx.catalog->ReferencingKeys(table.database, table.name)) {
    const ForeignKeyInfo& key = *ref.key;
    Row values = Project(row, ColumnPositions(table, key.ref_columns));
    if (AnyNull(values)) continue;
    std::vector<int> child_columns = ColumnPositions(*ref.child, key.columns);
    VEXDB_ASSIGN_OR_RETURN(auto children, FindRows(ctx, *ref.child, child_columns, values));
    if (children.empty()) continue;
    switch (key.on_delete) {
      case ForeignKeyAction::kCascade:
        for (auto& [handle, child_row] : children) {
          VEXDB_RETURN_IF_ERROR(DeleteRow(ctx, *ref.child, handle, child_row, depth + 1));
        }
        break;
      case ForeignKeyAction::kSetNull: {
        TableLayout layout = ref.child->Layout();
        for (auto& [handle, child_row] : children) {
          Row updated = child_row;
          for (int c : child_columns) updated[c] = Value::Null();
          VEXDB_RETURN_IF_ERROR(TableStore::Update(*ctx.txn, layout, handle, child_row, handle, updated));
        }
        break;
      }
      default:
        return Status::Error(ErrorCode::kRowIsReferenced, ForeignKeyDescription(*ref.child, key));
    }
  }
  return Status::OK();
}

Status ApplyOnUpdate(ExecContext& ctx, const TableInfo& table, const Row& old_row,
                     const Row& new_row, int depth) {
  if (!ctx.foreign_key_checks) return Status::OK();
  if (depth > kMaxCascadeDepth) {
    return Status::Internal("Foreign key cascade delete/update exceeds max depth of 15.");
  }
  for (const ReferencingKey& ref : ctx.catalog->ReferencingKeys(table.database, table.name)) {
    const ForeignKeyInfo& key = *ref.key;
    std::vector<int> parent_columns = ColumnPositions(table, key.ref_columns);
    Row old_values = Project(old_row, parent_columns);
    Row new_values = Project(new_row, parent_columns);
    if (AnyNull(old_values) || old_values == new_values) continue;
    std::vector<int> child_columns = ColumnPositions(*ref.child, key.columns);
    VEXDB_ASSIGN_OR_RETURN(auto children, FindRows(ctx, *ref.child, child_columns, old_values));
    if (children.empty()) continue;
    if (key.on_update != ForeignKeyAction::kCascade && key.on_update != ForeignKeyAction::kSetNull) {
      return Status::Error(ErrorCode::kRowIsReferenced, ForeignKeyDescription(*ref.child, key));
    }
    TableLayout layout = ref.child->Layout();
    for (auto& [handle, child_row] : children) {
      Row updated = child_row;
      for (size_t i = 0; i < child_columns.size(); ++i) {
        updated[child_columns[i]] =
            key.on_update == ForeignKeyAction::kCascade ? new_values[i] : Value::Null();
      }
      VEXDB_RETURN_IF_ERROR(ApplyOnUpdate(ctx, *ref.child, child_row, updated, depth + 1));
      VEXDB_RETURN_IF_ERROR(TableStore::Update(*ctx.txn, layout, handle, child_row, handle, updated));
    }
  }
  return Status::OK();
}

Status DeleteRow(ExecContext& ctx, const TableInfo& table, int64_t handle, const Row& row,
                 int depth) {
  VEXDB_RETURN_IF_ERROR(ApplyOnDelete(ctx, table, row, depth));
  return TableStore::Delete(*ctx.txn, table.Layout(), handle, row);
}

}  // namespace vexdb

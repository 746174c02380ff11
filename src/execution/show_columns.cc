// DESCRIBE / SHOW [FULL] COLUMNS and SHOW INDEX, in MySQL 8.0's result layout.
//
// DESCRIBE is what SQLAlchemy's has_table and view reflection run, so a present table must
// answer with rows and a missing one with 1146. SHOW INDEX lists one row per key part in
// MySQL's key order; vector indexes appear on their vector column with Index_type HNSW, which
// tidb-vector-python and pytidb look for (tidb-vector-spec.md §3.4).

#include "common/status.h"
#include "execution/show.h"
#include "execution/show_internal.h"

namespace vexdb::show_internal {

namespace {

QueryResult ColumnsResultSet(bool full) {
  std::vector<ResultColumn> columns = {VarcharColumn("Field"), TextColumn("Type")};
  if (full) columns.push_back(VarcharColumn("Collation"));
  columns.push_back(VarcharColumn("Null", 3));
  columns.push_back(VarcharColumn("Key", 3));
  columns.push_back(TextColumn("Default"));
  columns.push_back(VarcharColumn("Extra", 256));
  if (full) {
    columns.push_back(VarcharColumn("Privileges", 80));
    columns.push_back(TextColumn("Comment"));
  }
  return MakeResultSet(std::move(columns));
}

Row ColumnRow(const TableInfo& table, int i, bool full) {
  const ColumnInfo& column = table.columns[i];
  Row row = {Str(column.name), Value::String(column.type.ToSql())};
  if (full) row.push_back(StrOrNull(ColumnCollation(column.type)));
  row.push_back(Str(column.nullable ? "YES" : "NO"));
  row.push_back(Value::String(ColumnKey(table, i)));
  row.push_back(ColumnDefault(column));
  row.push_back(Value::String(ColumnExtra(column)));
  if (full) {
    row.push_back(Str(kPrivileges));
    row.push_back(Str(column.comment));
  }
  return row;
}

// DESCRIBE of an information_schema table, from the columns the resolver declares.
Row SystemColumnRow(const ResultColumn& column, bool full) {
  Row row = {Str(column.name), Value::String(column.type.ToSql())};
  if (full) row.push_back(StrOrNull(ColumnCollation(column.type)));
  row.push_back(Str("YES"));
  row.push_back(Str(""));
  row.push_back(Value::Null());
  row.push_back(Str(""));
  if (full) {
    row.push_back(Str("select"));
    row.push_back(Str(""));
  }
  return row;
}

// The LIKE pattern of SHOW COLUMNS ... LIKE 'p' or DESCRIBE t col.
std::optional<std::string> ColumnPattern(const ast::ShowStatement& statement) {
  if (statement.like.has_value()) return statement.like;
  if (!statement.column.empty()) return statement.column;
  return std::nullopt;
}

Result<QueryResult> ShowSystemColumns(const ast::ShowStatement& statement,
                                      ShowContext& context) {
  InformationSchema schema(context.catalog, context.storage);
  std::vector<ResultColumn> columns;
  if (!schema.Resolve(statement.database, statement.table, &columns)) {
    return Status::Error(ErrorCode::kNoSuchTable, kInformationSchema, statement.table);
  }
  QueryResult result = ColumnsResultSet(statement.full);
  std::optional<std::string> pattern = ColumnPattern(statement);
  for (const ResultColumn& column : columns) {
    if (pattern.has_value() && !MatchesLike(column.name, *pattern)) continue;
    result.rows.push_back(SystemColumnRow(column, statement.full));
  }
  return result;
}

QueryResult IndexResultSet() {
  return MakeResultSet({VarcharColumn("Table"), BigIntColumn("Non_unique"),
                        VarcharColumn("Key_name"), BigIntColumn("Seq_in_index"),
                        VarcharColumn("Column_name"), VarcharColumn("Collation", 1),
                        BigIntColumn("Cardinality"), BigIntColumn("Sub_part"),
                        VarcharColumn("Packed", 10), VarcharColumn("Null", 3),
                        VarcharColumn("Index_type", 16), VarcharColumn("Comment", 16),
                        VarcharColumn("Index_comment", 1024), VarcharColumn("Visible", 3),
                        TextColumn("Expression")});
}

Value PartCollation(const IndexInfo& index, const IndexColumn& part) {
  if (index.kind == IndexKind::kHnsw) return Value::Null();
  return Str(part.descending ? "D" : "A");
}

}  // namespace

Row IndexRow(const TableInfo& table, const IndexInfo& index, size_t seq) {
  const IndexColumn& part = index.columns[seq];
  bool unique = index.primary || index.unique;
  return {Str(table.name),
          Value::Int(unique ? 0 : 1),
          Str(index.name),
          Value::Int(static_cast<int64_t>(seq) + 1),
          Str(part.column),
          PartCollation(index, part),
          Value::Int(0),
          part.prefix_length > 0 ? Value::Int(part.prefix_length) : Value::Null(),
          Value::Null(),
          Str(IndexColumnNullable(table, part) ? "YES" : ""),
          Str(index.kind == IndexKind::kHnsw ? "HNSW" : "BTREE"),
          Str(""),
          Str(index.comment),
          Str("YES"),
          Value::Null()};
}

Result<QueryResult> ShowColumns(const ast::ShowStatement& statement, ShowContext& context) {
  if (IsInformationSchema(statement.database)) return ShowSystemColumns(statement, context);
  VEXDB_ASSIGN_OR_RETURN(TableRef table,
                         FindTable(context, statement.database, statement.table));
  QueryResult result = ColumnsResultSet(statement.full);
  std::optional<std::string> pattern = ColumnPattern(statement);
  for (size_t i = 0; i < table->columns.size(); ++i) {
    if (pattern.has_value() && !MatchesLike(table->columns[i].name, *pattern)) continue;
    result.rows.push_back(ColumnRow(*table, static_cast<int>(i), statement.full));
  }
  if (statement.where != nullptr) VEXDB_RETURN_IF_ERROR(FilterRows(*statement.where, &result));
  return result;
}

Result<QueryResult> ShowIndex(const ast::ShowStatement& statement, ShowContext& context) {
  QueryResult result = IndexResultSet();
  if (IsInformationSchema(statement.database)) return result;
  VEXDB_ASSIGN_OR_RETURN(TableRef table,
                         FindTable(context, statement.database, statement.table));
  for (const IndexInfo* index : OrderedIndexes(*table)) {
    for (size_t seq = 0; seq < index->columns.size(); ++seq) {
      result.rows.push_back(IndexRow(*table, *index, seq));
    }
  }
  if (statement.where != nullptr) VEXDB_RETURN_IF_ERROR(FilterRows(*statement.where, &result));
  return result;
}

}  // namespace vexdb::show_internal

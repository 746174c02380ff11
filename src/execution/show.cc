// SHOW statements: answered from the catalog, session variables and fixed server facts in
// MySQL 8.0's result layout (column names and order, value formats), because clients key on
// them: SQLAlchemy reads SHOW FULL TABLES and SHOW CREATE TABLE, has_table runs DESCRIBE, the
// mysql client runs SHOW DATABASES / TABLES. ExecuteShow dispatches on the kind; the larger
// statements live beside this file (show_create.cc, show_columns.cc, show_table_status.cc),
// shared helpers in show_common.cc. LIKE filters names case-insensitively; WHERE filters the
// produced rows by their column names (show_filter.cc).

#include "execution/show.h"

#include <algorithm>

#include "common/status.h"
#include "execution/show_internal.h"

namespace vexdb {

namespace si = show_internal;

namespace {

// "Tables_in_test" / "Database", with " (pattern)" appended under LIKE, as MySQL names them.
std::string PatternColumnName(std::string base, const std::optional<std::string>& like) {
  if (like.has_value()) base += " (" + *like + ")";
  return base;
}

bool KeepName(const ast::ShowStatement& statement, std::string_view name) {
  return !statement.like.has_value() || si::MatchesLike(name, *statement.like);
}

Result<QueryResult> Filtered(const ast::ShowStatement& statement, QueryResult result) {
  if (statement.where != nullptr) {
    VEXDB_RETURN_IF_ERROR(si::FilterRows(*statement.where, &result));
  }
  return result;
}

Result<QueryResult> ShowDatabases(const ast::ShowStatement& statement, ShowContext& context) {
  std::vector<std::string> names = {std::string(si::kInformationSchema)};
  for (const DatabaseInfo& db : context.catalog.ListDatabases()) names.push_back(db.name);
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return FoldName(a) < FoldName(b); });
  QueryResult result =
      si::MakeResultSet({si::VarcharColumn(PatternColumnName("Database", statement.like))});
  for (const std::string& name : names) {
    if (KeepName(statement, name)) result.rows.push_back({Value::String(name)});
  }
  return Filtered(statement, std::move(result));
}

// (name, Table_type) of every table in a database.
std::vector<std::pair<std::string, std::string>> TableList(ShowContext& context,
                                                           const std::string& database) {
  std::vector<std::pair<std::string, std::string>> out;
  if (si::IsInformationSchema(database)) {
    for (std::string_view name : si::SystemTableNames()) {
      out.emplace_back(std::string(name), "SYSTEM VIEW");
    }
    return out;
  }
  for (const TableRef& table : context.catalog.ListTables(database)) {
    out.emplace_back(table->name, table->is_view ? "VIEW" : "BASE TABLE");
  }
  return out;
}

Result<QueryResult> ShowTables(const ast::ShowStatement& statement, ShowContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, si::FindDatabase(context, statement.database));
  std::vector<ResultColumn> columns = {
      si::VarcharColumn(PatternColumnName("Tables_in_" + database, statement.like))};
  if (statement.full) columns.push_back(si::VarcharColumn("Table_type"));
  QueryResult result = si::MakeResultSet(std::move(columns));
  for (auto& [name, type] : TableList(context, database)) {
    if (!KeepName(statement, name)) continue;
    Row row = {Value::String(name)};
    if (statement.full) row.push_back(Value::String(type));
    result.rows.push_back(std::move(row));
  }
  return Filtered(statement, std::move(result));
}

QueryResult NameValueResultSet() {
  return si::MakeResultSet({si::VarcharColumn("Variable_name"), si::TextColumn("Value")});
}

// SHOW VARIABLES and SHOW STATUS: name/value rows from `source` sorted by name (as MySQL
// lists them), filtered by LIKE / WHERE.
Result<QueryResult> ShowNameValues(
    const ast::ShowStatement& statement,
    const std::function<std::vector<VariableRow>(bool global)>& source) {
  QueryResult result = NameValueResultSet();
  if (source) {
    std::vector<VariableRow> variables = source(statement.global);
    std::sort(variables.begin(), variables.end(),
              [](const VariableRow& a, const VariableRow& b) { return a.name < b.name; });
    for (VariableRow& variable : variables) {
      if (!KeepName(statement, variable.name)) continue;
      result.rows.push_back(
          {Value::String(std::move(variable.name)), Value::String(std::move(variable.value))});
    }
  }
  return Filtered(statement, std::move(result));
}

QueryResult DiagnosticsResultSet(const std::vector<Diagnostic>* diagnostics, bool errors_only) {
  QueryResult result = si::MakeResultSet({si::VarcharColumn("Level", 7),
                                          si::BigIntColumn("Code", true),
                                          si::VarcharColumn("Message", 512)});
  if (diagnostics == nullptr) return result;
  for (const Diagnostic& d : *diagnostics) {
    if (errors_only && d.level != "Error") continue;
    result.rows.push_back({si::Str(d.level), Value::Int(d.code), si::Str(d.message)});
  }
  return result;
}

QueryResult EnginesResult() {
  QueryResult result = si::MakeResultSet(
      {si::VarcharColumn("Engine"), si::VarcharColumn("Support", 8),
       si::VarcharColumn("Comment", 80), si::VarcharColumn("Transactions", 3),
       si::VarcharColumn("XA", 3), si::VarcharColumn("Savepoints", 3)});
  result.rows.push_back({si::Str("InnoDB"), si::Str("DEFAULT"),
                         si::Str("Supports transactions, row-level locking, and foreign keys"),
                         si::Str("YES"), si::Str("YES"), si::Str("YES")});
  return result;
}

QueryResult ProcessListResultSet() {
  return si::MakeResultSet({si::BigIntColumn("Id", true), si::VarcharColumn("User", 32),
                            si::VarcharColumn("Host", 261), si::VarcharColumn("db"),
                            si::VarcharColumn("Command", 16), si::BigIntColumn("Time"),
                            si::VarcharColumn("State", 64), si::TextColumn("Info")});
}

QueryResult GrantsResult() {
  QueryResult result = si::MakeResultSet({si::TextColumn("Grants for root@%")});
  result.rows.push_back({si::Str("GRANT ALL PRIVILEGES ON *.* TO `root`@`%`")});
  return result;
}

QueryResult PluginsResultSet() {
  return si::MakeResultSet({si::VarcharColumn("Name"), si::VarcharColumn("Status", 10),
                            si::VarcharColumn("Type", 80), si::VarcharColumn("Library"),
                            si::VarcharColumn("License", 80)});
}

}  // namespace

namespace show_internal {

bool IsInformationSchema(std::string_view database) {
  return NameEquals(database, kInformationSchema);
}

Result<std::string> FindDatabase(const ShowContext& context, std::string_view database) {
  std::string_view name = database.empty() ? context.current_database : database;
  if (name.empty()) return Status::Error(ErrorCode::kNoDbSelected);
  if (IsInformationSchema(name)) return std::string(kInformationSchema);
  std::optional<DatabaseInfo> db = context.catalog.GetDatabase(name);
  if (!db.has_value()) return Status::Error(ErrorCode::kBadDb, name);
  return db->name;
}

Result<TableRef> FindTable(const ShowContext& context, std::string_view database,
                           std::string_view table) {
  std::string_view db = database.empty() ? context.current_database : database;
  if (db.empty()) return Status::Error(ErrorCode::kNoDbSelected);
  TableRef found = context.catalog.GetTable(db, table);
  if (found == nullptr) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  return found;
}

}  // namespace show_internal

Result<QueryResult> ExecuteShow(const ast::ShowStatement& statement, ShowContext& context) {
  switch (statement.kind) {
    case ast::ShowKind::kDatabases: return ShowDatabases(statement, context);
    case ast::ShowKind::kTables: return ShowTables(statement, context);
    case ast::ShowKind::kColumns: return si::ShowColumns(statement, context);
    case ast::ShowKind::kIndex: return si::ShowIndex(statement, context);
    case ast::ShowKind::kVariables: return ShowNameValues(statement, context.variables);
    case ast::ShowKind::kStatus: return ShowNameValues(statement, context.status);
    case ast::ShowKind::kCreateTable: return si::ShowCreateTable(statement, context);
    case ast::ShowKind::kCreateDatabase: return si::ShowCreateDatabase(statement, context);
    case ast::ShowKind::kWarnings: return DiagnosticsResultSet(context.diagnostics, false);
    case ast::ShowKind::kErrors: return DiagnosticsResultSet(context.diagnostics, true);
    case ast::ShowKind::kCollation: return si::ShowCollation(statement);
    case ast::ShowKind::kCharset: return si::ShowCharset(statement);
    case ast::ShowKind::kEngines: return Filtered(statement, EnginesResult());
    case ast::ShowKind::kProcessList: return ProcessListResultSet();
    case ast::ShowKind::kTableStatus: return si::ShowTableStatus(statement, context);
    case ast::ShowKind::kGrants: return GrantsResult();
    case ast::ShowKind::kPlugins: return PluginsResultSet();
  }
  return Status::Error(ErrorCode::kNotSupportedYet, "this SHOW statement");
}

}  // namespace vexdb

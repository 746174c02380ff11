#pragma once

// DDL execution: CREATE/DROP/ALTER/TRUNCATE/RENAME TABLE, CREATE/DROP INDEX, CREATE/DROP
// DATABASE, CREATE VIEW. Each statement turns the AST into catalog definitions (validating as
// MySQL does: types and lengths, keys, AUTO_INCREMENT, defaults, foreign keys) and applies them
// through the Catalog; data changes that DDL implies (index build, column defaults, DROP's data
// removal) go through TableStore. DDL is not transactional and commits any open transaction
// first (the caller, Session, does that). Returns an OK result (affected rows 0; warnings for
// IF [NOT] EXISTS no-ops).

#include "binder/binder.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "parser/ast.h"
#include "types/query_result.h"

namespace vexdb {

struct DdlContext {
  Catalog& catalog;
  StorageEngine& storage;
  std::string current_database;  // "" if none
  bool foreign_key_checks = true;
  int64_t now_micros = 0;
  // CREATE VIEW binds its SELECT to learn the view's columns; null resolvers leave
  // information_schema tables and @@variables unknown to that binding.
  const SystemTableResolver* system_tables = nullptr;
  const VariableTypes* variables = nullptr;
};

// REQUIRES: statement is one of kCreateTable, kDropTable, kCreateIndex, kDropIndex, kAlterTable,
// kTruncate, kRenameTable, kCreateDatabase, kDropDatabase, kCreateView.
Result<QueryResult> ExecuteDdl(const ast::Statement& statement, DdlContext& context);

// Builds the catalog definition of CREATE TABLE (exposed for tests and CREATE TABLE ... LIKE).
Result<TableInfo> BuildTableInfo(const ast::CreateTableStatement& create, DdlContext& context);

}  // namespace vexdb

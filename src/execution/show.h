#pragma once

// SHOW statements and DESCRIBE, answered from the catalog in MySQL 8.0's exact result layout
// (column names, types and row formats that clients and SQLAlchemy's reflection parse), and the
// information_schema virtual tables (SCHEMATA, TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE,
// REFERENTIAL_CONSTRAINTS, ...), which the binder resolves and the executor materializes.

#include <functional>

#include "binder/binder.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "parser/ast.h"
#include "types/query_result.h"

namespace vexdb {

// A system variable as SHOW VARIABLES lists it.
class VectorIndexRegistry;

struct VariableRow {
  std::string name;
  std::string value;
};

struct ShowContext {
  Catalog& catalog;
  StorageEngine& storage;
  std::string current_database;
  // SHOW [GLOBAL|SESSION] VARIABLES source (name-sorted).
  std::function<std::vector<VariableRow>(bool global)> variables;
  // SHOW [GLOBAL|SESSION] STATUS source (name-sorted).
  std::function<std::vector<VariableRow>(bool global)> status;
  // SHOW WARNINGS / SHOW ERRORS source: the previous statement's diagnostics (may be null).
  const std::vector<Diagnostic>* diagnostics = nullptr;
};

// REQUIRES: statement.type == kShow. Errors as MySQL: kNoSuchTable for SHOW CREATE TABLE /
// DESCRIBE of a missing table, kBadDb for SHOW TABLES FROM a missing database.
Result<QueryResult> ExecuteShow(const ast::ShowStatement& statement, ShowContext& context);

// SHOW CREATE TABLE text of a table (MySQL's layout; see mysql-sqlalchemy-needs.md §2.6).
std::string ShowCreateTableText(const TableInfo& table, StorageEngine& storage);

// information_schema: resolves the virtual tables for the binder and materializes their rows.
class InformationSchema : public SystemTableResolver, public SystemTableProvider {
 public:
  // `vector_indexes` (may be null) reports the build progress in TIFLASH_INDEXES.
  InformationSchema(Catalog& catalog, StorageEngine& storage,
                    const VectorIndexRegistry* vector_indexes = nullptr);
  bool Resolve(std::string_view database, std::string_view table,
               std::vector<ResultColumn>* columns) const override;
  Result<std::vector<Row>> Rows(std::string_view database, std::string_view table) override;

 private:
  Catalog& catalog_;
  StorageEngine& storage_;
  const VectorIndexRegistry* vector_indexes_;
};

}  // namespace vexdb

// DDL execution: one entry point that dispatches each statement kind to the file implementing
// it (ddl_create_table.cc, ddl_drop.cc, ddl_index.cc, ddl_alter_table.cc, ddl_rename.cc,
// ddl_database.cc, ddl_view.cc).
//
// How DDL works: a statement turns its AST into a new TableInfo (or DatabaseInfo), validated the
// way MySQL 8.0 / TiDB validate it, and hands it to the Catalog, which assigns ids and persists
// the definition with one synced meta write. Work on rows that a definition change implies runs
// in one storage transaction: filling a new index (ddl_data.cc, via TableStore::BuildIndex) or
// rewriting every row when column types or the clustered key change. When that transaction
// fails, the old definition is put back, so a failed DDL leaves the table as it was. DDL is not
// transactional and is not isolated from concurrent DML on the same table (as in MySQL without
// metadata locks): the Session commits the open transaction before calling in.

#include "execution/ddl.h"

#include "execution/ddl_internal.h"

namespace vexdb {

using namespace ddl_internal;  // NOLINT: the ddl_* files form one unit

Result<QueryResult> ExecuteDdl(const ast::Statement& statement, DdlContext& context) {
  switch (statement.type) {
    case ast::StatementType::kCreateTable:
      return CreateTable(statement.As<ast::CreateTableStatement>(), context);
    case ast::StatementType::kDropTable:
      return DropTables(statement.As<ast::DropTableStatement>(), context);
    case ast::StatementType::kTruncate:
      return TruncateTable(statement.As<ast::TruncateStatement>(), context);
    case ast::StatementType::kCreateIndex:
      return CreateIndex(statement.As<ast::CreateIndexStatement>(), context);
    case ast::StatementType::kDropIndex:
      return DropIndex(statement.As<ast::DropIndexStatement>(), context);
    case ast::StatementType::kAlterTable:
      return AlterTable(statement.As<ast::AlterTableStatement>(), context);
    case ast::StatementType::kRenameTable:
      return RenameTables(statement.As<ast::RenameTableStatement>(), context);
    case ast::StatementType::kCreateDatabase:
      return CreateDatabase(statement.As<ast::CreateDatabaseStatement>(), context);
    case ast::StatementType::kDropDatabase:
      return DropDatabase(statement.As<ast::DropDatabaseStatement>(), context);
    case ast::StatementType::kCreateView:
      return CreateView(statement.As<ast::CreateViewStatement>(), context);
    default:
      return Status::Internal("ExecuteDdl: not a DDL statement");
  }
}

}  // namespace vexdb

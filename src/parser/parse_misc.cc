// Transaction control (BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE), USE and
// KILL.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

std::unique_ptr<ast::TransactionStatement> MakeTransaction(ast::TransactionKind kind) {
  auto stmt = std::make_unique<ast::TransactionStatement>();
  stmt->kind = kind;
  return stmt;
}

}  // namespace

// BEGIN [WORK] | BEGIN {PESSIMISTIC|OPTIMISTIC} (TiDB; the mode is ignored)
Result<ast::StatementPtr> ParserImpl::ParseBegin() {
  Take();
  AcceptWord("WORK") || AcceptWord("PESSIMISTIC") || AcceptWord("OPTIMISTIC");
  return ast::StatementPtr(MakeTransaction(ast::TransactionKind::kBegin));
}

// START TRANSACTION [READ ONLY | READ WRITE | WITH CONSISTENT SNAPSHOT, ...]
Result<ast::StatementPtr> ParserImpl::ParseStartTransaction() {
  Take();
  VEXDB_RETURN_IF_ERROR(ExpectWord("TRANSACTION"));
  auto stmt = MakeTransaction(ast::TransactionKind::kBegin);
  if (AtStatementEnd()) return ast::StatementPtr(std::move(stmt));
  do {
    if (AcceptWords({"READ", "ONLY"})) {
      stmt->read_only = true;
    } else if (AcceptWords({"READ", "WRITE"})) {
      stmt->read_only = false;
    } else if (AcceptWords({"WITH", "CONSISTENT", "SNAPSHOT"})) {
      stmt->consistent_snapshot = true;
    } else {
      return SyntaxError();
    }
  } while (AcceptOp(","));
  return ast::StatementPtr(std::move(stmt));
}

// COMMIT [WORK] [AND [NO] CHAIN] [[NO] RELEASE]
Result<ast::StatementPtr> ParserImpl::ParseCommit() {
  Take();
  AcceptWord("WORK");
  AcceptWords({"AND", "NO", "CHAIN"}) || AcceptWords({"AND", "CHAIN"});
  AcceptWords({"NO", "RELEASE"}) || AcceptWord("RELEASE");
  return ast::StatementPtr(MakeTransaction(ast::TransactionKind::kCommit));
}

// ROLLBACK [WORK] [TO [SAVEPOINT] name]
Result<ast::StatementPtr> ParserImpl::ParseRollback() {
  Take();
  AcceptWord("WORK");
  if (!AcceptWord("TO")) {
    AcceptWords({"AND", "NO", "CHAIN"}) || AcceptWords({"AND", "CHAIN"});
    AcceptWords({"NO", "RELEASE"}) || AcceptWord("RELEASE");
    return ast::StatementPtr(MakeTransaction(ast::TransactionKind::kRollback));
  }
  AcceptWord("SAVEPOINT");
  auto stmt = MakeTransaction(ast::TransactionKind::kRollbackTo);
  VEXDB_ASSIGN_OR_RETURN(stmt->savepoint, ParseIdentifier());
  return ast::StatementPtr(std::move(stmt));
}

// SAVEPOINT name
Result<ast::StatementPtr> ParserImpl::ParseSavepoint() {
  Take();
  auto stmt = MakeTransaction(ast::TransactionKind::kSavepoint);
  VEXDB_ASSIGN_OR_RETURN(stmt->savepoint, ParseIdentifier());
  return ast::StatementPtr(std::move(stmt));
}

// RELEASE SAVEPOINT name
Result<ast::StatementPtr> ParserImpl::ParseRelease() {
  Take();
  VEXDB_RETURN_IF_ERROR(ExpectWord("SAVEPOINT"));
  auto stmt = MakeTransaction(ast::TransactionKind::kRelease);
  VEXDB_ASSIGN_OR_RETURN(stmt->savepoint, ParseIdentifier());
  return ast::StatementPtr(std::move(stmt));
}

// USE db
Result<ast::StatementPtr> ParserImpl::ParseUse() {
  Take();
  auto use = std::make_unique<ast::UseStatement>();
  VEXDB_ASSIGN_OR_RETURN(use->database, ParseIdentifier());
  return ast::StatementPtr(std::move(use));
}

// KILL [TIDB] [QUERY | CONNECTION] id
Result<ast::StatementPtr> ParserImpl::ParseKill() {
  Take();
  auto kill = std::make_unique<ast::KillStatement>();
  AcceptWord("TIDB");
  if (AcceptWord("QUERY")) {
    kill->query_only = true;
  } else {
    AcceptWord("CONNECTION");
  }
  VEXDB_ASSIGN_OR_RETURN(kill->connection_id, ParseInteger());
  return ast::StatementPtr(std::move(kill));
}

}  // namespace vexdb::parser_internal

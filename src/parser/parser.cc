// The parser's front door and statement dispatch.
//
// Parsing is split in two layers. The Lexer (lexer.cc) turns bytes into tokens on demand; it is
// the only code that looks at raw characters, so quoting, escapes, comments and executable
// comments are settled in one place. ParserImpl is a hand-written recursive-descent parser over
// that token stream: one method per grammar construct, expressions by precedence climbing with
// MySQL's operator table (parse_expr.cc). A hand-written parser rather than a generated one
// because MySQL's grammar is full of context-sensitive keywords (non-reserved words that are
// also identifiers, reserved words that are also function names) which are simplest to settle
// with a token of look-ahead at the point of use, and because errors must carry TiDB's
// position-and-near-text format. The AST (ast.h) keeps names as written; nothing here consults
// the catalog.
//
// Statements are recognised by their first word through kStatements below; each entry's parser
// consumes the statement up to (not including) its terminating ';'.

#include "parser/parser.h"

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb {

namespace parser_internal {

namespace {

struct StatementEntry {
  std::string_view first_word;
  Result<ast::StatementPtr> (ParserImpl::*parse)();
};

}  // namespace

ParserImpl::ParserImpl(std::string_view sql) : sql_(sql), lexer_(sql) {}

bool ParserImpl::AtEnd() {
  if (failed_) return true;
  while (PeekOp(";")) Take();
  return Peek().type == TokenType::kEnd;
}

Result<ast::StatementPtr> ParserImpl::ParseNext() {
  if (failed_) return Status::Error(ErrorCode::kEmptyQuery);
  while (PeekOp(";")) Take();
  segment_begin_ = prev_end_;
  param_count_ = 0;
  depth_ = 0;
  if (Peek().type == TokenType::kEnd) return Status::Error(ErrorCode::kEmptyQuery);
  stmt_begin_ = Peek().offset;
  Result<ast::StatementPtr> result = ParseStatementBody();
  if (result.ok() && !AtStatementEnd()) result = SyntaxError();
  if (!result.ok()) {
    failed_ = true;
    return result;
  }
  (*result)->text = std::string(SourceText(stmt_begin_, prev_end_));
  AcceptOp(";");
  return result;
}

Result<ast::StatementPtr> ParserImpl::ParseSingle() {
  if (AtEnd()) return Status::Error(ErrorCode::kEmptyQuery);
  VEXDB_ASSIGN_OR_RETURN(ast::StatementPtr stmt, ParseNext());
  if (!AtEnd()) return SyntaxError();
  return stmt;
}

Result<ast::ExprPtr> ParserImpl::ParseStandaloneExpr() {
  if (Peek().type == TokenType::kEnd) return Status::Error(ErrorCode::kEmptyQuery);
  stmt_begin_ = Peek().offset;
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr expr, ParseExpr());
  if (Peek().type != TokenType::kEnd) return SyntaxError();
  return expr;
}

Result<ast::StatementPtr> ParserImpl::ParseStatementBody() {
  static constexpr StatementEntry kStatements[] = {
      {"SELECT", &ParserImpl::ParseSelectStatement},
      {"WITH", &ParserImpl::ParseSelectStatement},
      {"INSERT", &ParserImpl::ParseInsert},
      {"REPLACE", &ParserImpl::ParseInsert},
      {"UPDATE", &ParserImpl::ParseUpdate},
      {"DELETE", &ParserImpl::ParseDelete},
      {"CREATE", &ParserImpl::ParseCreate},
      {"DROP", &ParserImpl::ParseDrop},
      {"ALTER", &ParserImpl::ParseAlter},
      {"TRUNCATE", &ParserImpl::ParseTruncate},
      {"RENAME", &ParserImpl::ParseRenameTable},
      {"SHOW", &ParserImpl::ParseShow},
      {"DESCRIBE", &ParserImpl::ParseDescribe},
      {"DESC", &ParserImpl::ParseDescribe},
      {"EXPLAIN", &ParserImpl::ParseDescribe},
      {"SET", &ParserImpl::ParseSet},
      {"BEGIN", &ParserImpl::ParseBegin},
      {"START", &ParserImpl::ParseStartTransaction},
      {"COMMIT", &ParserImpl::ParseCommit},
      {"ROLLBACK", &ParserImpl::ParseRollback},
      {"SAVEPOINT", &ParserImpl::ParseSavepoint},
      {"RELEASE", &ParserImpl::ParseRelease},
      {"USE", &ParserImpl::ParseUse},
      {"KILL", &ParserImpl::ParseKill},
      {"LOCK", &ParserImpl::ParseNoOp},
      {"UNLOCK", &ParserImpl::ParseNoOp},
      {"ANALYZE", &ParserImpl::ParseNoOp},
      {"FLUSH", &ParserImpl::ParseNoOp},
      {"OPTIMIZE", &ParserImpl::ParseNoOp},
      {"DO", &ParserImpl::ParseNoOp},
  };
  if (PeekOp("(")) return ParseSelectStatement();
  for (const StatementEntry& entry : kStatements) {
    if (PeekWord(entry.first_word)) return (this->*entry.parse)();
  }
  return SyntaxError();
}

// Accepted and ignored: LOCK/UNLOCK TABLES, ANALYZE/OPTIMIZE TABLE, FLUSH, DO expr.
Result<ast::StatementPtr> ParserImpl::ParseNoOp() {
  if (AcceptWord("DO")) {
    VEXDB_RETURN_IF_ERROR(ParseExprList().status());
  } else {
    Take();
    if (AtStatementEnd()) return SyntaxError();
    SkipToStatementEnd();
    if (Peek().type == TokenType::kError) return SyntaxError();
  }
  return ast::StatementPtr(std::make_unique<ast::NoOpStatement>());
}

}  // namespace parser_internal

class Parser::Impl : public parser_internal::ParserImpl {
 public:
  using ParserImpl::ParserImpl;
};

Parser::Parser(std::string_view sql) : impl_(std::make_unique<Impl>(sql)) {}
Parser::~Parser() = default;

bool Parser::AtEnd() { return impl_->AtEnd(); }
Result<ast::StatementPtr> Parser::ParseNext() { return impl_->ParseNext(); }

Result<ast::StatementPtr> ParseStatement(std::string_view sql) {
  parser_internal::ParserImpl parser(sql);
  return parser.ParseSingle();
}

Result<ast::ExprPtr> ParseExpression(std::string_view sql) {
  parser_internal::ParserImpl parser(sql);
  return parser.ParseStandaloneExpr();
}

}  // namespace vexdb

#pragma once

// Parser: SQL text in the MySQL 8.0 / TiDB dialect -> AST (ast.h). A hand-written lexer and a
// recursive-descent parser with precedence climbing for expressions; byte-clean (strings may
// hold any bytes, including invalid UTF-8), and bounded: nesting deeper than kMaxDepth is a
// syntax error rather than a stack overflow. Knows nothing of the catalog.
//
// Errors are kParseError (1064, SQLSTATE 42000) in TiDB's wording:
//   You have an error in your SQL syntax; check the manual that corresponds to your TiDB version
//   for the right syntax to use line 1 column 7 near "FROM" 
// where "near" quotes the text from the offending token on (at most 80 bytes). An empty
// statement is kEmptyQuery (1065).
//
// Thread safety: a Parser is used by one thread at a time; distinct Parsers are independent.
// Stack: the deepest input allowed by kMaxDepth needs about 400 KB of stack in an optimized
// build (robustness_test.cc checks 1 MB), so parse on threads with at least 1 MB.

#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "parser/ast.h"

namespace vexdb {

class Parser {
 public:
  static constexpr int kMaxDepth = 512;

  // `sql` must outlive the Parser.
  explicit Parser(std::string_view sql);
  ~Parser();

  // True when only whitespace, comments and ';' remain.
  bool AtEnd();
  // Parses the next ';'-terminated statement. After an error, AtEnd() is true.
  Result<ast::StatementPtr> ParseNext();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses text that must hold exactly one statement (a trailing ';' is allowed).
Result<ast::StatementPtr> ParseStatement(std::string_view sql);
// Parses a standalone expression (DEFAULT (expr) texts stored in the catalog).
Result<ast::ExprPtr> ParseExpression(std::string_view sql);

}  // namespace vexdb

#pragma once

// ParserImpl: the recursive-descent parser behind Parser (parser.h). Private to src/parser/.
//
// It pulls tokens from the Lexer on demand into a small look-ahead queue, so memory stays flat
// however long a statement is. Each Parse* method consumes one construct and returns it, or a
// 1064 syntax error naming the token where the input stopped making sense. The methods are
// spread over files by construct: parser_cursor.cc (token access, names, errors), parse_expr.cc
// (operators and precedence), parse_primary.cc (operands, literals, function-call forms),
// parse_type.cc, parse_select.cc, parse_dml.cc, parse_create_table.cc, parse_alter_table.cc,
// parse_ddl.cc, parse_show.cc, parse_set.cc and parse_misc.cc; parser.cc dispatches
// statements.
//
// Recursion is bounded: depth_ counts nested constructs (and the length of left-deep operator
// chains) and passing Parser::kMaxDepth is a syntax error, so hostile input cannot overflow the
// stack and the AST handed on stays shallow enough for recursive consumers.

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "parser/ast.h"
#include "parser/lexer.h"
#include "parser/token.h"

namespace vexdb::parser_internal {

// MySQL's operator precedence, loosest first; ParseExprPrec(p) parses operators binding at
// least as tightly as p.
enum Precedence : int {
  kPrecNone = 0,
  kPrecAssign,   // :=
  kPrecOr,       // OR ||
  kPrecXor,      // XOR
  kPrecAnd,      // AND &&
  kPrecNot,      // NOT
  kPrecCompare,  // = <=> ... IS LIKE REGEXP IN BETWEEN
  kPrecBitOr,    // |
  kPrecBitAnd,   // &
  kPrecShift,    // << >>
  kPrecAdd,      // + -
  kPrecMul,      // * / DIV % MOD
  kPrecBitXor,   // ^
  kPrecUnary,    // unary - + ~
  kPrecBang,     // !
  kPrecCollate,  // BINARY COLLATE
  kPrecJson,     // -> ->>
};

class ParserImpl {
 public:
  // `sql` must outlive the ParserImpl.
  explicit ParserImpl(std::string_view sql);

  bool AtEnd();
  Result<ast::StatementPtr> ParseNext();
  // One statement, then only ';' / end of input.
  Result<ast::StatementPtr> ParseSingle();
  // One expression, then end of input.
  Result<ast::ExprPtr> ParseStandaloneExpr();

 private:
  friend class DepthGuard;

  // ---- parser_cursor.cc: tokens, names, errors
  const Token& Peek(size_t n = 0);
  Token Take();
  bool PeekWord(std::string_view keyword, size_t n = 0);
  bool PeekOp(std::string_view op, size_t n = 0);
  bool AcceptWord(std::string_view keyword);
  bool AcceptOp(std::string_view op);
  // Consumes the words in order if all of them come next.
  bool AcceptWords(std::initializer_list<std::string_view> keywords);
  Status ExpectWord(std::string_view keyword);
  Status ExpectOp(std::string_view op);
  bool AtStatementEnd();  // ';' or end of input next
  // A 1064 error at the next token (or at `tok`).
  Status SyntaxError();
  Status SyntaxErrorAt(const Token& tok, std::string_view detail = {});
  int Loc(const Token& tok) const { return tok.offset - stmt_begin_; }
  std::string_view SourceText(int begin, int end) const;

  // True if the next token can be an identifier: a quoted name or a non-reserved word.
  bool PeekIdentifier(size_t n = 0);
  Result<std::string> ParseIdentifier();
  // After a '.', any word is a name (t.order, t.`select`).
  Result<std::string> ParseNameAfterDot();
  // [db.]name
  Result<ast::QualifiedName> ParseQualifiedName();
  Status ParseQualifiedName(std::string* database, std::string* name);
  // '(' ident, ... ')'
  Result<std::vector<std::string>> ParseParenIdentifierList();
  Result<std::string> ParseStringLiteral();
  // An identifier or a string literal (aliases, charset and collation names).
  Result<std::string> ParseIdentOrString();
  // A name given as identifier, string or any word (charset names such as `binary`, ENGINE=...).
  Result<std::string> ParseOptionValueName();
  Result<int64_t> ParseInteger();
  // [=]
  void AcceptEquals() { AcceptOp("="); }
  // Skips tokens up to the end of the statement (no-op statements).
  void SkipToStatementEnd();

  // ---- parser.cc: statement dispatch
  Result<ast::StatementPtr> ParseStatementBody();
  Result<ast::StatementPtr> ParseNoOp();

  // ---- parse_expr.cc: operators
  Result<ast::ExprPtr> ParseExpr();
  Result<ast::ExprPtr> ParseExprPrec(int min_prec);
  Result<ast::ExprList> ParseExprList();  // expr, expr, ...
  int InfixPrecedence();
  Result<ast::ExprPtr> ParsePrefix();
  Result<ast::ExprPtr> ParseInfix(ast::ExprPtr left, int prec);
  Result<ast::ExprPtr> ParseLogicalChain(ast::ExprPtr first, int prec);
  Result<ast::ExprPtr> ParseComparison(ast::ExprPtr left, const Token& op);
  Result<ast::ExprPtr> ParseIsTail(ast::ExprPtr left);
  Result<ast::ExprPtr> ParseNegatablePredicate(ast::ExprPtr left, bool negated);
  Result<ast::ExprPtr> ParseInTail(ast::ExprPtr left, bool negated);
  Result<ast::ExprPtr> ParseCollateTail(ast::ExprPtr left);

  // ---- parse_primary.cc: operands
  Result<ast::ExprPtr> ParsePrimary();
  Result<ast::ExprPtr> ParseWordPrimary();
  Result<ast::ExprPtr> ParseNumberLiteral();
  Result<ast::ExprPtr> ParseStringLiteralExpr(std::string introducer);
  Result<ast::ExprPtr> ParseParenthesized();
  Result<ast::ExprPtr> ParseColumnRefOrCall();
  Result<ast::ExprPtr> ParseFunctionCall(std::string name, int location);
  Status ParseFunctionArgs(ast::FunctionExpr* fn);
  Result<ast::ExprPtr> ParseCase();
  Result<ast::ExprPtr> ParseCast();
  Result<ast::ExprPtr> ParseConvert();
  Result<ast::ExprPtr> ParseExtract();
  Result<ast::ExprPtr> ParseTrim();
  Result<ast::ExprPtr> ParseSubstring();
  Result<ast::ExprPtr> ParsePosition();
  Result<ast::ExprPtr> ParseCharFunction();
  Result<ast::ExprPtr> ParseTimestampUnitFunction();
  Result<ast::ExprPtr> ParseMatch();
  Result<ast::ExprPtr> ParseExists();
  Result<ast::ExprPtr> ParseDefault();
  Result<ast::ExprPtr> ParseRowConstructor();
  Result<ast::ExprPtr> ParseInterval();
  Result<std::string> ParseIntervalUnit();
  Result<std::unique_ptr<ast::WindowSpec>> ParseOver();
  Status ParseWindowSpecBody(ast::WindowSpec* spec);
  Status ParseWindowFrame(ast::WindowSpec* spec);
  Status ParseFrameBound();

  // ---- parse_type.cc: data types
  // A column type with its attributes (UNSIGNED, ZEROFILL, CHARACTER SET, COLLATE, BINARY).
  Result<LogicalType> ParseDataType();
  // A CAST/CONVERT target (see CastExpr).
  Result<LogicalType> ParseCastType();
  // (n) if present, else `fallback`.
  Result<int64_t> ParseOptionalLength(int64_t fallback);
  // (p[, s]) into precision/scale.
  Status ParsePrecisionScale(LogicalType* type, int default_precision, int default_scale);
  Status ParseNumericAttributes(LogicalType* type);
  Status ParseStringAttributes(LogicalType* type);
  Result<std::vector<std::string>> ParseEnumElements();
  Result<LogicalType> ParseVectorType();
  Result<LogicalType> ParseBoolType();
  Result<LogicalType> ParseBitType();
  Result<LogicalType> ParseDecimalType();
  Result<LogicalType> ParseFloatType();
  Result<LogicalType> ParseTemporalType();
  Result<LogicalType> ParseCharType();
  Result<LogicalType> ParseBinaryType();
  Result<LogicalType> ParseLobType();
  Result<LogicalType> ParseEnumType();
  Result<std::string> ParseCharsetName();

  // ---- parse_select.cc: queries
  Result<ast::StatementPtr> ParseSelectStatement();
  Result<std::unique_ptr<ast::SelectStmt>> ParseQueryExpression();
  Result<std::unique_ptr<ast::SelectStmt>> ParseSetOperations();
  Result<std::unique_ptr<ast::SelectStmt>> ParseIntersections();
  Result<std::unique_ptr<ast::SelectStmt>> ParseQueryPrimary();
  Result<std::unique_ptr<ast::SelectStmt>> ParseSelectCore();
  Status ParseQueryTail(ast::SelectStmt* query);
  Status ParseWithClause(ast::SelectStmt* query);
  Status ParseSelectModifiers(ast::SelectStmt* query);
  Result<ast::SelectItem> ParseSelectItem();
  // [AS] alias; "" when absent. String aliases allowed when `allow_string`.
  Result<std::string> ParseOptionalAlias(bool allow_string);
  Result<std::unique_ptr<ast::TableRef>> ParseTableRefs();
  Result<std::unique_ptr<ast::TableRef>> ParseJoinedTable();
  Result<std::unique_ptr<ast::TableRef>> ParseTableFactor();
  Result<std::unique_ptr<ast::TableRef>> ParseDerivedTable();
  Result<std::unique_ptr<ast::TableRef>> ParseBaseTable();
  // Returns false (no error) when no join keyword follows.
  Result<bool> ParseJoinKeyword(ast::TableRef* join);
  Status ParseJoinCondition(ast::TableRef* join);
  Status SkipIndexHints();
  bool PeekQueryStart(size_t n = 0);  // SELECT / WITH, after any run of '('
  Result<std::vector<ast::OrderItem>> ParseOrderBy();  // after ORDER BY
  Status ParseGroupBy(ast::SelectStmt* query);
  Status ParseLimit(ast::ExprPtr* limit, ast::ExprPtr* offset);
  Status ParseLocking(ast::SelectStmt* query);
  Status ParseWindowClause(ast::SelectStmt* query);

  // ---- parse_dml.cc
  Result<ast::StatementPtr> ParseInsert();
  Status ParseInsertSource(ast::InsertStatement* insert);
  Status ParseValuesRows(ast::InsertStatement* insert);
  Result<ast::ExprList> ParseValuesRow();
  Result<std::vector<ast::Assignment>> ParseAssignments();
  Result<ast::StatementPtr> ParseUpdate();
  Result<ast::StatementPtr> ParseDelete();
  Status ParseDeleteTargets(ast::DeleteStatement* del);
  Status ParseDmlTail(ast::ExprPtr* where, std::vector<ast::OrderItem>* order_by,
                      ast::ExprPtr* limit);

  // ---- parse_create_table.cc
  Result<ast::StatementPtr> ParseCreate();
  Result<ast::StatementPtr> ParseCreateTable(bool temporary);
  Status ParseTableElements(ast::CreateTableStatement* create);
  bool PeekConstraintStart();
  Result<ast::ColumnDef> ParseColumnDef();
  Status ParseColumnOptions(ast::ColumnDef* column);
  Result<bool> ParseColumnOption(ast::ColumnDef* column);
  Result<ast::ExprPtr> ParseDefaultValue(bool* parenthesized);
  Status ParseOnUpdateTimestamp();
  // `if_not_exists`: where ALTER TABLE ADD {INDEX|KEY|...} IF NOT EXISTS is allowed.
  Result<ast::ConstraintDef> ParseConstraintDef(bool* if_not_exists = nullptr);
  Status ParseKeyConstraint(ast::ConstraintDef* def, bool* if_not_exists);
  Status ParseForeignKey(ast::ConstraintDef* def);
  Status ParseReferences(ast::ConstraintDef* def);
  Result<ast::RefAction> ParseRefAction();
  Status ParseCheckConstraint(ast::ConstraintDef* def);
  Result<std::vector<ast::IndexPart>> ParseIndexParts();
  Status ParseIndexOptions(ast::ConstraintDef* def);
  Result<bool> ParseVectorIndexParam(ast::VectorIndexParams* params);
  Result<bool> ParseTableOption(ast::TableOptions* options);
  Status ParseTableOptions(ast::TableOptions* options);

  // ---- parse_alter_table.cc
  Result<ast::StatementPtr> ParseAlter();
  Status ParseAlterAction(ast::AlterTableStatement* alter);
  Status ParseAlterAdd(ast::AlterTableStatement* alter);
  Status ParseAlterDrop(ast::AlterAction* action);
  Status ParseAlterRename(ast::AlterAction* action);
  Status ParseAlterColumnDefault(ast::AlterAction* action);
  Status ParseColumnPosition(ast::AlterAction* action);
  Status ParseTiflashReplica(ast::AlterAction* action);

  // ---- parse_ddl.cc
  Result<ast::StatementPtr> ParseCreateIndex(ast::ConstraintKind kind);
  Result<ast::StatementPtr> ParseCreateView(bool or_replace);
  Result<ast::StatementPtr> ParseCreateDatabase();
  Result<ast::StatementPtr> ParseDrop();
  Result<ast::StatementPtr> ParseDropTable(bool temporary, bool is_view);
  Result<ast::StatementPtr> ParseDropIndex();
  Result<ast::StatementPtr> ParseDropDatabase();
  Result<ast::StatementPtr> ParseTruncate();
  Result<ast::StatementPtr> ParseRenameTable();

  // ---- parse_show.cc
  Result<ast::StatementPtr> ParseShow();
  Status ParseShowFilter(ast::ShowStatement* show);  // [LIKE 'x' | WHERE expr]
  Status ParseShowTableName(ast::ShowStatement* show);  // FROM|IN t [FROM|IN db]
  Result<ast::StatementPtr> ParseDescribe();
  Result<ast::StatementPtr> ParseExplain();

  // ---- parse_set.cc
  Result<ast::StatementPtr> ParseSet();
  Result<ast::SetItem> ParseSetItem();
  Status ParseSetTransaction(ast::SetItem* item);
  Result<ast::ExprPtr> ParseSetValue();

  // ---- parse_misc.cc
  Result<ast::StatementPtr> ParseBegin();
  Result<ast::StatementPtr> ParseStartTransaction();
  Result<ast::StatementPtr> ParseCommit();
  Result<ast::StatementPtr> ParseRollback();
  Result<ast::StatementPtr> ParseSavepoint();
  Result<ast::StatementPtr> ParseRelease();
  Result<ast::StatementPtr> ParseUse();
  Result<ast::StatementPtr> ParseKill();

  std::string_view sql_;
  Lexer lexer_;
  std::deque<Token> lookahead_;
  int prev_end_ = 0;       // end offset of the last consumed token
  int stmt_begin_ = 0;     // offset of the current statement's first token
  int segment_begin_ = 0;  // offset where the current statement's text region starts
  int depth_ = 0;
  int param_count_ = 0;
  bool failed_ = false;
};

// Counts one level of nesting for its lifetime; Add() counts further levels (operator chains).
class DepthGuard {
 public:
  explicit DepthGuard(ParserImpl* parser) : parser_(parser) { Add(); }
  ~DepthGuard() { parser_->depth_ -= count_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

  void Add() {
    ++parser_->depth_;
    ++count_;
  }
  bool TooDeep() const;

 private:
  ParserImpl* parser_;
  int count_ = 0;
};

}  // namespace vexdb::parser_internal

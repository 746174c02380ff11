// Queries: WITH, set operations (UNION/EXCEPT left-associative, INTERSECT binding tighter as in
// MySQL 8.0.31), parenthesized query expressions, the SELECT core (modifiers, items, FROM with
// joins and derived tables, WHERE, GROUP BY [WITH ROLLUP], HAVING, WINDOW), and the trailing
// ORDER BY / LIMIT / locking clauses, which belong to the whole query expression.

#include <utility>

#include "parser/parser.h"
#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

bool HasTail(const ast::SelectStmt& q) {
  return !q.order_by.empty() || q.limit != nullptr || q.lock != ast::LockMode::kNone;
}

std::unique_ptr<ast::SelectStmt> MakeSetOp(ast::SetOp op, std::unique_ptr<ast::SelectStmt> left,
                                           std::unique_ptr<ast::SelectStmt> right) {
  auto node = std::make_unique<ast::SelectStmt>();
  node->set_op = op;
  node->left = std::move(left);
  node->right = std::move(right);
  return node;
}

}  // namespace

Result<ast::StatementPtr> ParserImpl::ParseSelectStatement() {
  auto stmt = std::make_unique<ast::SelectStatement>();
  VEXDB_ASSIGN_OR_RETURN(stmt->select, ParseQueryExpression());
  return ast::StatementPtr(std::move(stmt));
}

// The '(' run is scanned at most kMaxDepth deep: a longer one is a nesting error anyway, and the
// bound keeps the look-ahead (and the work of repeated scans) small.
bool ParserImpl::PeekQueryStart(size_t n) {
  for (size_t limit = n + Parser::kMaxDepth; PeekOp("(", n) && n < limit;) ++n;
  return PeekWord("SELECT", n) || PeekWord("WITH", n);
}

// [WITH ...] set-operation chain [ORDER BY] [LIMIT] [locking]
Result<std::unique_ptr<ast::SelectStmt>> ParserImpl::ParseQueryExpression() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return SyntaxError();
  ast::SelectStmt with_holder;
  if (PeekWord("WITH")) VEXDB_RETURN_IF_ERROR(ParseWithClause(&with_holder));
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> query, ParseSetOperations());
  if (!with_holder.with.empty()) {
    if (!query->with.empty()) return SyntaxError();
    query->with = std::move(with_holder.with);
    query->with_recursive = with_holder.with_recursive;
  }
  bool has_tail = PeekWord("ORDER") || PeekWord("LIMIT") || PeekWord("FOR") || PeekWord("LOCK");
  if (has_tail && HasTail(*query)) return SyntaxError();
  VEXDB_RETURN_IF_ERROR(ParseQueryTail(query.get()));
  return query;
}

Status ParserImpl::ParseQueryTail(ast::SelectStmt* query) {
  if (AcceptWords({"ORDER", "BY"})) {
    VEXDB_ASSIGN_OR_RETURN(query->order_by, ParseOrderBy());
  }
  if (AcceptWord("LIMIT")) VEXDB_RETURN_IF_ERROR(ParseLimit(&query->limit, &query->offset));
  return ParseLocking(query);
}

// WITH [RECURSIVE] name [(cols)] AS (query), ...
Status ParserImpl::ParseWithClause(ast::SelectStmt* query) {
  Take();  // WITH
  query->with_recursive = AcceptWord("RECURSIVE");
  do {
    ast::CommonTableExpr cte;
    VEXDB_ASSIGN_OR_RETURN(cte.name, ParseIdentifier());
    if (PeekOp("(")) {
      VEXDB_ASSIGN_OR_RETURN(cte.columns, ParseParenIdentifierList());
    }
    VEXDB_RETURN_IF_ERROR(ExpectWord("AS"));
    VEXDB_RETURN_IF_ERROR(ExpectOp("("));
    VEXDB_ASSIGN_OR_RETURN(cte.query, ParseQueryExpression());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    query->with.push_back(std::move(cte));
  } while (AcceptOp(","));
  return Status::OK();
}

// a {UNION|EXCEPT} [ALL|DISTINCT] b ...
Result<std::unique_ptr<ast::SelectStmt>> ParserImpl::ParseSetOperations() {
  DepthGuard guard(this);
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> left, ParseIntersections());
  while (PeekWord("UNION") || PeekWord("EXCEPT")) {
    bool is_union = Take().IsWord("UNION");
    bool all = AcceptWord("ALL");
    if (!all) AcceptWord("DISTINCT");
    if (all && !is_union) return SyntaxError();  // EXCEPT ALL: not supported
    guard.Add();
    if (guard.TooDeep()) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> right, ParseIntersections());
    ast::SetOp op = !is_union ? ast::SetOp::kExcept
                    : all     ? ast::SetOp::kUnionAll
                              : ast::SetOp::kUnion;
    left = MakeSetOp(op, std::move(left), std::move(right));
  }
  return left;
}

// a INTERSECT [DISTINCT] b ...
Result<std::unique_ptr<ast::SelectStmt>> ParserImpl::ParseIntersections() {
  DepthGuard guard(this);
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> left, ParseQueryPrimary());
  while (AcceptWord("INTERSECT")) {
    if (PeekWord("ALL")) return SyntaxError();  // INTERSECT ALL: not supported
    AcceptWord("DISTINCT");
    guard.Add();
    if (guard.TooDeep()) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> right, ParseQueryPrimary());
    left = MakeSetOp(ast::SetOp::kIntersect, std::move(left), std::move(right));
  }
  return left;
}

// SELECT ... | ( query expression )
Result<std::unique_ptr<ast::SelectStmt>> ParserImpl::ParseQueryPrimary() {
  if (AcceptOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::SelectStmt> query, ParseQueryExpression());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return query;
  }
  if (PeekWord("SELECT")) return ParseSelectCore();
  return SyntaxError();
}

Result<std::unique_ptr<ast::SelectStmt>> ParserImpl::ParseSelectCore() {
  Take();  // SELECT
  auto query = std::make_unique<ast::SelectStmt>();
  VEXDB_RETURN_IF_ERROR(ParseSelectModifiers(query.get()));
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::SelectItem item, ParseSelectItem());
    query->items.push_back(std::move(item));
  } while (AcceptOp(","));
  if (AcceptWord("FROM")) {
    if (!AcceptWord("DUAL")) {
      VEXDB_ASSIGN_OR_RETURN(query->from, ParseTableRefs());
    }
  }
  if (AcceptWord("WHERE")) {
    VEXDB_ASSIGN_OR_RETURN(query->where, ParseExpr());
  }
  if (AcceptWords({"GROUP", "BY"})) VEXDB_RETURN_IF_ERROR(ParseGroupBy(query.get()));
  if (AcceptWord("HAVING")) {
    VEXDB_ASSIGN_OR_RETURN(query->having, ParseExpr());
  }
  if (PeekWord("WINDOW")) VEXDB_RETURN_IF_ERROR(ParseWindowClause(query.get()));
  return query;
}

// ALL | DISTINCT | DISTINCTROW | SQL_CALC_FOUND_ROWS, and ignored hints (HIGH_PRIORITY,
// STRAIGHT_JOIN, SQL_SMALL_RESULT, SQL_BIG_RESULT, SQL_BUFFER_RESULT, SQL_CACHE, SQL_NO_CACHE).
Status ParserImpl::ParseSelectModifiers(ast::SelectStmt* query) {
  static constexpr std::string_view kIgnored[] = {
      "ALL", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT",
      "SQL_BUFFER_RESULT", "SQL_CACHE", "SQL_NO_CACHE",
  };
  while (true) {
    if (AcceptWord("DISTINCT") || AcceptWord("DISTINCTROW")) {
      query->distinct = true;
      continue;
    }
    if (AcceptWord("SQL_CALC_FOUND_ROWS")) {
      query->calc_found_rows = true;
      continue;
    }
    bool ignored = false;
    for (std::string_view word : kIgnored) ignored = ignored || AcceptWord(word);
    if (!ignored) return Status::OK();
  }
}

// * | expr [[AS] alias]; t.* comes back from the expression parser as a StarExpr.
Result<ast::SelectItem> ParserImpl::ParseSelectItem() {
  ast::SelectItem item;
  int begin = Peek().offset;
  if (PeekOp("*")) {
    item.expr = std::make_unique<ast::StarExpr>();
    item.expr->location = Loc(Take());
  } else {
    VEXDB_ASSIGN_OR_RETURN(item.expr, ParseExpr());
  }
  item.text = std::string(SourceText(begin, prev_end_));
  item.text_location = begin - stmt_begin_;
  if (item.expr->type != ast::ExprType::kStar) {
    VEXDB_ASSIGN_OR_RETURN(item.alias, ParseOptionalAlias(/*allow_string=*/true));
  }
  return item;
}

Result<std::string> ParserImpl::ParseOptionalAlias(bool allow_string) {
  if (AcceptWord("AS")) {
    if (allow_string && Peek().type == TokenType::kString) return ParseStringLiteral();
    return ParseIdentifier();
  }
  if (PeekIdentifier()) return Take().text;
  if (allow_string && Peek().type == TokenType::kString) return ParseStringLiteral();
  return std::string();
}

// table_ref [, table_ref ...]: commas are cross joins, binding looser than JOIN.
Result<std::unique_ptr<ast::TableRef>> ParserImpl::ParseTableRefs() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return SyntaxError();
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::TableRef> left, ParseJoinedTable());
  while (AcceptOp(",")) {
    guard.Add();
    if (guard.TooDeep()) return SyntaxError();
    auto join = std::make_unique<ast::TableRef>();
    join->kind = ast::TableRef::Kind::kJoin;
    join->join_type = ast::JoinType::kCross;
    join->left = std::move(left);
    VEXDB_ASSIGN_OR_RETURN(join->right, ParseJoinedTable());
    left = std::move(join);
  }
  return left;
}

// factor { join_keyword factor [ON expr | USING (cols)] }*
Result<std::unique_ptr<ast::TableRef>> ParserImpl::ParseJoinedTable() {
  DepthGuard guard(this);
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::TableRef> left, ParseTableFactor());
  while (true) {
    auto join = std::make_unique<ast::TableRef>();
    join->kind = ast::TableRef::Kind::kJoin;
    VEXDB_ASSIGN_OR_RETURN(bool is_join, ParseJoinKeyword(join.get()));
    if (!is_join) break;
    guard.Add();
    if (guard.TooDeep()) return SyntaxError();
    join->left = std::move(left);
    VEXDB_ASSIGN_OR_RETURN(join->right, ParseTableFactor());
    if (!join->natural) VEXDB_RETURN_IF_ERROR(ParseJoinCondition(join.get()));
    left = std::move(join);
  }
  return left;
}

// [INNER|CROSS] JOIN | STRAIGHT_JOIN | {LEFT|RIGHT} [OUTER] JOIN |
// NATURAL [INNER | {LEFT|RIGHT} [OUTER]] JOIN
Result<bool> ParserImpl::ParseJoinKeyword(ast::TableRef* join) {
  join->join_type = ast::JoinType::kInner;
  if (AcceptWord("NATURAL")) {
    join->natural = true;
    if (PeekWord("LEFT") || PeekWord("RIGHT")) {
      join->join_type = Take().IsWord("LEFT") ? ast::JoinType::kLeft : ast::JoinType::kRight;
      AcceptWord("OUTER");
    } else {
      AcceptWord("INNER");
    }
    VEXDB_RETURN_IF_ERROR(ExpectWord("JOIN"));
    return true;
  }
  if (PeekWord("LEFT") || PeekWord("RIGHT")) {
    join->join_type = Take().IsWord("LEFT") ? ast::JoinType::kLeft : ast::JoinType::kRight;
    AcceptWord("OUTER");
    VEXDB_RETURN_IF_ERROR(ExpectWord("JOIN"));
    return true;
  }
  if (AcceptWord("CROSS")) {
    join->join_type = ast::JoinType::kCross;
    VEXDB_RETURN_IF_ERROR(ExpectWord("JOIN"));
    return true;
  }
  if (AcceptWord("INNER")) {
    VEXDB_RETURN_IF_ERROR(ExpectWord("JOIN"));
    return true;
  }
  return AcceptWord("JOIN") || AcceptWord("STRAIGHT_JOIN");
}

Status ParserImpl::ParseJoinCondition(ast::TableRef* join) {
  if (AcceptWord("ON")) {
    VEXDB_ASSIGN_OR_RETURN(join->on, ParseExpr());
  } else if (AcceptWord("USING")) {
    VEXDB_ASSIGN_OR_RETURN(join->using_columns, ParseParenIdentifierList());
  } else if (join->join_type == ast::JoinType::kLeft || join->join_type == ast::JoinType::kRight) {
    return SyntaxError();
  }
  return Status::OK();
}

Result<std::unique_ptr<ast::TableRef>> ParserImpl::ParseTableFactor() {
  if (PeekOp("(") && PeekQueryStart(1)) return ParseDerivedTable();
  if (AcceptOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<ast::TableRef> inner, ParseTableRefs());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return inner;
  }
  return ParseBaseTable();
}

// (query) [AS] alias [(col, ...)]
Result<std::unique_ptr<ast::TableRef>> ParserImpl::ParseDerivedTable() {
  auto ref = std::make_unique<ast::TableRef>();
  ref->kind = ast::TableRef::Kind::kSubquery;
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(ref->subquery, ParseQueryExpression());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  VEXDB_ASSIGN_OR_RETURN(ref->alias, ParseOptionalAlias(/*allow_string=*/false));
  if (!ref->alias.empty() && PeekOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(ref->column_aliases, ParseParenIdentifierList());
  }
  return ref;
}

// [db.]name [PARTITION (p, ...)] [[AS] alias] [index hints]
Result<std::unique_ptr<ast::TableRef>> ParserImpl::ParseBaseTable() {
  auto ref = std::make_unique<ast::TableRef>();
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&ref->database, &ref->name));
  if (AcceptWord("PARTITION")) {
    VEXDB_RETURN_IF_ERROR(ParseParenIdentifierList().status());
  }
  VEXDB_ASSIGN_OR_RETURN(ref->alias, ParseOptionalAlias(/*allow_string=*/false));
  VEXDB_RETURN_IF_ERROR(SkipIndexHints());
  return ref;
}

// {USE|FORCE|IGNORE} {INDEX|KEY} [FOR {JOIN|ORDER BY|GROUP BY}] ([name, ...]), ...
Status ParserImpl::SkipIndexHints() {
  while ((PeekWord("USE") || PeekWord("FORCE") || PeekWord("IGNORE")) &&
         (PeekWord("INDEX", 1) || PeekWord("KEY", 1))) {
    Take();
    Take();
    if (AcceptWord("FOR")) {
      if (!AcceptWord("JOIN") && !AcceptWords({"ORDER", "BY"}) && !AcceptWords({"GROUP", "BY"})) {
        return SyntaxError();
      }
    }
    VEXDB_RETURN_IF_ERROR(ExpectOp("("));
    while (!AcceptOp(")")) {
      if (Peek().type == TokenType::kEnd || Peek().type == TokenType::kError) return SyntaxError();
      Take();
    }
    AcceptOp(",");
  }
  return Status::OK();
}

// expr [ASC|DESC], ...
Result<std::vector<ast::OrderItem>> ParserImpl::ParseOrderBy() {
  std::vector<ast::OrderItem> items;
  do {
    ast::OrderItem item;
    VEXDB_ASSIGN_OR_RETURN(item.expr, ParseExpr());
    if (AcceptWord("DESC")) {
      item.descending = true;
    } else {
      AcceptWord("ASC");
    }
    items.push_back(std::move(item));
  } while (AcceptOp(","));
  return items;
}

// expr [ASC|DESC], ... [WITH ROLLUP]
Status ParserImpl::ParseGroupBy(ast::SelectStmt* query) {
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr expr, ParseExpr());
    AcceptWord("ASC") || AcceptWord("DESC");
    query->group_by.push_back(std::move(expr));
  } while (AcceptOp(","));
  query->with_rollup = AcceptWords({"WITH", "ROLLUP"});
  return Status::OK();
}

// LIMIT n | LIMIT offset, n | LIMIT n OFFSET offset
Status ParserImpl::ParseLimit(ast::ExprPtr* limit, ast::ExprPtr* offset) {
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr first, ParsePrimary());
  if (AcceptOp(",")) {
    *offset = std::move(first);
    VEXDB_ASSIGN_OR_RETURN(*limit, ParsePrimary());
  } else {
    *limit = std::move(first);
    if (AcceptWord("OFFSET")) {
      VEXDB_ASSIGN_OR_RETURN(*offset, ParsePrimary());
    }
  }
  return Status::OK();
}

// FOR UPDATE | FOR SHARE [OF t, ...] [NOWAIT | SKIP LOCKED] | LOCK IN SHARE MODE
Status ParserImpl::ParseLocking(ast::SelectStmt* query) {
  if (AcceptWords({"LOCK", "IN", "SHARE", "MODE"})) {
    query->lock = ast::LockMode::kForShare;
    return Status::OK();
  }
  if (!PeekWord("FOR")) return Status::OK();
  Take();
  if (AcceptWord("UPDATE")) {
    query->lock = ast::LockMode::kForUpdate;
  } else if (AcceptWord("SHARE")) {
    query->lock = ast::LockMode::kForShare;
  } else {
    return SyntaxError();
  }
  if (AcceptWord("OF")) {
    do {
      VEXDB_RETURN_IF_ERROR(ParseQualifiedName().status());
    } while (AcceptOp(","));
  }
  if (AcceptWord("NOWAIT")) {
    query->nowait = true;
  } else if (AcceptWords({"SKIP", "LOCKED"})) {
    query->skip_locked = true;
  }
  return Status::OK();
}

// WINDOW name AS (spec), ...
Status ParserImpl::ParseWindowClause(ast::SelectStmt* query) {
  Take();  // WINDOW
  do {
    ast::NamedWindow window;
    VEXDB_ASSIGN_OR_RETURN(window.name, ParseIdentifier());
    VEXDB_RETURN_IF_ERROR(ExpectWord("AS"));
    VEXDB_RETURN_IF_ERROR(ExpectOp("("));
    VEXDB_RETURN_IF_ERROR(ParseWindowSpecBody(&window.spec));
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    query->windows.push_back(std::move(window));
  } while (AcceptOp(","));
  return Status::OK();
}

}  // namespace vexdb::parser_internal

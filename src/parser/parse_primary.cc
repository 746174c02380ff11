// Operands: literals, parameters, variables, column references, parenthesized expressions and
// subqueries, function calls, and the function-like forms with their own syntax (CAST, CONVERT,
// EXTRACT, TRIM, SUBSTRING ... FROM, POSITION ... IN, CASE, EXISTS, MATCH ... AGAINST, window
// OVER clauses). FunctionExpr in ast.h documents how the special forms are normalized.

#include <utility>

#include "parser/keywords.h"
#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

using SpecialForm = Result<ast::ExprPtr> (ParserImpl::*)();

template <typename T>
std::unique_ptr<T> MakeNode(int location) {
  auto node = std::make_unique<T>();
  node->location = location;
  return node;
}

ast::ExprPtr MakeLiteral(ast::LiteralKind kind, std::string text, int location) {
  auto lit = MakeNode<ast::LiteralExpr>(location);
  lit->kind = kind;
  lit->text = std::move(text);
  return lit;
}

// Functions callable without parentheses (CURRENT_TIMESTAMP, ...).
constexpr std::string_view kNiladicFunctions[] = {
    "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP",
    "UTC_DATE",          "UTC_TIME",     "UTC_TIMESTAMP", "CURRENT_USER",
};

bool IsNiladicFunction(const Token& tok) {
  for (std::string_view name : kNiladicFunctions) {
    if (tok.IsWord(name)) return true;
  }
  return false;
}

constexpr std::string_view kIntervalUnits[] = {
    "MICROSECOND",        "SECOND",           "MINUTE",          "HOUR",
    "DAY",                "WEEK",             "MONTH",           "QUARTER",
    "YEAR",               "SECOND_MICROSECOND", "MINUTE_MICROSECOND", "MINUTE_SECOND",
    "HOUR_MICROSECOND",   "HOUR_SECOND",      "HOUR_MINUTE",     "DAY_MICROSECOND",
    "DAY_SECOND",         "DAY_MINUTE",       "DAY_HOUR",        "YEAR_MONTH",
    "SQL_TSI_MICROSECOND", "SQL_TSI_SECOND",  "SQL_TSI_MINUTE",  "SQL_TSI_HOUR",
    "SQL_TSI_DAY",        "SQL_TSI_WEEK",     "SQL_TSI_MONTH",   "SQL_TSI_QUARTER",
    "SQL_TSI_YEAR",
};

}  // namespace

Result<ast::ExprPtr> ParserImpl::ParsePrimary() {
  const Token& tok = Peek();
  int location = Loc(tok);
  switch (tok.type) {
    case TokenType::kInteger:
    case TokenType::kDecimal:
    case TokenType::kFloat:
      return ParseNumberLiteral();
    case TokenType::kString:
      return ParseStringLiteralExpr("");
    case TokenType::kHex:
      return MakeLiteral(ast::LiteralKind::kHex, Take().text, location);
    case TokenType::kBit:
      return MakeLiteral(ast::LiteralKind::kBit, Take().text, location);
    case TokenType::kParam: {
      Take();
      auto param = MakeNode<ast::ParamExpr>(location);
      param->index = param_count_++;
      return ast::ExprPtr(std::move(param));
    }
    case TokenType::kUserVar:
    case TokenType::kSysVar: {
      Token var = Take();
      auto node = MakeNode<ast::VariableExpr>(location);
      node->scope = var.type == TokenType::kUserVar ? ast::VarScope::kUser : var.scope;
      node->explicit_scope = var.explicit_scope;
      node->name = std::move(var.text);
      return ast::ExprPtr(std::move(node));
    }
    case TokenType::kOp:
      if (tok.IsOp("(")) return ParseParenthesized();
      return SyntaxError();
    case TokenType::kQuotedIdent:
      return ParseColumnRefOrCall();
    case TokenType::kWord:
      return ParseWordPrimary();
    default:
      return SyntaxError();
  }
}

Result<ast::ExprPtr> ParserImpl::ParseNumberLiteral() {
  Token tok = Take();
  ast::LiteralKind kind = tok.type == TokenType::kInteger   ? ast::LiteralKind::kInteger
                          : tok.type == TokenType::kDecimal ? ast::LiteralKind::kDecimal
                                                            : ast::LiteralKind::kFloat;
  return MakeLiteral(kind, std::move(tok.text), Loc(tok));
}

// 'a' 'b' ... (adjacent strings concatenate), or x'..' / b'..' after an introducer.
Result<ast::ExprPtr> ParserImpl::ParseStringLiteralExpr(std::string introducer) {
  int location = Loc(Peek());
  ast::ExprPtr lit;
  if (Peek().type == TokenType::kHex || Peek().type == TokenType::kBit) {
    ast::LiteralKind kind =
        Peek().type == TokenType::kHex ? ast::LiteralKind::kHex : ast::LiteralKind::kBit;
    lit = MakeLiteral(kind, Take().text, location);
  } else {
    VEXDB_ASSIGN_OR_RETURN(std::string text, ParseStringLiteral());
    lit = MakeLiteral(ast::LiteralKind::kString, std::move(text), location);
  }
  lit->As<ast::LiteralExpr>().introducer = std::move(introducer);
  return lit;
}

Result<ast::ExprPtr> ParserImpl::ParseWordPrimary() {
  static constexpr struct {
    std::string_view name;
    SpecialForm parse;
  } kSpecialForms[] = {
      {"CAST", &ParserImpl::ParseCast},
      {"CONVERT", &ParserImpl::ParseConvert},
      {"EXTRACT", &ParserImpl::ParseExtract},
      {"TRIM", &ParserImpl::ParseTrim},
      {"SUBSTRING", &ParserImpl::ParseSubstring},
      {"SUBSTR", &ParserImpl::ParseSubstring},
      {"POSITION", &ParserImpl::ParsePosition},
      {"CHAR", &ParserImpl::ParseCharFunction},
      {"TIMESTAMPADD", &ParserImpl::ParseTimestampUnitFunction},
      {"TIMESTAMPDIFF", &ParserImpl::ParseTimestampUnitFunction},
      {"MATCH", &ParserImpl::ParseMatch},
      {"EXISTS", &ParserImpl::ParseExists},
      {"ROW", &ParserImpl::ParseRowConstructor},
  };
  const Token& tok = Peek();
  int location = Loc(tok);
  if (tok.IsWord("NULL")) {
    Take();
    return MakeLiteral(ast::LiteralKind::kNull, "", location);
  }
  if (tok.IsWord("TRUE") || tok.IsWord("FALSE")) {
    return MakeLiteral(ast::LiteralKind::kBool, Take().IsWord("TRUE") ? "1" : "0", location);
  }
  if (tok.IsWord("CASE")) return ParseCase();
  if (tok.IsWord("DEFAULT")) return ParseDefault();
  if (Peek(1).type == TokenType::kString &&
      (tok.IsWord("DATE") || tok.IsWord("TIME") || tok.IsWord("TIMESTAMP"))) {
    ast::LiteralKind kind = tok.IsWord("DATE")   ? ast::LiteralKind::kDate
                            : tok.IsWord("TIME") ? ast::LiteralKind::kTime
                                                 : ast::LiteralKind::kTimestamp;
    Take();
    VEXDB_ASSIGN_OR_RETURN(std::string text, ParseStringLiteral());
    return MakeLiteral(kind, std::move(text), location);
  }
  if (tok.text.size() > 1 && tok.text[0] == '_' && IsCharsetName(tok.text.substr(1))) {
    TokenType next = Peek(1).type;
    if (next == TokenType::kString || next == TokenType::kHex || next == TokenType::kBit) {
      std::string introducer = Take().text;
      return ParseStringLiteralExpr(std::move(introducer));
    }
  }
  if (PeekOp("(", 1)) {
    for (const auto& form : kSpecialForms) {
      if (tok.IsWord(form.name)) return (this->*form.parse)();
    }
  }
  if (IsNiladicFunction(tok) && !PeekOp("(", 1)) {
    auto fn = MakeNode<ast::FunctionExpr>(location);
    fn->name = Take().text;
    return ast::ExprPtr(std::move(fn));
  }
  if (PeekOp("(", 1) && IsReservedFunctionName(tok.text)) {
    std::string name = Take().text;
    return ParseFunctionCall(std::move(name), location);
  }
  return ParseColumnRefOrCall();
}

// ( expr ), ( expr, expr ... ) row, or ( subquery ).
Result<ast::ExprPtr> ParserImpl::ParseParenthesized() {
  int location = Loc(Peek());
  if ((PeekWord("SELECT", 1) || PeekWord("WITH", 1))) {
    Take();
    auto node = MakeNode<ast::SubqueryExpr>(location);
    VEXDB_ASSIGN_OR_RETURN(node->subquery, ParseQueryExpression());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return ast::ExprPtr(std::move(node));
  }
  Take();
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr first, ParseExpr());
  if (AcceptOp(")")) return first;
  auto row = MakeNode<ast::RowExpr>(location);
  row->items.push_back(std::move(first));
  while (AcceptOp(",")) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr item, ParseExpr());
    row->items.push_back(std::move(item));
  }
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(row));
}

// name(...), a, t.a, db.t.a, t.*, db.t.*
Result<ast::ExprPtr> ParserImpl::ParseColumnRefOrCall() {
  int location = Loc(Peek());
  if (Peek().type == TokenType::kWord && PeekOp("(", 1)) {
    std::string name = Take().text;
    return ParseFunctionCall(std::move(name), location);
  }
  VEXDB_ASSIGN_OR_RETURN(std::string first, ParseIdentifier());
  std::vector<std::string> parts{std::move(first)};
  while (AcceptOp(".")) {
    if (AcceptOp("*")) {
      auto star = MakeNode<ast::StarExpr>(location);
      star->qualifier = std::move(parts);
      return ast::ExprPtr(std::move(star));
    }
    if (parts.size() == 3) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(std::string part, ParseNameAfterDot());
    parts.push_back(std::move(part));
  }
  auto ref = MakeNode<ast::ColumnRefExpr>(location);
  ref->parts = std::move(parts);
  return ast::ExprPtr(std::move(ref));
}

// After the name: ( [*] | [DISTINCT|ALL] args [ORDER BY ...] [SEPARATOR 's'] ) [OVER ...]
Result<ast::ExprPtr> ParserImpl::ParseFunctionCall(std::string name, int location) {
  DepthGuard guard(this);
  if (guard.TooDeep()) return SyntaxError();
  auto fn = MakeNode<ast::FunctionExpr>(location);
  fn->name = std::move(name);
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_RETURN_IF_ERROR(ParseFunctionArgs(fn.get()));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  if (PeekWord("OVER")) {
    VEXDB_ASSIGN_OR_RETURN(fn->over, ParseOver());
  }
  return ast::ExprPtr(std::move(fn));
}

Status ParserImpl::ParseFunctionArgs(ast::FunctionExpr* fn) {
  if (PeekOp(")")) return Status::OK();
  if (PeekOp("*") && PeekOp(")", 1)) {
    Take();
    fn->star = true;
    return Status::OK();
  }
  if (AcceptWord("DISTINCT") || AcceptWord("DISTINCTROW")) {
    fn->distinct = true;
  } else {
    AcceptWord("ALL");
  }
  VEXDB_ASSIGN_OR_RETURN(fn->args, ParseExprList());
  if (AcceptWords({"ORDER", "BY"})) {
    VEXDB_ASSIGN_OR_RETURN(fn->order_by, ParseOrderBy());
  }
  if (AcceptWord("SEPARATOR")) {
    VEXDB_ASSIGN_OR_RETURN(std::string separator, ParseStringLiteral());
    fn->separator = std::move(separator);
  }
  return Status::OK();
}

// CASE [operand] WHEN a THEN b ... [ELSE c] END
Result<ast::ExprPtr> ParserImpl::ParseCase() {
  auto node = MakeNode<ast::CaseExpr>(Loc(Take()));
  if (!PeekWord("WHEN")) {
    VEXDB_ASSIGN_OR_RETURN(node->operand, ParseExpr());
  }
  while (AcceptWord("WHEN")) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr when, ParseExpr());
    VEXDB_RETURN_IF_ERROR(ExpectWord("THEN"));
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr then, ParseExpr());
    node->when_then.emplace_back(std::move(when), std::move(then));
  }
  if (node->when_then.empty()) return SyntaxError();
  if (AcceptWord("ELSE")) {
    VEXDB_ASSIGN_OR_RETURN(node->else_expr, ParseExpr());
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord("END"));
  return ast::ExprPtr(std::move(node));
}

// CAST(expr AS type)
Result<ast::ExprPtr> ParserImpl::ParseCast() {
  auto node = MakeNode<ast::CastExpr>(Loc(Take()));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(node->operand, ParseExpr());
  VEXDB_RETURN_IF_ERROR(ExpectWord("AS"));
  VEXDB_ASSIGN_OR_RETURN(node->target, ParseCastType());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// CONVERT(expr, type) or CONVERT(expr USING charset)
Result<ast::ExprPtr> ParserImpl::ParseConvert() {
  int location = Loc(Take());
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr operand, ParseExpr());
  if (AcceptWord("USING")) {
    auto fn = MakeNode<ast::FunctionExpr>(location);
    fn->name = "convert_using";
    int cs_location = Loc(Peek());
    VEXDB_ASSIGN_OR_RETURN(std::string charset, ParseCharsetName());
    fn->args.push_back(std::move(operand));
    fn->args.push_back(MakeLiteral(ast::LiteralKind::kString, std::move(charset), cs_location));
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return ast::ExprPtr(std::move(fn));
  }
  VEXDB_RETURN_IF_ERROR(ExpectOp(","));
  auto node = MakeNode<ast::CastExpr>(location);
  node->operand = std::move(operand);
  VEXDB_ASSIGN_OR_RETURN(node->target, ParseCastType());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// EXTRACT(unit FROM expr)
Result<ast::ExprPtr> ParserImpl::ParseExtract() {
  auto fn = MakeNode<ast::FunctionExpr>(Loc(Take()));
  fn->name = "extract";
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  int unit_location = Loc(Peek());
  VEXDB_ASSIGN_OR_RETURN(std::string unit, ParseIntervalUnit());
  fn->args.push_back(MakeLiteral(ast::LiteralKind::kString, std::move(unit), unit_location));
  VEXDB_RETURN_IF_ERROR(ExpectWord("FROM"));
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr from, ParseExpr());
  fn->args.push_back(std::move(from));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// TRIM([[LEADING|TRAILING|BOTH] [remstr] FROM] str) -> args [str, remstr?]
Result<ast::ExprPtr> ParserImpl::ParseTrim() {
  auto fn = MakeNode<ast::FunctionExpr>(Loc(Take()));
  fn->name = "trim";
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  for (std::string_view mode : {"LEADING", "TRAILING", "BOTH"}) {
    if (AcceptWord(mode)) fn->trim_mode = std::string(mode);
  }
  ast::ExprPtr remove;
  ast::ExprPtr str;
  if (!fn->trim_mode.empty() && AcceptWord("FROM")) {
    VEXDB_ASSIGN_OR_RETURN(str, ParseExpr());
  } else {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr first, ParseExpr());
    if (AcceptWord("FROM")) {
      remove = std::move(first);
      VEXDB_ASSIGN_OR_RETURN(str, ParseExpr());
    } else if (!fn->trim_mode.empty()) {
      return SyntaxError();
    } else {
      str = std::move(first);
    }
  }
  fn->args.push_back(std::move(str));
  if (remove != nullptr) fn->args.push_back(std::move(remove));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// SUBSTRING(s FROM a [FOR b]) -> "substring" [s, a, b?]; SUBSTRING(s, a[, b]) is a plain call.
Result<ast::ExprPtr> ParserImpl::ParseSubstring() {
  int location = Loc(Peek());
  std::string name = Take().text;
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr str, ParseExpr());
  auto fn = MakeNode<ast::FunctionExpr>(location);
  fn->name = std::move(name);
  fn->args.push_back(std::move(str));
  if (AcceptWord("FROM")) {
    fn->name = "substring";
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr from, ParseExpr());
    fn->args.push_back(std::move(from));
    if (AcceptWord("FOR")) {
      VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr length, ParseExpr());
      fn->args.push_back(std::move(length));
    }
  } else {
    while (AcceptOp(",")) {
      VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr arg, ParseExpr());
      fn->args.push_back(std::move(arg));
    }
  }
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// POSITION(a IN b)
Result<ast::ExprPtr> ParserImpl::ParsePosition() {
  auto fn = MakeNode<ast::FunctionExpr>(Loc(Take()));
  fn->name = "position";
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr needle, ParseExprPrec(kPrecBitOr));
  VEXDB_RETURN_IF_ERROR(ExpectWord("IN"));
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr haystack, ParseExpr());
  fn->args.push_back(std::move(needle));
  fn->args.push_back(std::move(haystack));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// CHAR(n, ... [USING charset]); the charset is accepted and not kept.
Result<ast::ExprPtr> ParserImpl::ParseCharFunction() {
  auto fn = MakeNode<ast::FunctionExpr>(Loc(Peek()));
  fn->name = "char";
  Take();
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(fn->args, ParseExprList());
  if (AcceptWord("USING")) {
    VEXDB_RETURN_IF_ERROR(ParseCharsetName().status());
  }
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// TIMESTAMPADD(unit, n, t) / TIMESTAMPDIFF(unit, a, b): the unit becomes a kString literal.
Result<ast::ExprPtr> ParserImpl::ParseTimestampUnitFunction() {
  int location = Loc(Peek());
  auto fn = MakeNode<ast::FunctionExpr>(location);
  fn->name = Take().text;
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  int unit_location = Loc(Peek());
  VEXDB_ASSIGN_OR_RETURN(std::string unit, ParseIntervalUnit());
  fn->args.push_back(MakeLiteral(ast::LiteralKind::kString, std::move(unit), unit_location));
  while (AcceptOp(",")) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr arg, ParseExpr());
    fn->args.push_back(std::move(arg));
  }
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(fn));
}

// MATCH (col, ...) AGAINST (expr [IN NATURAL LANGUAGE MODE | IN BOOLEAN MODE |
//                                 WITH QUERY EXPANSION])
Result<ast::ExprPtr> ParserImpl::ParseMatch() {
  auto node = MakeNode<ast::MatchExpr>(Loc(Take()));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr column, ParseColumnRefOrCall());
    node->columns.push_back(std::move(column));
  } while (AcceptOp(","));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  VEXDB_RETURN_IF_ERROR(ExpectWord("AGAINST"));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(node->against, ParseExprPrec(kPrecBitOr));
  int mode_begin = Peek().offset;
  if (!AcceptWords({"IN", "NATURAL", "LANGUAGE", "MODE"})) AcceptWords({"IN", "BOOLEAN", "MODE"});
  AcceptWords({"WITH", "QUERY", "EXPANSION"});
  if (prev_end_ > mode_begin) node->mode = ToUpper(SourceText(mode_begin, prev_end_));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// EXISTS (subquery)
Result<ast::ExprPtr> ParserImpl::ParseExists() {
  auto node = MakeNode<ast::ExistsExpr>(Loc(Take()));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(node->subquery, ParseQueryExpression());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// DEFAULT or DEFAULT(col)
Result<ast::ExprPtr> ParserImpl::ParseDefault() {
  auto node = MakeNode<ast::DefaultExpr>(Loc(Take()));
  if (AcceptOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr column, ParseColumnRefOrCall());
    if (column->type != ast::ExprType::kColumnRef) return SyntaxError();
    node->column = std::move(column->As<ast::ColumnRefExpr>().parts);
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  }
  return ast::ExprPtr(std::move(node));
}

// ROW(a, b, ...)
Result<ast::ExprPtr> ParserImpl::ParseRowConstructor() {
  auto row = MakeNode<ast::RowExpr>(Loc(Take()));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(row->items, ParseExprList());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(row));
}

// INTERVAL expr unit
Result<ast::ExprPtr> ParserImpl::ParseInterval() {
  auto node = MakeNode<ast::IntervalExpr>(Loc(Take()));
  VEXDB_ASSIGN_OR_RETURN(node->value, ParseExpr());
  VEXDB_ASSIGN_OR_RETURN(node->unit, ParseIntervalUnit());
  return ast::ExprPtr(std::move(node));
}

Result<std::string> ParserImpl::ParseIntervalUnit() {
  for (std::string_view unit : kIntervalUnits) {
    if (PeekWord(unit)) {
      Take();
      return std::string(unit);
    }
  }
  return SyntaxError();
}

// OVER name | OVER ( spec )
Result<std::unique_ptr<ast::WindowSpec>> ParserImpl::ParseOver() {
  Take();  // OVER
  auto spec = std::make_unique<ast::WindowSpec>();
  if (!PeekOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(spec->name, ParseIdentifier());
    return spec;
  }
  Take();
  VEXDB_RETURN_IF_ERROR(ParseWindowSpecBody(spec.get()));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return spec;
}

// [name] [PARTITION BY exprs] [ORDER BY items] [frame]
Status ParserImpl::ParseWindowSpecBody(ast::WindowSpec* spec) {
  if (PeekIdentifier()) {
    VEXDB_ASSIGN_OR_RETURN(spec->name, ParseIdentifier());
  }
  if (AcceptWords({"PARTITION", "BY"})) {
    VEXDB_ASSIGN_OR_RETURN(spec->partition_by, ParseExprList());
  }
  if (AcceptWords({"ORDER", "BY"})) {
    VEXDB_ASSIGN_OR_RETURN(spec->order_by, ParseOrderBy());
  }
  if (PeekWord("ROWS") || PeekWord("RANGE") || PeekWord("GROUPS")) {
    VEXDB_RETURN_IF_ERROR(ParseWindowFrame(spec));
  }
  return Status::OK();
}

// {ROWS|RANGE|GROUPS} {bound | BETWEEN bound AND bound}, kept as written.
Status ParserImpl::ParseWindowFrame(ast::WindowSpec* spec) {
  int begin = Take().offset;
  if (AcceptWord("BETWEEN")) {
    VEXDB_RETURN_IF_ERROR(ParseFrameBound());
    VEXDB_RETURN_IF_ERROR(ExpectWord("AND"));
  }
  VEXDB_RETURN_IF_ERROR(ParseFrameBound());
  spec->frame_text = std::string(SourceText(begin, prev_end_));
  return Status::OK();
}

// UNBOUNDED {PRECEDING|FOLLOWING} | CURRENT ROW | expr {PRECEDING|FOLLOWING}
Status ParserImpl::ParseFrameBound() {
  if (AcceptWords({"CURRENT", "ROW"})) return Status::OK();
  if (!AcceptWord("UNBOUNDED")) {
    VEXDB_RETURN_IF_ERROR(ParseExprPrec(kPrecBitOr).status());
  }
  if (AcceptWord("PRECEDING") || AcceptWord("FOLLOWING")) return Status::OK();
  return SyntaxError();
}

}  // namespace vexdb::parser_internal

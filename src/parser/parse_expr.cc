// Expressions: operators by precedence climbing over MySQL's precedence table (highest first):
//   INTERVAL; BINARY, COLLATE; !; unary - ~; ^; * / DIV % MOD; - +; << >>; &; |;
//   = <=> >= > <= < <> != IS LIKE REGEXP IN BETWEEN; CASE; NOT; AND &&; XOR; OR ||; :=
// JSON's -> and ->> bind tightest. Chains of AND, OR and XOR (associative in three-valued logic)
// are built as balanced trees so that thousand-term ORM filters stay shallow; other left-deep
// chains count against the depth limit.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {



struct InfixEntry {
  std::string_view spelling;
  bool word;  // a keyword rather than punctuation
  int prec;
  ast::BinaryOp op;
};

// Plain binary operators: both operands are expressions one level tighter.
constexpr InfixEntry kBinaryOps[] = {
    {"||", false, kPrecOr, ast::BinaryOp::kOr},
    {"OR", true, kPrecOr, ast::BinaryOp::kOr},
    {"XOR", true, kPrecXor, ast::BinaryOp::kXor},
    {"&&", false, kPrecAnd, ast::BinaryOp::kAnd},
    {"AND", true, kPrecAnd, ast::BinaryOp::kAnd},
    {"=", false, kPrecCompare, ast::BinaryOp::kEq},
    {"<=>", false, kPrecCompare, ast::BinaryOp::kNullSafeEq},
    {"<>", false, kPrecCompare, ast::BinaryOp::kNe},
    {"!=", false, kPrecCompare, ast::BinaryOp::kNe},
    {"<", false, kPrecCompare, ast::BinaryOp::kLt},
    {"<=", false, kPrecCompare, ast::BinaryOp::kLe},
    {">", false, kPrecCompare, ast::BinaryOp::kGt},
    {">=", false, kPrecCompare, ast::BinaryOp::kGe},
    {"|", false, kPrecBitOr, ast::BinaryOp::kBitOr},
    {"&", false, kPrecBitAnd, ast::BinaryOp::kBitAnd},
    {"<<", false, kPrecShift, ast::BinaryOp::kShiftLeft},
    {">>", false, kPrecShift, ast::BinaryOp::kShiftRight},
    {"+", false, kPrecAdd, ast::BinaryOp::kAdd},
    {"-", false, kPrecAdd, ast::BinaryOp::kSub},
    {"*", false, kPrecMul, ast::BinaryOp::kMul},
    {"/", false, kPrecMul, ast::BinaryOp::kDiv},
    {"%", false, kPrecMul, ast::BinaryOp::kMod},
    {"DIV", true, kPrecMul, ast::BinaryOp::kIntDiv},
    {"MOD", true, kPrecMul, ast::BinaryOp::kMod},
    {"^", false, kPrecBitXor, ast::BinaryOp::kBitXor},
    {"->", false, kPrecJson, ast::BinaryOp::kJsonExtract},
    {"->>", false, kPrecJson, ast::BinaryOp::kJsonUnquote},
    {":=", false, kPrecAssign, ast::BinaryOp::kAssign},
};

const InfixEntry* FindBinaryOp(const Token& tok) {
  bool word = tok.type == TokenType::kWord;
  if (!word && tok.type != TokenType::kOp) return nullptr;
  if (tok.text.size() > 3) return nullptr;  // every binary operator is 1-3 characters
  for (const InfixEntry& entry : kBinaryOps) {
    if (entry.word == word && (word ? tok.IsWord(entry.spelling) : tok.IsOp(entry.spelling))) {
      return &entry;
    }
  }
  return nullptr;
}

bool IsComparison(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq:
    case ast::BinaryOp::kNullSafeEq:
    case ast::BinaryOp::kNe:
    case ast::BinaryOp::kLt:
    case ast::BinaryOp::kLe:
    case ast::BinaryOp::kGt:
    case ast::BinaryOp::kGe:
      return true;
    default:
      return false;
  }
}

bool IsLogical(ast::BinaryOp op) {
  return op == ast::BinaryOp::kAnd || op == ast::BinaryOp::kOr || op == ast::BinaryOp::kXor;
}

ast::ExprPtr MakeBinary(ast::BinaryOp op, ast::ExprPtr left, ast::ExprPtr right) {
  auto node = std::make_unique<ast::BinaryExpr>();
  node->location = left->location;
  node->op = op;
  node->left = std::move(left);
  node->right = std::move(right);
  return node;
}

ast::ExprPtr MakeUnary(ast::UnaryOp op, ast::ExprPtr operand, int location) {
  auto node = std::make_unique<ast::UnaryExpr>();
  node->location = location;
  node->op = op;
  node->operand = std::move(operand);
  return node;
}

// Operands [lo, hi) joined by `op` as a balanced tree, leaning left (a AND b AND c is
// (a AND b) AND c).
ast::ExprPtr BuildBalanced(ast::BinaryOp op, ast::ExprList& operands, size_t lo, size_t hi) {
  if (hi - lo == 1) return std::move(operands[lo]);
  size_t mid = (lo + hi + 1) / 2;
  ast::ExprPtr left = BuildBalanced(op, operands, lo, mid);
  ast::ExprPtr right = BuildBalanced(op, operands, mid, hi);
  return MakeBinary(op, std::move(left), std::move(right));
}

}  // namespace

Result<ast::ExprPtr> ParserImpl::ParseExpr() { return ParseExprPrec(kPrecAssign); }

Result<ast::ExprList> ParserImpl::ParseExprList() {
  ast::ExprList list;
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr expr, ParseExpr());
    list.push_back(std::move(expr));
  } while (AcceptOp(","));
  return list;
}

Result<ast::ExprPtr> ParserImpl::ParseExprPrec(int min_prec) {
  DepthGuard guard(this);
  if (guard.TooDeep()) return SyntaxError();
  VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr left, ParsePrefix());
  while (true) {
    int prec = InfixPrecedence();
    if (prec == kPrecNone || prec < min_prec) break;
    const InfixEntry* entry = FindBinaryOp(Peek());
    if (entry != nullptr && IsLogical(entry->op)) {
      VEXDB_ASSIGN_OR_RETURN(left, ParseLogicalChain(std::move(left), prec));
      continue;
    }
    guard.Add();
    if (guard.TooDeep()) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(left, ParseInfix(std::move(left), prec));
  }
  return left;
}

int ParserImpl::InfixPrecedence() {
  const Token& tok = Peek();
  if (const InfixEntry* entry = FindBinaryOp(tok)) return entry->prec;
  if (tok.type != TokenType::kWord) return kPrecNone;
  if (tok.IsWord("IS") || tok.IsWord("LIKE") || tok.IsWord("REGEXP") || tok.IsWord("RLIKE") ||
      tok.IsWord("IN") || tok.IsWord("BETWEEN")) {
    return kPrecCompare;
  }
  if (tok.IsWord("NOT") && (PeekWord("LIKE", 1) || PeekWord("REGEXP", 1) ||
                            PeekWord("RLIKE", 1) || PeekWord("IN", 1) || PeekWord("BETWEEN", 1))) {
    return kPrecCompare;
  }
  if (tok.IsWord("COLLATE")) return kPrecCollate;
  return kPrecNone;
}

Result<ast::ExprPtr> ParserImpl::ParsePrefix() {
  const Token& tok = Peek();
  int location = Loc(tok);
  struct PrefixEntry {
    std::string_view spelling;
    bool word;
    ast::UnaryOp op;
    int operand_prec;
  };
  static constexpr PrefixEntry kPrefixOps[] = {
      {"-", false, ast::UnaryOp::kMinus, kPrecUnary},
      {"+", false, ast::UnaryOp::kPlus, kPrecUnary},
      {"~", false, ast::UnaryOp::kBitNot, kPrecUnary},
      {"!", false, ast::UnaryOp::kNot, kPrecBang},
      {"NOT", true, ast::UnaryOp::kNot, kPrecNot},
      {"BINARY", true, ast::UnaryOp::kBinary, kPrecCollate},
  };
  for (const PrefixEntry& entry : kPrefixOps) {
    if (entry.word ? tok.IsWord(entry.spelling) : tok.IsOp(entry.spelling)) {
      Take();
      VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr operand, ParseExprPrec(entry.operand_prec));
      return MakeUnary(entry.op, std::move(operand), location);
    }
  }
  if (tok.IsWord("INTERVAL")) return ParseInterval();
  return ParsePrimary();
}

Result<ast::ExprPtr> ParserImpl::ParseLogicalChain(ast::ExprPtr first, int prec) {
  ast::BinaryOp op = FindBinaryOp(Peek())->op;
  ast::ExprList operands;
  operands.push_back(std::move(first));
  while (true) {
    const InfixEntry* entry = FindBinaryOp(Peek());
    if (entry == nullptr || entry->op != op) break;
    Take();
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr operand, ParseExprPrec(prec + 1));
    operands.push_back(std::move(operand));
  }
  return BuildBalanced(op, operands, 0, operands.size());
}

Result<ast::ExprPtr> ParserImpl::ParseInfix(ast::ExprPtr left, int prec) {
  if (const InfixEntry* entry = FindBinaryOp(Peek())) {
    Token op_token = Take();
    if (IsComparison(entry->op)) return ParseComparison(std::move(left), op_token);
    ast::ExprPtr right;
    if (entry->op == ast::BinaryOp::kAssign) {
      VEXDB_ASSIGN_OR_RETURN(right, ParseExprPrec(kPrecAssign));  // right-associative
    } else if (prec == kPrecJson) {
      VEXDB_ASSIGN_OR_RETURN(right, ParsePrimary());
    } else {
      VEXDB_ASSIGN_OR_RETURN(right, ParseExprPrec(prec + 1));
    }
    return MakeBinary(entry->op, std::move(left), std::move(right));
  }
  if (PeekWord("IS")) return ParseIsTail(std::move(left));
  if (PeekWord("COLLATE")) return ParseCollateTail(std::move(left));
  bool negated = AcceptWord("NOT");
  return ParseNegatablePredicate(std::move(left), negated);
}

// After a comparison operator: a value, or ANY/SOME/ALL (subquery).
Result<ast::ExprPtr> ParserImpl::ParseComparison(ast::ExprPtr left, const Token& op_token) {
  ast::BinaryOp op = FindBinaryOp(op_token)->op;
  bool quantified = (PeekWord("ANY") || PeekWord("SOME") || PeekWord("ALL")) && PeekOp("(", 1) &&
                    PeekQueryStart(2);
  if (!quantified) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr right, ParseExprPrec(kPrecCompare + 1));
    return MakeBinary(op, std::move(left), std::move(right));
  }
  auto node = std::make_unique<ast::InSubqueryExpr>();
  node->location = left->location;
  node->all = Take().IsWord("ALL");
  node->comparison = op;
  node->operand = std::move(left);
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  VEXDB_ASSIGN_OR_RETURN(node->subquery, ParseQueryExpression());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// IS [NOT] NULL | TRUE | FALSE | UNKNOWN
Result<ast::ExprPtr> ParserImpl::ParseIsTail(ast::ExprPtr left) {
  Take();  // IS
  bool negated = AcceptWord("NOT");
  int location = left->location;
  if (AcceptWord("NULL")) {
    auto node = std::make_unique<ast::IsNullExpr>();
    node->location = location;
    node->operand = std::move(left);
    node->negated = negated;
    return ast::ExprPtr(std::move(node));
  }
  auto node = std::make_unique<ast::IsBoolExpr>();
  node->location = location;
  node->operand = std::move(left);
  node->negated = negated;
  if (AcceptWord("TRUE")) {
    node->value = true;
  } else if (AcceptWord("FALSE")) {
    node->value = false;
  } else if (!AcceptWord("UNKNOWN")) {
    return SyntaxError();
  }
  return ast::ExprPtr(std::move(node));
}

// [NOT] LIKE | REGEXP | RLIKE | IN | BETWEEN, the NOT already consumed.
Result<ast::ExprPtr> ParserImpl::ParseNegatablePredicate(ast::ExprPtr left, bool negated) {
  int location = left->location;
  if (AcceptWord("IN")) return ParseInTail(std::move(left), negated);
  if (AcceptWord("LIKE")) {
    auto node = std::make_unique<ast::LikeExpr>();
    node->location = location;
    node->operand = std::move(left);
    node->negated = negated;
    VEXDB_ASSIGN_OR_RETURN(node->pattern, ParseExprPrec(kPrecBitOr));
    if (AcceptWord("ESCAPE")) {
      VEXDB_ASSIGN_OR_RETURN(node->escape, ParseExprPrec(kPrecUnary));
    }
    return ast::ExprPtr(std::move(node));
  }
  if (AcceptWord("REGEXP") || AcceptWord("RLIKE")) {
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr pattern, ParseExprPrec(kPrecBitOr));
    ast::ExprPtr match = MakeBinary(ast::BinaryOp::kRegexp, std::move(left), std::move(pattern));
    if (!negated) return match;
    return MakeUnary(ast::UnaryOp::kNot, std::move(match), location);
  }
  if (AcceptWord("BETWEEN")) {
    auto node = std::make_unique<ast::BetweenExpr>();
    node->location = location;
    node->operand = std::move(left);
    node->negated = negated;
    VEXDB_ASSIGN_OR_RETURN(node->low, ParseExprPrec(kPrecBitOr));
    VEXDB_RETURN_IF_ERROR(ExpectWord("AND"));
    VEXDB_ASSIGN_OR_RETURN(node->high, ParseExprPrec(kPrecBitOr));
    return ast::ExprPtr(std::move(node));
  }
  return SyntaxError();
}

// After IN: (subquery) or (expr, ...).
Result<ast::ExprPtr> ParserImpl::ParseInTail(ast::ExprPtr left, bool negated) {
  int location = left->location;
  if (!PeekOp("(")) return SyntaxError();
  if ((PeekWord("SELECT", 1) || PeekWord("WITH", 1))) {
    Take();
    auto node = std::make_unique<ast::InSubqueryExpr>();
    node->location = location;
    node->operand = std::move(left);
    node->negated = negated;
    VEXDB_ASSIGN_OR_RETURN(node->subquery, ParseQueryExpression());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return ast::ExprPtr(std::move(node));
  }
  Take();
  auto node = std::make_unique<ast::InListExpr>();
  node->location = location;
  node->operand = std::move(left);
  node->negated = negated;
  VEXDB_ASSIGN_OR_RETURN(node->list, ParseExprList());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return ast::ExprPtr(std::move(node));
}

// expr COLLATE name
Result<ast::ExprPtr> ParserImpl::ParseCollateTail(ast::ExprPtr left) {
  Take();  // COLLATE
  auto node = std::make_unique<ast::CollateExpr>();
  node->location = left->location;
  node->operand = std::move(left);
  VEXDB_ASSIGN_OR_RETURN(node->collation, ParseOptionValueName());
  return ast::ExprPtr(std::move(node));
}

}  // namespace vexdb::parser_internal

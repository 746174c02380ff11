// DEFAULT clauses. A constant is converted to the column type in strict store mode and kept as
// its canonical text (so '1' on a BOOL column is stored as 1, and 'abc' on an INT column is
// error 1067 as in MySQL). CURRENT_TIMESTAMP and its synonyms (NOW(), LOCALTIME,
// LOCALTIMESTAMP) are allowed on DATETIME/TIMESTAMP with the column's fsp, also written as
// DEFAULT (now()) (TiDB stores that as CURRENT_TIMESTAMP too). Any other parenthesized
// expression is an expression default, kept as the text written between the parentheses.

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "execution/ddl_internal.h"
#include "types/cast.h"
#include "types/number_text.h"
#include "types/value_format.h"

namespace vexdb::ddl_internal {

namespace {

Status Invalid(const ColumnInfo& column) {
  return Status::Error(ErrorCode::kInvalidDefault, column.name);
}

bool IsLobType(const LogicalType& type) {
  return type.id == TypeId::kBlob || type.id == TypeId::kText || type.id == TypeId::kJson ||
         type.id == TypeId::kVector;
}

bool IsCurrentTimestampCall(const ast::Expr& expr) {
  if (expr.type != ast::ExprType::kFunction) return false;
  const auto& call = expr.As<ast::FunctionExpr>();
  for (std::string_view name : {"current_timestamp", "now", "localtime", "localtimestamp"}) {
    if (NameEquals(call.name, name)) return call.args.size() <= 1;
  }
  return false;
}

// The fsp written in CURRENT_TIMESTAMP(n); 0 without one; -1 if not an integer literal.
int CurrentTimestampFsp(const ast::FunctionExpr& call) {
  if (call.args.empty()) return 0;
  const ast::Expr& arg = *call.args.front();
  if (arg.type != ast::ExprType::kLiteral) return -1;
  const auto& literal = arg.As<ast::LiteralExpr>();
  if (literal.kind != ast::LiteralKind::kInteger) return -1;
  return std::atoi(literal.text.c_str());
}

Value NegateNumber(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kInt: return Value::Int(-v.int_value());
    case ValueKind::kDouble: return Value::Double(-v.double_value());
    case ValueKind::kDecimal: return Value::Dec(v.decimal_value().Negate());
    default: return v;
  }
}

// An integer literal's value: int64 when it fits, else a decimal (digits beyond uint64 and
// -9223372036854775808 included).
Result<Value> IntegerLiteral(const std::string& text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && end == text.data() + text.size()) return Value::Int(v);
  VEXDB_ASSIGN_OR_RETURN(Decimal d, Decimal::Parse(text));
  return Value::Dec(d);
}

// Hex and bit literals are numbers when the column is numeric (DEFAULT 0x10 on INT is 16).
Value BytesAsNumber(const std::string& bytes) {
  uint64_t v = 0;
  for (unsigned char c : bytes) v = (v << 8) | c;
  return Value::UInt(v);
}

// The value of a literal, optionally signed ("-5"); nullopt for anything else.
Result<std::optional<Value>> LiteralValue(const ast::Expr& expr, const LogicalType& type) {
  const std::optional<Value> kNotLiteral;
  bool negate = false;
  const ast::Expr* e = &expr;
  if (e->type == ast::ExprType::kUnary) {
    const auto& unary = e->As<ast::UnaryExpr>();
    if (unary.op != ast::UnaryOp::kMinus && unary.op != ast::UnaryOp::kPlus) return kNotLiteral;
    negate = unary.op == ast::UnaryOp::kMinus;
    e = unary.operand.get();
  }
  if (e->type != ast::ExprType::kLiteral) return kNotLiteral;
  const auto& literal = e->As<ast::LiteralExpr>();
  Value value;
  switch (literal.kind) {
    case ast::LiteralKind::kNull: return std::optional<Value>(Value::Null());
    case ast::LiteralKind::kInteger: {
      VEXDB_ASSIGN_OR_RETURN(value, IntegerLiteral(literal.text));
      break;
    }
    case ast::LiteralKind::kDecimal: {
      VEXDB_ASSIGN_OR_RETURN(Decimal d, Decimal::Parse(literal.text));
      value = Value::Dec(d);
      break;
    }
    case ast::LiteralKind::kFloat:
      value = Value::Double(std::strtod(literal.text.c_str(), nullptr));
      break;
    case ast::LiteralKind::kBool: value = Value::Int(literal.text == "1" ? 1 : 0); break;
    case ast::LiteralKind::kHex:
    case ast::LiteralKind::kBit:
      value = type.IsNumeric() ? BytesAsNumber(literal.text) : Value::String(literal.text);
      break;
    default:
      if (negate) return kNotLiteral;  // -'abc' is not a literal
      value = Value::String(literal.text);
      break;
  }
  if (negate) value = NegateNumber(value);
  return std::optional<Value>(std::move(value));
}

// Leftmost byte offset of an expression (a binary expression's location may be its operator).
int LeftmostLocation(const ast::Expr& expr) {
  int location = expr.location;
  const ast::Expr* first = nullptr;
  switch (expr.type) {
    case ast::ExprType::kBinary: first = expr.As<ast::BinaryExpr>().left.get(); break;
    case ast::ExprType::kBetween: first = expr.As<ast::BetweenExpr>().operand.get(); break;
    case ast::ExprType::kLike: first = expr.As<ast::LikeExpr>().operand.get(); break;
    case ast::ExprType::kIsNull: first = expr.As<ast::IsNullExpr>().operand.get(); break;
    case ast::ExprType::kIsBool: first = expr.As<ast::IsBoolExpr>().operand.get(); break;
    case ast::ExprType::kInList: first = expr.As<ast::InListExpr>().operand.get(); break;
    case ast::ExprType::kCollate: first = expr.As<ast::CollateExpr>().operand.get(); break;
    default: break;
  }
  if (first != nullptr) location = std::min(location, LeftmostLocation(*first));
  return location;
}

// Offset of the ')' matching the '(' at open, skipping quoted text; npos if unbalanced.
size_t MatchingParen(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (text[i] == '\\' && c != '`') ++i;
      }
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool EndsWithWord(std::string_view text, size_t end, std::string_view word) {
  if (end < word.size()) return false;
  return NameEquals(text.substr(end - word.size(), word.size()), word);
}

// Offset just past the DEFAULT keyword that introduces expr; npos if not found.
size_t DefaultKeywordEnd(std::string_view text, const ast::Expr& expr) {
  size_t before = std::min<size_t>(static_cast<size_t>(LeftmostLocation(expr)), text.size());
  while (before > 0 && (text[before - 1] == '(' || IsSqlSpace(text[before - 1]))) --before;
  return EndsWithWord(text, before, "DEFAULT") ? before : std::string_view::npos;
}

// The SQL between the parentheses of `DEFAULT (expr)`, as written.
Result<std::string> ParenthesizedText(std::string_view text, const ast::Expr& expr) {
  size_t before = DefaultKeywordEnd(text, expr);
  if (before == std::string_view::npos) {
    return Status::Internal("cannot recover the text of a DEFAULT expression");
  }
  size_t open = text.find('(', before);
  size_t close = MatchingParen(text, open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return Status::Internal("cannot recover the text of a DEFAULT expression");
  }
  std::string_view inner = text.substr(open + 1, close - open - 1);
  while (!inner.empty() && IsSqlSpace(inner.front())) inner.remove_prefix(1);
  while (!inner.empty() && IsSqlSpace(inner.back())) inner.remove_suffix(1);
  return std::string(inner);
}

Result<ColumnDefault> CurrentTimestampDefault(const ast::Expr& expr, const ColumnInfo& column) {
  bool datetime = column.type.id == TypeId::kDatetime || column.type.id == TypeId::kTimestamp;
  int fsp = CurrentTimestampFsp(expr.As<ast::FunctionExpr>());
  if (!datetime || fsp != column.type.fsp) return Invalid(column);
  std::string text = fsp == 0 ? "CURRENT_TIMESTAMP" : fmt::format("CURRENT_TIMESTAMP({})", fsp);
  return ColumnDefault{DefaultKind::kCurrentTimestamp, std::move(text)};
}

Result<ColumnDefault> ConstantDefault(const Value& value, const ColumnInfo& column) {
  if (IsLobType(column.type)) {
    return Status::Error(ErrorCode::kBlobCantHaveDefault, column.name);
  }
  Result<Value> cast = CastValue(value, column.type, CastContext{CastMode::kStore, column.name, 1});
  if (!cast.ok()) return Invalid(column);
  return ColumnDefault{DefaultKind::kValue, FormatValue(*cast, column.type)};
}

}  // namespace

bool IsDefaultParenthesized(std::string_view statement_text, const ast::Expr& expr) {
  size_t pos = DefaultKeywordEnd(statement_text, expr);
  if (pos == std::string_view::npos) return false;
  while (pos < statement_text.size() && IsSqlSpace(statement_text[pos])) ++pos;
  return pos < statement_text.size() && statement_text[pos] == '(';
}

Result<ColumnDefault> BuildDefault(const ast::Expr& expr, bool parenthesized,
                                   std::string_view statement_text, const ColumnInfo& column) {
  if (expr.type == ast::ExprType::kLiteral &&
      expr.As<ast::LiteralExpr>().kind == ast::LiteralKind::kNull) {
    return ColumnDefault{DefaultKind::kNull, ""};
  }
  if (IsCurrentTimestampCall(expr)) {
    bool datetime = column.type.id == TypeId::kDatetime || column.type.id == TypeId::kTimestamp;
    if (datetime || !parenthesized) return CurrentTimestampDefault(expr, column);
  }
  if (parenthesized) {
    VEXDB_ASSIGN_OR_RETURN(std::string text, ParenthesizedText(statement_text, expr));
    return ColumnDefault{DefaultKind::kExpression, std::move(text)};
  }
  VEXDB_ASSIGN_OR_RETURN(std::optional<Value> value, LiteralValue(expr, column.type));
  if (!value) return Invalid(column);
  return ConstantDefault(*value, column);
}

}  // namespace vexdb::ddl_internal

// SHOW ... WHERE: a small interpreter over the rows a SHOW statement produced. The expression
// refers to the result's column names (SHOW INDEXES FROM t WHERE Column_name = 'v' AND
// Index_type = 'HNSW', as pytidb sends). Strings compare case-insensitively, as MySQL's
// utf8mb3_general_ci metadata columns do; NULL follows SQL's three-valued logic.

#include <cstdlib>

#include "common/status.h"
#include "execution/show_internal.h"
#include "function/function.h"
#include "types/cast.h"
#include "types/value_format.h"

namespace vexdb::show_internal {

namespace {

class RowFilter {
 public:
  RowFilter(const std::vector<ResultColumn>& columns, const Row& row)
      : columns_(columns), row_(row) {}

  Result<Value> Eval(const ast::Expr& expr) const;

 private:
  Result<Value> Literal(const ast::LiteralExpr& literal) const;
  Result<Value> Column(const ast::ColumnRefExpr& ref) const;
  Result<Value> Unary(const ast::UnaryExpr& unary) const;
  Result<Value> Binary(const ast::BinaryExpr& binary) const;
  Result<Value> Logical(ast::BinaryOp op, const Value& left, const Value& right) const;
  Result<Value> Like(const ast::LikeExpr& like) const;
  Result<Value> InList(const ast::InListExpr& in) const;
  Result<Value> Between(const ast::BetweenExpr& between) const;
  Result<Value> IsNull(const ast::IsNullExpr& is_null) const;

  const std::vector<ResultColumn>& columns_;
  const Row& row_;
};

Value Bool(bool b) { return Value::Int(b ? 1 : 0); }

Value Folded(const Value& v) {
  if (v.kind() != ValueKind::kString) return v;
  return Value::String(FoldName(v.string_value()));
}

// <0, 0, >0; REQUIRES both non-NULL.
int Compare(const Value& a, const Value& b) { return CompareValues(Folded(a), Folded(b)); }

std::optional<bool> Truth(const Value& v) {
  if (v.is_null()) return std::nullopt;
  return ValueToBool(v);
}

Result<Value> RowFilter::Eval(const ast::Expr& expr) const {
  switch (expr.type) {
    case ast::ExprType::kLiteral: return Literal(expr.As<ast::LiteralExpr>());
    case ast::ExprType::kColumnRef: return Column(expr.As<ast::ColumnRefExpr>());
    case ast::ExprType::kUnary: return Unary(expr.As<ast::UnaryExpr>());
    case ast::ExprType::kBinary: return Binary(expr.As<ast::BinaryExpr>());
    case ast::ExprType::kLike: return Like(expr.As<ast::LikeExpr>());
    case ast::ExprType::kInList: return InList(expr.As<ast::InListExpr>());
    case ast::ExprType::kBetween: return Between(expr.As<ast::BetweenExpr>());
    case ast::ExprType::kIsNull: return IsNull(expr.As<ast::IsNullExpr>());
    default:
      return Status::Error(ErrorCode::kNotSupportedYet, "this expression in SHOW ... WHERE");
  }
}

Result<Value> RowFilter::Literal(const ast::LiteralExpr& literal) const {
  switch (literal.kind) {
    case ast::LiteralKind::kNull: return Value::Null();
    case ast::LiteralKind::kInteger:
    case ast::LiteralKind::kBool: {
      char* end = nullptr;
      long long v = std::strtoll(literal.text.c_str(), &end, 10);
      if (end != nullptr && *end == '\0') return Value::Int(v);
      return Value::Double(std::strtod(literal.text.c_str(), nullptr));
    }
    case ast::LiteralKind::kDecimal:
    case ast::LiteralKind::kFloat:
      return Value::Double(std::strtod(literal.text.c_str(), nullptr));
    default:
      return Value::String(literal.text);
  }
}

Result<Value> RowFilter::Column(const ast::ColumnRefExpr& ref) const {
  const std::string& name = ref.parts.back();
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (NameEquals(columns_[i].name, name)) return row_[i];
  }
  return Status::Error(ErrorCode::kBadField, name, "where clause");
}

Result<Value> RowFilter::Unary(const ast::UnaryExpr& unary) const {
  VEXDB_ASSIGN_OR_RETURN(Value v, Eval(*unary.operand));
  if (unary.op == ast::UnaryOp::kNot) {
    std::optional<bool> t = Truth(v);
    return t.has_value() ? Bool(!*t) : Value::Null();
  }
  if (unary.op == ast::UnaryOp::kPlus) return v;
  if (unary.op == ast::UnaryOp::kMinus && !v.is_null()) return Value::Double(-ValueToDouble(v));
  if (v.is_null()) return v;
  return Status::Error(ErrorCode::kNotSupportedYet, "this operator in SHOW ... WHERE");
}

Result<Value> RowFilter::Logical(ast::BinaryOp op, const Value& left, const Value& right) const {
  std::optional<bool> a = Truth(left);
  std::optional<bool> b = Truth(right);
  if (op == ast::BinaryOp::kAnd) {
    if (a == false || b == false) return Bool(false);
    return a.has_value() && b.has_value() ? Bool(true) : Value::Null();
  }
  if (op == ast::BinaryOp::kOr) {
    if (a == true || b == true) return Bool(true);
    return a.has_value() && b.has_value() ? Bool(false) : Value::Null();
  }
  if (!a.has_value() || !b.has_value()) return Value::Null();
  return Bool(*a != *b);
}

Result<Value> RowFilter::Binary(const ast::BinaryExpr& binary) const {
  VEXDB_ASSIGN_OR_RETURN(Value left, Eval(*binary.left));
  VEXDB_ASSIGN_OR_RETURN(Value right, Eval(*binary.right));
  ast::BinaryOp op = binary.op;
  if (op == ast::BinaryOp::kAnd || op == ast::BinaryOp::kOr || op == ast::BinaryOp::kXor) {
    return Logical(op, left, right);
  }
  if (op == ast::BinaryOp::kNullSafeEq) {
    if (left.is_null() || right.is_null()) return Bool(left.is_null() && right.is_null());
    return Bool(Compare(left, right) == 0);
  }
  if (left.is_null() || right.is_null()) return Value::Null();
  switch (op) {
    case ast::BinaryOp::kEq: return Bool(Compare(left, right) == 0);
    case ast::BinaryOp::kNe: return Bool(Compare(left, right) != 0);
    case ast::BinaryOp::kLt: return Bool(Compare(left, right) < 0);
    case ast::BinaryOp::kLe: return Bool(Compare(left, right) <= 0);
    case ast::BinaryOp::kGt: return Bool(Compare(left, right) > 0);
    case ast::BinaryOp::kGe: return Bool(Compare(left, right) >= 0);
    default:
      return Status::Error(ErrorCode::kNotSupportedYet, "this operator in SHOW ... WHERE");
  }
}

Result<Value> RowFilter::Like(const ast::LikeExpr& like) const {
  if (like.escape != nullptr) {
    return Status::Error(ErrorCode::kNotSupportedYet, "LIKE ... ESCAPE in SHOW ... WHERE");
  }
  VEXDB_ASSIGN_OR_RETURN(Value text, Eval(*like.operand));
  VEXDB_ASSIGN_OR_RETURN(Value pattern, Eval(*like.pattern));
  if (text.is_null() || pattern.is_null()) return Value::Null();
  bool match = MatchesLike(FormatValue(text, LogicalType()), FormatValue(pattern, LogicalType()));
  return Bool(match != like.negated);
}

Result<Value> RowFilter::InList(const ast::InListExpr& in) const {
  VEXDB_ASSIGN_OR_RETURN(Value operand, Eval(*in.operand));
  if (operand.is_null()) return Value::Null();
  bool saw_null = false;
  for (const ast::ExprPtr& item : in.list) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Eval(*item));
    if (v.is_null()) {
      saw_null = true;
    } else if (Compare(operand, v) == 0) {
      return Bool(!in.negated);
    }
  }
  return saw_null ? Value::Null() : Bool(in.negated);
}

Result<Value> RowFilter::Between(const ast::BetweenExpr& between) const {
  VEXDB_ASSIGN_OR_RETURN(Value v, Eval(*between.operand));
  VEXDB_ASSIGN_OR_RETURN(Value low, Eval(*between.low));
  VEXDB_ASSIGN_OR_RETURN(Value high, Eval(*between.high));
  if (v.is_null() || low.is_null() || high.is_null()) return Value::Null();
  bool inside = Compare(v, low) >= 0 && Compare(v, high) <= 0;
  return Bool(inside != between.negated);
}

Result<Value> RowFilter::IsNull(const ast::IsNullExpr& is_null) const {
  VEXDB_ASSIGN_OR_RETURN(Value v, Eval(*is_null.operand));
  return Bool(v.is_null() != is_null.negated);
}

}  // namespace

Status FilterRows(const ast::Expr& where, QueryResult* result) {
  std::vector<Row> kept;
  for (Row& row : result->rows) {
    RowFilter filter(result->columns, row);
    VEXDB_ASSIGN_OR_RETURN(Value keep, filter.Eval(where));
    if (Truth(keep) == true) kept.push_back(std::move(row));
  }
  result->rows = std::move(kept);
  return Status::OK();
}

}  // namespace vexdb::show_internal

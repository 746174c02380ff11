// The expression interpreter: a recursive walk over BoundExpr. Each node kind has one small
// function; three-valued logic and NULL propagation follow MySQL.

#include "execution/expression_evaluator.h"

#include "function/json_compare.h"
#include "types/cast.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

Value Bool(bool b) { return Value::Int(b ? 1 : 0); }

// The text of a value for string operations (LIKE, REGEXP).
std::string TextOf(const Value& value, const LogicalType& type) {
  if (value.kind() == ValueKind::kString) return value.string_value();
  return FormatValue(value, type);
}

// Compares two row constructors or scalars; nullopt if the result is NULL.
Result<std::optional<int>> CompareOperands(const BoundExpr& left, const BoundExpr& right,
                                           const Row& row, ExecContext& ctx);

// Compares two non-NULL operand values; as JSON when either operand is JSON (MySQL's rule).
Result<int> CompareTyped(const Value& a, const BoundExpr& left, const Value& b,
                         const BoundExpr& right) {
  if (left.type.id == TypeId::kJson || right.type.id == TypeId::kJson) {
    return CompareWithJson(a, left.type, b, right.type);
  }
  return CompareValues(a, b);
}

Result<std::optional<int>> CompareScalars(const Value& a, const BoundExpr& left, const Value& b,
                                          const BoundExpr& right) {
  if (a.is_null() || b.is_null()) return std::optional<int>();
  VEXDB_ASSIGN_OR_RETURN(int c, CompareTyped(a, left, b, right));
  return std::optional<int>(c);
}

bool ApplyCompare(CompareOp op, int c) {
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNullSafeEq: return c == 0;
    case CompareOp::kNe: return c != 0;
    case CompareOp::kLt: return c < 0;
    case CompareOp::kLe: return c <= 0;
    case CompareOp::kGt: return c > 0;
    case CompareOp::kGe: return c >= 0;
  }
  return false;
}

Result<std::optional<int>> CompareOperands(const BoundExpr& left, const BoundExpr& right,
                                           const Row& row, ExecContext& ctx) {
  bool left_row = left.kind == BoundExprKind::kRowConstructor;
  bool right_row = right.kind == BoundExprKind::kRowConstructor;
  if (!left_row && !right_row) {
    VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(left, row, ctx));
    VEXDB_ASSIGN_OR_RETURN(Value b, Evaluate(right, row, ctx));
    return CompareScalars(a, left, b, right);
  }
  if (!left_row || !right_row || left.children.size() != right.children.size()) {
    return Status::Error(ErrorCode::kOperandColumns, left_row ? left.children.size() : 1);
  }
  bool saw_null = false;
  for (size_t i = 0; i < left.children.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(auto c, CompareOperands(*left.children[i], *right.children[i], row, ctx));
    if (!c) {
      saw_null = true;
      continue;
    }
    if (*c != 0) return c;
  }
  if (saw_null) return std::optional<int>();
  return std::optional<int>(0);
}

Result<Value> EvaluateCompare(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  if (expr.compare == CompareOp::kNullSafeEq &&
      expr.children[0]->kind != BoundExprKind::kRowConstructor) {
    VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
    VEXDB_ASSIGN_OR_RETURN(Value b, Evaluate(*expr.children[1], row, ctx));
    if (a.is_null() || b.is_null()) return Bool(a.is_null() && b.is_null());
    VEXDB_ASSIGN_OR_RETURN(int c, CompareTyped(a, *expr.children[0], b, *expr.children[1]));
    return Bool(c == 0);
  }
  VEXDB_ASSIGN_OR_RETURN(auto c, CompareOperands(*expr.children[0], *expr.children[1], row, ctx));
  if (!c) return Value::Null();
  return Bool(ApplyCompare(expr.compare, *c));
}

Result<Value> EvaluateAnd(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  bool saw_null = false;
  for (const auto& child : expr.children) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*child, row, ctx));
    if (v.is_null()) {
      saw_null = true;
    } else if (!ValueToBool(v)) {
      return Bool(false);
    }
  }
  return saw_null ? Value::Null() : Bool(true);
}

Result<Value> EvaluateOr(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  bool saw_null = false;
  for (const auto& child : expr.children) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*child, row, ctx));
    if (v.is_null()) {
      saw_null = true;
    } else if (ValueToBool(v)) {
      return Bool(true);
    }
  }
  return saw_null ? Value::Null() : Bool(false);
}

Result<Value> EvaluateInList(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  bool saw_null = false;
  for (size_t i = 1; i < expr.children.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(auto c, CompareOperands(*expr.children[0], *expr.children[i], row, ctx));
    if (!c) {
      saw_null = true;
    } else if (*c == 0) {
      return Bool(!expr.negated);
    }
  }
  if (saw_null) return Value::Null();
  return Bool(expr.negated);
}

Result<Value> EvaluateLike(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(Value text, Evaluate(*expr.children[0], row, ctx));
  VEXDB_ASSIGN_OR_RETURN(Value pattern, Evaluate(*expr.children[1], row, ctx));
  if (text.is_null() || pattern.is_null()) return Value::Null();
  char32_t escape = '\\';
  if (expr.children.size() > 2) {
    VEXDB_ASSIGN_OR_RETURN(Value e, Evaluate(*expr.children[2], row, ctx));
    std::string s = e.is_null() ? "" : TextOf(e, expr.children[2]->type);
    escape = s.empty() ? U'\\' : static_cast<unsigned char>(s[0]);
  }
  bool match = LikeMatch(TextOf(text, expr.children[0]->type),
                         TextOf(pattern, expr.children[1]->type), escape);
  return Bool(match != expr.negated);
}

Result<Value> EvaluateRegexp(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(Value text, Evaluate(*expr.children[0], row, ctx));
  VEXDB_ASSIGN_OR_RETURN(Value pattern, Evaluate(*expr.children[1], row, ctx));
  if (text.is_null() || pattern.is_null()) return Value::Null();
  VEXDB_ASSIGN_OR_RETURN(bool match, RegexpMatch(TextOf(text, expr.children[0]->type),
                                                 TextOf(pattern, expr.children[1]->type), ""));
  return Bool(match);
}

Result<Value> EvaluateCase(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  size_t n = expr.children.size();
  for (size_t i = 0; i + 1 < n; i += 2) {
    VEXDB_ASSIGN_OR_RETURN(bool hit, EvaluatePredicate(*expr.children[i], row, ctx));
    if (!hit) continue;
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*expr.children[i + 1], row, ctx));
    if (v.is_null() || expr.type.id == TypeId::kNull) return v;
    return CastValue(v, expr.type, CastContext{});
  }
  if (n % 2 == 1) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*expr.children[n - 1], row, ctx));
    if (v.is_null() || expr.type.id == TypeId::kNull) return v;
    return CastValue(v, expr.type, CastContext{});
  }
  return Value::Null();
}

// CAST converts x by its own type where the value alone does not tell: to CHAR/BINARY a
// DATETIME(2) keeps two fractional digits and a FLOAT its shortest float32 text; to a number an
// ENUM or SET member becomes its member number.
Result<Value> EvaluateCast(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  const BoundExpr& operand = *expr.children[0];
  VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(operand, row, ctx));
  if (a.is_null()) return a;
  const LogicalType& from = operand.type;
  bool to_text = expr.type.id != TypeId::kJson && (expr.type.IsString() || expr.type.IsBinary());
  bool from_members = from.id == TypeId::kEnum || from.id == TypeId::kSet;
  if (to_text) {
    a = Value::String(TextOf(a, from));
  } else if (from_members && expr.type.IsNumeric()) {
    a = Value::UInt(MemberOrdinal(a, from));
  }
  return CastValue(a, expr.type, CastContext{});
}

Result<Value> EvaluateFunction(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  std::vector<Value> args;
  std::vector<LogicalType> types;
  args.reserve(expr.children.size());
  for (const auto& child : expr.children) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*child, row, ctx));
    if (v.is_null() && expr.function->null_propagating) return Value::Null();
    args.push_back(std::move(v));
    types.push_back(child->type);
  }
  FunctionArgs function_args{args, types, expr.type, ctx.function};
  return expr.function->eval(function_args);
}

Result<Value> EvaluateBitwise(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
  if (a.is_null()) return Value::Null();
  uint64_t x = static_cast<uint64_t>(ValueToInt64(a));
  if (a.kind() == ValueKind::kUInt) x = a.uint_value();
  if (expr.bit_op == BitOp::kNot) return Value::UInt(~x);
  VEXDB_ASSIGN_OR_RETURN(Value b, Evaluate(*expr.children[1], row, ctx));
  if (b.is_null()) return Value::Null();
  uint64_t y = b.kind() == ValueKind::kUInt ? b.uint_value() : static_cast<uint64_t>(ValueToInt64(b));
  switch (expr.bit_op) {
    case BitOp::kAnd: return Value::UInt(x & y);
    case BitOp::kOr: return Value::UInt(x | y);
    case BitOp::kXor: return Value::UInt(x ^ y);
    case BitOp::kShiftLeft: return Value::UInt(y >= 64 ? 0 : x << y);
    case BitOp::kShiftRight: return Value::UInt(y >= 64 ? 0 : x >> y);
    case BitOp::kNot: break;
  }
  return Value::Null();
}

// Runs a subquery (cached when uncorrelated), with `row` visible to it as the outer row.
Result<const std::vector<Row>*> SubqueryRows(const BoundExpr& expr, const Row& row,
                                             ExecContext& ctx, std::vector<Row>* scratch) {
  const BoundQuery* query = expr.subquery.get();
  if (!expr.correlated) {
    auto it = ctx.subquery_cache.find(query);
    if (it != ctx.subquery_cache.end()) return &it->second;
  }
  ctx.outer_rows.push_back(&row);
  auto rows = ExecuteQueryRows(*query, ctx);
  ctx.outer_rows.pop_back();
  if (!rows.ok()) return rows.TakeStatus();
  if (!expr.correlated) {
    auto [it, inserted] = ctx.subquery_cache.emplace(query, std::move(rows).value());
    return &it->second;
  }
  *scratch = std::move(rows).value();
  return scratch;
}

Result<Value> EvaluateSubquery(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  std::vector<Row> scratch;
  VEXDB_ASSIGN_OR_RETURN(const std::vector<Row>* rows, SubqueryRows(expr, row, ctx, &scratch));
  switch (expr.kind) {
    case BoundExprKind::kExists: return Bool(!rows->empty());
    case BoundExprKind::kSubquery:
      if (rows->empty()) return Value::Null();
      if (rows->size() > 1) return Status::Error(ErrorCode::kSubqueryNo1Row);
      return (*rows)[0][0];
    default: break;
  }
  // [NOT] IN (subquery)
  const BoundExpr& operand = *expr.children[0];
  std::vector<Value> left;
  if (operand.kind == BoundExprKind::kRowConstructor) {
    for (const auto& child : operand.children) {
      VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*child, row, ctx));
      left.push_back(std::move(v));
    }
  } else {
    VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(operand, row, ctx));
    left.push_back(std::move(v));
  }
  bool saw_null = false;
  for (const Row& candidate : *rows) {
    bool all_equal = true, row_null = false;
    for (size_t i = 0; i < left.size(); ++i) {
      if (left[i].is_null() || candidate[i].is_null()) {
        row_null = true;
        continue;
      }
      if (CompareValues(left[i], candidate[i]) != 0) all_equal = false;
    }
    if (all_equal && !row_null) return Bool(!expr.negated);
    if (all_equal && row_null) saw_null = true;
  }
  if (saw_null) return Value::Null();
  return Bool(expr.negated);
}

Result<Value> EvaluateVariable(const BoundExpr& expr, ExecContext& ctx) {
  if (ctx.variables == nullptr) return Value::Null();
  if (expr.user_variable) return ctx.variables->GetUserVariable(expr.name);
  return ctx.variables->GetSystemVariable(expr.name, expr.global_scope);
}

}  // namespace

Result<Value> Evaluate(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  switch (expr.kind) {
    case BoundExprKind::kConstant: return expr.constant;
    case BoundExprKind::kColumn: return row[expr.column_index];
    case BoundExprKind::kOuterColumn: {
      size_t n = ctx.outer_rows.size();
      if (expr.depth < 1 || static_cast<size_t>(expr.depth) > n) {
        return Status::Internal("outer reference without an outer row");
      }
      return (*ctx.outer_rows[n - expr.depth])[expr.column_index];
    }
    case BoundExprKind::kFunction: return EvaluateFunction(expr, row, ctx);
    case BoundExprKind::kArithmetic: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      if (a.is_null()) return Value::Null();
      VEXDB_ASSIGN_OR_RETURN(Value b, Evaluate(*expr.children[1], row, ctx));
      if (b.is_null()) return Value::Null();
      return EvaluateArithmetic(expr.arith, a, expr.children[0]->type, b,
                                expr.children[1]->type, expr.type, ctx.function);
    }
    case BoundExprKind::kNegate: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      if (a.is_null()) return Value::Null();
      return EvaluateNegate(a, expr.children[0]->type);
    }
    case BoundExprKind::kCompare: return EvaluateCompare(expr, row, ctx);
    case BoundExprKind::kAnd: return EvaluateAnd(expr, row, ctx);
    case BoundExprKind::kOr: return EvaluateOr(expr, row, ctx);
    case BoundExprKind::kXor: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      VEXDB_ASSIGN_OR_RETURN(Value b, Evaluate(*expr.children[1], row, ctx));
      if (a.is_null() || b.is_null()) return Value::Null();
      return Bool(ValueToBool(a) != ValueToBool(b));
    }
    case BoundExprKind::kNot: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      if (a.is_null()) return Value::Null();
      return Bool(!ValueToBool(a));
    }
    case BoundExprKind::kIsNull: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      return Bool(a.is_null() != expr.negated);
    }
    case BoundExprKind::kIsBool: {
      VEXDB_ASSIGN_OR_RETURN(Value a, Evaluate(*expr.children[0], row, ctx));
      bool is = !a.is_null() && ValueToBool(a) == (expr.constant.int_value() == 1);
      return Bool(is != expr.negated);
    }
    case BoundExprKind::kInList: return EvaluateInList(expr, row, ctx);
    case BoundExprKind::kLike: return EvaluateLike(expr, row, ctx);
    case BoundExprKind::kRegexp: return EvaluateRegexp(expr, row, ctx);
    case BoundExprKind::kCase: return EvaluateCase(expr, row, ctx);
    case BoundExprKind::kCast: return EvaluateCast(expr, row, ctx);
    case BoundExprKind::kBitwise: return EvaluateBitwise(expr, row, ctx);
    case BoundExprKind::kSubquery:
    case BoundExprKind::kExists:
    case BoundExprKind::kInSubquery: return EvaluateSubquery(expr, row, ctx);
    case BoundExprKind::kVariable: return EvaluateVariable(expr, ctx);
    case BoundExprKind::kRowConstructor:
      return Status::Error(ErrorCode::kOperandColumns, 1);
    case BoundExprKind::kAggregate:
      return Status::Error(ErrorCode::kInvalidGroupFuncUse);
  }
  return Status::Internal("unknown expression kind");
}

Result<bool> EvaluatePredicate(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(expr, row, ctx));
  return !v.is_null() && ValueToBool(v);
}

}  // namespace vexdb

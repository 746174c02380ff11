// Binding of expressions: names to row positions, literals to typed constants, operators to
// typed nodes. Type rules follow MySQL: comparisons and logic yield BIGINT 0/1; arithmetic
// types come from function/ (ArithmeticResultType); function result types from each function's
// registry entry.

#include <fmt/format.h>

#include <charconv>

#include "binder/binder_internal.h"
#include "types/cast.h"
#include "types/temporal.h"
#include "types/vector_text.h"

namespace vexdb {

namespace {

LogicalType BooleanType() {
  LogicalType t = LogicalType::BigInt();
  t.length = 1;
  return t;
}

BoundExprPtr MakeNode(BoundExprKind kind, LogicalType type) {
  auto node = std::make_unique<BoundExpr>();
  node->kind = kind;
  node->type = std::move(type);
  return node;
}

// Only strings and vectors become vectors. Numbers are refused by the cast itself (their values
// say what they are); JSON and temporal values travel as text, so their type decides here.
Status CheckVectorCastSource(const LogicalType& source, const LogicalType& target) {
  if (target.id != TypeId::kVector) return Status::OK();
  if (source.id != TypeId::kJson && !source.IsTemporal()) return Status::OK();
  return Status::Internal(fmt::format("cannot cast from {} to vector", source.DataTypeName()));
}

// A string constant passed where a vector is expected becomes a VECTOR(d) constant; it fails
// as the text would when the function ran (1105 "Invalid vector text: ...").
Status ParseVectorConstant(BoundExprPtr* arg) {
  const BoundExpr& expr = **arg;
  if (expr.kind != BoundExprKind::kConstant || expr.constant.kind() != ValueKind::kString) {
    return Status::OK();
  }
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> elements, ParseVectorText(expr.constant.string_value()));
  LogicalType type = LogicalType::Of(TypeId::kVector);
  type.length = static_cast<int64_t>(elements.size());
  int literal_location = expr.literal_location;
  *arg = MakeConstant(Value::Vector(std::move(elements)), type);
  (*arg)->literal_location = literal_location;
  return Status::OK();
}

bool IsMemberType(const LogicalType& type) {
  return type.id == TypeId::kEnum || type.id == TypeId::kSet;
}

// An ENUM or SET operand in numeric context stands for its member number (MySQL: 'b' of
// ENUM('a','b') + 0 is 2), which CAST computes from the operand's type.
BoundExprPtr AsNumber(BoundExprPtr operand) {
  if (!IsMemberType(operand->type)) return operand;
  BoundExprPtr node = MakeNode(BoundExprKind::kCast, LogicalType::BigInt(/*is_unsigned=*/true));
  node->children.push_back(std::move(operand));
  return node;
}

// A comparison of an ENUM or SET with a number compares member numbers; with text, the text.
void NumberMembersAgainstNumbers(BoundExprPtr& left, BoundExprPtr& right) {
  if (right->type.IsNumeric()) left = AsNumber(std::move(left));
  if (left->type.IsNumeric()) right = AsNumber(std::move(right));
}

Result<BoundExprPtr> IntegerLiteral(const std::string& text) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && p == text.data() + text.size()) {
    LogicalType t = LogicalType::BigInt();
    t.length = static_cast<int64_t>(text.size());
    return MakeConstant(Value::Int(v), t);
  }
  uint64_t u = 0;
  auto [q, ec2] = std::from_chars(text.data(), text.data() + text.size(), u);
  if (ec2 == std::errc() && q == text.data() + text.size()) {
    return MakeConstant(Value::UInt(u), LogicalType::BigInt(/*is_unsigned=*/true));
  }
  VEXDB_ASSIGN_OR_RETURN(Decimal d, Decimal::Parse(text));
  return MakeConstant(Value::Dec(d), LogicalType::Decimal(static_cast<int>(text.size()), 0));
}

Result<BoundExprPtr> DecimalLiteral(const std::string& text) {
  VEXDB_ASSIGN_OR_RETURN(Decimal d, Decimal::Parse(text));
  int digits = 0;
  for (char c : text) digits += (c >= '0' && c <= '9');
  int precision = std::max(digits, d.scale() + 1);
  return MakeConstant(Value::Dec(d), LogicalType::Decimal(precision, d.scale()));
}

LogicalType StringLiteralType(const std::string& bytes, bool binary) {
  LogicalType t = LogicalType::Of(binary ? TypeId::kVarbinary : TypeId::kVarchar);
  t.length = static_cast<int64_t>(bytes.size());
  return t;
}

bool IsBinaryIntroducer(const std::string& introducer) {
  return introducer == "_binary" || introducer == "_BINARY";
}

CompareOp ToCompareOp(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq: return CompareOp::kEq;
    case ast::BinaryOp::kNullSafeEq: return CompareOp::kNullSafeEq;
    case ast::BinaryOp::kNe: return CompareOp::kNe;
    case ast::BinaryOp::kLt: return CompareOp::kLt;
    case ast::BinaryOp::kLe: return CompareOp::kLe;
    case ast::BinaryOp::kGt: return CompareOp::kGt;
    default: return CompareOp::kGe;
  }
}

std::optional<ArithmeticOp> ToArithmeticOp(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kAdd: return ArithmeticOp::kAdd;
    case ast::BinaryOp::kSub: return ArithmeticOp::kSub;
    case ast::BinaryOp::kMul: return ArithmeticOp::kMul;
    case ast::BinaryOp::kDiv: return ArithmeticOp::kDiv;
    case ast::BinaryOp::kIntDiv: return ArithmeticOp::kIntDiv;
    case ast::BinaryOp::kMod: return ArithmeticOp::kMod;
    default: return std::nullopt;
  }
}

std::optional<BitOp> ToBitOp(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kBitAnd: return BitOp::kAnd;
    case ast::BinaryOp::kBitOr: return BitOp::kOr;
    case ast::BinaryOp::kBitXor: return BitOp::kXor;
    case ast::BinaryOp::kShiftLeft: return BitOp::kShiftLeft;
    case ast::BinaryOp::kShiftRight: return BitOp::kShiftRight;
    default: return std::nullopt;
  }
}

// Does a qualifier (parts before the column name) match a scope column?
bool QualifierMatches(const std::vector<std::string>& parts, const ScopeColumn& column) {
  size_t n = parts.size();
  if (n == 1) return true;
  if (!NameEquals(parts[n - 2], column.table_alias)) return false;
  return n == 2 || NameEquals(parts[n - 3], column.database);
}

std::string JoinParts(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '.';
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string_view Binder::Impl::ClauseName() const {
  switch (clause_) {
    case Clause::kFieldList: return "field list";
    case Clause::kWhere: return "where clause";
    case Clause::kOn: return "on clause";
    case Clause::kGroup: return "group statement";
    case Clause::kHaving: return "having clause";
    case Clause::kOrder: return "order clause";
    case Clause::kValues: return "field list";
    case Clause::kSet: return "field list";
  }
  return "field list";
}

Result<BoundExprPtr> Binder::Impl::BindExpr(const ast::Expr& expr, const Scope& scope) {
  switch (expr.type) {
    case ast::ExprType::kLiteral: return BindLiteral(expr.As<ast::LiteralExpr>());
    case ast::ExprType::kColumnRef: return BindColumnRef(expr.As<ast::ColumnRefExpr>(), scope);
    case ast::ExprType::kUnary: return BindUnary(expr.As<ast::UnaryExpr>(), scope);
    case ast::ExprType::kBinary: return BindBinary(expr.As<ast::BinaryExpr>(), scope);
    case ast::ExprType::kFunction: return BindFunction(expr.As<ast::FunctionExpr>(), scope);
    case ast::ExprType::kCase: return BindCase(expr.As<ast::CaseExpr>(), scope);
    case ast::ExprType::kInList: return BindInList(expr.As<ast::InListExpr>(), scope);
    case ast::ExprType::kVariable: return BindVariable(expr.As<ast::VariableExpr>());
    case ast::ExprType::kSubquery:
    case ast::ExprType::kExists:
    case ast::ExprType::kInSubquery: return BindSubqueryExpr(expr, scope);
    case ast::ExprType::kCast: {
      const auto& cast = expr.As<ast::CastExpr>();
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*cast.operand, scope));
      VEXDB_RETURN_IF_ERROR(CheckVectorCastSource(operand->type, cast.target));
      BoundExprPtr node = MakeNode(BoundExprKind::kCast, cast.target);
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::ExprType::kBetween: {
      const auto& between = expr.As<ast::BetweenExpr>();
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*between.operand, scope));
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr low, BindExpr(*between.low, scope));
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr high, BindExpr(*between.high, scope));
      BoundExprPtr ge = MakeNode(BoundExprKind::kCompare, BooleanType());
      ge->compare = CompareOp::kGe;
      ge->children.push_back(operand->Copy());
      ge->children.push_back(std::move(low));
      BoundExprPtr le = MakeNode(BoundExprKind::kCompare, BooleanType());
      le->compare = CompareOp::kLe;
      le->children.push_back(std::move(operand));
      le->children.push_back(std::move(high));
      BoundExprPtr both = MakeNode(BoundExprKind::kAnd, BooleanType());
      both->children.push_back(std::move(ge));
      both->children.push_back(std::move(le));
      if (!between.negated) return both;
      BoundExprPtr neg = MakeNode(BoundExprKind::kNot, BooleanType());
      neg->children.push_back(std::move(both));
      return neg;
    }
    case ast::ExprType::kLike: {
      const auto& like = expr.As<ast::LikeExpr>();
      BoundExprPtr node = MakeNode(BoundExprKind::kLike, BooleanType());
      node->negated = like.negated;
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*like.operand, scope));
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr pattern, BindExpr(*like.pattern, scope));
      node->children.push_back(std::move(operand));
      node->children.push_back(std::move(pattern));
      if (like.escape) {
        VEXDB_ASSIGN_OR_RETURN(BoundExprPtr escape, BindExpr(*like.escape, scope));
        node->children.push_back(std::move(escape));
      }
      return node;
    }
    case ast::ExprType::kIsNull: {
      const auto& is_null = expr.As<ast::IsNullExpr>();
      BoundExprPtr node = MakeNode(BoundExprKind::kIsNull, BooleanType());
      node->negated = is_null.negated;
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*is_null.operand, scope));
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::ExprType::kIsBool: {
      const auto& is_bool = expr.As<ast::IsBoolExpr>();
      if (!is_bool.value.has_value()) {  // IS [NOT] UNKNOWN == IS [NOT] NULL
        BoundExprPtr node = MakeNode(BoundExprKind::kIsNull, BooleanType());
        node->negated = is_bool.negated;
        VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*is_bool.operand, scope));
        node->children.push_back(std::move(operand));
        return node;
      }
      BoundExprPtr node = MakeNode(BoundExprKind::kIsBool, BooleanType());
      node->negated = is_bool.negated;
      node->constant = Value::Int(*is_bool.value ? 1 : 0);
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*is_bool.operand, scope));
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::ExprType::kRow: {
      const auto& row = expr.As<ast::RowExpr>();
      BoundExprPtr node = MakeNode(BoundExprKind::kRowConstructor, LogicalType::Null());
      for (const auto& item : row.items) {
        VEXDB_ASSIGN_OR_RETURN(BoundExprPtr child, BindExpr(*item, scope));
        node->children.push_back(std::move(child));
      }
      return node;
    }
    case ast::ExprType::kStar:
      return Status::Error(ErrorCode::kParseError, 1, expr.location, "*");
    case ast::ExprType::kDefault:
      return Status::Error(ErrorCode::kNotSupportedYet, "DEFAULT in this context");
    case ast::ExprType::kInterval:
      return Status::Error(ErrorCode::kNotSupportedYet, "INTERVAL outside date arithmetic");
    case ast::ExprType::kParam:
      return Status::Error(ErrorCode::kNotSupportedYet, "parameter markers in text queries");
    case ast::ExprType::kMatch:
      return Status::Error(ErrorCode::kNotSupportedYet, "MATCH ... AGAINST");
    case ast::ExprType::kCollate:  // comparisons are utf8mb4_bin; the collation is accepted
      return BindExpr(*expr.As<ast::CollateExpr>().operand, scope);
  }
  return Status::Internal("unknown expression type");
}

Result<BoundExprPtr> Binder::Impl::BindLiteral(const ast::LiteralExpr& literal) {
  switch (literal.kind) {
    case ast::LiteralKind::kNull: return MakeConstant(Value::Null(), LogicalType::Null());
    case ast::LiteralKind::kInteger: return IntegerLiteral(literal.text);
    case ast::LiteralKind::kDecimal: return DecimalLiteral(literal.text);
    case ast::LiteralKind::kFloat: {
      double v = 0;
      auto [p, ec] = std::from_chars(literal.text.data(), literal.text.data() + literal.text.size(), v);
      if (ec == std::errc::result_out_of_range) {
        return Status::Error(ErrorCode::kDataOutOfRange, "DOUBLE", literal.text);
      }
      return MakeConstant(Value::Double(v), LogicalType::Double());
    }
    case ast::LiteralKind::kString: {
      BoundExprPtr node = MakeConstant(
          Value::String(literal.text),
          StringLiteralType(literal.text, IsBinaryIntroducer(literal.introducer)));
      if (tag_literals_) node->literal_location = literal.location;
      return node;
    }
    case ast::LiteralKind::kHex:
    case ast::LiteralKind::kBit:
      return MakeConstant(Value::String(literal.text), StringLiteralType(literal.text, true));
    case ast::LiteralKind::kBool:
      return MakeConstant(Value::Int(literal.text == "1" ? 1 : 0), BooleanType());
    case ast::LiteralKind::kDate: {
      VEXDB_ASSIGN_OR_RETURN(int32_t days, ParseDate(literal.text));
      return MakeConstant(Value::Date(days), LogicalType::Of(TypeId::kDate));
    }
    case ast::LiteralKind::kTime: {
      VEXDB_ASSIGN_OR_RETURN(int64_t micros, ParseTime(literal.text));
      return MakeConstant(Value::Time(micros), LogicalType::Of(TypeId::kTime));
    }
    case ast::LiteralKind::kTimestamp: {
      VEXDB_ASSIGN_OR_RETURN(int64_t micros, ParseDatetime(literal.text));
      return MakeConstant(Value::Datetime(micros), LogicalType::Datetime(0));
    }
  }
  return Status::Internal("unknown literal kind");
}

Result<BoundExprPtr> Binder::Impl::BindColumnRef(const ast::ColumnRefExpr& ref,
                                                 const Scope& scope) {
  const std::string& name = ref.parts.back();
  int depth = 0;
  for (const Scope* s = &scope; s != nullptr; s = s->outer, ++depth) {
    int found = -1;
    for (size_t i = 0; i < s->columns.size(); ++i) {
      const ScopeColumn& column = s->columns[i];
      if (!NameEquals(column.name, name) || !QualifierMatches(ref.parts, column)) continue;
      if (column.hidden && ref.parts.size() == 1) continue;
      if (found >= 0) return Status::Error(ErrorCode::kNonUniq, name, ClauseName());
      found = static_cast<int>(i);
    }
    if (found < 0) continue;
    const ScopeColumn& column = s->columns[found];
    BoundExprPtr node = MakeColumn(found, column.type, column.name);
    if (depth > 0) {
      node->kind = BoundExprKind::kOuterColumn;
      node->depth = depth;
      for (const Scope* t = &scope; t != s; t = t->outer) t->uses_outer = true;
    }
    return node;
  }
  if (having_aliases_ != nullptr && ref.parts.size() == 1) {
    for (const auto& [alias, expr] : *having_aliases_) {
      if (NameEquals(alias, name)) return expr->Copy();
    }
  }
  return Status::Error(ErrorCode::kBadField, JoinParts(ref.parts), ClauseName());
}

Result<BoundExprPtr> Binder::Impl::BindUnary(const ast::UnaryExpr& expr, const Scope& scope) {
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*expr.operand, scope));
  switch (expr.op) {
    case ast::UnaryOp::kPlus: return operand;
    case ast::UnaryOp::kMinus: {
      if (operand->kind == BoundExprKind::kConstant && !operand->constant.is_null()) {
        PinLiteral(*operand);
        VEXDB_ASSIGN_OR_RETURN(Value v, EvaluateNegate(operand->constant, operand->type));
        LogicalType t = operand->type;
        if (v.kind() == ValueKind::kInt) t.is_unsigned = false;
        if (v.kind() == ValueKind::kDecimal) t = LogicalType::Decimal(t.precision, t.scale);
        return MakeConstant(std::move(v), t);
      }
      operand = AsNumber(std::move(operand));
      LogicalType t = operand->type;
      if (t.IsInteger()) t = LogicalType::BigInt();
      if (t.IsString() || t.IsBinary() || t.id == TypeId::kFloat) t = LogicalType::Double();
      BoundExprPtr node = MakeNode(BoundExprKind::kNegate, t);
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::UnaryOp::kNot: {
      BoundExprPtr node = MakeNode(BoundExprKind::kNot, BooleanType());
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::UnaryOp::kBitNot: {
      BoundExprPtr node = MakeNode(BoundExprKind::kBitwise, LogicalType::BigInt(true));
      node->bit_op = BitOp::kNot;
      node->children.push_back(std::move(operand));
      return node;
    }
    case ast::UnaryOp::kBinary: {
      BoundExprPtr node = MakeNode(BoundExprKind::kCast, LogicalType::Of(TypeId::kVarbinary));
      node->children.push_back(std::move(operand));
      return node;
    }
  }
  return Status::Internal("unknown unary operator");
}

Result<BoundExprPtr> Binder::Impl::BindBinary(const ast::BinaryExpr& expr, const Scope& scope) {
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr left, BindExpr(*expr.left, scope));
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr right, BindExpr(*expr.right, scope));
  if (auto arith = ToArithmeticOp(expr.op)) {
    left = AsNumber(std::move(left));
    right = AsNumber(std::move(right));
    VEXDB_ASSIGN_OR_RETURN(LogicalType type, ArithmeticResultType(*arith, left->type, right->type));
    BoundExprPtr node = MakeNode(BoundExprKind::kArithmetic, type);
    node->arith = *arith;
    node->children.push_back(std::move(left));
    node->children.push_back(std::move(right));
    return node;
  }
  if (auto bit = ToBitOp(expr.op)) {
    BoundExprPtr node = MakeNode(BoundExprKind::kBitwise, LogicalType::BigInt(true));
    node->bit_op = *bit;
    node->children.push_back(std::move(left));
    node->children.push_back(std::move(right));
    return node;
  }
  BoundExprKind kind;
  switch (expr.op) {
    case ast::BinaryOp::kAnd: kind = BoundExprKind::kAnd; break;
    case ast::BinaryOp::kOr: kind = BoundExprKind::kOr; break;
    case ast::BinaryOp::kXor: kind = BoundExprKind::kXor; break;
    case ast::BinaryOp::kRegexp: kind = BoundExprKind::kRegexp; break;
    case ast::BinaryOp::kJsonExtract: {
      std::vector<BoundExprPtr> args;
      args.push_back(std::move(left));
      args.push_back(std::move(right));
      return MakeFunctionCall("json_extract", std::move(args));
    }
    case ast::BinaryOp::kJsonUnquote: {
      std::vector<BoundExprPtr> args;
      args.push_back(std::move(left));
      args.push_back(std::move(right));
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr extract, MakeFunctionCall("json_extract", std::move(args)));
      std::vector<BoundExprPtr> outer;
      outer.push_back(std::move(extract));
      return MakeFunctionCall("json_unquote", std::move(outer));
    }
    case ast::BinaryOp::kAssign:
      return Status::Error(ErrorCode::kNotSupportedYet, "user variable assignment in expressions");
    default: kind = BoundExprKind::kCompare; break;
  }
  if (kind == BoundExprKind::kCompare && (left->kind == BoundExprKind::kRowConstructor ||
                                          right->kind == BoundExprKind::kRowConstructor)) {
    size_t ln = left->kind == BoundExprKind::kRowConstructor ? left->children.size() : 1;
    size_t rn = right->kind == BoundExprKind::kRowConstructor ? right->children.size() : 1;
    if (ln != rn) return Status::Error(ErrorCode::kOperandColumns, ln);
  }
  if (kind == BoundExprKind::kCompare) NumberMembersAgainstNumbers(left, right);
  BoundExprPtr node = MakeNode(kind, BooleanType());
  if (kind == BoundExprKind::kCompare) node->compare = ToCompareOp(expr.op);
  node->children.push_back(std::move(left));
  node->children.push_back(std::move(right));
  return node;
}

Result<BoundExprPtr> Binder::Impl::MakeFunctionCall(std::string_view name,
                                                    std::vector<BoundExprPtr> args) {
  const ScalarFunction* function = FindScalarFunction(name);
  if (function == nullptr) {
    VEXDB_ASSIGN_OR_RETURN(std::string db, ResolveDatabase(""));
    return Status::Error(ErrorCode::kFunctionNotExist, db, name);
  }
  int n = static_cast<int>(args.size());
  if (n < function->min_args || (function->max_args >= 0 && n > function->max_args)) {
    return Status::Error(ErrorCode::kWrongParamcountToNativeFct, name);
  }
  if (function->vector_args) {
    for (BoundExprPtr& arg : args) VEXDB_RETURN_IF_ERROR(ParseVectorConstant(&arg));
  }
  std::vector<LogicalType> types;
  std::vector<const Value*> constants;  // constant arguments refine the type (NOW(6), ROUND(x, 2))
  for (const auto& arg : args) {
    types.push_back(arg->type);
    constants.push_back(arg->kind == BoundExprKind::kConstant ? &arg->constant : nullptr);
    if (function->refine_type != nullptr) PinLiteral(*arg);
  }
  VEXDB_ASSIGN_OR_RETURN(LogicalType type, ResolveReturnType(*function, types, constants));
  BoundExprPtr node = MakeNode(BoundExprKind::kFunction, std::move(type));
  node->function = function;
  node->name = function->name;
  node->children = std::move(args);
  return node;
}

Result<BoundExprPtr> Binder::Impl::BindFunction(const ast::FunctionExpr& expr,
                                                const Scope& scope) {
  std::string name = FoldName(expr.name);
  if (const AggregateFunction* aggregate = FindAggregateFunction(name)) {
    return BindAggregate(expr, *aggregate, scope);
  }
  if (expr.over) return Status::Error(ErrorCode::kNotSupportedYet, "window functions");
  if (name == "values" && values_function_offset_ >= 0 && expr.args.size() == 1 &&
      expr.args[0]->type == ast::ExprType::kColumnRef) {
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr column, BindExpr(*expr.args[0], scope));
    if (column->kind == BoundExprKind::kColumn && column->column_index < values_function_offset_) {
      column->column_index += values_function_offset_;
      return column;
    }
  }
  std::vector<BoundExprPtr> args;
  for (const auto& arg : expr.args) {
    if (arg->type == ast::ExprType::kInterval) {
      const auto& interval = arg->As<ast::IntervalExpr>();
      VEXDB_ASSIGN_OR_RETURN(BoundExprPtr amount, BindExpr(*interval.value, scope));
      args.push_back(std::move(amount));
      LogicalType unit_type = LogicalType::Varchar(static_cast<int64_t>(interval.unit.size()));
      args.push_back(MakeConstant(Value::String(interval.unit), unit_type));
      continue;
    }
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*arg, scope));
    args.push_back(std::move(bound));
  }
  if (!expr.trim_mode.empty()) name = "trim_" + FoldName(expr.trim_mode);
  return MakeFunctionCall(name, std::move(args));
}

Result<BoundExprPtr> Binder::Impl::BindAggregate(const ast::FunctionExpr& expr,
                                                 const AggregateFunction& function,
                                                 const Scope& scope) {
  if (!allow_aggregates_) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
  if (expr.over) return Status::Error(ErrorCode::kNotSupportedYet, "window functions");
  auto aggregate = std::make_unique<BoundAggregate>();
  aggregate->function = &function;
  aggregate->options.star = expr.star;
  aggregate->options.distinct = expr.distinct;
  if (expr.separator) aggregate->options.separator = *expr.separator;
  allow_aggregates_ = false;  // no nested aggregates
  std::vector<LogicalType> types;
  for (const auto& arg : expr.args) {
    auto bound = BindExpr(*arg, scope);
    if (!bound.ok()) {
      allow_aggregates_ = true;
      return bound.TakeStatus();
    }
    types.push_back((*bound)->type);
    aggregate->args.push_back(std::move(bound).value());
  }
  for (const auto& item : expr.order_by) {
    auto bound = BindExpr(*item.expr, scope);
    if (!bound.ok()) {
      allow_aggregates_ = true;
      return bound.TakeStatus();
    }
    aggregate->order_by.emplace_back(std::move(bound).value(), item.descending);
  }
  allow_aggregates_ = true;
  int n = static_cast<int>(aggregate->args.size()) + (expr.star ? 1 : 0);
  if (n < function.min_args || (function.max_args >= 0 && n > function.max_args)) {
    return Status::Error(ErrorCode::kWrongParamcountToNativeFct, expr.name);
  }
  VEXDB_ASSIGN_OR_RETURN(aggregate->type, function.return_type(types));
  BoundExprPtr node = MakeNode(BoundExprKind::kAggregate, aggregate->type);
  node->name = function.name;
  node->aggregate = std::move(aggregate);
  return node;
}

Result<BoundExprPtr> Binder::Impl::BindCase(const ast::CaseExpr& expr, const Scope& scope) {
  BoundExprPtr node = MakeNode(BoundExprKind::kCase, LogicalType::Null());
  BoundExprPtr operand;
  if (expr.operand) {
    VEXDB_ASSIGN_OR_RETURN(operand, BindExpr(*expr.operand, scope));
  }
  LogicalType type = LogicalType::Null();
  for (const auto& [when, then] : expr.when_then) {
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr condition, BindExpr(*when, scope));
    if (operand) {
      BoundExprPtr eq = MakeNode(BoundExprKind::kCompare, BooleanType());
      eq->compare = CompareOp::kEq;
      eq->children.push_back(operand->Copy());
      eq->children.push_back(std::move(condition));
      condition = std::move(eq);
    }
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr result, BindExpr(*then, scope));
    type = UnifyTypes(type, result->type);
    node->children.push_back(std::move(condition));
    node->children.push_back(std::move(result));
  }
  if (expr.else_expr) {
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr result, BindExpr(*expr.else_expr, scope));
    type = UnifyTypes(type, result->type);
    node->children.push_back(std::move(result));
  }
  node->type = type;
  return node;
}

Result<BoundExprPtr> Binder::Impl::BindInList(const ast::InListExpr& expr, const Scope& scope) {
  BoundExprPtr node = MakeNode(BoundExprKind::kInList, BooleanType());
  node->negated = expr.negated;
  VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*expr.operand, scope));
  size_t width = operand->kind == BoundExprKind::kRowConstructor ? operand->children.size() : 1;
  node->children.push_back(std::move(operand));
  for (const auto& item : expr.list) {
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, BindExpr(*item, scope));
    size_t item_width = bound->kind == BoundExprKind::kRowConstructor ? bound->children.size() : 1;
    if (item_width != width) return Status::Error(ErrorCode::kOperandColumns, width);
    node->children.push_back(std::move(bound));
  }
  return node;
}

Result<BoundExprPtr> Binder::Impl::BindSubqueryExpr(const ast::Expr& expr, const Scope& scope) {
  const ast::SelectStmt* select = nullptr;
  BoundExprPtr node;
  if (expr.type == ast::ExprType::kExists) {
    select = expr.As<ast::ExistsExpr>().subquery.get();
    node = MakeNode(BoundExprKind::kExists, BooleanType());
  } else if (expr.type == ast::ExprType::kSubquery) {
    select = expr.As<ast::SubqueryExpr>().subquery.get();
    node = MakeNode(BoundExprKind::kSubquery, LogicalType::Null());
  } else {
    const auto& in = expr.As<ast::InSubqueryExpr>();
    if (in.comparison != ast::BinaryOp::kEq || in.all) {
      return Status::Error(ErrorCode::kNotSupportedYet, "ANY/ALL subquery comparisons");
    }
    select = in.subquery.get();
    node = MakeNode(BoundExprKind::kInSubquery, BooleanType());
    node->negated = in.negated;
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr operand, BindExpr(*in.operand, scope));
    node->children.push_back(std::move(operand));
  }
  Clause saved_clause = clause_;
  bool saved_aggregates = allow_aggregates_;
  auto bound = BindQuery(*select, &scope);
  clause_ = saved_clause;
  allow_aggregates_ = saved_aggregates;
  if (!bound.ok()) return bound.TakeStatus();
  std::shared_ptr<BoundQuery> query = std::move(bound).value();
  size_t width = query->columns.size();
  if (node->kind == BoundExprKind::kSubquery) {
    if (width != 1) return Status::Error(ErrorCode::kOperandColumns, 1);
    node->type = query->columns[0].type;
  }
  if (node->kind == BoundExprKind::kInSubquery) {
    const BoundExpr& operand = *node->children[0];
    size_t want = operand.kind == BoundExprKind::kRowConstructor ? operand.children.size() : 1;
    if (width != want) return Status::Error(ErrorCode::kOperandColumns, want);
  }
  node->correlated = query->correlated;
  node->subquery = std::move(query);
  return node;
}

Result<BoundExprPtr> Binder::Impl::BindVariable(const ast::VariableExpr& expr) {
  BoundExprPtr node = MakeNode(BoundExprKind::kVariable, LogicalType::LongText());
  node->name = FoldName(expr.name);
  if (expr.scope == ast::VarScope::kUser) {
    node->user_variable = true;
    return node;
  }
  node->global_scope = expr.scope == ast::VarScope::kGlobal;
  if (options_.variables != nullptr) {
    VEXDB_ASSIGN_OR_RETURN(node->type, options_.variables->SystemVariableType(node->name));
  }
  return node;
}

}  // namespace vexdb

#include "binder/bound_expression.h"

#include <fmt/format.h>

#include "types/value_format.h"

namespace vexdb {

namespace {

const char* CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::kEq: return "eq";
    case CompareOp::kNullSafeEq: return "nulleq";
    case CompareOp::kNe: return "ne";
    case CompareOp::kLt: return "lt";
    case CompareOp::kLe: return "le";
    case CompareOp::kGt: return "gt";
    case CompareOp::kGe: return "ge";
  }
  return "?";
}

const char* KindName(BoundExprKind kind) {
  switch (kind) {
    case BoundExprKind::kArithmetic: return "arith";
    case BoundExprKind::kNegate: return "unaryminus";
    case BoundExprKind::kAnd: return "and";
    case BoundExprKind::kOr: return "or";
    case BoundExprKind::kXor: return "xor";
    case BoundExprKind::kNot: return "not";
    case BoundExprKind::kIsNull: return "isnull";
    case BoundExprKind::kIsBool: return "istrue";
    case BoundExprKind::kInList: return "in";
    case BoundExprKind::kLike: return "like";
    case BoundExprKind::kRegexp: return "regexp";
    case BoundExprKind::kCase: return "case";
    case BoundExprKind::kCast: return "cast";
    case BoundExprKind::kBitwise: return "bitop";
    case BoundExprKind::kSubquery: return "subquery";
    case BoundExprKind::kExists: return "exists";
    case BoundExprKind::kInSubquery: return "in_subquery";
    case BoundExprKind::kRowConstructor: return "row";
    default: return "expr";
  }
}

bool ChildrenEqual(const std::vector<BoundExprPtr>& a, const std::vector<BoundExprPtr>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i]->Equals(*b[i])) return false;
  }
  return true;
}

}  // namespace

BoundExprPtr BoundExpr::Copy() const {
  auto copy = std::make_unique<BoundExpr>();
  copy->kind = kind;
  copy->type = type;
  for (const auto& child : children) copy->children.push_back(child->Copy());
  copy->constant = constant;
  copy->literal_location = literal_location;
  copy->column_index = column_index;
  copy->depth = depth;
  copy->function = function;
  if (aggregate) {
    copy->aggregate = std::make_unique<BoundAggregate>();
    copy->aggregate->function = aggregate->function;
    copy->aggregate->options = aggregate->options;
    copy->aggregate->type = aggregate->type;
    for (const auto& arg : aggregate->args) copy->aggregate->args.push_back(arg->Copy());
    for (const auto& [e, desc] : aggregate->order_by) {
      copy->aggregate->order_by.emplace_back(e->Copy(), desc);
    }
  }
  copy->arith = arith;
  copy->compare = compare;
  copy->bit_op = bit_op;
  copy->negated = negated;
  copy->global_scope = global_scope;
  copy->user_variable = user_variable;
  copy->name = name;
  copy->subquery = subquery;
  copy->correlated = correlated;
  return copy;
}

bool AggregatesEqual(const BoundAggregate& a, const BoundAggregate& b) {
  if (a.function != b.function || a.options.star != b.options.star ||
      a.options.distinct != b.options.distinct || a.options.separator != b.options.separator) {
    return false;
  }
  if (!ChildrenEqual(a.args, b.args) || a.order_by.size() != b.order_by.size()) return false;
  for (size_t i = 0; i < a.order_by.size(); ++i) {
    if (a.order_by[i].second != b.order_by[i].second ||
        !a.order_by[i].first->Equals(*b.order_by[i].first)) {
      return false;
    }
  }
  return true;
}

bool BoundExpr::Equals(const BoundExpr& other) const {
  if (kind != other.kind || !ChildrenEqual(children, other.children)) return false;
  switch (kind) {
    case BoundExprKind::kConstant: return constant == other.constant && type == other.type;
    case BoundExprKind::kColumn:
    case BoundExprKind::kOuterColumn:
      return column_index == other.column_index && depth == other.depth;
    case BoundExprKind::kFunction: return function == other.function;
    case BoundExprKind::kAggregate: return AggregatesEqual(*aggregate, *other.aggregate);
    case BoundExprKind::kArithmetic: return arith == other.arith;
    case BoundExprKind::kCompare: return compare == other.compare;
    case BoundExprKind::kBitwise: return bit_op == other.bit_op;
    case BoundExprKind::kCast: return type == other.type;
    case BoundExprKind::kVariable:
      return name == other.name && global_scope == other.global_scope &&
             user_variable == other.user_variable;
    case BoundExprKind::kSubquery:
    case BoundExprKind::kExists:
    case BoundExprKind::kInSubquery:
      return subquery == other.subquery && negated == other.negated;
    default: return negated == other.negated && constant == other.constant;
  }
}

std::string BoundExpr::ToString() const {
  switch (kind) {
    case BoundExprKind::kConstant:
      return constant.is_null() ? "NULL" : FormatValue(constant, type);
    case BoundExprKind::kColumn:
      return name.empty() ? fmt::format("#{}", column_index) : name;
    case BoundExprKind::kOuterColumn: return fmt::format("outer({})", name);
    case BoundExprKind::kCompare:
      return fmt::format("{}({}, {})", CompareOpText(compare), children[0]->ToString(),
                         children[1]->ToString());
    case BoundExprKind::kVariable: return (user_variable ? "@" : "@@") + name;
    case BoundExprKind::kAggregate: {
      std::string out = std::string(name) + "(";
      for (size_t i = 0; i < aggregate->args.size(); ++i) {
        if (i) out += ", ";
        out += aggregate->args[i]->ToString();
      }
      return out + ")";
    }
    default: break;
  }
  std::string out = kind == BoundExprKind::kFunction ? name : KindName(kind);
  out += "(";
  for (size_t i = 0; i < children.size(); ++i) {
    if (i) out += ", ";
    out += children[i]->ToString();
  }
  return out + ")";
}

std::optional<ColumnVectorArgs> MatchColumnVectorArgs(const BoundExpr& call) {
  if (call.kind != BoundExprKind::kFunction || call.children.size() != 2) return std::nullopt;
  const BoundExpr* column = call.children[0].get();
  const BoundExpr* constant = call.children[1].get();
  if (column->kind == BoundExprKind::kConstant) std::swap(column, constant);
  if (column->kind != BoundExprKind::kColumn || constant->kind != BoundExprKind::kConstant ||
      constant->constant.kind() != ValueKind::kVector) {
    return std::nullopt;
  }
  return ColumnVectorArgs{column, constant};
}

BoundExprPtr MakeConstant(Value value, LogicalType type) {
  auto node = std::make_unique<BoundExpr>();
  node->kind = BoundExprKind::kConstant;
  node->constant = std::move(value);
  node->type = std::move(type);
  return node;
}

BoundExprPtr MakeColumn(int index, LogicalType type, std::string name) {
  auto node = std::make_unique<BoundExpr>();
  node->kind = BoundExprKind::kColumn;
  node->column_index = index;
  node->type = std::move(type);
  node->name = std::move(name);
  return node;
}

bool IsConstantExpr(const BoundExpr& expr) {
  switch (expr.kind) {
    case BoundExprKind::kColumn:
    case BoundExprKind::kOuterColumn:
    case BoundExprKind::kVariable:
    case BoundExprKind::kSubquery:
    case BoundExprKind::kExists:
    case BoundExprKind::kInSubquery:
    case BoundExprKind::kAggregate:
      return false;
    case BoundExprKind::kFunction:
      if (!expr.function->deterministic) return false;
      break;
    default: break;
  }
  for (const auto& child : expr.children) {
    if (!IsConstantExpr(*child)) return false;
  }
  return true;
}

void SplitConjuncts(BoundExprPtr expr, std::vector<BoundExprPtr>* out) {
  if (expr->kind == BoundExprKind::kAnd) {
    for (auto& child : expr->children) SplitConjuncts(std::move(child), out);
    return;
  }
  out->push_back(std::move(expr));
}

}  // namespace vexdb

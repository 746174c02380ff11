#pragma once

// BoundExpr: an expression after name resolution and typing. Column references are positions in
// the row of the operator that evaluates the expression; every node has its result type fixed.
// The evaluator (execution/expression_evaluator.h) interprets this tree.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "function/function.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

struct BoundQuery;

enum class BoundExprKind : uint8_t {
  kConstant,     // constant
  kColumn,       // column_index into the input row
  kOuterColumn,  // column_index into the row of the enclosing query `depth` levels up
  kFunction,     // function(children)
  kAggregate,    // aggregate(children); only before the planner extracts it
  kArithmetic,   // children[0] arith children[1]
  kNegate,       // -children[0]
  kCompare,      // children[0] compare children[1]
  kAnd,          // children (n-ary)
  kOr,           // children (n-ary)
  kXor,          // children[0] XOR children[1]
  kNot,          // NOT children[0]
  kIsNull,       // children[0] IS [NOT] NULL (negated)
  kIsBool,       // children[0] IS [NOT] TRUE/FALSE (constant holds Int 1/0)
  kInList,       // children[0] [NOT] IN (children[1..])
  kLike,         // children[0] [NOT] LIKE children[1] [ESCAPE children[2]]
  kRegexp,       // children[0] REGEXP children[1]
  kCase,         // children: [when, then]* [else]; operand form is rewritten to compares
  kCast,         // CAST(children[0] AS type)
  kBitwise,      // children[0] bitop children[1] (or ~children[0])
  kSubquery,     // scalar subquery
  kExists,       // EXISTS (subquery)
  kInSubquery,   // children[0] [NOT] IN (subquery)
  kVariable,     // @@name / @name, read at run time
  kRowConstructor,  // (a, b): only as an operand of IN / compare
};

enum class CompareOp : uint8_t { kEq, kNullSafeEq, kNe, kLt, kLe, kGt, kGe };
enum class BitOp : uint8_t { kAnd, kOr, kXor, kShiftLeft, kShiftRight, kNot };

struct BoundExpr;
using BoundExprPtr = std::unique_ptr<BoundExpr>;

struct BoundAggregate {
  const AggregateFunction* function = nullptr;
  AggregateOptions options;
  std::vector<BoundExprPtr> args;  // over the aggregate's input row
  std::vector<std::pair<BoundExprPtr, bool>> order_by;  // GROUP_CONCAT(... ORDER BY x DESC)
  LogicalType type;
};

struct BoundExpr {
  BoundExprKind kind = BoundExprKind::kConstant;
  LogicalType type;
  std::vector<BoundExprPtr> children;

  Value constant;              // kConstant
  int column_index = -1;       // kColumn, kOuterColumn
  int depth = 0;               // kOuterColumn
  const ScalarFunction* function = nullptr;  // kFunction
  std::unique_ptr<BoundAggregate> aggregate;  // kAggregate
  ArithmeticOp arith = ArithmeticOp::kAdd;    // kArithmetic
  CompareOp compare = CompareOp::kEq;         // kCompare
  BitOp bit_op = BitOp::kAnd;                 // kBitwise
  bool negated = false;        // kIsNull, kIsBool, kInList, kLike, kInSubquery
  bool global_scope = false;   // kVariable: @@global.x
  bool user_variable = false;  // kVariable: @x
  std::string name;            // kVariable name; kColumn debug name; kFunction name
  std::shared_ptr<BoundQuery> subquery;  // kSubquery, kExists, kInSubquery
  bool correlated = false;     // the subquery reads outer columns
  // kConstant holding a string literal of the statement, or the vector parsed from one, when
  // the binder tags literals (BinderOptions::tag_literals): the literal's ast::Expr::location;
  // -1 otherwise. Copies keep it, so every node that holds the literal's value can be found.
  int literal_location = -1;

  BoundExprPtr Copy() const;
  // Structural equality (GROUP BY matching).
  bool Equals(const BoundExpr& other) const;
  // A readable rendering for EXPLAIN.
  std::string ToString() const;
};

BoundExprPtr MakeConstant(Value value, LogicalType type);
BoundExprPtr MakeColumn(int index, LogicalType type, std::string name = "");
bool AggregatesEqual(const BoundAggregate& a, const BoundAggregate& b);
// True if the tree holds no column, variable, subquery or non-deterministic function.
bool IsConstantExpr(const BoundExpr& expr);
// Splits nested ANDs into conjuncts.
void SplitConjuncts(BoundExprPtr expr, std::vector<BoundExprPtr>* out);

// The arguments of a call f(column, vector constant) or f(vector constant, column), the shape of
// a vector search (VEC_COSINE_DISTANCE(embedding, '[...]')); nullopt for any other expression.
struct ColumnVectorArgs {
  const BoundExpr* column;    // kColumn
  const BoundExpr* constant;  // kConstant holding a VECTOR
  // The constant's elements.
  const std::vector<float>& vector() const { return constant->constant.vector_value(); }
};
std::optional<ColumnVectorArgs> MatchColumnVectorArgs(const BoundExpr& call);

}  // namespace vexdb

#pragma once

// Evaluation of bound expressions against one row, with MySQL's three-valued logic: NULL
// propagates through operators and functions (except where MySQL says otherwise: <=>, IS NULL,
// COALESCE, ...); a predicate is satisfied only if its value is true (non-zero, not NULL).

#include "binder/bound_expression.h"
#include "common/result.h"
#include "execution/exec_context.h"

namespace vexdb {

Result<Value> Evaluate(const BoundExpr& expr, const Row& row, ExecContext& ctx);
// True iff the predicate evaluates to a true value (NULL and 0 are false).
Result<bool> EvaluatePredicate(const BoundExpr& expr, const Row& row, ExecContext& ctx);

// Runs a bound query to completion (subqueries, INSERT ... SELECT). Defined in query_executor.cc.
Result<std::vector<Row>> ExecuteQueryRows(const BoundQuery& query, ExecContext& ctx);

}  // namespace vexdb

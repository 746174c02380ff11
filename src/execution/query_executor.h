#pragma once

// Runs queries: plan -> optimize -> build physical operators -> pull rows.

#include "binder/bound_statement.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "planner/logical_operator.h"
#include "types/query_result.h"

namespace vexdb {

// The logical plan of a query, optimized. It depends only on the query and the catalog it was
// bound under, so a caller may keep it and run it again (main/statement_cache.h).
Result<LogicalOperatorPtr> OptimizedPlan(const BoundQuery& query);
// SELECT: a result set with the query's column metadata, from `plan` (OptimizedPlan(query)).
Result<QueryResult> ExecuteSelect(const BoundQuery& query, const LogicalOperator& plan,
                                  ExecContext& ctx);
// EXPLAIN <select>: the optimized plan, one row per operator (column `plan`).
Result<QueryResult> ExplainQuery(const BoundQuery& query);
// Rows of an optimized logical plan (DML sources).
Result<std::vector<Row>> ExecutePlanRows(const LogicalOperator& plan, ExecContext& ctx);

}  // namespace vexdb

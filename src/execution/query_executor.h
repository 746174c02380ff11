#pragma once

// Runs queries: plan -> optimize -> build physical operators -> pull rows.

#include "binder/bound_statement.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "planner/logical_operator.h"
#include "types/query_result.h"

namespace vexdb {

// SELECT: a result set with the query's column metadata.
Result<QueryResult> ExecuteSelect(const BoundQuery& query, ExecContext& ctx);
// EXPLAIN <select>: the optimized plan, one row per operator (column `plan`).
Result<QueryResult> ExplainQuery(const BoundQuery& query);
// Rows of an optimized logical plan (DML sources).
Result<std::vector<Row>> ExecutePlanRows(const LogicalOperator& plan, ExecContext& ctx);

}  // namespace vexdb

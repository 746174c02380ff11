#pragma once

// Optimizer: named rule passes over a logical plan, run in a fixed order. Each rule is a pure
// rewrite in its own file:
//   push_down_filters   moves WHERE conjuncts into the table reads (and through inner joins)
//   choose_access_path  picks point gets, handle ranges or index ranges for each table read
//   limit_to_top_n      bounds a sort under a LIMIT to the rows the limit can return
// Rules never change a query's result: a chosen access path only narrows what is read, and
// every pushed-down conjunct is still checked on each row.

#include "common/result.h"
#include "planner/logical_operator.h"

namespace vexdb {

Result<LogicalOperatorPtr> Optimize(LogicalOperatorPtr plan);

// The rules (exposed for tests).
LogicalOperatorPtr PushDownFilters(LogicalOperatorPtr plan);
Status ChooseAccessPaths(LogicalOperator* plan);
void LimitToTopN(LogicalOperator* plan);

}  // namespace vexdb

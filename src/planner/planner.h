#pragma once

// Planner: a BoundQuery -> a tree of logical operators, in SQL's evaluation order:
//   FROM (Get / Join / derived plan) -> Filter(WHERE) -> Aggregate -> Filter(HAVING)
//   -> Projection (visible + hidden ORDER BY columns) -> Distinct -> Sort -> Limit
//   -> Projection (drop hidden columns)
// It makes no physical choices; the optimizer does.

#include "binder/bound_statement.h"
#include "common/result.h"
#include "planner/logical_operator.h"

namespace vexdb {

Result<LogicalOperatorPtr> PlanQuery(const BoundQuery& query);
// The rows a DML statement reads: FROM -> Filter(WHERE) -> Sort -> Limit, with the target
// table's rows locked (FOR UPDATE).
Result<LogicalOperatorPtr> PlanDmlSource(const BoundTableRef& from, const BoundExpr* where,
                                         const std::vector<BoundOrderItem>& order_by,
                                         std::optional<uint64_t> limit);

}  // namespace vexdb

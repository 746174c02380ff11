#pragma once

// Optimizer: named rule passes over a logical plan, run in a fixed order. Each rule is a pure
// rewrite in its own file:
//   push_down_filters   moves WHERE conjuncts into the table reads (and through inner joins)
//   choose_access_path  picks point gets, handle ranges or index ranges for each table read
//   handle_order        drops a sort by the integer primary key, and reads one row for MIN(pk) or
//                       MAX(pk): the table read goes in the key's order, forward or backward
//   limit_to_top_n      bounds a sort under a LIMIT to the rows the limit can return
//   use_vector_index    reads ORDER BY VEC_*_DISTANCE(col, const) LIMIT k through an HNSW index
// Rules never change a query's result: a chosen access path only narrows what is read, and
// every pushed-down conjunct is still checked on each row. The one approximation is the vector
// index, which (as TiDB's) trades exactness of the top k for speed; its rows are still ranked by
// the exact distance.

#include "common/result.h"
#include "planner/logical_operator.h"

namespace vexdb {

Result<LogicalOperatorPtr> Optimize(LogicalOperatorPtr plan);

// The rules (exposed for tests).
LogicalOperatorPtr PushDownFilters(LogicalOperatorPtr plan);
Status ChooseAccessPaths(LogicalOperator* plan);
void DropSortsByHandle(LogicalOperatorPtr* plan);
void LimitMinMaxByHandle(LogicalOperator* plan);
void LimitToTopN(LogicalOperator* plan);
void UseVectorIndexes(LogicalOperator* plan);

}  // namespace vexdb

// Rule limit_to_top_n: a LIMIT n OFFSET m directly over a sort needs only the first n + m rows
// of the sort, so the sort keeps a bounded heap of that many rows instead of sorting its whole
// input (ORDER BY VEC_COSINE_DISTANCE(...) LIMIT k reads every row once and keeps k). The LIMIT
// stays in the plan to apply the offset.

#include <limits>

#include "optimizer/optimizer.h"

namespace vexdb {

namespace {

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                      : a + b;
}

}  // namespace

void LimitToTopN(LogicalOperator* plan) {
  for (auto& child : plan->children) LimitToTopN(child.get());
  if (plan->type != LogicalOperatorType::kLimit || !plan->limit) return;
  LogicalOperator* sort = plan->children[0].get();
  if (sort->type != LogicalOperatorType::kSort) return;
  sort->top_n = SaturatingAdd(*plan->limit, plan->offset);
}

}  // namespace vexdb

#include "optimizer/optimizer.h"

namespace vexdb {

Result<LogicalOperatorPtr> Optimize(LogicalOperatorPtr plan) {
  plan = PushDownFilters(std::move(plan));
  VEXDB_RETURN_IF_ERROR(ChooseAccessPaths(plan.get()));
  DropSortsByHandle(&plan);
  LimitMinMaxByHandle(plan.get());
  LimitToTopN(plan.get());
  UseVectorIndexes(plan.get());
  return plan;
}

}  // namespace vexdb

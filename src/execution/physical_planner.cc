#include "execution/physical_operator.h"

#include <iterator>

#include "storage/key_codec.h"

namespace vexdb {

Result<PhysicalOperatorPtr> BuildPhysicalPlan(const LogicalOperator& plan) {
  std::vector<PhysicalOperatorPtr> children;
  for (const auto& child : plan.children) {
    VEXDB_ASSIGN_OR_RETURN(PhysicalOperatorPtr built, BuildPhysicalPlan(*child));
    children.push_back(std::move(built));
  }
  switch (plan.type) {
    case LogicalOperatorType::kGet: return MakeTableRead(plan);
    case LogicalOperatorType::kSystemTable: return MakeSystemTableScan(plan);
    case LogicalOperatorType::kDual: return MakeDual();
    case LogicalOperatorType::kFilter: return MakeFilter(plan, std::move(children[0]));
    case LogicalOperatorType::kProjection: return MakeProjection(plan, std::move(children[0]));
    case LogicalOperatorType::kAggregate: return MakeHashAggregate(plan, std::move(children[0]));
    case LogicalOperatorType::kSort: return MakeSort(plan, std::move(children[0]));
    case LogicalOperatorType::kLimit: return MakeLimit(plan, std::move(children[0]));
    case LogicalOperatorType::kDistinct: return MakeDistinct(plan, std::move(children[0]));
    case LogicalOperatorType::kJoin:
      return MakeNestedLoopJoin(plan, std::move(children[0]), std::move(children[1]));
    case LogicalOperatorType::kSetOperation:
      return MakeSetOperation(plan, std::move(children[0]), std::move(children[1]));
  }
  return Status::Internal("unknown logical operator");
}

Result<std::vector<Row>> CollectRows(PhysicalOperator& op, ExecContext& ctx) {
  std::vector<Row> rows;
  RowBatch batch;
  while (true) {
    VEXDB_RETURN_IF_ERROR(op.Next(ctx, &batch));
    if (batch.empty()) return rows;
    if (rows.empty()) {  // the first batch as it is, without copying its rows
      rows.swap(batch);
      continue;
    }
    rows.insert(rows.end(), std::make_move_iterator(batch.begin()),
                std::make_move_iterator(batch.end()));
  }
}

std::string GroupKey(const Row& row, const std::vector<LogicalType>& types, size_t count) {
  std::string key;
  for (size_t i = 0; i < count; ++i) EncodeKeyValue(row[i], types[i], &key);
  return key;
}

}  // namespace vexdb

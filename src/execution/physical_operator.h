#pragma once

// Physical operators: the executable plan. Each operator pulls batches of rows from its
// children. Next() clears `batch` and fills it with up to kBatchSize rows; an empty batch means
// the operator is exhausted. Open() (re)starts the operator; operators that must see all input
// before producing output (sort, aggregate, distinct, set operations) materialize in Open().
// Thread safety: a plan runs on one thread.

#include <algorithm>
#include <memory>
#include <vector>

#include "common/result.h"
#include "execution/exec_context.h"
#include "planner/logical_operator.h"

namespace vexdb {

using RowBatch = std::vector<Row>;
inline constexpr size_t kBatchSize = 1024;

class PhysicalOperator {
 public:
  virtual ~PhysicalOperator() = default;
  virtual Status Open(ExecContext& ctx) = 0;
  virtual Status Next(ExecContext& ctx, RowBatch* batch) = 0;
};

using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

// Builds the executable plan of an optimized logical plan.
Result<PhysicalOperatorPtr> BuildPhysicalPlan(const LogicalOperator& plan);

// Operator constructors (one file each).
PhysicalOperatorPtr MakeTableRead(const LogicalOperator& get);
PhysicalOperatorPtr MakeSystemTableScan(const LogicalOperator& op);
PhysicalOperatorPtr MakeDual();
PhysicalOperatorPtr MakeFilter(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeProjection(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeHashAggregate(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeSort(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeLimit(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeDistinct(const LogicalOperator& op, PhysicalOperatorPtr child);
PhysicalOperatorPtr MakeNestedLoopJoin(const LogicalOperator& op, PhysicalOperatorPtr left,
                                       PhysicalOperatorPtr right);
PhysicalOperatorPtr MakeSetOperation(const LogicalOperator& op, PhysicalOperatorPtr left,
                                     PhysicalOperatorPtr right);

// Hands out materialized rows in batches (operators that compute their output in Open()).
class MaterializedOutput {
 public:
  void Reset(std::vector<Row> rows) {
    rows_ = std::move(rows);
    position_ = 0;
  }
  void Next(RowBatch* batch) {
    batch->clear();
    batch->reserve(std::min(rows_.size() - position_, kBatchSize));
    while (position_ < rows_.size() && batch->size() < kBatchSize) {
      batch->push_back(std::move(rows_[position_++]));
    }
  }

 private:
  std::vector<Row> rows_;
  size_t position_ = 0;
};

// Drains an opened operator into rows.
Result<std::vector<Row>> CollectRows(PhysicalOperator& op, ExecContext& ctx);

// Memcomparable key of the first `count` values of a row (GROUP BY, DISTINCT, set operations).
std::string GroupKey(const Row& row, const std::vector<LogicalType>& types, size_t count);

}  // namespace vexdb

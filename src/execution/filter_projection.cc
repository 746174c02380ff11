// Streaming operators: Filter keeps rows whose predicate is true; Projection computes one
// expression per output column; Limit skips `offset` rows and stops after `limit`.

#include "execution/batch_distance.h"
#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"

namespace vexdb {

namespace {

class Filter : public PhysicalOperator {
 public:
  Filter(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)) {}
  Status Open(ExecContext& ctx) override { return child_->Open(ctx); }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    while (batch->empty()) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &input_));
      if (input_.empty()) return Status::OK();
      for (Row& row : input_) {
        VEXDB_ASSIGN_OR_RETURN(bool keep, EvaluatePredicate(*op_.predicate, row, ctx));
        if (keep) batch->push_back(std::move(row));
      }
    }
    return Status::OK();
  }

 private:
  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  RowBatch input_;
};

// Vector distances to a constant are computed for the whole batch first (batch_distance.h);
// every other value, and any row the batch path leaves out, is evaluated row by row.
class Projection : public PhysicalOperator {
 public:
  Projection(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)), precomputed_(op.expressions.size()) {
    for (const auto& expr : op_.expressions) batch_paths_.push_back(BatchDistance::Match(*expr));
  }
  Status Open(ExecContext& ctx) override { return child_->Open(ctx); }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &input_));
    for (size_t e = 0; e < batch_paths_.size(); ++e) {
      if (batch_paths_[e]) batch_paths_[e]->Compute(input_, &precomputed_[e]);
    }
    for (size_t r = 0; r < input_.size(); ++r) {
      Row out;
      out.reserve(op_.expressions.size());
      for (size_t e = 0; e < op_.expressions.size(); ++e) {
        if (batch_paths_[e] && precomputed_[e][r]) {
          out.push_back(std::move(*precomputed_[e][r]));
          continue;
        }
        VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*op_.expressions[e], input_[r], ctx));
        out.push_back(std::move(v));
      }
      batch->push_back(std::move(out));
    }
    return Status::OK();
  }

 private:
  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  RowBatch input_;
  std::vector<std::optional<BatchDistance>> batch_paths_;  // per expression
  std::vector<std::vector<std::optional<Value>>> precomputed_;  // per expression, per row
};

class Limit : public PhysicalOperator {
 public:
  Limit(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)) {}
  Status Open(ExecContext& ctx) override {
    skipped_ = 0;
    emitted_ = 0;
    return child_->Open(ctx);
  }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    while (batch->empty() && !Full()) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &input_));
      if (input_.empty()) return Status::OK();
      for (Row& row : input_) {
        if (skipped_ < op_.offset) {
          ++skipped_;
          continue;
        }
        if (Full()) break;
        batch->push_back(std::move(row));
        ++emitted_;
      }
    }
    return Status::OK();
  }

 private:
  bool Full() const { return op_.limit.has_value() && emitted_ >= *op_.limit; }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  RowBatch input_;
  uint64_t skipped_ = 0;
  uint64_t emitted_ = 0;
};

}  // namespace

PhysicalOperatorPtr MakeFilter(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<Filter>(op, std::move(child));
}

PhysicalOperatorPtr MakeProjection(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<Projection>(op, std::move(child));
}

PhysicalOperatorPtr MakeLimit(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<Limit>(op, std::move(child));
}

}  // namespace vexdb

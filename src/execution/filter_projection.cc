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
      batch->reserve(input_.size());
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
// every other value, and any row the batch path leaves out, is evaluated row by row. When the
// column references allow it (InPlaceColumns), an output row is built in its input row's storage,
// its columns moved rather than copied.
class Projection : public PhysicalOperator {
 public:
  Projection(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op),
        child_(std::move(child)),
        precomputed_(op.expressions.size()),
        in_place_(InPlaceColumns(op.expressions)) {
    for (const auto& expr : op_.expressions) batch_paths_.push_back(BatchDistance::Match(*expr));
    if (in_place_) computed_.resize(op_.expressions.size());
  }
  Status Open(ExecContext& ctx) override { return child_->Open(ctx); }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &input_));
    batch->reserve(input_.size());
    for (size_t e = 0; e < batch_paths_.size(); ++e) {
      if (batch_paths_[e]) batch_paths_[e]->Compute(input_, &precomputed_[e]);
    }
    for (size_t r = 0; r < input_.size(); ++r) {
      if (in_place_) {
        VEXDB_RETURN_IF_ERROR(ProjectInPlace(ctx, r));
        batch->push_back(std::move(input_[r]));
        continue;
      }
      Row out;
      out.reserve(op_.expressions.size());
      for (size_t e = 0; e < op_.expressions.size(); ++e) {
        VEXDB_ASSIGN_OR_RETURN(Value v, Computed(ctx, e, r));
        out.push_back(std::move(v));
      }
      batch->push_back(std::move(out));
    }
    return Status::OK();
  }

 private:
  // For each output position, the input column it takes (-1: a computed value), when every
  // column reference reads a column at or after its own position, in increasing order: then
  // writing the outputs in position order never overwrites a column still to be read.
  static std::optional<std::vector<int>> InPlaceColumns(
      const std::vector<BoundExprPtr>& expressions) {
    std::vector<int> columns;
    int last = -1;
    for (size_t e = 0; e < expressions.size(); ++e) {
      const BoundExpr& expr = *expressions[e];
      if (expr.kind != BoundExprKind::kColumn) {
        columns.push_back(-1);
        continue;
      }
      if (expr.column_index < static_cast<int>(e) || expr.column_index <= last) {
        return std::nullopt;
      }
      last = expr.column_index;
      columns.push_back(last);
    }
    return columns;
  }

  // Output value `e` of input row `r`: from the batch path if it has one, else evaluated.
  Result<Value> Computed(ExecContext& ctx, size_t e, size_t r) {
    if (batch_paths_[e] && precomputed_[e][r]) return std::move(*precomputed_[e][r]);
    return Evaluate(*op_.expressions[e], input_[r], ctx);
  }

  // Turns input row `r` into its output row: the computed values first, while every input
  // column is still in place, then each position in order.
  Status ProjectInPlace(ExecContext& ctx, size_t r) {
    const std::vector<int>& columns = *in_place_;
    for (size_t e = 0; e < columns.size(); ++e) {
      if (columns[e] >= 0) continue;
      VEXDB_ASSIGN_OR_RETURN(computed_[e], Computed(ctx, e, r));
    }
    Row& row = input_[r];
    if (row.size() < columns.size()) row.resize(columns.size());
    for (size_t e = 0; e < columns.size(); ++e) {
      if (columns[e] < 0) {
        row[e] = std::move(computed_[e]);
      } else if (columns[e] != static_cast<int>(e)) {
        row[e] = std::move(row[columns[e]]);
      }
    }
    row.resize(columns.size());
    return Status::OK();
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  RowBatch input_;
  std::vector<std::optional<BatchDistance>> batch_paths_;  // per expression
  std::vector<std::vector<std::optional<Value>>> precomputed_;  // per expression, per row
  std::optional<std::vector<int>> in_place_;  // InPlaceColumns
  std::vector<Value> computed_;  // ProjectInPlace's computed values, per expression
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
      batch->reserve(input_.size());
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

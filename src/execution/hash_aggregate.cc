// Aggregation: rows are grouped by the memcomparable encoding of their group keys in an ordered
// map, so groups come out in key order (as MySQL 5.7's GROUP BY did; MySQL 8 leaves the order
// unspecified). Without group keys there is exactly one group, also for empty input
// (COUNT(*) = 0). GROUP_CONCAT(... ORDER BY ...) buffers its rows and feeds them sorted.

#include <algorithm>
#include <map>

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "types/cast.h"

namespace vexdb {

namespace {

struct AggregateSlot {
  std::unique_ptr<AggregateState> state;
  std::vector<std::pair<Row, Row>> ordered;  // (order keys, args) when the call has ORDER BY
};

struct Group {
  Row keys;
  std::vector<AggregateSlot> slots;
};

class HashAggregate : public PhysicalOperator {
 public:
  HashAggregate(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)) {
    for (const auto& key : op_.group_keys) key_types_.push_back(key->type);
  }

  Status Open(ExecContext& ctx) override {
    groups_.clear();
    VEXDB_RETURN_IF_ERROR(child_->Open(ctx));
    RowBatch batch;
    while (true) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &batch));
      if (batch.empty()) break;
      for (const Row& row : batch) VEXDB_RETURN_IF_ERROR(Accumulate(ctx, row));
      VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
    }
    if (groups_.empty() && op_.group_keys.empty()) groups_.emplace("", NewGroup({}));
    std::vector<Row> rows;
    for (auto& [key, group] : groups_) {
      VEXDB_ASSIGN_OR_RETURN(Row out, Finish(ctx, &group));
      rows.push_back(std::move(out));
    }
    groups_.clear();
    output_.Reset(std::move(rows));
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  Group NewGroup(Row keys) {
    Group group;
    group.keys = std::move(keys);
    for (const auto& call : op_.aggregates) {
      std::vector<LogicalType> types;
      for (const auto& arg : call->args) types.push_back(arg->type);
      AggregateSlot slot;
      slot.state = CreateAggregateState(*call->function, types, call->type, call->options);
      group.slots.push_back(std::move(slot));
    }
    return group;
  }

  Status Accumulate(ExecContext& ctx, const Row& row) {
    Row keys;
    for (const auto& key : op_.group_keys) {
      VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*key, row, ctx));
      keys.push_back(std::move(v));
    }
    std::string encoded = GroupKey(keys, key_types_, keys.size());
    auto it = groups_.find(encoded);
    if (it == groups_.end()) it = groups_.emplace(encoded, NewGroup(std::move(keys))).first;
    Group& group = it->second;
    for (size_t i = 0; i < op_.aggregates.size(); ++i) {
      const BoundAggregate& call = *op_.aggregates[i];
      Row args;
      for (const auto& arg : call.args) {
        VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*arg, row, ctx));
        args.push_back(std::move(v));
      }
      if (call.order_by.empty()) {
        VEXDB_RETURN_IF_ERROR(group.slots[i].state->Update(args));
        continue;
      }
      Row order_keys;
      for (const auto& [expr, desc] : call.order_by) {
        VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*expr, row, ctx));
        order_keys.push_back(std::move(v));
      }
      group.slots[i].ordered.emplace_back(std::move(order_keys), std::move(args));
    }
    return Status::OK();
  }

  Result<Row> Finish(ExecContext& ctx, Group* group) {
    Row out = std::move(group->keys);
    for (size_t i = 0; i < op_.aggregates.size(); ++i) {
      AggregateSlot& slot = group->slots[i];
      const auto& order_by = op_.aggregates[i]->order_by;
      if (!order_by.empty()) {
        std::stable_sort(slot.ordered.begin(), slot.ordered.end(),
                         [&order_by](const auto& a, const auto& b) {
                           for (size_t k = 0; k < order_by.size(); ++k) {
                             const Value& x = a.first[k];
                             const Value& y = b.first[k];
                             int c = x.is_null() || y.is_null()
                                         ? (x.is_null() == y.is_null() ? 0 : (x.is_null() ? -1 : 1))
                                         : CompareValues(x, y);
                             if (c != 0) return order_by[k].second ? c > 0 : c < 0;
                           }
                           return false;
                         });
        for (const auto& [keys, args] : slot.ordered) {
          VEXDB_RETURN_IF_ERROR(slot.state->Update(args));
        }
      }
      VEXDB_ASSIGN_OR_RETURN(Value v, slot.state->Finalize());
      out.push_back(std::move(v));
    }
    return out;
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  std::vector<LogicalType> key_types_;
  std::map<std::string, Group> groups_;
  MaterializedOutput output_;
};

class NestedLoopJoin : public PhysicalOperator {
 public:
  NestedLoopJoin(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right)
      : op_(op), left_(std::move(left)), right_(std::move(right)) {}

  Status Open(ExecContext& ctx) override {
    VEXDB_RETURN_IF_ERROR(right_->Open(ctx));
    VEXDB_ASSIGN_OR_RETURN(right_rows_, CollectRows(*right_, ctx));
    right_width_ = op_.children[1]->output_types.size();
    return left_->Open(ctx);
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    while (batch->empty()) {
      VEXDB_RETURN_IF_ERROR(left_->Next(ctx, &input_));
      if (input_.empty()) return Status::OK();
      for (const Row& left : input_) VEXDB_RETURN_IF_ERROR(JoinRow(ctx, left, batch));
      VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
    }
    return Status::OK();
  }

 private:
  Status JoinRow(ExecContext& ctx, const Row& left, RowBatch* batch) {
    bool matched = false;
    for (const Row& right : right_rows_) {
      Row combined = left;
      combined.insert(combined.end(), right.begin(), right.end());
      if (op_.condition) {
        VEXDB_ASSIGN_OR_RETURN(bool keep, EvaluatePredicate(*op_.condition, combined, ctx));
        if (!keep) continue;
      }
      matched = true;
      batch->push_back(std::move(combined));
    }
    if (!matched && op_.join_type == ast::JoinType::kLeft) {
      Row combined = left;
      combined.resize(left.size() + right_width_);
      batch->push_back(std::move(combined));
    }
    return Status::OK();
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr left_, right_;
  std::vector<Row> right_rows_;
  size_t right_width_ = 0;
  RowBatch input_;
};

}  // namespace

PhysicalOperatorPtr MakeHashAggregate(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<HashAggregate>(op, std::move(child));
}

PhysicalOperatorPtr MakeNestedLoopJoin(const LogicalOperator& op, PhysicalOperatorPtr left,
                                       PhysicalOperatorPtr right) {
  return std::make_unique<NestedLoopJoin>(op, std::move(left), std::move(right));
}

}  // namespace vexdb

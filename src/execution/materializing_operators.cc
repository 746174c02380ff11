// Operators that consume all their input in Open(): Sort (stable, NULLs first ascending as in
// MySQL; a bounded heap when the optimizer gave it a top_n), Distinct (keeps the first row of each key), and the set operations.

#include <algorithm>
#include <set>

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "types/cast.h"

namespace vexdb {

namespace {

// The value an ORDER BY key sorts by: ENUM and SET by member number, as MySQL does.
Value SortKey(Value value, const LogicalType& type) {
  bool by_member = type.id == TypeId::kEnum || type.id == TypeId::kSet;
  if (!by_member || value.is_null()) return value;
  return Value::UInt(MemberOrdinal(value, type));
}

int CompareForSort(const Value& a, const Value& b) {
  // Distances and integer keys, the common ones, without CompareValues' dispatch.
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case ValueKind::kDouble: {
        const double x = a.double_value(), y = b.double_value();
        return x < y ? -1 : (y < x ? 1 : 0);
      }
      case ValueKind::kInt: {
        const int64_t x = a.int_value(), y = b.int_value();
        return x < y ? -1 : (y < x ? 1 : 0);
      }
      default: break;
    }
  }
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
  return CompareValues(a, b);
}

// Sorts its input in Open(). The rows stay where they arrive, in numbered slots with their ORDER
// BY keys (one flat array, `width` keys a slot) and input positions; the sort and the top-n heap
// move slot numbers only. Ties keep input order: the sort is stable, as MySQL's filesort is for
// the clients that rely on it.
class Sort : public PhysicalOperator {
 public:
  Sort(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)), width_(op.order_by.size()) {}

  Status Open(ExecContext& ctx) override {
    VEXDB_RETURN_IF_ERROR(child_->Open(ctx));
    ClearSlots();
    std::vector<uint32_t> order;
    VEXDB_RETURN_IF_ERROR(op_.top_n ? CollectTopN(ctx, *op_.top_n, &order)
                                    : CollectAll(ctx, &order));
    std::sort(order.begin(), order.end(), SlotOrder{this});
    std::vector<Row> sorted;
    sorted.reserve(order.size());
    for (uint32_t slot : order) sorted.push_back(std::move(rows_[slot]));
    ClearSlots();
    output_.Reset(std::move(sorted));
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  // Strict weak order of slots: by the keys, then by input position.
  struct SlotOrder {
    const Sort* sort;
    bool operator()(uint32_t a, uint32_t b) const { return sort->Before(a, b); }
  };

  bool Before(uint32_t a, uint32_t b) const {
    const Value* ka = &keys_[size_t{a} * width_];
    const Value* kb = &keys_[size_t{b} * width_];
    for (size_t k = 0; k < width_; ++k) {
      const int c = CompareForSort(ka[k], kb[k]);
      if (c != 0) return op_.order_by[k].descending ? c > 0 : c < 0;
    }
    return positions_[a] < positions_[b];
  }

  void ClearSlots() {
    rows_.clear();
    keys_.clear();
    positions_.clear();
    next_position_ = 0;
  }

  void ReserveSlots(size_t slots) {
    rows_.reserve(slots);
    keys_.reserve(slots * width_);
    positions_.reserve(slots);
  }

  uint32_t NewSlot() {
    rows_.emplace_back();
    keys_.resize(keys_.size() + width_);
    positions_.push_back(0);
    return static_cast<uint32_t>(rows_.size() - 1);
  }

  // Puts the next input row in `slot` with its keys.
  Status Fill(uint32_t slot, Row row, ExecContext& ctx) {
    Value* keys = &keys_[size_t{slot} * width_];
    for (size_t k = 0; k < width_; ++k) {
      const BoundOrderItem& item = op_.order_by[k];
      VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expr, row, ctx));
      keys[k] = SortKey(std::move(v), item.expr->type);
    }
    positions_[slot] = next_position_++;
    rows_[slot] = std::move(row);
    return Status::OK();
  }

  Status CollectAll(ExecContext& ctx, std::vector<uint32_t>* order) {
    RowBatch batch;
    while (true) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &batch));
      if (batch.empty()) return Status::OK();
      for (Row& row : batch) {
        const uint32_t slot = NewSlot();
        VEXDB_RETURN_IF_ERROR(Fill(slot, std::move(row), ctx));
        order->push_back(slot);
      }
    }
  }

  // Keeps the first `n` slots in a max-heap (its front is the last of the kept rows), so each
  // input row costs O(log n) and memory stays at n + 1 rows: a row is read into the spare slot,
  // and the slot it displaces from a full heap becomes the spare.
  Status CollectTopN(ExecContext& ctx, uint64_t n, std::vector<uint32_t>* heap) {
    if (n == 0) return Status::OK();
    ReserveSlots(std::min<uint64_t>(n + 1, kBatchSize));
    heap->reserve(std::min<uint64_t>(n, kBatchSize));
    const SlotOrder before{this};
    uint32_t spare = NewSlot();
    RowBatch batch;
    while (true) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &batch));
      if (batch.empty()) return Status::OK();
      for (Row& row : batch) {
        VEXDB_RETURN_IF_ERROR(Fill(spare, std::move(row), ctx));
        if (heap->size() < n) {
          heap->push_back(spare);
          std::push_heap(heap->begin(), heap->end(), before);
          spare = NewSlot();
        } else if (before(spare, heap->front())) {
          std::pop_heap(heap->begin(), heap->end(), before);
          std::swap(heap->back(), spare);
          std::push_heap(heap->begin(), heap->end(), before);
        }
      }
    }
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  const size_t width_;               // ORDER BY keys a slot has
  std::vector<Row> rows_;            // by slot
  std::vector<Value> keys_;          // width_ a slot
  std::vector<size_t> positions_;    // by slot: the row's input position
  size_t next_position_ = 0;
  MaterializedOutput output_;
};

class Distinct : public PhysicalOperator {
 public:
  Distinct(const LogicalOperator& op, PhysicalOperatorPtr child)
      : op_(op), child_(std::move(child)) {}
  Status Open(ExecContext& ctx) override {
    seen_.clear();
    return child_->Open(ctx);
  }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    while (batch->empty()) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &input_));
      if (input_.empty()) return Status::OK();
      for (Row& row : input_) {
        if (seen_.insert(GroupKey(row, op_.output_types, op_.distinct_columns)).second) {
          batch->push_back(std::move(row));
        }
      }
    }
    return Status::OK();
  }

 private:
  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
  RowBatch input_;
  std::set<std::string> seen_;
};

class SetOperation : public PhysicalOperator {
 public:
  SetOperation(const LogicalOperator& op, PhysicalOperatorPtr left, PhysicalOperatorPtr right)
      : op_(op), left_(std::move(left)), right_(std::move(right)) {}

  Status Open(ExecContext& ctx) override {
    VEXDB_RETURN_IF_ERROR(left_->Open(ctx));
    VEXDB_ASSIGN_OR_RETURN(std::vector<Row> left, CollectRows(*left_, ctx));
    VEXDB_RETURN_IF_ERROR(right_->Open(ctx));
    VEXDB_ASSIGN_OR_RETURN(std::vector<Row> right, CollectRows(*right_, ctx));
    VEXDB_RETURN_IF_ERROR(Conform(&left));
    VEXDB_RETURN_IF_ERROR(Conform(&right));
    output_.Reset(Combine(std::move(left), std::move(right)));
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  // Converts values to the unified output column types.
  Status Conform(std::vector<Row>* rows) {
    for (Row& row : *rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (row[i].is_null() || op_.output_types[i].id == TypeId::kNull) continue;
        VEXDB_ASSIGN_OR_RETURN(row[i], CastValue(row[i], op_.output_types[i], CastContext{}));
      }
    }
    return Status::OK();
  }

  std::string Key(const Row& row) const {
    return GroupKey(row, op_.output_types, op_.output_types.size());
  }

  std::vector<Row> Combine(std::vector<Row> left, std::vector<Row> right) {
    std::vector<Row> out;
    if (op_.set_op == ast::SetOp::kUnionAll) {
      out = std::move(left);
      for (Row& row : right) out.push_back(std::move(row));
      return out;
    }
    std::set<std::string> right_keys;
    if (op_.set_op != ast::SetOp::kUnion) {
      for (const Row& row : right) right_keys.insert(Key(row));
    }
    std::set<std::string> emitted;
    for (Row& row : left) {
      std::string key = Key(row);
      bool in_right = right_keys.count(key) > 0;
      if (op_.set_op == ast::SetOp::kExcept && in_right) continue;
      if (op_.set_op == ast::SetOp::kIntersect && !in_right) continue;
      if (emitted.insert(key).second) out.push_back(std::move(row));
    }
    if (op_.set_op == ast::SetOp::kUnion) {
      for (Row& row : right) {
        if (emitted.insert(Key(row)).second) out.push_back(std::move(row));
      }
    }
    return out;
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr left_, right_;
  MaterializedOutput output_;
};

}  // namespace

PhysicalOperatorPtr MakeSort(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<Sort>(op, std::move(child));
}

PhysicalOperatorPtr MakeDistinct(const LogicalOperator& op, PhysicalOperatorPtr child) {
  return std::make_unique<Distinct>(op, std::move(child));
}

PhysicalOperatorPtr MakeSetOperation(const LogicalOperator& op, PhysicalOperatorPtr left,
                                     PhysicalOperatorPtr right) {
  return std::make_unique<SetOperation>(op, std::move(left), std::move(right));
}

}  // namespace vexdb

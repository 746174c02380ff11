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
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
  return CompareValues(a, b);
}

// A row with its ORDER BY keys and its input position (ties keep input order: the sort is
// stable, as MySQL's filesort is for the clients that rely on it).
struct SortEntry {
  Row keys;
  size_t position;
  Row row;
};

// Strict weak order of sort entries: by the keys, then by input position.
struct EntryOrder {
  const std::vector<BoundOrderItem>* order_by;
  bool operator()(const SortEntry& a, const SortEntry& b) const {
    for (size_t k = 0; k < order_by->size(); ++k) {
      int c = CompareForSort(a.keys[k], b.keys[k]);
      if (c != 0) return (*order_by)[k].descending ? c > 0 : c < 0;
    }
    return a.position < b.position;
  }
};

class Sort : public PhysicalOperator {
 public:
  Sort(const LogicalOperator& op, PhysicalOperatorPtr child) : op_(op), child_(std::move(child)) {}

  Status Open(ExecContext& ctx) override {
    VEXDB_RETURN_IF_ERROR(child_->Open(ctx));
    std::vector<SortEntry> entries;
    VEXDB_RETURN_IF_ERROR(op_.top_n ? CollectTopN(ctx, *op_.top_n, &entries)
                                    : CollectAll(ctx, &entries));
    std::sort(entries.begin(), entries.end(), EntryOrder{&op_.order_by});
    std::vector<Row> sorted;
    sorted.reserve(entries.size());
    for (SortEntry& entry : entries) sorted.push_back(std::move(entry.row));
    output_.Reset(std::move(sorted));
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  Result<SortEntry> MakeEntry(Row row, ExecContext& ctx) {
    SortEntry entry{{}, next_position_++, std::move(row)};
    entry.keys.reserve(op_.order_by.size());
    for (const auto& item : op_.order_by) {
      VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expr, entry.row, ctx));
      entry.keys.push_back(SortKey(std::move(v), item.expr->type));
    }
    return entry;
  }

  Status CollectAll(ExecContext& ctx, std::vector<SortEntry>* entries) {
    VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows, CollectRows(*child_, ctx));
    entries->reserve(rows.size());
    for (Row& row : rows) {
      VEXDB_ASSIGN_OR_RETURN(SortEntry entry, MakeEntry(std::move(row), ctx));
      entries->push_back(std::move(entry));
    }
    return Status::OK();
  }

  // Keeps the first `n` entries in a max-heap (its front is the last of the kept rows), so each
  // input row costs O(log n) and memory stays at n rows.
  Status CollectTopN(ExecContext& ctx, uint64_t n, std::vector<SortEntry>* heap) {
    if (n == 0) return Status::OK();
    EntryOrder before{&op_.order_by};
    RowBatch batch;
    while (true) {
      VEXDB_RETURN_IF_ERROR(child_->Next(ctx, &batch));
      if (batch.empty()) return Status::OK();
      for (Row& row : batch) {
        VEXDB_ASSIGN_OR_RETURN(SortEntry entry, MakeEntry(std::move(row), ctx));
        if (heap->size() < n) {
          heap->push_back(std::move(entry));
          std::push_heap(heap->begin(), heap->end(), before);
        } else if (before(entry, heap->front())) {
          std::pop_heap(heap->begin(), heap->end(), before);
          heap->back() = std::move(entry);
          std::push_heap(heap->begin(), heap->end(), before);
        }
      }
    }
  }

  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
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

// Operators that consume all their input in Open(): Sort (stable, NULLs first ascending as in
// MySQL), Distinct (keeps the first row of each key), and the set operations.

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

class Sort : public PhysicalOperator {
 public:
  Sort(const LogicalOperator& op, PhysicalOperatorPtr child) : op_(op), child_(std::move(child)) {}

  Status Open(ExecContext& ctx) override {
    VEXDB_RETURN_IF_ERROR(child_->Open(ctx));
    VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows, CollectRows(*child_, ctx));
    std::vector<std::pair<Row, size_t>> keyed;  // sort keys, original position
    keyed.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      Row keys;
      for (const auto& item : op_.order_by) {
        VEXDB_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expr, rows[i], ctx));
        keys.push_back(SortKey(std::move(v), item.expr->type));
      }
      keyed.emplace_back(std::move(keys), i);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [this](const auto& a, const auto& b) {
      for (size_t k = 0; k < op_.order_by.size(); ++k) {
        int c = CompareForSort(a.first[k], b.first[k]);
        if (c != 0) return op_.order_by[k].descending ? c > 0 : c < 0;
      }
      return false;
    });
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (auto& [keys, index] : keyed) sorted.push_back(std::move(rows[index]));
    output_.Reset(std::move(sorted));
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  const LogicalOperator& op_;
  PhysicalOperatorPtr child_;
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

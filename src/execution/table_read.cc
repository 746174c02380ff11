// Reading a base table along the access path the optimizer chose, applying the pushed-down
// filters to every row. With FOR UPDATE, each qualifying row is re-read with a locking read, so
// the statement sees the latest committed version and holds the row's lock (a row changed since
// the snapshot fails with 1213, SQLSTATE 40001).

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "storage/table_store.h"

namespace vexdb {

namespace {

class TableRead : public PhysicalOperator {
 public:
  explicit TableRead(const LogicalOperator& get) : get_(get), layout_(get.table->Layout()) {}

  Status Open(ExecContext& ctx) override {
    iterator_.reset();
    range_index_ = 0;
    handle_index_ = 0;
    done_ = false;
    return Status::OK();
  }

  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
    while (!done_ && batch->size() < kBatchSize) {
      int64_t handle = 0;
      Row row;
      VEXDB_ASSIGN_OR_RETURN(bool found, ReadOne(ctx, &handle, &row));
      if (!found) {
        done_ = true;
        break;
      }
      Count(ctx.counters ? &ctx.counters->rows_read : nullptr);
      VEXDB_ASSIGN_OR_RETURN(bool keep, Qualifies(ctx, row));
      if (!keep) continue;
      if (get_.lock == ast::LockMode::kForUpdate && !locked_by_read_) {
        VEXDB_ASSIGN_OR_RETURN(auto latest, TableStore::Get(*ctx.txn, layout_, handle, true));
        if (!latest) continue;
        row = std::move(*latest);
        VEXDB_ASSIGN_OR_RETURN(keep, Qualifies(ctx, row));
        if (!keep) continue;
      }
      if (get_.emit_handle) row.push_back(Value::Int(handle));
      batch->push_back(std::move(row));
    }
    return Status::OK();
  }

 private:
  Result<bool> Qualifies(ExecContext& ctx, const Row& row) {
    for (const auto& filter : get_.filters) {
      VEXDB_ASSIGN_OR_RETURN(bool ok, EvaluatePredicate(*filter, row, ctx));
      if (!ok) return false;
    }
    return true;
  }

  // The next candidate row from the access path; false at the end.
  Result<bool> ReadOne(ExecContext& ctx, int64_t* handle, Row* row) {
    const AccessPath& access = get_.access;
    if (access.kind == AccessKind::kHandleSet) {
      bool for_update = get_.lock == ast::LockMode::kForUpdate;
      locked_by_read_ = for_update;
      while (handle_index_ < access.handles.size()) {
        *handle = access.handles[handle_index_++];
        VEXDB_ASSIGN_OR_RETURN(auto found, TableStore::Get(*ctx.txn, layout_, *handle, for_update));
        if (found) {
          *row = std::move(*found);
          return true;
        }
      }
      return false;
    }
    while (true) {
      if (!iterator_) {
        if (!StartNextIterator(ctx)) return false;
      }
      VEXDB_ASSIGN_OR_RETURN(bool found, iterator_->Next(handle, row));
      if (found) return true;
      iterator_.reset();
      if (access.kind != AccessKind::kIndexRange) return false;
    }
  }

  bool StartNextIterator(ExecContext& ctx) {
    const AccessPath& access = get_.access;
    switch (access.kind) {
      case AccessKind::kFullScan:
        if (range_index_++ > 0) return false;
        iterator_ = TableStore::Scan(*ctx.txn, layout_);
        return true;
      case AccessKind::kHandleRange:
        if (range_index_++ > 0) return false;
        iterator_ = TableStore::Scan(*ctx.txn, layout_, access.handle_lo, access.handle_hi);
        return true;
      case AccessKind::kIndexRange:
        if (range_index_ >= access.ranges.size()) return false;
        iterator_ = TableStore::ScanIndex(*ctx.txn, layout_, access.index_position,
                                          access.ranges[range_index_++]);
        return true;
      case AccessKind::kHandleSet: return false;
    }
    return false;
  }

  const LogicalOperator& get_;
  TableLayout layout_;
  std::unique_ptr<RowIterator> iterator_;
  size_t range_index_ = 0;
  size_t handle_index_ = 0;
  bool done_ = false;
  bool locked_by_read_ = false;
};

}  // namespace

PhysicalOperatorPtr MakeTableRead(const LogicalOperator& get) {
  return std::make_unique<TableRead>(get);
}

}  // namespace vexdb

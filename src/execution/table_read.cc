// Reading a base table along the access path the optimizer chose, applying the pushed-down
// filters to every row. With FOR UPDATE, each qualifying row is re-read with a locking read, so
// the statement sees the latest committed version and holds the row's lock (a row changed since
// the snapshot fails with 1213, SQLSTATE 40001).

#include <algorithm>
#include <unordered_set>

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "execution/vector_index_registry.h"
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
    vector_rows_.clear();
    vector_started_ = false;
    vector_fallback_ = false;
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

  // Reads the rows the vector index offers, through the transaction (so only rows visible to
  // it come back), asking for more until the graph's share holds k visible rows or the graph
  // has nothing more. Falls back to a full scan while the index is not ready.
  Status ReadVectorCandidates(ExecContext& ctx) {
    const AccessPath& access = get_.access;
    const IndexInfo* index = nullptr;
    for (const IndexInfo& i : get_.table->indexes) {
      if (i.id == access.vector_index_id) index = &i;
    }
    if (ctx.vector_indexes == nullptr || index == nullptr) {
      vector_fallback_ = true;
      return Status::OK();
    }
    size_t want = std::max<uint64_t>(access.vector_k, 1);
    std::unordered_set<int64_t> seen;
    for (size_t ask = want;; ask *= 2) {
      VEXDB_ASSIGN_OR_RETURN(
          std::optional<VectorCandidates> candidates,
          ctx.vector_indexes->Candidates(*ctx.txn, *get_.table, *index, access.vector_query, ask,
                                         ctx.hnsw_ef_search));
      if (!candidates) {
        vector_fallback_ = true;
        return Status::OK();
      }
      size_t visible_matches = 0;
      for (size_t i = 0; i < candidates->handles.size(); ++i) {
        int64_t handle = candidates->handles[i];
        bool from_graph = i < candidates->graph_matches;
        if (!seen.insert(handle).second) {
          visible_matches += from_graph && visible_.count(handle) > 0;
          continue;
        }
        VEXDB_ASSIGN_OR_RETURN(auto found, TableStore::Get(*ctx.txn, layout_, handle, false));
        if (!found) continue;
        visible_.insert(handle);
        visible_matches += from_graph;
        vector_rows_.emplace_back(handle, std::move(*found));
      }
      if (visible_matches >= want || candidates->exhausted) break;
    }
    // Handle order, as a table scan would give them: rows at equal distance then keep
    // insertion (primary key) order through the stable top-k above.
    std::sort(vector_rows_.begin(), vector_rows_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return Status::OK();
  }

  // The next candidate row from the access path; false at the end.
  Result<bool> ReadOne(ExecContext& ctx, int64_t* handle, Row* row) {
    const AccessPath& access = get_.access;
    if (access.kind == AccessKind::kVectorIndex && !vector_started_) {
      vector_started_ = true;
      visible_.clear();
      VEXDB_RETURN_IF_ERROR(ReadVectorCandidates(ctx));
      handle_index_ = 0;
    }
    if (access.kind == AccessKind::kVectorIndex && !vector_fallback_) {
      if (handle_index_ >= vector_rows_.size()) return false;
      *handle = vector_rows_[handle_index_].first;
      *row = std::move(vector_rows_[handle_index_++].second);
      return true;
    }
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
      case AccessKind::kVectorIndex:  // the fallback while the index is not ready
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
  // kVectorIndex
  bool vector_started_ = false;
  bool vector_fallback_ = false;
  std::vector<std::pair<int64_t, Row>> vector_rows_;
  std::unordered_set<int64_t> visible_;
};

}  // namespace

PhysicalOperatorPtr MakeTableRead(const LogicalOperator& get) {
  return std::make_unique<TableRead>(get);
}

}  // namespace vexdb

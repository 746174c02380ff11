// Reading a base table along the access path the optimizer chose, applying the pushed-down
// filters to every row. With FOR UPDATE, each qualifying row is re-read with a locking read, so
// the statement sees the latest committed version and holds the row's lock (a row changed since
// the snapshot fails with 1213, SQLSTATE 40001).

#include <algorithm>
#include <unordered_map>

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "execution/vector_index_registry.h"
#include "storage/table_store.h"
#include "vector/hnsw_index.h"

namespace vexdb {

namespace {

// A vector index scan's WHERE clause inside the graph search: admits the rows, read through the
// transaction, that satisfy the read's filters, and keeps what it read so that the scan does
// not read a row twice. Accept cannot fail; the first error stops admitting rows and is
// returned by status().
class WhereFilter : public LabelFilter {
 public:
  WhereFilter(ExecContext& ctx, const TableLayout& layout,
              const std::vector<BoundExprPtr>& filters)
      : ctx_(ctx), layout_(layout), filters_(filters) {}

  bool Accept(int64_t label) const override {
    if (!status_.ok()) return false;
    auto cached = rows_.find(label);
    if (cached != rows_.end()) return cached->second.has_value();
    Result<std::optional<Row>> row = TableStore::Get(*ctx_.txn, layout_, label, false);
    if (!row.ok()) {
      status_ = row.status();
      return false;
    }
    Count(ctx_.counters ? &ctx_.counters->rows_read : nullptr);
    bool keep = row->has_value();
    for (size_t i = 0; keep && i < filters_.size(); ++i) {
      Result<bool> ok = EvaluatePredicate(*filters_[i], **row, ctx_);
      if (!ok.ok()) status_ = ok.status();
      keep = ok.ok() && *ok;
    }
    rows_[label] = keep ? std::move(*row) : std::nullopt;
    return keep;
  }

  // The row Accept admitted for `label`; nullopt if it did not see or admit it.
  std::optional<Row> Take(int64_t label) {
    auto cached = rows_.find(label);
    if (cached == rows_.end() || !cached->second) return std::nullopt;
    return std::move(cached->second);
  }

  const Status& status() const { return status_; }

 private:
  ExecContext& ctx_;
  const TableLayout& layout_;
  const std::vector<BoundExprPtr>& filters_;
  mutable std::unordered_map<int64_t, std::optional<Row>> rows_;
  mutable Status status_;
};

constexpr size_t kFirstBatchRows = 32;

ScanDirection Direction(const AccessPath& access) {
  return access.backward ? ScanDirection::kBackward : ScanDirection::kForward;
}

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
    batch_rows_ = kFirstBatchRows;
    return Status::OK();
  }

  // Batches grow from kFirstBatchRows to kBatchSize: a LIMIT above stops the scan after a few
  // rows are read and decoded, not a thousand; a long scan soon reads full batches.
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    VEXDB_RETURN_IF_ERROR(ctx.CheckInterrupted());
    const size_t batch_rows = batch_rows_;
    batch_rows_ = std::min(2 * batch_rows_, kBatchSize);
    if (!done_) batch->reserve(batch_rows);
    while (!done_ && batch->size() < batch_rows) {
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

  // The session's hnsw_ef_search (0, the index default, if unset or out of range).
  static uint32_t EfSearch(ExecContext& ctx) {
    if (ctx.variables == nullptr) return 0;
    Result<Value> ef = ctx.variables->GetSystemVariable("hnsw_ef_search", false);
    if (!ef.ok() || ef->kind() != ValueKind::kInt) return 0;
    return static_cast<uint32_t>(std::clamp<int64_t>(ef->int_value(), 0, 1 << 20));
  }

  // The rows under `handles` as the transaction sees them (nullopt: none): those the WHERE
  // filter already read during the graph search, the rest in one batched read.
  Result<std::vector<std::optional<Row>>> ReadRows(ExecContext& ctx,
                                                   const std::vector<int64_t>& handles,
                                                   WhereFilter* where) {
    std::vector<std::optional<Row>> rows(handles.size());
    std::vector<int64_t> missing;
    std::vector<size_t> positions;
    for (size_t i = 0; i < handles.size(); ++i) {
      if (where != nullptr) rows[i] = where->Take(handles[i]);
      if (rows[i]) continue;
      missing.push_back(handles[i]);
      positions.push_back(i);
    }
    if (missing.empty()) return rows;
    VEXDB_ASSIGN_OR_RETURN(std::vector<std::optional<Row>> read,
                           TableStore::MultiGet(*ctx.txn, layout_, missing));
    for (size_t i = 0; i < read.size(); ++i) rows[positions[i]] = std::move(read[i]);
    return rows;
  }

  // The vector index the scan reads; null if it is gone.
  const IndexInfo* VectorIndex() const {
    for (const IndexInfo& index : get_.table->indexes) {
      if (index.id == get_.access.vector_index_id) return &index;
    }
    return nullptr;
  }

  // A vector index scan with a range (AccessPath::vector_range): reads the range's rows, up to
  // the registry's limit for an exact search (ExactRangeLimit). Returns true, with the rows in
  // vector_rows_ for the exact ranking above, if the range ends within the limit; false, and
  // nothing kept, if the graph search should run instead, also when there is no range.
  Result<bool> ReadRangeIfFew(ExecContext& ctx) {
    const IndexInfo* index = VectorIndex();
    if (get_.access.vector_range == AccessKind::kFullScan || ctx.vector_indexes == nullptr ||
        index == nullptr) {
      return false;
    }
    const size_t limit = ctx.vector_indexes->ExactRangeLimit(
        *get_.table, *index, EfSearch(ctx), std::max<uint64_t>(get_.access.vector_k, 1));
    range_index_ = 0;
    while (vector_rows_.size() <= limit) {
      int64_t handle = 0;
      Row row;
      VEXDB_ASSIGN_OR_RETURN(const bool found, ScanNext(ctx, &handle, &row));
      if (!found) break;
      vector_rows_.emplace_back(handle, std::move(row));
    }
    iterator_.reset();  // a fallback scan, if the graph cannot answer, starts over
    range_index_ = 0;
    if (vector_rows_.size() <= limit) {
      if (ctx.counters != nullptr) Count(&ctx.counters->vector_exact_ranges);
      return true;
    }
    vector_rows_.clear();
    return false;
  }

  // Reads the rows the vector index offers, through the transaction (so only rows visible to
  // it come back), asking for more until the graph's share holds k visible rows or the graph
  // has nothing more. Falls back to a scan (of the range, if there is one) while the index is
  // not ready, and when a filtered search gives up because its WHERE clause admits too few of
  // the rows it reads (VectorIndexRegistry::Candidates).
  Status ReadVectorCandidates(ExecContext& ctx) {
    const AccessPath& access = get_.access;
    const IndexInfo* index = VectorIndex();
    if (ctx.vector_indexes == nullptr || index == nullptr) {
      vector_fallback_ = true;
      return Status::OK();
    }
    size_t want = std::max<uint64_t>(access.vector_k, 1);
    uint32_t ef = EfSearch(ctx);
    // Handles read in earlier rounds, and those of them visible, each sorted: a round's
    // candidates are distinct, so only earlier rounds can repeat one.
    std::vector<int64_t> seen, visible;
    std::optional<WhereFilter> where;
    if (!get_.filters.empty()) where.emplace(ctx, layout_, get_.filters);
    const int vector_column = get_.table->ColumnIndex(index->columns[0].column);
    for (size_t ask = want;; ask *= 2) {
      VEXDB_ASSIGN_OR_RETURN(
          std::optional<VectorCandidates> candidates,
          ctx.vector_indexes->Candidates(*ctx.txn, *get_.table, *index,
                                         access.vector_query->constant.vector_value(), ask,
                                         ef, where ? &*where : nullptr,
                                         access.vector_index_only && !where));
      if (where) VEXDB_RETURN_IF_ERROR(where->status());
      if (!candidates) {
        vector_fallback_ = true;
        return Status::OK();
      }
      if (ctx.counters != nullptr) {
        Count(&ctx.counters->vector_searches);
        Count(&ctx.counters->vector_search_time_ns, candidates->search_time_ns);
      }
      if (candidates->filter_gave_up) {  // the WHERE clause admits too few rows: rank exactly
        Count(ctx.counters ? &ctx.counters->vector_filter_fallbacks : nullptr);
        vector_rows_.clear();
        vector_fallback_ = true;
        return Status::OK();
      }
      size_t visible_matches = 0;
      const size_t seen_before = seen.size(), visible_before = visible.size();
      const size_t offered = candidates->handles.size();
      seen.reserve(seen_before + offered);
      visible.reserve(visible_before + offered);
      vector_rows_.reserve(vector_rows_.size() + offered);
      std::vector<int64_t> fresh;  // candidates not read before, in order
      std::vector<bool> fresh_from_graph;
      for (size_t i = 0; i < candidates->handles.size(); ++i) {
        int64_t handle = candidates->handles[i];
        bool from_graph = i < candidates->graph_matches;
        if (std::binary_search(seen.begin(), seen.begin() + seen_before, handle)) {
          visible_matches += from_graph && std::binary_search(
                                               visible.begin(),
                                               visible.begin() + visible_before, handle);
          continue;
        }
        seen.push_back(handle);
        if (from_graph && !candidates->vectors.empty()) {  // current graph: the row, unread
          vector_rows_.emplace_back(
              handle, GraphRow(handle, vector_column, std::move(candidates->vectors[i])));
          visible.push_back(handle);
          ++visible_matches;
          Count(ctx.counters ? &ctx.counters->vector_rows_from_graph : nullptr);
          continue;
        }
        fresh.push_back(handle);
        fresh_from_graph.push_back(from_graph);
      }
      VEXDB_ASSIGN_OR_RETURN(std::vector<std::optional<Row>> rows,
                             ReadRows(ctx, fresh, where ? &*where : nullptr));
      for (size_t i = 0; i < fresh.size(); ++i) {
        if (!rows[i]) continue;
        visible.push_back(fresh[i]);
        visible_matches += fresh_from_graph[i];
        vector_rows_.emplace_back(fresh[i], std::move(*rows[i]));
      }
      if (visible_matches >= want || candidates->exhausted) break;
      std::sort(seen.begin() + seen_before, seen.end());
      std::inplace_merge(seen.begin(), seen.begin() + seen_before, seen.end());
      std::sort(visible.begin() + visible_before, visible.end());
      std::inplace_merge(visible.begin(), visible.begin() + visible_before, visible.end());
    }
    // Handle order, as a table scan would give them: rows at equal distance then keep
    // insertion (primary key) order through the stable top-k above.
    std::sort(vector_rows_.begin(), vector_rows_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return Status::OK();
  }

  // An index-only read's row, as the graph holds it: the handle column and the vector are
  // those of the stored row; the statement reads no other column, which stays NULL.
  Row GraphRow(int64_t handle, int vector_column, std::vector<float> vector) const {
    Row row(layout_.columns.size());
    if (layout_.handle_column >= 0) {
      const bool is_unsigned = layout_.columns[layout_.handle_column].type.is_unsigned;
      row[layout_.handle_column] =
          is_unsigned ? Value::UInt(static_cast<uint64_t>(handle)) : Value::Int(handle);
    }
    row[vector_column] = Value::Vector(std::move(vector));
    return row;
  }

  // The next candidate row from the access path; false at the end.
  Result<bool> ReadOne(ExecContext& ctx, int64_t* handle, Row* row) {
    const AccessPath& access = get_.access;
    if (access.kind == AccessKind::kVectorIndex && !vector_started_) {
      vector_started_ = true;
      VEXDB_ASSIGN_OR_RETURN(const bool few, ReadRangeIfFew(ctx));
      if (!few) VEXDB_RETURN_IF_ERROR(ReadVectorCandidates(ctx));
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
        const size_t next = handle_index_++;
        *handle = access.handles[access.backward ? access.handles.size() - 1 - next : next];
        VEXDB_ASSIGN_OR_RETURN(auto found, TableStore::Get(*ctx.txn, layout_, *handle, for_update));
        if (found) {
          *row = std::move(*found);
          return true;
        }
      }
      return false;
    }
    return ScanNext(ctx, handle, row);
  }

  // The next row of the scan behind the access path (ScanKind), across an index's ranges;
  // false at the end.
  Result<bool> ScanNext(ExecContext& ctx, int64_t* handle, Row* row) {
    while (true) {
      if (!iterator_) {
        if (!StartNextIterator(ctx)) return false;
      }
      VEXDB_ASSIGN_OR_RETURN(bool found, iterator_->Next(handle, row));
      if (found) return true;
      iterator_.reset();
      if (ScanKind() != AccessKind::kIndexRange) return false;
    }
  }

  // The kind of scan behind the access path: a vector index scan's range, or a full scan, while
  // the index is not ready or when the range is few rows.
  AccessKind ScanKind() const {
    const AccessPath& access = get_.access;
    return access.kind == AccessKind::kVectorIndex ? access.vector_range : access.kind;
  }

  bool StartNextIterator(ExecContext& ctx) {
    const AccessPath& access = get_.access;
    switch (ScanKind()) {
      case AccessKind::kFullScan:
      case AccessKind::kVectorIndex:
        if (range_index_++ > 0) return false;
        iterator_ = TableStore::Scan(*ctx.txn, layout_, INT64_MIN, INT64_MAX, Direction(access));
        return true;
      case AccessKind::kHandleRange:
        if (range_index_++ > 0) return false;
        iterator_ = TableStore::Scan(*ctx.txn, layout_, access.handle_lo, access.handle_hi,
                                     Direction(access));
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
  size_t batch_rows_ = kFirstBatchRows;  // rows the next batch may hold
  bool done_ = false;
  bool locked_by_read_ = false;
  // kVectorIndex
  bool vector_started_ = false;
  bool vector_fallback_ = false;
  std::vector<std::pair<int64_t, Row>> vector_rows_;
};

}  // namespace

PhysicalOperatorPtr MakeTableRead(const LogicalOperator& get) {
  return std::make_unique<TableRead>(get);
}

}  // namespace vexdb

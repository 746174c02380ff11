#include "execution/vector_index_registry.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <shared_mutex>
#include <unordered_set>

#include "common/logging.h"
#include "execution/vector_checkpoint.h"
#include "storage/table_store.h"
#include "vector/hnsw_index.h"
#include "vector/rw_lock.h"

namespace vexdb {

namespace {

// The consumer of the log never waits for a writer's lock: a held entry is left for next time.
constexpr int64_t kConsumerLockWaitMs = 1;
// How often the worker drains every table's log when no search asked it to.
constexpr std::chrono::milliseconds kPollInterval{100};
// A table's graphs are checkpointed again once this many rows, or an eighth of the rows,
// whichever is more, were applied since the last checkpoint: that bounds the rows a restart
// re-reads to a fraction of a rebuild.
constexpr uint64_t kMinRowsBetweenCheckpoints = 1000;
constexpr uint64_t kCheckpointFraction = 8;
// A graph is compacted once its tombstones outnumber its live rows and are at least this many.
constexpr uint64_t kMinTombstones = 1000;
// The beam width of a search when neither the session (hnsw_ef_search) nor the index
// (EF_SEARCH) sets one: a little above HnswOptions' 40, for recall@10 near 0.99 on the bench
// datasets with the re-ranking execution adds.
constexpr uint32_t kDefaultEfSearch = 64;
// Rows re-read by drains kept for searches with older snapshots; a transaction older than what
// is kept scans the table for its vector searches.
constexpr uint64_t kMaxHistoryRows = 1'000'000;

// One vector index: its graph and the rows whose SQL distance is NULL, which the graph cannot
// hold but an exact ORDER BY puts first.
struct Graph {
  int64_t index_id = 0;
  int column = -1;      // position in the table row
  HnswOptions options;  // what the graph is built with (an index's parameters never change)

  // The graph; compaction replaces it whole while searches finish on the one they loaded.
  std::shared_ptr<HnswIndex> hnsw() const { return hnsw_.load(); }
  void set_hnsw(std::shared_ptr<HnswIndex> graph) { hnsw_.store(std::move(graph)); }
  mutable std::mutex null_mutex;
  std::set<int64_t> null_rows;  // guarded by null_mutex

  // Makes the graph agree with the row stored under `handle` (nullopt: no row).
  void Apply(int64_t handle, const std::optional<Row>& row) {
    std::shared_ptr<HnswIndex> graph = hnsw();
    graph->MarkDeleted(handle);
    std::lock_guard lock(null_mutex);
    null_rows.erase(handle);
    if (!row) return;
    const Value& value = (*row)[column];
    if (value.kind() != ValueKind::kVector || HasNullDistance(value.vector_value())) {
      null_rows.insert(handle);
      return;
    }
    Status added = graph->Add(handle, value.vector_value());
    if (!added.ok()) Log(LogLevel::kWarning, "vector index {}: {}", index_id, added.ToString());
  }

  // NULL vectors, and for cosine vectors without a direction (SQL gives NULL for them).
  bool HasNullDistance(const std::vector<float>& v) const {
    if (options.metric != HnswMetric::kCosine) return false;
    return std::all_of(v.begin(), v.end(), [](float x) { return x == 0; });
  }

  std::vector<int64_t> NullRows() const {
    std::lock_guard lock(null_mutex);
    return {null_rows.begin(), null_rows.end()};
  }

  size_t NullRowCount() const {
    std::lock_guard lock(null_mutex);
    return null_rows.size();
  }

  // Whether a checkpoint was written for this graph's definition.
  bool Fits(const HnswIndex& loaded) const {
    const HnswOptions& got = loaded.options();
    return got.metric == options.metric && got.dimension == options.dimension &&
           got.m == options.m && got.encoding == options.encoding;
  }

 private:
  std::atomic<std::shared_ptr<HnswIndex>> hnsw_;
};

// Rows the graph may return: not logged as changed, and admitted by the caller's filter.
class ExcludeHandles : public LabelFilter {
 public:
  ExcludeHandles(const std::unordered_set<int64_t>& excluded, const LabelFilter* also)
      : excluded_(excluded), also_(also) {}
  bool Accept(int64_t label) const override {
    return excluded_.count(label) == 0 && (also_ == nullptr || also_->Accept(label));
  }

 private:
  const std::unordered_set<int64_t>& excluded_;
  const LabelFilter* also_;
};

// ExactRangeLimit for `rows` indexed: sqrt(ef N), at least k.
size_t SqrtRangeLimit(uint64_t rows, const IndexInfo& index, uint32_t ef, size_t k) {
  const uint32_t beam = ef != 0 ? ef : index.hnsw.ef_search != 0 ? index.hnsw.ef_search
                                                                  : kDefaultEfSearch;
  const double limit = std::sqrt(std::max<double>(beam, k) * static_cast<double>(rows));
  return std::max<size_t>(k, static_cast<size_t>(limit));
}

// How many rows a filtered graph search over `rows` indexed may ask its WHERE clause about
// before it gives up and the caller ranks the qualifying rows exactly: a quarter of them (at
// least the exact range limit). Each row asked about is a read through the transaction; on
// 100,000 rows of 128 dimensions that costs about 4.5 times a row of a full scan that ranks
// every row exactly (5.9 us against 1.3 us), so past N/4 the scan is the cheaper way to finish.
// A clause that admits 1% of the rows is asked about 14% of them at the default ef and stays in
// the graph; at 0.1% the graph search would read 78% and at 0.01% every row.
size_t FilterBudget(uint64_t rows, const IndexInfo& index, uint32_t ef, size_t k) {
  return std::max<size_t>(rows / 4, SqrtRangeLimit(rows, index, ef, k));
}

}  // namespace

// The graphs of one table, built together and kept current together (they share the log).
class TableGraphs {
 public:
  TableGraphs(const TableInfo& table, const VectorCheckpointDir& checkpoints)
      : table_(std::make_shared<TableInfo>(table)),
        layout_(table.Layout()),
        checkpoints_(checkpoints) {
    for (const IndexInfo& index : table.indexes) {
      if (index.kind != IndexKind::kHnsw) continue;
      auto graph = std::make_unique<Graph>();
      graph->index_id = index.id;
      graph->column = table.ColumnIndex(index.columns[0].column);
      graph->options = VectorIndexOptions(index, *table_);
      graphs_.push_back(std::move(graph));
    }
  }

  int64_t table_id() const { return table_->id; }

  // Whether these graphs were made for the table's current vector indexes.
  bool Matches(const TableInfo& table) const {
    size_t seen = 0;
    for (const IndexInfo& index : table.indexes) {
      if (index.kind != IndexKind::kHnsw) continue;
      const Graph* graph = FindGraph(index.id);
      if (graph == nullptr || graph->column != table.ColumnIndex(index.columns[0].column)) {
        return false;
      }
      ++seen;
    }
    return seen == graphs_.size();
  }

  const Graph* FindGraph(int64_t index_id) const {
    for (const auto& graph : graphs_) {
      if (graph->index_id == index_id) return graph.get();
    }
    return nullptr;
  }

  // Makes the graphs ready: from their checkpoints and the logs when every graph has a valid
  // checkpoint, else from a snapshot of the table (and then checkpoints them).
  Status Start(StorageEngine& storage, const std::atomic<bool>& stop) {
    std::lock_guard lock(work_mutex_);
    VEXDB_ASSIGN_OR_RETURN(bool restored, Restore(storage));
    if (restored) return Status::OK();
    return BuildFromTable(storage, stop);
  }

  // Re-reads every logged row, updates the graphs, and consumes the entries; checkpoints the
  // graphs when enough rows changed since the last checkpoint.
  Status Drain(StorageEngine& storage) {
    std::lock_guard lock(work_mutex_);
    TrimHistory(storage.OldestSnapshotSequence());
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
    VEXDB_RETURN_IF_ERROR(ConsumeLog(*txn, /*reread=*/true));
    VEXDB_ASSIGN_OR_RETURN(bool compacted, CompactIfMostlyDead());
    uint64_t live = graphs_.empty() ? 0 : graphs_.front()->hnsw()->size();
    uint64_t due = std::max(kMinRowsBetweenCheckpoints, live / kCheckpointFraction);
    if (!compacted && applied_since_checkpoint_.load() < due) return Status::OK();
    return WriteCheckpoint(storage);
  }

  // Writes the graphs' checkpoints if any row was applied since the last one (at shutdown).
  Status CheckpointIfBehind(StorageEngine& storage) {
    std::lock_guard lock(work_mutex_);
    if (!ready_.load() || applied_since_checkpoint_.load() == 0) return Status::OK();
    return WriteCheckpoint(storage);
  }

  Result<std::optional<VectorCandidates>> Candidates(StorageEngine& storage, Transaction& txn,
                                                     int64_t index_id,
                                                     std::span<const float> query, size_t k,
                                                     uint32_t ef, const LabelFilter* also,
                                                     size_t filter_budget, bool want_vectors,
                                                     bool* log_pending) const {
    const Graph* graph = FindGraph(index_id);
    if (!ready_.load() || graph == nullptr) return std::optional<VectorCandidates>();
    const uint64_t version = version_.load();
    if (version % 2 == 0 && CurrentFor(storage, txn)) {
      VEXDB_ASSIGN_OR_RETURN(VectorCandidates candidates,
                             Search(*graph, {}, query, k, ef, also, filter_budget, want_vectors));
      if (version_.load() == version) {
        candidates.graph_current = true;
        return std::optional<VectorCandidates>(std::move(candidates));
      }
    }
    // The careful way: the rows the snapshot shows as logged, and those a drain re-read at a
    // later snapshot (their places in the graph may be newer than this snapshot's), are taken
    // out of the graph search and offered as rows to read. No drain starts re-reading rows
    // meanwhile (history_gate_).
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> changed,
                           TableStore::ScanVectorLog(txn, table_->id));
    *log_pending = !changed.empty();
    std::shared_lock gate(history_gate_);
    if (!AddReappliedAfter(txn.snapshot_sequence(), &changed)) {
      return std::optional<VectorCandidates>();  // the snapshot is older than the graphs know
    }
    VEXDB_ASSIGN_OR_RETURN(VectorCandidates candidates,
                           Search(*graph, changed, query, k, ef, also, filter_budget,
                                  /*want_vectors=*/false));
    return std::optional<VectorCandidates>(std::move(candidates));
  }

  VectorIndexProgress Progress() const {
    VectorIndexProgress progress;
    progress.ready = ready_.load();
    progress.rows_indexed = rows_indexed_.load();
    progress.from_checkpoint = from_checkpoint_.load();
    progress.rows_replayed = rows_replayed_.load();
    progress.rows_since_checkpoint = applied_since_checkpoint_.load();
    progress.checkpoints_written = checkpoints_written_.load();
    progress.compactions = compactions_.load();
    return progress;
  }

  std::optional<VectorIndexStats> Stats(int64_t index_id) const {
    const Graph* graph = FindGraph(index_id);
    if (!ready_.load() || graph == nullptr) return std::nullopt;
    std::shared_ptr<HnswIndex> index = graph->hnsw();
    return VectorIndexStats{index->options(), index->Stats(), graph->NullRowCount(),
                            index->simd_target()};
  }

  std::atomic<bool> queued{false};  // waiting in the registry's queue

 private:
  // Whether the graphs hold exactly the rows txn's snapshot sees (see the header). REQUIRES: the
  // caller read an even version_ before asking.
  bool CurrentFor(const StorageEngine& storage, const Transaction& txn) const {
    const uint64_t through = current_through_.load();
    return through != 0 && through <= txn.snapshot_sequence() &&
           !txn.WroteVectorLog(table_->id) && storage.VectorLogQuietSince(table_->id, through);
  }

  // Adds to *handles (distinct from them) the rows drains re-read at snapshots after
  // `sequence`; false if the graphs cannot say (built or loaded after it, or history dropped).
  // REQUIRES: history_gate_ held shared.
  bool AddReappliedAfter(uint64_t sequence, std::vector<int64_t>* handles) const {
    if (sequence < history_floor_) return false;
    std::unordered_set<int64_t> seen(handles->begin(), handles->end());
    for (auto batch = history_.rbegin(); batch != history_.rend() && batch->through > sequence;
         ++batch) {
      for (int64_t handle : batch->handles) {
        if (seen.insert(handle).second) handles->push_back(handle);
      }
    }
    return true;
  }

  // Records the rows a drain re-reads at snapshot `through`, before it changes the graphs;
  // waits for the careful searches under way, which did not exclude them.
  void RecordReapplied(uint64_t through, const std::vector<int64_t>& handles) {
    std::lock_guard gate(history_gate_);
    history_.push_back({through, handles});
    history_rows_ += handles.size();
    while (history_rows_ > kMaxHistoryRows && !history_.empty()) {
      history_floor_ = std::max(history_floor_, history_.front().through);
      history_rows_ -= history_.front().handles.size();
      history_.pop_front();
    }
  }

  // Forgets what no snapshot at or after `oldest` needs. With `reset`, also what came before
  // graphs built or loaded at snapshot `oldest`, which older snapshots cannot use.
  void TrimHistory(uint64_t oldest, bool reset = false) {
    std::lock_guard gate(history_gate_);
    while (!history_.empty() && (reset || history_.front().through <= oldest)) {
      history_rows_ -= history_.front().handles.size();
      history_.pop_front();
    }
    if (reset) history_floor_ = oldest;
  }

  // The graph's matches for the query, without the `changed` rows (distinct), then the
  // NULL-distance rows and the changed rows.
  Result<VectorCandidates> Search(const Graph& graph, const std::vector<int64_t>& changed,
                                  std::span<const float> query, size_t k, uint32_t ef,
                                  const LabelFilter* also, size_t filter_budget,
                                  bool want_vectors) const {
    std::unordered_set<int64_t> excluded(changed.begin(), changed.end());
    ExcludeHandles filter(excluded, also);
    HnswSearchParams params;
    // A bfloat16 graph ranks by approximate distances: fetching twice as many candidates for
    // the exact re-ranking recovers the float32 graph's recall (bench/ann, vexdb-bf16). An int8
    // graph re-ranks its candidates by float32 copies itself.
    params.k = graph.options.encoding == VectorEncoding::kBFloat16 ? 2 * k : k;
    params.ef = ef;
    if (also != nullptr || !excluded.empty()) params.filter = &filter;
    VectorCandidates candidates;
    if (also != nullptr) {
      params.max_filter_calls = filter_budget;
      params.gave_up = &candidates.filter_gave_up;
    }
    if (want_vectors && KeepsAddedVectors(graph.options)) params.vectors = &candidates.vectors;
    const auto start = std::chrono::steady_clock::now();
    VEXDB_ASSIGN_OR_RETURN(std::vector<HnswMatch> matches, graph.hnsw()->Search(query, params));
    candidates.search_time_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now() - start)
                                    .count();
    candidates.exhausted = matches.size() < params.k;
    candidates.handles.reserve(matches.size() + changed.size());
    for (const HnswMatch& match : matches) candidates.handles.push_back(match.label);
    candidates.graph_matches = matches.size();
    for (int64_t handle : graph.NullRows()) {
      if (excluded.count(handle) == 0) candidates.handles.push_back(handle);
    }
    candidates.handles.insert(candidates.handles.end(), changed.begin(), changed.end());
    return candidates;
  }

  // Brackets a change of the graphs: version_ is odd meanwhile, so a search that overlaps it
  // does not take the graphs as current.
  class Changing {
   public:
    explicit Changing(std::atomic<uint64_t>& version) : version_(version) { version_.fetch_add(1); }
    ~Changing() { version_.fetch_add(1); }
    Changing(const Changing&) = delete;
    Changing& operator=(const Changing&) = delete;

   private:
    std::atomic<uint64_t>& version_;
  };

  static std::unique_ptr<Transaction> ConsumerTransaction(StorageEngine& storage) {
    TransactionOptions options;
    options.lock_wait_timeout_ms = kConsumerLockWaitMs;
    return storage.BeginTransaction(options);
  }

  // The graphs from their checkpoints, caught up with the rows changed since: false if some
  // graph has no usable checkpoint.
  Result<bool> Restore(StorageEngine& storage) {
    std::vector<GraphCheckpoint> loaded;
    for (const auto& graph : graphs_) {
      Result<std::optional<GraphCheckpoint>> read = checkpoints_.Read(table_->id, graph->index_id);
      if (!read.ok()) {
        Log(LogLevel::kWarning, "vector index {} of table {}: {}; rebuilding it from the table",
            graph->index_id, table_->id, read.status().ToString());
        return false;
      }
      if (!*read || !graph->Fits(*(*read)->hnsw)) return false;
      loaded.push_back(std::move(**read));
    }
    std::set<int64_t> index_ids;
    Changing changing(version_);
    for (size_t i = 0; i < graphs_.size(); ++i) {
      index_ids.insert(graphs_[i]->index_id);
      graphs_[i]->set_hnsw(std::move(loaded[i].hnsw));
      graphs_[i]->null_rows = {loaded[i].null_rows.begin(), loaded[i].null_rows.end()};
    }
    // Rows applied since the checkpoint was written: re-read them (applying is idempotent).
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
    TrimHistory(txn->snapshot_sequence(), /*reset=*/true);
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> applied,
                           TableStore::ScanVectorLog(*txn, table_->id, VectorLog::kApplied));
    VEXDB_RETURN_IF_ERROR(Reapply(*txn, applied));
    rows_replayed_.store(applied.size());
    applied_since_checkpoint_.store(applied.size());
    VEXDB_RETURN_IF_ERROR(ConsumeLog(*txn, /*reread=*/true));
    CountIndexedRows();
    checkpoints_.RemoveIndexesExcept(table_->id, index_ids);  // of dropped indexes
    from_checkpoint_.store(true);
    ready_.store(true);
    Log(LogLevel::kInfo,
        "vector indexes of table {} loaded from their checkpoints ({} rows re-read)", table_->id,
        applied.size());
    return true;
  }

  // Fills the graphs from a snapshot of the table, consumes the log entries that snapshot
  // already reflects, and checkpoints the result.
  Status BuildFromTable(StorageEngine& storage, const std::atomic<bool>& stop) {
    // Until the new checkpoints are written, none is valid: the applied log is not kept for them.
    checkpoints_.RemoveIndexesExcept(table_->id, {});
    for (auto& graph : graphs_) {
      VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<HnswIndex> empty, HnswIndex::Create(graph->options));
      graph->set_hnsw(std::move(empty));
      graph->null_rows.clear();
    }
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
    TrimHistory(txn->snapshot_sequence(), /*reset=*/true);
    Changing changing(version_);
    std::unique_ptr<RowIterator> rows = TableStore::Scan(*txn, layout_);
    int64_t handle = 0;
    Row row;
    while (!stop.load()) {
      VEXDB_ASSIGN_OR_RETURN(bool more, rows->Next(&handle, &row));
      if (!more) break;
      for (auto& graph : graphs_) graph->Apply(handle, row);
      rows_indexed_.fetch_add(1);
    }
    rows.reset();
    if (stop.load()) return Status::OK();
    VEXDB_RETURN_IF_ERROR(ConsumeLog(*txn, /*reread=*/false));
    Status saved = WriteCheckpoint(storage);  // a failure costs only the next start's rebuild
    if (!saved.ok())
      Log(LogLevel::kWarning, "vector index of table {}: {}", table_->id, saved.ToString());
    ready_.store(true);
    return Status::OK();
  }

  // Replaces each graph whose tombstones outnumber its live rows (at least kMinTombstones of
  // them) by a compacted copy, which searches then use; returns whether any was. Deletes and
  // updates leave tombstones that searches walk through and memory holds.
  // REQUIRES: work_mutex_ held (no Apply meanwhile).
  Result<bool> CompactIfMostlyDead() {
    bool any = false;
    for (auto& graph : graphs_) {
      std::shared_ptr<HnswIndex> current = graph->hnsw();
      const HnswStats stats = current->Stats();
      if (stats.deleted < kMinTombstones || stats.deleted <= stats.live) continue;
      VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<HnswIndex> compacted, current->Compacted());
      graph->set_hnsw(std::move(compacted));
      compactions_.fetch_add(1);
      any = true;
    }
    return any;
  }

  // Saves every graph, then clears the applied log those files now reflect. A crash in between
  // leaves the entries, which the next start re-reads: harmless. REQUIRES: work_mutex_ held.
  Status WriteCheckpoint(StorageEngine& storage) {
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> applied,
                           TableStore::ScanVectorLog(*txn, table_->id, VectorLog::kApplied));
    for (const auto& graph : graphs_) {
      std::vector<int64_t> null_rows = graph->NullRows();
      VEXDB_RETURN_IF_ERROR(
          checkpoints_.Write(table_->id, graph->index_id, *graph->hnsw(), null_rows));
    }
    VEXDB_RETURN_IF_ERROR(TableStore::ClearAppliedVectorLog(*txn, table_->id, applied));
    VEXDB_RETURN_IF_ERROR(txn->Commit());
    applied_since_checkpoint_.store(0);
    CountIndexedRows();
    if (checkpoints_.enabled()) checkpoints_written_.fetch_add(1);
    return Status::OK();
  }

  // Consumes the log entries txn's snapshot shows, first re-reading their rows (unless the
  // graphs were just built from that snapshot). Every row changed since the previous drain has
  // an entry the snapshot shows, so afterwards the graphs hold the table as of the snapshot,
  // whether or not every entry could be consumed: current_through_ says so.
  Status ConsumeLog(Transaction& txn, bool reread) {
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> handles,
                           TableStore::ScanVectorLog(txn, table_->id));
    if (reread && !handles.empty()) {
      RecordReapplied(txn.snapshot_sequence(), handles);
      VEXDB_RETURN_IF_ERROR(Reapply(txn, handles));  // without holding any lock
      // Before the entries go: whoever sees the log empty sees the rows counted too.
      CountIndexedRows();
    }
    current_through_.store(txn.snapshot_sequence());
    if (handles.empty()) return Status::OK();  // no commit: an idle table costs no WAL sync
    uint64_t consumed = 0;
    for (int64_t handle : handles) {  // then lock and move the entries, briefly
      VEXDB_ASSIGN_OR_RETURN(bool moved, TableStore::ConsumeVectorLog(txn, table_->id, handle));
      consumed += moved ? 1 : 0;
    }
    // An entry that could not be consumed, or a failed commit, leaves entries for the next
    // round; applying a row again is idempotent.
    if (txn.Commit().ok()) applied_since_checkpoint_.fetch_add(consumed);
    return Status::OK();
  }

  // Makes the graphs agree with the rows stored under `handles`, as txn sees them.
  Status Reapply(Transaction& txn, const std::vector<int64_t>& handles) {
    if (handles.empty()) return Status::OK();
    Changing changing(version_);
    for (int64_t handle : handles) {
      VEXDB_ASSIGN_OR_RETURN(std::optional<Row> row,
                             TableStore::Get(txn, layout_, handle, /*for_update=*/false));
      for (auto& graph : graphs_) graph->Apply(handle, row);
    }
    return Status::OK();
  }

  // Rows in the graphs: the first graph's live vectors and NULL-distance rows.
  void CountIndexedRows() {
    if (graphs_.empty()) return;
    const Graph& first = *graphs_.front();
    rows_indexed_.store(first.hnsw()->size() + first.NullRowCount());
  }

  const std::shared_ptr<const TableInfo> table_;  // the definition the graphs follow
  const TableLayout layout_;
  const VectorCheckpointDir& checkpoints_;
  std::vector<std::unique_ptr<Graph>> graphs_;
  std::mutex work_mutex_;  // one Start, Drain or checkpoint at a time
  std::atomic<bool> ready_{false};
  // Odd while the graphs change (Changing); searches compare it before and after.
  std::atomic<uint64_t> version_{0};
  // The graphs hold the table as of this snapshot sequence (ConsumeLog); 0 until known.
  std::atomic<uint64_t> current_through_{0};
  // The rows drains re-read, by snapshot, for searches with older snapshots (Candidates).
  struct Reapplied {
    uint64_t through;  // the drain's snapshot sequence
    std::vector<int64_t> handles;
  };
  // Guards the history. Careful searches hold it shared while they walk the graph, so their
  // exclusions stay complete; a drain records rows under it exclusively, writers first, so
  // searches cannot starve a drain.
  mutable RwLock history_gate_;
  std::deque<Reapplied> history_;  // through ascending
  uint64_t history_rows_ = 0;
  uint64_t history_floor_ = 0;     // older snapshots cannot use the graphs
  std::atomic<uint64_t> rows_indexed_{0};
  std::atomic<bool> from_checkpoint_{false};
  std::atomic<uint64_t> rows_replayed_{0};
  std::atomic<uint64_t> applied_since_checkpoint_{0};
  std::atomic<uint64_t> checkpoints_written_{0};
  std::atomic<uint64_t> compactions_{0};
};

HnswOptions VectorIndexOptions(const IndexInfo& index, const TableInfo& table) {
  HnswOptions options;
  options.metric =
      index.distance == VectorDistance::kCosine ? HnswMetric::kCosine : HnswMetric::kL2;
  const int column = table.ColumnIndex(index.columns[0].column);
  options.dimension = static_cast<uint32_t>(table.columns[column].type.length);
  if (index.hnsw.m != 0) options.m = index.hnsw.m;
  if (index.hnsw.ef_construction != 0) options.ef_construction = index.hnsw.ef_construction;
  options.ef_search = index.hnsw.ef_search != 0 ? index.hnsw.ef_search : kDefaultEfSearch;
  if (index.hnsw.quantization == VectorQuantization::kBF16) {
    options.encoding = VectorEncoding::kBFloat16;
  } else if (index.hnsw.quantization == VectorQuantization::kInt8) {
    options.encoding = VectorEncoding::kInt8;
  }
  return options;
}

VectorIndexRegistry::VectorIndexRegistry(StorageEngine& storage,
                                         std::filesystem::path checkpoint_dir)
    : storage_(storage),
      checkpoints_(std::make_unique<VectorCheckpointDir>(std::move(checkpoint_dir))),
      worker_([this] { Work(); }) {}

VectorIndexRegistry::~VectorIndexRegistry() {
  stop_.store(true);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  // A clean shutdown leaves nothing for the next start to re-read.
  for (auto& [id, graphs] : tables_) {
    Status saved = graphs->CheckpointIfBehind(storage_);
    if (!saved.ok()) Log(LogLevel::kWarning, "vector index of table {}: {}", id, saved.ToString());
  }
}

Result<std::optional<VectorCandidates>> VectorIndexRegistry::Candidates(
    Transaction& txn, const TableInfo& table, const IndexInfo& index, std::span<const float> query,
    size_t k, uint32_t ef, const LabelFilter* filter, bool want_vectors) {
  std::shared_ptr<TableGraphs> graphs = Find(table);
  bool log_pending = false;
  const size_t filter_budget =
      filter != nullptr ? FilterBudget(graphs->Progress().rows_indexed, index, ef, k) : 0;
  Result<std::optional<VectorCandidates>> candidates = graphs->Candidates(
      storage_, txn, index.id, query, k, ef, filter, filter_budget, want_vectors, &log_pending);
  if (log_pending) Enqueue(graphs);
  return candidates;
}

void VectorIndexRegistry::Schedule(const TableInfo& table) { Find(table); }

void VectorIndexRegistry::RetainOnly(const std::set<int64_t>& table_ids) {
  {
    std::lock_guard lock(mutex_);
    std::erase_if(tables_, [&](const auto& entry) { return table_ids.count(entry.first) == 0; });
  }
  checkpoints_->RemoveTablesExcept(table_ids);
}

VectorIndexProgress VectorIndexRegistry::Progress(int64_t table_id) const {
  std::lock_guard lock(mutex_);
  auto it = tables_.find(table_id);
  return it == tables_.end() ? VectorIndexProgress{} : it->second->Progress();
}

size_t VectorIndexRegistry::ExactRangeLimit(const TableInfo& table, const IndexInfo& index,
                                            uint32_t ef, size_t k) const {
  return SqrtRangeLimit(Progress(table.id).rows_indexed, index, ef, k);
}

std::optional<VectorIndexStats> VectorIndexRegistry::Stats(int64_t table_id,
                                                           int64_t index_id) const {
  std::shared_ptr<TableGraphs> graphs;
  {
    std::lock_guard lock(mutex_);
    auto it = tables_.find(table_id);
    if (it == tables_.end()) return std::nullopt;
    graphs = it->second;
  }
  return graphs->Stats(index_id);
}

std::shared_ptr<TableGraphs> VectorIndexRegistry::Find(const TableInfo& table) {
  std::shared_ptr<TableGraphs> graphs;
  {
    std::lock_guard lock(mutex_);
    std::shared_ptr<TableGraphs>& slot = tables_[table.id];
    if (slot == nullptr || !slot->Matches(table)) {
      slot = std::make_shared<TableGraphs>(table, *checkpoints_);
    }
    graphs = slot;
  }
  if (!graphs->Progress().ready) Enqueue(graphs);
  return graphs;
}

void VectorIndexRegistry::Enqueue(std::shared_ptr<TableGraphs> graphs) {
  if (graphs->queued.exchange(true)) return;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(graphs));
  }
  wake_.notify_one();
}

// The worker: builds graphs that are not ready, drains the log of those that are.
void VectorIndexRegistry::Work() {
  while (true) {
    std::shared_ptr<TableGraphs> graphs;
    {
      std::unique_lock lock(mutex_);
      bool woken =
          wake_.wait_for(lock, kPollInterval, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      if (!woken) {  // nothing asked: look at every built table's log now and then
        for (auto& [id, table] : tables_) {
          if (table->Progress().ready && !table->queued.exchange(true)) queue_.push_back(table);
        }
        continue;
      }
      graphs = std::move(queue_.front());
      queue_.pop_front();
      auto it = tables_.find(graphs->table_id());
      if (it == tables_.end() || it->second != graphs) continue;  // forgotten or replaced
    }
    graphs->queued.store(false);
    Status status =
        graphs->Progress().ready ? graphs->Drain(storage_) : graphs->Start(storage_, stop_);
    if (!status.ok()) {
      Log(LogLevel::kWarning, "vector index of table {}: {}", graphs->table_id(),
          status.ToString());
    }
  }
}

}  // namespace vexdb

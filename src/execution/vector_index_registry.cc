#include "execution/vector_index_registry.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_set>

#include "common/logging.h"
#include "storage/table_store.h"
#include "vector/hnsw_index.h"

namespace vexdb {

namespace {

// The consumer of the log never waits for a writer's lock: a held entry is left for next time.
constexpr int64_t kConsumerLockWaitMs = 1;
// How often the worker drains every table's log when no search asked it to.
constexpr std::chrono::milliseconds kPollInterval{100};

// One vector index: its graph and the rows whose SQL distance is NULL, which the graph cannot
// hold but an exact ORDER BY puts first.
struct Graph {
  int64_t index_id = 0;
  int column = -1;  // position in the table row
  HnswMetric metric = HnswMetric::kL2;
  std::unique_ptr<HnswIndex> hnsw;
  mutable std::mutex null_mutex;
  std::set<int64_t> null_rows;  // guarded by null_mutex

  // Makes the graph agree with the row stored under `handle` (nullopt: no row).
  void Apply(int64_t handle, const std::optional<Row>& row) {
    hnsw->MarkDeleted(handle);
    std::lock_guard lock(null_mutex);
    null_rows.erase(handle);
    if (!row) return;
    const Value& value = (*row)[column];
    if (value.kind() != ValueKind::kVector || HasNullDistance(value.vector_value())) {
      null_rows.insert(handle);
      return;
    }
    Status added = hnsw->Add(handle, value.vector_value());
    if (!added.ok()) Log(LogLevel::kWarning, "vector index {}: {}", index_id, added.ToString());
  }

  // NULL vectors, and for cosine vectors without a direction (SQL gives NULL for them).
  bool HasNullDistance(const std::vector<float>& v) const {
    if (metric != HnswMetric::kCosine) return false;
    return std::all_of(v.begin(), v.end(), [](float x) { return x == 0; });
  }

  std::vector<int64_t> NullRows() const {
    std::lock_guard lock(null_mutex);
    return {null_rows.begin(), null_rows.end()};
  }
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

}  // namespace

// The graphs of one table, built together and kept current together (they share the log).
class TableGraphs {
 public:
  explicit TableGraphs(const TableInfo& table)
      : table_(std::make_shared<TableInfo>(table)), layout_(table.Layout()) {
    for (const IndexInfo& index : table.indexes) {
      if (index.kind != IndexKind::kHnsw) continue;
      auto graph = std::make_unique<Graph>();
      graph->index_id = index.id;
      graph->column = table.ColumnIndex(index.columns[0].column);
      graph->metric =
          index.distance == VectorDistance::kCosine ? HnswMetric::kCosine : HnswMetric::kL2;
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

  // Fills the graphs from a snapshot of the table, then consumes the log entries that snapshot
  // already reflects.
  Status Build(StorageEngine& storage, const std::atomic<bool>& stop) {
    std::lock_guard lock(work_mutex_);
    for (auto& graph : graphs_) {
      HnswOptions options;
      options.metric = graph->metric;
      options.dimension = static_cast<uint32_t>(table_->columns[graph->column].type.length);
      VEXDB_ASSIGN_OR_RETURN(graph->hnsw, HnswIndex::Create(options));
    }
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
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
    ready_.store(true);
    return Status::OK();
  }

  // Re-reads every logged row, updates the graphs, and consumes the entries.
  Status Drain(StorageEngine& storage) {
    std::lock_guard lock(work_mutex_);
    std::unique_ptr<Transaction> txn = ConsumerTransaction(storage);
    return ConsumeLog(*txn, /*reread=*/true);
  }

  Result<std::optional<VectorCandidates>> Candidates(Transaction& txn, int64_t index_id,
                                                     std::span<const float> query, size_t k,
                                                     uint32_t ef, const LabelFilter* also,
                                                     bool* log_pending) const {
    const Graph* graph = FindGraph(index_id);
    if (!ready_.load() || graph == nullptr) return std::optional<VectorCandidates>();
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> changed,
                           TableStore::ScanVectorLog(txn, table_->id));
    *log_pending = !changed.empty();
    std::unordered_set<int64_t> excluded(changed.begin(), changed.end());
    ExcludeHandles filter(excluded, also);
    HnswSearchParams params;
    params.k = k;
    params.ef = ef;
    params.filter = &filter;
    VEXDB_ASSIGN_OR_RETURN(std::vector<HnswMatch> matches, graph->hnsw->Search(query, params));
    VectorCandidates candidates;
    candidates.exhausted = matches.size() < k;
    for (const HnswMatch& match : matches) candidates.handles.push_back(match.label);
    candidates.graph_matches = matches.size();
    for (int64_t handle : graph->NullRows()) {
      if (excluded.count(handle) == 0) candidates.handles.push_back(handle);
    }
    candidates.handles.insert(candidates.handles.end(), changed.begin(), changed.end());
    return std::optional<VectorCandidates>(std::move(candidates));
  }

  VectorIndexProgress Progress() const {
    return {ready_.load(), rows_indexed_.load()};
  }

  std::atomic<bool> queued{false};  // waiting in the registry's queue

 private:
  static std::unique_ptr<Transaction> ConsumerTransaction(StorageEngine& storage) {
    TransactionOptions options;
    options.lock_wait_timeout_ms = kConsumerLockWaitMs;
    return storage.BeginTransaction(options);
  }

  Status ConsumeLog(Transaction& txn, bool reread) {
    VEXDB_ASSIGN_OR_RETURN(std::vector<int64_t> handles,
                           TableStore::ScanVectorLog(txn, table_->id));
    if (reread) {  // first all the graph work, without holding any lock
      for (int64_t handle : handles) {
        VEXDB_ASSIGN_OR_RETURN(std::optional<Row> row,
                               TableStore::Get(txn, layout_, handle, /*for_update=*/false));
        for (auto& graph : graphs_) graph->Apply(handle, row);
      }
    }
    for (int64_t handle : handles) {  // then lock and delete the entries, briefly
      VEXDB_RETURN_IF_ERROR(TableStore::ConsumeVectorLog(txn, table_->id, handle).status());
    }
    // An entry that could not be consumed, or a failed commit, leaves entries for the next
    // round; applying a row again is idempotent.
    txn.Commit().IgnoreError();
    return Status::OK();
  }

  const std::shared_ptr<const TableInfo> table_;  // the definition the graphs follow
  const TableLayout layout_;
  std::vector<std::unique_ptr<Graph>> graphs_;
  std::mutex work_mutex_;  // one Build or Drain at a time
  std::atomic<bool> ready_{false};
  std::atomic<uint64_t> rows_indexed_{0};
};

VectorIndexRegistry::VectorIndexRegistry(StorageEngine& storage)
    : storage_(storage), worker_([this] { Work(); }) {}

VectorIndexRegistry::~VectorIndexRegistry() {
  stop_.store(true);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

Result<std::optional<VectorCandidates>> VectorIndexRegistry::Candidates(
    Transaction& txn, const TableInfo& table, const IndexInfo& index,
    std::span<const float> query, size_t k, uint32_t ef, const LabelFilter* filter) {
  std::shared_ptr<TableGraphs> graphs = Find(table);
  bool log_pending = false;
  VEXDB_ASSIGN_OR_RETURN(std::optional<VectorCandidates> candidates,
                         graphs->Candidates(txn, index.id, query, k, ef, filter, &log_pending));
  if (log_pending) Enqueue(graphs);
  return candidates;
}

void VectorIndexRegistry::Schedule(const TableInfo& table) { Find(table); }

void VectorIndexRegistry::RetainOnly(const std::set<int64_t>& table_ids) {
  std::lock_guard lock(mutex_);
  std::erase_if(tables_, [&](const auto& entry) { return table_ids.count(entry.first) == 0; });
}

VectorIndexProgress VectorIndexRegistry::Progress(int64_t table_id) const {
  std::lock_guard lock(mutex_);
  auto it = tables_.find(table_id);
  return it == tables_.end() ? VectorIndexProgress{} : it->second->Progress();
}

std::shared_ptr<TableGraphs> VectorIndexRegistry::Find(const TableInfo& table) {
  std::shared_ptr<TableGraphs> graphs;
  {
    std::lock_guard lock(mutex_);
    std::shared_ptr<TableGraphs>& slot = tables_[table.id];
    if (slot == nullptr || !slot->Matches(table)) slot = std::make_shared<TableGraphs>(table);
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
      bool woken = wake_.wait_for(lock, kPollInterval, [this] { return stopping_ || !queue_.empty(); });
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
    Status status = graphs->Progress().ready ? graphs->Drain(storage_)
                                             : graphs->Build(storage_, stop_);
    if (!status.ok()) {
      Log(LogLevel::kWarning, "vector index of table {}: {}", graphs->table_id(),
          status.ToString());
    }
  }
}

}  // namespace vexdb

#pragma once

// VectorIndexRegistry: the in-memory HNSW graphs behind the tables' vector indexes, and how a
// query gets exact answers from them.
//
// The table is the source of truth; a graph is derived from it. Every write that may change an
// indexed vector also writes the row's vector-log entry in the same transaction
// (TableStore::ScanVectorLog), so the log names exactly the rows a graph may be wrong about. A
// background worker builds a table's graphs from a snapshot scan, then keeps draining the log:
// it re-reads each logged row, updates every graph of the table, and consumes the entry.
//
// A search never trusts the graph alone. Its candidates are the graph's nearest rows, minus the
// rows the searcher's own view of the log marks as changed, plus those changed rows (committed but
// not yet drained, or the transaction's own writes) and the rows whose distance is NULL (a NULL
// vector; for cosine a zero vector), which sort first as in an exact scan. Execution reads every
// candidate through its own transaction, so an uncommitted or deleted row never comes back, and
// ranks them by the exact SQL distance. The only approximation left is the graph's recall.
//
// The graphs follow the latest committed rows, so a snapshot older than the last drain would
// find a row that moved after it at its new place in the graph. The registry therefore keeps,
// per drain, the rows it re-read and the snapshot it read them at; a search also takes the rows
// re-read after its own snapshot out of the graph search and reads them. A snapshot older than
// that history (older than the graphs' build or load, or than the kMaxHistoryRows most recently
// re-read rows) gets no candidates, and the caller scans the table.
//
// The common case skips both the log and the row reads. After a drain that re-read every entry
// its snapshot D showed, the graphs hold exactly the table as of D. A search whose snapshot is
// at or after D, whose transaction wrote none of the table's log, and for which no log write
// committed after D (StorageEngine::VectorLogQuietSince) sees those same rows: it needs no log
// scan, and its graph matches are visible rows whose vectors the graph holds (graph_current). A
// version counter, odd while a drain changes the graphs, catches a drain that ran during the
// search; that search is then redone the careful way.
//
// Durability: consuming a pending log entry moves it to the table's applied log in the same
// transaction. A checkpoint saves every graph of a table (vector_checkpoint.h) and then clears
// the applied log, so at any moment the checkpoint files plus the rows named by the two logs
// describe the table exactly. On start, a table's graphs are loaded from their checkpoints, the
// applied rows re-read, and the pending log drained as usual; only a table without a usable
// checkpoint (none yet, corrupt, another format version) is rebuilt from a snapshot scan, in the
// background, and queries run as exact scans until its graphs are ready. Checkpoints are
// written after a build, when a table's applied log reaches an eighth of its rows (at least
// 1000), after a compaction and at shutdown.
//
// Deletes and updates leave tombstones in a graph. When they outnumber its live rows (and are
// at least 1000), the worker builds a compacted copy from the graph's live vectors and swaps it
// in; searches that started on the old graph finish on it.
//
// Thread safety: all methods may be called from any thread. Destroy the registry before the
// storage engine (it stops and joins its worker).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <vector>

#include "catalog/catalog.h"
#include "common/result.h"
#include "storage/storage_engine.h"
#include "vector/hnsw_index.h"

namespace vexdb {

class LabelFilter;
class TableGraphs;
class VectorCheckpointDir;

struct VectorCandidates {
  std::vector<int64_t> handles;  // distinct; the graph's matches first, nearest first
  size_t graph_matches = 0;      // how many of handles came from the graph
  bool exhausted = false;        // the graph has no further matches to offer
  // The filtered search gave up (Candidates): the matches need not be the k nearest rows the
  // filter admits, and the caller ranks the qualifying rows exactly instead.
  bool filter_gave_up = false;
  uint64_t search_time_ns = 0;   // spent in the graph search itself
  // The graphs held exactly the rows of the transaction's snapshot during the search, so each
  // graph match is a row the snapshot sees, with the vector the graph holds.
  bool graph_current = false;
  // With want_vectors, graph_current and a graph keeping the vectors as added (any encoding but
  // bfloat16, KeepsAddedVectors): the graph matches' vectors in match order, bit for bit the
  // rows' stored vectors. Else empty.
  std::vector<std::vector<float>> vectors;
};

// Progress of a table's graphs, for information_schema.TIFLASH_INDEXES and VECTOR_INDEXES.
struct VectorIndexProgress {
  bool ready = false;
  uint64_t rows_indexed = 0;  // rows in the graphs (ready) or added so far (building)
  bool from_checkpoint = false;       // loaded from checkpoints at start, not built
  uint64_t rows_replayed = 0;         // rows re-read at start after loading the checkpoints
  uint64_t rows_since_checkpoint = 0; // rows applied to the graphs since the last checkpoint
  uint64_t checkpoints_written = 0;   // since the server started
  uint64_t compactions = 0;           // graphs rebuilt without their tombstones, since start
};

// One ready graph's shape and memory.
struct VectorIndexStats {
  HnswOptions options;
  HnswStats graph;
  uint64_t null_rows = 0;  // rows with a NULL distance, kept beside the graph
  const char* simd_target = "";  // the distance kernels' instruction set
};

// The options a vector index's graph is built with: the index's parameters (HnswParams) over
// vexdb's defaults for SQL (M 16, EF_CONSTRUCTION 200, EF_SEARCH 64, float32).
HnswOptions VectorIndexOptions(const IndexInfo& index, const TableInfo& table);

class VectorIndexRegistry {
 public:
  // Checkpoints go to `checkpoint_dir` (created on first use); an empty path disables them, and
  // every start rebuilds the graphs from the tables.
  explicit VectorIndexRegistry(StorageEngine& storage, std::filesystem::path checkpoint_dir = {});
  ~VectorIndexRegistry();
  VectorIndexRegistry(const VectorIndexRegistry&) = delete;
  VectorIndexRegistry& operator=(const VectorIndexRegistry&) = delete;

  // Candidates for the `k` rows nearest to `query` under `index` (an HNSW index of `table`), as
  // seen by `txn`; nullopt while the table's graphs are not ready (the first call schedules the
  // build) or when txn's snapshot is older than they can answer for: the caller scans the
  // table. `ef` 0 is the index default. With `filter`, the graph search keeps walking until it
  // has k rows the filter accepts (a WHERE clause), or gives up after asking the filter about a
  // quarter of the rows indexed (at least ExactRangeLimit; VectorCandidates::filter_gave_up);
  // the logged and NULL-distance rows are returned unfiltered.
  // With `want_vectors`, a current graph keeping the vectors as added returns its matches'
  // vectors.
  Result<std::optional<VectorCandidates>> Candidates(Transaction& txn, const TableInfo& table,
                                                     const IndexInfo& index,
                                                     std::span<const float> query, size_t k,
                                                     uint32_t ef,
                                                     const LabelFilter* filter = nullptr,
                                                     bool want_vectors = false);

  // Schedules building the graphs of `table` (after CREATE TABLE / CREATE INDEX, at start-up).
  void Schedule(const TableInfo& table);
  // Forgets the graphs and checkpoints of every table not in `table_ids` (dropped or without
  // vector indexes).
  void RetainOnly(const std::set<int64_t>& table_ids);

  VectorIndexProgress Progress(int64_t table_id) const;

  // How many rows of a range the WHERE clause narrows the table to are few enough to rank
  // exactly rather than search the graph filtered to the range, for a top-k search by `index`
  // with beam width `ef` (0: the index default). A filtered search visits about ef / s nodes
  // for a range holding a share s of the N rows indexed, reading the row of each, against the
  // R = s N rows an exact search reads: exact is cheaper while R² < ef N, so the limit is
  // sqrt(ef N) (at least k).
  size_t ExactRangeLimit(const TableInfo& table, const IndexInfo& index, uint32_t ef,
                         size_t k) const;

  // nullopt until the table's graphs are ready.
  std::optional<VectorIndexStats> Stats(int64_t table_id, int64_t index_id) const;

 private:
  // The table's graphs, made anew if the table's vector indexes changed; schedules the build of
  // graphs that are not ready.
  std::shared_ptr<TableGraphs> Find(const TableInfo& table);
  void Enqueue(std::shared_ptr<TableGraphs> graphs);
  void Work();

  StorageEngine& storage_;
  const std::unique_ptr<VectorCheckpointDir> checkpoints_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<int64_t, std::shared_ptr<TableGraphs>> tables_;  // by table id; guarded by mutex_
  std::deque<std::shared_ptr<TableGraphs>> queue_;          // guarded by mutex_
  bool stopping_ = false;                                   // guarded by mutex_
  std::atomic<bool> stop_{false};                           // ends a build early
  std::thread worker_;
};

}  // namespace vexdb

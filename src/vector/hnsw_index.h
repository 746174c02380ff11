#pragma once

// HnswIndex: an in-memory HNSW graph (Malkov & Yashunin, 2016) over float32 vectors, keyed by
// int64 labels (the table's row handles), for L2 and cosine distance. The graph stores vectors
// as float32; as bfloat16, to halve memory and search bandwidth; or as int8 codes, a quarter of
// the bandwidth and cheaper arithmetic, with a float32 copy kept apart to re-rank the final
// candidates exactly (HnswOptions::encoding, vector_encoding.h).
//
// The graph is a derived structure: the table is the source of truth, and the index answers
// "which rows are probably nearest", which execution then re-checks (visibility, the exact SQL
// distance). Deletes leave tombstones that searches walk through but never return. The graph
// is checkpointed with Save and restored with Load (docs/vector-index-format.md); rows changed
// since the checkpoint are replayed by the caller.
//
// Thread safety: every method may be called from any number of threads at once. Add, Search
// and MarkDeleted run concurrently with each other (per-node spin locks guard link lists;
// readers never block). An index-wide reader/writer lock is taken exclusively only to grow
// the node storage (which doubles, so rarely; Reserve avoids it); a waiting grower goes before
// searches that arrive after it. Save holds off Add and MarkDeleted, not searches.
//
// Errors come back as Status: bad dimensions, duplicate labels, corrupt input to Load, or memory
// the kernel refuses. Nothing throws across this interface except std::bad_alloc from the
// standard containers.

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <span>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "vector/distance.h"
#include "vector/hnsw_options.h"
#include "vector/node_store.h"
#include "vector/rw_lock.h"
#include "vector/search_scratch.h"

namespace vexdb {

// Restricts a search to the rows a WHERE clause admits.
class LabelFilter {
 public:
  virtual ~LabelFilter() = default;
  // Whether the row with this label may be returned. Called on the searching thread while the
  // index is read-locked, so it must not call back into the index; called at most once per
  // node the search reaches.
  virtual bool Accept(int64_t label) const = 0;
};

struct HnswSearchParams {
  size_t k = 10;
  // Beam width; 0 means HnswOptions::ef_search. The search uses max(ef, k).
  uint32_t ef = 0;
  // Null admits every row.
  const LabelFilter* filter = nullptr;
  // With a filter: the search gives up once it has asked the filter about this many nodes (0:
  // never), sets *gave_up and returns what it has admitted so far, which need not be the k
  // nearest admitted rows. A filter that admits few rows makes the search ask it about most of
  // the graph; a caller whose filter is costly (a WHERE clause reading each row) does better
  // to rank the qualifying rows exactly then.
  size_t max_filter_calls = 0;
  bool* gave_up = nullptr;
  // When set and the index has float32 vectors (float32 or int8 encoding, KeepsAddedVectors),
  // receives each match's vector exactly as it was added, one per match in match order, which
  // the caller can move into a row without another copy.
  std::vector<std::vector<float>>* vectors = nullptr;
};

struct HnswMatch {
  int64_t label;
  // The metric's distance as the SIMD kernel computes it (L2: Euclidean; cosine: 1 - cos, from
  // the dot product and the inverse norms, or from the normalized vectors of a bfloat16 or int8
  // graph), close to but not bit-identical with the SQL functions. With
  // bfloat16 storage it is approximate (relative error around 2^-8): fetch more than k and
  // re-rank by the exact distance when the order matters. With int8 it is the float32
  // kernel's: the search re-ranks its best 2k candidates by their float32 copies (for cosine
  // normalized on the fly, so within rounding of a float32 graph's).
  float distance;
};

struct HnswStats {
  uint64_t live = 0;     // labels Search can return
  uint64_t deleted = 0;  // tombstones still in the graph
  int max_level = -1;    // -1 for an empty graph
  // Node records, upper-layer links and the label map (estimated from its size).
  uint64_t bytes = 0;
  double bytes_per_vector = 0;  // bytes / live
};

class HnswIndex {
 public:
  // An empty index; fails if the options do not validate.
  static Result<std::unique_ptr<HnswIndex>> Create(const HnswOptions& options);
  // Reads an index written by Save. Fails with a Status, never crashes, on input that is
  // truncated, corrupt (checksum or structure) or from an unknown format version.
  static Result<std::unique_ptr<HnswIndex>> Load(std::istream& in);

  HnswIndex(const HnswIndex&) = delete;
  HnswIndex& operator=(const HnswIndex&) = delete;

  // Writes the whole graph, tombstones included. Add and MarkDeleted wait while it runs;
  // searches do not. Fails if the stream does.
  [[nodiscard]] Status Save(std::ostream& out) const;

  // Makes room for `capacity` nodes (tombstones count) so that Add will not have to grow.
  [[nodiscard]] Status Reserve(uint32_t capacity);

  // Inserts a row's vector. A cosine graph of float32 keeps it as added with its inverse norm;
  // of bfloat16 or int8, normalized (an int8 graph's float32 copy keeps it as added). A zero
  // vector has no direction: searches of float32 and int8 graphs place it at cosine distance 1
  // from every query, as if orthogonal, a bfloat16 graph at 0.5 (SQL gives NULL for it;
  // execution recomputes distances anyway). Fails if vector.size() differs from the dimension
  // or if the label is already live; a deleted label may be added again.
  // REQUIRES: every element is finite.
  [[nodiscard]] Status Add(int64_t label, std::span<const float> vector);

  // Tombstones the row: no search that starts afterwards returns it. Returns whether the label
  // was live.
  bool MarkDeleted(int64_t label);

  // The up to k nearest live rows the filter admits, nearest first. With a filter the search
  // keeps walking the graph until it has max(ef, k) qualifying rows or runs out of reachable
  // nodes, so a selective filter costs more nodes visited, not recall: about ef / selectivity
  // of them, so below a percent or so a scan of the qualifying rows is cheaper (the planner's
  // call). Fails only if query.size() differs from the dimension.
  Result<std::vector<HnswMatch>> Search(std::span<const float> query,
                                        const HnswSearchParams& params) const;

  // A new index with the same options holding only the live rows (their stored vectors), so
  // without the tombstones deletes and updates leave behind. Searches may run meanwhile.
  // REQUIRES: no concurrent Add or MarkDeleted (the caller serializes writers).
  Result<std::unique_ptr<HnswIndex>> Compacted() const;

  size_t size() const;  // live labels
  bool Contains(int64_t label) const;
  HnswStats Stats() const;
  const HnswOptions& options() const { return options_; }
  const char* simd_target() const { return kernels_.target; }

  // Verifies the graph invariants (link counts and ids in range, no self or duplicate links,
  // labels consistent with the label map). For tests and debugging; O(nodes * links).
  [[nodiscard]] Status CheckIntegrity() const;

 private:
  HnswIndex(const HnswOptions& options, std::unique_ptr<NodeStore> store);

  // The graph's distance (distance.h) from a query form to node id's vector.
  float Distance(const void* query, uint32_t id) const {
    return kernels_.distance(query, store_->vector(id), options_.dimension);
  }
  // Node id's vector as a query form for the graph's kernels: the stored vector itself, except
  // for bfloat16, decoded into buffer.
  const void* QueryForm(uint32_t id, std::vector<float>* buffer) const;
  // Node id's vector as float32: the stored vector or its float32 copy, or decoded from
  // bfloat16 into buffer.
  const float* FloatVector(uint32_t id, std::vector<float>* buffer) const;

  // Add's steps.
  Result<std::optional<uint32_t>> ClaimNode(int64_t label);
  Status GrowIfFull();
  int RandomLevel();
  void Insert(uint32_t id, int level, SearchScratch* scratch);
  void Connect(uint32_t id, int level, std::span<const Neighbor> neighbors, SearchScratch* scratch);
  void LinkBack(uint32_t node, Neighbor added, int level, SearchScratch* scratch);
  void PromoteEntry(uint32_t id, int level);

  // The search primitives (hnsw_index.cc opens with how they fit together).
  // Calls visit(id, distance) for ids[0, count): a uint32_t array or a LinkList.
  template <typename Ids, typename Visit>
  void VisitDistances(const void* query, const Ids& ids, uint32_t count, const Visit& visit) const;
  Neighbor GreedyClosest(const void* query, Neighbor start, int level) const;
  // False if it stopped early because stop() said so (checked once per node expanded).
  template <typename Accept, typename Stop>
  bool SearchLayer(const void* query, Neighbor entry, int level, size_t ef, const Accept& accept,
                   const Stop& stop, SearchScratch* scratch) const;
  float ExactDistance(const float* query, uint32_t id) const;
  void Rerank(const float* query, std::vector<Neighbor>* nearest) const;
  void SelectNeighbors(std::span<const Neighbor> candidates, size_t limit,
                       std::vector<Neighbor>* selected, std::vector<float>* buffer) const;
  const float* PrepareQuery(std::span<const float> query, SearchScratch* scratch) const;
  const void* EncodeQuery(const float* query, SearchScratch* scratch) const;

  Status RebuildLabels(uint32_t node_count);
  Status CheckNode(uint32_t id, uint32_t node_count) const;

  const HnswOptions options_;
  const VectorEncoding stored_encoding_;  // StoredEncoding(options_)
  const DistanceKernels kernels_;
  const DistanceKernels& exact_kernels_;  // float32, for re-ranking an int8 graph's candidates
  const double level_multiplier_;

  // Shared by Add, Search, MarkDeleted, Stats, Save; exclusive to grow store_.
  mutable RwLock mutex_;
  // Shared by Add and MarkDeleted, exclusive to Save: what Save writes holds still.
  mutable RwLock save_gate_;
  const std::unique_ptr<NodeStore> store_;
  // The node searches start from, packed as level << 32 | id; kNoEntry while empty.
  std::atomic<uint64_t> entry_;

  mutable std::mutex label_mutex_;
  std::unordered_map<int64_t, uint32_t> label_to_id_;  // live labels; guarded by label_mutex_
  uint32_t node_count_ = 0;                            // ids handed out; guarded by label_mutex_

  std::mutex rng_mutex_;
  std::mt19937_64 rng_;  // guarded by rng_mutex_

  mutable ScratchPool scratch_pool_;
};

}  // namespace vexdb

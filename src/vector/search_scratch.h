#pragma once

// SearchScratch: the working memory of one HNSW search or insert, and the pool that lends it
// out, so that a search allocates nothing once the pool is warm.
//
// Thread safety: ScratchPool is safe to use from any thread; a SearchScratch belongs to the
// thread holding its lease.

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "vector/visited_set.h"

namespace vexdb {

struct Neighbor {
  float distance;
  uint32_t id;
};

struct SearchScratch {
  VisitedSet visited;
  std::vector<Neighbor> candidates;           // min-heap: nodes still to expand
  std::vector<Neighbor> results;              // max-heap: the best nodes found so far
  std::vector<Neighbor> nearest;              // results in ascending distance
  std::vector<uint32_t> fresh;                // unvisited neighbours of the node being expanded
  std::vector<std::vector<Neighbor>> chosen;  // the new node's neighbours, per layer
  std::vector<Neighbor> link_candidates;      // a full neighbour's links plus the new node
  std::vector<Neighbor> link_selected;        // what the neighbour keeps of them
  std::vector<uint32_t> ids;                  // a link list about to be written
  std::vector<float> query;                   // a normalized copy of a cosine query or new vector
  std::vector<char> encoded_query;            // the query as the graph encodes vectors
  std::vector<float> node_vector;             // the node being inserted, decoded
  std::vector<float> link_base;               // the neighbour whose links are being pruned, decoded
  std::vector<float> candidate_vector;        // the candidate the heuristic is weighing, decoded
};

class ScratchPool {
 public:
  // Returns its scratch to the pool when destroyed.
  class Lease {
   public:
    Lease(ScratchPool* pool, std::unique_ptr<SearchScratch> scratch)
        : pool_(pool), scratch_(std::move(scratch)) {}
    ~Lease() { pool_->Release(std::move(scratch_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    SearchScratch* get() const { return scratch_.get(); }

   private:
    ScratchPool* pool_;
    std::unique_ptr<SearchScratch> scratch_;
  };

  Lease Acquire();

 private:
  void Release(std::unique_ptr<SearchScratch> scratch);

  std::mutex mutex_;
  std::vector<std::unique_ptr<SearchScratch>> free_;  // guarded by mutex_
};

}  // namespace vexdb

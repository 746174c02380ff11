#pragma once

// VisitedSet: which node ids one search has already reached.
//
// A bitset (one bit per node, so it stays in L1/L2 cache) that remembers which 64-bit words it
// dirtied, so clearing costs what the search touched rather than the whole index.
//
// Thread safety: none; each search owns one (see SearchScratch).

#include <cstdint>
#include <vector>

namespace vexdb {

class VisitedSet {
 public:
  // Makes room for ids below `capacity` and clears the set.
  void Reset(uint32_t capacity);

  // Marks id as visited; returns whether it already was. REQUIRES: id < the Reset capacity.
  [[gnu::always_inline]] bool TestAndSet(uint32_t id) {
    uint64_t& word = words_[id >> 6];
    const uint64_t bit = uint64_t{1} << (id & 63);
    if (word & bit) return true;
    if (word == 0) dirty_.push_back(id >> 6);
    word |= bit;
    return false;
  }

 private:
  std::vector<uint64_t> words_;
  std::vector<uint32_t> dirty_;  // indexes of the nonzero words
};

}  // namespace vexdb

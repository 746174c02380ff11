#pragma once

// NodeStore: the memory of an HNSW graph, laid out for the search loop.
//
// Every node has a fixed-size, 64-byte-aligned record in one MappedBuffer, indexed by its
// internal id (0, 1, 2, ... in insertion order):
//
//   offset 0   uint32 level-0 link count
//          4   uint8  level (the highest layer the node is on)
//          5   uint8  spin lock guarding the node's link lists
//          8   int64  label (the row handle)
//         16   uint32 level-0 links[max_links0]
//          V   the vector, encoded as StoredEncoding(options) says (hnsw_options.h)
//              (V = 16 + 4*max_links0 rounded up to 64)
//
// so one node's links and its vector sit on neighbouring cache lines, and the address of any
// node is base + id * stride. Nodes on layers above 0 (one in m) also own one heap block with,
// per layer 1..level, a uint32 count followed by max_links uint32 slots. Deleted flags live
// apart, one bit per node, so the check a search makes on every candidate hits a small, hot
// bitmap instead of another cache line of the candidate's record. An int8 index also keeps each
// vector as float32 (KeepsExactVectors), in a third buffer indexed by id, which only the final
// re-ranking of a search reads: the records the traversal walks stay small.
//
// Concurrency: link lists are read without locks. Readers load the count and every slot
// atomically (acquire); writers hold the node's lock and store slots before the count
// (release). A reader may so see a list half old, half new, but every id it sees is a node
// whose record was complete before that id was stored: an insert writes the new node's record
// before it links the node anywhere. Vectors, labels and levels are written once, before the
// node is linked. Grow moves the records and needs the caller to exclude every other access.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "common/status.h"
#include "vector/hnsw_options.h"
#include "vector/mapped_buffer.h"
#include "vector/vector_encoding.h"

namespace vexdb {

// One node's link list on one layer.
class LinkList {
 public:
  LinkList(uint32_t* count, uint32_t* slots) : count_(count), slots_(slots) {}

  uint32_t size() const { return std::atomic_ref(*count_).load(std::memory_order_acquire); }
  uint32_t operator[](uint32_t i) const {
    return std::atomic_ref(slots_[i]).load(std::memory_order_acquire);
  }
  // REQUIRES: the node's lock is held; size() < the layer's capacity.
  void Append(uint32_t id);
  // REQUIRES: the node's lock is held; ids.size() <= the layer's capacity.
  void Assign(std::span<const uint32_t> ids);

 private:
  uint32_t* count_;
  uint32_t* slots_;
};

class NodeStore {
 public:
  static constexpr int kMaxLevel = 63;

  // Sized for an index with these options.
  explicit NodeStore(const HnswOptions& options);

  uint32_t dimension() const { return dimension_; }
  size_t vector_bytes() const { return vector_bytes_; }
  uint32_t max_links(int level) const { return level == 0 ? max_links0_ : max_links_; }
  uint32_t capacity() const { return capacity_; }

  // Makes room for `capacity` nodes. REQUIRES: no concurrent access of any kind.
  [[nodiscard]] Status Grow(uint32_t capacity);

  // Writes node `id` with empty link lists and its deleted flag as it is: ids are never reused
  // and the memory starts zeroed, so a fresh node is not deleted unless MarkDeleted raced
  // ahead of this call. The vector stays zero, for the caller to fill through mutable_vector
  // before the node is linked. REQUIRES: id < capacity(), 0 <= level <= kMaxLevel, InitNode was
  // not called for id before.
  void InitNode(uint32_t id, int64_t label, int level);

  // The node's encoded vector, vector_bytes() long.
  const void* vector(uint32_t id) const { return Record(id) + vector_offset_; }
  void* mutable_vector(uint32_t id) { return Record(id) + vector_offset_; }
  // The node's float32 copy, dimension() floats. REQUIRES: the store keeps exact vectors.
  const float* exact_vector(uint32_t id) const {
    return reinterpret_cast<const float*>(exact_.data()) + size_t{id} * dimension_;
  }
  float* mutable_exact_vector(uint32_t id) {
    return reinterpret_cast<float*>(exact_.data()) + size_t{id} * dimension_;
  }
  bool keeps_exact_vectors() const { return exact_vectors_; }
  int64_t label(uint32_t id) const;
  int level(uint32_t id) const { return static_cast<uint8_t>(Record(id)[kLevelOffset]); }
  bool deleted(uint32_t id) const {
    return (DeletedWord(id).load(std::memory_order_acquire) >> (id & 63)) & 1;
  }
  void MarkDeleted(uint32_t id) {
    DeletedWord(id).fetch_or(uint64_t{1} << (id & 63), std::memory_order_release);
  }

  // REQUIRES: level <= level(id).
  LinkList Links(uint32_t id, int level) const {
    if (level == 0) {
      char* record = Record(id);
      return LinkList(reinterpret_cast<uint32_t*>(record + kCountOffset),
                      reinterpret_cast<uint32_t*>(record + kLinksOffset));
    }
    uint32_t* block = upper_links_[id].get() + size_t(level - 1) * (1 + max_links_);
    return LinkList(block, block + 1);
  }

  // Brings a node's level-0 links towards the cache.
  //
  // The prefetch helpers are always inlined, and must stay so: GCC deems a function whose only
  // effect is __builtin_prefetch free of side effects and deletes its calls, so an outlined
  // helper silently prefetches nothing (as PrefetchVector did until 2026-11: tuning the number
  // of lines it requested measured the same because no line was requested at all).
  [[gnu::always_inline]] void PrefetchLinks(uint32_t id) const {
    const char* record = Record(id);
    for (size_t offset = 0; offset < vector_offset_; offset += kCacheLine) {
      __builtin_prefetch(record + offset);
    }
  }

  // Requests a node's whole vector into L2 (prefetcht1), so that the loads of every neighbour an
  // expansion is about to measure are in flight at once. Into L2, not L1: an L1 prefetch holds
  // one of the core's few L1 miss buffers until its line arrives, so a few vectors' worth of
  // them stall the rest; L2 tracks far more. In-process at ef 10 (vexdb_ann_bench, interleaved
  // runs), against no prefetch: synthetic-128 48k -> 80k queries a second, text-384 17k ->
  // 21-27k, fashion-mnist 17-19k -> 19-22k; the same lines into L1 gave 50k, 15-17k, 16-17k.
  [[gnu::always_inline]] void PrefetchVector(uint32_t id) const {
    PrefetchIntoL2(Record(id) + vector_offset_, vector_bytes_);
  }

  // Requests a node's float32 copy into L2, as PrefetchVector does its encoded vector.
  // REQUIRES: the store keeps exact vectors.
  [[gnu::always_inline]] void PrefetchExactVector(uint32_t id) const {
    PrefetchIntoL2(exact_vector(id), dimension_ * sizeof(float));
  }

  void Lock(uint32_t id) const;
  void Unlock(uint32_t id) const;

  // Bytes held for `node_count` nodes: records plus upper-layer link blocks.
  size_t BytesUsed(uint32_t node_count) const;
  size_t record_size() const { return stride_; }

 private:
  static constexpr size_t kCacheLine = 64;
  static constexpr size_t kCountOffset = 0;
  static constexpr size_t kLevelOffset = 4;
  static constexpr size_t kLockOffset = 5;
  static constexpr size_t kLabelOffset = 8;
  static constexpr size_t kLinksOffset = 16;

  char* Record(uint32_t id) const { return records_.data() + size_t{id} * stride_; }
  // Every cache line [data, data + bytes) touches, prefetcht1.
  [[gnu::always_inline]] static void PrefetchIntoL2(const void* data, size_t bytes) {
    const uintptr_t start = reinterpret_cast<uintptr_t>(data);
    for (uintptr_t line = start & ~uintptr_t{kCacheLine - 1}; line < start + bytes;
         line += kCacheLine) {
      __builtin_prefetch(reinterpret_cast<const void*>(line), 0, 2);
    }
  }
  std::atomic_ref<uint64_t> DeletedWord(uint32_t id) const {
    return std::atomic_ref(reinterpret_cast<uint64_t*>(deleted_bits_.data())[id >> 6]);
  }
  size_t UpperBlockWords(int level) const { return size_t(level) * (1 + max_links_); }

  const uint32_t dimension_;
  const size_t vector_bytes_;
  const bool exact_vectors_;
  const uint32_t max_links0_;
  const uint32_t max_links_;
  const size_t vector_offset_;
  const size_t stride_;
  uint32_t capacity_ = 0;
  MappedBuffer records_;
  MappedBuffer exact_;                                    // float32 copies, if kept
  MappedBuffer deleted_bits_;                             // bit id % 64 of uint64 word id / 64
  std::vector<std::unique_ptr<uint32_t[]>> upper_links_;  // empty for level-0-only nodes
  std::atomic<size_t> upper_words_ = 0;                   // total uint32s in upper_links_
};

// Holds a node's lock for a scope.
class NodeLock {
 public:
  NodeLock(const NodeStore& store, uint32_t id) : store_(store), id_(id) { store_.Lock(id_); }
  ~NodeLock() { store_.Unlock(id_); }
  NodeLock(const NodeLock&) = delete;
  NodeLock& operator=(const NodeLock&) = delete;

 private:
  const NodeStore& store_;
  uint32_t id_;
};

}  // namespace vexdb

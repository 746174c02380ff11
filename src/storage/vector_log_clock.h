#pragma once

// VectorLogClock: when transactions that wrote a table's vector log (TableStore) last
// committed, so that a vector search can tell without reading the log that nothing was logged
// after a given snapshot sequence.
//
// A committing transaction announces each table whose log it wrote: BeginCommit before its
// commit and EndCommit after it, with a sequence number at least its commit's. QuietSince(t, s)
// is then true only if no such commit is under way and none ended after s. A reader whose
// snapshot was taken before it asks can trust a true answer for every commit its snapshot sees:
// such a commit began before the question, so it was either still committing (false) or has
// ended and recorded its sequence.
//
// Tables share 64 slots by id; a collision only makes an answer false more often. Thread safe
// and lock free.

#include <array>
#include <atomic>
#include <cstdint>

namespace vexdb {

class VectorLogClock {
 public:
  void BeginCommit(int64_t table_id) { Slot(table_id).committing.fetch_add(1); }

  void EndCommit(int64_t table_id, uint64_t sequence) {
    Entry& entry = Slot(table_id);
    uint64_t last = entry.last.load();
    while (last < sequence && !entry.last.compare_exchange_weak(last, sequence)) {
    }
    entry.committing.fetch_sub(1);
  }

  bool QuietSince(int64_t table_id, uint64_t sequence) const {
    const Entry& entry = Slot(table_id);
    return entry.committing.load() == 0 && entry.last.load() <= sequence;
  }

 private:
  struct alignas(64) Entry {
    std::atomic<int64_t> committing{0};
    std::atomic<uint64_t> last{0};
  };
  static constexpr size_t kSlots = 64;

  Entry& Slot(int64_t table_id) { return slots_[static_cast<uint64_t>(table_id) % kSlots]; }
  const Entry& Slot(int64_t table_id) const {
    return slots_[static_cast<uint64_t>(table_id) % kSlots];
  }

  std::array<Entry, kSlots> slots_;
};

}  // namespace vexdb

#include "vector/node_store.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace vexdb {
namespace {

size_t RoundUp(size_t bytes, size_t unit) { return (bytes + unit - 1) / unit * unit; }

}  // namespace

void LinkList::Append(uint32_t id) {
  const uint32_t n = *count_;
  std::atomic_ref(slots_[n]).store(id, std::memory_order_release);
  std::atomic_ref(*count_).store(n + 1, std::memory_order_release);
}

void LinkList::Assign(std::span<const uint32_t> ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    std::atomic_ref(slots_[i]).store(ids[i], std::memory_order_release);
  }
  std::atomic_ref(*count_).store(static_cast<uint32_t>(ids.size()), std::memory_order_release);
}

NodeStore::NodeStore(const HnswOptions& options)
    : dimension_(options.dimension),
      vector_bytes_(EncodedVectorBytes(StoredEncoding(options), options.dimension)),
      exact_vectors_(KeepsExactVectors(options.encoding)),
      max_links0_(MaxLinks0(options)),
      max_links_(MaxUpperLinks(options)),
      vector_offset_(RoundUp(kLinksOffset + sizeof(uint32_t) * max_links0_, kCacheLine)),
      stride_(RoundUp(vector_offset_ + vector_bytes_, kCacheLine)) {}

Status NodeStore::Grow(uint32_t capacity) {
  if (capacity <= capacity_) return Status::OK();
  VEXDB_RETURN_IF_ERROR(records_.Resize(size_t{capacity} * stride_));
  if (exact_vectors_) {
    VEXDB_RETURN_IF_ERROR(exact_.Resize(size_t{capacity} * dimension_ * sizeof(float)));
  }
  VEXDB_RETURN_IF_ERROR(deleted_bits_.Resize((size_t{capacity} + 63) / 64 * sizeof(uint64_t)));
  upper_links_.resize(capacity);
  capacity_ = capacity;
  return Status::OK();
}

void NodeStore::InitNode(uint32_t id, int64_t label, int level) {
  char* record = Record(id);
  record[kLevelOffset] = static_cast<char>(level);
  std::memcpy(record + kLabelOffset, &label, sizeof(label));
  if (level > 0) {
    const size_t words = UpperBlockWords(level);
    upper_links_[id] = std::make_unique<uint32_t[]>(words);  // zeroed: every count is 0
    upper_words_.fetch_add(words, std::memory_order_relaxed);
  }
}

int64_t NodeStore::label(uint32_t id) const {
  int64_t label;
  std::memcpy(&label, Record(id) + kLabelOffset, sizeof(label));
  return label;
}

// A test-and-set spin lock: link-list updates hold it for a few dozen distance computations,
// far shorter than a futex round trip, and it costs one byte per node instead of a std::mutex's
// forty. It yields the CPU while it waits, so a holder that was preempted gets to run.
void NodeStore::Lock(uint32_t id) const {
  std::atomic_ref<char> lock(Record(id)[kLockOffset]);
  while (lock.exchange(1, std::memory_order_acquire) != 0) {
    while (lock.load(std::memory_order_relaxed) != 0) std::this_thread::yield();
  }
}

void NodeStore::Unlock(uint32_t id) const {
  std::atomic_ref<char>(Record(id)[kLockOffset]).store(0, std::memory_order_release);
}

size_t NodeStore::BytesUsed(uint32_t node_count) const {
  const size_t exact = exact_vectors_ ? size_t{node_count} * dimension_ * sizeof(float) : 0;
  return size_t{node_count} * stride_ + exact + upper_words_.load(std::memory_order_relaxed) * 4 +
         upper_links_.size() * sizeof(upper_links_[0]) + (size_t{node_count} + 7) / 8;
}

}  // namespace vexdb

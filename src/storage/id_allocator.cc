#include "storage/id_allocator.h"

#include <charconv>
#include <limits>

#include "storage/storage_engine.h"

namespace vexdb {

namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

Status Exhausted() { return Status::Error(ErrorCode::kAutoincReadFailed); }

// a + b, saturated at kMaxId (both non-negative).
int64_t SaturatingAdd(int64_t a, int64_t b) { return a > kMaxId - b ? kMaxId : a + b; }

}  // namespace

std::string IdAllocator::MetaKey(std::string_view counter) {
  return "counter/" + std::string(counter);
}

Result<IdAllocator::Range*> IdAllocator::Load(std::string_view counter) {
  auto it = ranges_.find(std::string(counter));
  if (it != ranges_.end()) return &it->second;
  VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> stored, engine_.GetMeta(MetaKey(counter)));
  Range range;
  if (stored) {
    int64_t limit = 0;
    auto [end, ec] = std::from_chars(stored->data(), stored->data() + stored->size(), limit);
    if (ec != std::errc() || end != stored->data() + stored->size() || limit < 1) {
      return Status::Internal(fmt::format("corrupted id counter '{}': '{}'", counter, *stored));
    }
    range.next = range.limit = limit;
  }
  return &ranges_.emplace(std::string(counter), range).first->second;
}

Status IdAllocator::Reserve(std::string_view counter, Range* range, int64_t needed) {
  if (range->next > kMaxId - needed) return Exhausted();
  int64_t limit = SaturatingAdd(range->next + needed, std::max(kBatch, needed / 8));
  VEXDB_RETURN_IF_ERROR(engine_.WriteMeta({{MetaKey(counter), std::to_string(limit)}}));
  range->limit = limit;
  return Status::OK();
}

Result<int64_t> IdAllocator::Allocate(std::string_view counter, int64_t count) {
  if (count < 1) return Status::Internal("AllocateIds: count must be positive");
  std::lock_guard lock(mu_);
  VEXDB_ASSIGN_OR_RETURN(Range * range, Load(counter));
  if (range->next > kMaxId - count) return Exhausted();
  if (range->next + count > range->limit) {
    VEXDB_RETURN_IF_ERROR(Reserve(counter, range, count));
  }
  int64_t first = range->next;
  range->next += count;
  return first;
}

Status IdAllocator::Rebase(std::string_view counter, int64_t value) {
  std::lock_guard lock(mu_);
  VEXDB_ASSIGN_OR_RETURN(Range * range, Load(counter));
  if (value < range->next) return Status::OK();
  if (value == kMaxId) {
    // Nothing can follow; keep next at the maximum so that the next allocation fails.
    range->next = kMaxId;
  } else {
    range->next = value + 1;
  }
  if (range->next > range->limit) {
    VEXDB_RETURN_IF_ERROR(Reserve(counter, range, 0));
  }
  return Status::OK();
}

Result<int64_t> IdAllocator::PeekNext(std::string_view counter) {
  std::lock_guard lock(mu_);
  VEXDB_ASSIGN_OR_RETURN(Range * range, Load(counter));
  return range->next;
}

Status IdAllocator::Drop(std::string_view counter) {
  std::lock_guard lock(mu_);
  VEXDB_RETURN_IF_ERROR(engine_.WriteMeta({{MetaKey(counter), std::nullopt}}));
  ranges_.erase(std::string(counter));
  return Status::OK();
}

}  // namespace vexdb

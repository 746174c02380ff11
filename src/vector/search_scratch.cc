#include "vector/search_scratch.h"

namespace vexdb {

ScratchPool::Lease ScratchPool::Acquire() {
  std::unique_ptr<SearchScratch> scratch;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      scratch = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (scratch == nullptr) scratch = std::make_unique<SearchScratch>();
  return Lease(this, std::move(scratch));
}

void ScratchPool::Release(std::unique_ptr<SearchScratch> scratch) {
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(scratch));
}

}  // namespace vexdb

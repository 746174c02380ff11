#include "vector/visited_set.h"

#include <algorithm>

namespace vexdb {

void VisitedSet::Reset(uint32_t capacity) {
  const size_t words = (size_t{capacity} + 63) / 64;
  if (dirty_.size() * 8 > words_.size()) {
    std::fill(words_.begin(), words_.end(), 0);
  } else {
    for (uint32_t word : dirty_) words_[word] = 0;
  }
  dirty_.clear();
  if (words_.size() < words) words_.resize(words, 0);
}

}  // namespace vexdb

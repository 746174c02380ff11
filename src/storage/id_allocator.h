#pragma once

// IdAllocator: named persistent counters (AUTO_INCREMENT values, hidden row ids, schema ids)
// handed out from batches reserved ahead of use. The meta key of a counter holds the end of its
// reserved range; ids below it may have been handed out. The end is raised (a synced meta
// write) before any id in the new range is returned, so after a crash counting resumes at the
// persisted end and never reuses an id. Internal to src/storage/; thread safe (one mutex).

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace vexdb {

class StorageEngine;

class IdAllocator {
 public:
  static constexpr int64_t kBatch = 1000;

  // Persists through engine's meta column family; engine must outlive the allocator.
  explicit IdAllocator(StorageEngine& engine) : engine_(engine) {}

  Result<int64_t> Allocate(std::string_view counter, int64_t count);
  Status Rebase(std::string_view counter, int64_t value);
  Result<int64_t> PeekNext(std::string_view counter);
  Status Drop(std::string_view counter);

 private:
  struct Range {
    int64_t next = 1;   // next id to hand out
    int64_t limit = 1;  // end of the persisted reservation (exclusive)
  };

  static std::string MetaKey(std::string_view counter);
  Result<Range*> Load(std::string_view counter);  // REQUIRES: mu_ held
  Status Reserve(std::string_view counter, Range* range, int64_t needed);  // REQUIRES: mu_ held

  StorageEngine& engine_;
  std::mutex mu_;
  std::unordered_map<std::string, Range> ranges_;
};

}  // namespace vexdb

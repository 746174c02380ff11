#pragma once

// Server-wide counters reported by COM_STATISTICS (`mysqladmin status`). Thread-safe: the
// counters are atomics, updated by connection threads and the listener.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace vexdb {

struct ServerStats {
  std::chrono::steady_clock::time_point start_time = std::chrono::steady_clock::now();
  std::atomic<uint64_t> questions{0};          // COM_QUERY packets received
  std::atomic<uint32_t> threads_connected{0};  // connections being served
};

}  // namespace vexdb

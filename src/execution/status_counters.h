#pragma once

// Server status counters (SHOW STATUS): rows read from and written to tables, counted where the
// rows are actually read or written, so tests can check that an index lookup reads only the
// matching rows. Names and meanings follow MySQL's Innodb_rows_* counters. vexdb's own Vexdb_*
// counters time statements (parse to last result packet written) and the vector index's graph
// searches, so that bench/ann can tell the fixed SQL cost of a vector query from its search, and
// count the rows a vector index scan took from the graph without reading the table.
// Thread safe.

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vexdb {

struct StatusCounters {
  std::atomic<uint64_t> rows_read{0};
  std::atomic<uint64_t> rows_inserted{0};
  std::atomic<uint64_t> rows_updated{0};
  std::atomic<uint64_t> rows_deleted{0};
  std::atomic<uint64_t> questions{0};
  std::atomic<uint64_t> statement_time_ns{0};
  std::atomic<uint64_t> vector_searches{0};
  std::atomic<uint64_t> vector_search_time_ns{0};
  std::atomic<uint64_t> vector_rows_from_graph{0};  // rows a vector index supplied, unread
  // Vector index scans whose WHERE range held few enough rows to rank them exactly instead.
  std::atomic<uint64_t> vector_exact_ranges{0};
  // Vector index scans whose filtered graph search gave up (the WHERE clause admitted too few
  // of the rows it read) and ranked the qualifying rows of a scan exactly instead.
  std::atomic<uint64_t> vector_filter_fallbacks{0};

  // (name, value) pairs in name order, as SHOW STATUS lists them.
  std::vector<std::pair<std::string, uint64_t>> Snapshot() const {
    return {{"Innodb_rows_deleted", rows_deleted.load()},
            {"Innodb_rows_inserted", rows_inserted.load()},
            {"Innodb_rows_read", rows_read.load()},
            {"Innodb_rows_updated", rows_updated.load()},
            {"Questions", questions.load()},
            {"Vexdb_statement_time_us", statement_time_ns.load() / 1000},
            {"Vexdb_vector_exact_ranges", vector_exact_ranges.load()},
            {"Vexdb_vector_filter_fallbacks", vector_filter_fallbacks.load()},
            {"Vexdb_vector_rows_from_graph", vector_rows_from_graph.load()},
            {"Vexdb_vector_search_time_us", vector_search_time_ns.load() / 1000},
            {"Vexdb_vector_searches", vector_searches.load()}};
  }
};

// Adds to a counter that may be absent (contexts built without a Database).
inline void Count(std::atomic<uint64_t>* counter, uint64_t n = 1) {
  if (counter != nullptr) counter->fetch_add(n, std::memory_order_relaxed);
}

}  // namespace vexdb

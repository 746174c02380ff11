#pragma once

// Checkpoint files of the vector index graphs (docs/vector-index-format.md, "Checkpoint files").
//
// One file per vector index, <dir>/t<table id>_i<index id>.hnsw: a header naming the table and
// index and listing the rows whose SQL distance is NULL (which the graph cannot hold), with its
// own xxHash64, followed by the graph as HnswIndex::Save writes it. A file is written to a
// temporary name, fsynced and renamed over the old one, so a crash leaves either the old
// checkpoint or the new one, never a torn file; a torn or corrupt file fails to read with a
// Status and is rebuilt from the table.
//
// Thread safety: the files of one index must be written and read by one thread at a time (the
// registry's worker); different indexes are independent.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "common/result.h"
#include "vector/hnsw_index.h"

namespace vexdb {

struct GraphCheckpoint {
  std::unique_ptr<HnswIndex> hnsw;
  std::vector<int64_t> null_rows;
};

class VectorCheckpointDir {
 public:
  // An empty path disables checkpoints: Write does nothing and Read finds nothing.
  explicit VectorCheckpointDir(std::filesystem::path dir);

  bool enabled() const { return !dir_.empty(); }

  [[nodiscard]] Status Write(int64_t table_id, int64_t index_id, const HnswIndex& graph,
                             std::span<const int64_t> null_rows) const;
  // nullopt if the index has no checkpoint; an error if its file is unreadable or corrupt.
  Result<std::optional<GraphCheckpoint>> Read(int64_t table_id, int64_t index_id) const;

  // Deletes the files of `table_id` whose index is not in `index_ids` (all of them if empty).
  void RemoveIndexesExcept(int64_t table_id, const std::set<int64_t>& index_ids) const;
  // Deletes the files (also temporary ones) of every table not in `table_ids`.
  void RemoveTablesExcept(const std::set<int64_t>& table_ids) const;

 private:
  std::filesystem::path PathOf(int64_t table_id, int64_t index_id) const;

  const std::filesystem::path dir_;
};

}  // namespace vexdb

#pragma once

// The checkpoint format of an HNSW graph: a header with the build parameters, every node
// (label, flags, link lists, vector) in id order, and an xxHash64 of all of it.
// docs/vector-index-format.md is the specification; this is its only reader and writer.

#include <cstdint>
#include <iosfwd>
#include <memory>

#include "common/result.h"
#include "common/status.h"
#include "vector/hnsw_options.h"
#include "vector/node_store.h"

namespace vexdb {

// Version 3: a cosine float32 graph's vectors are the vectors as added, each followed by its
// inverse norm (versions 1 and 2 kept them normalized). Version 2: a cosine int8 graph's float32
// copies are the vectors as added (version 1 kept them normalized). Older files are read unless
// they hold normalized vectors that a newer version keeps as added, which could not serve
// index-only reads: those are refused, and the index is rebuilt from its table.
inline constexpr uint32_t kHnswFormatVersion = 3;
inline constexpr uint32_t kNoNode = 0xFFFFFFFF;

// A graph as the format carries it.
struct HnswGraph {
  HnswOptions options;
  std::unique_ptr<NodeStore> store;
  uint32_t node_count = 0;
  uint32_t entry = kNoNode;  // the node searches start from; kNoNode iff node_count == 0
};

// Writes nodes [0, node_count) of store. Fails if the stream does.
// REQUIRES: nobody modifies store meanwhile.
[[nodiscard]] Status WriteHnswGraph(const HnswOptions& options, const NodeStore& store,
                                    uint32_t node_count, uint32_t entry, std::ostream& out);

// Reads a graph written by WriteHnswGraph, validating everything a search relies on (ids in
// range, link lists within their capacity, upper-layer links to nodes on that layer) and the
// checksum. Memory grows with the bytes actually read, so a corrupt header cannot make it
// allocate more than the input justifies.
Result<HnswGraph> ReadHnswGraph(std::istream& in);

}  // namespace vexdb

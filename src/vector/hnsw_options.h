#pragma once

// Build and search parameters of an HNSW index, with the defaults vexdb uses.

#include <cstdint>

#include "common/status.h"
#include "vector/vector_encoding.h"

namespace vexdb {

// Serialized in the index format: never renumber.
enum class HnswMetric : uint8_t {
  kL2 = 0,      // Euclidean distance
  // Cosine distance. The graph ranks by 2 (1 - cos), which for unit vectors is their squared
  // L2 distance: bfloat16 and int8 graphs normalize vectors and use the L2 kernels, float32
  // graphs keep vectors as added with their inverse norm (StoredEncoding).
  kCosine = 1,
};

inline constexpr uint32_t kMaxVectorDimension = 16383;  // TiDB's VECTOR(D) limit

struct HnswOptions {
  HnswMetric metric = HnswMetric::kL2;
  uint32_t dimension = 0;  // 1..kMaxVectorDimension; no default
  // Links per node on the upper layers; level 0 allows 2*m. 16 is pgvector's default and the
  // setting the perf anchors measure peers at; more links cost memory and build time.
  uint32_t m = 16;
  // Beam width while inserting. With 200, fashion-mnist reaches recall@10 0.995 at ef_search 40
  // (bench/ann/results), and hnswlib builds about 2x faster than with ann-benchmarks' 500
  // (perf anchors: 2.4k vs 1.1k vectors/s) for a few tenths of a point of recall.
  uint32_t ef_construction = 200;
  // Beam width while searching when the caller does not give one (pgvector's default too); the
  // search uses max(ef_search, k).
  uint32_t ef_search = 40;
  // Seeds the level generator, so one thread inserting the same rows builds the same graph.
  uint64_t seed = 100;
  // How vectors are stored (vector_encoding.h): bfloat16 halves memory and search bandwidth,
  // and makes returned distances approximate.
  VectorEncoding encoding = VectorEncoding::kFloat32;
};

// OK if the options describe a buildable index; an error naming the bad field otherwise.
Status ValidateHnswOptions(const HnswOptions& options);

// How the graph keeps its vectors: options.encoding, except that a cosine graph of float32 keeps
// each vector with its inverse norm (vector_encoding.h).
inline VectorEncoding StoredEncoding(const HnswOptions& options) {
  if (options.metric == HnswMetric::kCosine && options.encoding == VectorEncoding::kFloat32) {
    return VectorEncoding::kFloat32WithInverseNorm;
  }
  return options.encoding;
}

// Whether searches can hand back each match's vector exactly as it was added
// (HnswSearchParams::vectors): every float32 and int8 graph (an int8 graph from the float32
// copies beside its codes); bfloat16 graphs keep no float32 at all.
inline bool KeepsAddedVectors(const HnswOptions& options) {
  return options.encoding != VectorEncoding::kBFloat16;
}

// Link slots per node on layer 0 and on the layers above it.
inline uint32_t MaxLinks0(const HnswOptions& options) { return 2 * options.m; }
inline uint32_t MaxUpperLinks(const HnswOptions& options) { return options.m; }

}  // namespace vexdb

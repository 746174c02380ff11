#include "vector/hnsw_options.h"

namespace vexdb {
namespace {

// Far beyond any useful setting; the bounds keep a careless or corrupt value from sizing
// absurd link lists or beams.
constexpr uint32_t kMaxM = 1024;
constexpr uint32_t kMaxEf = 1 << 20;

Status OutOfRange(const char* field, uint64_t value, uint64_t lo, uint64_t hi) {
  return Status::Internal(
      fmt::format("HNSW option {} = {} is out of range [{}, {}]", field, value, lo, hi));
}

}  // namespace

Status ValidateHnswOptions(const HnswOptions& options) {
  if (options.metric != HnswMetric::kL2 && options.metric != HnswMetric::kCosine) {
    return Status::Internal(
        fmt::format("unknown HNSW metric {}", static_cast<int>(options.metric)));
  }
  if (options.encoding != VectorEncoding::kFloat32 &&
      options.encoding != VectorEncoding::kBFloat16 && options.encoding != VectorEncoding::kInt8) {
    return Status::Internal(
        fmt::format("unknown vector encoding {}", static_cast<int>(options.encoding)));
  }
  if (options.dimension < 1 || options.dimension > kMaxVectorDimension) {
    return OutOfRange("dimension", options.dimension, 1, kMaxVectorDimension);
  }
  if (options.m < 2 || options.m > kMaxM) return OutOfRange("m", options.m, 2, kMaxM);
  if (options.ef_construction < 1 || options.ef_construction > kMaxEf) {
    return OutOfRange("ef_construction", options.ef_construction, 1, kMaxEf);
  }
  if (options.ef_search < 1 || options.ef_search > kMaxEf) {
    return OutOfRange("ef_search", options.ef_search, 1, kMaxEf);
  }
  return Status::OK();
}

}  // namespace vexdb

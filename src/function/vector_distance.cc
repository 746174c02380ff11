// Exact TiDB distances, one pair or a batch of rows against one query vector. See the header for
// the arithmetic contract. The batch kernels interleave kLanes rows: each row keeps its own
// float32 accumulators updated in index order, so results equal the one-pair functions bit for
// bit, while the kLanes independent dependency chains keep the FP units busy.

#include "function/vector_distance.h"

#include <algorithm>
#include <cmath>

namespace vexdb {

namespace {

constexpr size_t kLanes = 8;

double CosineFromSums(float dot, float na, float nb) {
  double similarity =
      static_cast<double>(dot) / std::sqrt(static_cast<double>(na) * static_cast<double>(nb));
  if (std::isnan(similarity)) return similarity;
  return 1 - std::clamp(similarity, -1.0, 1.0);
}

float SquaredNorm(std::span<const float> v) {
  float sum = 0;
  for (float x : v) sum += x * x;
  return sum;
}

// Per-element update of one row's accumulators; Finish turns them into the distance.
struct L2Op {
  static void Step(float a, float b, float* acc, float*) {
    float diff = a - b;
    *acc += diff * diff;
  }
  static double Finish(float acc, float, float) { return std::sqrt(static_cast<double>(acc)); }
};

struct L1Op {
  static void Step(float a, float b, float* acc, float*) { *acc += std::fabs(a - b); }
  static double Finish(float acc, float, float) { return static_cast<double>(acc); }
};

struct InnerProductOp {
  static void Step(float a, float b, float* acc, float*) { *acc += a * b; }
  static double Finish(float acc, float, float) { return -static_cast<double>(acc); }
};

// acc = dot, extra = the row's squared norm; the query's squared norm comes in at Finish.
struct CosineOp {
  static void Step(float a, float b, float* acc, float* extra) {
    *acc += a * b;
    *extra += a * a;
  }
  static double Finish(float acc, float extra, float query_norm) {
    return CosineFromSums(acc, extra, query_norm);
  }
};

template <typename Op>
double PairDistance(std::span<const float> a, std::span<const float> b, float b_norm) {
  float acc = 0, extra = 0;
  for (size_t i = 0; i < a.size(); ++i) Op::Step(a[i], b[i], &acc, &extra);
  return Op::Finish(acc, extra, b_norm);
}

template <typename Op, size_t Lanes>
void LaneBlock(const float* const* rows, std::span<const float> query, float query_norm,
               double* out) {
  float acc[Lanes] = {}, extra[Lanes] = {};
  for (size_t i = 0; i < query.size(); ++i) {
    float q = query[i];
    for (size_t r = 0; r < Lanes; ++r) Op::Step(rows[r][i], q, &acc[r], &extra[r]);
  }
  for (size_t r = 0; r < Lanes; ++r) out[r] = Op::Finish(acc[r], extra[r], query_norm);
}

// The last rows, fewer than kLanes, in one narrower block padded with repeats of the last row:
// one row's sum alone is a chain of dependent adds, several times slower per row than a block.
template <typename Op>
void TailBlock(std::span<const float* const> rows, std::span<const float> query,
               float query_norm, std::span<double> out) {
  constexpr size_t kTailLanes = kLanes / 2;
  for (size_t r = 0; r < rows.size(); r += kTailLanes) {
    const float* block[kTailLanes];
    double distances[kTailLanes];
    for (size_t j = 0; j < kTailLanes; ++j) block[j] = rows[std::min(r + j, rows.size() - 1)];
    LaneBlock<Op, kTailLanes>(block, query, query_norm, distances);
    for (size_t j = 0; j < kTailLanes && r + j < rows.size(); ++j) out[r + j] = distances[j];
  }
}

template <typename Op>
void Batch(std::span<const float* const> rows, std::span<const float> query, float query_norm,
           std::span<double> out) {
  size_t r = 0;
  for (; r + kLanes <= rows.size(); r += kLanes) {
    LaneBlock<Op, kLanes>(rows.data() + r, query, query_norm, out.data() + r);
  }
  if (rows.size() - r == 1) {
    out[r] = PairDistance<Op>(std::span<const float>(rows[r], query.size()), query, query_norm);
  } else if (r < rows.size()) {
    TailBlock<Op>(rows.subspan(r), query, query_norm, out.subspan(r));
  }
}

}  // namespace

std::optional<DistanceFunction> DistanceFunctionOf(std::string_view function_name) {
  if (function_name == "vec_cosine_distance") return DistanceFunction::kCosine;
  if (function_name == "vec_l2_distance") return DistanceFunction::kL2;
  if (function_name == "vec_l1_distance") return DistanceFunction::kL1;
  if (function_name == "vec_negative_inner_product") return DistanceFunction::kNegativeInnerProduct;
  return std::nullopt;
}

double ComputeDistance(DistanceFunction distance, std::span<const float> a,
                       std::span<const float> b) {
  switch (distance) {
    case DistanceFunction::kCosine: return PairDistance<CosineOp>(a, b, SquaredNorm(b));
    case DistanceFunction::kL2: return PairDistance<L2Op>(a, b, 0);
    case DistanceFunction::kL1: return PairDistance<L1Op>(a, b, 0);
    case DistanceFunction::kNegativeInnerProduct: return PairDistance<InnerProductOp>(a, b, 0);
  }
  return std::nan("");
}

void ComputeDistances(DistanceFunction distance, std::span<const float* const> rows,
                      std::span<const float> query, std::span<double> out) {
  switch (distance) {
    case DistanceFunction::kCosine: return Batch<CosineOp>(rows, query, SquaredNorm(query), out);
    case DistanceFunction::kL2: return Batch<L2Op>(rows, query, 0, out);
    case DistanceFunction::kL1: return Batch<L1Op>(rows, query, 0, out);
    case DistanceFunction::kNegativeInnerProduct: return Batch<InnerProductOp>(rows, query, 0, out);
  }
}

}  // namespace vexdb

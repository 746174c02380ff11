// Exact TiDB distances, one pair or a batch of rows against one query vector. See the header for
// the arithmetic contract. The batch kernel steps kLanes rows side by side, one SIMD lane each:
// each row keeps its own float32 accumulators updated in index order, so results equal the
// one-pair functions bit for bit, while the kLanes independent dependency chains share each
// instruction.

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

// The batch kernel works on blocks of kLanes rows: it loads kLanes consecutive elements of each
// row, transposes that square in registers (LoadTransposed) and then steps all the rows' sums
// at once, one element at a time, so that every row's sums keep the one-pair order. GCC's vector
// extensions keep it portable; it is compiled twice, for the baseline instruction set and for
// AVX2, picked at run time (Kernels). Not Highway, as src/vector's kernels are: the transpose
// needs exactly eight lanes, and Highway's vector width is the target's (4 on SSE4, 16 on
// AVX-512).
using Floats = float __attribute__((vector_size(4 * kLanes)));
using HalfFloats = float __attribute__((vector_size(2 * kLanes)));
using UnalignedHalfFloats = float __attribute__((vector_size(2 * kLanes), aligned(4)));
using Ints = int32_t __attribute__((vector_size(4 * kLanes)));

// The vector forms of the ops' steps: lane by lane the same arithmetic as Step, the query's
// element broadcast.
struct VectorStep {
  static void Apply(L2Op, Floats a, float b, Floats* acc, Floats*) {
    const Floats diff = a - b;
    *acc += diff * diff;
  }
  static void Apply(L1Op, Floats a, float b, Floats* acc, Floats*) {
    *acc += reinterpret_cast<Floats>(reinterpret_cast<Ints>(a - b) & 0x7fffffff);
  }
  static void Apply(InnerProductOp, Floats a, float b, Floats* acc, Floats*) { *acc += a * b; }
  static void Apply(CosineOp, Floats a, float b, Floats* acc, Floats* extra) {
    *acc += a * b;
    *extra += a * a;
  }
};

// The kLanes x kLanes square of elements [i, i + kLanes) of the rows, transposed: square[j] holds
// element i + j of every row (lane r: row r). The halves of a square row are loaded from rows r
// and r + 4, so that only in-half shuffles remain: two 4x4 transposes, as unpacks and 64-bit
// shuffles, 2 shuffles a row instead of the 3 of the usual 8x8 transpose.
[[gnu::always_inline]] inline void LoadTransposed(const float* const* rows, size_t i,
                                                  Floats* square) {
  static_assert(kLanes == 8, "the shuffles below are those of 8 lanes");
  for (size_t half = 0; half < 2; ++half) {
    Floats loaded[4], t[4];
    for (size_t k = 0; k < 4; ++k) {
      const HalfFloats low = *reinterpret_cast<const UnalignedHalfFloats*>(rows[k] + i + 4 * half);
      const HalfFloats high =
          *reinterpret_cast<const UnalignedHalfFloats*>(rows[k + 4] + i + 4 * half);
      loaded[k] = __builtin_shufflevector(low, high, 0, 1, 2, 3, 4, 5, 6, 7);
    }
    for (size_t k = 0; k < 4; k += 2) {
      t[k] = __builtin_shufflevector(loaded[k], loaded[k + 1], 0, 8, 1, 9, 4, 12, 5, 13);
      t[k + 1] = __builtin_shufflevector(loaded[k], loaded[k + 1], 2, 10, 3, 11, 6, 14, 7, 15);
    }
    Floats* out = square + 4 * half;
    out[0] = __builtin_shufflevector(t[0], t[2], 0, 1, 8, 9, 4, 5, 12, 13);
    out[1] = __builtin_shufflevector(t[0], t[2], 2, 3, 10, 11, 6, 7, 14, 15);
    out[2] = __builtin_shufflevector(t[1], t[3], 0, 1, 8, 9, 4, 5, 12, 13);
    out[3] = __builtin_shufflevector(t[1], t[3], 2, 3, 10, 11, 6, 7, 14, 15);
  }
}

// The sums of kLanes rows against the query: acc[r] and extra[r] as PairDistance<Op> leaves them
// for rows[r].
template <typename Op>
[[gnu::always_inline]] inline void BlockSums(const float* const* rows, const float* query,
                                             size_t dim, float* acc, float* extra) {
  Floats acc_lanes = {}, extra_lanes = {};
  size_t i = 0;
  for (; i + kLanes <= dim; i += kLanes) {
    Floats square[kLanes];
    LoadTransposed(rows, i, square);
    for (size_t j = 0; j < kLanes; ++j) {
      VectorStep::Apply(Op{}, square[j], query[i + j], &acc_lanes, &extra_lanes);
    }
  }
  for (size_t r = 0; r < kLanes; ++r) {
    acc[r] = acc_lanes[r];
    extra[r] = extra_lanes[r];
    for (size_t e = i; e < dim; ++e) Op::Step(rows[r][e], query[e], &acc[r], &extra[r]);
  }
}

using BlockFunction = void (*)(const float* const*, const float*, size_t, float*, float*);

// The block kernels of one instruction set, one per op.
struct BlockKernels {
  BlockFunction l2, l1, inner_product, cosine;
};

#define VEXDB_BLOCK_SUMS(Name, Op, Target)                                                 \
  Target void Name(const float* const* rows, const float* query, size_t dim, float* acc, \
                   float* extra) {                                                       \
    BlockSums<Op>(rows, query, dim, acc, extra);                                          \
  }
VEXDB_BLOCK_SUMS(L2Portable, L2Op, )
VEXDB_BLOCK_SUMS(L1Portable, L1Op, )
VEXDB_BLOCK_SUMS(InnerProductPortable, InnerProductOp, )
VEXDB_BLOCK_SUMS(CosinePortable, CosineOp, )
constexpr BlockKernels kPortableKernels{L2Portable, L1Portable, InnerProductPortable,
                                        CosinePortable};
#if defined(__x86_64__)
VEXDB_BLOCK_SUMS(L2Avx2, L2Op, [[gnu::target("avx2")]])
VEXDB_BLOCK_SUMS(L1Avx2, L1Op, [[gnu::target("avx2")]])
VEXDB_BLOCK_SUMS(InnerProductAvx2, InnerProductOp, [[gnu::target("avx2")]])
VEXDB_BLOCK_SUMS(CosineAvx2, CosineOp, [[gnu::target("avx2")]])
constexpr BlockKernels kAvx2Kernels{L2Avx2, L1Avx2, InnerProductAvx2, CosineAvx2};
#endif
#undef VEXDB_BLOCK_SUMS

// The kernels `kernel` asks for: AVX2's when the CPU has it (x86-64), else the portable ones.
const BlockKernels& Kernels(DistanceKernel kernel) {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (kernel == DistanceKernel::kBest && avx2) return kAvx2Kernels;
#endif
  return kPortableKernels;
}

// The rows in blocks of kLanes, the last one padded with repeats of its last row. Cosine needs
// the query's squared norm: the query goes in as the first lane, whose `extra` sum is exactly
// SquaredNorm(query), so that it costs no chain of its own.
template <typename Op>
void Batch(BlockFunction block, bool query_lane, std::span<const float* const> rows,
           std::span<const float> query, std::span<double> out) {
  if (rows.empty()) return;
  if (rows.size() == 1 && !query_lane) {  // one chain alone beats a block's shuffles
    out[0] = PairDistance<Op>(std::span<const float>(rows[0], query.size()), query, 0);
    return;
  }
  const size_t lanes = rows.size() + (query_lane ? 1 : 0);
  auto lane_row = [&](size_t lane) { return query_lane ? lane - 1 : lane; };
  float query_norm = 0;
  for (size_t first = 0; first < lanes; first += kLanes) {
    const float* pointers[kLanes];
    for (size_t r = 0; r < kLanes; ++r) {
      const size_t lane = std::min(first + r, lanes - 1);
      pointers[r] = query_lane && lane == 0 ? query.data() : rows[lane_row(lane)];
    }
    float acc[kLanes], extra[kLanes];
    block(pointers, query.data(), query.size(), acc, extra);
    for (size_t r = 0; r < kLanes && first + r < lanes; ++r) {
      const size_t lane = first + r;
      if (query_lane && lane == 0) {
        query_norm = extra[r];
      } else {
        out[lane_row(lane)] = Op::Finish(acc[r], extra[r], query_norm);
      }
    }
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
                      std::span<const float> query, std::span<double> out,
                      DistanceKernel kernel) {
  const BlockKernels& kernels = Kernels(kernel);
  switch (distance) {
    case DistanceFunction::kCosine: return Batch<CosineOp>(kernels.cosine, true, rows, query, out);
    case DistanceFunction::kL2: return Batch<L2Op>(kernels.l2, false, rows, query, out);
    case DistanceFunction::kL1: return Batch<L1Op>(kernels.l1, false, rows, query, out);
    case DistanceFunction::kNegativeInnerProduct:
      return Batch<InnerProductOp>(kernels.inner_product, false, rows, query, out);
  }
}

}  // namespace vexdb

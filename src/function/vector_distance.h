#pragma once

// TiDB's vector distances (tidb-vector-spec.md §2.2), the one implementation behind both the SQL
// functions (one pair at a time) and the executor's batch path (many stored vectors against one
// query vector, as ORDER BY VEC_*_DISTANCE(col, const) LIMIT k needs).
//
// Every result is bit-identical to TiDB's: float32 elements, float32 accumulators summed
// sequentially in index order, float64 only for the final steps, one sqrt of the product of the
// norms for cosine. The batch kernels keep that order for each row and gain speed by running
// several rows' accumulator chains side by side (the sequential sums are latency-bound), never by
// reassociating a row's sum. vector_distance.cc is compiled with -ffp-contract=off.
//
// Thread safety: pure functions.

#include <optional>
#include <span>
#include <string_view>

namespace vexdb {

enum class DistanceFunction { kCosine, kL2, kL1, kNegativeInnerProduct };

// The distance a SQL function computes: "vec_cosine_distance" -> kCosine, ...; nullopt for other
// names (names are lower case, as the function registry has them).
std::optional<DistanceFunction> DistanceFunctionOf(std::string_view function_name);

// The distance between a and b. REQUIRES a.size() == b.size(). NaN stays NaN (SQL makes it NULL).
double ComputeDistance(DistanceFunction distance, std::span<const float> a, std::span<const float> b);

// Which batch kernel ComputeDistances runs: the widest the CPU has (AVX2 on x86-64), or the
// portable one every CPU runs, which tests compare with it.
enum class DistanceKernel { kBest, kPortable };

// out[i] = ComputeDistance(distance, rows[i], query) for every i, exactly. Each rows[i] points at
// query.size() floats. Every distance here is symmetric bit for bit (a - b and b - a differ only
// in sign, products commute), so the SQL argument order does not matter.
void ComputeDistances(DistanceFunction distance, std::span<const float* const> rows,
                      std::span<const float> query, std::span<double> out,
                      DistanceKernel kernel = DistanceKernel::kBest);

}  // namespace vexdb

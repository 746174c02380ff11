#pragma once

// Distance kernels used by the HNSW traversal: the graph's distance from a query to stored
// vectors in one of the VectorEncodings. That distance is the squared Euclidean one, |q - s|²:
//   - float32 and bfloat16 (widened on the fly): the query is float32;
//   - int8: the query is encoded as int8 too, and the kernel takes the integer dot product of
//     the two vectors' codes and corrects it with their headers (vector_encoding.h,
//     Int8Header);
//   - float32 with inverse norm (cosine float32 graphs): 2 - 2 (q.s) inv|q| inv|s| from the
//     dot product and the inverse norms both operands carry, which is |q/|q| - s/|s||², the
//     squared distance of the normalized vectors.
// So L2 indexes rank by it directly and cosine indexes by 2 (1 - cos), and since the query form
// of int8 and of float32 with inverse norm is an encoded vector, the same kernel also serves
// distances between two stored vectors while the graph is built.
//
// Each kernel exists twice: a plain scalar loop (portable, the reference in tests) and a SIMD
// version compiled by Google Highway for every x86 target it knows (SSSE3, SSE4, AVX2,
// AVX-512, and AVX-512 with VNNI, whose int8 kernel multiplies bytes without widening them)
// plus a scalar fallback. BestDistanceKernels() picks the best target the CPU supports,
// once, at run time. The SIMD kernels keep independent accumulators and use fused multiply-add,
// so their results differ from the scalar loop in the last bits; they rank neighbours, they are
// not the SQL-visible distance (execution recomputes that with TiDB's exact arithmetic, see
// DESIGN.md "Vector numerics").
//
// Thread safety: all functions are safe to call from any thread.

#include <cstddef>

#include "vector/vector_encoding.h"

namespace vexdb {

// Returns the graph's distance (above). REQUIRES: query points to the query form of a vector
// (dim floats, or for int8 and float32 with inverse norm an encoded vector), stored to an
// encoded vector of the kernel's encoding; dim may be 0.
using DistanceFn = float (*)(const void* query, const void* stored, size_t dim);
// Writes the distance from query to stored[v] to out[v] for v = 0..3, in one pass: each query
// load serves four vectors, and four independent streams of loads keep more memory requests
// in flight than one distance at a time would.
using DistanceBatch4Fn = void (*)(const void* query, const void* const* stored, size_t dim,
                                  float* out);

// Float32 only: *dot = Σ query_i stored_i and *norm = Σ stored_i², in one pass over stored. A
// cosine graph re-ranks by it from its unnormalized float32 copies: for a unit query,
// |q - s/|s||² = 2 - 2 dot / sqrt(norm).
using DotAndNormFn = void (*)(const float* query, const float* stored, size_t dim, float* dot,
                              float* norm);

struct DistanceKernels {
  DistanceFn distance;
  DistanceBatch4Fn distance_batch4;
  const char* target = nullptr;  // "AVX3", "AVX2", "SSE4", "SCALAR", ..., or "portable"
  DotAndNormFn dot_and_norm = nullptr;  // float32 kernels only
};

// The scalar reference kernels for vectors stored as `encoding`.
DistanceKernels ScalarDistanceKernels(VectorEncoding encoding);

// The Highway kernels for the best target Highway currently reports as supported (tests narrow
// that set with hwy::SetSupportedTargetsForTest to exercise every target).
DistanceKernels ResolveDistanceKernels(VectorEncoding encoding);

// ResolveDistanceKernels(encoding) as it was on first call; what the index uses.
const DistanceKernels& BestDistanceKernels(VectorEncoding encoding);

}  // namespace vexdb

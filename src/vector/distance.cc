#include "vector/distance.h"

// Highway compiles the section between HWY_BEFORE_NAMESPACE and HWY_AFTER_NAMESPACE once per
// SIMD target (foreach_target.h re-includes this file); the rest is compiled once (HWY_ONCE).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "vector/distance.cc"
#include <cstring>

#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace vexdb {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// One vector's worth of stored elements, as floats.
template <class D>
HWY_INLINE auto LoadFloats(D d, const float* HWY_RESTRICT p) {
  return hn::LoadU(d, p);
}
template <class D>
HWY_INLINE auto LoadFloats(D d, const uint16_t* HWY_RESTRICT p) {  // bfloat16
  const hn::RebindToUnsigned<D> du32;
  const hn::Rebind<uint16_t, D> du16;
  return hn::BitCast(d, hn::ShiftLeft<16>(hn::PromoteTo(du32, hn::LoadU(du16, p))));
}

HWY_INLINE float ToFloat(float x) { return x; }
HWY_INLINE float ToFloat(uint16_t x) { return BFloat16ToFloat(x); }

// What a kernel sums per element: the squared difference (L2) or the product (dot), as a SIMD
// multiply-add into an accumulator and as its scalar form for the tail.
struct SquaredDifference {
  template <class V>
  HWY_INLINE V operator()(V query, V stored, V sum) const {
    const V diff = hn::Sub(query, stored);
    return hn::MulAdd(diff, diff, sum);
  }
  HWY_INLINE float operator()(float query, float stored, float sum) const {
    const float diff = query - stored;
    return sum + diff * diff;
  }
};
struct Product {
  template <class V>
  HWY_INLINE V operator()(V query, V stored, V sum) const {
    return hn::MulAdd(query, stored, sum);
  }
  HWY_INLINE float operator()(float query, float stored, float sum) const {
    return sum + query * stored;
  }
};

// Σ op(query_i, stored_i). Steps of four vectors with four accumulators (one accumulator would
// make every multiply-add wait for the previous one), then whole vectors, then a scalar tail,
// so no load reads past the end of either operand.
template <class Op, typename T>
float Accumulate(const float* HWY_RESTRICT query, const T* HWY_RESTRICT stored, size_t dim) {
  const Op op;
  const hn::ScalableTag<float> d;
  const size_t n = hn::Lanes(d);
  auto sum0 = hn::Zero(d);
  auto sum1 = hn::Zero(d);
  auto sum2 = hn::Zero(d);
  auto sum3 = hn::Zero(d);
  size_t i = 0;
  for (; i + 4 * n <= dim; i += 4 * n) {
    sum0 = op(hn::LoadU(d, query + i), LoadFloats(d, stored + i), sum0);
    sum1 = op(hn::LoadU(d, query + i + n), LoadFloats(d, stored + i + n), sum1);
    sum2 = op(hn::LoadU(d, query + i + 2 * n), LoadFloats(d, stored + i + 2 * n), sum2);
    sum3 = op(hn::LoadU(d, query + i + 3 * n), LoadFloats(d, stored + i + 3 * n), sum3);
  }
  for (; i + n <= dim; i += n) sum0 = op(hn::LoadU(d, query + i), LoadFloats(d, stored + i), sum0);
  float sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(hn::Add(sum0, sum1), hn::Add(sum2, sum3))));
  for (; i < dim; ++i) sum = op(query[i], ToFloat(stored[i]), sum);
  return sum;
}

// Two accumulators per sum, for the same reason as in Accumulate.
void DotAndNorm(const float* HWY_RESTRICT query, const float* HWY_RESTRICT stored, size_t dim,
                float* dot, float* norm) {
  const hn::ScalableTag<float> d;
  const size_t n = hn::Lanes(d);
  auto dot0 = hn::Zero(d);
  auto dot1 = hn::Zero(d);
  auto norm0 = hn::Zero(d);
  auto norm1 = hn::Zero(d);
  size_t i = 0;
  for (; i + 2 * n <= dim; i += 2 * n) {
    const auto s0 = hn::LoadU(d, stored + i);
    const auto s1 = hn::LoadU(d, stored + i + n);
    dot0 = hn::MulAdd(hn::LoadU(d, query + i), s0, dot0);
    dot1 = hn::MulAdd(hn::LoadU(d, query + i + n), s1, dot1);
    norm0 = hn::MulAdd(s0, s0, norm0);
    norm1 = hn::MulAdd(s1, s1, norm1);
  }
  for (; i + n <= dim; i += n) {
    const auto s0 = hn::LoadU(d, stored + i);
    dot0 = hn::MulAdd(hn::LoadU(d, query + i), s0, dot0);
    norm0 = hn::MulAdd(s0, s0, norm0);
  }
  float dot_sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(dot0, dot1)));
  float norm_sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(norm0, norm1)));
  for (; i < dim; ++i) {
    dot_sum += query[i] * stored[i];
    norm_sum += stored[i] * stored[i];
  }
  *dot = dot_sum;
  *norm = norm_sum;
}

// Accumulate for four stored vectors at once. Two accumulators per stored vector (even and
// odd steps), so that eight multiply-add chains are in flight: with four, a 784-element
// vector waits on the chains' latency (fashion-mnist float32, in-process: 1-4% more queries a
// second; text-384 within noise).
template <class Op, typename T>
void AccumulateBatch4(const float* HWY_RESTRICT query, const void* const* stored, size_t dim,
                      float* out) {
  const Op op;
  const hn::ScalableTag<float> d;
  const size_t n = hn::Lanes(d);
  const T* HWY_RESTRICT v0 = static_cast<const T*>(stored[0]);
  const T* HWY_RESTRICT v1 = static_cast<const T*>(stored[1]);
  const T* HWY_RESTRICT v2 = static_cast<const T*>(stored[2]);
  const T* HWY_RESTRICT v3 = static_cast<const T*>(stored[3]);
  auto sum0 = hn::Zero(d);
  auto sum1 = hn::Zero(d);
  auto sum2 = hn::Zero(d);
  auto sum3 = hn::Zero(d);
  auto odd0 = hn::Zero(d);
  auto odd1 = hn::Zero(d);
  auto odd2 = hn::Zero(d);
  auto odd3 = hn::Zero(d);
  size_t i = 0;
  for (; i + 2 * n <= dim; i += 2 * n) {
    const auto q = hn::LoadU(d, query + i);
    const auto r = hn::LoadU(d, query + i + n);
    sum0 = op(q, LoadFloats(d, v0 + i), sum0);
    sum1 = op(q, LoadFloats(d, v1 + i), sum1);
    sum2 = op(q, LoadFloats(d, v2 + i), sum2);
    sum3 = op(q, LoadFloats(d, v3 + i), sum3);
    odd0 = op(r, LoadFloats(d, v0 + i + n), odd0);
    odd1 = op(r, LoadFloats(d, v1 + i + n), odd1);
    odd2 = op(r, LoadFloats(d, v2 + i + n), odd2);
    odd3 = op(r, LoadFloats(d, v3 + i + n), odd3);
  }
  sum0 = hn::Add(sum0, odd0);
  sum1 = hn::Add(sum1, odd1);
  sum2 = hn::Add(sum2, odd2);
  sum3 = hn::Add(sum3, odd3);
  for (; i + n <= dim; i += n) {
    const auto q = hn::LoadU(d, query + i);
    sum0 = op(q, LoadFloats(d, v0 + i), sum0);
    sum1 = op(q, LoadFloats(d, v1 + i), sum1);
    sum2 = op(q, LoadFloats(d, v2 + i), sum2);
    sum3 = op(q, LoadFloats(d, v3 + i), sum3);
  }
  out[0] = hn::GetLane(hn::SumOfLanes(d, sum0));
  out[1] = hn::GetLane(hn::SumOfLanes(d, sum1));
  out[2] = hn::GetLane(hn::SumOfLanes(d, sum2));
  out[3] = hn::GetLane(hn::SumOfLanes(d, sum3));
  const T* vectors[4] = {v0, v1, v2, v3};
  for (; i < dim; ++i) {
    for (int v = 0; v < 4; ++v) out[v] = op(query[i], ToFloat(vectors[v][i]), out[v]);
  }
}

// Σ c_i d_i over the codes of one query and kStreams stored int8 vectors (encoded, header
// first), into out[v]. No overflow: each product is at most 255², and dim * 255² < 2^31 for
// dim <= 16383.
//
// Generic targets widen the codes to 16 bits and multiply them in pairs into 32-bit lanes (one
// vpmaddwd on x86; sum1 is the second accumulator some targets' ReorderWidenMulAccumulate
// fills). The stream loop is unrolled so that the accumulators stay in registers, and a tail of
// at least half a vector (784 = 24 * 32 + 16 on AVX-512) takes one half-width pass instead of
// the scalar loop.
template <size_t kStreams, class D16>
HWY_INLINE size_t CodeDotsPass(D16 d16, const uint8_t* HWY_RESTRICT query,
                               const uint8_t* const* codes, size_t begin, size_t dim,
                               int64_t* out) {
  const hn::Rebind<uint8_t, D16> d8;
  const hn::RepartitionToWide<D16> d32;
  const size_t n = hn::Lanes(d16);
  hn::Vec<decltype(d32)> sum0[kStreams];
  hn::Vec<decltype(d32)> sum1[kStreams];
  HWY_UNROLL(4)
  for (size_t v = 0; v < kStreams; ++v) sum0[v] = sum1[v] = hn::Zero(d32);
  size_t i = begin;
  for (; i + n <= dim; i += n) {
    const auto q = hn::PromoteTo(d16, hn::LoadU(d8, query + i));
    HWY_UNROLL(4)
    for (size_t v = 0; v < kStreams; ++v) {
      const auto x = hn::PromoteTo(d16, hn::LoadU(d8, codes[v] + i));
      sum0[v] = hn::ReorderWidenMulAccumulate(d32, q, x, sum0[v], sum1[v]);
    }
  }
  HWY_UNROLL(4)
  for (size_t v = 0; v < kStreams; ++v) {
    out[v] += hn::GetLane(hn::SumOfLanes(d32, hn::Add(sum0[v], sum1[v])));
  }
  return i;
}

#if HWY_TARGET == HWY_AVX3_DL
// AVX-512 VNNI (Ice Lake, Zen 4): vpdpbusd multiplies 64 unsigned by 64 signed bytes and adds
// them in fours into 32-bit lanes, twice the elements of vpmaddwd and no widening. The query's
// codes are made signed by flipping their top bit, c - 128, so Σ c_i d_i = Σ (c_i - 128) d_i +
// 128 Σ d_i, and Σ d_i is the stored header's code_sum. The tail is a masked load (masked bytes
// are not read, so nothing past the vector is touched). |Σ (c_i - 128) d_i| <= 16383 * 128 * 255
// < 2^31. (Highway 1.0's AVX3_DL target string names the VEX avxvnni, not avx512vnni, which its
// CPU detection does require.)
template <size_t kStreams>
__attribute__((target(HWY_TARGET_STR ",avx512vnni"))) void CodeDots(const void* query,
                                                                    const void* const* stored,
                                                                    size_t dim, int64_t* out) {
  const uint8_t* HWY_RESTRICT q = Int8Codes(query);
  const uint8_t* codes[kStreams];
  __m512i sum[kStreams];
  HWY_UNROLL(4)
  for (size_t v = 0; v < kStreams; ++v) {
    codes[v] = Int8Codes(stored[v]);
    sum[v] = _mm512_setzero_si512();
  }
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  size_t i = 0;
  for (; i + 64 <= dim; i += 64) {
    const __m512i signed_query = _mm512_xor_si512(_mm512_loadu_si512(q + i), flip);
    HWY_UNROLL(4)
    for (size_t v = 0; v < kStreams; ++v) {
      sum[v] = _mm512_dpbusd_epi32(sum[v], _mm512_loadu_si512(codes[v] + i), signed_query);
    }
  }
  if (i < dim) {
    const __mmask64 mask = (uint64_t{1} << (dim - i)) - 1;
    // Masked-off query bytes become -128, against stored bytes of 0.
    const __m512i signed_query = _mm512_xor_si512(_mm512_maskz_loadu_epi8(mask, q + i), flip);
    HWY_UNROLL(4)
    for (size_t v = 0; v < kStreams; ++v) {
      sum[v] = _mm512_dpbusd_epi32(sum[v], _mm512_maskz_loadu_epi8(mask, codes[v] + i),
                                   signed_query);
    }
  }
  HWY_UNROLL(4)
  for (size_t v = 0; v < kStreams; ++v) {
    Int8Header header;
    std::memcpy(&header, stored[v], sizeof(header));
    out[v] = int64_t{_mm512_reduce_add_epi32(sum[v])} + 128 * int64_t{header.code_sum};
  }
}
#else
template <size_t kStreams>
void CodeDots(const void* query, const void* const* stored, size_t dim, int64_t* out) {
  const uint8_t* HWY_RESTRICT q = Int8Codes(query);
  const uint8_t* codes[kStreams];
  for (size_t v = 0; v < kStreams; ++v) {
    codes[v] = Int8Codes(stored[v]);
    out[v] = 0;
  }
  const hn::ScalableTag<int16_t> d16;
  size_t i = CodeDotsPass<kStreams>(d16, q, codes, 0, dim, out);
#if HWY_TARGET != HWY_SCALAR
  if (dim - i >= hn::Lanes(d16) / 2) {
    i = CodeDotsPass<kStreams>(hn::Half<decltype(d16)>(), q, codes, i, dim, out);
  }
#endif
  for (; i < dim; ++i) {
    for (size_t v = 0; v < kStreams; ++v) out[v] += int32_t{q[i]} * int32_t{codes[v][i]};
  }
}
#endif

float L2SquaredFloat32(const void* query, const void* stored, size_t dim) {
  return Accumulate<SquaredDifference>(static_cast<const float*>(query),
                                       static_cast<const float*>(stored), dim);
}
float L2SquaredBFloat16(const void* query, const void* stored, size_t dim) {
  return Accumulate<SquaredDifference>(static_cast<const float*>(query),
                                       static_cast<const uint16_t*>(stored), dim);
}
// Both operands carry their inverse norm after their dim elements.
float CosineInverseNorm(const void* query, const void* stored, size_t dim) {
  const float* q = static_cast<const float*>(query);
  const float* s = static_cast<const float*>(stored);
  return InverseNormDistance(Accumulate<Product>(q, s, dim), q[dim], s[dim]);
}
float L2SquaredInt8(const void* query, const void* stored, size_t dim) {
  const void* vectors[1] = {stored};
  int64_t dot;
  CodeDots<1>(query, vectors, dim, &dot);
  return Int8L2Squared(query, stored, dim, dot);
}
void L2SquaredBatch4Float32(const void* query, const void* const* stored, size_t dim, float* out) {
  AccumulateBatch4<SquaredDifference, float>(static_cast<const float*>(query), stored, dim, out);
}
void L2SquaredBatch4BFloat16(const void* query, const void* const* stored, size_t dim,
                             float* out) {
  AccumulateBatch4<SquaredDifference, uint16_t>(static_cast<const float*>(query), stored, dim,
                                                out);
}
void CosineInverseNormBatch4(const void* query, const void* const* stored, size_t dim,
                             float* out) {
  const float* q = static_cast<const float*>(query);
  AccumulateBatch4<Product, float>(q, stored, dim, out);
  for (int v = 0; v < 4; ++v) {
    out[v] = InverseNormDistance(out[v], q[dim], static_cast<const float*>(stored[v])[dim]);
  }
}
void L2SquaredBatch4Int8(const void* query, const void* const* stored, size_t dim, float* out) {
  int64_t dots[4];
  CodeDots<4>(query, stored, dim, dots);
  for (int v = 0; v < 4; ++v) out[v] = Int8L2Squared(query, stored[v], dim, dots[v]);
}

const char* TargetName() { return hwy::TargetName(HWY_TARGET); }

}  // namespace HWY_NAMESPACE
}  // namespace vexdb
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace vexdb {
namespace {

float ElementToFloat(float x) { return x; }
float ElementToFloat(uint16_t x) { return BFloat16ToFloat(x); }

template <typename T>
float ScalarL2Squared(const void* query, const void* stored, size_t dim) {
  const float* values = static_cast<const float*>(query);
  const T* elements = static_cast<const T*>(stored);
  float sum = 0;
  for (size_t i = 0; i < dim; ++i) {
    const float diff = values[i] - ElementToFloat(elements[i]);
    sum += diff * diff;
  }
  return sum;
}

float ScalarL2SquaredInt8(const void* query, const void* stored, size_t dim) {
  const uint8_t* a = Int8Codes(query);
  const uint8_t* b = Int8Codes(stored);
  int64_t dot = 0;
  for (size_t i = 0; i < dim; ++i) dot += int32_t{a[i]} * int32_t{b[i]};
  return Int8L2Squared(query, stored, dim, dot);
}

float ScalarCosineInverseNorm(const void* query, const void* stored, size_t dim) {
  const float* q = static_cast<const float*>(query);
  const float* s = static_cast<const float*>(stored);
  float dot = 0;
  for (size_t i = 0; i < dim; ++i) dot += q[i] * s[i];
  return InverseNormDistance(dot, q[dim], s[dim]);
}

void ScalarDotAndNorm(const float* query, const float* stored, size_t dim, float* dot,
                      float* norm) {
  float dot_sum = 0;
  float norm_sum = 0;
  for (size_t i = 0; i < dim; ++i) {
    dot_sum += query[i] * stored[i];
    norm_sum += stored[i] * stored[i];
  }
  *dot = dot_sum;
  *norm = norm_sum;
}

template <DistanceFn kDistance>
void ScalarBatch4(const void* query, const void* const* stored, size_t dim, float* out) {
  for (int v = 0; v < 4; ++v) out[v] = kDistance(query, stored[v], dim);
}

}  // namespace

HWY_EXPORT(L2SquaredFloat32);
HWY_EXPORT(L2SquaredBFloat16);
HWY_EXPORT(L2SquaredBatch4Float32);
HWY_EXPORT(L2SquaredBatch4BFloat16);
HWY_EXPORT(L2SquaredInt8);
HWY_EXPORT(L2SquaredBatch4Int8);
HWY_EXPORT(CosineInverseNorm);
HWY_EXPORT(CosineInverseNormBatch4);
HWY_EXPORT(DotAndNorm);
HWY_EXPORT(TargetName);

DistanceKernels ScalarDistanceKernels(VectorEncoding encoding) {
  switch (encoding) {
    case VectorEncoding::kFloat32:
      return {ScalarL2Squared<float>, ScalarBatch4<ScalarL2Squared<float>>, "portable",
              ScalarDotAndNorm};
    case VectorEncoding::kBFloat16:
      return {ScalarL2Squared<uint16_t>, ScalarBatch4<ScalarL2Squared<uint16_t>>, "portable"};
    case VectorEncoding::kFloat32WithInverseNorm:
      return {ScalarCosineInverseNorm, ScalarBatch4<ScalarCosineInverseNorm>, "portable"};
    case VectorEncoding::kInt8:
      break;
  }
  return {ScalarL2SquaredInt8, ScalarBatch4<ScalarL2SquaredInt8>, "portable"};
}

// Entry 0 of a Highway dispatch table is a trampoline that picks the target on every call;
// updating the chosen target first makes GetIndex() name the target's own entry, which can be
// kept as a plain function pointer.
DistanceKernels ResolveDistanceKernels(VectorEncoding encoding) {
  hwy::GetChosenTarget().Update(hwy::SupportedTargets());
  const size_t index = hwy::GetChosenTarget().GetIndex();
  const char* target = HWY_DISPATCH_TABLE(TargetName)[index]();
  switch (encoding) {
    case VectorEncoding::kFloat32:
      return {HWY_DISPATCH_TABLE(L2SquaredFloat32)[index],
              HWY_DISPATCH_TABLE(L2SquaredBatch4Float32)[index], target,
              HWY_DISPATCH_TABLE(DotAndNorm)[index]};
    case VectorEncoding::kBFloat16:
      return {HWY_DISPATCH_TABLE(L2SquaredBFloat16)[index],
              HWY_DISPATCH_TABLE(L2SquaredBatch4BFloat16)[index], target};
    case VectorEncoding::kFloat32WithInverseNorm:
      return {HWY_DISPATCH_TABLE(CosineInverseNorm)[index],
              HWY_DISPATCH_TABLE(CosineInverseNormBatch4)[index], target};
    case VectorEncoding::kInt8:
      break;
  }
  return {HWY_DISPATCH_TABLE(L2SquaredInt8)[index], HWY_DISPATCH_TABLE(L2SquaredBatch4Int8)[index],
          target};
}

const DistanceKernels& BestDistanceKernels(VectorEncoding encoding) {
  static const DistanceKernels float32 = ResolveDistanceKernels(VectorEncoding::kFloat32);
  static const DistanceKernels bfloat16 = ResolveDistanceKernels(VectorEncoding::kBFloat16);
  static const DistanceKernels int8 = ResolveDistanceKernels(VectorEncoding::kInt8);
  static const DistanceKernels inverse_norm =
      ResolveDistanceKernels(VectorEncoding::kFloat32WithInverseNorm);
  switch (encoding) {
    case VectorEncoding::kFloat32:
      return float32;
    case VectorEncoding::kBFloat16:
      return bfloat16;
    case VectorEncoding::kFloat32WithInverseNorm:
      return inverse_norm;
    case VectorEncoding::kInt8:
      break;
  }
  return int8;
}

}  // namespace vexdb
#endif  // HWY_ONCE

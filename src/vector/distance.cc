#include "vector/distance.h"

// Highway compiles the section between HWY_BEFORE_NAMESPACE and HWY_AFTER_NAMESPACE once per
// SIMD target (foreach_target.h re-includes this file); the rest is compiled once (HWY_ONCE).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "vector/distance.cc"
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

// Steps of four vectors with four accumulators (one accumulator would make every multiply-add
// wait for the previous one), then whole vectors, then a scalar tail, so no load reads past the
// end of either operand.
template <typename T>
float L2Squared(const float* HWY_RESTRICT query, const T* HWY_RESTRICT stored, size_t dim) {
  const hn::ScalableTag<float> d;
  const size_t n = hn::Lanes(d);
  auto sum0 = hn::Zero(d);
  auto sum1 = hn::Zero(d);
  auto sum2 = hn::Zero(d);
  auto sum3 = hn::Zero(d);
  size_t i = 0;
  for (; i + 4 * n <= dim; i += 4 * n) {
    const auto diff0 = hn::Sub(hn::LoadU(d, query + i), LoadFloats(d, stored + i));
    const auto diff1 = hn::Sub(hn::LoadU(d, query + i + n), LoadFloats(d, stored + i + n));
    const auto diff2 = hn::Sub(hn::LoadU(d, query + i + 2 * n), LoadFloats(d, stored + i + 2 * n));
    const auto diff3 = hn::Sub(hn::LoadU(d, query + i + 3 * n), LoadFloats(d, stored + i + 3 * n));
    sum0 = hn::MulAdd(diff0, diff0, sum0);
    sum1 = hn::MulAdd(diff1, diff1, sum1);
    sum2 = hn::MulAdd(diff2, diff2, sum2);
    sum3 = hn::MulAdd(diff3, diff3, sum3);
  }
  for (; i + n <= dim; i += n) {
    const auto diff = hn::Sub(hn::LoadU(d, query + i), LoadFloats(d, stored + i));
    sum0 = hn::MulAdd(diff, diff, sum0);
  }
  float sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(hn::Add(sum0, sum1), hn::Add(sum2, sum3))));
  for (; i < dim; ++i) {
    const float diff = query[i] - ToFloat(stored[i]);
    sum += diff * diff;
  }
  return sum;
}

// One accumulator per stored vector: with four vectors there are still four independent chains.
template <typename T>
void L2SquaredBatch4(const float* HWY_RESTRICT query, const void* const* stored, size_t dim,
                     float* out) {
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
  size_t i = 0;
  for (; i + n <= dim; i += n) {
    const auto q = hn::LoadU(d, query + i);
    const auto diff0 = hn::Sub(q, LoadFloats(d, v0 + i));
    const auto diff1 = hn::Sub(q, LoadFloats(d, v1 + i));
    const auto diff2 = hn::Sub(q, LoadFloats(d, v2 + i));
    const auto diff3 = hn::Sub(q, LoadFloats(d, v3 + i));
    sum0 = hn::MulAdd(diff0, diff0, sum0);
    sum1 = hn::MulAdd(diff1, diff1, sum1);
    sum2 = hn::MulAdd(diff2, diff2, sum2);
    sum3 = hn::MulAdd(diff3, diff3, sum3);
  }
  out[0] = hn::GetLane(hn::SumOfLanes(d, sum0));
  out[1] = hn::GetLane(hn::SumOfLanes(d, sum1));
  out[2] = hn::GetLane(hn::SumOfLanes(d, sum2));
  out[3] = hn::GetLane(hn::SumOfLanes(d, sum3));
  const T* vectors[4] = {v0, v1, v2, v3};
  for (; i < dim; ++i) {
    for (int v = 0; v < 4; ++v) {
      const float diff = query[i] - ToFloat(vectors[v][i]);
      out[v] += diff * diff;
    }
  }
}

float L2SquaredFloat32(const float* query, const void* stored, size_t dim) {
  return L2Squared(query, static_cast<const float*>(stored), dim);
}
float L2SquaredBFloat16(const float* query, const void* stored, size_t dim) {
  return L2Squared(query, static_cast<const uint16_t*>(stored), dim);
}
void L2SquaredBatch4Float32(const float* query, const void* const* stored, size_t dim, float* out) {
  L2SquaredBatch4<float>(query, stored, dim, out);
}
void L2SquaredBatch4BFloat16(const float* query, const void* const* stored, size_t dim,
                             float* out) {
  L2SquaredBatch4<uint16_t>(query, stored, dim, out);
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
float ScalarL2Squared(const float* query, const void* stored, size_t dim) {
  const T* elements = static_cast<const T*>(stored);
  float sum = 0;
  for (size_t i = 0; i < dim; ++i) {
    const float diff = query[i] - ElementToFloat(elements[i]);
    sum += diff * diff;
  }
  return sum;
}

template <typename T>
void ScalarL2SquaredBatch4(const float* query, const void* const* stored, size_t dim, float* out) {
  for (int v = 0; v < 4; ++v) out[v] = ScalarL2Squared<T>(query, stored[v], dim);
}

}  // namespace

HWY_EXPORT(L2SquaredFloat32);
HWY_EXPORT(L2SquaredBFloat16);
HWY_EXPORT(L2SquaredBatch4Float32);
HWY_EXPORT(L2SquaredBatch4BFloat16);
HWY_EXPORT(TargetName);

DistanceKernels ScalarDistanceKernels(VectorEncoding encoding) {
  if (encoding == VectorEncoding::kFloat32) {
    return {ScalarL2Squared<float>, ScalarL2SquaredBatch4<float>, "portable"};
  }
  return {ScalarL2Squared<uint16_t>, ScalarL2SquaredBatch4<uint16_t>, "portable"};
}

// Entry 0 of a Highway dispatch table is a trampoline that picks the target on every call;
// updating the chosen target first makes GetIndex() name the target's own entry, which can be
// kept as a plain function pointer.
DistanceKernels ResolveDistanceKernels(VectorEncoding encoding) {
  hwy::GetChosenTarget().Update(hwy::SupportedTargets());
  const size_t index = hwy::GetChosenTarget().GetIndex();
  const char* target = HWY_DISPATCH_TABLE(TargetName)[index]();
  if (encoding == VectorEncoding::kFloat32) {
    return {HWY_DISPATCH_TABLE(L2SquaredFloat32)[index],
            HWY_DISPATCH_TABLE(L2SquaredBatch4Float32)[index], target};
  }
  return {HWY_DISPATCH_TABLE(L2SquaredBFloat16)[index],
          HWY_DISPATCH_TABLE(L2SquaredBatch4BFloat16)[index], target};
}

const DistanceKernels& BestDistanceKernels(VectorEncoding encoding) {
  static const DistanceKernels float32 = ResolveDistanceKernels(VectorEncoding::kFloat32);
  static const DistanceKernels bfloat16 = ResolveDistanceKernels(VectorEncoding::kBFloat16);
  return encoding == VectorEncoding::kFloat32 ? float32 : bfloat16;
}

}  // namespace vexdb
#endif  // HWY_ONCE

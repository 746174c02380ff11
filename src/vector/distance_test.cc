#include "vector/distance.h"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

namespace vexdb {
namespace {

constexpr VectorEncoding kEncodings[] = {VectorEncoding::kFloat32, VectorEncoding::kBFloat16,
                                         VectorEncoding::kInt8,
                                         VectorEncoding::kFloat32WithInverseNorm};

std::vector<float> RandomVector(size_t dim, std::mt19937* rng) {
  std::uniform_real_distribution<float> uniform(-2.0f, 2.0f);
  std::vector<float> v(dim);
  for (float& x : v) x = uniform(*rng);
  return v;
}

// A stored vector: its encoded bytes and the exact values they stand for.
struct Stored {
  std::vector<char> bytes;
  std::vector<float> values;
};

Stored Store(VectorEncoding encoding, const std::vector<float>& vector) {
  Stored stored;
  stored.bytes.resize(EncodedVectorBytes(encoding, vector.size()));
  EncodeVector(encoding, vector.data(), vector.size(), stored.bytes.data());
  stored.values.resize(vector.size());
  DecodeVector(encoding, stored.bytes.data(), vector.size(), stored.values.data());
  return stored;
}

// A query in the form the kernels of `encoding` take: float32 as given, except for int8 and
// float32 with inverse norm, which encode it like a stored vector (bytes) that stands for its
// decoded values.
Stored Query(VectorEncoding encoding, const std::vector<float>& vector) {
  if (encoding == VectorEncoding::kInt8 || encoding == VectorEncoding::kFloat32WithInverseNorm) {
    return Store(encoding, vector);
  }
  Stored query;
  query.bytes.resize(vector.size() * sizeof(float));
  std::memcpy(query.bytes.data(), vector.data(), query.bytes.size());
  query.values = vector;
  return query;
}

double ExactL2Squared(const float* a, const float* b, size_t dim) {
  double sum = 0;
  for (size_t i = 0; i < dim; ++i) {
    const double diff = double{a[i]} - double{b[i]};
    sum += diff * diff;
  }
  return sum;
}

// What the kernels of `encoding` compute, in double, and how far float32 arithmetic may stray
// from it: squared L2, or for float32 with inverse norm the squared distance of the normalized
// vectors (2 for a zero vector), whose error scales with Σ |a_i b_i| / (|a| |b|), not with the
// result.
struct Expected {
  double distance;
  double tolerance;
};
Expected ExactDistance(VectorEncoding encoding, const float* a, const float* b, size_t dim) {
  if (encoding != VectorEncoding::kFloat32WithInverseNorm) {
    const double exact = ExactL2Squared(a, b, dim);
    return {exact, 2e-5 * exact + 1e-6};
  }
  double dot = 0, norm_a = 0, norm_b = 0, magnitude = 0;
  for (size_t i = 0; i < dim; ++i) {
    dot += double{a[i]} * b[i];
    norm_a += double{a[i]} * a[i];
    norm_b += double{b[i]} * b[i];
    magnitude += std::fabs(double{a[i]} * b[i]);
  }
  if (norm_a == 0 || norm_b == 0) return {2, 0};
  const double scale = 1 / std::sqrt(norm_a * norm_b);
  return {2 - 2 * dot * scale, 4e-5 * magnitude * scale + 1e-6};
}

// Checks both kernels of one encoding on odd sizes, from exactly sized buffers (so a kernel that
// reads past the end trips ASan) and from pointers that are not vector-aligned.
void ExpectMatchesExact(VectorEncoding encoding, const DistanceKernels& kernels) {
  std::mt19937 rng(7);
  for (size_t dim : {0, 1, 3, 15, 16, 17, 63, 65, 784, 16383}) {
    SCOPED_TRACE(testing::Message()
                 << kernels.target << " encoding=" << static_cast<int>(encoding) << " dim=" << dim);
    const Stored query = Query(encoding, RandomVector(dim, &rng));
    std::vector<Stored> stored;
    const void* pointers[4];
    for (int v = 0; v < 4; ++v) {
      stored.push_back(Store(encoding, RandomVector(dim, &rng)));
    }
    for (int v = 0; v < 4; ++v) pointers[v] = stored[v].bytes.data();
    float batch[4];
    kernels.distance_batch4(query.bytes.data(), pointers, dim, batch);
    for (int v = 0; v < 4; ++v) {
      const Expected exact =
          ExactDistance(encoding, query.values.data(), stored[v].values.data(), dim);
      EXPECT_NEAR(kernels.distance(query.bytes.data(), pointers[v], dim), exact.distance,
                  exact.tolerance);
      EXPECT_NEAR(batch[v], exact.distance, exact.tolerance);
    }
    ASSERT_EQ(kernels.dot_and_norm != nullptr, encoding == VectorEncoding::kFloat32);
    if (kernels.dot_and_norm == nullptr) continue;
    const float* a = query.values.data();
    const float* b = stored[0].values.data();
    double exact_dot = 0, exact_norm = 0, magnitude = 0;
    for (size_t i = 0; i < dim; ++i) {
      exact_dot += double{a[i]} * b[i];
      exact_norm += double{b[i]} * b[i];
      magnitude += std::fabs(double{a[i]} * b[i]);
    }
    float dot = -1, norm = -1;
    kernels.dot_and_norm(a, b, dim, &dot, &norm);
    EXPECT_NEAR(dot, exact_dot, 2e-5 * magnitude + 1e-6);
    EXPECT_NEAR(norm, exact_norm, 2e-5 * exact_norm + 1e-6);
  }
}

TEST(DistanceTest, ScalarMatchesExact) {
  for (VectorEncoding encoding : kEncodings) {
    ExpectMatchesExact(encoding, ScalarDistanceKernels(encoding));
  }
}

TEST(DistanceTest, EverySimdTargetMatchesExact) {
  for (int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    for (VectorEncoding encoding : kEncodings) {
      const DistanceKernels kernels = ResolveDistanceKernels(encoding);
      EXPECT_STREQ(kernels.target, hwy::TargetName(target));
      ExpectMatchesExact(encoding, kernels);
    }
  }
  hwy::SetSupportedTargetsForTest(0);
}

TEST(DistanceTest, SimdAgreesWithScalar) {
  std::mt19937 rng(11);
  for (VectorEncoding encoding : kEncodings) {
    const DistanceKernels simd = BestDistanceKernels(encoding);
    const DistanceKernels scalar = ScalarDistanceKernels(encoding);
    for (size_t dim : {1, 3, 17, 784, 16383}) {
      const Stored query = Query(encoding, RandomVector(dim, &rng));
      const Stored stored = Store(encoding, RandomVector(dim, &rng));
      const float expected = scalar.distance(query.bytes.data(), stored.bytes.data(), dim);
      EXPECT_NEAR(simd.distance(query.bytes.data(), stored.bytes.data(), dim), expected,
                  1e-5 * expected)
          << dim;
    }
  }
}

TEST(DistanceTest, IdenticalVectorsAreAtZero) {
  std::mt19937 rng(3);
  const std::vector<float> a = RandomVector(784, &rng);
  EXPECT_EQ(BestDistanceKernels(VectorEncoding::kFloat32).distance(a.data(), a.data(), a.size()),
            0.0f);
}

// The cosine graph's float32 kernels: a vector is at about 0 from itself and from its multiples
// (the dot product rounds, so not exactly), at 4 from its negation, and a zero vector, which
// has no direction, at 2 from everything.
TEST(DistanceTest, InverseNormDistanceIgnoresLength) {
  std::mt19937 rng(19);
  const std::vector<float> a = RandomVector(384, &rng);
  std::vector<float> longer = a;
  std::vector<float> negated = a;
  for (float& x : longer) x *= 3;
  for (float& x : negated) x = -x;
  const VectorEncoding encoding = VectorEncoding::kFloat32WithInverseNorm;
  for (const DistanceKernels& kernels :
       {BestDistanceKernels(encoding), ScalarDistanceKernels(encoding)}) {
    SCOPED_TRACE(kernels.target);
    const Stored query = Store(encoding, a);
    const auto distance = [&](const std::vector<float>& vector) {
      return kernels.distance(query.bytes.data(), Store(encoding, vector).bytes.data(), a.size());
    };
    EXPECT_NEAR(distance(a), 0, 1e-6);
    EXPECT_NEAR(distance(longer), 0, 1e-6);
    EXPECT_NEAR(distance(negated), 4, 1e-5);
    EXPECT_EQ(distance(std::vector<float>(a.size(), 0.0f)), 2.0f);
  }
  // The stored form keeps the vector exactly as given.
  EXPECT_EQ(Store(encoding, a).values, a);
}

TEST(DistanceTest, Int8DistanceOfAVectorToItselfIsZero) {
  std::mt19937 rng(13);
  const Stored a = Store(VectorEncoding::kInt8, RandomVector(784, &rng));
  EXPECT_EQ(BestDistanceKernels(VectorEncoding::kInt8)
                .distance(a.bytes.data(), a.bytes.data(), a.values.size()),
            0.0f);
}

// 8-bit pixels, the fashion-mnist case: a vector spanning 0..255 has step 1 and is exact.
TEST(VectorEncodingTest, Int8IsExactForBytesSpanningTheirRange) {
  std::vector<float> pixels(300);
  for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = float((i * 37) % 256);
  pixels[0] = 0;
  pixels[1] = 255;
  const Stored stored = Store(VectorEncoding::kInt8, pixels);
  EXPECT_EQ(stored.values, pixels);
}

// Each element is within half a step of its code's value; a constant vector is exact.
TEST(VectorEncodingTest, Int8ErrorIsAtMostHalfAStep) {
  std::mt19937 rng(17);
  for (size_t dim : {1, 2, 17, 784}) {
    const std::vector<float> vector = RandomVector(dim, &rng);
    const Stored stored = Store(VectorEncoding::kInt8, vector);
    Int8Header header;
    std::memcpy(&header, stored.bytes.data(), sizeof(header));
    const auto [low, high] = std::minmax_element(vector.begin(), vector.end());
    EXPECT_EQ(header.offset, *low);
    for (size_t i = 0; i < dim; ++i) {
      EXPECT_NEAR(stored.values[i], vector[i], (*high - *low) / 255 / 2 * 1.001 + 1e-6) << i;
    }
  }
  const std::vector<float> constant(64, -3.25f);
  EXPECT_EQ(Store(VectorEncoding::kInt8, constant).values, constant);
  // Extremes whose range overflows float still encode to finite values.
  const std::vector<float> extremes = {-3e38f, 0.0f, 3e38f};
  for (float value : Store(VectorEncoding::kInt8, extremes).values) {
    EXPECT_TRUE(std::isfinite(value));
  }
}

TEST(VectorEncodingTest, BFloat16RoundsToNearestEven) {
  EXPECT_EQ(FloatToBFloat16(1.0f), 0x3F80);
  EXPECT_EQ(BFloat16ToFloat(FloatToBFloat16(255.0f)), 255.0f);  // 8-bit integers are exact
  EXPECT_EQ(BFloat16ToFloat(FloatToBFloat16(-3.5f)), -3.5f);
  // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7: ties go to the even mantissa, 1.
  EXPECT_EQ(BFloat16ToFloat(FloatToBFloat16(1.0f + 1.0f / 256)), 1.0f);
  EXPECT_EQ(BFloat16ToFloat(FloatToBFloat16(1.0f + 3.0f / 256)), 1.0f + 4.0f / 256);
  std::mt19937 rng(5);
  for (float x : RandomVector(1000, &rng)) {
    EXPECT_NEAR(BFloat16ToFloat(FloatToBFloat16(x)), x, std::abs(x) / 256);
  }
}

}  // namespace
}  // namespace vexdb

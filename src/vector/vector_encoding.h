#pragma once

// How an HNSW index stores its vectors.
//
// float32 keeps them as given. bfloat16 keeps the top 16 bits of each float32 (8 exponent bits,
// 7 mantissa bits, rounded to nearest even): half the memory, and half the bytes a search reads
// from DRAM, for a relative error below 2^-8 per element. The traversal then ranks by distances
// from the float32 query to the bfloat16 vectors, which are approximate, so callers that need an
// exact order re-rank the candidates with the rows' real vectors (execution recomputes every
// distance anyway). Integers up to 256 in magnitude, like 8-bit pixels, are exact in bfloat16.
//
// int8 is scalar quantization to one byte per element: each vector keeps its own range, an
// offset (its smallest element) and a step ((largest - smallest) / 255), and element i becomes
// the code round((x_i - offset) / step) in 0..255, an error of at most step / 2. No training
// pass is needed, so rows can be added one at a time. A query is encoded the same way, and the
// distance between two encoded vectors needs only the integer dot product of their codes (see
// Int8Header), a quarter of float32's bytes and a fraction of its arithmetic. The graph ranks by
// these approximate distances; the index also keeps each vector as float32, apart from the
// graph, to re-rank its final candidates exactly, so int8 buys search speed, not memory.
//
// float32 with inverse norm is how a cosine graph keeps float32 vectors: each vector as added,
// followed by one more float, the inverse of its norm (0 for a zero vector). The cosine
// distance then needs only the dot product, 1 - (q.s) * inv|q| * inv|s|, and the graph still
// holds the vectors exactly as added, so it can answer a query without reading the rows. It is
// not a user's choice: HnswOptions::encoding says float32, and StoredEncoding (hnsw_options.h)
// picks this form for a cosine graph.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace vexdb {

// Serialized in the index format: never renumber.
enum class VectorEncoding : uint8_t {
  kFloat32 = 0,
  kBFloat16 = 1,
  kInt8 = 2,
  kFloat32WithInverseNorm = 3,  // never in HnswOptions nor in a file header
};

// What precedes an int8 vector's dimension codes. The vector stands for
// x_i = offset + step * code_i; code_sum and code_square_sum (Σ code_i, Σ code_i²) let the
// distance between two encoded vectors q = (a, α, c) and x = (b, β, d) come from their codes'
// dot product P = Σ c_i d_i alone:
//   Σ (q_i - x_i)² = D δ² + 2 δ (α Σc - β Σd) + α² Σc² + β² Σd² - 2 α β P,   δ = a - b.
// Both sums fit in uint32 for any dimension up to kMaxVectorDimension (16383 * 255²).
struct Int8Header {
  float offset;
  float step;
  uint32_t code_sum;
  uint32_t code_square_sum;
};
static_assert(sizeof(Int8Header) == 16);

// Bytes of one encoded vector of dim elements.
inline size_t EncodedVectorBytes(VectorEncoding encoding, size_t dim) {
  switch (encoding) {
    case VectorEncoding::kFloat32:
      return dim * sizeof(float);
    case VectorEncoding::kBFloat16:
      return dim * sizeof(uint16_t);
    case VectorEncoding::kFloat32WithInverseNorm:
      return (dim + 1) * sizeof(float);
    case VectorEncoding::kInt8:
      break;
  }
  return sizeof(Int8Header) + dim;
}

// An int8 vector's codes.
inline const uint8_t* Int8Codes(const void* encoded) {
  return static_cast<const uint8_t*>(encoded) + sizeof(Int8Header);
}

// The squared distance between two int8 vectors of dim elements, given their codes' dot
// product (Int8Header's formula, in double: the terms are large and nearly cancel for near
// neighbours). Never negative.
inline float Int8L2Squared(const void* query, const void* stored, size_t dim, int64_t dot) {
  Int8Header q;
  Int8Header x;
  std::memcpy(&q, query, sizeof(q));
  std::memcpy(&x, stored, sizeof(x));
  const double delta = double{q.offset} - double{x.offset};
  const double alpha = q.step;
  const double beta = x.step;
  const double sum = double(dim) * delta * delta +
                     2 * delta * (alpha * q.code_sum - beta * x.code_sum) +
                     alpha * alpha * q.code_square_sum + beta * beta * x.code_square_sum -
                     2 * alpha * beta * double(dot);
  return sum > 0 ? static_cast<float>(sum) : 0.0f;
}

// The distance of two float32 vectors with inverse norm, 2 - 2 (q.s) inv|q| inv|s|, given
// their dot product: |q/|q| - s/|s||², or 2 for a zero vector, which has no direction (as if
// orthogonal). Never negative.
inline float InverseNormDistance(float dot, float query_inverse_norm, float stored_inverse_norm) {
  const float distance = 2 - 2 * (dot * query_inverse_norm) * stored_inverse_norm;
  return distance > 0 ? distance : 0.0f;
}

// Whether the graph's distances stand in for exact ones, so the index keeps a float32 copy of
// each vector to re-rank its final candidates (int8 only: bfloat16 is close enough for callers
// to re-rank themselves).
inline bool KeepsExactVectors(VectorEncoding encoding) {
  return encoding == VectorEncoding::kInt8;
}

// Rounds to nearest, ties to even. REQUIRES: value is finite (NaN would need care; vectors
// never hold NaN).
inline uint16_t FloatToBFloat16(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  bits += 0x7FFF + ((bits >> 16) & 1);
  return static_cast<uint16_t>(bits >> 16);
}

inline float BFloat16ToFloat(uint16_t value) {
  const uint32_t bits = uint32_t{value} << 16;
  float result;
  std::memcpy(&result, &bits, sizeof(result));
  return result;
}

// Writes the encoded vector, EncodedVectorBytes(encoding, dim) bytes, to out. REQUIRES: every
// element is finite.
void EncodeVector(VectorEncoding encoding, const float* vector, size_t dim, void* out);
// Reads dim elements of `encoding` into out (for int8, offset + step * code, in float; for
// float32 with inverse norm, the elements without the norm).
void DecodeVector(VectorEncoding encoding, const void* encoded, size_t dim, float* out);

}  // namespace vexdb

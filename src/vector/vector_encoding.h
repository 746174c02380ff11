#pragma once

// How an HNSW index stores its vectors.
//
// float32 keeps them as given. bfloat16 keeps the top 16 bits of each float32 (8 exponent bits,
// 7 mantissa bits, rounded to nearest even): half the memory, and half the bytes a search reads
// from DRAM, for a relative error below 2^-8 per element. The traversal then ranks by distances
// from the float32 query to the bfloat16 vectors, which are approximate, so callers that need an
// exact order re-rank the candidates with the rows' real vectors (execution recomputes every
// distance anyway). Integers up to 256 in magnitude, like 8-bit pixels, are exact in bfloat16.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace vexdb {

// Serialized in the index format: never renumber.
enum class VectorEncoding : uint8_t {
  kFloat32 = 0,
  kBFloat16 = 1,
};

inline size_t EncodedElementBytes(VectorEncoding encoding) {
  return encoding == VectorEncoding::kFloat32 ? sizeof(float) : sizeof(uint16_t);
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

// Writes dim elements of `encoding` to out.
void EncodeVector(VectorEncoding encoding, const float* vector, size_t dim, void* out);
// Reads dim elements of `encoding` into out.
void DecodeVector(VectorEncoding encoding, const void* encoded, size_t dim, float* out);

}  // namespace vexdb

#include "vector/vector_encoding.h"

namespace vexdb {

void EncodeVector(VectorEncoding encoding, const float* vector, size_t dim, void* out) {
  if (encoding == VectorEncoding::kFloat32) {
    std::memcpy(out, vector, dim * sizeof(float));
    return;
  }
  uint16_t* encoded = static_cast<uint16_t*>(out);
  for (size_t i = 0; i < dim; ++i) encoded[i] = FloatToBFloat16(vector[i]);
}

void DecodeVector(VectorEncoding encoding, const void* encoded, size_t dim, float* out) {
  if (encoding == VectorEncoding::kFloat32) {
    std::memcpy(out, encoded, dim * sizeof(float));
    return;
  }
  const uint16_t* elements = static_cast<const uint16_t*>(encoded);
  for (size_t i = 0; i < dim; ++i) out[i] = BFloat16ToFloat(elements[i]);
}

}  // namespace vexdb

#include "vector/vector_encoding.h"

#include <algorithm>
#include <cmath>

namespace vexdb {
namespace {

void EncodeInt8(const float* vector, size_t dim, void* out) {
  Int8Header header{0, 0, 0, 0};
  uint8_t* codes = static_cast<uint8_t*>(out) + sizeof(Int8Header);
  if (dim > 0) {
    const auto [low, high] = std::minmax_element(vector, vector + dim);
    header.offset = *low;
    // In double: the range of two float extremes can exceed float's.
    header.step = static_cast<float>((double{*high} - double{*low}) / 255.0);
  }
  // A constant vector has step 0: every code is 0 and the offset alone is exact.
  const float inverse = header.step > 0 ? 1.0f / header.step : 0.0f;
  for (size_t i = 0; i < dim; ++i) {
    // Non-negative, so adding a half and truncating rounds to nearest (halves up).
    const float scaled = std::clamp((vector[i] - header.offset) * inverse, 0.0f, 255.0f);
    const uint32_t code = static_cast<uint32_t>(scaled + 0.5f);
    codes[i] = static_cast<uint8_t>(code);
    header.code_sum += code;
    header.code_square_sum += code * code;
  }
  std::memcpy(out, &header, sizeof(header));
}

void DecodeInt8(const void* encoded, size_t dim, float* out) {
  Int8Header header;
  std::memcpy(&header, encoded, sizeof(header));
  const uint8_t* codes = Int8Codes(encoded);
  // In double, so that step * 255 cannot overflow where the range is wider than float's.
  for (size_t i = 0; i < dim; ++i) {
    out[i] = static_cast<float>(double{header.offset} + double{header.step} * codes[i]);
  }
}

// The inverse norm is computed in double and rounded once, so that it is the nearest float to
// 1 / |v| whatever the order of the elements.
void EncodeWithInverseNorm(const float* vector, size_t dim, void* out) {
  double squared_norm = 0;
  for (size_t i = 0; i < dim; ++i) squared_norm += double{vector[i]} * vector[i];
  const float inverse = squared_norm > 0 ? static_cast<float>(1 / std::sqrt(squared_norm)) : 0.0f;
  std::memcpy(out, vector, dim * sizeof(float));
  std::memcpy(static_cast<char*>(out) + dim * sizeof(float), &inverse, sizeof(inverse));
}

}  // namespace

void EncodeVector(VectorEncoding encoding, const float* vector, size_t dim, void* out) {
  switch (encoding) {
    case VectorEncoding::kFloat32:
      std::memcpy(out, vector, dim * sizeof(float));
      return;
    case VectorEncoding::kBFloat16: {
      uint16_t* encoded = static_cast<uint16_t*>(out);
      for (size_t i = 0; i < dim; ++i) encoded[i] = FloatToBFloat16(vector[i]);
      return;
    }
    case VectorEncoding::kInt8:
      EncodeInt8(vector, dim, out);
      return;
    case VectorEncoding::kFloat32WithInverseNorm:
      EncodeWithInverseNorm(vector, dim, out);
      return;
  }
}

void DecodeVector(VectorEncoding encoding, const void* encoded, size_t dim, float* out) {
  switch (encoding) {
    case VectorEncoding::kFloat32:
    case VectorEncoding::kFloat32WithInverseNorm:
      std::memcpy(out, encoded, dim * sizeof(float));
      return;
    case VectorEncoding::kBFloat16: {
      const uint16_t* elements = static_cast<const uint16_t*>(encoded);
      for (size_t i = 0; i < dim; ++i) out[i] = BFloat16ToFloat(elements[i]);
      return;
    }
    case VectorEncoding::kInt8:
      DecodeInt8(encoded, dim, out);
      return;
  }
}

}  // namespace vexdb

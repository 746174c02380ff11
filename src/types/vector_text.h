#pragma once

// Parsing the text form of a VECTOR value (tidb-vector-spec.md §1.2): a JSON array of JSON
// numbers, "[1, 2.5, -3e-7]", whitespace allowed between tokens, "[]" for zero dimensions.
// Each element is parsed as float64 and rounded to float32.
//
// Errors are all kUnknown (1105/HY000), worded as TiDB words them:
//   "Invalid vector text: <text>"                 syntax errors, trailing garbage, "null"
//   "value 1e+39 out of range for float32"        |element| > FLT_MAX
//   "vector cannot have more than 16383 dimensions"

#include <string_view>
#include <vector>

#include "common/result.h"

namespace vexdb {

inline constexpr int64_t kMaxVectorDimensions = 16383;

Result<std::vector<float>> ParseVectorText(std::string_view text);

// Checks a value against VECTOR(dimensions) (dimensions < 0 means any):
// "vector has N dimensions, does not fit VECTOR(D)".
Status CheckVectorDimensions(const std::vector<float>& v, int64_t dimensions);

}  // namespace vexdb

// TiDB's vector functions (tidb-vector-spec.md §2.1-2.2). Distances must be bit-identical to
// TiDB's, so the kernels reproduce its arithmetic exactly: float32 elements, float32 accumulators
// summed sequentially in index order, float64 only for the final steps, and one sqrt of the
// product of the norms for cosine. This file is compiled with -ffp-contract=off (CMakeLists.txt):
// a fused multiply-add would change the results. NaN results are NULL; +-Inf is returned as is.

#include <cmath>
#include <string>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "types/value_format.h"
#include "types/vector_text.h"

namespace vexdb {

namespace {

// A vector argument: a VECTOR value, or text parsed as a vector.
Result<std::vector<float>> VectorArg(const Value& value) {
  if (value.kind() == ValueKind::kVector) return value.vector_value();
  if (value.kind() == ValueKind::kString) return ParseVectorText(value.string_value());
  return Status::Internal("argument is not a vector");
}

Result<std::pair<std::vector<float>, std::vector<float>>> VectorPair(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> a, VectorArg(args.values[0]));
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> b, VectorArg(args.values[1]));
  if (a.size() != b.size()) {
    return Status::Internal("vectors have different dimensions: " + std::to_string(a.size()) +
                            " and " + std::to_string(b.size()));
  }
  return std::make_pair(std::move(a), std::move(b));
}

Value DoubleOrNull(double d) { return std::isnan(d) ? Value::Null() : Value::Double(d); }

double L2Distance(const std::vector<float>& a, const std::vector<float>& b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    float diff = a[i] - b[i];
    sum += diff * diff;
  }
  return std::sqrt(static_cast<double>(sum));
}

double L1Distance(const std::vector<float>& a, const std::vector<float>& b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += std::fabs(a[i] - b[i]);
  return static_cast<double>(sum);
}

double NegativeInnerProduct(const std::vector<float>& a, const std::vector<float>& b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return -static_cast<double>(sum);
}

double CosineDistance(const std::vector<float>& a, const std::vector<float>& b) {
  float dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  double similarity =
      static_cast<double>(dot) / std::sqrt(static_cast<double>(na) * static_cast<double>(nb));
  if (std::isnan(similarity)) return similarity;
  similarity = std::max(-1.0, std::min(1.0, similarity));
  return 1 - similarity;
}

template <double (*kDistance)(const std::vector<float>&, const std::vector<float>&)>
Result<Value> Distance(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(auto pair, VectorPair(args));
  return DoubleOrNull(kDistance(pair.first, pair.second));
}

Result<Value> Dims(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> v, VectorArg(args.values[0]));
  return Value::Int(static_cast<int64_t>(v.size()));
}

Result<Value> L2Norm(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> v, VectorArg(args.values[0]));
  double sum = 0;
  for (float x : v) sum += static_cast<double>(x) * static_cast<double>(x);
  return DoubleOrNull(std::sqrt(sum));
}

Result<Value> FromText(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> v, VectorArg(args.values[0]));
  return Value::Vector(std::move(v));
}

Result<Value> AsText(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(std::vector<float> v, VectorArg(args.values[0]));
  return Value::String(FormatVector(v));
}

Result<LogicalType> ReturnVector(std::span<const LogicalType>) {
  return LogicalType::Of(TypeId::kVector);
}

constexpr ScalarFunction kVectorFunctions[] = {
    {"vec_cosine_distance", 2, 2, ReturnDouble, Distance<CosineDistance>, true, true, nullptr},
    {"vec_l2_distance", 2, 2, ReturnDouble, Distance<L2Distance>, true, true, nullptr},
    {"vec_l1_distance", 2, 2, ReturnDouble, Distance<L1Distance>, true, true, nullptr},
    {"vec_negative_inner_product", 2, 2, ReturnDouble, Distance<NegativeInnerProduct>, true, true,
     nullptr},
    {"vec_dims", 1, 1, ReturnBigInt, Dims, true, true, nullptr},
    {"vec_l2_norm", 1, 1, ReturnDouble, L2Norm, true, true, nullptr},
    {"vec_from_text", 1, 1, ReturnVector, FromText, true, true, nullptr},
    {"vec_as_text", 1, 1, ReturnVarchar<65535>, AsText, true, true, nullptr},
};

}  // namespace

std::span<const ScalarFunction> VectorFunctions() { return kVectorFunctions; }

}  // namespace vexdb

// TiDB's vector functions (tidb-vector-spec.md §2.1-2.2). Distances must be bit-identical to
// TiDB's: the arithmetic lives in vector_distance.cc, shared with the executor's batch path.
// VEC_L2_NORM accumulates in float64 as TiDB does. This file is compiled with -ffp-contract=off
// (CMakeLists.txt): a fused multiply-add would change the results. NaN results are NULL; +-Inf is
// returned as is.

#include <cmath>
#include <span>
#include <string>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "function/vector_distance.h"
#include "types/value_format.h"
#include "types/vector_text.h"

namespace vexdb {

namespace {

// A vector argument viewed in place: a VECTOR value, or text parsed into `storage`. (String
// constants were already parsed by the binder: FunctionArgs of a query's rows are vectors.)
Result<std::span<const float>> VectorArg(const Value& value, std::vector<float>* storage) {
  if (value.kind() == ValueKind::kVector) return std::span<const float>(value.vector_value());
  if (value.kind() != ValueKind::kString) return Status::Internal("argument is not a vector");
  VEXDB_ASSIGN_OR_RETURN(*storage, ParseVectorText(value.string_value()));
  return std::span<const float>(*storage);
}

Value DoubleOrNull(double d) { return std::isnan(d) ? Value::Null() : Value::Double(d); }

template <DistanceFunction kDistance>
Result<Value> Distance(const FunctionArgs& args) {
  std::vector<float> storage_a, storage_b;
  VEXDB_ASSIGN_OR_RETURN(std::span<const float> a, VectorArg(args.values[0], &storage_a));
  VEXDB_ASSIGN_OR_RETURN(std::span<const float> b, VectorArg(args.values[1], &storage_b));
  if (a.size() != b.size()) {
    return Status::Internal("vectors have different dimensions: " + std::to_string(a.size()) +
                            " and " + std::to_string(b.size()));
  }
  return DoubleOrNull(ComputeDistance(kDistance, a, b));
}

Result<Value> Dims(const FunctionArgs& args) {
  std::vector<float> storage;
  VEXDB_ASSIGN_OR_RETURN(std::span<const float> v, VectorArg(args.values[0], &storage));
  return Value::Int(static_cast<int64_t>(v.size()));
}

Result<Value> L2Norm(const FunctionArgs& args) {
  std::vector<float> storage;
  VEXDB_ASSIGN_OR_RETURN(std::span<const float> v, VectorArg(args.values[0], &storage));
  double sum = 0;
  for (float x : v) sum += static_cast<double>(x) * static_cast<double>(x);
  return DoubleOrNull(std::sqrt(sum));
}

Result<Value> FromText(const FunctionArgs& args) {
  std::vector<float> storage;
  VEXDB_ASSIGN_OR_RETURN(std::span<const float> v, VectorArg(args.values[0], &storage));
  return Value::Vector(std::vector<float>(v.begin(), v.end()));
}

Result<Value> AsText(const FunctionArgs& args) {
  if (args.values[0].kind() == ValueKind::kVector) {
    return Value::String(FormatVector(args.values[0].vector_value()));
  }
  std::vector<float> storage;
  VEXDB_RETURN_IF_ERROR(VectorArg(args.values[0], &storage).status());
  return Value::String(FormatVector(storage));
}

Result<LogicalType> ReturnVector(std::span<const LogicalType>) {
  return LogicalType::Of(TypeId::kVector);
}

// All take vector arguments (string constants are parsed once by the binder).
constexpr ScalarFunction kVectorFunctions[] = {
    {"vec_cosine_distance", 2, 2, ReturnDouble, Distance<DistanceFunction::kCosine>, true, true, nullptr,
     true},
    {"vec_l2_distance", 2, 2, ReturnDouble, Distance<DistanceFunction::kL2>, true, true, nullptr, true},
    {"vec_l1_distance", 2, 2, ReturnDouble, Distance<DistanceFunction::kL1>, true, true, nullptr, true},
    {"vec_negative_inner_product", 2, 2, ReturnDouble, Distance<DistanceFunction::kNegativeInnerProduct>, true, true,
     nullptr, true},
    {"vec_dims", 1, 1, ReturnBigInt, Dims, true, true, nullptr, true},
    {"vec_l2_norm", 1, 1, ReturnDouble, L2Norm, true, true, nullptr, true},
    {"vec_from_text", 1, 1, ReturnVector, FromText, true, true, nullptr, true},
    {"vec_as_text", 1, 1, ReturnVarchar<65535>, AsText, true, true, nullptr, true},
};

}  // namespace

std::span<const ScalarFunction> VectorFunctions() { return kVectorFunctions; }

}  // namespace vexdb

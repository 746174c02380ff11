#include "execution/batch_distance.h"

#include <cmath>

namespace vexdb {

std::optional<BatchDistance> BatchDistance::Match(const BoundExpr& expr) {
  std::optional<ColumnVectorArgs> args = MatchColumnVectorArgs(expr);
  std::optional<DistanceFunction> distance = DistanceFunctionOf(expr.name);
  if (!args || !distance) return std::nullopt;
  return BatchDistance(*distance, args->column->column_index, &args->vector());
}

void BatchDistance::Compute(const RowBatch& rows, std::vector<std::optional<Value>>* out) const {
  out->assign(rows.size(), std::nullopt);
  std::vector<const float*> vectors;
  std::vector<size_t> positions;
  vectors.reserve(rows.size());
  positions.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Value& value = rows[i][column_];
    if (value.is_null()) {
      (*out)[i] = Value::Null();
    } else if (value.kind() == ValueKind::kVector &&
               value.vector_value().size() == query_->size()) {
      vectors.push_back(value.vector_value().data());
      positions.push_back(i);
    }
  }
  std::vector<double> distances(vectors.size());
  ComputeDistances(distance_, vectors, *query_, distances);
  for (size_t j = 0; j < positions.size(); ++j) {
    double d = distances[j];
    (*out)[positions[j]] = std::isnan(d) ? Value::Null() : Value::Double(d);
  }
}

}  // namespace vexdb

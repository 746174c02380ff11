#pragma once

// The executor's fast path for vector search: a projection expression VEC_*_DISTANCE(column,
// constant) (either argument order; the binder has already parsed the constant into a vector) is
// computed for a whole batch of rows at once with the exact batch kernels of
// function/vector_distance.h, without copying any stored vector. Results equal what evaluating the
// expression row by row gives, bit for bit.

#include <optional>
#include <vector>

#include "binder/bound_expression.h"
#include "execution/physical_operator.h"
#include "function/vector_distance.h"

namespace vexdb {

class BatchDistance {
 public:
  // A BatchDistance when `expr` has the shape above; nullopt otherwise. `expr` must outlive it.
  static std::optional<BatchDistance> Match(const BoundExpr& expr);

  // out[i] is row i's value of the expression: the distance, NULL for a NULL vector or a NaN
  // distance; or nullopt when the row's value is not a vector of the query's dimension, which the
  // caller evaluates one row at a time (that yields the dimension error in row order).
  void Compute(const RowBatch& rows, std::vector<std::optional<Value>>* out) const;

 private:
  BatchDistance(DistanceFunction distance, int column, const std::vector<float>* query)
      : distance_(distance), column_(column), query_(query) {}

  DistanceFunction distance_;
  int column_;
  const std::vector<float>* query_;
};

}  // namespace vexdb

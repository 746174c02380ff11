#pragma once

// Logical operators: the relational plan of a query before physical choices. Each operator
// produces rows whose layout is `output_types` (positions are what BoundExpr column indexes
// refer to in its parent). The planner builds the tree from a BoundQuery; optimizer rules
// rewrite it (filter push-down, access path choice); execution turns it into physical operators.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "binder/bound_statement.h"

namespace vexdb {

enum class LogicalOperatorType : uint8_t {
  kGet,          // read a base table
  kSystemTable,  // materialize a virtual (information_schema) table
  kDual,         // one row with no columns (SELECT without FROM)
  kFilter,
  kProjection,
  kAggregate,
  kSort,
  kLimit,
  kDistinct,
  kJoin,
  kSetOperation,
};

// How a kGet reads its table (chosen by the optimizer; kFullScan until then).
enum class AccessKind : uint8_t {
  kFullScan,    // every row in handle order
  kHandleRange, // handles in [lo, hi] (clustered integer primary key ranges)
  kHandleSet,   // point gets by handle (pk = c, pk IN (...))
  kIndexRange,  // one or more ranges of a secondary (or non-clustered primary) index
  kVectorIndex, // the rows an HNSW index finds nearest to a constant vector (a superset of the
                // LIMIT's k, re-ranked exactly above); a full scan while the index is not ready
};

struct AccessPath {
  AccessKind kind = AccessKind::kFullScan;
  int64_t handle_lo = INT64_MIN, handle_hi = INT64_MAX;
  std::vector<int64_t> handles;  // kHandleSet, ascending and distinct
  // kFullScan, kHandleRange, kHandleSet: rows come in descending handle order (set by the
  // optimizer for ORDER BY the primary key DESC).
  bool backward = false;
  int index_position = -1;       // kIndexRange: position in TableLayout::indexes
  std::vector<IndexRange> ranges;
  std::string index_name;        // for EXPLAIN
  std::string description;       // for EXPLAIN: the access condition (not kVectorIndex)
  // kVectorIndex: the HNSW index (IndexInfo::id), the query vector and how many rows are wanted;
  // EXPLAIN shows them as "<function>(<column>, <vector>), k:<k>", formatted only then.
  int64_t vector_index_id = 0;
  // The VECTOR constant of the distance the index serves: a node of the Projection above this
  // Get, owned by the same plan, so a plan kept for texts that differ only in that vector
  // (main/statement_cache.h) reads the new one.
  const BoundExpr* vector_query = nullptr;
  uint64_t vector_k = 0;
  std::string vector_index_name;  // for EXPLAIN
  std::string vector_function;    // vec_cosine_distance or vec_l2_distance
  std::string vector_column;
  // The statement reads no column of the row but the handle's and the indexed vector, and the
  // graph keeps vectors as added (any quantization but BF16): when the graph is current for the
  // transaction, execution takes those rows from it without reading the table.
  bool vector_index_only = false;
  // kVectorIndex under a WHERE clause that a primary key or secondary index narrows to a range
  // (kHandleRange or kIndexRange; its fields above stay filled), else kFullScan: execution
  // ranks the range's rows exactly if they are few, else searches the graph with the filters.
  // A full scan of the range stands in while the index is not ready.
  AccessKind vector_range = AccessKind::kFullScan;
};

struct LogicalOperator {
  LogicalOperatorType type;
  std::vector<std::unique_ptr<LogicalOperator>> children;
  std::vector<LogicalType> output_types;

  // kGet
  TableRef table;
  std::string alias;
  std::vector<BoundExprPtr> filters;  // conjuncts over the table row, checked after the read
  AccessPath access;
  ast::LockMode lock = ast::LockMode::kNone;
  bool emit_handle = false;  // append the row's handle as a BIGINT column (DML sources)

  // kSystemTable
  std::string system_database, system_table;

  // kFilter: predicate over the child's row
  BoundExprPtr predicate;
  // kProjection: one expression per output column, over the child's row
  std::vector<BoundExprPtr> expressions;
  // kAggregate: group keys then aggregates, over the child's row
  std::vector<BoundExprPtr> group_keys;
  std::vector<std::unique_ptr<BoundAggregate>> aggregates;
  // kSort; with top_n only the first top_n rows in order are produced (set by the optimizer
  // when a LIMIT sits on the sort, so a bounded heap replaces the full sort)
  std::vector<BoundOrderItem> order_by;
  std::optional<uint64_t> top_n;
  std::string vector_index_note;  // why a vector index on the sort key is not used (EXPLAIN)
  // kLimit
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  // kDistinct: rows are distinct on their first `distinct_columns` columns
  int distinct_columns = 0;
  // kJoin: condition over left ++ right
  ast::JoinType join_type = ast::JoinType::kInner;
  BoundExprPtr condition;
  // kSetOperation
  ast::SetOp set_op = ast::SetOp::kNone;

  explicit LogicalOperator(LogicalOperatorType t) : type(t) {}
  // Indented tree for EXPLAIN.
  std::string ToString(int indent = 0) const;
};

using LogicalOperatorPtr = std::unique_ptr<LogicalOperator>;

// Calls `visit` on every expression node of the plan (filters, predicates, projections, keys,
// aggregates, sort keys, join conditions, in every operator), with the nodes of their subqueries'
// bound queries (binder/bound_statement.h, ForEachExpr).
void ForEachExpr(LogicalOperator& plan, const std::function<void(BoundExpr&)>& visit);

}  // namespace vexdb

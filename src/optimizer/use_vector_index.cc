// Rule use_vector_index: a top-k by vector distance reads the table through a matching HNSW
// index instead of scanning it, as TiDB does (tidb-vector-spec.md §3.6):
//
//   TopN(k) on d                      the sort under LIMIT k (limit_to_top_n ran first), one
//     Projection ..., d := VEC_COSINE_DISTANCE(col, const) | VEC_L2_DISTANCE(col, const)
//       Get t                         no filters, no locking, a plain read
//
// with an HNSW index of t on col with the same distance. The TopN stays: the index offers a
// superset of k candidate rows and execution ranks them by the exact SQL distance, so results
// carry TiDB's distances; which rows make the top k is as good as the graph's recall.
//
// Beyond TiDB, a WHERE clause on the table does not end the search: the graph search admits
// only rows that satisfy it and walks on until it has k of them. When another index narrows
// the WHERE clause to a range of rows, the plan keeps that range too, and execution ranks its
// rows exactly when they are few (VectorIndexRegistry::ExactRangeLimit); point gets on the
// primary key are always ranked exactly. ORDER BY
// ... DESC, other sort keys and no LIMIT keep the exact scan; EXPLAIN then says why on the TopN
// line, as TiDB's warnings do.
//
// When the statement reads only the handle column and the vector of an index whose graph keeps
// the vectors as added (any but a BF16 one), the read is marked index-only: execution may take
// those values from the graph (table_read.cc).

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "function/vector_distance.h"
#include "optimizer/optimizer.h"

namespace vexdb {

namespace {

// The index metric serving a SQL distance; nullopt for those no vector index serves.
std::optional<VectorDistance> IndexableDistance(DistanceFunction function) {
  if (function == DistanceFunction::kCosine) return VectorDistance::kCosine;
  if (function == DistanceFunction::kL2) return VectorDistance::kL2;
  return std::nullopt;
}

bool HasVectorIndexOn(const TableInfo& table, int column) {
  return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const IndexInfo& index) {
    return index.kind == IndexKind::kHnsw && table.ColumnIndex(index.columns[0].column) == column;
  });
}

const IndexInfo* FindVectorIndex(const TableInfo& table, int column, VectorDistance distance) {
  for (const IndexInfo& index : table.indexes) {
    if (index.kind == IndexKind::kHnsw && index.distance == distance &&
        table.ColumnIndex(index.columns[0].column) == column) {
      return &index;
    }
  }
  return nullptr;
}

// Why a top-k by this distance cannot read through a vector index ("" if it can; then *index
// is the index to use).
std::string WhyNot(const LogicalOperator& sort, const BoundExpr& call, const ColumnVectorArgs& args,
                   const LogicalOperator& get, const IndexInfo** index) {
  if (!sort.top_n) return "no LIMIT";
  if (sort.order_by.size() != 1) return "more than one ORDER BY key";
  if (sort.order_by[0].descending) return "ORDER BY ... DESC";
  std::optional<VectorDistance> distance = IndexableDistance(*DistanceFunctionOf(call.name));
  if (!distance) return fmt::format("vector indexes serve only cosine and L2, not {}", call.name);
  const TableInfo& table = *get.table;
  int column = args.column->column_index;
  *index = FindVectorIndex(table, column, *distance);
  if (*index == nullptr) return fmt::format("no {} index on {}", call.name, table.columns[column].name);
  if (!get.filters.empty() && get.access.kind == AccessKind::kHandleSet) {
    return "point gets serve the WHERE condition (exact search over their rows)";
  }
  if (get.lock != ast::LockMode::kNone || get.emit_handle) return "a locking read";
  if (static_cast<int64_t>(args.vector().size()) != table.columns[column].type.length) {
    return "the query vector's dimension differs from the column's";
  }
  return "";
}

// Adds the Get columns `expr` reads to *columns; false if it holds a subquery (which may read
// any of them).
bool CollectColumns(const BoundExpr& expr, std::set<int>* columns) {
  switch (expr.kind) {
    case BoundExprKind::kColumn: columns->insert(expr.column_index); return true;
    case BoundExprKind::kSubquery:
    case BoundExprKind::kExists:
    case BoundExprKind::kInSubquery: return false;
    default: break;
  }
  for (const BoundExprPtr& child : expr.children) {
    if (child && !CollectColumns(*child, columns)) return false;
  }
  return true;
}

// Whether the graph can stand in for the rows: it keeps the vectors as added (every graph but
// a bfloat16 one: KeepsAddedVectors in vector/hnsw_options.h), and the projection over the Get
// reads only the indexed vector and the handle column (the row key).
bool IndexOnly(const LogicalOperator& projection, const LogicalOperator& get,
               const IndexInfo& index, int vector_column) {
  const bool keeps_added = index.hnsw.quantization != VectorQuantization::kBF16;
  if (!keeps_added || !get.filters.empty()) return false;
  std::set<int> columns;
  for (const BoundExprPtr& expr : projection.expressions) {
    if (!CollectColumns(*expr, &columns)) return false;
  }
  const int handle_column = get.table->HandleColumn();
  return std::all_of(columns.begin(), columns.end(),
                     [&](int column) { return column == vector_column || column == handle_column; });
}

// Uses a vector index for the sort if it can; records why not when the sort is a top-k by the
// distance on a column that has a vector index.
void TryTopN(LogicalOperator* sort) {
  if (sort->order_by.empty()) return;
  LogicalOperator* projection = sort->children[0].get();
  const BoundExpr& key = *sort->order_by[0].expr;
  if (projection->type != LogicalOperatorType::kProjection || key.kind != BoundExprKind::kColumn) {
    return;
  }
  const BoundExpr& call = *projection->expressions[key.column_index];
  std::optional<ColumnVectorArgs> args = MatchColumnVectorArgs(call);
  LogicalOperator* get = projection->children[0].get();
  if (!DistanceFunctionOf(call.name) || !args || get->type != LogicalOperatorType::kGet ||
      !HasVectorIndexOn(*get->table, args->column->column_index)) {
    return;
  }
  const IndexInfo* index = nullptr;
  sort->vector_index_note = WhyNot(*sort, call, *args, *get, &index);
  if (!sort->vector_index_note.empty()) return;
  AccessPath& access = get->access;
  access.vector_range = access.kind;  // kFullScan, kHandleRange or kIndexRange
  access.kind = AccessKind::kVectorIndex;
  access.vector_index_id = index->id;
  access.vector_query = args->constant;
  access.vector_k = *sort->top_n;
  access.vector_index_only = IndexOnly(*projection, *get, *index, args->column->column_index);
  access.vector_index_name = index->name;
  access.vector_function = call.name;
  access.vector_column = index->columns[0].column;
}

}  // namespace

void UseVectorIndexes(LogicalOperator* plan) {
  for (auto& child : plan->children) UseVectorIndexes(child.get());
  if (plan->type == LogicalOperatorType::kSort) TryTopN(plan);
}

}  // namespace vexdb

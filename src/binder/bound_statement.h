#pragma once

// Bound statements: the binder's output. Queries (BoundQuery) keep the shape of SELECT (FROM
// tree, WHERE, GROUP BY, aggregates, HAVING, projection, ORDER BY, LIMIT) with every expression
// bound; the planner turns them into logical operators. DML statements carry their target table
// and bound expressions. Statements that need no planning (DDL, SHOW, SET, transactions) are
// executed from their AST by execution/ and main/, so they are not represented here.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "binder/bound_expression.h"
#include "catalog/catalog.h"
#include "parser/ast.h"
#include "types/query_result.h"

namespace vexdb {

// A table in FROM. The row it produces is the concatenation of its columns (base table: the
// table's columns in order; derived table: the subquery's output; join: left then right).
struct BoundTableRef {
  enum class Kind : uint8_t { kBase, kDerived, kJoin, kSystem };
  Kind kind = Kind::kBase;
  std::string alias;  // the name columns are qualified with

  TableRef table;                       // kBase
  std::shared_ptr<BoundQuery> derived;  // kDerived
  // kSystem: an information_schema / virtual table materialized at execution
  std::string system_database, system_table;
  std::vector<ResultColumn> system_columns;

  ast::JoinType join_type = ast::JoinType::kInner;  // kJoin (kRight is rewritten to kLeft)
  std::unique_ptr<BoundTableRef> left, right;
  BoundExprPtr condition;  // over left ++ right; null = cross join

  int column_count = 0;
};

struct BoundOrderItem {
  BoundExprPtr expr;  // over the projection output (visible and hidden columns)
  bool descending = false;
};

// SELECT ... or <query> UNION/EXCEPT/INTERSECT <query>.
struct BoundQuery {
  ast::SetOp set_op = ast::SetOp::kNone;
  std::shared_ptr<BoundQuery> left, right;  // set operations

  // Simple SELECT.
  std::unique_ptr<BoundTableRef> from;  // null: one empty row (SELECT without FROM)
  BoundExprPtr where;                   // over the FROM row
  std::vector<BoundExprPtr> group_keys;             // over the FROM row
  std::vector<std::unique_ptr<BoundAggregate>> aggregates;  // over the FROM row
  bool aggregated = false;  // GROUP BY or aggregates present (a single group if no keys)
  // After aggregation, expressions see group_keys then aggregate results.
  BoundExprPtr having;
  std::vector<BoundExprPtr> projection;  // visible columns then hidden ORDER BY columns
  int visible_columns = 0;
  bool distinct = false;

  // Both forms.
  std::vector<BoundOrderItem> order_by;  // over the projection output
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  ast::LockMode lock = ast::LockMode::kNone;

  std::vector<ResultColumn> columns;  // metadata of the visible output columns
  bool correlated = false;  // reads columns of an enclosing query (kOuterColumn)
};

// Calls `visit` on every expression node of the query, children after their parent: WHERE,
// select items, ORDER BY, GROUP BY, HAVING, aggregate arguments, join conditions, and the same
// for derived tables, subqueries and set operands.
void ForEachExpr(BoundQuery& query, const std::function<void(BoundExpr&)>& visit);
// The same for one expression tree: `expr`, its descendants, and the queries of its subqueries.
void ForEachExpr(BoundExpr& expr, const std::function<void(BoundExpr&)>& visit);
// True if the query or a query within it reads with FOR UPDATE or FOR SHARE (locking reads).
bool LocksRows(const BoundQuery& query);

struct BoundInsert {
  TableRef table;
  bool replace = false;
  bool ignore = false;
  // One entry per table column: for each row, the value expression (null = use default).
  std::vector<std::vector<BoundExprPtr>> rows;
  std::shared_ptr<BoundQuery> select;  // INSERT ... SELECT
  std::vector<int> select_targets;     // table column for each select output column
  // ON DUPLICATE KEY UPDATE: (column, expression over existing row ++ inserted row)
  std::vector<std::pair<int, BoundExprPtr>> on_duplicate;
};

struct BoundUpdate {
  std::unique_ptr<BoundTableRef> from;  // the target table is `target` within it
  TableRef table;
  int table_offset = 0;  // where the target's columns start in the FROM row
  std::vector<std::pair<int, BoundExprPtr>> assignments;  // column -> value over FROM row;
                                                          // null expr = DEFAULT
  BoundExprPtr where;
  std::vector<BoundOrderItem> order_by;  // over the FROM row
  std::optional<uint64_t> limit;
  bool ignore = false;
};

struct BoundDelete {
  std::unique_ptr<BoundTableRef> from;
  TableRef table;
  int table_offset = 0;
  BoundExprPtr where;
  std::vector<BoundOrderItem> order_by;
  std::optional<uint64_t> limit;
};

}  // namespace vexdb

#pragma once

// StatementCache: one session's bound and planned SELECT statements, so that a vector search
// sent again with another query vector skips parsing, binding and planning. Text-protocol
// clients (PyMySQL, mysqlclient, SQLAlchemy on them) inline every parameter, so an application's
// search loop sends texts that differ only in one '[...]' literal; TiDB's non-prepared plan
// cache serves the same need, and its switch, tidb_enable_non_prepared_plan_cache, turns this
// cache on and off.
//
// Parameters: the string literals the binder turned into VECTOR constants (the query vector of
// VEC_*_DISTANCE and the other vector functions), unless the binding depended on them further
// (Binder::pinned_ranges: e.g. it matched a GROUP BY item with a select item because their
// vectors were equal). Every other byte of the text must be the same, the other string
// literals as written (parser/statement_shape.h). An entry also
// keeps the current database and the catalog version it was bound under; every DDL changes the
// version, so a stale entry is never used.
//
// An entry keeps the statement's optimized plan with its bound query. Planning and the
// optimizer's rules are pure functions of the bound query and the catalog (they evaluate
// nothing but the constants of key conditions, and a vector is never a key), and the plan
// holds the literal's vector only in copies of the tagged constants (an HNSW index read points
// at one of them: AccessPath::vector_query).
//
// A lookup matches the text against the entries, most recently used first: the pieces of text
// around the literals must be equal and a string literal must start after each piece
// (parser/statement_shape.h), so only the literals themselves are lexed. A hit parses the new
// vectors, assigns each to every node tagged with its literal's location, in the query and in
// the plan, and hands out the cached statement. The new vectors must parse and have the
// dimensions of the old ones; otherwise the lookup misses, and binding anew reports the error as
// it always would.
//
// Thread safety: none; a session's statements run one at a time.

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "binder/bound_statement.h"
#include "planner/logical_operator.h"

namespace vexdb {

class StatementCache {
 public:
  // An application has a few search shapes; each entry holds its query vectors (64 KB at
  // 16383 dimensions), and every connection has a cache.
  static constexpr size_t kDefaultCapacity = 16;

  explicit StatementCache(size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  struct Statement {
    const BoundQuery* query;
    const LogicalOperator* plan;  // OptimizedPlan(*query) (execution/query_executor.h)
  };

  // The statement of `sql` with its new vectors assigned, or nullopt. The statement stays valid
  // until the next Lookup or Offer.
  std::optional<Statement> Lookup(std::string_view sql, std::string_view database,
                                  uint64_t catalog_version);

  // A SELECT `sql` just bound with BinderOptions::tag_literals under `catalog_version` (read
  // before binding), and its optimized plan. Kept if it has at least one parameter; the least
  // recently used entry goes when the cache is full.
  void Offer(std::string_view sql, std::string_view database, uint64_t catalog_version,
             std::shared_ptr<BoundQuery> query, LogicalOperatorPtr plan,
             const std::vector<std::pair<int, int>>& pinned);

 private:
  struct Parameter {
    size_t literal = 0;               // index in the statement's literals
    LogicalType type;                 // VECTOR(d) of every node
    std::vector<BoundExpr*> nodes;    // the constants holding the literal's vector
  };
  struct Entry {
    std::vector<std::string> pieces;  // StatementShape::pieces
    std::string database;
    uint64_t catalog_version = 0;
    std::vector<std::string> written;  // each literal as written; "" for parameters
    std::vector<Parameter> parameters;
    std::shared_ptr<BoundQuery> query;
    LogicalOperatorPtr plan;
  };

  // The literals of `sql` if it has the entry's shape and its pinned literals; else nullopt.
  static std::optional<std::vector<std::string>> Match(const Entry& entry, std::string_view sql);

  size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
};

}  // namespace vexdb

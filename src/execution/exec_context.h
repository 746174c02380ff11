#pragma once

// ExecContext: what a running statement can reach: its transaction, the storage engine and
// catalog, the per-statement function context, session variables, the rows of enclosing queries
// (for correlated subqueries) and the interrupt flag (KILL QUERY).

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "binder/bound_statement.h"
#include "catalog/catalog.h"
#include "function/function.h"
#include "execution/status_counters.h"
#include "storage/storage_engine.h"

namespace vexdb {

// Session variables as execution sees them (implemented by main/).
class VariableStore {
 public:
  virtual ~VariableStore() = default;
  virtual Result<Value> GetSystemVariable(std::string_view name, bool global) const = 0;
  virtual Value GetUserVariable(std::string_view name) const = 0;
};

// Rows of virtual tables (information_schema), implemented next to the resolver.
class SystemTableProvider {
 public:
  virtual ~SystemTableProvider() = default;
  virtual Result<std::vector<Row>> Rows(std::string_view database, std::string_view table) = 0;
};

struct PhysicalOperator;
class VectorIndexRegistry;

struct ExecContext {
  Transaction* txn = nullptr;
  StorageEngine* storage = nullptr;
  Catalog* catalog = nullptr;
  FunctionContext function;
  const VariableStore* variables = nullptr;
  SystemTableProvider* system_tables = nullptr;
  const std::atomic<bool>* interrupted = nullptr;
  bool foreign_key_checks = true;
  bool client_found_rows = false;  // UPDATE reports matched rather than changed rows
  StatusCounters* counters = nullptr;
  VectorIndexRegistry* vector_indexes = nullptr;  // null: vector index scans read the table

  // Rows of the enclosing queries, innermost last (kOuterColumn depth 1 = back()).
  std::vector<const Row*> outer_rows;
  // Results of uncorrelated subqueries, computed once per statement.
  std::map<const BoundQuery*, std::vector<Row>> subquery_cache;

  Status CheckInterrupted() const;
};

}  // namespace vexdb

#pragma once

// Private to src/main/: the mutable state of one Session.

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "binder/binder.h"
#include "main/statement_cache.h"
#include "main/system_variables.h"
#include "storage/storage_engine.h"
#include "execution/exec_context.h"

namespace vexdb {

class SessionState : public VariableStore, public VariableTypes {
 public:
  explicit SessionState(GlobalVariables& globals)
      : globals_(globals), session_values_(AllSystemVariables().size()) {}

  // VariableStore
  Result<Value> GetSystemVariable(std::string_view name, bool global) const override;
  Value GetUserVariable(std::string_view name) const override;
  // VariableTypes
  Result<LogicalType> SystemVariableType(std::string_view name) const override;

  // The session's value of a variable of session scope (its own, else the global one).
  Value SessionValue(const SystemVariableInfo& info) const;
  Status SetSystemVariable(std::string_view name, bool global, const Value& value);
  // Sets a session variable the server maintains, read-only to clients (last_plan_from_cache).
  void RecordSystemVariable(const SystemVariableInfo& info, Value value);
  void SetUserVariable(std::string_view name, Value value);
  // A boolean variable of session scope (KnownSystemVariable); false if NULL.
  bool BoolVariable(const SystemVariableInfo& info) const;

  std::string current_database;
  std::unique_ptr<Transaction> txn;
  bool explicit_transaction = false;      // BEGIN / START TRANSACTION
  std::vector<std::string> savepoints;    // named SAVEPOINTs, oldest first
  uint64_t last_insert_id = 0;
  uint64_t found_rows = 0;
  int64_t row_count = -1;
  std::vector<Diagnostic> diagnostics;    // of the last statement, for SHOW WARNINGS / ERRORS
  StatementCache statement_cache;         // bound vector searches (statement_cache.h)
  std::atomic<bool> interrupted{false};
  std::atomic<bool> closed{false};

 private:
  GlobalVariables& globals_;
  // Overrides of session-scope variables, by SystemVariableIndex.
  std::vector<std::optional<Value>> session_values_;
  std::map<std::string, Value> user_values_;
};

}  // namespace vexdb

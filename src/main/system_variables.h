#pragma once

// System variables: the registry (one row per variable: name, scope, type, default, read-only)
// and their values per session and per server. Values are kept as Values (BIGINT or string);
// `SELECT @@x` returns them with the registry's type. Unknown names are kUnknownSystemVariable
// (1193); setting a read-only one is kVariableIsReadonly (1238).

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "execution/show.h"
#include "types/value.h"

namespace vexdb {

enum class VariableScope : uint8_t { kSession, kGlobal, kBoth };
enum class VariableType : uint8_t { kInt, kBool, kString };

struct SystemVariableInfo {
  const char* name;  // lower case
  VariableScope scope;
  VariableType type;
  const char* default_value;
  bool read_only;
};

// nullptr if unknown.
const SystemVariableInfo* FindSystemVariable(std::string_view name);
// A variable the server itself reads (autocommit, ...); `name` must be registered. Callers keep
// the reference (a function-local static), so a statement's reads skip the lookup by name.
const SystemVariableInfo& KnownSystemVariable(std::string_view name);
const std::vector<SystemVariableInfo>& AllSystemVariables();
// The variable's position in AllSystemVariables().
size_t SystemVariableIndex(const SystemVariableInfo& info);
LogicalType SystemVariableType(const SystemVariableInfo& info);

// Server-wide (GLOBAL) values; thread safe.
class GlobalVariables {
 public:
  GlobalVariables();
  Value Get(const SystemVariableInfo& info) const;
  void Set(const SystemVariableInfo& info, Value value);

 private:
  mutable std::mutex mu_;
  std::vector<std::optional<Value>> values_;  // by SystemVariableIndex; unset: the default
};

// Converts a SET value to the variable's representation (ON/OFF/1/0 for booleans, names
// validated for enumerations); kWrongValueForVar (1231) on bad input.
Result<Value> NormalizeVariableValue(const SystemVariableInfo& info, const Value& value);
// Text of a variable value for SHOW VARIABLES.
std::string VariableValueText(const SystemVariableInfo& info, const Value& value);

}  // namespace vexdb

#include "main/system_variables.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "catalog/catalog.h"
#include "common/version.h"
#include "types/cast.h"

namespace vexdb {

namespace {

constexpr const char* kDefaultSqlMode =
    "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";

using S = VariableScope;
using T = VariableType;

// The registry. Keep sorted by name.
const std::vector<SystemVariableInfo>& Registry() {
  static const std::vector<SystemVariableInfo> kVariables = {
      {"auto_increment_increment", S::kBoth, T::kInt, "1", false},
      {"auto_increment_offset", S::kBoth, T::kInt, "1", false},
      {"autocommit", S::kBoth, T::kBool, "1", false},
      {"character_set_client", S::kBoth, T::kString, "utf8mb4", false},
      {"character_set_connection", S::kBoth, T::kString, "utf8mb4", false},
      {"character_set_database", S::kBoth, T::kString, "utf8mb4", false},
      {"character_set_filesystem", S::kBoth, T::kString, "binary", false},
      {"character_set_results", S::kBoth, T::kString, "utf8mb4", false},
      {"character_set_server", S::kBoth, T::kString, "utf8mb4", false},
      {"character_set_system", S::kGlobal, T::kString, "utf8", true},
      {"collation_connection", S::kBoth, T::kString, "utf8mb4_bin", false},
      {"collation_database", S::kBoth, T::kString, "utf8mb4_bin", false},
      {"collation_server", S::kBoth, T::kString, "utf8mb4_bin", false},
      {"default_storage_engine", S::kBoth, T::kString, "InnoDB", false},
      {"div_precision_increment", S::kBoth, T::kInt, "4", false},
      {"foreign_key_checks", S::kBoth, T::kBool, "1", false},
      {"group_concat_max_len", S::kBoth, T::kInt, "1024", false},
      {"have_openssl", S::kGlobal, T::kString, "DISABLED", true},
      {"have_ssl", S::kGlobal, T::kString, "DISABLED", true},
      // vexdb: the HNSW search beam width of vector index scans (at least the LIMIT's k is
      // used); 0 means the index's EF_SEARCH (64 unless the DDL set it).
      {"hnsw_ef_search", S::kBoth, T::kInt, "0", false},
      {"init_connect", S::kGlobal, T::kString, "", false},
      {"innodb_lock_wait_timeout", S::kBoth, T::kInt, "50", false},
      {"interactive_timeout", S::kBoth, T::kInt, "28800", false},
      // TiDB: whether the previous statement ran a cached plan (here: a cached bound
      // statement, main/statement_cache.h).
      {"last_plan_from_cache", S::kSession, T::kBool, "0", true},
      {"license", S::kGlobal, T::kString, "Apache License 2.0", true},
      {"lower_case_table_names", S::kGlobal, T::kInt, "2", true},
      {"max_allowed_packet", S::kBoth, T::kInt, "67108864", false},
      {"max_execution_time", S::kBoth, T::kInt, "0", false},
      {"net_buffer_length", S::kBoth, T::kInt, "16384", false},
      {"net_write_timeout", S::kBoth, T::kInt, "60", false},
      {"performance_schema", S::kGlobal, T::kBool, "0", true},
      {"protocol_version", S::kGlobal, T::kInt, "10", true},
      {"query_cache_size", S::kGlobal, T::kInt, "0", false},
      {"query_cache_type", S::kBoth, T::kString, "OFF", false},
      {"sql_auto_is_null", S::kBoth, T::kBool, "0", false},
      {"sql_mode", S::kBoth, T::kString, kDefaultSqlMode, false},
      {"sql_safe_updates", S::kBoth, T::kBool, "0", false},
      {"sql_select_limit", S::kBoth, T::kInt, "18446744073709551615", false},
      {"system_time_zone", S::kGlobal, T::kString, "UTC", true},
      // TiDB's switch of its plan cache for statements sent as text; here it switches the
      // statement cache of vector searches (main/statement_cache.h), on by default.
      {"tidb_enable_non_prepared_plan_cache", S::kBoth, T::kBool, "1", false},
      {"time_zone", S::kBoth, T::kString, "SYSTEM", false},
      {"transaction_isolation", S::kBoth, T::kString, "REPEATABLE-READ", false},
      {"transaction_read_only", S::kBoth, T::kBool, "0", false},
      {"tx_isolation", S::kBoth, T::kString, "REPEATABLE-READ", false},
      {"tx_read_only", S::kBoth, T::kBool, "0", false},
      {"unique_checks", S::kBoth, T::kBool, "1", false},
      {"version", S::kGlobal, T::kString, kServerVersion, true},
      {"version_comment", S::kGlobal, T::kString, kVersionComment, true},
      {"version_compile_machine", S::kGlobal, T::kString, "x86_64", true},
      {"version_compile_os", S::kGlobal, T::kString, "Linux", true},
      {"wait_timeout", S::kBoth, T::kInt, "28800", false},
  };
  return kVariables;
}

Value ParseDefault(const SystemVariableInfo& info) {
  if (info.type == T::kString) return Value::String(info.default_value);
  std::string text = info.default_value;
  if (text.size() > 19) return Value::UInt(std::stoull(text));
  return Value::Int(std::stoll(text));
}

// The registry's defaults as Values, parsed once: a statement reads several variables.
const Value& DefaultValue(const SystemVariableInfo& info) {
  static const std::vector<Value> kDefaults = [] {
    std::vector<Value> defaults;
    for (const SystemVariableInfo& v : Registry()) defaults.push_back(ParseDefault(v));
    return defaults;
  }();
  return kDefaults[SystemVariableIndex(info)];
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Name -> variable. Statements look variables up several times each (autocommit, ...), so the
// lookup folds case into a stack buffer and hashes, with no allocation.
const std::unordered_map<std::string_view, const SystemVariableInfo*>& NameIndex() {
  static const std::unordered_map<std::string_view, const SystemVariableInfo*> kIndex = [] {
    std::unordered_map<std::string_view, const SystemVariableInfo*> index;
    for (const SystemVariableInfo& info : Registry()) index.emplace(info.name, &info);
    return index;
  }();
  return kIndex;
}

constexpr size_t kLongestName = 64;  // longer than every registered name

bool IsIsolationVariable(std::string_view name) {
  return name == "transaction_isolation" || name == "tx_isolation";
}

}  // namespace

const std::vector<SystemVariableInfo>& AllSystemVariables() { return Registry(); }

size_t SystemVariableIndex(const SystemVariableInfo& info) {
  return static_cast<size_t>(&info - Registry().data());
}

const SystemVariableInfo& KnownSystemVariable(std::string_view name) {
  const SystemVariableInfo* info = FindSystemVariable(name);
  if (info == nullptr) std::abort();  // a typo in the server's own code
  return *info;
}

const SystemVariableInfo* FindSystemVariable(std::string_view name) {
  if (name.size() > kLongestName) return nullptr;
  char folded[kLongestName];
  for (size_t i = 0; i < name.size(); ++i) folded[i] = LowerAscii(name[i]);
  const auto& index = NameIndex();
  auto it = index.find(std::string_view(folded, name.size()));
  return it == index.end() ? nullptr : it->second;
}

LogicalType SystemVariableType(const SystemVariableInfo& info) {
  if (info.type == T::kString) return LogicalType::Varchar(1024);
  LogicalType t = LogicalType::BigInt(std::string_view(info.name) == "sql_select_limit");
  return t;
}

GlobalVariables::GlobalVariables() : values_(Registry().size()) {}

Value GlobalVariables::Get(const SystemVariableInfo& info) const {
  std::lock_guard lock(mu_);
  const std::optional<Value>& value = values_[SystemVariableIndex(info)];
  return value ? *value : DefaultValue(info);
}

void GlobalVariables::Set(const SystemVariableInfo& info, Value value) {
  std::lock_guard lock(mu_);
  values_[SystemVariableIndex(info)] = std::move(value);
}

Result<Value> NormalizeVariableValue(const SystemVariableInfo& info, const Value& value) {
  std::string text = value.kind() == ValueKind::kString ? value.string_value() : "";
  std::string upper;
  for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (value.is_null()) {
    if (info.type == T::kString) return Value::String("");
    return Status::Error(ErrorCode::kWrongValueForVar, info.name, "NULL");
  }
  switch (info.type) {
    case T::kBool: {
      if (value.kind() == ValueKind::kString) {
        if (upper == "ON" || upper == "TRUE" || upper == "1") return Value::Int(1);
        if (upper == "OFF" || upper == "FALSE" || upper == "0") return Value::Int(0);
        return Status::Error(ErrorCode::kWrongValueForVar, info.name, text);
      }
      int64_t v = ValueToInt64(value);
      if (v != 0 && v != 1) return Status::Error(ErrorCode::kWrongValueForVar, info.name, v);
      return Value::Int(v);
    }
    case T::kInt:
      if (value.kind() == ValueKind::kString) {
        return Status::Error(ErrorCode::kWrongTypeForVar, info.name);
      }
      if (value.kind() == ValueKind::kUInt) return value;
      return Value::Int(ValueToInt64(value));
    case T::kString: {
      if (value.kind() != ValueKind::kString) {
        VEXDB_ASSIGN_OR_RETURN(Value s, CastValue(value, LogicalType::Varchar(-1), CastContext{}));
        text = s.string_value();
      }
      if (IsIsolationVariable(info.name)) {
        for (char& c : upper) c = c == ' ' ? '-' : c;
        if (upper != "READ-UNCOMMITTED" && upper != "READ-COMMITTED" &&
            upper != "REPEATABLE-READ" && upper != "SERIALIZABLE") {
          return Status::Error(ErrorCode::kWrongValueForVar, info.name, text);
        }
        return Value::String(upper);
      }
      return Value::String(text);
    }
  }
  return value;
}

std::string VariableValueText(const SystemVariableInfo& info, const Value& value) {
  if (value.kind() == ValueKind::kString) return value.string_value();
  if (info.type == T::kBool) return ValueToInt64(value) ? "ON" : "OFF";
  if (value.kind() == ValueKind::kUInt) return std::to_string(value.uint_value());
  return std::to_string(ValueToInt64(value));
}

}  // namespace vexdb

#include "catalog/catalog.h"
#include "main/session_state.h"

namespace vexdb {

Result<Value> SessionState::GetSystemVariable(std::string_view name, bool global) const {
  const SystemVariableInfo* info = FindSystemVariable(name);
  if (info == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  if (global || info->scope == VariableScope::kGlobal) {
    if (info->scope == VariableScope::kSession) {
      return Status::Error(ErrorCode::kIncorrectGlobalLocalVar, info->name, "SESSION");
    }
    return globals_.Get(*info);
  }
  return SessionValue(*info);
}

Value SessionState::SessionValue(const SystemVariableInfo& info) const {
  const std::optional<Value>& value = session_values_[SystemVariableIndex(info)];
  return value ? *value : globals_.Get(info);
}

Value SessionState::GetUserVariable(std::string_view name) const {
  auto it = user_values_.find(FoldName(name));
  return it == user_values_.end() ? Value::Null() : it->second;
}

Result<LogicalType> SessionState::SystemVariableType(std::string_view name) const {
  const SystemVariableInfo* info = FindSystemVariable(name);
  if (info == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  return vexdb::SystemVariableType(*info);
}

Status SessionState::SetSystemVariable(std::string_view name, bool global, const Value& value) {
  const SystemVariableInfo* info = FindSystemVariable(name);
  if (info == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  if (info->read_only) {
    return Status::WithMessage(ErrorCode::kVariableIsReadonly,
                               "Variable '" + std::string(info->name) + "' is a read only variable");
  }
  if (!global && info->scope == VariableScope::kGlobal) {
    return Status::WithMessage(ErrorCode::kVariableIsReadonly,
                               "Variable '" + std::string(info->name) +
                                   "' is a GLOBAL variable and should be set with SET GLOBAL");
  }
  if (global && info->scope == VariableScope::kSession) {
    return Status::WithMessage(ErrorCode::kVariableIsReadonly,
                               "Variable '" + std::string(info->name) +
                                   "' is a SESSION variable and can't be used with SET GLOBAL");
  }
  VEXDB_ASSIGN_OR_RETURN(Value normalized, NormalizeVariableValue(*info, value));
  if (global) {
    globals_.Set(*info, std::move(normalized));
  } else {
    session_values_[SystemVariableIndex(*info)] = std::move(normalized);
  }
  return Status::OK();
}

void SessionState::RecordSystemVariable(const SystemVariableInfo& info, Value value) {
  session_values_[SystemVariableIndex(info)] = std::move(value);
}

void SessionState::SetUserVariable(std::string_view name, Value value) {
  user_values_[FoldName(name)] = std::move(value);
}

bool SessionState::BoolVariable(const SystemVariableInfo& info) const {
  Value value = SessionValue(info);
  return value.kind() == ValueKind::kInt && value.int_value() != 0;
}

}  // namespace vexdb

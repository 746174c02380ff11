// JSON functions over documents held as normalised text (JSON values are strings of JSON text;
// see json_util.h). Documents are parsed per call; results are printed in the normalised form.
// Path arguments follow MySQL's path language ($, .key, ."key", .*, [n], [last], [*], **).

#include <algorithm>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "function/json_util.h"

namespace vexdb {

namespace {

Result<JsonPath> PathArg(const FunctionArgs& args, size_t i) {
  return ParseJsonPath(ArgText(args, i));
}

Value JsonResult(const Json& json) { return Value::String(JsonToText(json)); }

// JSON_EXTRACT(doc, path, ...): the selected value; an array of all selections when there are
// several paths or a wildcard; NULL when nothing is selected.
Result<Value> JsonExtract(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  Json matches = Json::array();
  bool wrap = args.values.size() > 2;
  for (size_t i = 1; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
    wrap |= path.HasWildcard();
    for (const Json* node : FindJsonPath(doc, path)) matches.push_back(*node);
  }
  if (matches.empty()) return Value::Null();
  return JsonResult(wrap ? matches : matches[0]);
}

// JSON_UNQUOTE: a JSON string literal's contents; any other text unchanged.
Result<Value> JsonUnquote(const FunctionArgs& args) {
  std::string text = ArgText(args, 0);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_string()) return Value::String(parsed.get<std::string>());
    return Status::Error(ErrorCode::kInvalidJsonText, "\"Invalid value.\" at position 0.");
  }
  return Value::String(std::move(text));
}

Result<Value> JsonQuote(const FunctionArgs& args) { return JsonResult(Json(ArgText(args, 0))); }

Result<Value> JsonObject(const FunctionArgs& args) {
  if (args.values.size() % 2 != 0) {
    return Status::Error(ErrorCode::kWrongParamcountToNativeFct, "json_object");
  }
  Json object = Json::object();
  for (size_t i = 0; i < args.values.size(); i += 2) {
    if (args.values[i].is_null()) return Status::Error(ErrorCode::kJsonDocumentNullKey);
    VEXDB_ASSIGN_OR_RETURN(Json value, ValueToJson(args.values[i + 1], args.types[i + 1]));
    object[ArgText(args, i)] = std::move(value);
  }
  return JsonResult(object);
}

Result<Value> JsonArray(const FunctionArgs& args) {
  Json array = Json::array();
  for (size_t i = 0; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(Json value, ValueToJson(args.values[i], args.types[i]));
    array.push_back(std::move(value));
  }
  return JsonResult(array);
}

Result<Value> JsonValid(const FunctionArgs& args) {
  if (args.types[0].id == TypeId::kJson) return Value::Int(1);
  if (args.values[0].kind() != ValueKind::kString) return Value::Int(0);
  return Value::Int(ParseJson(args.values[0].string_value()).ok() ? 1 : 0);
}

const char* JsonTypeName(const Json& json) {
  switch (json.type()) {
    case Json::value_t::object:
      return "OBJECT";
    case Json::value_t::array:
      return "ARRAY";
    case Json::value_t::string:
      return "STRING";
    case Json::value_t::boolean:
      return "BOOLEAN";
    case Json::value_t::number_integer:
      return "INTEGER";
    case Json::value_t::number_unsigned:
      return json.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX) ? "UNSIGNED INTEGER"
                                                                     : "INTEGER";
    case Json::value_t::number_float:
      return "DOUBLE";
    default:
      return "NULL";
  }
}

Result<Value> JsonType(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  return Value::String(JsonTypeName(doc));
}

// The node a document's optional path argument selects (the document itself without one);
// nullptr if the path selects nothing.
Result<const Json*> OptionalPathTarget(const FunctionArgs& args, const Json& doc, size_t i) {
  if (args.values.size() <= i) return &doc;
  VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
  if (path.HasWildcard()) return Status::Error(ErrorCode::kInvalidJsonPath, 0);
  auto found = FindJsonPath(doc, path);
  return found.empty() ? nullptr : found[0];
}

bool NumbersEqual(const Json& a, const Json& b) {
  if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
  return a == b;
}

// MySQL's containment: scalars by equality; an array contains each element of a candidate
// array, or a scalar equal to one of its elements; an object contains each candidate member.
bool Contains(const Json& target, const Json& candidate) {
  if (target.is_array()) {
    if (candidate.is_array()) {
      return std::all_of(candidate.begin(), candidate.end(),
                         [&](const Json& c) { return Contains(target, c); });
    }
    return std::any_of(target.begin(), target.end(),
                       [&](const Json& t) { return Contains(t, candidate); });
  }
  if (target.is_object()) {
    if (!candidate.is_object()) return false;
    for (const auto& [key, value] : candidate.items()) {
      auto it = target.find(key);
      if (it == target.end() || !Contains(*it, value)) return false;
    }
    return true;
  }
  if (target.is_number() && candidate.is_number()) return NumbersEqual(target, candidate);
  return target == candidate;
}

Result<Value> JsonContains(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  VEXDB_ASSIGN_OR_RETURN(Json candidate, DocumentArg(args.values[1], args.types[1]));
  VEXDB_ASSIGN_OR_RETURN(const Json* target, OptionalPathTarget(args, doc, 2));
  if (target == nullptr) return Value::Null();
  return Value::Int(Contains(*target, candidate) ? 1 : 0);
}

Result<Value> JsonContainsPath(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  std::string mode = ArgText(args, 1);
  std::transform(mode.begin(), mode.end(), mode.begin(), ::tolower);
  if (mode != "one" && mode != "all") {
    return Status::WithMessage(ErrorCode::kUnknown,
                               "The oneOrAll argument to json_contains_path may take these "
                               "values: 'one' or 'all'.");
  }
  for (size_t i = 2; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
    bool found = !FindJsonPath(doc, path).empty();
    if (found && mode == "one") return Value::Int(1);
    if (!found && mode == "all") return Value::Int(0);
  }
  return Value::Int(mode == "all" ? 1 : 0);
}

Result<Value> JsonLength(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  VEXDB_ASSIGN_OR_RETURN(const Json* target, OptionalPathTarget(args, doc, 1));
  if (target == nullptr) return Value::Null();
  bool container = target->is_array() || target->is_object();
  return Value::Int(container ? static_cast<int64_t>(target->size()) : 1);
}

Result<Value> JsonDepth(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  auto depth = [](const auto& self, const Json& j) -> int64_t {
    int64_t deepest = 0;
    if (j.is_array() || j.is_object()) {
      for (const auto& child : j) deepest = std::max(deepest, self(self, child));
    }
    return 1 + deepest;
  };
  return Value::Int(depth(depth, doc));
}

Result<Value> JsonKeys(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  VEXDB_ASSIGN_OR_RETURN(const Json* target, OptionalPathTarget(args, doc, 1));
  if (target == nullptr || !target->is_object()) return Value::Null();
  Json keys = Json::array();
  for (const auto& [key, value] : target->items()) keys.push_back(key);
  return JsonResult(keys);
}

// ---- Modification ---------------------------------------------------------------------------

enum class Modify { kSet, kInsert, kReplace };

// The node the legs lead to (no wildcards), or nullptr.
Json* Navigate(Json* node, std::span<const JsonPathLeg> legs) {
  for (const JsonPathLeg& leg : legs) {
    if (leg.kind == JsonPathLeg::Kind::kMember) {
      if (!node->is_object()) return nullptr;
      auto it = node->find(leg.member);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      int64_t n = static_cast<int64_t>(node->size());
      int64_t index = leg.from_last ? n - 1 - leg.index : leg.index;
      if (index < 0 || index >= n) return nullptr;
      node = &(*node)[static_cast<size_t>(index)];
    } else if (leg.index != 0) {
      return nullptr;  // a scalar is only its own element 0
    }
  }
  return node;
}

void ApplyToMember(Json* parent, const std::string& key, Json value, Modify mode) {
  if (!parent->is_object()) return;
  bool present = parent->contains(key);
  if ((present && mode != Modify::kInsert) || (!present && mode != Modify::kReplace)) {
    (*parent)[key] = std::move(value);
  }
}

void ApplyToIndex(Json* parent, const JsonPathLeg& leg, Json value, Modify mode) {
  if (!parent->is_array()) {
    if (leg.index == 0 && !leg.from_last) {
      if (mode != Modify::kInsert) *parent = std::move(value);
      return;
    }
    if (mode == Modify::kReplace) return;
    *parent = Json::array({std::move(*parent), std::move(value)});  // auto-wrap, then append
    return;
  }
  int64_t n = static_cast<int64_t>(parent->size());
  int64_t index = leg.from_last ? n - 1 - leg.index : leg.index;
  if (index >= 0 && index < n) {
    if (mode != Modify::kInsert) (*parent)[static_cast<size_t>(index)] = std::move(value);
  } else if (index >= n && mode != Modify::kReplace) {
    parent->push_back(std::move(value));
  }
}

Result<Value> JsonModify(const FunctionArgs& args, Modify mode, const char* name) {
  if (args.values.size() % 2 != 1) {
    return Status::Error(ErrorCode::kWrongParamcountToNativeFct, name);
  }
  if (args.values[0].is_null()) return Value::Null();
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  for (size_t i = 1; i < args.values.size(); i += 2) {
    if (args.values[i].is_null()) return Value::Null();
    VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
    if (path.HasWildcard()) return Status::Error(ErrorCode::kInvalidJsonPath, 0);
    VEXDB_ASSIGN_OR_RETURN(Json value, ValueToJson(args.values[i + 1], args.types[i + 1]));
    if (path.legs.empty()) {
      if (mode != Modify::kInsert) doc = std::move(value);
      continue;
    }
    std::span<const JsonPathLeg> legs(path.legs);
    Json* parent = Navigate(&doc, legs.first(legs.size() - 1));
    if (parent == nullptr) continue;
    const JsonPathLeg& last = legs.back();
    if (last.kind == JsonPathLeg::Kind::kMember) {
      ApplyToMember(parent, last.member, std::move(value), mode);
    } else {
      ApplyToIndex(parent, last, std::move(value), mode);
    }
  }
  return JsonResult(doc);
}

Result<Value> JsonSet(const FunctionArgs& args) {
  return JsonModify(args, Modify::kSet, "json_set");
}
Result<Value> JsonInsert(const FunctionArgs& args) {
  return JsonModify(args, Modify::kInsert, "json_insert");
}
Result<Value> JsonReplace(const FunctionArgs& args) {
  return JsonModify(args, Modify::kReplace, "json_replace");
}

Result<Value> JsonRemove(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  for (size_t i = 1; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
    if (path.HasWildcard() || path.legs.empty()) {
      return Status::Error(ErrorCode::kInvalidJsonPath, 0);
    }
    std::span<const JsonPathLeg> legs(path.legs);
    Json* parent = Navigate(&doc, legs.first(legs.size() - 1));
    if (parent == nullptr) continue;
    const JsonPathLeg& last = legs.back();
    if (last.kind == JsonPathLeg::Kind::kMember && parent->is_object()) {
      parent->erase(last.member);
    } else if (last.kind == JsonPathLeg::Kind::kIndex && parent->is_array()) {
      int64_t n = static_cast<int64_t>(parent->size());
      int64_t index = last.from_last ? n - 1 - last.index : last.index;
      if (index >= 0 && index < n) parent->erase(static_cast<size_t>(index));
    }
  }
  return JsonResult(doc);
}

// JSON_ARRAY_APPEND(doc, path, value, ...): appends to the array at path (a non-array there is
// wrapped into one first).
Result<Value> JsonArrayAppend(const FunctionArgs& args) {
  if (args.values.size() % 2 != 1) {
    return Status::Error(ErrorCode::kWrongParamcountToNativeFct, "json_array_append");
  }
  VEXDB_ASSIGN_OR_RETURN(Json doc, DocumentArg(args.values[0], args.types[0]));
  for (size_t i = 1; i < args.values.size(); i += 2) {
    if (args.values[i].is_null()) return Value::Null();
    VEXDB_ASSIGN_OR_RETURN(JsonPath path, PathArg(args, i));
    if (path.HasWildcard()) return Status::Error(ErrorCode::kInvalidJsonPath, 0);
    VEXDB_ASSIGN_OR_RETURN(Json value, ValueToJson(args.values[i + 1], args.types[i + 1]));
    Json* target = Navigate(&doc, path.legs);
    if (target == nullptr) continue;
    if (!target->is_array()) *target = Json::array({std::move(*target)});
    target->push_back(std::move(value));
  }
  return JsonResult(doc);
}

// JSON_MERGE_PATCH (RFC 7396) of all arguments, left to right.
Json MergePatch(Json target, const Json& patch) {
  if (!patch.is_object()) return patch;
  if (!target.is_object()) target = Json::object();
  for (const auto& [key, value] : patch.items()) {
    if (value.is_null()) {
      target.erase(key);
    } else {
      target[key] = MergePatch(target.contains(key) ? target[key] : Json(nullptr), value);
    }
  }
  return target;
}

Result<Value> JsonMergePatch(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json result, DocumentArg(args.values[0], args.types[0]));
  for (size_t i = 1; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(Json patch, DocumentArg(args.values[i], args.types[i]));
    result = MergePatch(std::move(result), patch);
  }
  return JsonResult(result);
}

// JSON_MERGE_PRESERVE: arrays concatenate, objects merge recursively, scalars become arrays.
Json MergePreserve(Json a, const Json& b) {
  if (a.is_object() && b.is_object()) {
    for (const auto& [key, value] : b.items()) {
      a[key] = a.contains(key) ? MergePreserve(a[key], value) : value;
    }
    return a;
  }
  if (!a.is_array()) a = Json::array({std::move(a)});
  if (b.is_array()) {
    for (const auto& v : b) a.push_back(v);
  } else {
    a.push_back(b);
  }
  return a;
}

Result<Value> JsonMergePreserve(const FunctionArgs& args) {
  VEXDB_ASSIGN_OR_RETURN(Json result, DocumentArg(args.values[0], args.types[0]));
  for (size_t i = 1; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(Json next, DocumentArg(args.values[i], args.types[i]));
    result = MergePreserve(std::move(result), next);
  }
  return JsonResult(result);
}

constexpr ScalarFunction kJsonFunctions[] = {
    {"json_extract", 2, -1, ReturnJson, JsonExtract, true, true, nullptr},
    {"json_unquote", 1, 1, ReturnLongText, JsonUnquote, true, true, nullptr},
    {"json_quote", 1, 1, ReturnLongText, JsonQuote, true, true, nullptr},
    {"json_object", 0, -1, ReturnJson, JsonObject, false, true, nullptr},
    {"json_array", 0, -1, ReturnJson, JsonArray, false, true, nullptr},
    {"json_valid", 1, 1, ReturnBoolean, JsonValid, true, true, nullptr},
    {"json_type", 1, 1, ReturnVarchar<51>, JsonType, true, true, nullptr},
    {"json_contains", 2, 3, ReturnBoolean, JsonContains, true, true, nullptr},
    {"json_contains_path", 3, -1, ReturnBoolean, JsonContainsPath, true, true, nullptr},
    {"json_length", 1, 2, ReturnBigInt, JsonLength, true, true, nullptr},
    {"json_depth", 1, 1, ReturnBigInt, JsonDepth, true, true, nullptr},
    {"json_keys", 1, 2, ReturnJson, JsonKeys, true, true, nullptr},
    {"json_set", 3, -1, ReturnJson, JsonSet, false, true, nullptr},
    {"json_insert", 3, -1, ReturnJson, JsonInsert, false, true, nullptr},
    {"json_replace", 3, -1, ReturnJson, JsonReplace, false, true, nullptr},
    {"json_remove", 2, -1, ReturnJson, JsonRemove, true, true, nullptr},
    {"json_array_append", 3, -1, ReturnJson, JsonArrayAppend, false, true, nullptr},
    {"json_merge_patch", 2, -1, ReturnJson, JsonMergePatch, true, true, nullptr},
    {"json_merge_preserve", 2, -1, ReturnJson, JsonMergePreserve, true, true, nullptr},
    {"json_merge", 2, -1, ReturnJson, JsonMergePreserve, true, true, nullptr},
};

}  // namespace

std::span<const ScalarFunction> JsonFunctions() { return kJsonFunctions; }

}  // namespace vexdb

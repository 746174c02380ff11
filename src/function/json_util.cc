#include "function/json_util.h"

#include "types/json_text.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

void AppendJson(const Json& value, std::string* out);

void AppendString(const std::string& s, std::string* out) {
  *out += Json(s).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

void AppendJson(const Json& value, std::string* out) {
  switch (value.type()) {
    case Json::value_t::object: {
      *out += '{';
      bool first = true;
      for (const auto& [key, member] : value.items()) {
        if (!first) *out += ", ";
        first = false;
        AppendString(key, out);
        *out += ": ";
        AppendJson(member, out);
      }
      *out += '}';
      break;
    }
    case Json::value_t::array:
      *out += '[';
      for (size_t i = 0; i < value.size(); ++i) {
        if (i > 0) *out += ", ";
        AppendJson(value[i], out);
      }
      *out += ']';
      break;
    case Json::value_t::string:
      AppendString(value.get_ref<const std::string&>(), out);
      break;
    case Json::value_t::boolean:
      *out += value.get<bool>() ? "true" : "false";
      break;
    case Json::value_t::number_integer:
      *out += std::to_string(value.get<int64_t>());
      break;
    case Json::value_t::number_unsigned:
      *out += std::to_string(value.get<uint64_t>());
      break;
    case Json::value_t::number_float:
      *out += FormatJsonDouble(value.get<double>());
      break;
    default:
      *out += "null";
      break;
  }
}

Status PathError(size_t position) { return Status::Error(ErrorCode::kInvalidJsonPath, position); }

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (static_cast<unsigned char>(c) >= 0x80);
}

void SkipSpaces(std::string_view text, size_t* i) {
  while (*i < text.size() && (text[*i] == ' ' || text[*i] == '\t')) ++*i;
}

// A quoted member name starting at text[*i] == '"'.
Result<std::string> ParseQuotedMember(std::string_view text, size_t* i) {
  size_t start = *i;
  for (size_t j = start + 1; j < text.size(); ++j) {
    if (text[j] == '\\') {
      ++j;
    } else if (text[j] == '"') {
      Json parsed = Json::parse(text.substr(start, j + 1 - start), nullptr, false);
      if (!parsed.is_string()) return PathError(start);
      *i = j + 1;
      return parsed.get<std::string>();
    }
  }
  return PathError(start);
}

Result<JsonPathLeg> ParseMemberLeg(std::string_view text, size_t* i) {
  ++*i;  // '.'
  SkipSpaces(text, i);
  if (*i < text.size() && text[*i] == '*') {
    ++*i;
    return JsonPathLeg{JsonPathLeg::Kind::kMemberWildcard, "", 0, false};
  }
  if (*i < text.size() && text[*i] == '"') {
    VEXDB_ASSIGN_OR_RETURN(std::string name, ParseQuotedMember(text, i));
    return JsonPathLeg{JsonPathLeg::Kind::kMember, std::move(name), 0, false};
  }
  size_t start = *i;
  while (*i < text.size() && IsIdentifierChar(text[*i])) ++*i;
  if (*i == start || (text[start] >= '0' && text[start] <= '9')) return PathError(*i);
  return JsonPathLeg{JsonPathLeg::Kind::kMember, std::string(text.substr(start, *i - start)), 0,
                     false};
}

bool ParseNumber(std::string_view text, size_t* i, int64_t* out) {
  size_t start = *i;
  int64_t v = 0;
  while (*i < text.size() && text[*i] >= '0' && text[*i] <= '9' && v < (INT64_MAX / 10 - 9)) {
    v = v * 10 + (text[(*i)++] - '0');
  }
  *out = v;
  return *i > start;
}

Result<JsonPathLeg> ParseIndexLeg(std::string_view text, size_t* i) {
  ++*i;  // '['
  SkipSpaces(text, i);
  JsonPathLeg leg{JsonPathLeg::Kind::kIndex, "", 0, false};
  if (*i < text.size() && text[*i] == '*') {
    ++*i;
    leg.kind = JsonPathLeg::Kind::kIndexWildcard;
  } else if (text.substr(*i, 4) == "last") {
    *i += 4;
    leg.from_last = true;
    SkipSpaces(text, i);
    if (*i < text.size() && text[*i] == '-') {
      ++*i;
      SkipSpaces(text, i);
      if (!ParseNumber(text, i, &leg.index)) return PathError(*i);
    }
  } else if (!ParseNumber(text, i, &leg.index)) {
    return PathError(*i);
  }
  SkipSpaces(text, i);
  if (*i >= text.size() || text[*i] != ']') return PathError(*i);
  ++*i;
  return leg;
}

// Resolves an index leg against an array of `size` elements; -1 if out of range.
int64_t ResolveIndex(const JsonPathLeg& leg, size_t size) {
  int64_t n = static_cast<int64_t>(size);
  int64_t index = leg.from_last ? n - 1 - leg.index : leg.index;
  return index >= 0 && index < n ? index : -1;
}

void Walk(const Json& node, const std::vector<JsonPathLeg>& legs, size_t i,
          std::vector<const Json*>* out);

void WalkDescendants(const Json& node, const std::vector<JsonPathLeg>& legs, size_t i,
                     std::vector<const Json*>* out) {
  Walk(node, legs, i, out);
  if (node.is_object() || node.is_array()) {
    for (const auto& child : node) WalkDescendants(child, legs, i, out);
  }
}

void Walk(const Json& node, const std::vector<JsonPathLeg>& legs, size_t i,
          std::vector<const Json*>* out) {
  if (i == legs.size()) {
    for (const Json* seen : *out) {
      if (seen == &node) return;  // ** can reach a node twice
    }
    out->push_back(&node);
    return;
  }
  const JsonPathLeg& leg = legs[i];
  switch (leg.kind) {
    case JsonPathLeg::Kind::kMember:
      if (node.is_object()) {
        auto it = node.find(leg.member);
        if (it != node.end()) Walk(*it, legs, i + 1, out);
      }
      break;
    case JsonPathLeg::Kind::kMemberWildcard:
      if (node.is_object()) {
        for (const auto& child : node) Walk(child, legs, i + 1, out);
      }
      break;
    case JsonPathLeg::Kind::kIndex:
      if (node.is_array()) {
        int64_t index = ResolveIndex(leg, node.size());
        if (index >= 0) Walk(node[static_cast<size_t>(index)], legs, i + 1, out);
      } else if (ResolveIndex(leg, 1) == 0) {
        Walk(node, legs, i + 1, out);  // auto-wrapping: a scalar is a one-element array
      }
      break;
    case JsonPathLeg::Kind::kIndexWildcard:
      if (node.is_array()) {
        for (const auto& child : node) Walk(child, legs, i + 1, out);
      }
      break;
    case JsonPathLeg::Kind::kDoubleWildcard:
      if (node.is_object() || node.is_array()) {
        for (const auto& child : node) WalkDescendants(child, legs, i + 1, out);
      }
      break;
  }
}

}  // namespace

Result<Json> ParseJson(std::string_view text) {
  Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    std::string normalized;
    JsonSyntaxError error;
    NormalizeJsonText(text, &normalized, &error);
    return Status::Error(ErrorCode::kInvalidJsonText,
                         fmt::format("\"{}\" at position {}.", error.reason, error.position));
  }
  return parsed;
}

Result<Json> ValueToJson(const Value& value, const LogicalType& type) {
  if (type.id == TypeId::kJson && value.kind() == ValueKind::kString) {
    return ParseJson(value.string_value());
  }
  switch (value.kind()) {
    case ValueKind::kNull:
      return Json(nullptr);
    case ValueKind::kInt:
      if (type.is_bool) return Json(value.int_value() != 0);
      return Json(value.int_value());
    case ValueKind::kUInt:
      return Json(value.uint_value());
    case ValueKind::kDouble:
      return Json(value.double_value());
    case ValueKind::kDecimal:
      return Json(value.decimal_value().ToDouble());
    case ValueKind::kString:
      return Json(value.string_value());
    case ValueKind::kVector: {
      Json array = Json::array();
      for (float f : value.vector_value()) array.push_back(static_cast<double>(f));
      return array;
    }
    default:
      return Json(FormatValue(value, type));
  }
}

Result<Json> DocumentArg(const Value& value, const LogicalType& type) {
  if (value.kind() == ValueKind::kString) return ParseJson(value.string_value());
  return ValueToJson(value, type);
}

std::string JsonToText(const Json& json) {
  std::string out;
  AppendJson(json, &out);
  return out;
}

bool JsonPath::HasWildcard() const {
  for (const auto& leg : legs) {
    if (leg.kind == JsonPathLeg::Kind::kMemberWildcard ||
        leg.kind == JsonPathLeg::Kind::kIndexWildcard ||
        leg.kind == JsonPathLeg::Kind::kDoubleWildcard) {
      return true;
    }
  }
  return false;
}

Result<JsonPath> ParseJsonPath(std::string_view text) {
  size_t i = 0;
  SkipSpaces(text, &i);
  if (i >= text.size() || text[i] != '$') return PathError(i);
  ++i;
  JsonPath path;
  for (SkipSpaces(text, &i); i < text.size(); SkipSpaces(text, &i)) {
    if (text[i] == '.') {
      VEXDB_ASSIGN_OR_RETURN(JsonPathLeg leg, ParseMemberLeg(text, &i));
      path.legs.push_back(std::move(leg));
    } else if (text[i] == '[') {
      VEXDB_ASSIGN_OR_RETURN(JsonPathLeg leg, ParseIndexLeg(text, &i));
      path.legs.push_back(std::move(leg));
    } else if (text.substr(i, 2) == "**") {
      i += 2;
      path.legs.push_back({JsonPathLeg::Kind::kDoubleWildcard, "", 0, false});
    } else {
      return PathError(i);
    }
  }
  if (!path.legs.empty() && path.legs.back().kind == JsonPathLeg::Kind::kDoubleWildcard) {
    return PathError(i);
  }
  return path;
}

std::vector<const Json*> FindJsonPath(const Json& root, const JsonPath& path) {
  std::vector<const Json*> out;
  Walk(root, path.legs, 0, &out);
  return out;
}

}  // namespace vexdb

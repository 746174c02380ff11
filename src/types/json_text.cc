// JSON normalisation on top of nlohmann::json. nlohmann reports syntax errors by exception; they
// are caught here and turned into a JsonSyntaxError, so none escapes this file.

#include "types/json_text.h"

#include <nlohmann/json.hpp>

#include "types/value_format.h"

namespace vexdb {

namespace {

using Json = nlohmann::json;

void AppendJson(const Json& value, std::string* out);

void AppendString(const std::string& s, std::string* out) {
  *out += Json(s).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

void AppendObject(const Json& value, std::string* out) {
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
}

void AppendArray(const Json& value, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) *out += ", ";
    AppendJson(value[i], out);
  }
  *out += ']';
}

void AppendJson(const Json& value, std::string* out) {
  switch (value.type()) {
    case Json::value_t::object: AppendObject(value, out); break;
    case Json::value_t::array: AppendArray(value, out); break;
    case Json::value_t::string: AppendString(value.get_ref<const std::string&>(), out); break;
    case Json::value_t::boolean: *out += value.get<bool>() ? "true" : "false"; break;
    case Json::value_t::number_integer: *out += std::to_string(value.get<int64_t>()); break;
    case Json::value_t::number_unsigned: *out += std::to_string(value.get<uint64_t>()); break;
    case Json::value_t::number_float: *out += FormatJsonDouble(value.get<double>()); break;
    default: *out += "null"; break;
  }
}

}  // namespace

std::string FormatJsonDouble(double v) {
  std::string text = FormatDouble(v);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

bool NormalizeJsonText(std::string_view text, std::string* out, JsonSyntaxError* error) {
  Json parsed;
  try {
    parsed = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    error->reason = text.find_first_not_of(" \t\r\n") == std::string_view::npos
                        ? "The document is empty."
                        : "Invalid value.";
    error->position = e.byte > 0 ? e.byte - 1 : 0;
    return false;
  }
  out->clear();
  AppendJson(parsed, out);
  return true;
}

}  // namespace vexdb

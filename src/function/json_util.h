#pragma once

// JSON documents for the JSON functions (internal to function/): parsing text into a tree,
// converting SQL values into JSON, printing the normalised text MySQL/TiDB show
// ({"a": 1, "b": [1, 2]}: ", " and ": " separators, object members sorted by key bytewise as
// TiDB stores them, doubles per FormatJsonDouble), and MySQL JSON path expressions.
// Nothing here throws: nlohmann is used only through its non-throwing calls.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

using Json = nlohmann::json;  // std::map objects: keys sorted bytewise, last duplicate wins

// Parses JSON text; invalid text is kInvalidJsonText.
Result<Json> ParseJson(std::string_view text);

// A SQL value as JSON: JSON-typed values are parsed, strings become JSON strings, integers and
// doubles numbers (DECIMAL becomes a double, as TiDB stores it), BOOL-typed values true/false,
// temporals their text, NULL null.
Result<Json> ValueToJson(const Value& value, const LogicalType& type);
// A document argument (JSON_EXTRACT's first, ...): text of any string type must be valid JSON.
Result<Json> DocumentArg(const Value& value, const LogicalType& type);

std::string JsonToText(const Json& json);

// One step of a path: $.key, $."key", $.*, $[3], $[last], $[last-1], $[*], $**.
struct JsonPathLeg {
  enum class Kind : uint8_t { kMember, kMemberWildcard, kIndex, kIndexWildcard, kDoubleWildcard };
  Kind kind;
  std::string member;  // kMember
  int64_t index = 0;   // kIndex: from the start, or from the end when from_last
  bool from_last = false;
};

struct JsonPath {
  std::vector<JsonPathLeg> legs;
  bool HasWildcard() const;
};

// Parses "$.a[0]" etc.; errors are kInvalidJsonPath with the character position.
Result<JsonPath> ParseJsonPath(std::string_view text);

// Every node the path selects, in document order (array auto-wrapping: $[0] of a non-array is
// the value itself).
std::vector<const Json*> FindJsonPath(const Json& root, const JsonPath& path);

}  // namespace vexdb

#pragma once

// Validation and normalisation of JSON text for JSON columns and CAST(... AS JSON).
//
// A JSON value is kept as its normalised text, the form MySQL and TiDB print: object members
// sorted by key (bytewise, as TiDB stores them; duplicate keys keep the last value), ", " between
// elements and ": " after keys, strings with JSON escapes and raw UTF-8, integers as digits,
// other numbers per FormatJsonDouble.
//   '{"b":[1,2.50],"a":1e2}' -> '{"a": 100.0, "b": [1, 2.5]}'
//
// Thread safety: stateless; safe from any thread.

#include <string>
#include <string_view>

namespace vexdb {

struct JsonSyntaxError {
  std::string reason;  // e.g. "Invalid value."
  size_t position = 0;  // byte offset of the error
};

// Normalises text; returns false and fills *error if text is not one valid JSON document.
bool NormalizeJsonText(std::string_view text, std::string* out, JsonSyntaxError* error);

// The text of a JSON number that is not an integer: "1.5", "100.0", "1e-16".
std::string FormatJsonDouble(double v);

}  // namespace vexdb

#pragma once

// Text forms of values, as MySQL's text protocol and CAST(x AS CHAR) produce them.

#include <string>
#include <vector>

#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

// The text of a non-NULL value of the given type on the wire (text protocol) and in CAST(AS CHAR):
//   integers as digits; DECIMAL with exactly scale digits; DOUBLE and FLOAT per FormatDouble /
//   FormatFloat; DATE/DATETIME/TIME per temporal.h with the type's fsp; strings and bytes
//   unchanged; VECTOR as "[1,2.5]" (tidb-vector-spec.md §1.3).
// For expressions whose type is unknown (LogicalType id kNull), the value's kind decides.
std::string FormatValue(const Value& value, const LogicalType& type);

// TiDB's text protocol form (tidb-vector-spec.md §2.3): the shortest text that round-trips, in
// plain notation ("0.1", "5", "-14.299999237060547"), exponent form when |v| >= 1e15 or
// 0 < |v| < 1e-15 ("1e-16", "1.5e15"); NaN and +-Inf as "0". FormatFloat does the same for the
// shortest float32 round trip (FLOAT columns).
std::string FormatDouble(double v);
std::string FormatFloat(float v);

// One VECTOR element (tidb-vector-spec.md §1.3): the shortest float32 round trip, always in plain
// notation ("1", "0.12345679", "0.0000001", "-0"). NaN and +-Inf, which never reach a stored
// vector, print as "NaN", "+Inf" and "-Inf" as Go does.
std::string FormatVectorElement(float v);
// "[1,2.5]"; "[]" for the empty vector.
std::string FormatVector(const std::vector<float>& v);

}  // namespace vexdb

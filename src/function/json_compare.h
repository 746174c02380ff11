#pragma once

// Comparison of JSON values for the comparison operators (=, <, IN, BETWEEN, ...), MySQL's
// "comparison and ordering of JSON values", which TiDB follows.

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

// A comparison in which a_type or b_type is JSON: a non-JSON operand becomes a JSON scalar (a
// string stays a string, it is not parsed as JSON; a number stays a number), then values of
// different JSON types order by type (null < numbers < strings < objects < arrays < booleans)
// and values of one type by value: numbers exactly, strings bytewise, booleans false < true,
// arrays element by element; objects are equal only when they have the same members.
// Returns <0, 0, >0. REQUIRES a and b non-NULL. Errors only for JSON-typed text that is not
// valid JSON (kInvalidJsonText).
Result<int> CompareWithJson(const Value& a, const LogicalType& a_type, const Value& b,
                            const LogicalType& b_type);

}  // namespace vexdb

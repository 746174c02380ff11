#pragma once

// Conversions between values and types with MySQL semantics (full rules in docs/types.md). Two
// modes:
//  - kStore: assigning into a column in strict mode (INSERT/UPDATE). Out-of-range numbers fail
//    with kOutOfRangeValue (1264), overlong strings with kDataTooLong (1406), unparsable text
//    for a number with kTruncatedWrongValueForField (1366, "Incorrect integer value: 'abc' for
//    column 'c' at row 1"), bad temporals with kWrongValueForColumn (1292, "Incorrect datetime
//    value: ..."), non-members of ENUM/SET with kWarnDataTruncated (1265), invalid JSON with
//    kInvalidJsonText (3140). Messages need the column name and row number: the caller passes
//    them in.
//  - kExpression: CAST() and implicit conversions inside expressions. Lenient as MySQL is:
//    '12abc' -> 12, 'abc' -> 0, CAST(-1 AS UNSIGNED) wraps, DECIMAL(p,s) saturates, CHAR(n)
//    truncates, and a bad DATE/DATETIME/TIME becomes NULL, all without error (MySQL warns; we
//    drop the warning for now). Invalid JSON is still an error (3141).
// In both modes vectors convert only to and from strings (1105 "cannot cast from vector to
// bigint"), and a vector's dimension is checked against VECTOR(d) (1105).
//
// Thread safety: all functions are pure except that TIME -> DATETIME reads the clock.

#include <string_view>

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

enum class CastMode { kStore, kExpression };

struct CastContext {
  CastMode mode = CastMode::kExpression;
  std::string_view column_name;  // for kStore error messages
  int64_t row_number = 1;        // 1-based, for kStore error messages
};

// Converts value to the representation of target (Value kind matching the type): ints to
// kInt/kUInt, FLOAT/DOUBLE to kDouble (FLOAT rounded to float32), DECIMAL to kDecimal rescaled,
// strings to kString (CHAR: trailing spaces removed, as MySQL returns CHAR), DATE to kDate, ...
// NULL stays NULL (NOT NULL is checked by the caller).
Result<Value> CastValue(const Value& value, const LogicalType& target, const CastContext& ctx);

// Numeric views used by expression evaluation (lenient, MySQL's string-to-number rules).
double ValueToDouble(const Value& value);
Result<Decimal> ValueToDecimal(const Value& value);
// Rounds (DECIMAL and numeric text half away from zero, DOUBLE half to even as MySQL's rint),
// saturates at the int64 bounds.
int64_t ValueToInt64(const Value& value);
// MySQL truthiness: NULL -> false at the caller; numbers != 0; strings via ValueToDouble.
bool ValueToBool(const Value& value);

// The number MySQL sorts ENUM and SET values by: an ENUM member's 1-based index, a SET's
// bitmask; 0 for text that names no member (the empty string an invalid ENUM value becomes).
// REQUIRES type.id is kEnum or kSet.
uint64_t MemberOrdinal(const Value& value, const LogicalType& type);

// Compares two non-NULL values the way MySQL does for the comparison operators:
// both numeric -> numeric compare (exact for int/uint/decimal mixes); both strings -> byte
// compare (utf8mb4_bin); temporal vs string -> string parsed as temporal; number vs string ->
// both as double. Returns <0, 0, >0.
int CompareValues(const Value& a, const Value& b);

}  // namespace vexdb

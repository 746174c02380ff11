#pragma once

// Helpers shared by the function families (internal to function/): reading evaluated arguments
// in the form a function needs, and building result types. Arguments are read leniently, as
// MySQL reads them in expressions: a string where a number is wanted is converted with MySQL's
// string-to-number rules, a number where a string is wanted is formatted as the text protocol
// would print it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "common/result.h"
#include "function/function.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

// ---- Arguments ------------------------------------------------------------------------------

// The text of argument i: the string itself for string values, else FormatValue's text.
std::string ArgText(const FunctionArgs& args, size_t i);
int64_t ArgInt(const FunctionArgs& args, size_t i);  // rounds half away from zero, saturates
double ArgDouble(const FunctionArgs& args, size_t i);
// True if argument i is byte data (BINARY/VARBINARY/BLOB/BIT): string functions then count
// bytes rather than code points.
bool ArgIsBinary(const FunctionArgs& args, size_t i);

// The text of a value of the given type (strings unchanged, others per FormatValue).
std::string ValueText(const Value& value, const LogicalType& type);

// Converts a non-NULL value to the representation of `target` for a function whose result is
// one of its arguments (IF, COALESCE, GREATEST, ...). String targets take the text unchanged
// (never truncated); other targets go through CastValue in expression mode.
Result<Value> ConformValue(const Value& value, const LogicalType& from, const LogicalType& target);

// ---- Result types ---------------------------------------------------------------------------

// The longest text (in characters) a value of the type prints as; -1 if unbounded.
int64_t DisplayLength(const LogicalType& type);

// A string result of at most `chars` characters (-1 = unbounded): VARCHAR(chars), or LONGTEXT
// when that exceeds what a VARCHAR column reports (16383 utf8mb4 characters). Binary results are
// VARBINARY / LONGBLOB.
LogicalType StringType(int64_t chars, bool binary = false);

// Return-type functions for fixed result types, usable directly in the registry tables.
Result<LogicalType> ReturnBigInt(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnUnsignedBigInt(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnInt(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnDouble(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnLongText(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnLongBlob(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnJson(std::span<const LogicalType> arg_types);
Result<LogicalType> ReturnDate(std::span<const LogicalType> arg_types);
// A boolean-valued result: BIGINT(1), as comparisons return.
Result<LogicalType> ReturnBoolean(std::span<const LogicalType> arg_types);
template <int64_t kChars>
Result<LogicalType> ReturnVarchar(std::span<const LogicalType>) {
  return LogicalType::Varchar(kChars);
}

// constants[i] if argument i is a known constant, else nullptr (see RefineTypeFn).
inline const Value* ConstantArg(std::span<const Value* const> constants, size_t i) {
  return i < constants.size() ? constants[i] : nullptr;
}

// The integer Value for a BIGINT (signed or unsigned) result.
Value IntResult(int64_t v, const LogicalType& result_type);

}  // namespace vexdb

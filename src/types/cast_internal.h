#pragma once

// Internals of CastValue (cast.h), shared by the cast_*.cc files: one function per family of
// target types, and the errors strict (kStore) casts report. Not for use outside src/types.

#include <string>
#include <string_view>

#include "types/cast.h"

namespace vexdb::cast_internal {

inline bool IsStore(const CastContext& ctx) { return ctx.mode == CastMode::kStore; }

// 1264 "Out of range value for column 'c' at row N".
Status OutOfRange(const CastContext& ctx);
// 1406 "Data too long for column 'c' at row N".
Status DataTooLong(const CastContext& ctx);
// 1265 "Data truncated for column 'c' at row N".
Status DataTruncated(const CastContext& ctx);
// 1366 "Incorrect <type_name> value: '<text>' for column 'c' at row N".
Status WrongValue(const CastContext& ctx, std::string_view type_name, std::string_view text);
// 1292 "Incorrect <type_name> value: '<text>' for column 'c' at row N".
Status WrongTemporal(const CastContext& ctx, std::string_view type_name, std::string_view text);
// 1105 "cannot cast from <from> to <to>" (vectors, which convert only to and from strings).
Status CannotCast(std::string_view from, std::string_view to);

// The SQL name of a value's kind in cast errors: "bigint", "double", "decimal", "varchar", ...
std::string_view KindTypeName(ValueKind kind);

// The text a value becomes in a string context: digits, decimal text, FormatDouble, temporal
// text (fsp 6 when there is a fraction), vector text; strings unchanged.
std::string ValueText(const Value& value);

// A temporal value as the number MySQL uses in numeric context: DATE 20240102, DATETIME
// 20240102030405.123456 (scale 6 only when there is a fraction), TIME -10203.5.
Decimal TemporalToDecimal(const Value& value);

Result<Value> CastToInteger(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToReal(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToDecimal(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToBit(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToYear(const Value& value, const LogicalType& target, const CastContext& ctx);

Result<Value> CastToDate(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToDatetime(const Value& value, const LogicalType& target,
                             const CastContext& ctx);
Result<Value> CastToTime(const Value& value, const LogicalType& target, const CastContext& ctx);

Result<Value> CastToCharacter(const Value& value, const LogicalType& target,
                              const CastContext& ctx);
Result<Value> CastToBinary(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToEnum(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToSet(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToJson(const Value& value, const LogicalType& target, const CastContext& ctx);
Result<Value> CastToVector(const Value& value, const LogicalType& target, const CastContext& ctx);

}  // namespace vexdb::cast_internal

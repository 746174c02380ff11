// Casts into character, binary, ENUM, SET, JSON and VECTOR targets.
//
// Any value becomes its text first (ValueText). Character columns then check utf8mb4 validity
// and their length in characters (TEXT types: bytes); binary columns their length in bytes. As in
// MySQL strict mode, cutting only trailing spaces is allowed silently, anything more is 1406
// "Data too long". CHAR values lose their trailing spaces (MySQL returns CHAR that way);
// BINARY(n) values are padded with zero bytes to n. ENUM/SET members are matched exactly
// (utf8mb4_bin) or ASCII-case-insensitively (_ci collations), ignoring trailing spaces; numbers
// select members by index or bitmask. JSON text is validated and normalised (json_text.h).

#include <optional>

#include <fmt/format.h>

#include "types/cast_internal.h"
#include "types/json_text.h"
#include "types/number_text.h"
#include "types/temporal.h"
#include "types/utf8.h"
#include "types/value_format.h"
#include "types/vector_text.h"

namespace vexdb::cast_internal {

namespace {

bool OnlySpaces(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

std::string_view StripTrailingSpaces(std::string_view s) {
  size_t end = s.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string_view() : s.substr(0, end + 1);
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the longest prefix of text allowed by target's maximum length.
size_t AllowedBytes(std::string_view text, const LogicalType& target) {
  auto max = static_cast<size_t>(target.MaxLength());
  if (target.id != TypeId::kText) return Utf8PrefixBytes(text, static_cast<int64_t>(max));
  if (text.size() <= max) return text.size();
  while (max > 0 && IsContinuationByte(text[max])) --max;  // never split a character
  return max;
}

Result<std::string> FitCharacters(std::string text, const LogicalType& target,
                                  const CastContext& ctx) {
  if (target.MaxLength() < 0) return text;
  size_t cut = AllowedBytes(text, target);
  if (cut >= text.size()) return text;
  if (IsStore(ctx) && !OnlySpaces(std::string_view(text).substr(cut))) return DataTooLong(ctx);
  text.resize(cut);
  return text;
}

bool EqualsMember(std::string_view member, std::string_view text, bool case_insensitive) {
  member = StripTrailingSpaces(member);
  if (member.size() != text.size()) return false;
  if (!case_insensitive) return member == text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(member[i])) !=
        std::tolower(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

bool IsCaseInsensitive(const LogicalType& t) {
  return t.collation.size() > 3 && t.collation.ends_with("_ci");
}

// 0-based index of the member equal to text, if any.
std::optional<size_t> FindMember(const LogicalType& t, std::string_view text) {
  text = StripTrailingSpaces(text);
  for (size_t i = 0; i < t.elements.size(); ++i) {
    if (EqualsMember(t.elements[i], text, IsCaseInsensitive(t))) return i;
  }
  return std::nullopt;
}

// The number a value denotes as an ENUM index or SET bitmask, if it is numeric.
std::optional<int64_t> MemberNumber(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt:
    case ValueKind::kUInt:
    case ValueKind::kDouble:
    case ValueKind::kDecimal:
      return ValueToInt64(value);
    case ValueKind::kString:
      if (!IsWholeNumber(value.string_value())) return std::nullopt;
      return ValueToInt64(value);
    default:
      return std::nullopt;
  }
}

std::string SetText(const LogicalType& t, uint64_t mask) {
  std::string out;
  for (size_t i = 0; i < t.elements.size() && i < 64; ++i) {
    if ((mask >> i) & 1) {
      if (!out.empty()) out += ',';
      out += t.elements[i];
    }
  }
  return out;
}

uint64_t AllMembersMask(const LogicalType& t) {
  return t.elements.size() >= 64 ? UINT64_MAX : (uint64_t{1} << t.elements.size()) - 1;
}

// The bitmask of a comma-separated member list; nullopt if a member is unknown.
std::optional<uint64_t> SetMaskFromText(const LogicalType& t, std::string_view text) {
  uint64_t mask = 0;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::optional<size_t> index = FindMember(t, text.substr(0, comma));
    if (!index.has_value() || *index >= 64) return std::nullopt;
    mask |= uint64_t{1} << *index;
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return mask;
}

// The member a value selects: a string by name (else by number), a number by 1-based index.
std::optional<size_t> EnumIndex(const LogicalType& t, const Value& value) {
  if (value.kind() == ValueKind::kString) {
    std::optional<size_t> index = FindMember(t, value.string_value());
    if (index.has_value()) return index;
  }
  std::optional<int64_t> number = MemberNumber(value);
  if (number.has_value()) {
    if (*number < 1 || *number > static_cast<int64_t>(t.elements.size())) return std::nullopt;
    return static_cast<size_t>(*number - 1);
  }
  if (value.kind() == ValueKind::kString) return std::nullopt;
  return FindMember(t, ValueText(value));
}

// The members a value selects: a string by names (else by number), a number as a bitmask.
std::optional<uint64_t> SetMask(const LogicalType& t, const Value& value) {
  if (value.kind() == ValueKind::kString) {
    std::optional<uint64_t> mask = SetMaskFromText(t, value.string_value());
    if (mask.has_value()) return mask;
  }
  std::optional<int64_t> number = MemberNumber(value);
  if (number.has_value()) return static_cast<uint64_t>(*number);
  if (value.kind() == ValueKind::kString) return std::nullopt;
  return SetMaskFromText(t, ValueText(value));
}

Status InvalidJson(const JsonSyntaxError& error, const CastContext& ctx) {
  if (IsStore(ctx)) {
    return Status::Error(ErrorCode::kInvalidJsonText,
                         fmt::format("\"{}\" at position {} in value for column '{}'.",
                                     error.reason, error.position, ctx.column_name));
  }
  return Status::Error(ErrorCode::kInvalidJsonTextInParam, 1, "cast_as_json", error.reason,
                       error.position);
}

std::string QuotedTemporal(const Value& value) {
  if (value.kind() == ValueKind::kDate) return "\"" + FormatDate(value.date_value()) + "\"";
  if (value.kind() == ValueKind::kDatetime) {
    return "\"" + FormatDatetime(value.datetime_value(), 6) + "\"";
  }
  return "\"" + FormatTime(value.time_value(), 6) + "\"";
}

}  // namespace

Result<Value> CastToCharacter(const Value& value, const LogicalType& target,
                              const CastContext& ctx) {
  std::string text = ValueText(value);
  size_t invalid = FindInvalidUtf8(text);
  if (invalid != std::string::npos && IsStore(ctx)) {
    return WrongValue(ctx, "string", HexExcerpt(text, invalid));
  }
  VEXDB_ASSIGN_OR_RETURN(text, FitCharacters(std::move(text), target, ctx));
  if (target.id == TypeId::kChar) text.resize(StripTrailingSpaces(text).size());
  return Value::String(std::move(text));
}

Result<Value> CastToBinary(const Value& value, const LogicalType& target, const CastContext& ctx) {
  std::string bytes = ValueText(value);
  int64_t max = target.MaxLength();
  if (max >= 0 && static_cast<int64_t>(bytes.size()) > max) {
    if (IsStore(ctx)) return DataTooLong(ctx);
    bytes.resize(static_cast<size_t>(max));
  }
  if (target.id == TypeId::kBinary && max >= 0) bytes.resize(static_cast<size_t>(max), '\0');
  return Value::String(std::move(bytes));
}

Result<Value> CastToEnum(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "enum");
  std::optional<size_t> index = EnumIndex(target, value);
  if (index.has_value()) return Value::String(target.elements[*index]);
  if (IsStore(ctx)) return DataTruncated(ctx);
  return Value::String("");
}

Result<Value> CastToSet(const Value& value, const LogicalType& target, const CastContext& ctx) {
  if (value.kind() == ValueKind::kVector) return CannotCast("vector", "set");
  std::optional<uint64_t> mask = SetMask(target, value);
  if (!mask.has_value() || (*mask & ~AllMembersMask(target)) != 0) {
    if (IsStore(ctx)) return DataTruncated(ctx);
    mask = mask.value_or(0) & AllMembersMask(target);
  }
  return Value::String(SetText(target, *mask));
}

Result<Value> CastToJson(const Value& value, const LogicalType& target, const CastContext& ctx) {
  switch (value.kind()) {
    case ValueKind::kString: {
      std::string normalized;
      JsonSyntaxError error;
      if (!NormalizeJsonText(value.string_value(), &normalized, &error)) {
        return InvalidJson(error, ctx);
      }
      return Value::String(std::move(normalized));
    }
    case ValueKind::kDouble: return Value::String(FormatJsonDouble(value.double_value()));
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return Value::String(QuotedTemporal(value));
    case ValueKind::kVector: return CannotCast("vector", "json");
    default: return Value::String(ValueText(value));
  }
}

Result<Value> CastToVector(const Value& value, const LogicalType& target, const CastContext& ctx) {
  std::vector<float> elements;
  if (value.kind() == ValueKind::kString) {
    VEXDB_ASSIGN_OR_RETURN(elements, ParseVectorText(value.string_value()));
  } else if (value.kind() == ValueKind::kVector) {
    elements = value.vector_value();
  } else {
    return CannotCast(KindTypeName(value.kind()), "vector");
  }
  VEXDB_RETURN_IF_ERROR(CheckVectorDimensions(elements, target.length));
  return Value::Vector(std::move(elements));
}

}  // namespace vexdb::cast_internal

namespace vexdb {

uint64_t MemberOrdinal(const Value& value, const LogicalType& type) {
  if (value.kind() != ValueKind::kString) return 0;
  if (type.id == TypeId::kEnum) {
    std::optional<size_t> index = cast_internal::FindMember(type, value.string_value());
    return index.has_value() ? *index + 1 : 0;
  }
  return cast_internal::SetMaskFromText(type, value.string_value()).value_or(0);
}

}  // namespace vexdb

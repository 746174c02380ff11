// String functions. Character data is utf8mb4: lengths and positions count code points, case
// mapping is Unicode simple case mapping (utf8proc), comparison is byte-wise (utf8mb4_bin).
// Byte data (BINARY/VARBINARY/BLOB arguments) counts bytes and is never case-mapped, as MySQL
// does for binary strings. Results longer than max_allowed_packet (64 MiB) are NULL.

#include <utf8proc.h>

#include <algorithm>
#include <string>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "function/utf8.h"
#include "types/cast.h"
#include "types/decimal.h"

namespace vexdb {

namespace {

constexpr int64_t kMaxResultBytes = 64 * 1024 * 1024;  // max_allowed_packet

// ---- Result types ---------------------------------------------------------------------------

bool AnyBinary(std::span<const LogicalType> types) {
  return std::any_of(types.begin(), types.end(), [](const auto& t) { return t.IsBinary(); });
}

int64_t SumLengths(std::span<const LogicalType> types) {
  int64_t total = 0;
  for (const auto& t : types) {
    int64_t n = DisplayLength(t);
    if (n < 0) return -1;
    total += n;
  }
  return total;
}

Result<LogicalType> ReturnConcat(std::span<const LogicalType> types) {
  return StringType(SumLengths(types), AnyBinary(types));
}

Result<LogicalType> ReturnConcatWs(std::span<const LogicalType> types) {
  int64_t parts = SumLengths(types.subspan(1));
  int64_t sep = DisplayLength(types[0]);
  int64_t n = (parts < 0 || sep < 0) ? -1 : parts + sep * static_cast<int64_t>(types.size() - 2);
  return StringType(n, AnyBinary(types));
}

// Same length and binary-ness as the first argument (LOWER, SUBSTRING, TRIM, ...).
Result<LogicalType> ReturnLikeFirst(std::span<const LogicalType> types) {
  return StringType(DisplayLength(types[0]), types[0].IsBinary());
}

Result<LogicalType> ReturnUnbounded(std::span<const LogicalType> types) {
  return StringType(-1, AnyBinary(types));
}

// LPAD/RPAD(s, n, pad), REPEAT(s, n), SPACE(n): n characters when n is a constant.
Result<LogicalType> RefinePad(std::span<const LogicalType> types,
                              std::span<const Value* const> constants) {
  const Value* n = ConstantArg(constants, 1);
  if (n == nullptr || n->is_null()) return ReturnUnbounded(types);
  return StringType(std::max<int64_t>(ValueToInt64(*n), 0), AnyBinary(types));
}

Result<LogicalType> RefineRepeat(std::span<const LogicalType> types,
                                 std::span<const Value* const> constants) {
  const Value* n = ConstantArg(constants, 1);
  int64_t len = DisplayLength(types[0]);
  if (n == nullptr || n->is_null() || len < 0) return ReturnUnbounded(types);
  return StringType(len * std::clamp<int64_t>(ValueToInt64(*n), 0, kMaxResultBytes),
                    types[0].IsBinary());
}

Result<LogicalType> RefineSpace(std::span<const LogicalType> types,
                                std::span<const Value* const> constants) {
  const Value* n = ConstantArg(constants, 0);
  if (n == nullptr || n->is_null()) return StringType(-1);
  return StringType(std::clamp<int64_t>(ValueToInt64(*n), 0, kMaxResultBytes));
}

Result<LogicalType> ReturnElt(std::span<const LogicalType> types) {
  LogicalType t = UnifyResultTypes(types.subspan(1));
  return StringType(DisplayLength(t), t.IsBinary());
}

Result<LogicalType> ReturnChar(std::span<const LogicalType> types) {
  return StringType(static_cast<int64_t>(types.size()) * 4, /*binary=*/true);
}

Result<LogicalType> ReturnQuote(std::span<const LogicalType> types) {
  int64_t n = DisplayLength(types[0]);
  return StringType(n < 0 ? -1 : n * 2 + 2, types[0].IsBinary());
}

Result<LogicalType> ReturnConvertUsing(std::span<const LogicalType> types) {
  return StringType(DisplayLength(types[0]), false);
}

Result<LogicalType> RefineConvertUsing(std::span<const LogicalType> types,
                                       std::span<const Value* const> constants) {
  const Value* charset = ConstantArg(constants, 1);
  bool binary = charset != nullptr && charset->kind() == ValueKind::kString &&
                (charset->string_value() == "binary" || charset->string_value() == "BINARY");
  return StringType(DisplayLength(types[0]), binary);
}

// ---- Helpers --------------------------------------------------------------------------------

Value StringResult(std::string s) {
  if (static_cast<int64_t>(s.size()) > kMaxResultBytes) return Value::Null();
  return Value::String(std::move(s));
}

// The substring of `s` from unit `start` (0-based) of at most `count` units.
std::string Units(std::string_view s, int64_t start, int64_t count, bool bytes) {
  if (start < 0 || count <= 0) return "";
  size_t begin = UnitOffset(s, static_cast<size_t>(start), bytes);
  std::string_view rest = s.substr(begin);
  return std::string(rest.substr(0, UnitOffset(rest, static_cast<size_t>(count), bytes)));
}

// 1-based unit position of byte offset `offset` in s.
int64_t PositionOf(std::string_view s, size_t offset, bool bytes) {
  return static_cast<int64_t>(CountUnits(s.substr(0, offset), bytes)) + 1;
}

// ---- Concatenation and length ---------------------------------------------------------------

Result<Value> Concat(const FunctionArgs& args) {
  std::string out;
  for (size_t i = 0; i < args.values.size(); ++i) out += ArgText(args, i);
  return StringResult(std::move(out));
}

Result<Value> ConcatWs(const FunctionArgs& args) {
  if (args.values[0].is_null()) return Value::Null();
  std::string sep = ArgText(args, 0), out;
  bool first = true;
  for (size_t i = 1; i < args.values.size(); ++i) {
    if (args.values[i].is_null()) continue;
    if (!first) out += sep;
    out += ArgText(args, i);
    first = false;
  }
  return StringResult(std::move(out));
}

Result<Value> Length(const FunctionArgs& args) {
  return Value::Int(static_cast<int64_t>(ArgText(args, 0).size()));
}

Result<Value> BitLength(const FunctionArgs& args) {
  return Value::Int(static_cast<int64_t>(ArgText(args, 0).size()) * 8);
}

Result<Value> CharLength(const FunctionArgs& args) {
  return Value::Int(static_cast<int64_t>(CountUnits(ArgText(args, 0), ArgIsBinary(args, 0))));
}

// ---- Case mapping ---------------------------------------------------------------------------

Value MapCase(const FunctionArgs& args, utf8proc_int32_t (*map)(utf8proc_int32_t)) {
  std::string s = ArgText(args, 0);
  if (ArgIsBinary(args, 0)) return Value::String(std::move(s));
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    char32_t cp = DecodeCodePoint(s, &pos);
    if (pos - start == 1 && cp >= 0x80) {
      out.push_back(s[start]);  // malformed byte: keep it as is
      continue;
    }
    AppendCodePoint(&out, static_cast<char32_t>(map(static_cast<utf8proc_int32_t>(cp))));
  }
  return Value::String(std::move(out));
}

// Unicode's simple uppercase of U+00DF (ß) is itself; utf8proc maps it to U+1E9E (ẞ), which
// MySQL does not.
utf8proc_int32_t SimpleUpper(utf8proc_int32_t cp) { return cp == 0xDF ? cp : utf8proc_toupper(cp); }

Result<Value> Lower(const FunctionArgs& args) { return MapCase(args, utf8proc_tolower); }
Result<Value> Upper(const FunctionArgs& args) { return MapCase(args, SimpleUpper); }

// ---- Substrings -----------------------------------------------------------------------------

// SUBSTRING(s, pos[, len]): 1-based; a negative pos counts from the end; pos 0 gives ''.
Result<Value> Substring(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  bool bytes = ArgIsBinary(args, 0);
  int64_t pos = ArgInt(args, 1);
  int64_t len = args.values.size() > 2 ? ArgInt(args, 2) : INT64_MAX;
  auto n = static_cast<int64_t>(CountUnits(s, bytes));
  if (pos == 0 || pos > n || pos < -n) return Value::String("");
  int64_t start = pos > 0 ? pos - 1 : n + pos;
  return Value::String(Units(s, start, len, bytes));
}

Result<Value> Left(const FunctionArgs& args) {
  return Value::String(Units(ArgText(args, 0), 0, ArgInt(args, 1), ArgIsBinary(args, 0)));
}

Result<Value> Right(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  bool bytes = ArgIsBinary(args, 0);
  int64_t len = ArgInt(args, 1);
  auto n = static_cast<int64_t>(CountUnits(s, bytes));
  if (len <= 0) return Value::String("");
  return Value::String(Units(s, std::max<int64_t>(n - len, 0), len, bytes));
}

// SUBSTRING_INDEX(s, delim, count): text before the count-th delimiter (after it, counting from
// the right, when count is negative).
Result<Value> SubstringIndex(const FunctionArgs& args) {
  std::string s = ArgText(args, 0), delim = ArgText(args, 1);
  int64_t count = ArgInt(args, 2);
  if (count == 0 || delim.empty()) return Value::String("");
  if (count > 0) {
    size_t pos = 0;
    for (int64_t i = 0; i < count; ++i, pos += delim.size()) {
      pos = s.find(delim, pos);
      if (pos == std::string::npos) return Value::String(s);
    }
    return Value::String(s.substr(0, pos - delim.size()));
  }
  size_t end = s.size();
  for (int64_t i = 0; i < -count; ++i) {
    if (end < delim.size()) return Value::String(s);
    size_t pos = s.rfind(delim, end - delim.size());
    if (pos == std::string::npos) return Value::String(s);
    end = pos;
  }
  return Value::String(s.substr(end + delim.size()));
}

// ---- Trimming and padding -------------------------------------------------------------------

std::string TrimString(std::string s, std::string_view rem, bool leading, bool trailing) {
  if (rem.empty()) return s;
  size_t begin = 0, end = s.size();
  while (leading && end - begin >= rem.size() && s.compare(begin, rem.size(), rem) == 0) {
    begin += rem.size();
  }
  while (trailing && end - begin >= rem.size() &&
         s.compare(end - rem.size(), rem.size(), rem) == 0) {
    end -= rem.size();
  }
  return s.substr(begin, end - begin);
}

Value Trim(const FunctionArgs& args, bool leading, bool trailing) {
  std::string rem = args.values.size() > 1 ? ArgText(args, 1) : " ";
  return Value::String(TrimString(ArgText(args, 0), rem, leading, trailing));
}

Result<Value> TrimBoth(const FunctionArgs& args) { return Trim(args, true, true); }
Result<Value> TrimLeading(const FunctionArgs& args) { return Trim(args, true, false); }
Result<Value> TrimTrailing(const FunctionArgs& args) { return Trim(args, false, true); }

Value Pad(const FunctionArgs& args, bool left) {
  std::string s = ArgText(args, 0), pad = ArgText(args, 2);
  bool bytes = ArgIsBinary(args, 0);
  int64_t len = ArgInt(args, 1);
  auto n = static_cast<int64_t>(CountUnits(s, bytes));
  if (len < 0 || len > kMaxResultBytes) return Value::Null();
  if (len <= n) return Value::String(Units(s, 0, len, bytes));
  auto pad_units = static_cast<int64_t>(CountUnits(pad, bytes));
  if (pad_units == 0) return Value::Null();
  std::string fill;
  for (int64_t need = len - n; need > 0; need -= pad_units) {
    fill += need >= pad_units ? pad : Units(pad, 0, need, bytes);
  }
  return StringResult(left ? fill + s : s + fill);
}

Result<Value> Lpad(const FunctionArgs& args) { return Pad(args, true); }
Result<Value> Rpad(const FunctionArgs& args) { return Pad(args, false); }

// ---- Search and replace ---------------------------------------------------------------------

Result<Value> Replace(const FunctionArgs& args) {
  std::string s = ArgText(args, 0), from = ArgText(args, 1), to = ArgText(args, 2);
  if (from.empty()) return Value::String(std::move(s));
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos);
    out += to;
  }
  out.append(s, pos, std::string::npos);
  return StringResult(std::move(out));
}

// 1-based position of `needle` in `hay` at or after unit position `start`; 0 if absent.
int64_t Locate(std::string_view hay, std::string_view needle, int64_t start, bool bytes) {
  auto n = static_cast<int64_t>(CountUnits(hay, bytes));
  if (start < 1 || start > n + 1) return 0;
  size_t from = UnitOffset(hay, static_cast<size_t>(start - 1), bytes);
  size_t hit = hay.find(needle, from);
  return hit == std::string_view::npos ? 0 : PositionOf(hay, hit, bytes);
}

Result<Value> Instr(const FunctionArgs& args) {
  bool bytes = ArgIsBinary(args, 0) || ArgIsBinary(args, 1);
  return Value::Int(Locate(ArgText(args, 0), ArgText(args, 1), 1, bytes));
}

// LOCATE(substr, str[, pos]) and POSITION(substr IN str).
Result<Value> LocateFn(const FunctionArgs& args) {
  bool bytes = ArgIsBinary(args, 0) || ArgIsBinary(args, 1);
  int64_t start = args.values.size() > 2 ? ArgInt(args, 2) : 1;
  return Value::Int(Locate(ArgText(args, 1), ArgText(args, 0), start, bytes));
}

// INSERT(s, pos, len, new): replaces len units at pos; s unchanged if pos is out of range.
Result<Value> InsertFn(const FunctionArgs& args) {
  std::string s = ArgText(args, 0), repl = ArgText(args, 3);
  bool bytes = ArgIsBinary(args, 0);
  int64_t pos = ArgInt(args, 1), len = ArgInt(args, 2);
  auto n = static_cast<int64_t>(CountUnits(s, bytes));
  if (pos < 1 || pos > n) return Value::String(std::move(s));
  if (len < 0 || len > n - pos + 1) len = n - pos + 1;
  return StringResult(Units(s, 0, pos - 1, bytes) + repl + Units(s, pos - 1 + len, n, bytes));
}

Result<Value> Reverse(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  bool bytes = ArgIsBinary(args, 0);
  std::string out(s.size(), '\0');
  size_t write = s.size();
  for (size_t pos = 0; pos < s.size();) {
    size_t len = UnitLength(s, pos, bytes);
    write -= len;
    s.copy(out.data() + write, len, pos);
    pos += len;
  }
  return Value::String(std::move(out));
}

Result<Value> Repeat(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  int64_t count = ArgInt(args, 1);
  if (count <= 0 || s.empty()) return Value::String("");
  if (count > kMaxResultBytes / static_cast<int64_t>(s.size())) return Value::Null();
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out += s;
  return Value::String(std::move(out));
}

Result<Value> Space(const FunctionArgs& args) {
  int64_t count = std::clamp<int64_t>(ArgInt(args, 0), 0, kMaxResultBytes + 1);
  return StringResult(std::string(static_cast<size_t>(count), ' '));
}

// ---- Characters and codes -------------------------------------------------------------------

Result<Value> Ascii(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  return Value::Int(s.empty() ? 0 : static_cast<unsigned char>(s[0]));
}

// ORD: the first character's bytes as a big-endian number.
Result<Value> Ord(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  if (s.empty()) return Value::Int(0);
  size_t len = UnitLength(s, 0, ArgIsBinary(args, 0));
  int64_t v = 0;
  for (size_t i = 0; i < len; ++i) v = v * 256 + static_cast<unsigned char>(s[i]);
  return Value::Int(v);
}

// CHAR(n, ...): each integer's bytes, big-endian without leading zero bytes; NULLs skipped.
Result<Value> Char(const FunctionArgs& args) {
  std::string out;
  for (size_t i = 0; i < args.values.size(); ++i) {
    if (args.values[i].is_null()) continue;
    auto v = static_cast<uint32_t>(ArgInt(args, i));
    bool started = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
      auto byte = static_cast<char>((v >> shift) & 0xFF);
      if (byte != 0 || started || shift == 0) {
        out.push_back(byte);
        started = true;
      }
    }
  }
  return Value::String(std::move(out));
}

// ---- Lists ----------------------------------------------------------------------------------

// FIELD(s, s1, s2, ...): 1-based index of the first si equal to s, 0 if none (or s is NULL).
Result<Value> Field(const FunctionArgs& args) {
  if (args.values[0].is_null()) return Value::Int(0);
  bool all_strings = std::all_of(args.types.begin(), args.types.end(), [](const auto& t) {
    return t.IsString() || t.IsBinary() || t.id == TypeId::kNull;
  });
  for (size_t i = 1; i < args.values.size(); ++i) {
    if (args.values[i].is_null()) continue;
    bool equal = all_strings ? ArgText(args, 0) == ArgText(args, i)
                             : ArgDouble(args, 0) == ArgDouble(args, i);
    if (equal) return Value::Int(static_cast<int64_t>(i));
  }
  return Value::Int(0);
}

Result<Value> FindInSet(const FunctionArgs& args) {
  std::string needle = ArgText(args, 0), list = ArgText(args, 1);
  if (needle.find(',') != std::string::npos || list.empty()) return Value::Int(0);
  int64_t index = 1;
  for (size_t pos = 0;; ++index) {
    size_t comma = list.find(',', pos);
    if (list.compare(pos, comma == std::string::npos ? std::string::npos : comma - pos, needle) ==
        0) {
      return Value::Int(index);
    }
    if (comma == std::string::npos) return Value::Int(0);
    pos = comma + 1;
  }
}

Result<Value> Elt(const FunctionArgs& args) {
  if (args.values[0].is_null()) return Value::Null();
  int64_t n = ArgInt(args, 0);
  if (n < 1 || n >= static_cast<int64_t>(args.values.size())) return Value::Null();
  const Value& v = args.values[static_cast<size_t>(n)];
  if (v.is_null()) return Value::Null();
  return Value::String(ArgText(args, static_cast<size_t>(n)));
}

// ---- Comparison, quoting, formatting --------------------------------------------------------

Result<Value> Strcmp(const FunctionArgs& args) {
  int c = ArgText(args, 0).compare(ArgText(args, 1));
  return Value::Int(c < 0 ? -1 : c > 0 ? 1 : 0);
}

Result<Value> Quote(const FunctionArgs& args) {
  if (args.values[0].is_null()) return Value::String("NULL");
  std::string out = "'";
  for (char c : ArgText(args, 0)) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\x1a':
        out += "\\Z";
        break;
      default:
        out.push_back(c);
    }
  }
  return Value::String(out + "'");
}

// Inserts thousands separators into the integer part of a plain decimal text.
std::string GroupThousands(std::string_view text) {
  size_t sign = (!text.empty() && text[0] == '-') ? 1 : 0;
  size_t dot = text.find('.');
  size_t int_end = dot == std::string_view::npos ? text.size() : dot;
  std::string out(text.substr(0, sign));
  for (size_t i = sign; i < int_end; ++i) {
    out.push_back(text[i]);
    size_t remaining = int_end - i - 1;
    if (remaining > 0 && remaining % 3 == 0) out.push_back(',');
  }
  out.append(text.substr(int_end));
  return out;
}

// FORMAT(x, d): x rounded half away from zero to d decimals (0..30), with ',' thousands.
Result<Value> Format(const FunctionArgs& args) {
  int d = static_cast<int>(std::clamp<int64_t>(ArgInt(args, 1), 0, Decimal::kMaxScale));
  const Value& x = args.values[0];
  Result<Decimal> dec =
      x.kind() == ValueKind::kDouble ? Decimal::FromDouble(x.double_value()) : ValueToDecimal(x);
  if (!dec.ok()) return Value::Null();
  auto rounded = dec->Rescale(d);
  if (!rounded.ok()) return Value::Null();
  return Value::String(GroupThousands(rounded->ToString()));
}

Result<Value> ConvertUsing(const FunctionArgs& args) { return Value::String(ArgText(args, 0)); }

constexpr ScalarFunction kStringFunctions[] = {
    {"concat", 1, -1, ReturnConcat, Concat, true, true, nullptr},
    {"concat_ws", 2, -1, ReturnConcatWs, ConcatWs, false, true, nullptr},
    {"length", 1, 1, ReturnBigInt, Length, true, true, nullptr},
    {"octet_length", 1, 1, ReturnBigInt, Length, true, true, nullptr},
    {"bit_length", 1, 1, ReturnBigInt, BitLength, true, true, nullptr},
    {"char_length", 1, 1, ReturnBigInt, CharLength, true, true, nullptr},
    {"character_length", 1, 1, ReturnBigInt, CharLength, true, true, nullptr},
    {"lower", 1, 1, ReturnLikeFirst, Lower, true, true, nullptr},
    {"lcase", 1, 1, ReturnLikeFirst, Lower, true, true, nullptr},
    {"upper", 1, 1, ReturnLikeFirst, Upper, true, true, nullptr},
    {"ucase", 1, 1, ReturnLikeFirst, Upper, true, true, nullptr},
    {"substring", 2, 3, ReturnLikeFirst, Substring, true, true, nullptr},
    {"substr", 2, 3, ReturnLikeFirst, Substring, true, true, nullptr},
    {"mid", 3, 3, ReturnLikeFirst, Substring, true, true, nullptr},
    {"left", 2, 2, ReturnLikeFirst, Left, true, true, nullptr},
    {"right", 2, 2, ReturnLikeFirst, Right, true, true, nullptr},
    {"substring_index", 3, 3, ReturnLikeFirst, SubstringIndex, true, true, nullptr},
    {"trim", 1, 2, ReturnLikeFirst, TrimBoth, true, true, nullptr},
    {"trim_both", 1, 2, ReturnLikeFirst, TrimBoth, true, true, nullptr},
    {"trim_leading", 1, 2, ReturnLikeFirst, TrimLeading, true, true, nullptr},
    {"trim_trailing", 1, 2, ReturnLikeFirst, TrimTrailing, true, true, nullptr},
    {"ltrim", 1, 1, ReturnLikeFirst, TrimLeading, true, true, nullptr},
    {"rtrim", 1, 1, ReturnLikeFirst, TrimTrailing, true, true, nullptr},
    {"lpad", 3, 3, ReturnUnbounded, Lpad, true, true, RefinePad},
    {"rpad", 3, 3, ReturnUnbounded, Rpad, true, true, RefinePad},
    {"replace", 3, 3, ReturnUnbounded, Replace, true, true, nullptr},
    {"instr", 2, 2, ReturnBigInt, Instr, true, true, nullptr},
    {"locate", 2, 3, ReturnBigInt, LocateFn, true, true, nullptr},
    {"position", 2, 2, ReturnBigInt, LocateFn, true, true, nullptr},
    {"insert", 4, 4, ReturnUnbounded, InsertFn, true, true, nullptr},
    {"reverse", 1, 1, ReturnLikeFirst, Reverse, true, true, nullptr},
    {"repeat", 2, 2, ReturnUnbounded, Repeat, true, true, RefineRepeat},
    {"space", 1, 1, ReturnLongText, Space, true, true, RefineSpace},
    {"ascii", 1, 1, ReturnBigInt, Ascii, true, true, nullptr},
    {"ord", 1, 1, ReturnBigInt, Ord, true, true, nullptr},
    {"char", 1, -1, ReturnChar, Char, false, true, nullptr},
    {"field", 2, -1, ReturnBigInt, Field, false, true, nullptr},
    {"find_in_set", 2, 2, ReturnBigInt, FindInSet, true, true, nullptr},
    {"elt", 2, -1, ReturnElt, Elt, false, true, nullptr},
    {"strcmp", 2, 2, ReturnBigInt, Strcmp, true, true, nullptr},
    {"quote", 1, 1, ReturnQuote, Quote, false, true, nullptr},
    {"format", 2, 3, ReturnVarchar<128>, Format, true, true, nullptr},
    {"convert_using", 2, 2, ReturnConvertUsing, ConvertUsing, true, true, RefineConvertUsing},
};

}  // namespace

std::span<const ScalarFunction> StringFunctions() { return kStringFunctions; }

}  // namespace vexdb

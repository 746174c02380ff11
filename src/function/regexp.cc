// REGEXP, REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR and REGEXP_REPLACE on PCRE2.
//
// MySQL 8 uses ICU regular expressions; PCRE2 in UTF + UCP mode accepts the same syntax for
// everything clients use (classes, quantifiers, anchors, groups, \d \w \s, Unicode properties).
// Positions are 1-based code points, as MySQL's. Match flags are MySQL's: c (case-sensitive,
// the default for utf8mb4_bin), i (case-insensitive), m (multi-line), n ('.' matches line
// terminators), u (Unix line endings only); when flags conflict the last one wins.
//
// Compiled patterns are cached per thread (a query applies one pattern to many rows); the cache
// is bounded and simply cleared when full.

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "function/function.h"
#include "function/function_tables.h"
#include "function/function_util.h"
#include "function/utf8.h"

namespace vexdb {

namespace {

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
using CodePtr = std::shared_ptr<pcre2_code>;
using MatchDataPtr = std::unique_ptr<pcre2_match_data, MatchDataDeleter>;

constexpr size_t kCacheCapacity = 64;

Result<uint32_t> CompileOptions(std::string_view flags) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  for (char f : flags) {
    switch (f) {
      case 'c':
        options &= ~PCRE2_CASELESS;
        break;
      case 'i':
        options |= PCRE2_CASELESS;
        break;
      case 'm':
        options |= PCRE2_MULTILINE;
        break;
      case 'n':
        options |= PCRE2_DOTALL;
        break;
      case 'u':
        break;  // PCRE2 already treats only \n as a line end by default
      default:
        return Status::Error(ErrorCode::kRegexpInvalidFlag);
    }
  }
  return options;
}

Status CompileError(int code, size_t offset) {
  switch (code) {
    case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
    case 122:  // unmatched closing parenthesis
      return Status::Error(ErrorCode::kRegexpMismatchedParen);
    case 106:  // missing terminating ] for character class
      return Status::Error(ErrorCode::kRegexpMissingCloseBracket);
    default:
      return Status::Error(ErrorCode::kRegexpRuleSyntax, 1, offset + 1);
  }
}

Result<CodePtr> Compile(std::string_view pattern, std::string_view flags) {
  VEXDB_ASSIGN_OR_RETURN(uint32_t options, CompileOptions(flags));
  thread_local std::unordered_map<std::string, CodePtr> cache;
  std::string key = std::to_string(options) + ":" + std::string(pattern);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   options, &error, &offset, nullptr);
  if (code == nullptr) return CompileError(error, offset);
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // best effort; the interpreter is the fallback
  if (cache.size() >= kCacheCapacity) cache.clear();
  CodePtr shared(code, CodeDeleter());
  cache.emplace(std::move(key), shared);
  return shared;
}

// One match: byte offsets of the whole match and its groups.
struct Match {
  MatchDataPtr data;
  size_t start = 0, end = 0;
};

// Finds the first match at or after byte offset `from`; nullopt-like (data == nullptr) if none.
Result<Match> Find(const CodePtr& code, std::string_view text, size_t from) {
  MatchDataPtr data(pcre2_match_data_create_from_pattern(code.get(), nullptr));
  int rc = pcre2_match(code.get(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from, 0,
                       data.get(), nullptr);
  if (rc == PCRE2_ERROR_NOMATCH) return Match{};
  if (rc < 0) return Status::Error(ErrorCode::kRegexpIllegalArgument);
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  Match m;
  m.start = ovector[0];
  m.end = ovector[1];
  m.data = std::move(data);
  return m;
}

// Where a scan for the next match resumes: past an empty match by one code point, so a global
// scan always makes progress (text.size() + 1 once the end is consumed).
size_t Advance(std::string_view text, const Match& m) {
  if (m.end > m.start) return m.end;
  if (m.end >= text.size()) return text.size() + 1;
  return m.end + UnitLength(text, m.end, false);
}

// The byte offset of 1-based code point position `pos`, or nullopt-ish (npos) if beyond the end.
size_t StartOffset(std::string_view text, int64_t pos) {
  if (pos < 1) return std::string_view::npos;
  size_t units = CountUnits(text, false);
  if (static_cast<size_t>(pos) > units + (units == 0 ? 1 : 0)) return std::string_view::npos;
  return UnitOffset(text, static_cast<size_t>(pos - 1), false);
}

// The occurrence-th match (1-based) at or after byte `from`.
Result<Match> FindOccurrence(const CodePtr& code, std::string_view text, size_t from,
                             int64_t occurrence) {
  for (int64_t n = 1;; ++n) {
    VEXDB_ASSIGN_OR_RETURN(Match m, Find(code, text, from));
    if (m.data == nullptr || n >= occurrence) return m;
    from = Advance(text, m);
    if (from > text.size()) return Match{};
  }
}

// Appends the replacement with $N group references and \x escapes expanded.
void AppendReplacement(std::string* out, std::string_view repl, std::string_view text,
                       const Match& m) {
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(m.data.get());
  uint32_t groups = pcre2_get_ovector_count(m.data.get());
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c == '\\' && i + 1 < repl.size()) {
      out->push_back(repl[++i]);
    } else if (c == '$' && i + 1 < repl.size() && repl[i + 1] >= '0' && repl[i + 1] <= '9') {
      uint32_t g = static_cast<uint32_t>(repl[++i] - '0');
      if (g < groups && ovector[2 * g] != PCRE2_UNSET) {
        out->append(text.substr(ovector[2 * g], ovector[2 * g + 1] - ovector[2 * g]));
      }
    } else {
      out->push_back(c);
    }
  }
}

std::string_view FlagsArg(const FunctionArgs& args, size_t i, std::string* storage) {
  if (args.values.size() <= i) return {};
  *storage = ArgText(args, i);
  return *storage;
}

Result<Value> RegexpLike(const FunctionArgs& args) {
  std::string flags;
  VEXDB_ASSIGN_OR_RETURN(
      bool match, RegexpMatch(ArgText(args, 0), ArgText(args, 1), FlagsArg(args, 2, &flags)));
  return Value::Int(match ? 1 : 0);
}

int64_t OptionalInt(const FunctionArgs& args, size_t i, int64_t fallback) {
  return args.values.size() > i ? ArgInt(args, i) : fallback;
}

Result<Value> RegexpInstr(const FunctionArgs& args) {
  std::string text = ArgText(args, 0), flags;
  VEXDB_ASSIGN_OR_RETURN(CodePtr code, Compile(ArgText(args, 1), FlagsArg(args, 5, &flags)));
  size_t from = StartOffset(text, OptionalInt(args, 2, 1));
  if (from == std::string_view::npos) return Status::Error(ErrorCode::kRegexpIllegalArgument);
  VEXDB_ASSIGN_OR_RETURN(Match m, FindOccurrence(code, text, from, OptionalInt(args, 3, 1)));
  if (m.data == nullptr) return Value::Int(0);
  size_t at = OptionalInt(args, 4, 0) == 0 ? m.start : m.end;
  return Value::Int(static_cast<int64_t>(CountUnits(std::string_view(text).substr(0, at), false)) +
                    1);
}

Result<Value> RegexpSubstr(const FunctionArgs& args) {
  std::string text = ArgText(args, 0), flags;
  VEXDB_ASSIGN_OR_RETURN(CodePtr code, Compile(ArgText(args, 1), FlagsArg(args, 4, &flags)));
  size_t from = StartOffset(text, OptionalInt(args, 2, 1));
  if (from == std::string_view::npos) return Status::Error(ErrorCode::kRegexpIllegalArgument);
  VEXDB_ASSIGN_OR_RETURN(Match m, FindOccurrence(code, text, from, OptionalInt(args, 3, 1)));
  if (m.data == nullptr) return Value::Null();
  return Value::String(text.substr(m.start, m.end - m.start));
}

Result<Value> RegexpReplace(const FunctionArgs& args) {
  std::string text = ArgText(args, 0), repl = ArgText(args, 2), flags;
  VEXDB_ASSIGN_OR_RETURN(CodePtr code, Compile(ArgText(args, 1), FlagsArg(args, 5, &flags)));
  size_t from = StartOffset(text, OptionalInt(args, 3, 1));
  if (from == std::string_view::npos) return Status::Error(ErrorCode::kRegexpIllegalArgument);
  int64_t occurrence = OptionalInt(args, 4, 0);
  std::string out = text.substr(0, from);
  size_t copied = from;
  for (int64_t n = 1; from <= text.size(); ++n) {
    VEXDB_ASSIGN_OR_RETURN(Match m, Find(code, text, from));
    if (m.data == nullptr) break;
    if (occurrence == 0 || n == occurrence) {
      out.append(text, copied, m.start - copied);
      AppendReplacement(&out, repl, text, m);
      copied = m.end;
      if (occurrence != 0) break;
    }
    from = Advance(text, m);
  }
  out.append(text, std::min(copied, text.size()), std::string::npos);
  return Value::String(std::move(out));
}

Result<LogicalType> ReturnFirstArgString(std::span<const LogicalType> types) {
  return StringType(DisplayLength(types[0]), types[0].IsBinary());
}

Result<LogicalType> ReturnReplaced(std::span<const LogicalType> types) {
  return StringType(-1, types[0].IsBinary());
}

constexpr ScalarFunction kRegexpFunctions[] = {
    {"regexp_like", 2, 3, ReturnBoolean, RegexpLike, true, true, nullptr},
    {"regexp", 2, 2, ReturnBoolean, RegexpLike, true, true, nullptr},
    {"regexp_instr", 2, 6, ReturnBigInt, RegexpInstr, true, true, nullptr},
    {"regexp_substr", 2, 5, ReturnFirstArgString, RegexpSubstr, true, true, nullptr},
    {"regexp_replace", 3, 6, ReturnReplaced, RegexpReplace, true, true, nullptr},
};

}  // namespace

Result<bool> RegexpMatch(std::string_view text, std::string_view pattern, std::string_view flags) {
  VEXDB_ASSIGN_OR_RETURN(CodePtr code, Compile(pattern, flags));
  VEXDB_ASSIGN_OR_RETURN(Match m, Find(code, text, 0));
  return m.data != nullptr;
}

std::span<const ScalarFunction> RegexpFunctions() { return kRegexpFunctions; }

}  // namespace vexdb

#pragma once

// Tokens: what the lexer (lexer.h) hands the parser. A token records its byte range in the input
// and, for literals, the decoded value (escapes resolved, hex/bit digits turned into bytes).

#include <cstdint>
#include <string>
#include <string_view>

#include "parser/ast.h"

namespace vexdb::parser_internal {

enum class TokenType : uint8_t {
  kEnd,          // end of input
  kError,        // malformed input; text holds the reason
  kWord,         // unquoted identifier or keyword, as written
  kQuotedIdent,  // `name` with `` un-doubled
  kString,       // '...' or "...": text holds the unescaped bytes
  kInteger,      // 123
  kDecimal,      // 1.5, .5, 1.
  kFloat,        // 1e3, 1.5E-2
  kHex,          // x'4142' or 0x4142: text holds the decoded bytes
  kBit,          // b'101' or 0b101: text holds the decoded bytes (big-endian)
  kParam,        // ?
  kUserVar,      // @name, @'name': text holds the name
  kSysVar,       // @@name, @@session.name, @@global.name: text holds the name
  kOp,           // operator or punctuation: text holds its spelling ("<=>", "(", ...)
};

inline char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// Case-insensitive ASCII comparison.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiUpper(a[i]) != AsciiUpper(b[i])) return false;
  }
  return true;
}
// ASCII upper-case copy.
std::string ToUpper(std::string_view s);

struct Token {
  TokenType type = TokenType::kEnd;
  int offset = 0;  // byte range [offset, end) in the input
  int end = 0;
  std::string text;
  ast::VarScope scope = ast::VarScope::kSession;  // kSysVar only
  bool explicit_scope = false;                     // kSysVar: @@session.x / @@global.x

  bool IsOp(std::string_view op) const {
    if (type != TokenType::kOp || text.size() != op.size()) return false;
    for (size_t i = 0; i < op.size(); ++i) {
      if (text[i] != op[i]) return false;
    }
    return true;
  }
  // True for an unquoted word equal to `keyword` ignoring case.
  bool IsWord(std::string_view keyword) const {
    return type == TokenType::kWord && EqualsIgnoreCase(text, keyword);
  }
};

}  // namespace vexdb::parser_internal

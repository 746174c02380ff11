#include "parser/lexer.h"

#include <cctype>
#include <cstring>
#include <utility>

namespace vexdb::parser_internal {

namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(unsigned char c) { return std::isxdigit(c) != 0; }
bool IsIdentStart(unsigned char c) {
  return std::isalpha(c) != 0 || c == '_' || c == '$' || c >= 0x80;
}
bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || IsDigit(c); }

int HexValue(unsigned char c) {
  if (IsDigit(c)) return c - '0';
  return std::tolower(c) - 'a' + 10;
}

// Decodes hex digits into bytes; an odd count gets a leading zero nibble (0x123 = 0x0123).
std::string DecodeHex(std::string_view digits) {
  std::string out;
  size_t i = 0;
  if (digits.size() % 2 == 1) {
    out.push_back(static_cast<char>(HexValue(digits[0])));
    i = 1;
  }
  for (; i < digits.size(); i += 2) {
    out.push_back(static_cast<char>(HexValue(digits[i]) * 16 + HexValue(digits[i + 1])));
  }
  return out;
}

// Decodes binary digits into big-endian bytes, (n + 7) / 8 of them.
std::string DecodeBits(std::string_view digits) {
  std::string out((digits.size() + 7) / 8, '\0');
  for (size_t i = 0; i < digits.size(); ++i) {
    size_t bit = digits.size() - 1 - i;  // bit index from the least significant end
    if (digits[i] == '1') {
      out[out.size() - 1 - bit / 8] |= static_cast<char>(1 << (bit % 8));
    }
  }
  return out;
}

// MySQL string escapes. \% and \_ keep the backslash (they are LIKE escapes); any other
// escaped byte stands for itself.
void AppendEscape(char c, std::string* out) {
  switch (c) {
    case '0': out->push_back('\0'); break;
    case 'b': out->push_back('\b'); break;
    case 'n': out->push_back('\n'); break;
    case 'r': out->push_back('\r'); break;
    case 't': out->push_back('\t'); break;
    case 'Z': out->push_back('\x1a'); break;
    case '%':
    case '_':
      out->push_back('\\');
      out->push_back(c);
      break;
    default: out->push_back(c); break;
  }
}

// Operators by first character, longest first, so that a prefix never shadows a longer one.
std::string_view MatchOperator(std::string_view rest) {
  auto starts = [&](std::string_view op) { return rest.substr(0, op.size()) == op; };
  switch (rest[0]) {
    case '<':
      for (std::string_view op : {"<=>", "<=", "<>", "<<", "<"}) {
        if (starts(op)) return op;
      }
      return {};
    case '>':
      for (std::string_view op : {">=", ">>", ">"}) {
        if (starts(op)) return op;
      }
      return {};
    case '-':
      for (std::string_view op : {"->>", "->", "-"}) {
        if (starts(op)) return op;
      }
      return {};
    case '!': return starts("!=") ? "!=" : "!";
    case '&': return starts("&&") ? "&&" : "&";
    case '|': return starts("||") ? "||" : "|";
    case ':': return starts(":=") ? ":=" : ":";
    case '(': return "(";
    case ')': return ")";
    case ',': return ",";
    case ';': return ";";
    case '.': return ".";
    case '=': return "=";
    case '+': return "+";
    case '*': return "*";
    case '/': return "/";
    case '%': return "%";
    case '^': return "^";
    case '~': return "~";
    default: return {};
  }
}

}  // namespace

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiUpper(c);
  return out;
}

Lexer::Lexer(std::string_view sql) : sql_(sql) {}

Token Lexer::Next() {
  if (done_) return MakeToken(TokenType::kEnd, sql_.size(), "");
  Token error;
  if (!SkipTrivia(&error)) return error;
  if (pos_ >= sql_.size()) {
    if (in_executable_comment_) {
      return MakeError(executable_comment_start_, "unterminated executable comment");
    }
    return MakeToken(TokenType::kEnd, pos_, "");
  }
  unsigned char c = sql_[pos_];
  unsigned char next = pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : 0;
  Token tok;
  if ((c == 'x' || c == 'X') && next == '\'') {
    tok = LexHexString();
  } else if ((c == 'b' || c == 'B') && next == '\'') {
    tok = LexBitString();
  } else if ((c == 'n' || c == 'N') && next == '\'') {
    const size_t national = pos_++;  // N'...' is a national string: utf8mb4 here, a plain one
    tok = LexString('\'');
    if (tok.type == TokenType::kString) tok.offset = static_cast<int>(national);
  } else if (IsDigit(c)) {
    tok = LexNumber();
  } else if (c == '.' && IsDigit(next) && last_type_ != TokenType::kWord &&
             last_type_ != TokenType::kQuotedIdent) {
    tok = LexNumber();
  } else if (IsIdentStart(c)) {
    tok = LexWord();
  } else if (c == '`') {
    tok = LexQuotedIdent();
  } else if (c == '\'' || c == '"') {
    tok = LexString(static_cast<char>(c));
  } else if (c == '@') {
    tok = LexVariable();
  } else if (c == '?') {
    ++pos_;
    tok = MakeToken(TokenType::kParam, pos_ - 1, "?");
  } else {
    tok = LexOperator();
  }
  if (tok.type == TokenType::kError) done_ = true;
  last_type_ = tok.type;
  last_end_ = static_cast<size_t>(tok.end);
  return tok;
}

bool Lexer::SkipTrivia(Token* error) {
  while (pos_ < sql_.size()) {
    unsigned char c = sql_[pos_];
    unsigned char next = pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : 0;
    if (IsSpace(c)) {
      ++pos_;
    } else if (c == '#' ||
               (c == '-' && next == '-' &&
                (pos_ + 2 >= sql_.size() || IsSpace(sql_[pos_ + 2]) ||
                 static_cast<unsigned char>(sql_[pos_ + 2]) < 0x20))) {
      size_t eol = sql_.find('\n', pos_);
      pos_ = eol == std::string_view::npos ? sql_.size() : eol + 1;
    } else if (c == '/' && next == '*') {
      if (!SkipBlockComment(error)) return false;
    } else if (c == '*' && next == '/' && in_executable_comment_) {
      in_executable_comment_ = false;
      pos_ += 2;
    } else {
      break;
    }
  }
  return true;
}

// At "/*". Executable comments open a region whose content is lexed; others are skipped whole.
bool Lexer::SkipBlockComment(Token* error) {
  char kind = pos_ + 2 < sql_.size() ? sql_[pos_ + 2] : '\0';
  if (kind == '!' && !in_executable_comment_) {
    in_executable_comment_ = true;
    executable_comment_start_ = pos_;
    pos_ += 3;
    size_t digits = 0;
    while (pos_ + digits < sql_.size() && IsDigit(sql_[pos_ + digits])) ++digits;
    if (digits == 5 || digits == 6) pos_ += digits;  // version number, e.g. /*!40101
    return true;
  }
  size_t close = sql_.find("*/", pos_ + 2);
  if (close == std::string_view::npos) {
    *error = MakeError(pos_, "unterminated comment");
    done_ = true;
    return false;
  }
  pos_ = close + 2;
  return true;
}

size_t Lexer::ScanIdentChars(size_t from) const {
  while (from < sql_.size() && IsIdentChar(sql_[from])) ++from;
  return from;
}

Token Lexer::LexWord() {
  size_t begin = pos_;
  pos_ = ScanIdentChars(pos_);
  return MakeToken(TokenType::kWord, begin, std::string(sql_.substr(begin, pos_ - begin)));
}

Token Lexer::LexNumber() {
  size_t begin = pos_;
  char radix = pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : '\0';
  if (sql_[pos_] == '0' && (radix == 'x' || radix == 'b')) {  // 0x41, 0b101
    bool hex = radix == 'x';
    auto is_digit = [hex](char c) { return hex ? IsHexDigit(c) : (c == '0' || c == '1'); };
    size_t end = pos_ + 2;
    while (end < sql_.size() && is_digit(sql_[end])) ++end;
    if (end > pos_ + 2 && (end >= sql_.size() || !IsIdentChar(sql_[end]))) {
      pos_ = end;
      std::string_view digits = sql_.substr(begin + 2, end - begin - 2);
      return MakeToken(hex ? TokenType::kHex : TokenType::kBit, begin,
                       hex ? DecodeHex(digits) : DecodeBits(digits));
    }
  }
  while (pos_ < sql_.size() && IsDigit(sql_[pos_])) ++pos_;
  bool fraction = false;
  bool exponent = false;
  if (pos_ < sql_.size() && sql_[pos_] == '.') {
    fraction = true;
    ++pos_;
    while (pos_ < sql_.size() && IsDigit(sql_[pos_])) ++pos_;
  }
  if (pos_ < sql_.size() && (sql_[pos_] == 'e' || sql_[pos_] == 'E')) {
    size_t p = pos_ + 1;
    if (p < sql_.size() && (sql_[p] == '+' || sql_[p] == '-')) ++p;
    if (p < sql_.size() && IsDigit(sql_[p])) {
      exponent = true;
      pos_ = p;
      while (pos_ < sql_.size() && IsDigit(sql_[pos_])) ++pos_;
    }
  }
  if (!fraction && !exponent && pos_ < sql_.size() && IsIdentChar(sql_[pos_])) {
    pos_ = begin;  // 1abc is an identifier
    return LexWord();
  }
  TokenType type = exponent   ? TokenType::kFloat
                   : fraction ? TokenType::kDecimal
                              : TokenType::kInteger;
  return MakeToken(type, begin, std::string(sql_.substr(begin, pos_ - begin)));
}

// The end of the plain run of a quoted literal from `from`: the next quote or (with escapes)
// backslash, or the end. memchr keeps long literals, such as vectors of many dimensions, cheap.
size_t Lexer::RunEnd(size_t from, char quote, bool escapes) const {
  const char* begin = sql_.data() + from;
  const size_t size = sql_.size() - from;
  const void* found = std::memchr(begin, quote, size);
  size_t end = found ? static_cast<size_t>(static_cast<const char*>(found) - begin) : size;
  if (escapes) {
    const void* backslash = std::memchr(begin, '\\', end);
    if (backslash) end = static_cast<size_t>(static_cast<const char*>(backslash) - begin);
  }
  return from + end;
}

bool Lexer::ScanQuoted(char quote, bool escapes, std::string* out) {
  ++pos_;  // opening quote
  while (pos_ < sql_.size()) {
    size_t run = RunEnd(pos_, quote, escapes);
    out->append(sql_.substr(pos_, run - pos_));
    pos_ = run;
    if (pos_ >= sql_.size()) break;
    if (sql_[pos_] == '\\') {
      if (pos_ + 1 >= sql_.size()) break;
      AppendEscape(sql_[pos_ + 1], out);
      pos_ += 2;
    } else if (pos_ + 1 < sql_.size() && sql_[pos_ + 1] == quote) {
      out->push_back(quote);
      pos_ += 2;
    } else {
      ++pos_;  // closing quote
      return true;
    }
  }
  return false;
}

Token Lexer::LexQuotedIdent() {
  size_t begin = pos_;
  std::string text;
  if (!ScanQuoted('`', /*escapes=*/false, &text)) {
    return MakeError(begin, "unterminated quoted identifier");
  }
  return MakeToken(TokenType::kQuotedIdent, begin, std::move(text));
}

Token Lexer::LexString(char quote) {
  size_t begin = pos_;
  std::string text;
  if (!ScanQuoted(quote, /*escapes=*/true, &text)) return MakeError(begin, "unterminated string");
  return MakeToken(TokenType::kString, begin, std::move(text));
}

Token Lexer::LexHexString() {
  size_t begin = pos_;
  ++pos_;
  std::string digits;
  if (!ScanQuoted('\'', /*escapes=*/false, &digits)) return MakeError(begin, "unterminated string");
  for (char c : digits) {
    if (!IsHexDigit(c)) return MakeError(begin, "invalid hexadecimal literal");
  }
  if (digits.size() % 2 != 0) return MakeError(begin, "invalid hexadecimal literal");
  return MakeToken(TokenType::kHex, begin, DecodeHex(digits));
}

Token Lexer::LexBitString() {
  size_t begin = pos_;
  ++pos_;
  std::string digits;
  if (!ScanQuoted('\'', /*escapes=*/false, &digits)) return MakeError(begin, "unterminated string");
  for (char c : digits) {
    if (c != '0' && c != '1') return MakeError(begin, "invalid bit literal");
  }
  return MakeToken(TokenType::kBit, begin, DecodeBits(digits));
}

// @name, @'name', @"name", @`name`; @@name, @@session.name, @@global.`name`.
Token Lexer::LexVariable() {
  size_t begin = pos_;
  bool system = pos_ + 1 < sql_.size() && sql_[pos_ + 1] == '@';
  pos_ += system ? 2 : 1;
  auto read_part = [&](std::string* out) -> bool {
    if (pos_ >= sql_.size()) return false;
    char c = sql_[pos_];
    if (c == '`' || (!system && (c == '\'' || c == '"'))) {
      return ScanQuoted(c, /*escapes=*/c != '`', out) && !out->empty();
    }
    size_t end = pos_;
    while (end < sql_.size() && (IsIdentChar(sql_[end]) || (!system && sql_[end] == '.'))) ++end;
    out->assign(sql_.substr(pos_, end - pos_));
    pos_ = end;
    return !out->empty();
  };
  std::string name;
  if (!read_part(&name)) return MakeError(begin, "invalid variable name");
  if (!system) return MakeToken(TokenType::kUserVar, begin, std::move(name));
  Token tok;
  bool session = EqualsIgnoreCase(name, "session") || EqualsIgnoreCase(name, "local");
  bool global = EqualsIgnoreCase(name, "global");
  if ((session || global) && pos_ < sql_.size() && sql_[pos_] == '.' &&
      sql_[begin + 2] != '`') {
    ++pos_;
    name.clear();
    if (!read_part(&name)) return MakeError(begin, "invalid variable name");
    tok = MakeToken(TokenType::kSysVar, begin, std::move(name));
    tok.explicit_scope = true;
    tok.scope = global ? ast::VarScope::kGlobal : ast::VarScope::kSession;
    return tok;
  }
  return MakeToken(TokenType::kSysVar, begin, std::move(name));
}

Token Lexer::LexOperator() {
  std::string_view op = MatchOperator(sql_.substr(pos_));
  if (op.empty()) return MakeError(pos_, "unexpected character");
  size_t begin = pos_;
  pos_ += op.size();
  return MakeToken(TokenType::kOp, begin, std::string(op));
}

Token Lexer::MakeToken(TokenType type, size_t begin, std::string text) {
  Token tok;
  tok.type = type;
  tok.offset = static_cast<int>(begin);
  tok.end = static_cast<int>(pos_);
  tok.text = std::move(text);
  return tok;
}

Token Lexer::MakeError(size_t begin, std::string reason) {
  done_ = true;
  Token tok = MakeToken(TokenType::kError, begin, std::move(reason));
  tok.end = static_cast<int>(sql_.size());
  return tok;
}

}  // namespace vexdb::parser_internal

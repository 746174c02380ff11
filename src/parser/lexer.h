#pragma once

// Lexer: splits MySQL-dialect SQL text into tokens, one at a time, on demand. Byte-clean: string
// literals may hold any bytes. Skips whitespace and comments (`-- `, `#`, `/* */`, optimizer
// hints `/*+ */`); the content of executable comments `/*! ... */` and `/*!40101 ... */` is
// lexed as SQL. Double-quoted text is a string (no ANSI_QUOTES); backslash escapes follow
// MySQL (NO_BACKSLASH_ESCAPES off).
//
// Thread safety: none; one Lexer per input.

#include <string_view>

#include "parser/token.h"

namespace vexdb::parser_internal {

class Lexer {
 public:
  // `sql` must outlive the Lexer.
  explicit Lexer(std::string_view sql);

  // The next token. At the end of input returns kEnd, repeatedly. Malformed input (unterminated
  // string, comment or quoted identifier, a byte that starts no token) comes back as one kError
  // token whose offset is where the bad construct starts; after it the lexer returns kEnd.
  Token Next();

 private:
  // Skips whitespace and comments. Returns false (and sets *error) on an unterminated comment.
  bool SkipTrivia(Token* error);
  bool SkipBlockComment(Token* error);

  Token LexWord();
  Token LexNumber();
  Token LexQuotedIdent();
  Token LexString(char quote);
  Token LexHexString();
  Token LexBitString();
  Token LexVariable();
  Token LexOperator();

  Token MakeToken(TokenType type, size_t begin, std::string text);
  Token MakeError(size_t begin, std::string reason);
  // Scans a quoted run starting at pos_ (on the opening quote) into *out. Backslash escapes are
  // resolved when `escapes`; a doubled quote stands for itself. False if unterminated.
  size_t RunEnd(size_t from, char quote, bool escapes) const;
  bool ScanQuoted(char quote, bool escapes, std::string* out);
  size_t ScanIdentChars(size_t from) const;

  std::string_view sql_;
  size_t pos_ = 0;
  bool in_executable_comment_ = false;
  size_t executable_comment_start_ = 0;
  bool done_ = false;               // an error was returned
  TokenType last_type_ = TokenType::kEnd;
  size_t last_end_ = 0;
};

}  // namespace vexdb::parser_internal

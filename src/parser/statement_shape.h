#pragma once

// Statement shapes: what main/'s statement cache keys on. Two texts have the same shape when
// they are the same statement except for the contents of their string literals, byte for byte
// everywhere else (whitespace and comments included, since unaliased select items are named by
// their source text). PyMySQL and the other text-protocol clients inline every parameter, so a
// vector search sent again with another query vector has the same shape as the first.
//
// The lexer is deterministic and string literals end where their closing quote is, whatever
// they hold. So a text whose bytes outside its literals equal a shape's pieces, with a string
// literal starting right after each piece (StringLiteralAt), has that shape: matching a text
// against a known shape needs no lexing beyond the literals themselves.
//
// Thread safety: pure functions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vexdb {

struct ShapeLiteral {
  // Byte offset from the statement's first token: what the parser stores as the literal's
  // ast::Expr::location.
  int location = 0;
  std::string_view raw;  // as written, quotes (and an N prefix) included; a view of the text
  std::string value;     // the bytes it stands for, escapes resolved
  // False when another string literal is next to it ('a' 'b' is one literal, "ab").
  bool standalone = true;
};

struct StatementShape {
  // The text around the string literals: pieces[i] precedes literals[i], and the last piece
  // follows the last literal. Views of the text.
  std::vector<std::string_view> pieces;
  std::vector<ShapeLiteral> literals;  // the string literals, in text order
};

// The shape of a single statement (a trailing ';' is allowed); nullopt if the text holds more
// than one statement, no statement, or does not lex.
std::optional<StatementShape> ShapeOf(std::string_view sql);

// The string literal starting exactly at `offset` of `sql`, as ShapeOf reports it (location
// 0, standalone true); nullopt if none starts there or it is unterminated.
std::optional<ShapeLiteral> StringLiteralAt(std::string_view sql, size_t offset);

}  // namespace vexdb

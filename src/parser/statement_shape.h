#pragma once

// Statement shapes: what main/'s statement cache keys on. Two texts have the same shape when
// they are the same statement except for the contents of their string literals, byte for byte
// everywhere else (whitespace and comments included, since unaliased select items are named by
// their source text). PyMySQL and the other text-protocol clients inline every parameter, so a
// vector search sent again with another query vector has the same shape as the first.
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
  std::string_view raw;  // as written, quotes included (a view of the text)
  std::string value;     // the bytes it stands for, escapes resolved
  // False when another string literal is next to it ('a' 'b' is one literal, "ab").
  bool standalone = true;
};

struct StatementShape {
  // The text with each string literal cut out; the pieces are length-prefixed, so distinct
  // shapes never share a key.
  std::string key;
  std::vector<ShapeLiteral> literals;  // the string literals, in text order
};

// The shape of a single statement (a trailing ';' is allowed); nullopt if the text holds more
// than one statement, no statement, or does not lex.
std::optional<StatementShape> ShapeOf(std::string_view sql);

}  // namespace vexdb

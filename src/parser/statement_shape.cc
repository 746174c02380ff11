#include "parser/statement_shape.h"

#include "parser/lexer.h"

namespace vexdb {

namespace {

using parser_internal::Lexer;
using parser_internal::Token;
using parser_internal::TokenType;

}  // namespace

std::optional<StatementShape> ShapeOf(std::string_view sql) {
  Lexer lexer(sql);
  StatementShape shape;
  int first = -1;
  size_t piece_begin = 0;
  bool ended = false;  // a ';' was seen: only more ';' may follow
  TokenType previous = TokenType::kEnd;
  for (Token tok = lexer.Next(); tok.type != TokenType::kEnd; tok = lexer.Next()) {
    if (tok.type == TokenType::kError) return std::nullopt;
    if (tok.IsOp(";")) {
      ended = true;
      continue;
    }
    if (ended) return std::nullopt;
    if (first < 0) first = tok.offset;
    if (tok.type == TokenType::kString) {
      shape.pieces.push_back(sql.substr(piece_begin, tok.offset - piece_begin));
      piece_begin = tok.end;
      bool after_string = previous == TokenType::kString;
      if (after_string) shape.literals.back().standalone = false;
      shape.literals.push_back({tok.offset - first,
                                sql.substr(tok.offset, tok.end - tok.offset),
                                std::move(tok.text), !after_string});
    }
    previous = tok.type;
  }
  if (first < 0) return std::nullopt;
  shape.pieces.push_back(sql.substr(piece_begin));
  return shape;
}

std::optional<ShapeLiteral> StringLiteralAt(std::string_view sql, size_t offset) {
  if (offset >= sql.size()) return std::nullopt;
  Lexer lexer(sql.substr(offset));
  Token tok = lexer.Next();
  if (tok.type != TokenType::kString || tok.offset != 0) return std::nullopt;
  return ShapeLiteral{0, sql.substr(offset, tok.end), std::move(tok.text), true};
}

}  // namespace vexdb

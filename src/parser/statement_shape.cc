#include "parser/statement_shape.h"

#include "parser/lexer.h"

namespace vexdb {

namespace {

using parser_internal::Lexer;
using parser_internal::Token;
using parser_internal::TokenType;

void AppendPiece(std::string_view piece, std::string* key) {
  key->append(std::to_string(piece.size()));
  key->push_back(':');
  key->append(piece);
}

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
      AppendPiece(sql.substr(piece_begin, tok.offset - piece_begin), &shape.key);
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
  AppendPiece(sql.substr(piece_begin), &shape.key);
  return shape;
}

}  // namespace vexdb

// SET: variables (user, system, scoped), NAMES, CHARACTER SET and TRANSACTION characteristics.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

Result<ast::StatementPtr> ParserImpl::ParseSet() {
  Take();  // SET
  auto set = std::make_unique<ast::SetStatement>();
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::SetItem item, ParseSetItem());
    set->items.push_back(std::move(item));
  } while (AcceptOp(","));
  return ast::StatementPtr(std::move(set));
}

// NAMES {cs [COLLATE c] | DEFAULT} | {CHARACTER SET|CHARSET} {cs | DEFAULT} |
// [scope] TRANSACTION ... | [scope] name {=|:=} value | @@[scope.]name = value | @u = value
// scope: GLOBAL | SESSION | LOCAL | PERSIST | PERSIST_ONLY. A DEFAULT charset leaves
// `charset` empty.
Result<ast::SetItem> ParserImpl::ParseSetItem() {
  ast::SetItem item;
  if (AcceptWord("NAMES")) {
    item.kind = ast::SetKind::kNames;
    if (AcceptWord("DEFAULT")) return item;
    VEXDB_ASSIGN_OR_RETURN(item.charset, ParseCharsetName());
    if (AcceptWord("COLLATE")) {
      VEXDB_ASSIGN_OR_RETURN(item.collation, ParseCharsetName());
    }
    return item;
  }
  if (AcceptWord("CHARSET") || AcceptWords({"CHARACTER", "SET"})) {
    item.kind = ast::SetKind::kCharset;
    if (AcceptWord("DEFAULT")) return item;
    VEXDB_ASSIGN_OR_RETURN(item.charset, ParseCharsetName());
    return item;
  }
  bool assignment_next = PeekOp("=", 1) || PeekOp(":=", 1);
  if (!assignment_next && (PeekWord("GLOBAL") || PeekWord("SESSION") || PeekWord("LOCAL") ||
                           PeekWord("PERSIST") || PeekWord("PERSIST_ONLY"))) {
    Token scope = Take();
    item.explicit_scope = true;
    item.scope = scope.IsWord("SESSION") || scope.IsWord("LOCAL") ? ast::VarScope::kSession
                                                                   : ast::VarScope::kGlobal;
  }
  if (PeekWord("TRANSACTION") && !PeekOp("=", 1) && !PeekOp(":=", 1)) {
    VEXDB_RETURN_IF_ERROR(ParseSetTransaction(&item));
    return item;
  }
  const Token& target = Peek();
  if (target.type == TokenType::kSysVar && !item.explicit_scope) {
    item.scope = target.scope;
    item.explicit_scope = target.explicit_scope;
    item.name = Take().text;
  } else if (target.type == TokenType::kUserVar && !item.explicit_scope) {
    item.scope = ast::VarScope::kUser;
    item.name = Take().text;
  } else if (target.type == TokenType::kWord || target.type == TokenType::kQuotedIdent) {
    item.name = Take().text;
  } else {
    return SyntaxError();
  }
  if (!AcceptOp("=") && !AcceptOp(":=")) return SyntaxError();
  VEXDB_ASSIGN_OR_RETURN(item.value, ParseSetValue());
  return item;
}

// TRANSACTION characteristic [, characteristic]:
//   ISOLATION LEVEL {REPEATABLE READ | READ COMMITTED | READ UNCOMMITTED | SERIALIZABLE} |
//   READ WRITE | READ ONLY
Status ParserImpl::ParseSetTransaction(ast::SetItem* item) {
  static constexpr std::string_view kLevels[][2] = {
      {"REPEATABLE", "READ"}, {"READ", "COMMITTED"}, {"READ", "UNCOMMITTED"}, {"SERIALIZABLE", ""},
  };
  Take();  // TRANSACTION
  item->kind = ast::SetKind::kTransaction;
  do {
    if (AcceptWords({"ISOLATION", "LEVEL"})) {
      bool matched = false;
      for (const auto& level : kLevels) {
        matched = level[1].empty() ? AcceptWord(level[0]) : AcceptWords({level[0], level[1]});
        if (!matched) continue;
        item->isolation_level = std::string(level[0]);
        if (!level[1].empty()) item->isolation_level += " " + std::string(level[1]);
        break;
      }
      if (!matched) return SyntaxError();
    } else if (AcceptWords({"READ", "WRITE"})) {
      item->read_only = false;
    } else if (AcceptWords({"READ", "ONLY"})) {
      item->read_only = true;
    } else {
      return SyntaxError();
    }
  } while (PeekOp(",") && (PeekWord("ISOLATION", 1) || PeekWord("READ", 1)) && AcceptOp(","));
  return Status::OK();
}

// An expression, DEFAULT, or a bare word (ON, OFF, utf8mb4, binary, ...) which becomes a
// kString literal.
Result<ast::ExprPtr> ParserImpl::ParseSetValue() {
  const Token& tok = Peek();
  bool bare_word = tok.type == TokenType::kWord && !tok.IsWord("NULL") && !tok.IsWord("TRUE") &&
                   !tok.IsWord("FALSE") && !tok.IsWord("DEFAULT");
  if (bare_word && (PeekOp(",", 1) || PeekOp(";", 1) || Peek(1).type == TokenType::kEnd)) {
    auto lit = std::make_unique<ast::LiteralExpr>();
    lit->location = Loc(tok);
    lit->kind = ast::LiteralKind::kString;
    lit->text = Take().text;
    return ast::ExprPtr(std::move(lit));
  }
  return ParseExpr();
}

}  // namespace vexdb::parser_internal

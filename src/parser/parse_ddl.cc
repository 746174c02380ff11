// Schema statements other than CREATE/ALTER TABLE: CREATE/DROP INDEX, CREATE VIEW,
// CREATE/DROP DATABASE, DROP TABLE/VIEW, TRUNCATE, RENAME TABLE.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

// After CREATE [UNIQUE|FULLTEXT|VECTOR]: INDEX [IF NOT EXISTS] name [USING m] ON t (parts)
// [index options] [ALGORITHM [=] x] [LOCK [=] x]
Result<ast::StatementPtr> ParserImpl::ParseCreateIndex(ast::ConstraintKind kind) {
  if (!AcceptWord("INDEX") && !(kind == ast::ConstraintKind::kVectorIndex && AcceptWord("KEY"))) {
    return SyntaxError();
  }
  auto create = std::make_unique<ast::CreateIndexStatement>();
  create->if_not_exists = AcceptWords({"IF", "NOT", "EXISTS"});
  create->index.kind = kind;
  VEXDB_ASSIGN_OR_RETURN(create->index.name, ParseIdentifier());
  if (AcceptWord("USING") || AcceptWord("TYPE")) {
    VEXDB_ASSIGN_OR_RETURN(create->index.using_method, ParseOptionValueName());
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord("ON"));
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&create->database, &create->table));
  VEXDB_ASSIGN_OR_RETURN(create->index.parts, ParseIndexParts());
  VEXDB_RETURN_IF_ERROR(ParseIndexOptions(&create->index));
  while (AcceptWord("ALGORITHM") || AcceptWord("LOCK")) {
    AcceptEquals();
    VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
  }
  return ast::StatementPtr(std::move(create));
}

// [ALGORITHM = x] [DEFINER = user] [SQL SECURITY {DEFINER|INVOKER}] VIEW name [(cols)] AS query
// [WITH [CASCADED|LOCAL] CHECK OPTION]
Result<ast::StatementPtr> ParserImpl::ParseCreateView(bool or_replace) {
  auto view = std::make_unique<ast::CreateViewStatement>();
  view->or_replace = or_replace;
  if (AcceptWord("ALGORITHM")) {
    VEXDB_RETURN_IF_ERROR(ExpectOp("="));
    VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
  }
  if (AcceptWord("DEFINER")) {
    VEXDB_RETURN_IF_ERROR(ExpectOp("="));
    if (!AcceptWord("CURRENT_USER")) {
      VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
      if (Peek().type == TokenType::kUserVar) Take();  // 'user'@'host' lexes as string, @host
    } else if (AcceptOp("(")) {
      VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    }
  }
  if (AcceptWords({"SQL", "SECURITY"})) {
    if (!AcceptWord("DEFINER") && !AcceptWord("INVOKER")) return SyntaxError();
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord("VIEW"));
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&view->database, &view->name));
  if (PeekOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(view->columns, ParseParenIdentifierList());
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord("AS"));
  int begin = Peek().offset;
  VEXDB_ASSIGN_OR_RETURN(view->select, ParseQueryExpression());
  view->select_text = std::string(SourceText(begin, prev_end_));
  if (AcceptWord("WITH")) {
    AcceptWord("CASCADED") || AcceptWord("LOCAL");
    VEXDB_RETURN_IF_ERROR(ExpectWord("CHECK"));
    VEXDB_RETURN_IF_ERROR(ExpectWord("OPTION"));
  }
  return ast::StatementPtr(std::move(view));
}

// {DATABASE|SCHEMA} [IF NOT EXISTS] name [[DEFAULT] CHARACTER SET [=] cs]
// [[DEFAULT] COLLATE [=] c] [[DEFAULT] ENCRYPTION [=] 'N']
Result<ast::StatementPtr> ParserImpl::ParseCreateDatabase() {
  Take();  // DATABASE | SCHEMA
  auto create = std::make_unique<ast::CreateDatabaseStatement>();
  create->if_not_exists = AcceptWords({"IF", "NOT", "EXISTS"});
  VEXDB_ASSIGN_OR_RETURN(create->name, ParseIdentifier());
  while (true) {
    AcceptWord("DEFAULT");
    if (AcceptWord("CHARSET") || AcceptWords({"CHARACTER", "SET"})) {
      AcceptEquals();
      VEXDB_ASSIGN_OR_RETURN(create->charset, ParseCharsetName());
    } else if (AcceptWord("COLLATE")) {
      AcceptEquals();
      VEXDB_ASSIGN_OR_RETURN(create->collation, ParseCharsetName());
    } else if (AcceptWord("ENCRYPTION")) {
      AcceptEquals();
      VEXDB_RETURN_IF_ERROR(ParseStringLiteral().status());
    } else {
      break;
    }
  }
  return ast::StatementPtr(std::move(create));
}

// DROP [TEMPORARY] TABLE | DROP VIEW | DROP INDEX | DROP {DATABASE|SCHEMA}
Result<ast::StatementPtr> ParserImpl::ParseDrop() {
  Take();  // DROP
  if (AcceptWord("TEMPORARY")) return ParseDropTable(/*temporary=*/true, /*is_view=*/false);
  if (PeekWord("TABLE") || PeekWord("TABLES")) return ParseDropTable(false, false);
  if (PeekWord("VIEW")) return ParseDropTable(false, /*is_view=*/true);
  if (PeekWord("INDEX")) return ParseDropIndex();
  if (PeekWord("DATABASE") || PeekWord("SCHEMA")) return ParseDropDatabase();
  return SyntaxError();
}

// {TABLE|TABLES|VIEW} [IF EXISTS] name, ... [RESTRICT|CASCADE]
Result<ast::StatementPtr> ParserImpl::ParseDropTable(bool temporary, bool is_view) {
  if (!AcceptWord(is_view ? "VIEW" : "TABLE") && (is_view || !AcceptWord("TABLES"))) {
    return SyntaxError();
  }
  auto drop = std::make_unique<ast::DropTableStatement>();
  drop->temporary = temporary;
  drop->is_view = is_view;
  drop->if_exists = AcceptWords({"IF", "EXISTS"});
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::QualifiedName name, ParseQualifiedName());
    drop->tables.push_back(std::move(name));
  } while (AcceptOp(","));
  AcceptWord("RESTRICT") || AcceptWord("CASCADE");
  return ast::StatementPtr(std::move(drop));
}

// INDEX [IF EXISTS] name ON t [ALGORITHM [=] x] [LOCK [=] x]
Result<ast::StatementPtr> ParserImpl::ParseDropIndex() {
  Take();  // INDEX
  auto drop = std::make_unique<ast::DropIndexStatement>();
  drop->if_exists = AcceptWords({"IF", "EXISTS"});
  VEXDB_ASSIGN_OR_RETURN(drop->name, ParseIdentifier());
  VEXDB_RETURN_IF_ERROR(ExpectWord("ON"));
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&drop->database, &drop->table));
  while (AcceptWord("ALGORITHM") || AcceptWord("LOCK")) {
    AcceptEquals();
    VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
  }
  return ast::StatementPtr(std::move(drop));
}

// {DATABASE|SCHEMA} [IF EXISTS] name
Result<ast::StatementPtr> ParserImpl::ParseDropDatabase() {
  Take();
  auto drop = std::make_unique<ast::DropDatabaseStatement>();
  drop->if_exists = AcceptWords({"IF", "EXISTS"});
  VEXDB_ASSIGN_OR_RETURN(drop->name, ParseIdentifier());
  return ast::StatementPtr(std::move(drop));
}

// TRUNCATE [TABLE] name
Result<ast::StatementPtr> ParserImpl::ParseTruncate() {
  Take();
  AcceptWord("TABLE");
  auto truncate = std::make_unique<ast::TruncateStatement>();
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&truncate->database, &truncate->table));
  return ast::StatementPtr(std::move(truncate));
}

// RENAME {TABLE|TABLES} a TO b, c TO d, ...
Result<ast::StatementPtr> ParserImpl::ParseRenameTable() {
  Take();
  if (!AcceptWord("TABLE") && !AcceptWord("TABLES")) return SyntaxError();
  auto rename = std::make_unique<ast::RenameTableStatement>();
  do {
    VEXDB_ASSIGN_OR_RETURN(ast::QualifiedName from, ParseQualifiedName());
    VEXDB_RETURN_IF_ERROR(ExpectWord("TO"));
    VEXDB_ASSIGN_OR_RETURN(ast::QualifiedName to, ParseQualifiedName());
    rename->renames.emplace_back(std::move(from), std::move(to));
  } while (AcceptOp(","));
  return ast::StatementPtr(std::move(rename));
}

}  // namespace vexdb::parser_internal

// SHOW statements, DESCRIBE/DESC/EXPLAIN <table>, and EXPLAIN <statement>.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

std::unique_ptr<ast::ShowStatement> MakeShow(ast::ShowKind kind) {
  auto show = std::make_unique<ast::ShowStatement>();
  show->kind = kind;
  return show;
}

}  // namespace

Result<ast::StatementPtr> ParserImpl::ParseShow() {
  // SHOW forms that are keywords then an optional LIKE/WHERE filter.
  static constexpr struct {
    std::string_view first, second;
    ast::ShowKind kind;
  } kFiltered[] = {
      {"DATABASES", "", ast::ShowKind::kDatabases},
      {"SCHEMAS", "", ast::ShowKind::kDatabases},
      {"COLLATION", "", ast::ShowKind::kCollation},
      {"CHARSET", "", ast::ShowKind::kCharset},
      {"CHARACTER", "SET", ast::ShowKind::kCharset},
      {"ENGINES", "", ast::ShowKind::kEngines},
      {"STORAGE", "ENGINES", ast::ShowKind::kEngines},
      {"PLUGINS", "", ast::ShowKind::kPlugins},
      {"VARIABLES", "", ast::ShowKind::kVariables},
      {"STATUS", "", ast::ShowKind::kStatus},
  };
  Take();  // SHOW
  bool full = AcceptWord("FULL");
  bool global = false;
  if (PeekWord("GLOBAL") || PeekWord("SESSION") || PeekWord("LOCAL")) {
    global = Take().IsWord("GLOBAL");
    if (!PeekWord("VARIABLES") && !PeekWord("STATUS")) return SyntaxError();
  }
  for (const auto& form : kFiltered) {
    if (full) break;
    bool matched = form.second.empty() ? AcceptWord(form.first)
                                       : AcceptWords({form.first, form.second});
    if (!matched) continue;
    auto show = MakeShow(form.kind);
    show->global = global;
    VEXDB_RETURN_IF_ERROR(ParseShowFilter(show.get()));
    return ast::StatementPtr(std::move(show));
  }
  if (global) return SyntaxError();
  if (AcceptWord("TABLES")) {
    auto show = MakeShow(ast::ShowKind::kTables);
    show->full = full;
    if (AcceptWord("FROM") || AcceptWord("IN")) {
      VEXDB_ASSIGN_OR_RETURN(show->database, ParseIdentifier());
    }
    VEXDB_RETURN_IF_ERROR(ParseShowFilter(show.get()));
    return ast::StatementPtr(std::move(show));
  }
  if (AcceptWord("COLUMNS") || AcceptWord("FIELDS")) {
    auto show = MakeShow(ast::ShowKind::kColumns);
    show->full = full;
    VEXDB_RETURN_IF_ERROR(ParseShowTableName(show.get()));
    VEXDB_RETURN_IF_ERROR(ParseShowFilter(show.get()));
    return ast::StatementPtr(std::move(show));
  }
  if (AcceptWord("PROCESSLIST")) {
    auto show = MakeShow(ast::ShowKind::kProcessList);
    show->full = full;
    return ast::StatementPtr(std::move(show));
  }
  if (full) return SyntaxError();
  if (AcceptWord("INDEX") || AcceptWord("INDEXES") || AcceptWord("KEYS")) {
    auto show = MakeShow(ast::ShowKind::kIndex);
    VEXDB_RETURN_IF_ERROR(ParseShowTableName(show.get()));
    VEXDB_RETURN_IF_ERROR(ParseShowFilter(show.get()));
    return ast::StatementPtr(std::move(show));
  }
  if (AcceptWord("CREATE")) {
    if (AcceptWord("TABLE") || AcceptWord("VIEW")) {
      auto show = MakeShow(ast::ShowKind::kCreateTable);
      VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&show->database, &show->table));
      return ast::StatementPtr(std::move(show));
    }
    if (AcceptWord("DATABASE") || AcceptWord("SCHEMA")) {
      auto show = MakeShow(ast::ShowKind::kCreateDatabase);
      AcceptWords({"IF", "NOT", "EXISTS"});
      VEXDB_ASSIGN_OR_RETURN(show->database, ParseIdentifier());
      return ast::StatementPtr(std::move(show));
    }
    return SyntaxError();
  }
  if (PeekWord("WARNINGS") || PeekWord("ERRORS")) {
    auto show = MakeShow(Take().IsWord("WARNINGS") ? ast::ShowKind::kWarnings
                                                   : ast::ShowKind::kErrors);
    if (AcceptWord("LIMIT")) {  // accepted; the result is short anyway
      ast::ExprPtr limit;
      ast::ExprPtr offset;
      VEXDB_RETURN_IF_ERROR(ParseLimit(&limit, &offset));
    }
    return ast::StatementPtr(std::move(show));
  }
  if (AcceptWords({"TABLE", "STATUS"})) {
    auto show = MakeShow(ast::ShowKind::kTableStatus);
    if (AcceptWord("FROM") || AcceptWord("IN")) {
      VEXDB_ASSIGN_OR_RETURN(show->database, ParseIdentifier());
    }
    VEXDB_RETURN_IF_ERROR(ParseShowFilter(show.get()));
    return ast::StatementPtr(std::move(show));
  }
  if (AcceptWord("GRANTS")) {
    if (AcceptWord("FOR")) {  // FOR user[@host] | CURRENT_USER[()]: grants are not kept per user
      if (AcceptWord("CURRENT_USER")) {
        if (AcceptOp("(")) VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
      } else {
        VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
        if (Peek().type == TokenType::kUserVar) Take();
      }
    }
    return ast::StatementPtr(MakeShow(ast::ShowKind::kGrants));
  }
  return SyntaxError();
}

// [LIKE 'pattern' | WHERE expr]
Status ParserImpl::ParseShowFilter(ast::ShowStatement* show) {
  if (AcceptWord("LIKE")) {
    VEXDB_ASSIGN_OR_RETURN(std::string pattern, ParseStringLiteral());
    show->like = std::move(pattern);
  } else if (AcceptWord("WHERE")) {
    VEXDB_ASSIGN_OR_RETURN(show->where, ParseExpr());
  }
  return Status::OK();
}

// {FROM|IN} [db.]t [{FROM|IN} db]
Status ParserImpl::ParseShowTableName(ast::ShowStatement* show) {
  if (!AcceptWord("FROM") && !AcceptWord("IN")) return SyntaxError();
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&show->database, &show->table));
  if (AcceptWord("FROM") || AcceptWord("IN")) {
    VEXDB_ASSIGN_OR_RETURN(show->database, ParseIdentifier());
  }
  return Status::OK();
}

// {DESCRIBE|DESC|EXPLAIN} [db.]t [col | 'pattern'], or EXPLAIN/DESCRIBE of a statement.
Result<ast::StatementPtr> ParserImpl::ParseDescribe() {
  bool explain_next = PeekQueryStart(1) || PeekOp("(", 1) || PeekWord("INSERT", 1) ||
                      PeekWord("REPLACE", 1) || PeekWord("UPDATE", 1) || PeekWord("DELETE", 1) ||
                      PeekWord("ANALYZE", 1) || PeekWord("FORMAT", 1);
  if (explain_next) return ParseExplain();
  Take();
  auto show = MakeShow(ast::ShowKind::kColumns);
  show->is_describe = true;
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&show->database, &show->table));
  if (Peek().type == TokenType::kString) {
    VEXDB_ASSIGN_OR_RETURN(std::string pattern, ParseStringLiteral());
    show->column = std::move(pattern);
  } else if (PeekIdentifier()) {
    VEXDB_ASSIGN_OR_RETURN(show->column, ParseIdentifier());
  }
  return ast::StatementPtr(std::move(show));
}

// EXPLAIN [ANALYZE] [FORMAT = name] {SELECT | INSERT | REPLACE | UPDATE | DELETE ...}
Result<ast::StatementPtr> ParserImpl::ParseExplain() {
  Take();  // EXPLAIN | DESCRIBE | DESC
  auto explain = std::make_unique<ast::ExplainStatement>();
  explain->analyze = AcceptWord("ANALYZE");
  if (AcceptWord("FORMAT")) {
    VEXDB_RETURN_IF_ERROR(ExpectOp("="));
    VEXDB_ASSIGN_OR_RETURN(explain->format, ParseOptionValueName());
  }
  int begin = Peek().offset;
  if (PeekQueryStart() || PeekOp("(")) {
    VEXDB_ASSIGN_OR_RETURN(explain->statement, ParseSelectStatement());
  } else if (PeekWord("INSERT") || PeekWord("REPLACE")) {
    VEXDB_ASSIGN_OR_RETURN(explain->statement, ParseInsert());
  } else if (PeekWord("UPDATE")) {
    VEXDB_ASSIGN_OR_RETURN(explain->statement, ParseUpdate());
  } else if (PeekWord("DELETE")) {
    VEXDB_ASSIGN_OR_RETURN(explain->statement, ParseDelete());
  } else {
    return SyntaxError();
  }
  explain->statement->text = std::string(SourceText(begin, prev_end_));
  return ast::StatementPtr(std::move(explain));
}

}  // namespace vexdb::parser_internal

// CREATE TABLE: column definitions with options in any order, table constraints and indexes
// (including TiDB's VECTOR INDEX), table options in any order with or without '=' and commas,
// CREATE TABLE ... LIKE and CREATE TABLE ... [AS] SELECT. Also the CREATE dispatcher.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

// Table options accepted and ignored, each followed by [=] value.
constexpr std::string_view kIgnoredTableOptions[] = {
    "ROW_FORMAT",  "KEY_BLOCK_SIZE",  "AVG_ROW_LENGTH",    "CHECKSUM",        "MAX_ROWS",
    "MIN_ROWS",    "PACK_KEYS",       "STATS_PERSISTENT",  "STATS_AUTO_RECALC",
    "STATS_SAMPLE_PAGES", "COMPRESSION", "ENCRYPTION",     "DELAY_KEY_WRITE", "INSERT_METHOD",
    "CONNECTION",  "PASSWORD",        "TABLESPACE",        "AUTO_ID_CACHE",   "AUTO_RANDOM_BASE",
    "SHARD_ROW_ID_BITS", "PRE_SPLIT_REGIONS", "TABLE_CHECKSUM", "SECONDARY_ENGINE",
    "STORAGE",     "DATA",            "INDEX",
};

}  // namespace

// CREATE [OR REPLACE] [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW
// CREATE [TEMPORARY] TABLE | CREATE [UNIQUE|FULLTEXT|SPATIAL|VECTOR] INDEX |
// CREATE {DATABASE|SCHEMA}
Result<ast::StatementPtr> ParserImpl::ParseCreate() {
  Take();  // CREATE
  if (AcceptWords({"OR", "REPLACE"})) return ParseCreateView(/*or_replace=*/true);
  if (PeekWord("ALGORITHM") || PeekWord("DEFINER") || PeekWord("SQL") || PeekWord("VIEW")) {
    return ParseCreateView(/*or_replace=*/false);
  }
  if (AcceptWord("TEMPORARY")) return ParseCreateTable(/*temporary=*/true);
  if (PeekWord("TABLE")) return ParseCreateTable(/*temporary=*/false);
  if (PeekWord("DATABASE") || PeekWord("SCHEMA")) return ParseCreateDatabase();
  if (AcceptWord("UNIQUE")) return ParseCreateIndex(ast::ConstraintKind::kUnique);
  if (AcceptWord("FULLTEXT")) return ParseCreateIndex(ast::ConstraintKind::kFulltext);
  if (AcceptWord("VECTOR")) return ParseCreateIndex(ast::ConstraintKind::kVectorIndex);
  if (PeekWord("INDEX")) return ParseCreateIndex(ast::ConstraintKind::kIndex);
  return SyntaxError();
}

// TABLE [IF NOT EXISTS] name {(elements) [options] [[AS] query] | LIKE t | (LIKE t) |
// [options] [AS] query}
Result<ast::StatementPtr> ParserImpl::ParseCreateTable(bool temporary) {
  VEXDB_RETURN_IF_ERROR(ExpectWord("TABLE"));
  auto create = std::make_unique<ast::CreateTableStatement>();
  create->temporary = temporary;
  create->if_not_exists = AcceptWords({"IF", "NOT", "EXISTS"});
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&create->database, &create->table));
  bool paren_like = PeekOp("(") && PeekWord("LIKE", 1);
  if (AcceptWord("LIKE") || (paren_like && AcceptOp("(") && AcceptWord("LIKE"))) {
    VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&create->like_database, &create->like_table));
    if (paren_like) VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return ast::StatementPtr(std::move(create));
  }
  if (PeekOp("(") && !PeekQueryStart(1)) {
    VEXDB_RETURN_IF_ERROR(ParseTableElements(create.get()));
  }
  VEXDB_RETURN_IF_ERROR(ParseTableOptions(&create->options));
  if (AcceptWord("PARTITION")) return SyntaxErrorAt(Peek(), "partitioning is not supported");
  AcceptWord("IGNORE") || AcceptWord("REPLACE");
  bool as = AcceptWord("AS");
  if (as || PeekQueryStart()) {
    VEXDB_ASSIGN_OR_RETURN(create->as_select, ParseQueryExpression());
  } else if (create->columns.empty()) {
    return SyntaxError();
  }
  return ast::StatementPtr(std::move(create));
}

// ( column_def | constraint, ... )
Status ParserImpl::ParseTableElements(ast::CreateTableStatement* create) {
  Take();  // (
  do {
    if (PeekConstraintStart()) {
      VEXDB_ASSIGN_OR_RETURN(ast::ConstraintDef constraint, ParseConstraintDef());
      create->constraints.push_back(std::move(constraint));
    } else {
      VEXDB_ASSIGN_OR_RETURN(ast::ColumnDef column, ParseColumnDef());
      create->columns.push_back(std::move(column));
    }
  } while (AcceptOp(","));
  return ExpectOp(")");
}

bool ParserImpl::PeekConstraintStart() {
  static constexpr std::string_view kStarts[] = {
      "CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX", "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK",
  };
  for (std::string_view word : kStarts) {
    if (PeekWord(word)) return true;
  }
  return PeekWord("VECTOR") && (PeekWord("INDEX", 1) || PeekWord("KEY", 1));
}

// name type [options]
Result<ast::ColumnDef> ParserImpl::ParseColumnDef() {
  ast::ColumnDef column;
  VEXDB_ASSIGN_OR_RETURN(column.name, ParseIdentifier());
  VEXDB_ASSIGN_OR_RETURN(column.type, ParseDataType());
  VEXDB_RETURN_IF_ERROR(ParseColumnOptions(&column));
  return column;
}

Status ParserImpl::ParseColumnOptions(ast::ColumnDef* column) {
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(bool parsed, ParseColumnOption(column));
    if (!parsed) return Status::OK();
  }
}

// One column option; false when none follows.
Result<bool> ParserImpl::ParseColumnOption(ast::ColumnDef* column) {
  if (AcceptWords({"NOT", "NULL"})) {
    column->nullable = false;
  } else if (AcceptWord("NULL")) {
    column->nullable = true;
  } else if (AcceptWord("DEFAULT")) {
    VEXDB_ASSIGN_OR_RETURN(column->default_value,
                           ParseDefaultValue(&column->default_parenthesized));
  } else if (AcceptWords({"ON", "UPDATE"})) {
    VEXDB_RETURN_IF_ERROR(ParseOnUpdateTimestamp());
    column->on_update_current_timestamp = true;
  } else if (AcceptWord("AUTO_INCREMENT")) {
    column->auto_increment = true;
  } else if (AcceptWords({"PRIMARY", "KEY"}) || AcceptWord("KEY")) {
    column->primary_key = true;
  } else if (AcceptWord("UNIQUE")) {
    AcceptWord("KEY");
    column->unique = true;
  } else if (AcceptWord("COMMENT")) {
    VEXDB_ASSIGN_OR_RETURN(column->comment, ParseStringLiteral());
  } else if (AcceptWord("COLLATE")) {
    VEXDB_ASSIGN_OR_RETURN(column->type.collation, ParseCharsetName());
  } else if (PeekWord("GENERATED") || PeekWord("AS")) {
    if (AcceptWord("GENERATED")) VEXDB_RETURN_IF_ERROR(ExpectWord("ALWAYS"));
    VEXDB_RETURN_IF_ERROR(ExpectWord("AS"));
    VEXDB_RETURN_IF_ERROR(ExpectOp("("));
    VEXDB_ASSIGN_OR_RETURN(column->generated, ParseExpr());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    column->generated_stored = AcceptWord("STORED");
    if (!column->generated_stored) AcceptWord("VIRTUAL");
  } else if (PeekWord("CHECK") ||
             (PeekWord("CONSTRAINT") && (PeekWord("CHECK", 1) || PeekWord("CHECK", 2)))) {
    if (AcceptWord("CONSTRAINT") && !PeekWord("CHECK")) Take();  // the constraint's name
    ast::ConstraintDef check;
    VEXDB_RETURN_IF_ERROR(ParseCheckConstraint(&check));
    column->check = std::move(check.check);
  } else if (PeekWord("REFERENCES")) {
    ast::ConstraintDef fk;
    VEXDB_RETURN_IF_ERROR(ParseReferences(&fk));
    column->references_table = fk.ref_table;
  } else if (AcceptWord("COLUMN_FORMAT") || AcceptWord("STORAGE")) {
    VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());  // FIXED, DYNAMIC, DISK, MEMORY...
  } else if (AcceptWord("VISIBLE") || AcceptWord("INVISIBLE")) {
    return true;  // accepted and ignored
  } else if (AcceptWord("AUTO_RANDOM")) {  // TiDB; accepted and ignored
    if (AcceptOp("(")) {
      do {
        VEXDB_RETURN_IF_ERROR(ParseInteger().status());
      } while (AcceptOp(","));
      VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    }
  } else if (AcceptWords({"SERIAL", "DEFAULT", "VALUE"})) {
    column->nullable = false;
    column->auto_increment = true;
    column->unique = true;
  } else {
    return false;
  }
  return true;
}

// DEFAULT value: (expr) | literal | -literal | NULL | CURRENT_TIMESTAMP[(n)] | NOW([n]) | ...
// Deliberately not a full expression: `DEFAULT 'a' COLLATE x` leaves COLLATE to the column.
Result<ast::ExprPtr> ParserImpl::ParseDefaultValue(bool* parenthesized) {
  if (PeekOp("(")) {
    Take();
    *parenthesized = true;
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr expr, ParseExpr());
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    return expr;
  }
  *parenthesized = false;
  if (PeekOp("-") || PeekOp("+")) {
    Token sign = Take();
    VEXDB_ASSIGN_OR_RETURN(ast::ExprPtr operand, ParsePrimary());
    auto unary = std::make_unique<ast::UnaryExpr>();
    unary->location = Loc(sign);
    unary->op = sign.IsOp("-") ? ast::UnaryOp::kMinus : ast::UnaryOp::kPlus;
    unary->operand = std::move(operand);
    return ast::ExprPtr(std::move(unary));
  }
  return ParsePrimary();
}

// ON UPDATE {CURRENT_TIMESTAMP | NOW | LOCALTIME | LOCALTIMESTAMP}[([n])]
Status ParserImpl::ParseOnUpdateTimestamp() {
  if (!(AcceptWord("CURRENT_TIMESTAMP") || AcceptWord("NOW") || AcceptWord("LOCALTIME") ||
        AcceptWord("LOCALTIMESTAMP"))) {
    return SyntaxError();
  }
  if (AcceptOp("(")) {
    if (Peek().type == TokenType::kInteger) Take();
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  }
  return Status::OK();
}

// [CONSTRAINT [name]] PRIMARY KEY | UNIQUE | FOREIGN KEY | CHECK; {INDEX|KEY} |
// {FULLTEXT|SPATIAL} [INDEX|KEY] | VECTOR {INDEX|KEY}
Result<ast::ConstraintDef> ParserImpl::ParseConstraintDef(bool* if_not_exists) {
  ast::ConstraintDef def;
  if (AcceptWord("CONSTRAINT")) {
    if (PeekIdentifier() && !PeekWord("CHECK")) {
      VEXDB_ASSIGN_OR_RETURN(def.name, ParseIdentifier());
    }
    if (!(PeekWord("PRIMARY") || PeekWord("UNIQUE") || PeekWord("FOREIGN") || PeekWord("CHECK"))) {
      return SyntaxError();
    }
  }
  if (PeekWord("FOREIGN")) {
    VEXDB_RETURN_IF_ERROR(ParseForeignKey(&def));
  } else if (PeekWord("CHECK")) {
    VEXDB_RETURN_IF_ERROR(ParseCheckConstraint(&def));
  } else {
    VEXDB_RETURN_IF_ERROR(ParseKeyConstraint(&def, if_not_exists));
  }
  return def;
}

// The index-like constraints: kind word(s), [IF NOT EXISTS] (ALTER only), [name], [USING m],
// (parts), [options].
Status ParserImpl::ParseKeyConstraint(ast::ConstraintDef* def, bool* if_not_exists) {
  if (AcceptWords({"PRIMARY", "KEY"})) {
    def->kind = ast::ConstraintKind::kPrimaryKey;
  } else if (AcceptWord("UNIQUE")) {
    def->kind = ast::ConstraintKind::kUnique;
    AcceptWord("INDEX") || AcceptWord("KEY");
  } else if (AcceptWord("FULLTEXT") || AcceptWord("SPATIAL")) {
    def->kind = ast::ConstraintKind::kFulltext;
    AcceptWord("INDEX") || AcceptWord("KEY");
  } else if (AcceptWord("VECTOR")) {
    def->kind = ast::ConstraintKind::kVectorIndex;
    if (!AcceptWord("INDEX") && !AcceptWord("KEY")) return SyntaxError();
  } else if (AcceptWord("INDEX") || AcceptWord("KEY")) {
    def->kind = ast::ConstraintKind::kIndex;
  } else {
    return SyntaxError();
  }
  if (if_not_exists != nullptr && def->kind != ast::ConstraintKind::kPrimaryKey) {
    *if_not_exists = AcceptWords({"IF", "NOT", "EXISTS"});
  }
  if (def->kind != ast::ConstraintKind::kPrimaryKey && PeekIdentifier() && !PeekWord("USING")) {
    VEXDB_ASSIGN_OR_RETURN(std::string index_name, ParseIdentifier());
    if (def->name.empty()) {
      def->name = std::move(index_name);
    } else {
      def->index_name = std::move(index_name);
    }
  }
  if (AcceptWord("USING") || AcceptWord("TYPE")) {
    VEXDB_ASSIGN_OR_RETURN(def->using_method, ParseOptionValueName());
  }
  VEXDB_ASSIGN_OR_RETURN(def->parts, ParseIndexParts());
  return ParseIndexOptions(def);
}

// ( col [(len)] [ASC|DESC] | (expr) [ASC|DESC], ... )
Result<std::vector<ast::IndexPart>> ParserImpl::ParseIndexParts() {
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  std::vector<ast::IndexPart> parts;
  do {
    ast::IndexPart part;
    if (AcceptOp("(")) {
      VEXDB_ASSIGN_OR_RETURN(part.expr, ParseExpr());
      VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
    } else {
      VEXDB_ASSIGN_OR_RETURN(part.column, ParseIdentifier());
      if (AcceptOp("(")) {
        VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseInteger());
        part.prefix_length = static_cast<int>(length);
        VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
      }
    }
    if (AcceptWord("DESC")) {
      part.descending = true;
    } else {
      AcceptWord("ASC");
    }
    parts.push_back(std::move(part));
  } while (AcceptOp(","));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return parts;
}

// USING m | TYPE m | COMMENT 's' | KEY_BLOCK_SIZE [=] n | WITH PARSER p | VISIBLE | INVISIBLE |
// CLUSTERED | NONCLUSTERED | ADD_COLUMNAR_REPLICA_ON_DEMAND, any order, and vexdb's vector index
// parameters M [=] n | EF_CONSTRUCTION [=] n | EF_SEARCH [=] n | QUANTIZATION [=] name. Options
// other than USING, COMMENT and the parameters are kept as written in `options`.
Status ParserImpl::ParseIndexOptions(ast::ConstraintDef* def) {
  static constexpr std::string_view kFlags[] = {
      "VISIBLE", "INVISIBLE", "CLUSTERED", "NONCLUSTERED", "ADD_COLUMNAR_REPLICA_ON_DEMAND",
      "GLOBAL",  "LOCAL",
  };
  while (true) {
    if (AcceptWord("USING") || AcceptWord("TYPE")) {
      VEXDB_ASSIGN_OR_RETURN(def->using_method, ParseOptionValueName());
      continue;
    }
    if (AcceptWord("COMMENT")) {
      VEXDB_ASSIGN_OR_RETURN(def->comment, ParseStringLiteral());
      continue;
    }
    VEXDB_ASSIGN_OR_RETURN(bool parameter, ParseVectorIndexParam(&def->vector_params));
    if (parameter) continue;
    int begin = Peek().offset;
    if (AcceptWord("KEY_BLOCK_SIZE")) {
      AcceptEquals();
      VEXDB_RETURN_IF_ERROR(ParseInteger().status());
    } else if (AcceptWords({"WITH", "PARSER"})) {
      VEXDB_RETURN_IF_ERROR(ParseIdentifier().status());
    } else {
      bool flag = false;
      for (std::string_view word : kFlags) flag = flag || AcceptWord(word);
      if (!flag) return Status::OK();
    }
    def->options.push_back(ToUpper(SourceText(begin, prev_end_)));
  }
}

// One vector index parameter, if the next words are one; false otherwise.
Result<bool> ParserImpl::ParseVectorIndexParam(ast::VectorIndexParams* params) {
  std::optional<int64_t>* number = nullptr;
  if (AcceptWord("M")) {
    number = &params->m;
  } else if (AcceptWord("EF_CONSTRUCTION")) {
    number = &params->ef_construction;
  } else if (AcceptWord("EF_SEARCH")) {
    number = &params->ef_search;
  } else if (AcceptWord("QUANTIZATION")) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(params->quantization, ParseOptionValueName());
    return true;
  } else {
    return false;
  }
  AcceptEquals();
  VEXDB_ASSIGN_OR_RETURN(*number, ParseInteger());
  return true;
}

// [CONSTRAINT [name]] FOREIGN KEY [index_name] (cols) REFERENCES ...
Status ParserImpl::ParseForeignKey(ast::ConstraintDef* def) {
  def->kind = ast::ConstraintKind::kForeignKey;
  VEXDB_RETURN_IF_ERROR(ExpectWord("FOREIGN"));
  VEXDB_RETURN_IF_ERROR(ExpectWord("KEY"));
  if (PeekIdentifier()) {
    VEXDB_ASSIGN_OR_RETURN(std::string index_name, ParseIdentifier());
    if (def->name.empty()) {
      def->name = std::move(index_name);
    } else {
      def->index_name = std::move(index_name);
    }
  }
  VEXDB_ASSIGN_OR_RETURN(def->parts, ParseIndexParts());
  return ParseReferences(def);
}

// REFERENCES [db.]t (cols) [MATCH FULL|PARTIAL|SIMPLE] [ON DELETE act] [ON UPDATE act]
Status ParserImpl::ParseReferences(ast::ConstraintDef* def) {
  VEXDB_RETURN_IF_ERROR(ExpectWord("REFERENCES"));
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&def->ref_database, &def->ref_table));
  VEXDB_ASSIGN_OR_RETURN(def->ref_columns, ParseParenIdentifierList());
  if (AcceptWord("MATCH")) {
    if (!AcceptWord("FULL") && !AcceptWord("PARTIAL") && !AcceptWord("SIMPLE")) {
      return SyntaxError();
    }
  }
  while (PeekWord("ON") && (PeekWord("DELETE", 1) || PeekWord("UPDATE", 1))) {
    Take();
    bool on_delete = Take().IsWord("DELETE");
    VEXDB_ASSIGN_OR_RETURN(ast::RefAction action, ParseRefAction());
    if (on_delete) {
      def->on_delete = action;
      def->on_delete_given = true;
    } else {
      def->on_update = action;
      def->on_update_given = true;
    }
  }
  return Status::OK();
}

Result<ast::RefAction> ParserImpl::ParseRefAction() {
  if (AcceptWord("RESTRICT")) return ast::RefAction::kRestrict;
  if (AcceptWord("CASCADE")) return ast::RefAction::kCascade;
  if (AcceptWords({"SET", "NULL"})) return ast::RefAction::kSetNull;
  if (AcceptWords({"SET", "DEFAULT"})) return ast::RefAction::kSetDefault;
  if (AcceptWords({"NO", "ACTION"})) return ast::RefAction::kNoAction;
  return SyntaxError();
}

// CHECK (expr) [[NOT] ENFORCED]
Status ParserImpl::ParseCheckConstraint(ast::ConstraintDef* def) {
  def->kind = ast::ConstraintKind::kCheck;
  VEXDB_RETURN_IF_ERROR(ExpectWord("CHECK"));
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  int begin = Peek().offset;
  VEXDB_ASSIGN_OR_RETURN(def->check, ParseExpr());
  def->check_text = std::string(SourceText(begin, prev_end_));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  if (AcceptWords({"NOT", "ENFORCED"})) {
    def->enforced = false;
  } else {
    AcceptWord("ENFORCED");
  }
  return Status::OK();
}

Status ParserImpl::ParseTableOptions(ast::TableOptions* options) {
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(bool parsed, ParseTableOption(options));
    if (!parsed) return Status::OK();
    AcceptOp(",");
  }
}

// One table option; false when none follows.
Result<bool> ParserImpl::ParseTableOption(ast::TableOptions* options) {
  bool has_default = PeekWord("DEFAULT") && (PeekWord("CHARSET", 1) || PeekWord("CHARACTER", 1) ||
                                             PeekWord("COLLATE", 1));
  if (has_default) Take();
  if (AcceptWord("ENGINE")) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(options->engine, ParseOptionValueName());
  } else if (AcceptWord("CHARSET") || AcceptWords({"CHARACTER", "SET"})) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(options->charset, ParseCharsetName());
  } else if (AcceptWord("COLLATE")) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(options->collation, ParseCharsetName());
  } else if (AcceptWord("COMMENT")) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(options->comment, ParseStringLiteral());
    options->has_comment = true;
  } else if (AcceptWord("AUTO_INCREMENT")) {
    AcceptEquals();
    VEXDB_ASSIGN_OR_RETURN(int64_t start, ParseInteger());
    options->auto_increment = start;
  } else if (has_default) {
    return SyntaxError();
  } else {
    for (std::string_view name : kIgnoredTableOptions) {
      bool directory = (name == "DATA" || name == "INDEX") && PeekWord("DIRECTORY", 1);
      if (!PeekWord(name) || ((name == "DATA" || name == "INDEX") && !directory)) continue;
      Take();
      if (directory) Take();
      AcceptEquals();
      TokenType value = Peek().type;
      if (value != TokenType::kWord && value != TokenType::kString &&
          value != TokenType::kInteger && value != TokenType::kDecimal &&
          value != TokenType::kQuotedIdent) {
        return SyntaxError();
      }
      Take();
      return true;
    }
    return false;
  }
  return true;
}

}  // namespace vexdb::parser_internal

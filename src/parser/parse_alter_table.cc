// ALTER TABLE t action [, action ...]. Each action becomes one AlterAction (ADD COLUMN with a
// parenthesized list becomes one per column). Options that only steer MySQL's DDL algorithm
// (ALGORITHM=, LOCK=, FORCE, ...) come back as kIgnored so the binder sees every action.

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

Result<ast::StatementPtr> ParserImpl::ParseAlter() {
  Take();  // ALTER
  if (!AcceptWord("TABLE")) return SyntaxError();
  auto alter = std::make_unique<ast::AlterTableStatement>();
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&alter->database, &alter->table));
  do {
    VEXDB_RETURN_IF_ERROR(ParseAlterAction(alter.get()));
  } while (AcceptOp(","));
  return ast::StatementPtr(std::move(alter));
}

Status ParserImpl::ParseAlterAction(ast::AlterTableStatement* alter) {
  if (AcceptWord("ADD")) return ParseAlterAdd(alter);
  ast::AlterAction action;
  if (AcceptWord("DROP")) {
    VEXDB_RETURN_IF_ERROR(ParseAlterDrop(&action));
  } else if (AcceptWord("MODIFY")) {
    action.kind = ast::AlterKind::kModifyColumn;
    AcceptWord("COLUMN");
    VEXDB_ASSIGN_OR_RETURN(action.column, ParseColumnDef());
    VEXDB_RETURN_IF_ERROR(ParseColumnPosition(&action));
  } else if (AcceptWord("CHANGE")) {
    action.kind = ast::AlterKind::kChangeColumn;
    AcceptWord("COLUMN");
    VEXDB_ASSIGN_OR_RETURN(action.name, ParseIdentifier());
    VEXDB_ASSIGN_OR_RETURN(action.column, ParseColumnDef());
    VEXDB_RETURN_IF_ERROR(ParseColumnPosition(&action));
  } else if (AcceptWord("RENAME")) {
    VEXDB_RETURN_IF_ERROR(ParseAlterRename(&action));
  } else if (AcceptWord("ALTER")) {
    VEXDB_RETURN_IF_ERROR(ParseAlterColumnDefault(&action));
  } else if (PeekWord("SET") && PeekWord("TIFLASH", 1)) {
    VEXDB_RETURN_IF_ERROR(ParseTiflashReplica(&action));
  } else if (AcceptWord("COMPACT")) {
    action.kind = ast::AlterKind::kCompact;
    AcceptWords({"TIFLASH", "REPLICA"});
  } else if (PeekWord("ALGORITHM") || PeekWord("LOCK") || PeekWord("FORCE")) {
    if (!Take().IsWord("FORCE")) {  // ALGORITHM [=] x | LOCK [=] x
      AcceptEquals();
      VEXDB_RETURN_IF_ERROR(ParseOptionValueName().status());
    }
  } else if (AcceptWords({"CONVERT", "TO"})) {
    action.kind = ast::AlterKind::kOptions;
    if (!AcceptWord("CHARSET") && !AcceptWords({"CHARACTER", "SET"})) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(action.options.charset, ParseCharsetName());
    if (AcceptWord("COLLATE")) {
      VEXDB_ASSIGN_OR_RETURN(action.options.collation, ParseCharsetName());
    }
  } else {
    action.kind = ast::AlterKind::kOptions;
    VEXDB_ASSIGN_OR_RETURN(bool parsed, ParseTableOption(&action.options));
    if (!parsed) return SyntaxError();
    VEXDB_RETURN_IF_ERROR(ParseTableOptions(&action.options));
  }
  alter->actions.push_back(std::move(action));
  return Status::OK();
}

// ADD [COLUMN] [IF NOT EXISTS] col_def [FIRST|AFTER c] | ADD [COLUMN] (col_def, ...) |
// ADD constraint (PRIMARY KEY, UNIQUE, INDEX, FULLTEXT, VECTOR INDEX, FOREIGN KEY, CHECK)
Status ParserImpl::ParseAlterAdd(ast::AlterTableStatement* alter) {
  ast::AlterAction action;
  if (PeekConstraintStart()) {
    action.kind = ast::AlterKind::kAddConstraint;
    VEXDB_ASSIGN_OR_RETURN(action.constraint, ParseConstraintDef(&action.if_not_exists));
    alter->actions.push_back(std::move(action));
    return Status::OK();
  }
  AcceptWord("COLUMN");
  action.kind = ast::AlterKind::kAddColumn;
  if (AcceptOp("(")) {
    do {
      ast::AlterAction each;
      each.kind = ast::AlterKind::kAddColumn;
      VEXDB_ASSIGN_OR_RETURN(each.column, ParseColumnDef());
      alter->actions.push_back(std::move(each));
    } while (AcceptOp(","));
    return ExpectOp(")");
  }
  action.if_not_exists = AcceptWords({"IF", "NOT", "EXISTS"});
  VEXDB_ASSIGN_OR_RETURN(action.column, ParseColumnDef());
  VEXDB_RETURN_IF_ERROR(ParseColumnPosition(&action));
  alter->actions.push_back(std::move(action));
  return Status::OK();
}

// DROP [COLUMN] [IF EXISTS] c | DROP {INDEX|KEY} [IF EXISTS] n | DROP PRIMARY KEY |
// DROP FOREIGN KEY n | DROP {CHECK|CONSTRAINT} n
Status ParserImpl::ParseAlterDrop(ast::AlterAction* action) {
  if (AcceptWords({"PRIMARY", "KEY"})) {
    action->kind = ast::AlterKind::kDropPrimaryKey;
    return Status::OK();
  }
  if (AcceptWords({"FOREIGN", "KEY"})) {
    action->kind = ast::AlterKind::kDropForeignKey;
  } else if (AcceptWord("INDEX") || AcceptWord("KEY")) {
    action->kind = ast::AlterKind::kDropIndex;
  } else if (AcceptWord("CHECK") || AcceptWord("CONSTRAINT")) {
    action->kind = ast::AlterKind::kDropCheck;
  } else {
    AcceptWord("COLUMN");
    action->kind = ast::AlterKind::kDropColumn;
  }
  action->if_exists = AcceptWords({"IF", "EXISTS"});
  VEXDB_ASSIGN_OR_RETURN(action->name, ParseIdentifier());
  if (action->kind == ast::AlterKind::kDropColumn) AcceptWord("RESTRICT") || AcceptWord("CASCADE");
  return Status::OK();
}

// RENAME COLUMN a TO b | RENAME {INDEX|KEY} a TO b | RENAME [TO|AS] [db.]t
Status ParserImpl::ParseAlterRename(ast::AlterAction* action) {
  if (AcceptWord("COLUMN")) {
    action->kind = ast::AlterKind::kRenameColumn;
  } else if (AcceptWord("INDEX") || AcceptWord("KEY")) {
    action->kind = ast::AlterKind::kRenameIndex;
  } else {
    action->kind = ast::AlterKind::kRenameTable;
    AcceptWord("TO") || AcceptWord("AS");
    return ParseQualifiedName(&action->new_database, &action->new_name);
  }
  VEXDB_ASSIGN_OR_RETURN(action->name, ParseIdentifier());
  VEXDB_RETURN_IF_ERROR(ExpectWord("TO"));
  VEXDB_ASSIGN_OR_RETURN(action->new_name, ParseIdentifier());
  return Status::OK();
}

// ALTER [COLUMN] c {SET DEFAULT v | DROP DEFAULT} | ALTER INDEX i {VISIBLE|INVISIBLE}
Status ParserImpl::ParseAlterColumnDefault(ast::AlterAction* action) {
  if (AcceptWord("INDEX")) {
    action->kind = ast::AlterKind::kIndexVisibility;
    VEXDB_ASSIGN_OR_RETURN(action->name, ParseIdentifier());
    action->invisible = AcceptWord("INVISIBLE");
    if (!action->invisible && !AcceptWord("VISIBLE")) return SyntaxError();
    return Status::OK();
  }
  AcceptWord("COLUMN");
  VEXDB_ASSIGN_OR_RETURN(action->name, ParseIdentifier());
  if (AcceptWords({"DROP", "DEFAULT"})) {
    action->kind = ast::AlterKind::kDropDefault;
    return Status::OK();
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord("SET"));
  VEXDB_RETURN_IF_ERROR(ExpectWord("DEFAULT"));
  action->kind = ast::AlterKind::kSetDefault;
  bool parenthesized = false;
  VEXDB_ASSIGN_OR_RETURN(action->default_value, ParseDefaultValue(&parenthesized));
  return Status::OK();
}

// [FIRST | AFTER c]
Status ParserImpl::ParseColumnPosition(ast::AlterAction* action) {
  if (AcceptWord("FIRST")) {
    action->first = true;
  } else if (AcceptWord("AFTER")) {
    VEXDB_ASSIGN_OR_RETURN(action->after, ParseIdentifier());
  }
  return Status::OK();
}

// SET TIFLASH REPLICA n [LOCATION LABELS 'a', ...]
Status ParserImpl::ParseTiflashReplica(ast::AlterAction* action) {
  Take();  // SET
  Take();  // TIFLASH
  VEXDB_RETURN_IF_ERROR(ExpectWord("REPLICA"));
  action->kind = ast::AlterKind::kSetTiflashReplica;
  VEXDB_ASSIGN_OR_RETURN(action->replica_count, ParseInteger());
  if (AcceptWords({"LOCATION", "LABELS"})) {
    do {
      VEXDB_RETURN_IF_ERROR(ParseStringLiteral().status());
    } while (AcceptOp(","));
  }
  return Status::OK();
}

}  // namespace vexdb::parser_internal

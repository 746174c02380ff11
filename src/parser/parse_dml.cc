// INSERT / REPLACE, UPDATE and DELETE (single- and multi-table).

#include <utility>

#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

// {INSERT|REPLACE} [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t [(cols)]
//   {VALUES|VALUE} (...), ... [AS alias [(cols)]] | SELECT ... | SET a = 1, ... [AS alias]
//   [ON DUPLICATE KEY UPDATE a = expr, ...]
Result<ast::StatementPtr> ParserImpl::ParseInsert() {
  auto insert = std::make_unique<ast::InsertStatement>();
  insert->replace = Take().IsWord("REPLACE");
  AcceptWord("LOW_PRIORITY") || AcceptWord("DELAYED") || AcceptWord("HIGH_PRIORITY");
  insert->ignore = AcceptWord("IGNORE");
  AcceptWord("INTO");
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&insert->database, &insert->table));
  if (AcceptWord("PARTITION")) VEXDB_RETURN_IF_ERROR(ParseParenIdentifierList().status());
  if (PeekOp("(") && !PeekQueryStart(1)) {
    Take();
    while (!PeekOp(")")) {
      VEXDB_ASSIGN_OR_RETURN(std::string column, ParseIdentifier());
      while (AcceptOp(".")) {  // t.col / db.t.col: keep the column
        VEXDB_ASSIGN_OR_RETURN(column, ParseNameAfterDot());
      }
      insert->columns.push_back(std::move(column));
      if (!AcceptOp(",")) break;
    }
    VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  }
  VEXDB_RETURN_IF_ERROR(ParseInsertSource(insert.get()));
  if (AcceptWords({"ON", "DUPLICATE", "KEY", "UPDATE"})) {
    VEXDB_ASSIGN_OR_RETURN(insert->on_duplicate, ParseAssignments());
  }
  return ast::StatementPtr(std::move(insert));
}

Status ParserImpl::ParseInsertSource(ast::InsertStatement* insert) {
  if (AcceptWord("VALUES") || AcceptWord("VALUE")) {
    VEXDB_RETURN_IF_ERROR(ParseValuesRows(insert));
  } else if (AcceptWord("SET")) {
    VEXDB_ASSIGN_OR_RETURN(insert->set_list, ParseAssignments());
  } else if (PeekQueryStart()) {
    VEXDB_ASSIGN_OR_RETURN(insert->select, ParseQueryExpression());
    return Status::OK();
  } else {
    return SyntaxError();
  }
  if (AcceptWord("AS")) {
    VEXDB_ASSIGN_OR_RETURN(insert->row_alias, ParseIdentifier());
    if (PeekOp("(")) {
      VEXDB_ASSIGN_OR_RETURN(insert->row_alias_columns, ParseParenIdentifierList());
    }
  }
  return Status::OK();
}

Status ParserImpl::ParseValuesRows(ast::InsertStatement* insert) {
  do {
    AcceptWord("ROW");
    VEXDB_ASSIGN_OR_RETURN(ast::ExprList row, ParseValuesRow());
    insert->values.push_back(std::move(row));
  } while (AcceptOp(","));
  return Status::OK();
}

// ( [expr | DEFAULT, ...] )
Result<ast::ExprList> ParserImpl::ParseValuesRow() {
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  ast::ExprList row;
  if (AcceptOp(")")) return row;
  VEXDB_ASSIGN_OR_RETURN(row, ParseExprList());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return row;
}

// [db.][t.]col {=|:=} {expr | DEFAULT}, ...
Result<std::vector<ast::Assignment>> ParserImpl::ParseAssignments() {
  std::vector<ast::Assignment> assignments;
  do {
    ast::Assignment assignment;
    VEXDB_ASSIGN_OR_RETURN(std::string first, ParseIdentifier());
    assignment.column.push_back(std::move(first));
    while (AcceptOp(".")) {
      if (assignment.column.size() == 3) return SyntaxError();
      VEXDB_ASSIGN_OR_RETURN(std::string part, ParseNameAfterDot());
      assignment.column.push_back(std::move(part));
    }
    if (!AcceptOp("=") && !AcceptOp(":=")) return SyntaxError();
    VEXDB_ASSIGN_OR_RETURN(assignment.value, ParseExpr());
    assignments.push_back(std::move(assignment));
  } while (AcceptOp(","));
  return assignments;
}

// UPDATE [LOW_PRIORITY] [IGNORE] table_refs SET assignments [WHERE] [ORDER BY] [LIMIT]
Result<ast::StatementPtr> ParserImpl::ParseUpdate() {
  Take();  // UPDATE
  auto update = std::make_unique<ast::UpdateStatement>();
  AcceptWord("LOW_PRIORITY");
  update->ignore = AcceptWord("IGNORE");
  VEXDB_ASSIGN_OR_RETURN(update->table, ParseTableRefs());
  VEXDB_RETURN_IF_ERROR(ExpectWord("SET"));
  VEXDB_ASSIGN_OR_RETURN(update->set, ParseAssignments());
  VEXDB_RETURN_IF_ERROR(ParseDmlTail(&update->where, &update->order_by, &update->limit));
  return ast::StatementPtr(std::move(update));
}

Status ParserImpl::ParseDmlTail(ast::ExprPtr* where, std::vector<ast::OrderItem>* order_by,
                                ast::ExprPtr* limit) {
  if (AcceptWord("WHERE")) {
    VEXDB_ASSIGN_OR_RETURN(*where, ParseExpr());
  }
  if (AcceptWords({"ORDER", "BY"})) {
    VEXDB_ASSIGN_OR_RETURN(*order_by, ParseOrderBy());
  }
  if (AcceptWord("LIMIT")) {
    VEXDB_ASSIGN_OR_RETURN(*limit, ParsePrimary());
  }
  return Status::OK();
}

// DELETE [LOW_PRIORITY] [QUICK] [IGNORE]
//   FROM t [[AS] a] [WHERE] [ORDER BY] [LIMIT]            (single table)
//   t1[.*], ... FROM table_refs [WHERE]                    (multi-table)
//   FROM t1[.*], ... USING table_refs [WHERE]              (multi-table)
Result<ast::StatementPtr> ParserImpl::ParseDelete() {
  Take();  // DELETE
  auto del = std::make_unique<ast::DeleteStatement>();
  AcceptWord("LOW_PRIORITY");
  AcceptWord("QUICK");
  del->ignore = AcceptWord("IGNORE");
  bool from_first = AcceptWord("FROM");
  VEXDB_RETURN_IF_ERROR(ParseDeleteTargets(del.get()));
  bool single = from_first && del->targets.size() == 1 && !PeekWord("USING");
  if (single) {
    std::vector<std::string>& target = del->targets.front();
    del->table = target.back();
    if (target.size() == 2) del->database = target.front();
    del->targets.clear();
    VEXDB_ASSIGN_OR_RETURN(del->alias, ParseOptionalAlias(/*allow_string=*/false));
    VEXDB_RETURN_IF_ERROR(ParseDmlTail(&del->where, &del->order_by, &del->limit));
    return ast::StatementPtr(std::move(del));
  }
  VEXDB_RETURN_IF_ERROR(ExpectWord(from_first ? "USING" : "FROM"));
  VEXDB_ASSIGN_OR_RETURN(del->from, ParseTableRefs());
  if (AcceptWord("WHERE")) {
    VEXDB_ASSIGN_OR_RETURN(del->where, ParseExpr());
  }
  return ast::StatementPtr(std::move(del));
}

// [db.]t[.*], ...
Status ParserImpl::ParseDeleteTargets(ast::DeleteStatement* del) {
  do {
    std::vector<std::string> target;
    VEXDB_ASSIGN_OR_RETURN(std::string first, ParseIdentifier());
    target.push_back(std::move(first));
    while (AcceptOp(".")) {
      if (AcceptOp("*")) break;
      if (target.size() == 2) return SyntaxError();
      VEXDB_ASSIGN_OR_RETURN(std::string part, ParseNameAfterDot());
      target.push_back(std::move(part));
    }
    del->targets.push_back(std::move(target));
  } while (AcceptOp(","));
  return Status::OK();
}

}  // namespace vexdb::parser_internal

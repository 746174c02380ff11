#pragma once

// Binder: AST -> bound statements. Resolves database, table and column names against the
// catalog (case-insensitively), types every expression with MySQL's rules, expands `*`, resolves
// ORDER BY aliases and positions, extracts aggregates and checks arity. One bind_<construct>.cc
// per construct. Errors are the MySQL ones: kNoSuchTable (1146), kBadField (1054 with the clause
// name: 'field list', 'where clause', 'order clause', ...), kNonUniq (1052), kNoDbSelected,
// kWrongValueCount (1136), kInvalidGroupFuncUse (1111), kOperandColumns (1241) ...
//
// Thread safety: a Binder is used for one statement on one thread.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "binder/bound_statement.h"
#include "catalog/catalog.h"
#include "common/result.h"
#include "parser/ast.h"

namespace vexdb {

// Resolves information_schema (and other virtual) tables: the binder learns their columns; the
// executor materializes their rows.
class SystemTableResolver {
 public:
  virtual ~SystemTableResolver() = default;
  // True and fills columns if (database, table) is a virtual table.
  virtual bool Resolve(std::string_view database, std::string_view table,
                       std::vector<ResultColumn>* columns) const = 0;
};

// Types of system variables for @@name expressions (value read at run time).
class VariableTypes {
 public:
  virtual ~VariableTypes() = default;
  // kUnknownSystemVariable if no such variable.
  virtual Result<LogicalType> SystemVariableType(std::string_view name) const = 0;
};

struct BinderOptions {
  std::string current_database;
  const SystemTableResolver* system_tables = nullptr;
  const VariableTypes* variables = nullptr;
  // Tag the constants bound from the statement's string literals with the literal's location
  // (BoundExpr::literal_location) and record what else the binding read of them
  // (Binder::pinned_ranges), for main/'s statement cache.
  bool tag_literals = false;
};

class Binder {
 public:
  Binder(const Catalog& catalog, BinderOptions options);
  ~Binder();

  Result<std::shared_ptr<BoundQuery>> BindQuery(const ast::SelectStmt& select);
  Result<BoundInsert> BindInsert(const ast::InsertStatement& insert);
  Result<BoundUpdate> BindUpdate(const ast::UpdateStatement& update);
  Result<BoundDelete> BindDelete(const ast::DeleteStatement& del);
  // An expression with no column references (SET values, LIMIT, DEFAULT expressions).
  Result<BoundExprPtr> BindConstantExpr(const ast::Expr& expr);
  // Table lookup with MySQL's errors (kNoDbSelected, kNoSuchTable).
  Result<TableRef> ResolveTable(std::string_view database, std::string_view name) const;
  // The database a name refers to ("" = current; kNoDbSelected if none).
  Result<std::string> ResolveDatabase(std::string_view database) const;

  // With tag_literals: the byte ranges [begin, end) of the statement text whose literals the
  // bound statements depend on beyond the tagged constants holding them (unaliased select
  // items, named by their text; constants a result type was refined from; folded operands).
  // A tagged literal outside every range can be given another value of the same type by
  // assigning it to every node with its location, with the same effect as binding anew.
  const std::vector<std::pair<int, int>>& pinned_ranges() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vexdb

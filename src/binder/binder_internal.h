#pragma once

// Private to src/binder/: the binder's state and the per-construct entry points.

#include <string>
#include <string_view>
#include <vector>

#include "binder/binder.h"

namespace vexdb {

// One column visible by name in a FROM scope.
struct ScopeColumn {
  std::string table_alias;  // qualifier (alias or table name)
  std::string database;
  std::string org_table;
  std::string name;
  LogicalType type;
  bool not_null = false;
  bool primary_key = false;
  bool unique_key = false;
  bool multiple_key = false;
  bool auto_increment = false;
  bool hidden = false;  // merged away by JOIN ... USING / NATURAL JOIN (still addressable
                        // with a qualifier)
};

// The columns of one query level's FROM, and a link to the enclosing level (correlation).
struct Scope {
  std::vector<ScopeColumn> columns;
  const Scope* outer = nullptr;
  // Select-list aliases usable in ORDER BY / HAVING (name -> projection index).
  std::vector<std::pair<std::string, int>> aliases;
  mutable bool uses_outer = false;
};

// Which clause is being bound (for "Unknown column 'x' in '<clause>'").
enum class Clause { kFieldList, kWhere, kOn, kGroup, kHaving, kOrder, kValues, kSet };

class Binder::Impl {
 public:
  Impl(const Catalog& catalog, BinderOptions options)
      : catalog_(catalog), options_(std::move(options)), tag_literals_(options_.tag_literals) {}

  // Literal tagging (BinderOptions::tag_literals): a literal whose value the binding used
  // beyond holding it in a constant is pinned. Call PinLiteral on any constant whose value is
  // read while binding, and compare expressions with Same / SameAggregate, which pin the
  // literals of expressions found equal (one of them may then be dropped for the other).
  void PinLiteral(const BoundExpr& expr) {
    int at = expr.literal_location;
    if (at >= 0) pinned_ranges_.emplace_back(at, at + 1);
  }
  void PinText(int location, size_t size) {
    if (tag_literals_) pinned_ranges_.emplace_back(location, location + static_cast<int>(size));
  }
  void PinLiterals(const BoundExpr& expr);
  void PinLiterals(const BoundAggregate& aggregate);
  bool Same(const BoundExpr& a, const BoundExpr& b);
  bool SameAggregate(const BoundAggregate& a, const BoundAggregate& b);

  // Queries.
  Result<std::shared_ptr<BoundQuery>> BindQuery(const ast::SelectStmt& select, const Scope* outer);
  Result<std::shared_ptr<BoundQuery>> BindSimpleSelect(const ast::SelectStmt& select,
                                                       const Scope* outer);
  Result<std::shared_ptr<BoundQuery>> BindSetOperation(const ast::SelectStmt& select,
                                                       const Scope* outer);
  Status BindOrderAndLimit(const ast::SelectStmt& select, BoundQuery* query, Scope* scope,
                           const std::vector<BoundExprPtr>* pre_aggregate_items);
  Result<std::optional<uint64_t>> BindLimitValue(const ast::Expr* expr);

  // FROM.
  Result<std::unique_ptr<BoundTableRef>> BindTableRef(const ast::TableRef& ref, Scope* scope);
  Result<std::unique_ptr<BoundTableRef>> BindBaseTable(const ast::TableRef& ref, Scope* scope);
  Result<std::unique_ptr<BoundTableRef>> BindDerived(const ast::TableRef& ref, Scope* scope);
  Result<std::shared_ptr<BoundQuery>> BindView(const TableInfo& view);
  Result<std::unique_ptr<BoundTableRef>> BindJoin(const ast::TableRef& ref, Scope* scope);

  // Expressions.
  Result<BoundExprPtr> BindExpr(const ast::Expr& expr, const Scope& scope);
  Result<BoundExprPtr> BindLiteral(const ast::LiteralExpr& literal);
  Result<BoundExprPtr> BindColumnRef(const ast::ColumnRefExpr& ref, const Scope& scope);
  Result<BoundExprPtr> BindUnary(const ast::UnaryExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindBinary(const ast::BinaryExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindFunction(const ast::FunctionExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindAggregate(const ast::FunctionExpr& expr,
                                     const AggregateFunction& function, const Scope& scope);
  Result<BoundExprPtr> BindCase(const ast::CaseExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindInList(const ast::InListExpr& expr, const Scope& scope);
  Result<BoundExprPtr> BindSubqueryExpr(const ast::Expr& expr, const Scope& scope);
  Result<BoundExprPtr> BindVariable(const ast::VariableExpr& expr);
  Result<BoundExprPtr> MakeFunctionCall(std::string_view name, std::vector<BoundExprPtr> args);

  // Aggregation: rewrites an expression bound over the FROM row into one over
  // group keys ++ aggregates, extracting aggregate calls into query->aggregates.
  Result<BoundExprPtr> RewriteAfterAggregation(BoundExprPtr expr, BoundQuery* query);

  // DML.
  Result<BoundInsert> BindInsert(const ast::InsertStatement& insert);
  Result<BoundUpdate> BindUpdate(const ast::UpdateStatement& update);
  Result<BoundDelete> BindDelete(const ast::DeleteStatement& del);
  Result<std::vector<int>> BindInsertColumns(const TableInfo& table,
                                             const std::vector<std::string>& names);
  Result<std::vector<BoundOrderItem>> BindDmlOrder(const std::vector<ast::OrderItem>& items,
                                                   const Scope& scope);

  Result<TableRef> ResolveTable(std::string_view database, std::string_view name) const;
  Result<std::string> ResolveDatabase(std::string_view database) const;
  std::string_view ClauseName() const;

  const Catalog& catalog_;
  BinderOptions options_;
  Clause clause_ = Clause::kFieldList;
  bool allow_aggregates_ = false;
  // Select-list aliases that HAVING may reference (name -> expression over the FROM row).
  const std::vector<std::pair<std::string, const BoundExpr*>>* having_aliases_ = nullptr;
  bool tag_literals_ = false;  // off while binding a view's own text
  std::vector<std::pair<int, int>> pinned_ranges_;  // [begin, end) in the statement text
  // INSERT ... ON DUPLICATE KEY UPDATE: VALUES(col) reads the row being inserted, which follows
  // the existing row's columns at this offset (-1 outside that clause).
  int values_function_offset_ = -1;
};

// Scope columns for a base table.
void AppendTableColumns(const TableInfo& table, std::string_view alias, Scope* scope);
// The common type of CASE branches, UNION columns, etc. (MySQL type aggregation, simplified).
LogicalType UnifyTypes(const LogicalType& a, const LogicalType& b);
// A result column describing a bound expression.
ResultColumn ResultColumnFor(const BoundExpr& expr, const Scope& scope, std::string name);

}  // namespace vexdb

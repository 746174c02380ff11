#include "binder/binder.h"

#include "binder/binder_internal.h"

namespace vexdb {

Binder::Binder(const Catalog& catalog, BinderOptions options)
    : impl_(std::make_unique<Impl>(catalog, std::move(options))) {}

Binder::~Binder() = default;

Result<std::shared_ptr<BoundQuery>> Binder::BindQuery(const ast::SelectStmt& select) {
  return impl_->BindQuery(select, nullptr);
}

Result<BoundInsert> Binder::BindInsert(const ast::InsertStatement& insert) {
  return impl_->BindInsert(insert);
}

Result<BoundUpdate> Binder::BindUpdate(const ast::UpdateStatement& update) {
  return impl_->BindUpdate(update);
}

Result<BoundDelete> Binder::BindDelete(const ast::DeleteStatement& del) {
  return impl_->BindDelete(del);
}

Result<BoundExprPtr> Binder::BindConstantExpr(const ast::Expr& expr) {
  Scope empty;
  impl_->clause_ = Clause::kFieldList;
  impl_->allow_aggregates_ = false;
  return impl_->BindExpr(expr, empty);
}

Result<TableRef> Binder::ResolveTable(std::string_view database, std::string_view name) const {
  return impl_->ResolveTable(database, name);
}

Result<std::string> Binder::ResolveDatabase(std::string_view database) const {
  return impl_->ResolveDatabase(database);
}

const std::vector<std::pair<int, int>>& Binder::pinned_ranges() const {
  return impl_->pinned_ranges_;
}

void Binder::Impl::PinLiterals(const BoundExpr& expr) {
  PinLiteral(expr);
  for (const auto& child : expr.children) PinLiterals(*child);
  if (expr.aggregate) PinLiterals(*expr.aggregate);
}

void Binder::Impl::PinLiterals(const BoundAggregate& aggregate) {
  for (const auto& arg : aggregate.args) PinLiterals(*arg);
  for (const auto& [expr, descending] : aggregate.order_by) PinLiterals(*expr);
}

bool Binder::Impl::Same(const BoundExpr& a, const BoundExpr& b) {
  if (!a.Equals(b)) return false;
  PinLiterals(a);
  PinLiterals(b);
  return true;
}

bool Binder::Impl::SameAggregate(const BoundAggregate& a, const BoundAggregate& b) {
  if (!AggregatesEqual(a, b)) return false;
  PinLiterals(a);
  PinLiterals(b);
  return true;
}

Result<std::string> Binder::Impl::ResolveDatabase(std::string_view database) const {
  if (!database.empty()) return std::string(database);
  if (options_.current_database.empty()) return Status::Error(ErrorCode::kNoDbSelected);
  return options_.current_database;
}

Result<TableRef> Binder::Impl::ResolveTable(std::string_view database,
                                            std::string_view name) const {
  VEXDB_ASSIGN_OR_RETURN(std::string db, ResolveDatabase(database));
  TableRef table = catalog_.GetTable(db, name);
  if (table == nullptr) return Status::Error(ErrorCode::kNoSuchTable, db, name);
  return table;
}

LogicalType UnifyTypes(const LogicalType& a, const LogicalType& b) {
  const LogicalType types[] = {a, b};
  return UnifyResultTypes(types);
}

ResultColumn ResultColumnFor(const BoundExpr& expr, const Scope& scope, std::string name) {
  ResultColumn column;
  column.name = std::move(name);
  column.type = expr.type;
  if (expr.kind == BoundExprKind::kColumn && expr.column_index >= 0 &&
      expr.column_index < static_cast<int>(scope.columns.size())) {
    const ScopeColumn& source = scope.columns[expr.column_index];
    column.schema = source.database;
    column.table = source.table_alias;
    column.org_table = source.org_table;
    column.org_name = source.name;
    column.not_null = source.not_null;
    column.primary_key = source.primary_key;
    column.unique_key = source.unique_key;
    column.multiple_key = source.multiple_key;
    column.auto_increment = source.auto_increment;
  } else if (expr.kind == BoundExprKind::kConstant && !expr.constant.is_null()) {
    column.not_null = true;
  }
  return column;
}

}  // namespace vexdb

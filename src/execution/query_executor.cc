#include "execution/query_executor.h"

#include "execution/expression_evaluator.h"
#include "execution/physical_operator.h"
#include "optimizer/optimizer.h"
#include "planner/planner.h"

namespace vexdb {

Result<LogicalOperatorPtr> OptimizedPlan(const BoundQuery& query) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, PlanQuery(query));
  return Optimize(std::move(plan));
}

Result<std::vector<Row>> ExecutePlanRows(const LogicalOperator& plan, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(PhysicalOperatorPtr root, BuildPhysicalPlan(plan));
  VEXDB_RETURN_IF_ERROR(root->Open(ctx));
  return CollectRows(*root, ctx);
}

Result<std::vector<Row>> ExecuteQueryRows(const BoundQuery& query, ExecContext& ctx) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, OptimizedPlan(query));
  return ExecutePlanRows(*plan, ctx);
}

Result<QueryResult> ExecuteSelect(const BoundQuery& query, const LogicalOperator& plan,
                                  ExecContext& ctx) {
  QueryResult result;
  result.has_result_set = true;
  result.columns = query.columns;
  VEXDB_ASSIGN_OR_RETURN(result.rows, ExecutePlanRows(plan, ctx));
  return result;
}

Result<QueryResult> ExplainQuery(const BoundQuery& query) {
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, OptimizedPlan(query));
  QueryResult result;
  result.has_result_set = true;
  ResultColumn column;
  column.name = "plan";
  column.type = LogicalType::Varchar(1024);
  result.columns.push_back(column);
  std::string text = plan->ToString();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    result.rows.push_back({Value::String(text.substr(start, end - start))});
    start = end + 1;
  }
  return result;
}

}  // namespace vexdb

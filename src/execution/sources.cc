// Leaf operators without storage: the one-row dual table and virtual (information_schema)
// tables.

#include "execution/physical_operator.h"

namespace vexdb {

namespace {

class Dual : public PhysicalOperator {
 public:
  Status Open(ExecContext& ctx) override {
    done_ = false;
    return Status::OK();
  }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    batch->clear();
    if (!done_) batch->emplace_back();
    done_ = true;
    return Status::OK();
  }

 private:
  bool done_ = false;
};

class SystemTableScan : public PhysicalOperator {
 public:
  explicit SystemTableScan(const LogicalOperator& op) : op_(op) {}
  Status Open(ExecContext& ctx) override {
    if (ctx.system_tables == nullptr) return Status::Internal("no system tables");
    VEXDB_ASSIGN_OR_RETURN(std::vector<Row> rows,
                           ctx.system_tables->Rows(op_.system_database, op_.system_table));
    output_.Reset(std::move(rows));
    return Status::OK();
  }
  Status Next(ExecContext& ctx, RowBatch* batch) override {
    output_.Next(batch);
    return Status::OK();
  }

 private:
  const LogicalOperator& op_;
  MaterializedOutput output_;
};

}  // namespace

PhysicalOperatorPtr MakeDual() { return std::make_unique<Dual>(); }

PhysicalOperatorPtr MakeSystemTableScan(const LogicalOperator& op) {
  return std::make_unique<SystemTableScan>(op);
}

}  // namespace vexdb

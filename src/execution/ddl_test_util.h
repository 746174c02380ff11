#pragma once

// Fixture for the DDL tests: a real StorageEngine in a temporary directory, a real Catalog, and
// statements built by the real parser. Rows are written and read with TableStore directly.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "execution/ddl.h"
#include "parser/parser.h"
#include "storage/storage_engine.h"
#include "storage/table_store.h"
#include "storage/test_util.h"

namespace vexdb {

class DdlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = StorageEngine::Open(dir_.path(), /*sync_commit=*/false);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    storage_ = std::move(engine).value();
    auto catalog = Catalog::Open(*storage_);
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    catalog_ = std::move(catalog).value();
  }

  Result<QueryResult> Run(std::string_view sql) {
    VEXDB_ASSIGN_OR_RETURN(ast::StatementPtr statement, ParseStatement(sql));
    DdlContext context{*catalog_, *storage_, current_database_, foreign_key_checks_, 0};
    return ExecuteDdl(*statement, context);
  }

  // Runs sql, which must succeed.
  QueryResult Ok(std::string_view sql) {
    Result<QueryResult> result = Run(sql);
    EXPECT_TRUE(result.ok()) << sql << "\n  -> " << result.status().ToString();
    return result.ok() ? std::move(result).value() : QueryResult{};
  }

  // The error of sql ("OK" if it succeeded), as "ERROR errno (state): message".
  std::string Error(std::string_view sql) { return Run(sql).status().ToString(); }
  int Errno(std::string_view sql) { return Run(sql).status().mysql_errno(); }

  TableRef Table(std::string_view name, std::string_view database = "test") {
    return catalog_->GetTable(database, name);
  }

  // Inserts a row (values already of the column types) and commits.
  Status Insert(std::string_view table, Row row) {
    TableRef info = Table(table);
    if (info == nullptr) return Status::Internal("no table");
    TableLayout layout = info->Layout();
    int64_t handle = 0;
    if (layout.handle_column >= 0) {
      handle = row[layout.handle_column].int_value();
    } else {
      VEXDB_ASSIGN_OR_RETURN(handle, storage_->AllocateIds(info->RowIdCounter(), 1));
    }
    std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
    VEXDB_RETURN_IF_ERROR(TableStore::Insert(*txn, layout, handle, row));
    return txn->Commit();
  }

  // Every row of a table, in handle order.
  std::vector<Row> Rows(std::string_view table) {
    std::vector<Row> rows;
    TableRef info = Table(table);
    if (info == nullptr) return rows;
    std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
    std::unique_ptr<RowIterator> it = TableStore::Scan(*txn, info->Layout());
    int64_t handle = 0;
    Row row;
    while (true) {
      Result<bool> more = it->Next(&handle, &row);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      rows.push_back(row);
    }
    return rows;
  }

  // Rows found through the named index (a full index scan), in index order.
  Result<std::vector<Row>> IndexRows(std::string_view table, std::string_view index) {
    TableRef info = Table(table);
    TableLayout layout = info->Layout();
    int position = -1;
    for (size_t i = 0; i < layout.indexes.size(); ++i) {
      if (layout.indexes[i].name == index) position = static_cast<int>(i);
    }
    if (position < 0) return Status::Internal("no such index in the layout");
    std::vector<Row> rows;
    std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
    std::unique_ptr<RowIterator> it = TableStore::ScanIndex(*txn, layout, position, {});
    int64_t handle = 0;
    Row row;
    while (true) {
      VEXDB_ASSIGN_OR_RETURN(bool more, it->Next(&handle, &row));
      if (!more) return rows;
      rows.push_back(row);
    }
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> storage_;
  std::unique_ptr<Catalog> catalog_;
  std::string current_database_ = "test";
  bool foreign_key_checks_ = true;
};

inline std::vector<std::string> IndexNames(const TableInfo& table) {
  std::vector<std::string> names;
  for (const IndexInfo& index : table.indexes) names.push_back(index.name);
  return names;
}

inline std::vector<std::string> ColumnNames(const TableInfo& table) {
  std::vector<std::string> names;
  for (const ColumnInfo& column : table.columns) names.push_back(column.name);
  return names;
}

inline std::vector<std::string> KeyColumns(const IndexInfo& index) {
  std::vector<std::string> names;
  for (const IndexColumn& column : index.columns) names.push_back(column.column);
  return names;
}

}  // namespace vexdb

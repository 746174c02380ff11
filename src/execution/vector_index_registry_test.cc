#include "execution/vector_index_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "execution/ddl_test_util.h"

namespace vexdb {
namespace {

// The registry over a real table: candidates come from the graph, from rows logged as changed
// (committed but not yet folded in, or the transaction's own), and from NULL-distance rows.
class VectorIndexRegistryTest : public DdlTest {
 protected:
  void SetUp() override {
    DdlTest::SetUp();
    Ok("CREATE TABLE docs (id INT PRIMARY KEY, v VECTOR(2), "
       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))");
    for (int i = 1; i <= 50; ++i) {
      ASSERT_TRUE(Insert("docs", {Value::Int(i), Value::Vector({float(i), 0})}).ok());
    }
    ASSERT_TRUE(Insert("docs", {Value::Int(51), Value()}).ok());
    registry_ = std::make_unique<VectorIndexRegistry>(*storage_);
  }

  void TearDown() override { registry_.reset(); }

  const IndexInfo& Index() { return Table("docs")->indexes.back(); }

  // Candidates seen by txn, waiting until the graph is built.
  VectorCandidates Search(Transaction& txn, std::vector<float> query, size_t k) {
    for (int attempt = 0; attempt < 500; ++attempt) {
      auto found = registry_->Candidates(txn, *Table("docs"), Index(), query, k, 64);
      EXPECT_TRUE(found.ok()) << found.status().ToString();
      if (!found.ok()) return {};
      if (*found) return **found;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "graph not built";
    return {};
  }

  std::unique_ptr<VectorIndexRegistry> registry_;
};

TEST_F(VectorIndexRegistryTest, GraphMatchesThenNullRows) {
  std::unique_ptr<Transaction> early = storage_->BeginTransaction();
  // Built from the table, whose inserts all logged their rows: a snapshot from before the build
  // consumed the log still sees every row as changed, so all are candidates without the graph.
  EXPECT_EQ(Search(*early, {0, 0}, 3).handles.size(), 51u);
  std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
  VectorCandidates found = Search(*txn, {0, 0}, 3);
  ASSERT_EQ(found.graph_matches, 3u);
  EXPECT_EQ(std::vector<int64_t>(found.handles.begin(), found.handles.begin() + 3),
            (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(found.handles.back(), 51);  // the NULL vector: always a candidate
  EXPECT_FALSE(found.exhausted);
  EXPECT_TRUE(Search(*txn, {0, 0}, 100).exhausted);
}

TEST_F(VectorIndexRegistryTest, ChangedRowsAreCandidatesUntilFoldedIn) {
  std::unique_ptr<Transaction> probe = storage_->BeginTransaction();
  Search(*probe, {0, 0}, 1);  // built
  TableLayout layout = Table("docs")->Layout();
  std::unique_ptr<Transaction> writer = storage_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*writer, layout, 100, {Value::Int(100), Value::Vector({0, 0})})
                  .ok());
  std::unique_ptr<Transaction> other = storage_->BeginTransaction();
  VectorCandidates own = Search(*writer, {0, 0}, 1);
  VectorCandidates theirs = Search(*other, {0, 0}, 1);
  EXPECT_NE(std::find(own.handles.begin(), own.handles.end(), 100), own.handles.end());
  EXPECT_EQ(std::find(theirs.handles.begin(), theirs.handles.end(), 100), theirs.handles.end());
  ASSERT_TRUE(writer->Commit().ok());
  // Once the worker has folded the log in, the graph itself finds the row.
  for (int attempt = 0; attempt < 500; ++attempt) {
    std::unique_ptr<Transaction> reader = storage_->BeginTransaction();
    VectorCandidates found = Search(*reader, {0, 0}, 1);
    if (found.graph_matches == 1 && found.handles[0] == 100 && found.handles.size() == 2) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "the committed row never reached the graph";
}

}  // namespace
}  // namespace vexdb

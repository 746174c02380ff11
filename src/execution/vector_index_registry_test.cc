#include "execution/vector_index_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

#include "execution/ddl_test_util.h"
#include "storage/table_store.h"
#include "storage/test_util.h"

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
  std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
  VectorCandidates found = Search(*txn, {0, 0}, 3);
  ASSERT_EQ(found.graph_matches, 3u);
  EXPECT_EQ(std::vector<int64_t>(found.handles.begin(), found.handles.begin() + 3),
            (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(found.handles.back(), 51);  // the NULL vector: always a candidate
  EXPECT_FALSE(found.exhausted);
  EXPECT_TRUE(Search(*txn, {0, 0}, 100).exhausted);
}

// Searches until the graph is current for a fresh transaction (the worker drains within 100 ms).
VectorCandidates SearchCurrent(StorageEngine& storage,
                               const std::function<VectorCandidates(Transaction&)>& search) {
  for (int attempt = 0; attempt < 500; ++attempt) {
    std::unique_ptr<Transaction> txn = storage.BeginTransaction();
    VectorCandidates found = search(*txn);
    if (found.graph_current) return found;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "the graph never became current";
  return {};
}

// The graph is trusted without reading the log only while it holds exactly the snapshot's rows:
// not for a transaction with its own logged writes, nor for any snapshot once another
// transaction's logged write committed, until the worker has folded that write in.
TEST_F(VectorIndexRegistryTest, GraphIsCurrentOnlyWhileItHoldsTheSnapshotsRows) {
  auto search = [this](Transaction& txn) { return Search(txn, {0, 0}, 3); };
  VectorCandidates idle = SearchCurrent(*storage_, search);
  EXPECT_EQ(idle.handles, (std::vector<int64_t>{1, 2, 3, 51}));
  std::unique_ptr<Transaction> old_snapshot = storage_->BeginTransaction();

  TableLayout layout = Table("docs")->Layout();
  std::unique_ptr<Transaction> writer = storage_->BeginTransaction();
  ASSERT_TRUE(TableStore::Delete(*writer, layout, 1, *TableStore::Get(*writer, layout, 1, true)
                                                          .value())
                  .ok());
  VectorCandidates own = Search(*writer, {0, 0}, 3);
  EXPECT_FALSE(own.graph_current);
  // Its own delete is a changed row (execution reads it and finds it gone), not a graph match.
  auto deleted = std::find(own.handles.begin(), own.handles.end(), 1);
  ASSERT_NE(deleted, own.handles.end());
  EXPECT_GE(deleted - own.handles.begin(), static_cast<std::ptrdiff_t>(own.graph_matches));
  std::unique_ptr<Transaction> during = storage_->BeginTransaction();
  EXPECT_TRUE(Search(*during, {0, 0}, 3).graph_current);  // an uncommitted write changes nothing
  ASSERT_TRUE(writer->Commit().ok());

  // Committed but perhaps not yet folded in: only the careful way until the worker drained.
  std::unique_ptr<Transaction> after = storage_->BeginTransaction();
  VectorCandidates careful = Search(*after, {0, 0}, 3);
  if (!careful.graph_current) {
    ASSERT_GE(careful.graph_matches, 3u);
    EXPECT_EQ(std::find(careful.handles.begin(), careful.handles.begin() + 3, 1),
              careful.handles.begin() + 3);
  }
  VectorCandidates folded = SearchCurrent(*storage_, search);
  EXPECT_EQ(folded.handles, (std::vector<int64_t>{2, 3, 4, 51}));
  // A snapshot from before the delete no longer matches the graph, which dropped row 1: the
  // row is still offered to it, to read (and find) through its snapshot.
  VectorCandidates old_view = Search(*old_snapshot, {0, 0}, 3);
  EXPECT_FALSE(old_view.graph_current);
  EXPECT_NE(std::find(old_view.handles.begin(), old_view.handles.end(), 1), old_view.handles.end());
}

// A transaction older than the graphs themselves cannot use them: its searches scan the table.
TEST_F(VectorIndexRegistryTest, SnapshotOlderThanTheBuildScansTheTable) {
  std::unique_ptr<Transaction> old_snapshot = storage_->BeginTransaction();
  ASSERT_TRUE(Insert("docs", {Value::Int(70), Value::Vector({70, 0})}).ok());
  std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
  Search(*txn, {0, 0}, 3);  // built
  auto found = registry_->Candidates(*old_snapshot, *Table("docs"), Index(),
                                     std::vector<float>{0, 0}, 3, 64);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

// An L2 float32 graph that is current hands out its matches' vectors, bit for bit the rows'.
TEST_F(VectorIndexRegistryTest, CurrentGraphGivesTheMatchesVectors) {
  auto search = [this](Transaction& txn) {
    auto found = registry_->Candidates(txn, *Table("docs"), Index(), std::vector<float>{0, 0}, 3,
                                       64, nullptr, /*want_vectors=*/true);
    return found.ok() && *found ? **found : VectorCandidates{};
  };
  VectorCandidates found = SearchCurrent(*storage_, search);
  ASSERT_EQ(found.graph_matches, 3u);
  EXPECT_EQ(found.vectors, (std::vector<std::vector<float>>{{1, 0}, {2, 0}, {3, 0}}));
  std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
  auto plain = registry_->Candidates(*txn, *Table("docs"), Index(), std::vector<float>{0, 0}, 3,
                                     64);
  ASSERT_TRUE(plain.ok() && *plain);
  EXPECT_TRUE((*plain)->vectors.empty());
}

TEST_F(VectorIndexRegistryTest, ChangedRowsAreCandidatesUntilFoldedIn) {
  std::unique_ptr<Transaction> probe = storage_->BeginTransaction();
  Search(*probe, {0, 0}, 1);  // built
  TableLayout layout = Table("docs")->Layout();
  std::unique_ptr<Transaction> writer = storage_->BeginTransaction();
  ASSERT_TRUE(
      TableStore::Insert(*writer, layout, 100, {Value::Int(100), Value::Vector({0, 0})}).ok());
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

// Checkpoints: a registry over the same storage and directory starts from the files and the
// applied log instead of scanning the table.
class VectorIndexCheckpointTest : public VectorIndexRegistryTest {
 protected:
  std::unique_ptr<VectorIndexRegistry> Registry() {
    return std::make_unique<VectorIndexRegistry>(*storage_, checkpoint_dir_.path());
  }

  // Waits until `registry` has the table's graphs ready.
  VectorIndexProgress WaitReady(VectorIndexRegistry& registry) {
    std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
    for (int attempt = 0; attempt < 500; ++attempt) {
      auto found =
          registry.Candidates(*txn, *Table("docs"), Index(), std::vector<float>{0, 0}, 1, 64);
      EXPECT_TRUE(found.ok());
      if (found.ok() && *found) return registry.Progress(Table("docs")->id);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "graph not ready";
    return {};
  }

  size_t Logged(VectorLog log) {
    return TableStore::ScanVectorLog(*storage_->BeginTransaction(), Table("docs")->id, log)->size();
  }

  TempDir checkpoint_dir_;
};

TEST_F(VectorIndexCheckpointTest, RestartLoadsTheCheckpointAndReplaysOnlyChangedRows) {
  std::unique_ptr<VectorIndexRegistry> first = Registry();
  VectorIndexProgress built = WaitReady(*first);
  EXPECT_FALSE(built.from_checkpoint);
  EXPECT_EQ(built.checkpoints_written, 1u);
  EXPECT_EQ(Logged(VectorLog::kApplied), 0u);  // the build's checkpoint covers them
  // Two rows change after the checkpoint; the worker applies them.
  TableLayout layout = Table("docs")->Layout();
  std::unique_ptr<Transaction> writer = storage_->BeginTransaction();
  ASSERT_TRUE(
      TableStore::Insert(*writer, layout, 100, {Value::Int(100), Value::Vector({-1, 0})}).ok());
  ASSERT_TRUE(TableStore::Delete(*writer, layout, 1, {Value::Int(1), Value::Vector({1, 0})}).ok());
  ASSERT_TRUE(writer->Commit().ok());
  for (int attempt = 0; attempt < 500 && Logged(VectorLog::kApplied) < 2; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(Logged(VectorLog::kPending), 0u);
  ASSERT_EQ(Logged(VectorLog::kApplied), 2u);

  // A second registry, as after kill -9: the checkpoint plus the two applied rows.
  std::unique_ptr<VectorIndexRegistry> second = Registry();
  VectorIndexProgress restored = WaitReady(*second);
  EXPECT_TRUE(restored.from_checkpoint);
  EXPECT_EQ(restored.rows_replayed, 2u);
  EXPECT_EQ(restored.rows_indexed, 51u);  // 50 vectors + the NULL row
  std::unique_ptr<Transaction> txn = storage_->BeginTransaction();
  auto found = second->Candidates(*txn, *Table("docs"), Index(), std::vector<float>{0, 0}, 2, 64);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ(std::vector<int64_t>((*found)->handles.begin(), (*found)->handles.begin() + 2),
            (std::vector<int64_t>{100, 2}));
  second.reset();

  // A clean shutdown checkpoints what was applied since: the next start re-reads nothing.
  first.reset();
  EXPECT_EQ(Logged(VectorLog::kApplied), 0u);
  std::unique_ptr<VectorIndexRegistry> third = Registry();
  VectorIndexProgress clean = WaitReady(*third);
  EXPECT_TRUE(clean.from_checkpoint);
  EXPECT_EQ(clean.rows_replayed, 0u);
}

TEST_F(VectorIndexCheckpointTest, CorruptCheckpointIsRebuiltFromTheTable) {
  WaitReady(*Registry());
  std::filesystem::path file;
  for (const auto& entry : std::filesystem::directory_iterator(checkpoint_dir_.path())) {
    file = entry.path();
  }
  ASSERT_FALSE(file.empty());
  std::filesystem::resize_file(file, std::filesystem::file_size(file) - 1);
  std::unique_ptr<VectorIndexRegistry> registry = Registry();
  VectorIndexProgress progress = WaitReady(*registry);
  EXPECT_FALSE(progress.from_checkpoint);
  EXPECT_EQ(progress.rows_indexed, 51u);
  auto stats = registry->Stats(Table("docs")->id, Index().id);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->graph.live, 50u);
  EXPECT_EQ(stats->null_rows, 1u);
  EXPECT_GT(stats->graph.bytes_per_vector, 2 * sizeof(float));
}

// Deleting most rows leaves tombstones; once they outnumber the live rows the worker swaps in a
// compacted graph, and searches keep finding exactly the remaining rows.
TEST_F(VectorIndexRegistryTest, MostlyDeletedGraphIsCompacted) {
  std::unique_ptr<Transaction> probe = storage_->BeginTransaction();
  Search(*probe, {0, 0}, 1);  // built
  TableLayout layout = Table("docs")->Layout();
  std::unique_ptr<Transaction> writer = storage_->BeginTransaction();
  for (int i = 1000; i < 2300; ++i) {
    Row row = {Value::Int(i), Value::Vector({float(i), 1})};
    ASSERT_TRUE(TableStore::Insert(*writer, layout, i, row).ok());
  }
  ASSERT_TRUE(writer->Commit().ok());
  Search(*storage_->BeginTransaction(), {0, 0}, 1);
  std::unique_ptr<Transaction> deleter = storage_->BeginTransaction();
  for (int i = 1000; i < 2250; ++i) {
    Row row = {Value::Int(i), Value::Vector({float(i), 1})};
    ASSERT_TRUE(TableStore::Delete(*deleter, layout, i, row).ok());
  }
  ASSERT_TRUE(deleter->Commit().ok());
  const int64_t table = Table("docs")->id;
  for (int attempt = 0; attempt < 1000 && registry_->Progress(table).compactions == 0; ++attempt) {
    Search(*storage_->BeginTransaction(), {0, 0}, 1);  // wakes the worker
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(registry_->Progress(table).compactions, 1u);
  auto stats = registry_->Stats(table, Index().id);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->graph.live, 100u);  // rows 1..50 and 2250..2299
  EXPECT_EQ(stats->graph.deleted, 0u);
  std::unique_ptr<Transaction> reader = storage_->BeginTransaction();
  VectorCandidates found = Search(*reader, {2300, 1}, 3);
  EXPECT_EQ(std::vector<int64_t>(found.handles.begin(), found.handles.begin() + 3),
            (std::vector<int64_t>{2299, 2298, 2297}));
}

}  // namespace
}  // namespace vexdb

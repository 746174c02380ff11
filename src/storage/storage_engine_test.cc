#include "storage/storage_engine.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "storage/test_util.h"

namespace vexdb {
namespace {

std::optional<std::string> MustGet(Transaction& txn, std::string_view key) {
  Result<std::optional<std::string>> r = txn.Get(key);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::nullopt;
}

Status PutAndCommit(StorageEngine& engine, std::string_view key, std::string_view value) {
  std::unique_ptr<Transaction> txn = engine.BeginTransaction();
  VEXDB_RETURN_IF_ERROR(txn->Put(key, value));
  return txn->Commit();
}

class StorageEngineTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    engine_.reset();
    StorageOptions options;
    options.lock_wait_timeout_ms = 200;
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> engine_;
};

// A snapshot read sees what a transaction begun at the same moment sees, later commits not,
// and refuses locking reads and writes; it holds back the oldest snapshot while it lives.
TEST_F(StorageEngineTest, SnapshotReadSeesItsSnapshotOnly) {
  ASSERT_TRUE(PutAndCommit(*engine_, "a", "1").ok());
  ASSERT_TRUE(PutAndCommit(*engine_, "b", "2").ok());
  std::unique_ptr<Transaction> uncommitted = engine_->BeginTransaction();
  ASSERT_TRUE(uncommitted->Put("c", "3").ok());
  std::unique_ptr<Transaction> read = engine_->BeginSnapshotRead();
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  EXPECT_EQ(read->snapshot_sequence(), txn->snapshot_sequence());
  EXPECT_EQ(engine_->OldestSnapshotSequence(), read->snapshot_sequence());
  ASSERT_TRUE(uncommitted->Commit().ok());
  ASSERT_TRUE(PutAndCommit(*engine_, "a", "changed").ok());

  EXPECT_EQ(MustGet(*read, "a"), "1");
  EXPECT_EQ(MustGet(*read, "c"), std::nullopt);
  auto many = read->MultiGet(std::vector<std::string>{"a", "b", "c"});
  ASSERT_TRUE(many.ok());
  EXPECT_EQ(*many, (std::vector<std::optional<std::string>>{"1", "2", std::nullopt}));
  std::vector<std::string> keys;
  for (auto it = read->Scan("a", "c"); it->Valid(); it->Next()) keys.emplace_back(it->key());
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b"}));

  EXPECT_EQ(read->GetForUpdate("a").status().code(), ErrorCode::kUnknown);
  EXPECT_EQ(read->Put("d", "4").code(), ErrorCode::kUnknown);
  EXPECT_EQ(read->Delete("a").code(), ErrorCode::kUnknown);
  EXPECT_FALSE(read->has_writes());
  EXPECT_TRUE(read->Commit().ok());
  txn->Rollback();
  txn.reset();
  uncommitted.reset();  // a transaction keeps its snapshot until it is destroyed
  const uint64_t held = read->snapshot_sequence();
  read.reset();  // released: the oldest snapshot moves past it, to the commits made since
  EXPECT_GT(engine_->OldestSnapshotSequence(), held);
}

TEST_F(StorageEngineTest, OwnWritesVisibleAndCommitPublishes) {
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction();
  ASSERT_TRUE(t1->Put("k", "v1").ok());
  EXPECT_EQ(MustGet(*t1, "k"), "v1");
  EXPECT_TRUE(t1->has_writes());

  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*t2, "k"), std::nullopt);  // uncommitted: invisible
  ASSERT_TRUE(t1->Commit().ok());
  EXPECT_EQ(MustGet(*t2, "k"), std::nullopt);  // committed after t2's snapshot: still invisible
  t2->Rollback();

  std::unique_ptr<Transaction> t3 = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*t3, "k"), "v1");
  EXPECT_FALSE(t3->has_writes());
}

TEST_F(StorageEngineTest, RepeatableReadsWithinATransaction) {
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "old").ok());
  std::unique_ptr<Transaction> reader = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*reader, "k"), "old");
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "new").ok());
  ASSERT_TRUE(PutAndCommit(*engine_, "k2", "new").ok());
  EXPECT_EQ(MustGet(*reader, "k"), "old");
  EXPECT_EQ(MustGet(*reader, "k2"), std::nullopt);
  std::unique_ptr<KvIterator> it = reader->Scan("k", "l");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key(), "k");
  EXPECT_EQ(it->value(), "old");
  it->Next();
  EXPECT_FALSE(it->Valid());
}

TEST_F(StorageEngineTest, WriteWriteConflictIsDeadlockError) {
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "0").ok());
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction();
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  ASSERT_TRUE(t1->Put("k", "1").ok());
  ASSERT_TRUE(t1->Commit().ok());
  Status s = t2->Put("k", "2");  // k changed after t2's snapshot: first updater wins
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.mysql_errno(), 1213);
  EXPECT_STREQ(s.sqlstate(), "40001");
}

TEST_F(StorageEngineTest, GetForUpdateValidatesAgainstSnapshot) {
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "0").ok());
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "1").ok());
  Result<std::optional<std::string>> r = t2->GetForUpdate("k");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().mysql_errno(), 1213);
}

TEST_F(StorageEngineTest, GetLatestForUpdateSeesNewerCommits) {
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "1").ok());
  Result<std::optional<std::string>> r = t2->GetLatestForUpdate("k");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "1");
  EXPECT_EQ(MustGet(*t2, "k"), std::nullopt);  // the snapshot is unchanged
}

TEST_F(StorageEngineTest, WriteAfterLatestReadStillValidatesTheSnapshot) {
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "1").ok());
  ASSERT_TRUE(t2->GetLatestForUpdate("k").ok());
  EXPECT_EQ(t2->Put("k", "2").mysql_errno(), 1213);
  // A key untouched since the snapshot can be written after a latest read.
  ASSERT_TRUE(t2->GetLatestForUpdate("fresh").ok());
  EXPECT_TRUE(t2->Put("fresh", "2").ok());
}

TEST_F(StorageEngineTest, LockWaitTimesOut) {
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction();
  ASSERT_TRUE(t1->Put("k", "1").ok());
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction({.lock_wait_timeout_ms = 50});
  Status s = t2->Put("k", "2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.mysql_errno(), 1205);
  Result<std::optional<std::string>> r = t2->GetForUpdate("k");
  EXPECT_EQ(r.status().mysql_errno(), 1205);
}

TEST_F(StorageEngineTest, LockIsReleasedByCommitAndWaiterProceeds) {
  ASSERT_TRUE(PutAndCommit(*engine_, "k", "0").ok());
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction();
  ASSERT_TRUE(t1->Put("other", "1").ok());
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction({.lock_wait_timeout_ms = 5000});
  ASSERT_TRUE(t2->Put("k", "2").ok());
  std::thread waiter([&] {
    Status s = t1->Put("k", "1");  // waits for t2, then fails: k changed after t1's snapshot
    EXPECT_EQ(s.mysql_errno(), 1213);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(t2->Commit().ok());
  waiter.join();
}

TEST_F(StorageEngineTest, DeadlockIsDetected) {
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction({.lock_wait_timeout_ms = 5000});
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction({.lock_wait_timeout_ms = 5000});
  ASSERT_TRUE(t1->Put("a", "1").ok());
  ASSERT_TRUE(t2->Put("b", "2").ok());
  Status s1;
  std::thread th([&] { s1 = t1->Put("b", "1"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Status s2 = t2->Put("a", "2");
  EXPECT_EQ(s2.mysql_errno(), 1213);
  t2->Rollback();
  th.join();
  EXPECT_TRUE(s1.ok()) << s1.ToString();
}

TEST_F(StorageEngineTest, SavepointRollbackUndoesOnlyLaterWrites) {
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(txn->Put("a", "1").ok());
  txn->SetSavepoint();
  ASSERT_TRUE(txn->Put("b", "2").ok());
  ASSERT_TRUE(txn->Put("a", "changed").ok());
  ASSERT_TRUE(txn->RollbackToSavepoint().ok());
  EXPECT_EQ(MustGet(*txn, "a"), "1");
  EXPECT_EQ(MustGet(*txn, "b"), std::nullopt);
  txn->SetSavepoint();
  ASSERT_TRUE(txn->Put("c", "3").ok());
  txn->PopSavepoint();
  EXPECT_FALSE(txn->RollbackToSavepoint().ok());  // no savepoint left
  ASSERT_TRUE(txn->Commit().ok());
  std::unique_ptr<Transaction> reader = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*reader, "a"), "1");
  EXPECT_EQ(MustGet(*reader, "c"), "3");
}

TEST_F(StorageEngineTest, SavepointRollbackClearsHasWrites) {
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  txn->SetSavepoint();
  ASSERT_TRUE(txn->Put("a", "1").ok());
  EXPECT_TRUE(txn->has_writes());
  ASSERT_TRUE(txn->RollbackToSavepoint().ok());
  EXPECT_FALSE(txn->has_writes());
}

TEST_F(StorageEngineTest, RollbackAndDestructionDiscardWrites) {
  {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    ASSERT_TRUE(txn->Put("a", "1").ok());
    txn->Rollback();
  }
  {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    ASSERT_TRUE(txn->Put("b", "1").ok());
  }
  std::unique_ptr<Transaction> reader = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*reader, "a"), std::nullopt);
  EXPECT_EQ(MustGet(*reader, "b"), std::nullopt);
  ASSERT_TRUE(reader->Put("a", "2").ok());  // locks were released
}

TEST_F(StorageEngineTest, ScanMergesOwnWritesAndHonoursBounds) {
  for (const char* k : {"a", "b", "d", "f"}) ASSERT_TRUE(PutAndCommit(*engine_, k, k).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(txn->Put("c", "own").ok());
  ASSERT_TRUE(txn->Delete("d").ok());
  ASSERT_TRUE(txn->Put("e", "own").ok());
  ASSERT_TRUE(txn->Put("f0", "beyond").ok());
  std::vector<std::string> keys;
  for (auto it = txn->Scan("b", "f"); it->Valid(); it->Next()) keys.emplace_back(it->key());
  EXPECT_EQ(keys, (std::vector<std::string>{"b", "c", "e"}));
  keys.clear();
  for (auto it = txn->Scan("e", ""); it->Valid(); it->Next()) keys.emplace_back(it->key());
  EXPECT_EQ(keys, (std::vector<std::string>{"e", "f", "f0"}));

  // Backward: the same keys, last first, also for a snapshot read, bounded on either side
  // or not at all.
  auto backward = [](Transaction& t, std::string_view lower, std::string_view upper) {
    std::vector<std::string> found;
    for (auto it = t.Scan(lower, upper, ScanDirection::kBackward); it->Valid(); it->Next()) {
      found.emplace_back(it->key());
    }
    return found;
  };
  EXPECT_EQ(backward(*txn, "b", "f"), (std::vector<std::string>{"e", "c", "b"}));
  EXPECT_EQ(backward(*txn, "e", ""), (std::vector<std::string>{"f0", "f", "e"}));
  EXPECT_EQ(backward(*txn, "", "c"), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(backward(*txn, "b", "b0"), (std::vector<std::string>{"b"}));
  EXPECT_EQ(backward(*txn, "g", ""), (std::vector<std::string>{}));
  std::unique_ptr<Transaction> read = engine_->BeginSnapshotRead();
  EXPECT_EQ(backward(*read, "", ""), (std::vector<std::string>{"f", "d", "b", "a"}));
  EXPECT_EQ(backward(*read, "b", "e"), (std::vector<std::string>{"d", "b"}));
}

TEST_F(StorageEngineTest, MetaBatchesAndPrefixScan) {
  ASSERT_TRUE(engine_->WriteMeta({{"x/1", "a"}, {"x/2", "b"}, {"y/1", "c"}}).ok());
  ASSERT_TRUE(engine_->WriteMeta({{"x/1", std::nullopt}}).ok());
  Result<std::vector<std::pair<std::string, std::string>>> scan = engine_->ScanMeta("x/");
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->size(), 1u);
  EXPECT_EQ((*scan)[0], (std::pair<std::string, std::string>{"x/2", "b"}));
  Reopen();
  Result<std::optional<std::string>> v = engine_->GetMeta("y/1");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, "c");
  // Meta keys are not visible to transactions (separate column family).
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*txn, "y/1"), std::nullopt);
}

TEST_F(StorageEngineTest, DeleteRangeRemovesHalfOpenRange) {
  for (const char* k : {"a", "b", "c", "d"}) ASSERT_TRUE(PutAndCommit(*engine_, k, k).ok());
  ASSERT_TRUE(engine_->DeleteRange("b", "d").ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  std::vector<std::string> keys;
  for (auto it = txn->Scan("", ""); it->Valid(); it->Next()) keys.emplace_back(it->key());
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "d"}));
}

TEST_F(StorageEngineTest, CommittedDataSurvivesReopenWithoutFlush) {
  ASSERT_TRUE(PutAndCommit(*engine_, "durable", "yes").ok());
  Reopen();  // memtable never flushed: recovered from the WAL
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  EXPECT_EQ(MustGet(*txn, "durable"), "yes");
}

// A child process commits transactions, reporting each acknowledged commit through a pipe,
// and is killed with SIGKILL mid-stream. Every acknowledged commit must be there on reopen.
TEST_F(StorageEngineTest, AcknowledgedCommitsSurviveKill9) {
  engine_.reset();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), true);
    if (!engine.ok()) _exit(2);
    for (uint32_t i = 0;; ++i) {
      std::unique_ptr<Transaction> txn = (*engine)->BeginTransaction();
      std::string key = "row" + std::to_string(i);
      if (!txn->Put(key, std::string(100, 'v')).ok() || !txn->Put("idx" + key, key).ok() ||
          !txn->Commit().ok()) {
        _exit(3);
      }
      if (write(fds[1], &i, sizeof(i)) != sizeof(i)) _exit(4);
    }
  }
  close(fds[1]);
  uint32_t acked = 0, last = 0;
  while (acked < 200 && read(fds[0], &last, sizeof(last)) == sizeof(last)) acked = last + 1;
  kill(pid, SIGKILL);
  while (read(fds[0], &last, sizeof(last)) == sizeof(last)) acked = last + 1;
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited early: " << WEXITSTATUS(status);
  ASSERT_GE(acked, 200u);
  Reopen();
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  for (uint32_t i = 0; i < acked; ++i) {
    std::string key = "row" + std::to_string(i);
    ASSERT_EQ(MustGet(*txn, key), std::string(100, 'v')) << key;
    ASSERT_EQ(MustGet(*txn, "idx" + key), key) << key;  // both writes of a commit, or neither
  }
}

TEST_F(StorageEngineTest, AllocateIdsIsConsecutiveAndStartsAtOne) {
  Result<int64_t> a = engine_->AllocateIds("c", 1);
  Result<int64_t> b = engine_->AllocateIds("c", 5);
  Result<int64_t> c = engine_->AllocateIds("c", 1);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(*a, 1);
  EXPECT_EQ(*b, 2);
  EXPECT_EQ(*c, 7);
  EXPECT_EQ(*engine_->PeekNextId("c"), 8);
  EXPECT_EQ(*engine_->PeekNextId("unused"), 1);
  EXPECT_EQ(*engine_->AllocateIds("other", 1), 1);  // counters are independent
}

TEST_F(StorageEngineTest, AllocateIdsNeverReusesAcrossReopen) {
  std::set<int64_t> seen;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 1500; ++i) {
      Result<int64_t> id = engine_->AllocateIds("c", 1 + i % 3);
      ASSERT_TRUE(id.ok());
      for (int k = 0; k < 1 + i % 3; ++k) ASSERT_TRUE(seen.insert(*id + k).second);
    }
    Result<int64_t> peek = engine_->PeekNextId("c");
    Reopen();
    Result<int64_t> after = engine_->PeekNextId("c");
    ASSERT_TRUE(peek.ok() && after.ok());
    EXPECT_GE(*after, *peek);
  }
}

TEST_F(StorageEngineTest, AllocateIdsNeverReusesAfterKill9) {
  engine_.reset();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), true);
    if (!engine.ok()) _exit(2);
    while (true) {
      Result<int64_t> id = (*engine)->AllocateIds("c", 7);
      if (!id.ok()) _exit(3);
      int64_t last = *id + 6;
      if (write(fds[1], &last, sizeof(last)) != sizeof(last)) _exit(4);
    }
  }
  close(fds[1]);
  int64_t last = 0, value = 0;
  while (last < 5000 && read(fds[0], &value, sizeof(value)) == sizeof(value)) last = value;
  kill(pid, SIGKILL);
  while (read(fds[0], &value, sizeof(value)) == sizeof(value)) last = value;
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  Reopen();
  Result<int64_t> next = engine_->AllocateIds("c", 1);
  ASSERT_TRUE(next.ok());
  EXPECT_GT(*next, last);
}

TEST_F(StorageEngineTest, RebaseIdsMovesForwardOnlyAndPersists) {
  ASSERT_TRUE(engine_->RebaseIds("c", 100).ok());
  EXPECT_EQ(*engine_->PeekNextId("c"), 101);
  ASSERT_TRUE(engine_->RebaseIds("c", 50).ok());
  EXPECT_EQ(*engine_->PeekNextId("c"), 101);
  EXPECT_EQ(*engine_->AllocateIds("c", 1), 101);
  ASSERT_TRUE(engine_->RebaseIds("c", 5000).ok());
  Reopen();
  EXPECT_GE(*engine_->AllocateIds("c", 1), 5001);
}

TEST_F(StorageEngineTest, AllocateIdsFailsWhenExhausted) {
  ASSERT_TRUE(engine_->RebaseIds("c", INT64_MAX - 2).ok());
  EXPECT_EQ(*engine_->AllocateIds("c", 1), INT64_MAX - 1);
  Result<int64_t> r = engine_->AllocateIds("c", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().mysql_errno(), 1467);
}

TEST_F(StorageEngineTest, DropIdsRestartsCounter) {
  ASSERT_TRUE(engine_->AllocateIds("c", 10).ok());
  ASSERT_TRUE(engine_->DropIds("c").ok());
  EXPECT_EQ(*engine_->AllocateIds("c", 1), 1);
  ASSERT_TRUE(engine_->DropIds("c").ok());
  Reopen();
  EXPECT_EQ(*engine_->PeekNextId("c"), 1);
}

TEST_F(StorageEngineTest, SecondOpenOfTheSameDirectoryFails) {
  Result<std::unique_ptr<StorageEngine>> second = StorageEngine::Open(dir_.path(), true);
  EXPECT_FALSE(second.ok());
}

}  // namespace
}  // namespace vexdb

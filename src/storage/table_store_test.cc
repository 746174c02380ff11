#include "storage/table_store.h"

#include <gtest/gtest.h>

#include "storage/key_codec.h"
#include "storage/test_util.h"

namespace vexdb {
namespace {

// players(id BIGINT PRIMARY KEY, name VARCHAR(32) UNIQUE, score INT, KEY(score),
//         team VARCHAR(16), nick VARCHAR(16), UNIQUE KEY team_nick(team, nick))
TableLayout Players() {
  TableLayout t;
  t.table_id = 10;
  t.name = "players";
  t.columns = {{1, "id", LogicalType::BigInt(), Value()},
               {2, "name", LogicalType::Varchar(32), Value()},
               {3, "score", LogicalType::Of(TypeId::kInt), Value()},
               {4, "team", LogicalType::Varchar(16), Value()},
               {5, "nick", LogicalType::Varchar(16), Value()}};
  t.indexes = {{1, "name", true, false, {1}, {0}},
               {2, "score", false, false, {2}, {0}},
               {3, "team_nick", true, false, {3, 4}, {0, 0}}};
  t.handle_column = 0;
  return t;
}

Row Player(int64_t id, const std::string& name, std::optional<int64_t> score,
           std::optional<std::string> team = std::nullopt,
           std::optional<std::string> nick = std::nullopt) {
  return {Value::Int(id), Value::String(name), score ? Value::Int(*score) : Value(),
          team ? Value::String(*team) : Value(), nick ? Value::String(*nick) : Value()};
}

class TableStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StorageOptions options;
    options.sync_commit = false;
    options.lock_wait_timeout_ms = 100;
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
    layout_ = Players();
  }

  Status InsertCommitted(const Row& row) {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    VEXDB_RETURN_IF_ERROR(TableStore::Insert(*txn, layout_, row[0].int_value(), row));
    return txn->Commit();
  }

  // Handles returned by an index scan, in order.
  std::vector<int64_t> ScanHandles(Transaction& txn, int index, const IndexRange& range) {
    std::vector<int64_t> handles;
    std::unique_ptr<RowIterator> it = TableStore::ScanIndex(txn, layout_, index, range);
    int64_t handle = 0;
    Row row;
    while (true) {
      Result<bool> more = it->Next(&handle, &row);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) return handles;
      handles.push_back(handle);
    }
  }

  std::vector<int64_t> ScanHandles(int index, const IndexRange& range) {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    return ScanHandles(*txn, index, range);
  }

  // Number of keys stored under prefix (to check for leftover index entries).
  size_t CountKeys(const std::string& prefix) {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    size_t n = 0;
    for (auto it = txn->Scan(prefix, PrefixEnd(prefix)); it->Valid(); it->Next()) ++n;
    return n;
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> engine_;
  TableLayout layout_;
};

TEST_F(TableStoreTest, InsertThenGet) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  Result<std::optional<Row>> row = TableStore::Get(*txn, layout_, 1, false);
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ(**row, Player(1, "alice", 10));
  Result<std::optional<Row>> missing = TableStore::Get(*txn, layout_, 2, true);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(TableStoreTest, DuplicatePrimaryKeyMessage) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  Status s = InsertCommitted(Player(1, "bob", 20));
  ASSERT_TRUE(s.Is(ErrorCode::kDupEntry)) << s.ToString();
  EXPECT_EQ(s.message(), "Duplicate entry '1' for key 'players.PRIMARY'");
  EXPECT_EQ(s.mysql_errno(), 1062);
}

TEST_F(TableStoreTest, DuplicateUniqueIndexMessage) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  Status s = InsertCommitted(Player(2, "alice", 20));
  ASSERT_TRUE(s.Is(ErrorCode::kDupEntry)) << s.ToString();
  EXPECT_EQ(s.message(), "Duplicate entry 'alice' for key 'players.name'");
}

TEST_F(TableStoreTest, DuplicateMultiColumnKeyJoinsValuesWithDash) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 1, "red", "x")).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "b", 1, "red", "y")).ok());
  Status s = InsertCommitted(Player(3, "c", 1, "red", "x"));
  EXPECT_EQ(s.message(), "Duplicate entry 'red-x' for key 'players.team_nick'");
}

TEST_F(TableStoreTest, FailedInsertWritesNothing) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_FALSE(TableStore::Insert(*txn, layout_, 2, Player(2, "alice", 20)).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(CountKeys(RowKeyPrefix(10)), 1u);
  EXPECT_EQ(CountKeys(IndexPrefix(10, 2)), 1u);  // no stray score entry
}

TEST_F(TableStoreTest, NullsInUniqueKeysNeverConflict) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 1, "red", std::nullopt)).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "b", 1, "red", std::nullopt)).ok());
  ASSERT_TRUE(InsertCommitted(Player(3, "c", 1, std::nullopt, std::nullopt)).ok());
  ASSERT_TRUE(InsertCommitted(Player(4, "d", 1, std::nullopt, std::nullopt)).ok());
  EXPECT_EQ(CountKeys(IndexPrefix(10, 3)), 4u);
  // Both NULL-keyed rows are found by an equality scan on team = 'red'.
  EXPECT_EQ(ScanHandles(2, {{Value::String("red")}, true, {Value::String("red")}, true}),
            (std::vector<int64_t>{1, 2}));
  // Deleting one leaves the other's entry.
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Delete(*txn, layout_, 1, Player(1, "a", 1, "red", std::nullopt)).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(ScanHandles(2, {{Value::String("red")}, true, {Value::String("red")}, true}),
            (std::vector<int64_t>{2}));
}

TEST_F(TableStoreTest, TrailingSpacesArePadSpaceInUniqueKeys) {
  ASSERT_TRUE(InsertCommitted(Player(1, "bob", 1)).ok());
  Status s = InsertCommitted(Player(2, "bob  ", 1));
  EXPECT_EQ(s.message(), "Duplicate entry 'bob  ' for key 'players.name'");
}

TEST_F(TableStoreTest, ConcurrentInsertOfSameKeyIsBlockedThenDuplicate) {
  std::unique_ptr<Transaction> t1 = engine_->BeginTransaction();
  std::unique_ptr<Transaction> t2 = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*t1, layout_, 1, Player(1, "alice", 1)).ok());
  Status s = TableStore::Insert(*t2, layout_, 2, Player(2, "alice", 2));
  EXPECT_EQ(s.mysql_errno(), 1205);  // waits for t1's lock on the unique key
  ASSERT_TRUE(t1->Commit().ok());
  // After t1 commits, t2 sees the committed key (latest read), although its snapshot is older.
  s = TableStore::Insert(*t2, layout_, 2, Player(2, "alice", 2));
  EXPECT_TRUE(s.Is(ErrorCode::kDupEntry)) << s.ToString();
}

TEST_F(TableStoreTest, OwnUncommittedRowsConflict) {
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*txn, layout_, 1, Player(1, "alice", 1)).ok());
  EXPECT_TRUE(TableStore::Insert(*txn, layout_, 2, Player(2, "alice", 1)).Is(ErrorCode::kDupEntry));
  EXPECT_TRUE(TableStore::Insert(*txn, layout_, 1, Player(1, "x", 1)).Is(ErrorCode::kDupEntry));
}

TEST_F(TableStoreTest, TableScanInHandleOrderWithBounds) {
  for (int64_t id : {5, -3, 100, 0, 42}) {
    ASSERT_TRUE(InsertCommitted(Player(id, "p" + std::to_string(id), id)).ok());
  }
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  auto collect = [&](int64_t lo, int64_t hi) {
    std::vector<int64_t> handles;
    auto it = TableStore::Scan(*txn, layout_, lo, hi);
    int64_t h;
    Row row;
    while (*it->Next(&h, &row)) {
      EXPECT_EQ(row[0].int_value(), h);
      handles.push_back(h);
    }
    return handles;
  };
  EXPECT_EQ(collect(INT64_MIN, INT64_MAX), (std::vector<int64_t>{-3, 0, 5, 42, 100}));
  EXPECT_EQ(collect(0, 42), (std::vector<int64_t>{0, 5, 42}));
  EXPECT_EQ(collect(43, 99), (std::vector<int64_t>{}));
  EXPECT_EQ(collect(10, 1), (std::vector<int64_t>{}));
  auto collect_backward = [&](int64_t lo, int64_t hi) {
    std::vector<int64_t> handles;
    auto it = TableStore::Scan(*txn, layout_, lo, hi, ScanDirection::kBackward);
    int64_t h;
    Row row;
    while (*it->Next(&h, &row)) handles.push_back(h);
    return handles;
  };
  EXPECT_EQ(collect_backward(INT64_MIN, INT64_MAX), (std::vector<int64_t>{100, 42, 5, 0, -3}));
  EXPECT_EQ(collect_backward(0, 42), (std::vector<int64_t>{42, 5, 0}));
  EXPECT_EQ(collect_backward(INT64_MIN, -3), (std::vector<int64_t>{-3}));
  EXPECT_EQ(collect_backward(10, 1), (std::vector<int64_t>{}));
}

TEST_F(TableStoreTest, IndexScanRangesWithInclusiveAndExclusiveBounds) {
  // scores: 1->30, 2->10, 3->20, 4->20, 5->NULL, 6->40
  std::vector<std::optional<int64_t>> scores = {30, 10, 20, 20, std::nullopt, 40};
  for (int64_t id = 1; id <= 6; ++id) {
    ASSERT_TRUE(InsertCommitted(Player(id, "p" + std::to_string(id), scores[id - 1])).ok());
  }
  using V = std::vector<int64_t>;
  Value n10 = Value::Int(10), n20 = Value::Int(20), n30 = Value::Int(30);
  EXPECT_EQ(ScanHandles(1, {}), (V{5, 2, 3, 4, 1, 6}));  // NULL first, then by score, handle
  EXPECT_EQ(ScanHandles(1, {{n20}, true, {n20}, true}), (V{3, 4}));
  EXPECT_EQ(ScanHandles(1, {{n10}, false, {n30}, false}), (V{3, 4}));
  EXPECT_EQ(ScanHandles(1, {{n10}, true, {n30}, false}), (V{2, 3, 4}));
  EXPECT_EQ(ScanHandles(1, {{n20}, false, {}, true}), (V{1, 6}));
  EXPECT_EQ(ScanHandles(1, {{}, true, {n20}, false}), (V{5, 2}));  // includes NULL
  EXPECT_EQ(ScanHandles(1, {{Value()}, false, {n20}, false}), (V{2}));  // NULLs excluded
  EXPECT_EQ(ScanHandles(1, {{Value()}, true, {Value()}, true}), (V{5}));  // IS NULL
  EXPECT_EQ(ScanHandles(1, {{n30}, false, {n10}, false}), (V{}));  // empty range
  // Unique index: equality and ordered scan by name.
  EXPECT_EQ(ScanHandles(0, {{Value::String("p3")}, true, {Value::String("p3")}, true}), (V{3}));
  EXPECT_EQ(ScanHandles(0, {{Value::String("p2")}, false, {}, true}), (V{3, 4, 5, 6}));
}

TEST_F(TableStoreTest, CompositeIndexPrefixRanges) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 1, "blue", "z")).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "b", 1, "red", "b")).ok());
  ASSERT_TRUE(InsertCommitted(Player(3, "c", 1, "red", "a")).ok());
  ASSERT_TRUE(InsertCommitted(Player(4, "d", 1, "redder", "a")).ok());
  using V = std::vector<int64_t>;
  Value red = Value::String("red");
  EXPECT_EQ(ScanHandles(2, {{red}, true, {red}, true}), (V{3, 2}));
  EXPECT_EQ(ScanHandles(2, {{red}, false, {}, true}), (V{4}));
  EXPECT_EQ(ScanHandles(2, {{}, true, {red}, false}), (V{1}));
  EXPECT_EQ(ScanHandles(2, {{red, Value::String("a")}, false, {red}, true}), (V{2}));
}

TEST_F(TableStoreTest, IndexScanSeesOwnWrites) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 5)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*txn, layout_, 2, Player(2, "b", 3)).ok());
  EXPECT_EQ(ScanHandles(*txn, 1, {}), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(ScanHandles(1, {}), (std::vector<int64_t>{1}));  // other transactions: not yet
}

TEST_F(TableStoreTest, UpdateMaintainsOnlyChangedIndexes) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "bob", 20)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  // Change score only.
  ASSERT_TRUE(
      TableStore::Update(*txn, layout_, 1, Player(1, "alice", 10), 1, Player(1, "alice", 30)).ok());
  // Rename bob to alice: duplicate, nothing changes.
  Status s = TableStore::Update(*txn, layout_, 2, Player(2, "bob", 20), 2, Player(2, "alice", 20));
  EXPECT_EQ(s.message(), "Duplicate entry 'alice' for key 'players.name'");
  ASSERT_TRUE(txn->Commit().ok());
  using V = std::vector<int64_t>;
  EXPECT_EQ(ScanHandles(1, {}), (V{2, 1}));
  EXPECT_EQ(ScanHandles(1, {{Value::Int(10)}, true, {Value::Int(10)}, true}), (V{}));
  EXPECT_EQ(ScanHandles(0, {{Value::String("bob")}, true, {Value::String("bob")}, true}), (V{2}));
  EXPECT_EQ(CountKeys(IndexPrefix(10, 1)), 2u);
  EXPECT_EQ(CountKeys(IndexPrefix(10, 2)), 2u);
}

TEST_F(TableStoreTest, UpdateChangingTheHandleMovesRowAndEntries) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10, "red", std::nullopt)).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "bob", 20)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  Status dup = TableStore::Update(*txn, layout_, 1, Player(1, "alice", 10, "red", std::nullopt), 2,
                                  Player(2, "alice", 10, "red", std::nullopt));
  EXPECT_EQ(dup.message(), "Duplicate entry '2' for key 'players.PRIMARY'");
  ASSERT_TRUE(TableStore::Update(*txn, layout_, 1, Player(1, "alice", 10, "red", std::nullopt), 7,
                                 Player(7, "alice", 10, "red", std::nullopt))
                  .ok());
  ASSERT_TRUE(txn->Commit().ok());
  using V = std::vector<int64_t>;
  EXPECT_EQ(ScanHandles(0, {{Value::String("alice")}, true, {Value::String("alice")}, true}),
            (V{7}));
  EXPECT_EQ(ScanHandles(1, {{Value::Int(10)}, true, {Value::Int(10)}, true}), (V{7}));
  EXPECT_EQ(ScanHandles(2, {{Value::String("red")}, true, {Value::String("red")}, true}), (V{7}));
  EXPECT_EQ(CountKeys(RowKeyPrefix(10)), 2u);
  EXPECT_EQ(CountKeys(IndexPrefix(10, 2)), 2u);
  EXPECT_EQ(CountKeys(IndexPrefix(10, 3)), 2u);  // (red, NULL) of row 7, (NULL, NULL) of row 2
}

TEST_F(TableStoreTest, DeleteRemovesRowAndEntries) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10, "red", "x")).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Delete(*txn, layout_, 1, Player(1, "alice", 10, "red", "x")).ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(CountKeys(TablePrefix(10)), 0u);
  EXPECT_TRUE(InsertCommitted(Player(1, "alice", 10, "red", "x")).ok());  // key free again
}

TEST_F(TableStoreTest, HiddenRowIdWithNonClusteredPrimaryKey) {
  // t(code VARCHAR PRIMARY KEY, v INT): rows keyed by hidden row ids.
  TableLayout t;
  t.table_id = 11;
  t.name = "t";
  t.columns = {{1, "code", LogicalType::Varchar(8), Value()},
               {2, "v", LogicalType::Of(TypeId::kInt), Value()}};
  t.indexes = {{1, "PRIMARY", true, true, {0}, {0}}};
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*txn, t, 1, {Value::String("x"), Value::Int(1)}).ok());
  Status s = TableStore::Insert(*txn, t, 2, {Value::String("x"), Value::Int(2)});
  EXPECT_EQ(s.message(), "Duplicate entry 'x' for key 't.PRIMARY'");
  Result<std::optional<int64_t>> conflict =
      TableStore::FindConflict(*txn, t, 2, {Value::String("x"), Value::Int(2)});
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(*conflict, 1);
}

TEST_F(TableStoreTest, FindConflictReportsClusteredAndUniqueOwners) {
  ASSERT_TRUE(InsertCommitted(Player(1, "alice", 10)).ok());
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  EXPECT_EQ(*TableStore::FindConflict(*txn, layout_, 1, Player(1, "zed", 1)), 1);
  EXPECT_EQ(*TableStore::FindConflict(*txn, layout_, 5, Player(5, "alice", 1)), 1);
  EXPECT_EQ(*TableStore::FindConflict(*txn, layout_, 5, Player(5, "zed", 1)), std::nullopt);
}

TEST_F(TableStoreTest, PrefixIndexComparesPrefixes) {
  TableLayout t;
  t.table_id = 12;
  t.name = "t";
  t.columns = {{1, "id", LogicalType::BigInt(), Value()},
               {2, "s", LogicalType::Varchar(64), Value()}};
  t.indexes = {{1, "s", true, false, {1}, {3}}};
  t.handle_column = 0;
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*txn, t, 1, {Value::Int(1), Value::String("héllo")}).ok());
  Status s = TableStore::Insert(*txn, t, 2, {Value::Int(2), Value::String("hél!")});
  EXPECT_EQ(s.message(), "Duplicate entry 'hél' for key 't.s'");  // 3 characters, not bytes
  ASSERT_TRUE(TableStore::Insert(*txn, t, 3, {Value::Int(3), Value::String("hem")}).ok());
  // s > 'hélz' on a prefix index is widened to s >= 'hél': 'héllo' comes back for the caller
  // to re-check; 'hem' sorts before 'hél' in bytes.
  std::vector<int64_t> handles;
  auto it = TableStore::ScanIndex(*txn, t, 0, {{Value::String("hélz")}, false, {}, true});
  int64_t h;
  Row row;
  while (*it->Next(&h, &row)) handles.push_back(h);
  EXPECT_EQ(handles, (std::vector<int64_t>{1}));
}

TEST_F(TableStoreTest, BuildIndexFillsAndDetectsDuplicates) {
  for (int64_t id = 1; id <= 3; ++id) {
    ASSERT_TRUE(InsertCommitted(Player(id, "p" + std::to_string(id), id % 2)).ok());
  }
  TableLayout with_index = layout_;
  with_index.indexes.push_back({4, "score_u", true, false, {2}, {0}});
  with_index.indexes.push_back({5, "score_n", false, false, {2}, {0}});
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  Status s = TableStore::BuildIndex(*txn, with_index, 3);
  EXPECT_EQ(s.message(), "Duplicate entry '1' for key 'players.score_u'");
  txn->Rollback();
  txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::BuildIndex(*txn, with_index, 4).ok());
  ASSERT_TRUE(txn->Commit().ok());
  layout_ = with_index;
  EXPECT_EQ(ScanHandles(4, {{Value::Int(1)}, true, {Value::Int(1)}, true}),
            (std::vector<int64_t>{1, 3}));
}

TEST_F(TableStoreTest, DropIndexDataAndDropData) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 1)).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "b", 2)).ok());
  ASSERT_TRUE(TableStore::DropIndexData(*engine_, 10, 2).ok());
  EXPECT_EQ(CountKeys(IndexPrefix(10, 2)), 0u);
  EXPECT_EQ(CountKeys(IndexPrefix(10, 1)), 2u);
  ASSERT_TRUE(TableStore::DropData(*engine_, 10).ok());
  EXPECT_EQ(CountKeys(TablePrefix(10)), 0u);
}

TEST_F(TableStoreTest, AddedColumnReadsItsDefault) {
  ASSERT_TRUE(InsertCommitted(Player(1, "a", 1)).ok());
  layout_.columns.push_back({6, "level", LogicalType::Of(TypeId::kInt), Value::Int(7)});
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  Result<std::optional<Row>> row = TableStore::Get(*txn, layout_, 1, false);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((**row)[5], Value::Int(7));
}

TEST_F(TableStoreTest, DecimalUniqueKeyIgnoresScale) {
  TableLayout t;
  t.table_id = 13;
  t.name = "prices";
  t.columns = {{1, "id", LogicalType::BigInt(), Value()},
               {2, "p", LogicalType::Decimal(10, 2), Value()}};
  t.indexes = {{1, "p", true, false, {1}, {0}}};
  t.handle_column = 0;
  std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Insert(*txn, t, 1, {Value::Int(1), Value::Dec(Decimal(150, 2))}).ok());
  Status s = TableStore::Insert(*txn, t, 2, {Value::Int(2), Value::Dec(Decimal(150, 2))});
  EXPECT_EQ(s.message(), "Duplicate entry '1.50' for key 'prices.p'");
}

// The vector-index log: writes that may change a logged column record the handle in the same
// transaction; only committed entries (and a transaction's own) are visible; consuming skips an
// entry that another transaction holds.
TEST_F(TableStoreTest, VectorLogRecordsChangedVectorsWithTheRow) {
  layout_.vector_columns = {2};  // pretend "score" is a vector column
  ASSERT_TRUE(InsertCommitted(Player(1, "ann", 10)).ok());
  ASSERT_TRUE(InsertCommitted(Player(2, "bob", 20)).ok());
  std::unique_ptr<Transaction> reader = engine_->BeginTransaction();
  EXPECT_EQ(*TableStore::ScanVectorLog(*reader, layout_.table_id), (std::vector<int64_t>{1, 2}));
  for (int64_t handle : {1, 2}) {
    EXPECT_EQ(*TableStore::ConsumeVectorLog(*reader, layout_.table_id, handle), true);
  }
  ASSERT_TRUE(reader->Commit().ok());
  // Consumed entries move to the applied log, until a checkpoint clears them.
  std::unique_ptr<Transaction> keeper = engine_->BeginTransaction();
  EXPECT_TRUE(TableStore::ScanVectorLog(*keeper, layout_.table_id)->empty());
  EXPECT_EQ(*TableStore::ScanVectorLog(*keeper, layout_.table_id, VectorLog::kApplied),
            (std::vector<int64_t>{1, 2}));
  const std::vector<int64_t> applied = {1, 2};
  ASSERT_TRUE(TableStore::ClearAppliedVectorLog(*keeper, layout_.table_id, applied).ok());
  ASSERT_TRUE(keeper->Commit().ok());
  EXPECT_TRUE(TableStore::ScanVectorLog(*engine_->BeginTransaction(), layout_.table_id,
                                        VectorLog::kApplied)->empty());

  std::unique_ptr<Transaction> writer = engine_->BeginTransaction();
  // Changing another column logs nothing; changing the logged one does.
  ASSERT_TRUE(TableStore::Update(*writer, layout_, 1, Player(1, "ann", 10), 1,
                                 Player(1, "anne", 10)).ok());
  ASSERT_TRUE(TableStore::Update(*writer, layout_, 2, Player(2, "bob", 20), 2,
                                 Player(2, "bob", 21)).ok());
  EXPECT_EQ(*TableStore::ScanVectorLog(*writer, layout_.table_id), (std::vector<int64_t>{2}));
  std::unique_ptr<Transaction> other = engine_->BeginTransaction();
  EXPECT_TRUE(TableStore::ScanVectorLog(*other, layout_.table_id)->empty());
  ASSERT_TRUE(writer->Commit().ok());

  // Log writes never fail because of the consumer (they skip conflict checks); the consumer
  // leaves an entry that an open transaction has logged again, or that was logged again and
  // committed after the consumer's snapshot.
  std::unique_ptr<Transaction> consumer = engine_->BeginTransaction();
  std::unique_ptr<Transaction> deleter = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Delete(*deleter, layout_, 1, Player(1, "anne", 10)).ok());
  EXPECT_EQ(*TableStore::ConsumeVectorLog(*consumer, layout_.table_id, 1), false);
  ASSERT_TRUE(TableStore::Update(*engine_->BeginTransaction(), layout_, 2, Player(2, "bob", 21), 2,
                                 Player(2, "bob", 22)).ok());  // rolled back: no entry
  std::unique_ptr<Transaction> updater = engine_->BeginTransaction();
  ASSERT_TRUE(TableStore::Update(*updater, layout_, 2, Player(2, "bob", 21), 2,
                                 Player(2, "bob", 23)).ok());
  ASSERT_TRUE(updater->Commit().ok());
  EXPECT_EQ(*TableStore::ConsumeVectorLog(*consumer, layout_.table_id, 2), false);
  ASSERT_TRUE(consumer->Commit().ok());
  ASSERT_TRUE(deleter->Commit().ok());
  std::unique_ptr<Transaction> last = engine_->BeginTransaction();
  EXPECT_EQ(*TableStore::ScanVectorLog(*last, layout_.table_id), (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace vexdb

#include "storage/rocks_transaction.h"

#include <algorithm>

#include <rocksdb/iterator.h>

#include "storage/rocks_reads.h"
#include "storage/rocks_status.h"

namespace vexdb {


RocksTransaction::RocksTransaction(std::unique_ptr<rocksdb::Transaction> txn, rocksdb::DB* db,
                                   rocksdb::ColumnFamilyHandle* cf, VectorLogClock* clock)
    : txn_(std::move(txn)), db_(db), cf_(cf), clock_(clock) {}

RocksTransaction::~RocksTransaction() {
  if (!finished_) txn_->Rollback().PermitUncheckedError();
}

rocksdb::ReadOptions RocksTransaction::SnapshotReadOptions() const {
  rocksdb::ReadOptions options;
  options.snapshot = txn_->GetSnapshot();
  return options;
}

Result<std::optional<std::string>> RocksTransaction::Get(std::string_view key) {
  std::string value;
  rocksdb::Status s = txn_->Get(SnapshotReadOptions(), cf_, ToSlice(key), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "get");
  return std::optional<std::string>(std::move(value));
}

Result<std::vector<std::optional<std::string>>> RocksTransaction::MultiGet(
    std::span<const std::string> keys) {
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  txn_->MultiGet(SnapshotReadOptions(), cf_, keys.size(), slices.data(), values.data(),
                 statuses.data());
  return MultiGetValues(values, statuses);
}

Result<std::optional<std::string>> RocksTransaction::LockingGet(
    const rocksdb::ReadOptions& options, std::string_view key, bool validate) {
  std::string value;
  rocksdb::Status s = txn_->GetForUpdate(options, cf_, ToSlice(key), &value,
                                         /*exclusive=*/true, /*do_validate=*/validate);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "locking read");
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<std::string>> RocksTransaction::GetForUpdate(std::string_view key) {
  return LockingGet(SnapshotReadOptions(), key, /*validate=*/true);
}

Result<std::optional<std::string>> RocksTransaction::GetLatestForUpdate(std::string_view key) {
  return LockingGet(rocksdb::ReadOptions(), key, /*validate=*/false);
}

Status RocksTransaction::Put(std::string_view key, std::string_view value) {
  return FromRocks(txn_->Put(cf_, ToSlice(key), ToSlice(value)), "put");
}

Status RocksTransaction::PutUntracked(std::string_view key, std::string_view value) {
  return FromRocks(txn_->PutUntracked(cf_, ToSlice(key), ToSlice(value)), "put");
}

Status RocksTransaction::Delete(std::string_view key) {
  return FromRocks(txn_->Delete(cf_, ToSlice(key)), "delete");
}

std::unique_ptr<KvIterator> RocksTransaction::NewScan(std::string_view lower,
                                                      std::string_view upper,
                                                      ScanDirection direction) {
  return std::make_unique<RocksKvIterator>(
      SnapshotReadOptions(), lower, upper,
      [this](const rocksdb::ReadOptions& options) { return txn_->GetIterator(options, cf_); },
      direction);
}

void RocksTransaction::SetSavepoint() { txn_->SetSavePoint(); }

Status RocksTransaction::RollbackToSavepoint() {
  return FromRocks(txn_->RollbackToSavePoint(), "rollback to savepoint");
}

void RocksTransaction::PopSavepoint() { txn_->PopSavePoint().PermitUncheckedError(); }

Status RocksTransaction::Commit() {
  finished_ = true;
  for (int64_t table_id : logged_tables_) clock_->BeginCommit(table_id);
  rocksdb::Status s = txn_->Commit();
  if (!logged_tables_.empty()) {
    // At least the commit's sequence: RocksDB publishes a commit before Commit returns.
    const uint64_t committed = db_->GetLatestSequenceNumber();
    for (int64_t table_id : logged_tables_) clock_->EndCommit(table_id, committed);
  }
  if (!s.ok()) txn_->Rollback().PermitUncheckedError();
  return FromRocks(s, "commit");
}

void RocksTransaction::Rollback() {
  if (finished_) return;
  finished_ = true;
  txn_->Rollback().PermitUncheckedError();
}

uint64_t RocksTransaction::snapshot_sequence() const {
  return txn_->GetSnapshot()->GetSequenceNumber();
}

void RocksTransaction::NoteVectorLogWrite(int64_t table_id) {
  if (!WroteVectorLog(table_id)) logged_tables_.push_back(table_id);
}

bool RocksTransaction::WroteVectorLog(int64_t table_id) const {
  return std::find(logged_tables_.begin(), logged_tables_.end(), table_id) !=
         logged_tables_.end();
}

bool RocksTransaction::has_writes() const {
  return txn_->GetNumPuts() + txn_->GetNumDeletes() > 0;
}

}  // namespace vexdb

#include "storage/rocks_snapshot_read.h"

#include "storage/rocks_reads.h"
#include "storage/rocks_status.h"

namespace vexdb {

namespace {

Status ReadOnly(std::string_view what) {
  return Status::Internal(std::string(what) + " in a read-only snapshot");
}

}  // namespace

SnapshotRead::SnapshotRead(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf)
    : db_(db), cf_(cf), snapshot_(db->GetSnapshot()) {}

SnapshotRead::~SnapshotRead() { db_->ReleaseSnapshot(snapshot_); }

rocksdb::ReadOptions SnapshotRead::Options() const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot_;
  return options;
}

Result<std::optional<std::string>> SnapshotRead::Get(std::string_view key) {
  rocksdb::PinnableSlice value;
  rocksdb::Status s = db_->Get(Options(), cf_, ToSlice(key), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "get");
  return std::optional<std::string>(value.ToString());
}

Result<std::vector<std::optional<std::string>>> SnapshotRead::MultiGet(
    std::span<const std::string> keys) {
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->MultiGet(Options(), cf_, keys.size(), slices.data(), values.data(), statuses.data());
  return MultiGetValues(values, statuses);
}

Result<std::optional<std::string>> SnapshotRead::GetForUpdate(std::string_view) {
  return ReadOnly("locking read");
}

Result<std::optional<std::string>> SnapshotRead::GetLatestForUpdate(std::string_view) {
  return ReadOnly("locking read");
}

Status SnapshotRead::Put(std::string_view, std::string_view) { return ReadOnly("write"); }

Status SnapshotRead::PutUntracked(std::string_view, std::string_view) {
  return ReadOnly("write");
}

Status SnapshotRead::Delete(std::string_view) { return ReadOnly("write"); }

std::unique_ptr<KvIterator> SnapshotRead::NewScan(std::string_view lower,
                                                  std::string_view upper,
                                                  ScanDirection direction) {
  return std::make_unique<RocksKvIterator>(
      Options(), lower, upper,
      [this](const rocksdb::ReadOptions& options) { return db_->NewIterator(options, cf_); },
      direction);
}

}  // namespace vexdb

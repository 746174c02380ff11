#include "storage/rocks_snapshot_read.h"

#include <rocksdb/iterator.h>

#include "storage/rocks_status.h"

namespace vexdb {

namespace {

rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

Status ReadOnly(std::string_view what) {
  return Status::Internal(std::string(what) + " in a read-only snapshot");
}

class SnapshotIterator final : public KvIterator {
 public:
  SnapshotIterator(rocksdb::DB* db, rocksdb::ReadOptions options, rocksdb::ColumnFamilyHandle* cf,
                   std::string_view lower, std::string_view upper)
      : upper_(upper), upper_slice_(upper_) {
    if (!upper_.empty()) options.iterate_upper_bound = &upper_slice_;
    iter_.reset(db->NewIterator(options, cf));
    iter_->Seek(ToSlice(lower));
  }

  bool Valid() const override { return iter_->Valid(); }
  void Next() override { iter_->Next(); }
  std::string_view key() const override { return iter_->key().ToStringView(); }
  std::string_view value() const override { return iter_->value().ToStringView(); }
  Status status() const override { return FromRocks(iter_->status(), "scan"); }

 private:
  std::string upper_;
  rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> iter_;
};

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
  std::vector<std::optional<std::string>> out(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) return FromRocks(statuses[i], "get");
    out[i] = values[i].ToString();
  }
  return out;
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

std::unique_ptr<KvIterator> SnapshotRead::Scan(std::string_view lower, std::string_view upper) {
  return std::make_unique<SnapshotIterator>(db_, Options(), cf_, lower, upper);
}

}  // namespace vexdb

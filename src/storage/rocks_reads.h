#pragma once

// Reading helpers shared by the Transaction implementations over RocksDB (internal to
// src/storage/): a RocksTransaction reads through its rocksdb::Transaction, a SnapshotRead
// through the database at a snapshot; both hand out the same iterator and MultiGet results.

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/iterator.h>
#include <rocksdb/options.h>
#include <rocksdb/slice.h>

#include "common/result.h"
#include "storage/storage_engine.h"

namespace vexdb {

inline rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

// Iterates [lower, upper) ("" = unbounded), first key first or (kBackward) last key first, over
// the iterator `open` makes from read options that carry the bounds. The bound it moves toward
// is also checked here (the seek already honours the other), since a transaction's iterator
// merges its write batch with the database without RocksDB's bounds.
class RocksKvIterator final : public KvIterator {
 public:
  using Open = std::function<rocksdb::Iterator*(const rocksdb::ReadOptions&)>;
  RocksKvIterator(rocksdb::ReadOptions options, std::string_view lower, std::string_view upper,
                  const Open& open, ScanDirection direction);

  bool Valid() const override;
  void Next() override {
    if (direction_ == ScanDirection::kForward) {
      iter_->Next();
    } else {
      iter_->Prev();
    }
  }
  std::string_view key() const override { return iter_->key().ToStringView(); }
  std::string_view value() const override { return iter_->value().ToStringView(); }
  Status status() const override;

 private:
  std::string lower_, upper_;
  rocksdb::Slice lower_slice_, upper_slice_;
  ScanDirection direction_;
  std::unique_ptr<rocksdb::Iterator> iter_;
};

// The values of a MultiGet, nullopt for a missing key; its first error otherwise.
Result<std::vector<std::optional<std::string>>> MultiGetValues(
    std::span<const rocksdb::PinnableSlice> values, std::span<const rocksdb::Status> statuses);

}  // namespace vexdb

#include "storage/rocks_reads.h"

#include "storage/rocks_status.h"

namespace vexdb {

RocksKvIterator::RocksKvIterator(rocksdb::ReadOptions options, std::string_view lower,
                                 std::string_view upper, const Open& open,
                                 ScanDirection direction)
    : lower_(lower), upper_(upper), lower_slice_(lower_), upper_slice_(upper_),
      direction_(direction) {
  if (!upper_.empty()) options.iterate_upper_bound = &upper_slice_;
  if (!lower_.empty()) options.iterate_lower_bound = &lower_slice_;
  iter_.reset(open(options));
  if (direction_ == ScanDirection::kForward) {
    iter_->Seek(lower_slice_);
  } else if (upper_.empty()) {
    iter_->SeekToLast();
  } else {
    iter_->SeekForPrev(upper_slice_);  // the last key <= upper; upper itself is excluded
    if (iter_->Valid() && iter_->key().compare(upper_slice_) >= 0) iter_->Prev();
  }
}

bool RocksKvIterator::Valid() const {
  if (!iter_->Valid()) return false;
  if (direction_ == ScanDirection::kForward) {
    return upper_.empty() || iter_->key().compare(upper_slice_) < 0;
  }
  return lower_.empty() || iter_->key().compare(lower_slice_) >= 0;
}

Status RocksKvIterator::status() const { return FromRocks(iter_->status(), "scan"); }

Result<std::vector<std::optional<std::string>>> MultiGetValues(
    std::span<const rocksdb::PinnableSlice> values, std::span<const rocksdb::Status> statuses) {
  std::vector<std::optional<std::string>> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) return FromRocks(statuses[i], "get");
    out[i] = values[i].ToString();
  }
  return out;
}

}  // namespace vexdb

#include "storage/rocks_reads.h"

#include "storage/rocks_status.h"

namespace vexdb {

RocksKvIterator::RocksKvIterator(rocksdb::ReadOptions options, std::string_view lower,
                                 std::string_view upper, const Open& open)
    : upper_(upper), upper_slice_(upper_) {
  if (!upper_.empty()) options.iterate_upper_bound = &upper_slice_;
  iter_.reset(open(options));
  iter_->Seek(ToSlice(lower));
}

bool RocksKvIterator::Valid() const {
  return iter_->Valid() && (upper_.empty() || iter_->key().compare(upper_slice_) < 0);
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

#include "storage/rocks_status.h"

namespace vexdb {

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::OK();
  if (s.IsBusy() || s.IsTryAgain()) return Status::Error(ErrorCode::kLockDeadlock);
  if (s.IsTimedOut()) return Status::Error(ErrorCode::kLockWaitTimeout);
  return Status::Internal(fmt::format("storage error in {}: {}", context, s.ToString()));
}

}  // namespace vexdb

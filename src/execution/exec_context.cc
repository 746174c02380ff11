#include "execution/exec_context.h"

namespace vexdb {

Status ExecContext::CheckInterrupted() const {
  if (interrupted != nullptr && interrupted->load(std::memory_order_relaxed)) {
    return Status::Error(ErrorCode::kQueryInterrupted);
  }
  return Status::OK();
}

}  // namespace vexdb

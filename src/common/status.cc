#include "common/status.h"

#include <array>

namespace vexdb {

namespace {

constexpr ErrorInfo kErrorTable[] = {
#define VEXDB_ERROR(name, errno_, sqlstate, format) {errno_, sqlstate, format},
#include "common/error_codes.def"
#undef VEXDB_ERROR
};

const std::string& EmptyString() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace

const ErrorInfo& GetErrorInfo(ErrorCode code) { return kErrorTable[static_cast<size_t>(code)]; }

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}

ErrorCode Status::code() const { return state_->code; }

uint16_t Status::mysql_errno() const { return ok() ? 0 : GetErrorInfo(state_->code).mysql_errno; }

const char* Status::sqlstate() const { return ok() ? "00000" : GetErrorInfo(state_->code).sqlstate; }

const std::string& Status::message() const { return ok() ? EmptyString() : state_->message; }

std::string Status::ToString() const {
  if (ok()) return "OK";
  return fmt::format("ERROR {} ({}): {}", mysql_errno(), sqlstate(), message());
}

}  // namespace vexdb

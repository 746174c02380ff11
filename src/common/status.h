#pragma once

// Status: the result of an operation that can fail, carried as a value across every layer (no
// exception crosses a layer boundary). An OK status is a null pointer, so returning success
// costs nothing. A failure carries an ErrorCode from the error table (error_codes.def), which
// fixes the MySQL errno and SQLSTATE the client sees, and the formatted message.
//
// Thread safety: a Status is a value; distinct objects may be used from distinct threads.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace vexdb {

enum class ErrorCode : uint16_t {
#define VEXDB_ERROR(name, errno_, sqlstate, format) name,
#include "common/error_codes.def"
#undef VEXDB_ERROR
};

// The table entry behind an ErrorCode.
struct ErrorInfo {
  uint16_t mysql_errno;
  const char* sqlstate;  // five characters
  const char* format;    // {fmt} format string
};

const ErrorInfo& GetErrorInfo(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }

  // An error whose message is the table's format filled with args.
  template <typename... Args>
  static Status Error(ErrorCode code, Args&&... args) {
    return Status(code, fmt::format(fmt::runtime(GetErrorInfo(code).format),
                                    std::forward<Args>(args)...));
  }
  // An error with an explicit message (the table's format is not used).
  static Status WithMessage(ErrorCode code, std::string message) {
    return Status(code, std::move(message));
  }
  // Shorthand for the catch-all 1105/HY000 error.
  static Status Internal(std::string message) {
    return Status(ErrorCode::kUnknown, std::move(message));
  }

  bool ok() const { return state_ == nullptr; }
  ErrorCode code() const;              // REQUIRES: !ok()
  uint16_t mysql_errno() const;        // 0 when ok()
  const char* sqlstate() const;        // "00000" when ok()
  const std::string& message() const;  // "" when ok()
  std::string ToString() const;        // "ERROR 1146 (42S02): Table ..." or "OK"

  bool Is(ErrorCode code) const { return !ok() && state_->code == code; }

  // Marks an error as deliberately dropped; greppable.
  void IgnoreError() const {}

 private:
  struct State {
    ErrorCode code;
    std::string message;
  };
  Status(ErrorCode code, std::string message)
      : state_(std::make_unique<State>(State{code, std::move(message)})) {}

  std::unique_ptr<State> state_;
};

}  // namespace vexdb

#define VEXDB_CONCAT_IMPL(a, b) a##b
#define VEXDB_CONCAT(a, b) VEXDB_CONCAT_IMPL(a, b)

// Returns from the enclosing function if expr (a Status) is not OK.
#define VEXDB_RETURN_IF_ERROR(expr)               \
  do {                                            \
    ::vexdb::Status _vexdb_status = (expr);       \
    if (!_vexdb_status.ok()) return _vexdb_status; \
  } while (0)

#pragma once

// Result<T>: either a value of type T or a non-OK Status (an std::expected-style type; C++20 has
// none). Use VEXDB_ASSIGN_OR_RETURN to unwrap inside functions returning Status or Result<U>.

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace vexdb {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  Status TakeStatus() { return std::move(status_); }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace vexdb

#define VEXDB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.TakeStatus();           \
  lhs = std::move(tmp).value()

// `VEXDB_ASSIGN_OR_RETURN(auto x, F());` declares x from F()'s value or returns its error.
#define VEXDB_ASSIGN_OR_RETURN(lhs, expr) \
  VEXDB_ASSIGN_OR_RETURN_IMPL(VEXDB_CONCAT(_vexdb_result_, __LINE__), lhs, expr)

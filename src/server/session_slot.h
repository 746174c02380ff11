#pragma once

// SessionSlot: where a connection keeps its Session. The connection thread uses and replaces
// the session (login, COM_CHANGE_USER, disconnect); another thread (KILL, server shutdown) may
// interrupt it at any time. The mutex makes Interrupt() and replacement exclusive, so a session
// is never interrupted while it is being destroyed.

#include <memory>
#include <mutex>

#include "main/session.h"

namespace vexdb {

class SessionSlot {
 public:
  SessionSlot() = default;
  SessionSlot(const SessionSlot&) = delete;
  SessionSlot& operator=(const SessionSlot&) = delete;
  ~SessionSlot() { Reset(nullptr); }

  // Connection thread only. REQUIRES: a session has been set.
  Session& operator*() const { return *session_; }
  Session* operator->() const { return session_.get(); }
  bool has_session() const { return session_ != nullptr; }

  // Connection thread only: destroys the current session (if any), then installs `session`.
  void Reset(std::unique_ptr<Session> session) {
    std::lock_guard lock(mu_);
    session_.reset();
    session_ = std::move(session);
  }

  // Any thread: stops the statement the session is running, if any.
  void Interrupt() {
    std::lock_guard lock(mu_);
    if (session_) session_->Interrupt();
  }

 private:
  std::mutex mu_;
  std::unique_ptr<Session> session_;
};

}  // namespace vexdb

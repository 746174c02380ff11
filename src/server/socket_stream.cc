#include "server/socket_stream.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

namespace vexdb {

namespace {

Status ErrnoStatus(const char* what, int err) {
  return Status::Internal(fmt::format("{}: {}", what, std::strerror(err)));
}

bool WouldBlock(int err) { return err == EAGAIN || err == EWOULDBLOCK; }

// Streams of this process spinning now, and how many may.
std::atomic<unsigned> spinners{0};
unsigned MaxSpinners() {
  static const unsigned max = std::max(1u, std::thread::hardware_concurrency() / 2);
  return max;
}

void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

bool Readable(int fd) {
  pollfd pfd{fd, POLLIN, 0};
  return ::poll(&pfd, 1, 0) > 0;  // data, or an error/hangup the next recv reports
}

}  // namespace

SocketStream::SocketStream(int fd) : fd_(fd) {
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  ::setsockopt(fd_, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
  int flags = ::fcntl(fd_, F_GETFL, 0);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
}

Status SocketStream::Wait(short events, std::chrono::milliseconds timeout) {
  pollfd pfd{fd_, events, 0};
  int timeout_ms = timeout.count() > 0 ? static_cast<int>(timeout.count()) : -1;
  while (true) {
    int n = ::poll(&pfd, 1, timeout_ms);
    if (n > 0) return Status::OK();  // ready, or an error/hangup the next call reports
    if (n == 0) return Status::Internal("timed out");
    if (errno != EINTR) return ErrnoStatus("poll", errno);
  }
}

Result<size_t> SocketStream::ReadSome(char* buffer, size_t size) {
  while (true) {
    ssize_t n = ::recv(fd_, buffer, size, 0);
    if (n > 0) return static_cast<size_t>(n);
    if (n == 0) return Status::Internal("connection closed by peer");
    if (errno == EINTR) continue;
    if (!WouldBlock(errno)) return ErrnoStatus("recv", errno);
    VEXDB_RETURN_IF_ERROR(WaitToRead());
  }
}

Status SocketStream::WaitToRead() {
  if (read_spin_.count() == 0) return Wait(POLLIN, read_timeout_);
  const auto started = std::chrono::steady_clock::now();
  if (spin_next_read_ && Spin()) return Status::OK();
  VEXDB_RETURN_IF_ERROR(Wait(POLLIN, read_timeout_));
  spin_next_read_ = std::chrono::steady_clock::now() - started <= read_spin_;
  return Status::OK();
}

bool SocketStream::Spin() {
  if (spinners.fetch_add(1, std::memory_order_relaxed) >= MaxSpinners()) {
    spinners.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  const auto until = std::chrono::steady_clock::now() + read_spin_;
  bool readable = false;
  while (!(readable = Readable(fd_)) && std::chrono::steady_clock::now() < until) {
    CpuRelax();
  }
  spinners.fetch_sub(1, std::memory_order_relaxed);
  spin_next_read_ = readable;
  return readable;
}

Status SocketStream::WriteAll(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n >= 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (errno == EINTR) continue;
    if (!WouldBlock(errno)) return ErrnoStatus("send", errno);
    VEXDB_RETURN_IF_ERROR(Wait(POLLOUT, write_timeout_));
  }
  return Status::OK();
}

void SocketStream::Shutdown() {
  std::lock_guard lock(mu_);
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

void SocketStream::Close() {
  std::lock_guard lock(mu_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace vexdb

#include "server/socket_stream.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace vexdb {

namespace {

Status ErrnoStatus(const char* what, int err) {
  return Status::Internal(fmt::format("{}: {}", what, std::strerror(err)));
}

bool WouldBlock(int err) { return err == EAGAIN || err == EWOULDBLOCK; }

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
    VEXDB_RETURN_IF_ERROR(Wait(POLLIN, read_timeout_));
  }
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

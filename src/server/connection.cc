#include "server/connection.h"

#include <exception>

#include "common/logging.h"
#include "server/response_packets.h"

namespace vexdb {

namespace {

// An idle connection does not keep the buffer of its largest statement.
constexpr size_t kIdlePacketCapacity = 1 << 20;

}  // namespace

Connection::Connection(int fd, uint32_t id, PeerInfo peer, const ConnectionEnv& env,
                       ConnectionTimeouts timeouts)
    : id_(id),
      peer_(std::move(peer)),
      env_(env),
      timeouts_(timeouts),
      stream_(fd),
      channel_(stream_) {
  stream_.set_write_timeout(timeouts_.write);
}

void Connection::Run() {
  try {
    std::unique_ptr<CommandHandler> handler = Login();
    if (handler) ServeCommands(*handler);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "connection {}: {}", id_, e.what());
  } catch (...) {
    Log(LogLevel::kError, "connection {}: unknown exception", id_);
  }
  try {
    session_.Reset(nullptr);
  } catch (...) {
    Log(LogLevel::kError, "connection {}: exception while closing the session", id_);
  }
  stream_.Close();
  Log(LogLevel::kDebug, "connection {} from {} closed", id_, peer_.host);
}

void Connection::Kill(bool query_only) {
  if (!query_only) killed_ = true;
  session_.Interrupt();
  if (!query_only) stream_.Shutdown();
}

std::unique_ptr<CommandHandler> Connection::Login() {
  stream_.set_read_timeout(timeouts_.connect);
  Result<LoginResult> login = RunLogin(channel_, *env_.authenticator, peer_, id_);
  if (!login.ok()) {
    Log(LogLevel::kDebug, "connection {} from {}: login failed: {}", id_, peer_.host,
        login.status().ToString());
    return nullptr;
  }
  std::string database = login->database;
  auto handler =
      std::make_unique<CommandHandler>(id_, peer_, std::move(*login), env_, channel_, session_);
  Status status = handler->OpenSession(database);
  OkPacket ok;
  if (session_.has_session()) ok.status_flags = session_->status_flags();
  Status sent = channel_.WritePacket(status.ok() ? EncodeOk(ok) : EncodeErr(status));
  if (sent.ok()) sent = channel_.Flush();
  if (!status.ok() || !sent.ok()) return nullptr;
  stream_.set_read_timeout(std::chrono::milliseconds(0));  // wait_timeout: none
  stream_.set_read_spin(timeouts_.read_spin);
  Log(LogLevel::kDebug, "connection {} from {}: logged in", id_, peer_.host);
  return handler;
}

void Connection::ServeCommands(CommandHandler& handler) {
  std::string packet;
  while (!killed_) {
    channel_.ResetSequence();
    Status status = channel_.ReadPacket(env_.max_allowed_packet, &packet);
    if (!status.ok()) {
      // Oversized or out-of-order packets get their ERR; then the connection ends.
      if (!channel_.broken() && channel_.WritePacket(EncodeErr(status)).ok()) {
        channel_.Flush().IgnoreError();
      }
      Log(LogLevel::kDebug, "connection {}: {}", id_, status.ToString());
      return;
    }
    if (!SessionUsable()) return;  // KILL CONNECTION while idle: drop without a reply
    CommandHandler::Next next = HandleSafely(handler, packet);
    Status flushed = channel_.Flush();
    if (next == CommandHandler::Next::kClose || !flushed.ok() || !SessionUsable()) return;
    if (packet.capacity() > kIdlePacketCapacity) std::string().swap(packet);
  }
}

bool Connection::SessionUsable() const {
  return session_.has_session() && !session_->closed();
}

CommandHandler::Next Connection::HandleSafely(CommandHandler& handler, std::string_view packet) {
  std::string what;
  try {
    return handler.Handle(packet);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  Log(LogLevel::kError, "connection {}: command failed: {}", id_, what);
  if (channel_.broken()) return CommandHandler::Next::kClose;
  Status error = Status::Internal(fmt::format("internal error: {}", what));
  return channel_.WritePacket(EncodeErr(error)).ok() ? CommandHandler::Next::kContinue
                                                     : CommandHandler::Next::kClose;
}

}  // namespace vexdb

#include "server/server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <exception>

#include "common/logging.h"
#include "server/mysql_protocol.h"
#include "server/response_packets.h"

namespace vexdb {

namespace {

// "Too many connections" goes out before the greeting, as a bare pre-4.1 ERR at seq 0 (what
// MySQL sends; every client checks the first packet for 0xFF). It is a few dozen bytes into a
// fresh socket buffer, so a plain write does not block.
void RefuseConnection(int fd) {
  std::string payload = EncodeErr(Status::Error(ErrorCode::kConCount), /*protocol41=*/false);
  std::string packet{static_cast<char>(payload.size()), 0, 0, 0};
  packet += payload;
  ssize_t written = ::send(fd, packet.data(), packet.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  (void)written;  // the connection is refused either way
  ::close(fd);
}

}  // namespace

Server::Server(Database& database, ServerOptions options, Authenticator authenticator)
    : database_(database),
      options_(std::move(options)),
      authenticator_(std::move(authenticator)) {
  env_.database = &database_;
  env_.authenticator = &authenticator_;
  env_.stats = &stats_;
  env_.max_allowed_packet = options_.max_allowed_packet;
  env_.kill = [this](uint32_t id, bool query_only) { return KillConnection(id, query_only); };
}

Server::~Server() { Stop(); }

Status Server::Start() {
  return listener_.Start(options_.host, options_.port,
                         [this](int fd, PeerInfo peer) { OnAccept(fd, std::move(peer)); });
}

void Server::OnAccept(int fd, PeerInfo peer) {
  JoinFinished();
  uint32_t id = next_connection_id_.fetch_add(1);
  std::lock_guard lock(mu_);
  if (stopping_ || workers_.size() >= options_.max_connections) {
    Log(LogLevel::kWarning, "refusing connection from {}: too many connections", peer.host);
    RefuseConnection(fd);
    return;
  }
  auto connection = std::make_shared<Connection>(fd, id, std::move(peer), env_, options_.timeouts);
  Worker& worker = workers_[id];
  worker.connection = connection;
  try {
    // Serve() takes mu_ before it touches its Worker, so it sees this assignment.
    worker.thread = std::thread([this, connection] { Serve(connection); });
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "cannot start a thread for connection {}: {}", id, e.what());
    workers_.erase(id);  // destroys the connection, closing its socket
  }
}

void Server::Serve(std::shared_ptr<Connection> connection) {
  stats_.threads_connected.fetch_add(1);
  connection->Run();
  stats_.threads_connected.fetch_sub(1);
  std::lock_guard lock(mu_);
  auto it = workers_.find(connection->id());
  finished_.push_back(std::move(it->second.thread));
  workers_.erase(it);
  all_done_.notify_all();
}

void Server::JoinFinished() {
  std::vector<std::thread> finished;
  {
    std::lock_guard lock(mu_);
    finished.swap(finished_);
  }
  for (std::thread& thread : finished) thread.join();
}

bool Server::KillConnection(uint32_t id, bool query_only) {
  bool known_to_database = database_.Kill(id, query_only);
  std::lock_guard lock(mu_);
  auto it = workers_.find(id);
  if (it == workers_.end()) return known_to_database;
  it->second.connection->Kill(query_only);
  return true;
}

size_t Server::connection_count() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

void Server::Stop() {
  listener_.Stop();
  {
    std::unique_lock lock(mu_);
    stopping_ = true;
    for (auto& [id, worker] : workers_) worker.connection->Kill(/*query_only=*/false);
    all_done_.wait(lock, [this] { return workers_.empty(); });
  }
  JoinFinished();
}

}  // namespace vexdb

#include "server/command_handler.h"

#include <chrono>

#include <fmt/format.h>

#include "server/handshake_packets.h"
#include "server/mysql_protocol.h"
#include "server/response_packets.h"
#include "server/result_set_writer.h"
#include "server/wire_codec.h"

namespace vexdb {

CommandHandler::CommandHandler(uint32_t connection_id, PeerInfo peer, LoginResult login,
                               const ConnectionEnv& env, PacketChannel& channel,
                               SessionSlot& session)
    : connection_id_(connection_id),
      peer_(std::move(peer)),
      login_(std::move(login)),
      multi_statements_((login_.capabilities & kClientMultiStatements) != 0),
      env_(env),
      channel_(channel),
      session_(session) {}

Status CommandHandler::OpenSession(std::string_view database) {
  ConnectionInfo info;
  info.connection_id = connection_id_;
  info.user = login_.user;
  info.host = peer_.host;
  info.client_found_rows = (login_.capabilities & kClientFoundRows) != 0;
  session_.Reset(nullptr);  // the old session goes before a new one takes the connection id
  session_.Reset(env_.database->NewSession(info));
  if (!session_.has_session()) return Status::Internal("could not create a session");
  if (database.empty()) return Status::OK();
  return session_->UseDatabase(database);
}

// Handlers below return a non-OK Status only when the connection cannot go on; SQL-level errors
// are answered with an ERR packet and count as handled.
CommandHandler::Next CommandHandler::Handle(std::string_view packet) {
  if (packet.empty()) {
    return SendError(Status::Error(ErrorCode::kUnknownCommand)).ok() ? Next::kContinue
                                                                     : Next::kClose;
  }
  std::string_view body = packet.substr(1);
  Status status;
  switch (static_cast<Command>(packet[0])) {
    case Command::kQuit: return Next::kClose;
    case Command::kChangeUser: return ChangeUser(body);
    case Command::kQuery: status = Query(body); break;
    case Command::kInitDb: status = InitDb(body); break;
    case Command::kPing: status = SendOk(); break;
    case Command::kFieldList: status = SendEof(); break;
    case Command::kStatistics: status = channel_.WritePacket(StatisticsText()); break;
    case Command::kProcessKill: status = ProcessKill(body); break;
    case Command::kSetOption: status = SetOption(body); break;
    case Command::kResetConnection: status = ResetConnection(); break;
    default: status = SendError(Status::Error(ErrorCode::kUnknownCommand)); break;
  }
  return status.ok() ? Next::kContinue : Next::kClose;
}

Status CommandHandler::Query(std::string_view sql) {
  env_.stats->questions.fetch_add(1, std::memory_order_relaxed);
  Session& session = *session_;
  Status status =
      session.Execute(sql, multi_statements_, [&](QueryResult&& result, bool more) {
        uint16_t flags = session.status_flags();
        if (more) flags |= kServerStatusMoreResultsExist;
        return WriteQueryResult(channel_, result, flags);
      });
  if (status.ok() || channel_.broken()) return status;
  return SendError(status);
}

Status CommandHandler::InitDb(std::string_view name) {
  Status status = session_->UseDatabase(name);
  return status.ok() ? SendOk() : SendError(status);
}

Status CommandHandler::ProcessKill(std::string_view body) {
  std::optional<uint32_t> id = WireReader(body).Int4();
  if (!id) return SendError(Status::Error(ErrorCode::kUnknownCommand));
  if (!env_.kill(*id, /*query_only=*/false)) {
    return SendError(Status::Error(ErrorCode::kNoSuchThread, *id));
  }
  return SendOk();
}

Status CommandHandler::SetOption(std::string_view body) {
  std::optional<uint16_t> option = WireReader(body).Int2();
  if (option == kOptionMultiStatementsOn) {
    multi_statements_ = true;
  } else if (option == kOptionMultiStatementsOff) {
    multi_statements_ = false;
  } else {
    return SendError(Status::Error(ErrorCode::kUnknownCommand));
  }
  return SendEof();
}

Status CommandHandler::ResetConnection() {
  session_->Reset();
  return SendOk();
}

// A failed COM_CHANGE_USER closes the connection: the old identity must not linger.
CommandHandler::Next CommandHandler::ChangeUser(std::string_view body) {
  Result<ChangeUserRequest> request = ParseChangeUser(body, login_.capabilities);
  Status status = request.status();
  if (request.ok()) {
    status = AuthenticateClient(channel_, *env_.authenticator, peer_, login_.capabilities,
                                request->user, request->auth_plugin,
                                std::move(request->auth_response), login_.scramble);
  }
  if (status.ok()) {
    login_.user = request->user;
    status = OpenSession(request->database);
  }
  if (!status.ok()) {
    if (!channel_.broken()) SendError(status).IgnoreError();
    return Next::kClose;
  }
  return SendOk().ok() ? Next::kContinue : Next::kClose;
}

Status CommandHandler::SendOk() {
  OkPacket ok;
  ok.status_flags = session_->status_flags();
  return channel_.WritePacket(EncodeOk(ok));
}

Status CommandHandler::SendEof() {
  return channel_.WritePacket(EncodeEof(0, session_->status_flags()));
}

Status CommandHandler::SendError(const Status& error) {
  return channel_.WritePacket(EncodeErr(error));
}

std::string CommandHandler::StatisticsText() const {
  auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::steady_clock::now() - env_.stats->start_time)
                    .count();
  uint64_t questions = env_.stats->questions.load(std::memory_order_relaxed);
  double per_second = uptime > 0 ? static_cast<double>(questions) / uptime : 0.0;
  return fmt::format(
      "Uptime: {}  Threads: {}  Questions: {}  Slow queries: 0  Opens: 0  Flush tables: 0  "
      "Open tables: 0  Queries per second avg: {:.3f}",
      uptime, env_.stats->threads_connected.load(), questions, per_second);
}

}  // namespace vexdb

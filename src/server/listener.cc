#include "server/listener.h"

#include <chrono>
#include <exception>
#include <thread>

#include <asio.hpp>

#include "common/logging.h"

namespace vexdb {

namespace {

using asio::ip::tcp;

// After an accept error such as EMFILE, wait before retrying rather than spinning.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

Result<tcp::endpoint> Resolve(asio::io_context& io, const std::string& host, uint16_t port) {
  std::error_code ec;
  asio::ip::address address = asio::ip::make_address(host, ec);
  if (!ec) return tcp::endpoint(address, port);
  tcp::resolver resolver(io);
  auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    return Status::Internal(fmt::format("Can't resolve host '{}': {}", host,
                                        ec ? ec.message() : "no addresses"));
  }
  return results.begin()->endpoint();
}

PeerInfo DescribePeer(const tcp::socket& socket) {
  std::error_code ec;
  tcp::endpoint endpoint = socket.remote_endpoint(ec);
  if (ec) return PeerInfo{"unknown", false};
  asio::ip::address address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return PeerInfo{address.to_string(), address.is_loopback()};
}

}  // namespace

struct Listener::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::steady_timer retry_timer{io};
  std::thread thread;
  AcceptCallback on_accept;

  // An exception from the callback (out of memory) must not end the accept loop.
  void Deliver(int fd, PeerInfo peer) {
    try {
      on_accept(fd, std::move(peer));
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "dropping an accepted connection: {}", e.what());
    }
  }

  void AcceptNext() {
    acceptor.async_accept([this](std::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        Log(LogLevel::kWarning, "accept failed: {}", ec.message());
        retry_timer.expires_after(kAcceptRetryDelay);
        retry_timer.async_wait([this](std::error_code wait_ec) {
          if (!wait_ec) AcceptNext();
        });
        return;
      }
      PeerInfo peer = DescribePeer(socket);
      std::error_code release_ec;
      int fd = socket.release(release_ec);
      if (!release_ec) Deliver(fd, std::move(peer));
      AcceptNext();
    });
  }
};

Listener::Listener() : impl_(std::make_unique<Impl>()) {}

Listener::~Listener() { Stop(); }

Status Listener::Start(const std::string& host, uint16_t port, AcceptCallback on_accept) {
  VEXDB_ASSIGN_OR_RETURN(tcp::endpoint endpoint, Resolve(impl_->io, host, port));
  std::error_code ec;
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor.close();
    return Status::Internal(fmt::format("Can't listen on {}:{}: {}", host, port, ec.message()));
  }
  impl_->on_accept = std::move(on_accept);
  impl_->AcceptNext();
  impl_->thread = std::thread([this] { impl_->io.run(); });
  return Status::OK();
}

void Listener::Stop() {
  if (!impl_->thread.joinable()) return;
  impl_->io.stop();
  impl_->thread.join();
  std::error_code ec;
  impl_->acceptor.close(ec);
}

uint16_t Listener::port() const {
  std::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

}  // namespace vexdb

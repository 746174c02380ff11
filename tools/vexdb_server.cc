// vexdb-server: opens a vexdb database and serves it over the MySQL protocol until SIGTERM or
// SIGINT, then closes every connection and the database and exits 0. Startup failures (bad data
// directory, address in use) print one clear line to stderr and exit 1.
//
// SIGINT and SIGTERM are blocked before any thread starts, so every thread inherits the mask and
// the main thread alone receives them, synchronously, through sigwait(). SIGPIPE is ignored: a
// client that disconnects mid-result must not kill the server.

#include <pthread.h>
#include <signal.h>

#include <csignal>

#include <cstdio>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common/logging.h"
#include "common/version.h"
#include "main/database.h"
#include "server/server.h"

namespace vexdb {
namespace {

struct Flags {
  ServerOptions server;
  DatabaseOptions database;
  std::string log_level = "info";
  int64_t read_spin_us = ConnectionTimeouts{}.read_spin.count();
};

LogLevel ParseLogLevel(const std::string& name) {
  static const std::map<std::string, LogLevel> kLevels = {{"debug", LogLevel::kDebug},
                                                          {"info", LogLevel::kInfo},
                                                          {"warning", LogLevel::kWarning},
                                                          {"error", LogLevel::kError}};
  return kLevels.at(name);
}

std::string DisplayAddress(const std::string& host, uint16_t port) {
  if (host.find(':') != std::string::npos) return fmt::format("[{}]:{}", host, port);
  return fmt::format("{}:{}", host, port);
}

sigset_t BlockShutdownSignals() {
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int Run(const Flags& flags) {
  SetLogLevel(ParseLogLevel(flags.log_level));
  sigset_t signals = BlockShutdownSignals();

  Result<std::unique_ptr<Database>> database = Database::Open(flags.database);
  if (!database.ok()) {
    fmt::print(stderr, "vexdb-server: cannot open the database in '{}': {}\n",
               flags.database.data_dir, database.status().message());
    return 1;
  }
  int exit_code = 0;
  {
    Server server(**database, flags.server);
    Status started = server.Start();
    if (!started.ok()) {
      fmt::print(stderr, "vexdb-server: {}\n", started.message());
      exit_code = 1;
    } else {
      fmt::print("vexdb-server {} ready for connections on {}\n", kServerVersion,
                 DisplayAddress(flags.server.host, server.port()));
      std::fflush(stdout);
      int signal_number = 0;
      sigwait(&signals, &signal_number);
      Log(LogLevel::kInfo, "received signal {}, shutting down", signal_number);
      server.Stop();
    }
  }
  database->reset();
  return exit_code;
}

}  // namespace
}  // namespace vexdb

int main(int argc, char** argv) {
  vexdb::Flags flags;
  CLI::App app{"vexdb-server: a MySQL-protocol SQL database server"};
  app.add_option("--host", flags.server.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", flags.server.port, "TCP port to listen on")->capture_default_str();
  app.add_option("--data-dir", flags.database.data_dir, "Data directory")->capture_default_str();
  app.add_option("--log-level", flags.log_level, "debug, info, warning or error")
      ->check(CLI::IsMember({"debug", "info", "warning", "error"}))
      ->capture_default_str();
  app.add_option("--max-connections", flags.server.max_connections,
                 "Connections served at once; more are refused with error 1040")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--block-cache-mb", flags.database.block_cache_mb,
                 "Memory for cached table data, in MiB")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--read-spin-us", flags.read_spin_us,
                 "How long a connection polls for the client's next statement before it sleeps, "
                 "in microseconds (0: never; docs/wire-protocol.md)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  flags.server.timeouts.read_spin = std::chrono::microseconds(flags.read_spin_us);
  return vexdb::Run(flags);
}

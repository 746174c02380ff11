#include "server/socket_stream.h"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace vexdb {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

// A connected pair: the stream under test and the raw descriptor of its peer.
struct Pair {
  Pair() {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    stream = std::make_unique<SocketStream>(fds[0]);
    peer = fds[1];
  }
  ~Pair() { ::close(peer); }

  void Send(const std::string& data) const {
    ASSERT_EQ(::write(peer, data.data(), data.size()), static_cast<ssize_t>(data.size()));
  }
  std::string Read(size_t size) const {
    std::string buffer(size, '\0');
    Result<size_t> n = stream->ReadSome(buffer.data(), buffer.size());
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    buffer.resize(n.ok() ? *n : 0);
    return buffer;
  }

  std::unique_ptr<SocketStream> stream;
  int peer = -1;
};

// Data sent during the spin, after it (the slow client: spin missed, then a sleep) and during
// it again (the next gap was short again) all arrive, in order.
TEST(SocketStreamTest, ReadsWhatArrivesDuringOrAfterTheSpin) {
  for (microseconds spin : {microseconds(0), microseconds(2000)}) {
    SCOPED_TRACE(spin.count());
    Pair pair;
    pair.stream->set_read_spin(spin);
    for (milliseconds gap : {milliseconds(0), milliseconds(1), milliseconds(30),
                             milliseconds(30), milliseconds(0), milliseconds(1)}) {
      std::thread writer([&] {
        std::this_thread::sleep_for(gap);
        pair.Send("ping" + std::to_string(gap.count()));
      });
      std::string expected = "ping" + std::to_string(gap.count());
      EXPECT_EQ(pair.Read(64), expected);
      writer.join();
    }
  }
}

// A spinning or sleeping read still ends when the peer goes away or the stream is shut down.
TEST(SocketStreamTest, AWaitingReadEndsOnCloseAndShutdown) {
  {
    Pair pair;
    pair.stream->set_read_spin(microseconds(100000));
    std::thread closer([&] {
      std::this_thread::sleep_for(milliseconds(20));
      ::shutdown(pair.peer, SHUT_WR);
    });
    char byte;
    EXPECT_FALSE(pair.stream->ReadSome(&byte, 1).ok());
    closer.join();
  }
  {
    Pair pair;
    pair.stream->set_read_spin(microseconds(1000));
    std::thread killer([&] {
      std::this_thread::sleep_for(milliseconds(50));
      pair.stream->Shutdown();
    });
    char byte;
    EXPECT_FALSE(pair.stream->ReadSome(&byte, 1).ok());
    killer.join();
  }
}

}  // namespace
}  // namespace vexdb

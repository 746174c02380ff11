#pragma once

// Test support (used only by *_test.cc): a ByteStream over in-memory buffers, plus helpers to
// frame and unframe MySQL packets.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/byte_stream.h"

namespace vexdb {

class InMemoryStream : public ByteStream {
 public:
  // Bytes the server side will read, and everything it wrote.
  std::string input;
  std::string output;
  // Longest read returned at once (to exercise reassembly across partial reads).
  size_t max_read = SIZE_MAX;
  // Called when `input` is exhausted; it may append more (playing the client's next turn).
  std::function<void(InMemoryStream&)> on_input_exhausted;
  bool fail_writes = false;

  Result<size_t> ReadSome(char* buffer, size_t size) override {
    if (read_pos_ == input.size() && on_input_exhausted) on_input_exhausted(*this);
    if (read_pos_ == input.size()) return Status::Internal("connection closed by peer");
    size_t n = std::min({size, max_read, input.size() - read_pos_});
    std::memcpy(buffer, input.data() + read_pos_, n);
    read_pos_ += n;
    return n;
  }

  Status WriteAll(std::string_view data) override {
    if (fail_writes) return Status::Internal("broken pipe");
    output.append(data);
    return Status::OK();
  }

  size_t unread() const { return input.size() - read_pos_; }

 private:
  size_t read_pos_ = 0;
};

// One packet: 3-byte length, sequence id, payload. REQUIRES: payload.size() < 2^24.
inline std::string Frame(std::string_view payload, uint8_t sequence) {
  std::string packet;
  packet.push_back(static_cast<char>(payload.size() & 0xFF));
  packet.push_back(static_cast<char>((payload.size() >> 8) & 0xFF));
  packet.push_back(static_cast<char>((payload.size() >> 16) & 0xFF));
  packet.push_back(static_cast<char>(sequence));
  packet.append(payload);
  return packet;
}

struct RawPacket {
  uint8_t sequence;
  std::string payload;
};

// Splits a byte string into packets (no reassembly); stops at a truncated packet.
inline std::vector<RawPacket> Unframe(std::string_view bytes) {
  std::vector<RawPacket> packets;
  while (bytes.size() >= 4) {
    size_t length = static_cast<uint8_t>(bytes[0]) | static_cast<uint8_t>(bytes[1]) << 8 |
                    static_cast<uint8_t>(bytes[2]) << 16;
    if (bytes.size() < 4 + length) break;
    packets.push_back({static_cast<uint8_t>(bytes[3]), std::string(bytes.substr(4, length))});
    bytes.remove_prefix(4 + length);
  }
  return packets;
}

}  // namespace vexdb

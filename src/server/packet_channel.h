#pragma once

// PacketChannel: MySQL packet framing over a ByteStream.
//
// Every packet is a 4-byte header (3-byte little-endian payload length, 1-byte sequence id)
// followed by the payload. A logical payload of 0xFFFFFF bytes or more is split into 0xFFFFFF-byte
// packets, and one of exactly a multiple of 0xFFFFFF bytes is followed by an empty packet; this
// holds in both directions. Sequence ids count up (mod 256) across both directions within one
// exchange and restart at 0 with each client command; a received id that does not match is a
// protocol error (PyMySQL checks ours just as strictly).
//
// Reads are buffered. Writes are queued and sent once kFlushThreshold bytes have accumulated or
// on Flush(), so a result set of any size streams through a bounded buffer; payload chunks at
// least kDirectWriteSize long bypass the queue instead of being copied into it.
//
// Thread safety: none; one connection thread owns the channel.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "server/byte_stream.h"

namespace vexdb {

class PacketChannel {
 public:
  static constexpr size_t kFlushThreshold = 64 * 1024;
  static constexpr size_t kDirectWriteSize = 64 * 1024;
  // How much of an oversized payload is read and dropped so that the client, which is still
  // sending it, can read our ERR packet. Past this the connection is just dropped.
  static constexpr size_t kMaxDiscard = size_t{1} << 30;

  // `stream` must outlive the channel.
  explicit PacketChannel(ByteStream& stream);

  // Starts a new command exchange: the next packet read must carry sequence id 0.
  void ResetSequence() { sequence_ = 0; }
  // The sequence id of the next packet read or written.
  uint8_t sequence() const { return sequence_; }

  // Reads one logical payload into *payload, replacing its contents. Errors:
  //   kNetPacketTooLarge (1153)    the payload is longer than max_payload; its remainder was read
  //                                and dropped, so an ERR can still be sent before closing;
  //   kNetPacketsOutOfOrder (1156) a packet carried an unexpected sequence id;
  //   kUnknown                     the transport failed or the peer left; broken() is now true.
  Status ReadPacket(size_t max_payload, std::string* payload);

  // Queues one logical payload, split into packets as needed. Errors: kUnknown if the
  // transport failed (broken() is now true).
  Status WritePacket(std::string_view payload);
  // Sends everything queued. Errors as WritePacket.
  Status Flush();

  // True once the transport failed: nothing more can be sent or received.
  bool broken() const { return broken_; }

 private:
  Status ReadExactly(char* out, size_t n);
  Status Fill();
  Status DiscardOversized(size_t first_chunk_length);
  Status Send(std::string_view data);
  void AppendHeader(size_t length);

  ByteStream& stream_;
  uint8_t sequence_ = 0;
  bool broken_ = false;
  std::string read_buffer_;
  size_t read_begin_ = 0;
  size_t read_end_ = 0;
  std::string write_buffer_;
};

}  // namespace vexdb

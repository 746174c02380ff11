#include "server/packet_channel.h"

#include <algorithm>
#include <cstring>

#include "server/mysql_protocol.h"

namespace vexdb {

namespace {

constexpr size_t kReadBufferSize = 16 * 1024;

size_t DecodeLength(const char* header) {
  return static_cast<size_t>(static_cast<uint8_t>(header[0])) |
         static_cast<size_t>(static_cast<uint8_t>(header[1])) << 8 |
         static_cast<size_t>(static_cast<uint8_t>(header[2])) << 16;
}

}  // namespace

PacketChannel::PacketChannel(ByteStream& stream) : stream_(stream) {
  read_buffer_.resize(kReadBufferSize);
  write_buffer_.reserve(kFlushThreshold + kDirectWriteSize);
}

Status PacketChannel::ReadPacket(size_t max_payload, std::string* payload) {
  payload->clear();
  while (true) {
    char header[kPacketHeaderSize];
    VEXDB_RETURN_IF_ERROR(ReadExactly(header, sizeof(header)));
    size_t length = DecodeLength(header);
    if (static_cast<uint8_t>(header[3]) != sequence_) {
      return Status::Error(ErrorCode::kNetPacketsOutOfOrder);
    }
    sequence_++;
    if (length > max_payload - payload->size()) {
      payload->clear();
      return DiscardOversized(length);
    }
    size_t old_size = payload->size();
    payload->resize(old_size + length);
    VEXDB_RETURN_IF_ERROR(ReadExactly(payload->data() + old_size, length));
    if (length < kMaxPacketChunk) return Status::OK();
  }
}

Status PacketChannel::DiscardOversized(size_t chunk_length) {
  char scratch[kReadBufferSize];
  size_t discarded = 0;
  while (true) {
    for (size_t left = chunk_length; left > 0;) {
      size_t n = std::min(left, sizeof(scratch));
      VEXDB_RETURN_IF_ERROR(ReadExactly(scratch, n));
      left -= n;
    }
    discarded += chunk_length;
    if (chunk_length < kMaxPacketChunk) break;
    if (discarded > kMaxDiscard) {
      broken_ = true;
      break;
    }
    char header[kPacketHeaderSize];
    VEXDB_RETURN_IF_ERROR(ReadExactly(header, sizeof(header)));
    chunk_length = DecodeLength(header);
    sequence_++;
  }
  return Status::Error(ErrorCode::kNetPacketTooLarge);
}

Status PacketChannel::ReadExactly(char* out, size_t n) {
  while (n > 0) {
    if (read_begin_ == read_end_) {
      if (n >= read_buffer_.size()) {
        // Large reads go straight to the destination.
        Result<size_t> got = stream_.ReadSome(out, n);
        if (!got.ok()) {
          broken_ = true;
          return got.TakeStatus();
        }
        out += *got;
        n -= *got;
        continue;
      }
      VEXDB_RETURN_IF_ERROR(Fill());
    }
    size_t take = std::min(n, read_end_ - read_begin_);
    std::memcpy(out, read_buffer_.data() + read_begin_, take);
    read_begin_ += take;
    out += take;
    n -= take;
  }
  return Status::OK();
}

Status PacketChannel::Fill() {
  Result<size_t> got = stream_.ReadSome(read_buffer_.data(), read_buffer_.size());
  if (!got.ok()) {
    broken_ = true;
    return got.TakeStatus();
  }
  read_begin_ = 0;
  read_end_ = *got;
  return Status::OK();
}

Status PacketChannel::WritePacket(std::string_view payload) {
  if (broken_) return Status::Internal("connection is broken");
  while (true) {
    size_t chunk = std::min(payload.size(), kMaxPacketChunk);
    AppendHeader(chunk);
    if (chunk >= kDirectWriteSize) {
      VEXDB_RETURN_IF_ERROR(Flush());
      VEXDB_RETURN_IF_ERROR(Send(payload.substr(0, chunk)));
    } else {
      write_buffer_.append(payload.substr(0, chunk));
    }
    payload.remove_prefix(chunk);
    if (chunk < kMaxPacketChunk) break;  // a full chunk is always followed by another packet
  }
  if (write_buffer_.size() >= kFlushThreshold) return Flush();
  return Status::OK();
}

void PacketChannel::AppendHeader(size_t length) {
  write_buffer_.push_back(static_cast<char>(length & 0xFF));
  write_buffer_.push_back(static_cast<char>((length >> 8) & 0xFF));
  write_buffer_.push_back(static_cast<char>((length >> 16) & 0xFF));
  write_buffer_.push_back(static_cast<char>(sequence_++));
}

Status PacketChannel::Flush() {
  if (write_buffer_.empty()) return Status::OK();
  Status status = Send(write_buffer_);
  write_buffer_.clear();
  return status;
}

Status PacketChannel::Send(std::string_view data) {
  if (broken_) return Status::Internal("connection is broken");
  Status status = stream_.WriteAll(data);
  if (!status.ok()) broken_ = true;
  return status;
}

}  // namespace vexdb

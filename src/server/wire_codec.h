#pragma once

// Encoding and decoding of the MySQL protocol's primitive fields inside a packet payload:
// little-endian fixed-width integers, length-encoded ("lenenc") integers and strings, and
// NUL-terminated strings.
//
// A lenenc integer below 0xFB takes one byte; larger values take 0xFC + 2 bytes, 0xFD + 3 bytes
// or 0xFE + 8 bytes. 0xFB marks NULL in a text row and 0xFF starts an ERR packet, so neither is
// a valid first byte of an integer.
//
// WireReader never reads past its input: every accessor returns std::nullopt on truncated or
// malformed input and leaves the reader where it was, so a parser of untrusted packets only has
// to check results.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vexdb {

// Appends fields to a payload string it does not own.
class WireWriter {
 public:
  explicit WireWriter(std::string& out) : out_(out) {}

  void Int1(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Int2(uint16_t v) { IntN(v, 2); }
  void Int3(uint32_t v) { IntN(v, 3); }
  void Int4(uint32_t v) { IntN(v, 4); }
  void Int8(uint64_t v) { IntN(v, 8); }
  void LenencInt(uint64_t v);
  void LenencString(std::string_view s);
  // REQUIRES: s contains no NUL byte.
  void NulString(std::string_view s);
  void Bytes(std::string_view s) { out_.append(s); }
  void Zeros(size_t n) { out_.append(n, '\0'); }

 private:
  void IntN(uint64_t v, int bytes);

  std::string& out_;
};

// Size in bytes of the lenenc encoding of v.
size_t LenencIntSize(uint64_t v);

// Reads fields from a payload it does not own; the payload must outlive the reader and every
// string_view it returns.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}

  std::optional<uint8_t> Int1() { return IntN<uint8_t>(1); }
  std::optional<uint16_t> Int2() { return IntN<uint16_t>(2); }
  std::optional<uint32_t> Int3() { return IntN<uint32_t>(3); }
  std::optional<uint32_t> Int4() { return IntN<uint32_t>(4); }
  std::optional<uint64_t> Int8() { return IntN<uint64_t>(8); }
  std::optional<uint64_t> LenencInt();
  std::optional<std::string_view> LenencString();
  // The bytes up to the next NUL; the NUL is consumed. nullopt if there is no NUL.
  std::optional<std::string_view> NulString();
  std::optional<std::string_view> Bytes(size_t n);
  bool Skip(size_t n);
  // Everything not read yet (consumed).
  std::string_view Rest();

  size_t remaining() const { return data_.size() - pos_; }
  bool empty() const { return remaining() == 0; }

 private:
  template <typename T>
  std::optional<T> IntN(int bytes) {
    if (remaining() < static_cast<size_t>(bytes)) return std::nullopt;
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
    }
    pos_ += bytes;
    return static_cast<T>(v);
  }

  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace vexdb

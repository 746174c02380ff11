#pragma once

// Streams that hash what passes through them (xxHash64), for the vector index's files: a
// writer appends the checksum of everything it wrote; a reader fails on a short read and, at
// Finish, on a checksum that does not match what it read. Errors say "corrupt vector index".

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>

#include "common/status.h"

namespace vexdb {

struct HashState;

class HashingWriter {
 public:
  explicit HashingWriter(std::ostream& out);
  ~HashingWriter();

  void Write(const void* data, size_t size);
  template <typename T>
  void WriteValue(T value) {
    Write(&value, sizeof(value));
  }
  // Appends the checksum of everything written so far and flushes; fails if the stream did.
  [[nodiscard]] Status Finish();

 private:
  std::ostream& out_;
  std::unique_ptr<HashState> hash_;
};

class HashingReader {
 public:
  explicit HashingReader(std::istream& in);
  ~HashingReader();

  [[nodiscard]] Status Read(void* data, size_t size);
  template <typename T>
  [[nodiscard]] Status ReadValue(T* value) {
    return Read(value, sizeof(*value));
  }
  // Reads the stored checksum and compares it with the hash of everything read before it.
  [[nodiscard]] Status Finish();

 private:
  std::istream& in_;
  std::unique_ptr<HashState> hash_;
};

}  // namespace vexdb

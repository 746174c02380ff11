#pragma once

// MappedBuffer: a zero-filled block of anonymous memory that can grow in place.
//
// The HNSW graph keeps every node's vector and level-0 links in one block that is read at random
// on every search, so it asks the kernel for transparent huge pages (fewer TLB misses) and grows
// with mremap (pages move, bytes are not copied). Memory untouched so far is not resident.
//
// Thread safety: none; the owner serializes Resize against every other use.

#include <cstddef>

#include "common/status.h"

namespace vexdb {

class MappedBuffer {
 public:
  MappedBuffer() = default;
  ~MappedBuffer();
  MappedBuffer(MappedBuffer&& other) noexcept;
  MappedBuffer& operator=(MappedBuffer&& other) noexcept;
  MappedBuffer(const MappedBuffer&) = delete;
  MappedBuffer& operator=(const MappedBuffer&) = delete;

  // Grows (or shrinks) to at least `bytes`; existing contents are kept, new bytes are zero.
  // The data pointer may change. Fails, leaving the buffer as it was, if the kernel refuses.
  [[nodiscard]] Status Resize(size_t bytes);

  char* data() const { return data_; }
  size_t size() const { return size_; }  // bytes mapped, a multiple of the page size

 private:
  void Release();

  char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace vexdb

#include "vector/mapped_buffer.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace vexdb {
namespace {

constexpr size_t kHugePageSize = size_t{2} << 20;

size_t RoundUp(size_t bytes, size_t unit) { return (bytes + unit - 1) / unit * unit; }

// Large blocks are sized in whole huge pages so the kernel can back all of them that way.
size_t MappingSize(size_t bytes) {
  static const size_t page_size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return RoundUp(bytes, bytes >= kHugePageSize ? kHugePageSize : page_size);
}

void AdviseHugePages(char* data, size_t size) {
  // Advice only: a kernel without THP (or with THP disabled) ignores it, which is fine.
  if (size >= kHugePageSize) madvise(data, size, MADV_HUGEPAGE);
}

}  // namespace

MappedBuffer::~MappedBuffer() { Release(); }

MappedBuffer::MappedBuffer(MappedBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedBuffer& MappedBuffer::operator=(MappedBuffer&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void MappedBuffer::Release() {
  if (data_ != nullptr) munmap(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

Status MappedBuffer::Resize(size_t bytes) {
  const size_t new_size = MappingSize(bytes);
  if (new_size == size_) return Status::OK();
  void* mapped = data_ == nullptr ? mmap(nullptr, new_size, PROT_READ | PROT_WRITE,
                                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                                  : mremap(data_, size_, new_size, MREMAP_MAYMOVE);
  if (mapped == MAP_FAILED) {
    return Status::Internal(
        fmt::format("cannot map {} bytes for a vector index: {}", new_size, strerror(errno)));
  }
  data_ = static_cast<char*>(mapped);
  size_ = new_size;
  AdviseHugePages(data_, size_);
  return Status::OK();
}

}  // namespace vexdb

#include "vector/checksummed_stream.h"

#include <xxhash.h>

#include <istream>
#include <ostream>
#include <string>

namespace vexdb {

struct HashState {
  HashState() : state(XXH64_createState()) { XXH64_reset(state, 0); }
  ~HashState() { XXH64_freeState(state); }
  HashState(const HashState&) = delete;
  HashState& operator=(const HashState&) = delete;

  XXH64_state_t* state;
};

namespace {

Status Corrupt(const std::string& what) {
  return Status::Internal("corrupt vector index: " + what);
}

}  // namespace

HashingWriter::HashingWriter(std::ostream& out) : out_(out), hash_(std::make_unique<HashState>()) {}

HashingWriter::~HashingWriter() = default;

void HashingWriter::Write(const void* data, size_t size) {
  XXH64_update(hash_->state, data, size);
  out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

Status HashingWriter::Finish() {
  const uint64_t checksum = XXH64_digest(hash_->state);
  out_.write(reinterpret_cast<const char*>(&checksum), sizeof(checksum));
  out_.flush();
  if (!out_) return Status::Internal("cannot write vector index: output stream failed");
  return Status::OK();
}

HashingReader::HashingReader(std::istream& in) : in_(in), hash_(std::make_unique<HashState>()) {}

HashingReader::~HashingReader() = default;

Status HashingReader::Read(void* data, size_t size) {
  in_.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
  if (static_cast<size_t>(in_.gcount()) != size) return Corrupt("input is truncated");
  XXH64_update(hash_->state, data, size);
  return Status::OK();
}

Status HashingReader::Finish() {
  const uint64_t expected = XXH64_digest(hash_->state);
  uint64_t stored;
  in_.read(reinterpret_cast<char*>(&stored), sizeof(stored));
  if (in_.gcount() != sizeof(stored)) return Corrupt("input is truncated");
  if (stored != expected) return Corrupt("checksum mismatch");
  return Status::OK();
}

}  // namespace vexdb

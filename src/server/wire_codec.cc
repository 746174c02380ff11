#include "server/wire_codec.h"

namespace vexdb {

void WireWriter::IntN(uint64_t v, int bytes) {
  for (int i = 0; i < bytes; i++) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void WireWriter::LenencInt(uint64_t v) {
  if (v < 0xFB) {
    Int1(static_cast<uint8_t>(v));
  } else if (v <= 0xFFFF) {
    Int1(0xFC);
    Int2(static_cast<uint16_t>(v));
  } else if (v <= 0xFFFFFF) {
    Int1(0xFD);
    Int3(static_cast<uint32_t>(v));
  } else {
    Int1(0xFE);
    Int8(v);
  }
}

void WireWriter::LenencString(std::string_view s) {
  LenencInt(s.size());
  out_.append(s);
}

void WireWriter::NulString(std::string_view s) {
  out_.append(s);
  out_.push_back('\0');
}

size_t LenencIntSize(uint64_t v) {
  if (v < 0xFB) return 1;
  if (v <= 0xFFFF) return 3;
  if (v <= 0xFFFFFF) return 4;
  return 9;
}

std::optional<uint64_t> WireReader::LenencInt() {
  size_t start = pos_;
  std::optional<uint8_t> first = Int1();
  if (!first) return std::nullopt;
  std::optional<uint64_t> v;
  switch (*first) {
    case 0xFC: v = Int2(); break;
    case 0xFD: v = Int3(); break;
    case 0xFE: v = Int8(); break;
    case 0xFB:
    case 0xFF: break;
    default: v = *first;
  }
  if (!v) pos_ = start;
  return v;
}

std::optional<std::string_view> WireReader::LenencString() {
  size_t start = pos_;
  std::optional<uint64_t> length = LenencInt();
  if (!length || *length > remaining()) {
    pos_ = start;
    return std::nullopt;
  }
  return Bytes(static_cast<size_t>(*length));
}

std::optional<std::string_view> WireReader::NulString() {
  size_t nul = data_.find('\0', pos_);
  if (nul == std::string_view::npos) return std::nullopt;
  std::string_view s = data_.substr(pos_, nul - pos_);
  pos_ = nul + 1;
  return s;
}

std::optional<std::string_view> WireReader::Bytes(size_t n) {
  if (n > remaining()) return std::nullopt;
  std::string_view s = data_.substr(pos_, n);
  pos_ += n;
  return s;
}

bool WireReader::Skip(size_t n) {
  if (n > remaining()) return false;
  pos_ += n;
  return true;
}

std::string_view WireReader::Rest() {
  std::string_view s = data_.substr(pos_);
  pos_ = data_.size();
  return s;
}

}  // namespace vexdb

#include "types/utf8.h"

#include <fmt/format.h>

namespace vexdb {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at text[i], or 0 if it is ill-formed.
size_t SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) lo = 0x90;  // no overlong forms
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (!IsContinuation(byte(i + k))) return 0;
  }
  return n;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

int64_t Utf8Length(std::string_view text) {
  int64_t chars = 0;
  for (char c : text) chars += IsContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return chars;
}

size_t Utf8PrefixBytes(std::string_view text, int64_t chars) {
  size_t i = 0;
  for (int64_t seen = 0; i < text.size(); ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text[i])) && seen++ == chars) break;
  }
  return i;
}

std::string HexExcerpt(std::string_view text, size_t offset) {
  constexpr size_t kMaxBytes = 6;
  std::string out;
  for (size_t i = offset; i < text.size() && i < offset + kMaxBytes; ++i) {
    out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
  }
  return out;
}

}  // namespace vexdb

#include "function/utf8.h"

namespace vexdb {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of a well-formed sequence starting at s[pos], or 0 if it is malformed.
size_t SequenceLength(std::string_view s, size_t pos) {
  auto c = static_cast<unsigned char>(s[pos]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || pos + n > s.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(s[pos + i]))) return 0;
  }
  return n;
}

}  // namespace

size_t UnitLength(std::string_view s, size_t pos, bool bytes) {
  if (bytes) return 1;
  size_t n = SequenceLength(s, pos);
  return n == 0 ? 1 : n;
}

size_t CountUnits(std::string_view s, bool bytes) {
  if (bytes) return s.size();
  size_t count = 0;
  for (size_t pos = 0; pos < s.size(); pos += UnitLength(s, pos, false)) ++count;
  return count;
}

size_t UnitOffset(std::string_view s, size_t n, bool bytes) {
  if (bytes) return n < s.size() ? n : s.size();
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < s.size(); ++i) pos += UnitLength(s, pos, false);
  return pos;
}

char32_t DecodeCodePoint(std::string_view s, size_t* pos) {
  size_t n = SequenceLength(s, *pos);
  auto c = static_cast<unsigned char>(s[*pos]);
  if (n <= 1) {
    *pos += 1;
    return c;
  }
  char32_t cp = c & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3F);
  *pos += n;
  return cp;
}

void AppendCodePoint(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace vexdb

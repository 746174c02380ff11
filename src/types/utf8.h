#pragma once

// UTF-8 helpers for utf8mb4 character data: validation, length in characters (code points, which
// is how MySQL measures VARCHAR(n)/CHAR(n)), and character-boundary truncation.

#include <cstdint>
#include <string>
#include <string_view>

namespace vexdb {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are ill-formed), or npos if text is valid.
size_t FindInvalidUtf8(std::string_view text);

// Number of code points; REQUIRES valid UTF-8 (each lead byte counts as one character).
int64_t Utf8Length(std::string_view text);

// Number of bytes taken by the first `chars` characters of text (all of it if shorter).
size_t Utf8PrefixBytes(std::string_view text, int64_t chars);

// MySQL's rendering of bytes in "Incorrect string value" messages: up to 6 bytes from `offset`,
// each as \xHH (uppercase hex).
std::string HexExcerpt(std::string_view text, size_t offset);

}  // namespace vexdb

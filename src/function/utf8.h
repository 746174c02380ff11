#pragma once

// UTF-8 stepping for the string functions (internal to function/). Character data is utf8mb4;
// positions and lengths in SQL string functions count code points. Byte data (binary strings)
// counts bytes, so every helper takes `bytes`: true means one unit per byte. Malformed UTF-8 is
// never rejected here: a byte that does not start a well-formed sequence counts as one unit.

#include <cstddef>
#include <string>
#include <string_view>

namespace vexdb {

// Length in bytes of the unit starting at s[pos] (REQUIRES pos < s.size()).
size_t UnitLength(std::string_view s, size_t pos, bool bytes);
// Number of units in s.
size_t CountUnits(std::string_view s, bool bytes);
// Byte offset of the n-th unit (0-based); s.size() if s has n units or fewer.
size_t UnitOffset(std::string_view s, size_t n, bool bytes);
// Decodes the code point at s[*pos] and advances *pos; a malformed byte decodes as itself.
char32_t DecodeCodePoint(std::string_view s, size_t* pos);
void AppendCodePoint(std::string* out, char32_t cp);

}  // namespace vexdb

#pragma once

// Keyword facts the parser needs: which words are reserved (MySQL 8.0's list: a reserved word
// is an identifier only when quoted), which reserved words still name functions (`LEFT(`,
// `IF(`, `CHAR(` ...), and the character sets usable as `_charset` introducers.

#include <string_view>

namespace vexdb::parser_internal {

// True if `word` (any case) is a MySQL 8.0 reserved word.
bool IsReservedWord(std::string_view word);

// True if the reserved `word` may be called as a function: `word(`.
bool IsReservedFunctionName(std::string_view word);

// True if `name` (without the leading '_') is a character set that may introduce a literal.
bool IsCharsetName(std::string_view name);

// The default collation of a character set as TiDB defines it ("utf8mb4" -> "utf8mb4_bin");
// "binary" -> "binary".
std::string_view DefaultCollationOf(std::string_view charset);

}  // namespace vexdb::parser_internal

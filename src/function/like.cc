// LIKE matching over utf8mb4 code points: `_` matches one code point, `%` any run of them, and
// the escape character makes the next pattern character literal (an escape at the very end of
// the pattern is itself literal, as in MySQL). Matching is case-sensitive: vexdb's default
// collation is utf8mb4_bin, and ILIKE arrives as lower(x) LIKE lower(y).
//
// The matcher is the classic greedy scan with one backtrack point (the last `%` seen), which is
// linear for patterns with a single `%` and never exponential: a later `%` supersedes the
// earlier backtrack point, because whatever the earlier one could absorb the later one can too.

#include "function/function.h"
#include "function/utf8.h"

namespace vexdb {

namespace {

struct PatternChar {
  char32_t cp;
  bool wildcard_any;  // unescaped %
  bool wildcard_one;  // unescaped _
  size_t next;        // byte offset after this pattern element
};

PatternChar ReadPatternChar(std::string_view pattern, size_t pos, char32_t escape) {
  size_t next = pos;
  char32_t cp = DecodeCodePoint(pattern, &next);
  if (cp == escape && escape != 0 && next < pattern.size()) {
    char32_t literal = DecodeCodePoint(pattern, &next);
    return {literal, false, false, next};
  }
  return {cp, cp == U'%', cp == U'_', next};
}

}  // namespace

bool LikeMatch(std::string_view text, std::string_view pattern, char32_t escape) {
  size_t t = 0, p = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      PatternChar pc = ReadPatternChar(pattern, p, escape);
      if (pc.wildcard_any) {
        star_p = pc.next;
        star_t = t;
        p = pc.next;
        continue;
      }
      size_t t_next = t;
      char32_t tc = DecodeCodePoint(text, &t_next);
      if (pc.wildcard_one || pc.cp == tc) {
        t = t_next;
        p = pc.next;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    DecodeCodePoint(text, &star_t);
    t = star_t;
    p = star_p;
  }
  while (p < pattern.size()) {
    PatternChar pc = ReadPatternChar(pattern, p, escape);
    if (!pc.wildcard_any) return false;
    p = pc.next;
  }
  return true;
}

}  // namespace vexdb

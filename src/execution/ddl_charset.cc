// Character sets and collations DDL accepts, with TiDB's defaults (utf8mb4 -> utf8mb4_bin).
// vexdb stores text as utf8mb4 whatever the declared charset; the names are kept for SHOW
// CREATE TABLE and information_schema. utf8mb3 is spelled utf8, as TiDB does.

#include <algorithm>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

struct CharsetCollations {
  std::string_view charset;
  std::string_view default_collation;
  std::vector<std::string_view> collations;
};

const std::vector<CharsetCollations>& Charsets() {
  static const auto* const kCharsets = new std::vector<CharsetCollations>{
      {"utf8mb4",
       "utf8mb4_bin",
       {"utf8mb4_bin", "utf8mb4_general_ci", "utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci",
        "utf8mb4_0900_ai_ci", "utf8mb4_0900_as_cs", "utf8mb4_0900_bin"}},
      {"utf8", "utf8_bin", {"utf8_bin", "utf8_general_ci", "utf8_unicode_ci"}},
      {"latin1", "latin1_bin", {"latin1_bin", "latin1_swedish_ci", "latin1_general_ci"}},
      {"ascii", "ascii_bin", {"ascii_bin", "ascii_general_ci"}},
      {"binary", "binary", {"binary"}},
  };
  return *kCharsets;
}

std::string Lower(std::string_view name) { return FoldName(name); }

// utf8mb3 and its collations are spelled utf8 (TiDB's spelling).
std::string Canonical(std::string_view name) {
  std::string lower = Lower(name);
  if (lower.rfind("utf8mb3", 0) == 0) lower.replace(0, 7, "utf8");
  return lower;
}

const CharsetCollations* FindCharset(std::string_view name) {
  for (const CharsetCollations& cs : Charsets()) {
    if (cs.charset == name) return &cs;
  }
  return nullptr;
}

bool HasCollation(const CharsetCollations& cs, std::string_view collation) {
  return std::find(cs.collations.begin(), cs.collations.end(), collation) != cs.collations.end();
}

}  // namespace

std::string CharsetOfCollation(std::string_view collation) {
  std::string name = Canonical(collation);
  for (const CharsetCollations& cs : Charsets()) {
    if (HasCollation(cs, name)) return std::string(cs.charset);
  }
  return "";
}

Result<Charset> ResolveCharset(std::string_view charset, std::string_view collation,
                               const Charset& inherited) {
  if (charset.empty() && collation.empty()) return inherited;
  Charset out;
  if (!charset.empty()) {
    out.charset = Canonical(charset);
    if (FindCharset(out.charset) == nullptr) {
      return Status::Error(ErrorCode::kUnknownCharacterSet, charset);
    }
  }
  if (collation.empty()) {
    out.collation = std::string(FindCharset(out.charset)->default_collation);
    return out;
  }
  out.collation = Canonical(collation);
  std::string owner = CharsetOfCollation(out.collation);
  if (owner.empty()) return Status::Error(ErrorCode::kUnknownCollation, collation);
  if (out.charset.empty()) out.charset = owner;
  if (owner != out.charset) {
    return Status::Error(ErrorCode::kUnknownCollation, collation);
  }
  return out;
}

}  // namespace vexdb::ddl_internal

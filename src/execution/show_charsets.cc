// The character sets and collations vexdb reports, and SHOW COLLATION / SHOW CHARACTER SET
// (information_schema.COLLATIONS / CHARACTER_SETS read the same tables). Ids, sort lengths and
// pad attributes are MySQL 8.0's; each character set's default collation is its `_bin`
// collation, as in TiDB with new collations enabled (the server's default is utf8mb4_bin).

#include <array>

#include "common/status.h"
#include "execution/show_internal.h"

namespace vexdb::show_internal {

namespace {

constexpr std::string_view kPadSpace = "PAD SPACE";
constexpr std::string_view kNoPad = "NO PAD";

constexpr std::array<CollationDef, 13> kCollations = {{
    {"ascii_bin", "ascii", 65, true, 1, kPadSpace},
    {"ascii_general_ci", "ascii", 11, false, 1, kPadSpace},
    {"binary", "binary", 63, true, 1, kNoPad},
    {"latin1_bin", "latin1", 47, true, 1, kPadSpace},
    {"latin1_swedish_ci", "latin1", 8, false, 1, kPadSpace},
    {"utf8mb3_bin", "utf8mb3", 83, true, 1, kPadSpace},
    {"utf8mb3_general_ci", "utf8mb3", 33, false, 1, kPadSpace},
    {"utf8mb3_unicode_ci", "utf8mb3", 192, false, 8, kPadSpace},
    {"utf8mb4_0900_ai_ci", "utf8mb4", 255, false, 0, kNoPad},
    {"utf8mb4_0900_bin", "utf8mb4", 309, false, 1, kNoPad},
    {"utf8mb4_bin", "utf8mb4", 46, true, 1, kPadSpace},
    {"utf8mb4_general_ci", "utf8mb4", 45, false, 1, kPadSpace},
    {"utf8mb4_unicode_ci", "utf8mb4", 224, false, 8, kPadSpace},
}};

constexpr std::array<CharsetDef, 5> kCharsets = {{
    {"ascii", "US ASCII", "ascii_bin", 1},
    {"binary", "Binary pseudo charset", "binary", 1},
    {"latin1", "cp1252 West European", "latin1_bin", 1},
    {"utf8mb3", "UTF-8 Unicode", "utf8mb3_bin", 3},
    {"utf8mb4", "UTF-8 Unicode", "utf8mb4_bin", 4},
}};

}  // namespace

std::span<const CollationDef> Collations() { return kCollations; }

std::span<const CharsetDef> Charsets() { return kCharsets; }

std::string CharsetOfCollation(std::string_view collation) {
  for (const CollationDef& def : kCollations) {
    if (NameEquals(def.name, collation)) return std::string(def.charset);
  }
  std::string_view prefix = collation.substr(0, collation.find('_'));
  if (NameEquals(prefix, "utf8")) return "utf8mb3";
  return std::string(prefix);
}

int64_t CharsetMaxLength(std::string_view charset) {
  for (const CharsetDef& def : kCharsets) {
    if (NameEquals(def.name, charset)) return def.maxlen;
  }
  return 1;
}

Result<QueryResult> ShowCollation(const ast::ShowStatement& statement) {
  QueryResult result = MakeResultSet(
      {VarcharColumn("Collation"), VarcharColumn("Charset"), BigIntColumn("Id", true),
       VarcharColumn("Default", 3), VarcharColumn("Compiled", 3), BigIntColumn("Sortlen", true),
       VarcharColumn("Pad_attribute", 9)});
  for (const CollationDef& def : kCollations) {
    if (statement.like.has_value() && !MatchesLike(def.name, *statement.like)) continue;
    result.rows.push_back({Str(def.name), Str(def.charset), Value::UInt(def.id),
                           Str(def.is_default ? "Yes" : ""), Str("Yes"), Value::UInt(def.sortlen),
                           Str(def.pad_attribute)});
  }
  if (statement.where != nullptr) VEXDB_RETURN_IF_ERROR(FilterRows(*statement.where, &result));
  return result;
}

Result<QueryResult> ShowCharset(const ast::ShowStatement& statement) {
  QueryResult result =
      MakeResultSet({VarcharColumn("Charset"), VarcharColumn("Description", 2048),
                     VarcharColumn("Default collation"), BigIntColumn("Maxlen", true)});
  for (const CharsetDef& def : kCharsets) {
    if (statement.like.has_value() && !MatchesLike(def.name, *statement.like)) continue;
    result.rows.push_back({Str(def.name), Str(def.description), Str(def.default_collation),
                           Value::UInt(def.maxlen)});
  }
  if (statement.where != nullptr) VEXDB_RETURN_IF_ERROR(FilterRows(*statement.where, &result));
  return result;
}

}  // namespace vexdb::show_internal

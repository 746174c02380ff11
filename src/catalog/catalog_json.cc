#include "catalog/catalog_json.h"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace vexdb {

namespace {

using nlohmann::json;

// Enum <-> name tables: the documents spell enums as names, so reordering an enum in code
// never changes the meaning of stored definitions.
constexpr std::pair<TypeId, const char*> kTypeNames[] = {
    {TypeId::kNull, "null"},         {TypeId::kTinyInt, "tinyint"},
    {TypeId::kSmallInt, "smallint"}, {TypeId::kMediumInt, "mediumint"},
    {TypeId::kInt, "int"},           {TypeId::kBigInt, "bigint"},
    {TypeId::kFloat, "float"},       {TypeId::kDouble, "double"},
    {TypeId::kDecimal, "decimal"},   {TypeId::kChar, "char"},
    {TypeId::kVarchar, "varchar"},   {TypeId::kText, "text"},
    {TypeId::kBinary, "binary"},     {TypeId::kVarbinary, "varbinary"},
    {TypeId::kBlob, "blob"},         {TypeId::kDate, "date"},
    {TypeId::kDatetime, "datetime"}, {TypeId::kTimestamp, "timestamp"},
    {TypeId::kTime, "time"},         {TypeId::kYear, "year"},
    {TypeId::kJson, "json"},         {TypeId::kEnum, "enum"},
    {TypeId::kSet, "set"},           {TypeId::kBit, "bit"},
    {TypeId::kVector, "vector"},
};

constexpr std::pair<DefaultKind, const char*> kDefaultNames[] = {
    {DefaultKind::kNone, "none"},
    {DefaultKind::kNull, "null"},
    {DefaultKind::kValue, "value"},
    {DefaultKind::kCurrentTimestamp, "current_timestamp"},
    {DefaultKind::kExpression, "expression"},
};

constexpr std::pair<IndexKind, const char*> kIndexKindNames[] = {
    {IndexKind::kBTree, "btree"},
    {IndexKind::kHnsw, "hnsw"},
};

constexpr std::pair<VectorDistance, const char*> kDistanceNames[] = {
    {VectorDistance::kCosine, "cosine"},
    {VectorDistance::kL2, "l2"},
};

constexpr std::pair<VectorQuantization, const char*> kQuantizationNames[] = {
    {VectorQuantization::kNone, "none"},
    {VectorQuantization::kBF16, "bf16"},
    {VectorQuantization::kInt8, "int8"},
};

constexpr std::pair<ForeignKeyAction, const char*> kActionNames[] = {
    {ForeignKeyAction::kRestrict, "restrict"}, {ForeignKeyAction::kCascade, "cascade"},
    {ForeignKeyAction::kSetNull, "set_null"},  {ForeignKeyAction::kNoAction, "no_action"},
    {ForeignKeyAction::kSetDefault, "set_default"},
};

// Never throws: names and comments with invalid UTF-8 have those bytes replaced.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    uint8_t c = static_cast<uint8_t>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::string ToHex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (char c : s) {
    hex.push_back(kDigits[static_cast<uint8_t>(c) >> 4]);
    hex.push_back(kDigits[static_cast<uint8_t>(c) & 0xF]);
  }
  return hex;
}

// A malformed document; thrown inside this file only and turned into a Status at its edge.
struct BadDocument {
  std::string what;
};

template <typename E, size_t N>
const char* NameOf(const std::pair<E, const char*> (&table)[N], E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename E, size_t N>
E ValueOf(const std::pair<E, const char*> (&table)[N], const std::string& name) {
  for (const auto& [e, n] : table) {
    if (name == n) return e;
  }
  throw BadDocument{"unknown name '" + name + "'"};
}

json TypeToJson(const LogicalType& t) {
  return {{"id", NameOf(kTypeNames, t.id)}, {"unsigned", t.is_unsigned},
          {"bool", t.is_bool},              {"zerofill", t.zerofill},
          {"length", t.length},             {"precision", t.precision},
          {"scale", t.scale},               {"fsp", t.fsp},
          {"elements", t.elements},         {"collation", t.collation}};
}

LogicalType TypeFromJson(const json& j) {
  LogicalType t;
  t.id = ValueOf(kTypeNames, j.at("id").get<std::string>());
  t.is_unsigned = j.value("unsigned", false);
  t.is_bool = j.value("bool", false);
  t.zerofill = j.value("zerofill", false);
  t.length = j.value("length", int64_t{-1});
  t.precision = j.value("precision", uint8_t{0});
  t.scale = j.value("scale", int8_t{-1});
  t.fsp = j.value("fsp", uint8_t{0});
  t.elements = j.value("elements", std::vector<std::string>{});
  t.collation = j.value("collation", std::string());
  return t;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  throw BadDocument{"bad hex digit"};
}

std::string FromHex(const std::string& hex) {
  if (hex.size() % 2 != 0) throw BadDocument{"odd hex length"};
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1])));
  }
  return bytes;
}

// A default's text may be bytes (BINARY/BLOB columns): such text is stored as "text_hex".
json DefaultToJson(const ColumnDefault& d) {
  json j = {{"kind", NameOf(kDefaultNames, d.kind)}};
  if (IsValidUtf8(d.text)) {
    j["text"] = d.text;
  } else {
    j["text_hex"] = ToHex(d.text);
  }
  return j;
}

ColumnDefault DefaultFromJson(const json& j) {
  ColumnDefault d;
  d.kind = ValueOf(kDefaultNames, j.value("kind", std::string("none")));
  d.text = j.contains("text_hex") ? FromHex(j.at("text_hex").get<std::string>())
                                  : j.value("text", std::string());
  return d;
}

json ColumnToJson(const ColumnInfo& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"type", TypeToJson(c.type)},
          {"nullable", c.nullable},
          {"auto_increment", c.auto_increment},
          {"on_update_current_timestamp", c.on_update_current_timestamp},
          {"default", DefaultToJson(c.default_value)},
          {"comment", c.comment}};
}

ColumnInfo ColumnFromJson(const json& j) {
  ColumnInfo c;
  c.id = j.at("id").get<int32_t>();
  c.name = j.at("name").get<std::string>();
  c.type = TypeFromJson(j.at("type"));
  c.nullable = j.value("nullable", true);
  c.auto_increment = j.value("auto_increment", false);
  c.on_update_current_timestamp = j.value("on_update_current_timestamp", false);
  if (j.contains("default")) c.default_value = DefaultFromJson(j.at("default"));
  c.comment = j.value("comment", std::string());
  return c;
}

json IndexToJson(const IndexInfo& index) {
  json columns = json::array();
  for (const IndexColumn& c : index.columns) {
    columns.push_back(
        {{"column", c.column}, {"prefix_length", c.prefix_length}, {"descending", c.descending}});
  }
  json out = {{"id", index.id},
              {"name", index.name},
              {"primary", index.primary},
              {"unique", index.unique},
              {"kind", NameOf(kIndexKindNames, index.kind)},
              {"distance", NameOf(kDistanceNames, index.distance)},
              {"columns", columns},
              {"comment", index.comment}};
  if (index.hnsw != HnswParams{}) {
    out["hnsw"] = {{"m", index.hnsw.m},
                   {"ef_construction", index.hnsw.ef_construction},
                   {"ef_search", index.hnsw.ef_search},
                   {"quantization", NameOf(kQuantizationNames, index.hnsw.quantization)}};
  }
  return out;
}

IndexInfo IndexFromJson(const json& j) {
  IndexInfo index;
  index.id = j.at("id").get<int64_t>();
  index.name = j.at("name").get<std::string>();
  index.primary = j.value("primary", false);
  index.unique = j.value("unique", false);
  index.kind = ValueOf(kIndexKindNames, j.value("kind", std::string("btree")));
  index.distance = ValueOf(kDistanceNames, j.value("distance", std::string("cosine")));
  for (const json& c : j.at("columns")) {
    index.columns.push_back({c.at("column").get<std::string>(), c.value("prefix_length", 0),
                             c.value("descending", false)});
  }
  index.comment = j.value("comment", std::string());
  if (j.contains("hnsw")) {
    const json& hnsw = j.at("hnsw");
    index.hnsw.m = hnsw.value("m", 0u);
    index.hnsw.ef_construction = hnsw.value("ef_construction", 0u);
    index.hnsw.ef_search = hnsw.value("ef_search", 0u);
    // Catalogs written before INT8 existed hold "bf16": true|false instead.
    index.hnsw.quantization =
        hnsw.contains("quantization")
            ? ValueOf(kQuantizationNames, hnsw.at("quantization").get<std::string>())
            : (hnsw.value("bf16", false) ? VectorQuantization::kBF16 : VectorQuantization::kNone);
  }
  return index;
}

json ForeignKeyToJson(const ForeignKeyInfo& fk) {
  return {{"name", fk.name},
          {"columns", fk.columns},
          {"ref_database", fk.ref_database},
          {"ref_table", fk.ref_table},
          {"ref_columns", fk.ref_columns},
          {"on_delete", NameOf(kActionNames, fk.on_delete)},
          {"on_update", NameOf(kActionNames, fk.on_update)}};
}

ForeignKeyInfo ForeignKeyFromJson(const json& j) {
  ForeignKeyInfo fk;
  fk.name = j.at("name").get<std::string>();
  fk.columns = j.at("columns").get<std::vector<std::string>>();
  fk.ref_database = j.value("ref_database", std::string());
  fk.ref_table = j.at("ref_table").get<std::string>();
  fk.ref_columns = j.at("ref_columns").get<std::vector<std::string>>();
  fk.on_delete = ValueOf(kActionNames, j.value("on_delete", std::string("restrict")));
  fk.on_update = ValueOf(kActionNames, j.value("on_update", std::string("restrict")));
  return fk;
}

json TableInfoToJson(const StoredTable& stored) {
  const TableInfo& t = stored.info;
  json columns = json::array(), indexes = json::array(), fks = json::array();
  for (const ColumnInfo& c : t.columns) columns.push_back(ColumnToJson(c));
  for (const IndexInfo& i : t.indexes) indexes.push_back(IndexToJson(i));
  for (const ForeignKeyInfo& fk : t.foreign_keys) fks.push_back(ForeignKeyToJson(fk));
  return {{"format", kCatalogFormat},
          {"id", t.id},
          {"database", t.database},
          {"name", t.name},
          {"columns", columns},
          {"indexes", indexes},
          {"foreign_keys", fks},
          {"comment", t.comment},
          {"charset", t.charset},
          {"collation", t.collation},
          {"create_time", t.create_time},
          {"is_view", t.is_view},
          {"view_sql", t.view_sql},
          {"tiflash_replica", t.tiflash_replica},
          {"next_column_id", stored.next_column_id},
          {"next_index_id", stored.next_index_id}};
}

StoredTable TableInfoFromJson(const json& j) {
  StoredTable stored;
  TableInfo& t = stored.info;
  t.id = j.at("id").get<int64_t>();
  t.database = j.at("database").get<std::string>();
  t.name = j.at("name").get<std::string>();
  for (const json& c : j.at("columns")) t.columns.push_back(ColumnFromJson(c));
  for (const json& i : j.value("indexes", json::array())) t.indexes.push_back(IndexFromJson(i));
  for (const json& fk : j.value("foreign_keys", json::array())) {
    t.foreign_keys.push_back(ForeignKeyFromJson(fk));
  }
  t.comment = j.value("comment", std::string());
  t.charset = j.value("charset", std::string("utf8mb4"));
  t.collation = j.value("collation", std::string("utf8mb4_bin"));
  t.create_time = j.value("create_time", int64_t{0});
  t.is_view = j.value("is_view", false);
  t.view_sql = j.value("view_sql", std::string());
  t.tiflash_replica = j.value("tiflash_replica", int64_t{0});
  stored.next_column_id = j.value("next_column_id", int32_t{1});
  stored.next_index_id = j.value("next_index_id", int64_t{1});
  return stored;
}

// Parses text and checks its format version; then calls from(document).
template <typename T, typename F>
Result<T> ParseDocument(std::string_view text, std::string_view what, F from) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Internal(fmt::format("corrupted catalog {}: not a JSON object", what));
  }
  try {
    int format = j.at("format").get<int>();
    if (format < 1 || format > kCatalogFormat) {
      return Status::Internal(fmt::format(
          "catalog {} has format {}; this server reads formats up to {}", what, format,
          kCatalogFormat));
    }
    return from(j);
  } catch (const BadDocument& e) {
    return Status::Internal(fmt::format("corrupted catalog {}: {}", what, e.what));
  } catch (const json::exception& e) {
    return Status::Internal(fmt::format("corrupted catalog {}: {}", what, e.what()));
  }
}

}  // namespace

std::string DatabaseToJson(const DatabaseInfo& db) {
  json j = {{"format", kCatalogFormat},
            {"id", db.id},
            {"name", db.name},
            {"charset", db.charset},
            {"collation", db.collation}};
  return Dump(j);
}

Result<DatabaseInfo> DatabaseFromJson(std::string_view text) {
  return ParseDocument<DatabaseInfo>(text, "database", [](const json& j) {
    DatabaseInfo db;
    db.id = j.at("id").get<int64_t>();
    db.name = j.at("name").get<std::string>();
    db.charset = j.value("charset", std::string("utf8mb4"));
    db.collation = j.value("collation", std::string("utf8mb4_bin"));
    return db;
  });
}

std::string TableToJson(const StoredTable& table) { return Dump(TableInfoToJson(table)); }

Result<StoredTable> TableFromJson(std::string_view text) {
  return ParseDocument<StoredTable>(text, "table", TableInfoFromJson);
}

}  // namespace vexdb

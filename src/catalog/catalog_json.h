#pragma once

// The persisted form of catalog objects: one JSON document per database and per table, each
// with a "format" version (docs/storage-format.md, "Catalog"). Readers accept any format up to
// kCatalogFormat and fill fields a document lacks with their defaults, so fields can be added
// without rewriting old documents. Internal to src/catalog/.

#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "common/result.h"

namespace vexdb {

inline constexpr int kCatalogFormat = 1;

// A table definition plus the id counters that live beside it (never reused).
struct StoredTable {
  TableInfo info;
  int32_t next_column_id = 1;
  int64_t next_index_id = 1;
};

std::string DatabaseToJson(const DatabaseInfo& db);
Result<DatabaseInfo> DatabaseFromJson(std::string_view text);

std::string TableToJson(const StoredTable& table);
Result<StoredTable> TableFromJson(std::string_view text);

}  // namespace vexdb

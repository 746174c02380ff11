#pragma once

// Row values: a versioned encoding keyed by column id, so ADD/DROP COLUMN need no rewrite (a
// missing id decodes as the column's default; an unknown id is skipped). Format in
// docs/storage-format.md: version byte, column count varint, then per column: id varint, kind
// byte, payload.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/value.h"

namespace vexdb {

std::string EncodeRow(const std::vector<int32_t>& column_ids, const Row& values);
// Fills out (sized to column_ids.size()) with the values stored for those ids; ids not present
// are set to defaults[i].
Status DecodeRow(std::string_view data, const std::vector<int32_t>& column_ids,
                 const Row& defaults, Row* out);

}  // namespace vexdb

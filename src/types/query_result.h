#pragma once

// QueryResult: what one SQL statement produced, in the shape the MySQL protocol sends it: either
// an OK (affected rows, last insert id, info) or a result set (column metadata + rows of Values).
// Execution produces it, the server layer encodes it; nothing here knows about packets.

#include <cstdint>
#include <string>
#include <vector>

#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

// Column metadata as ColumnDefinition41 carries it.
struct ResultColumn {
  std::string schema;     // database of the source table, "" for expressions
  std::string table;      // table alias as written in the query, "" for expressions
  std::string org_table;  // real table name
  std::string name;       // column alias (the select-list label)
  std::string org_name;   // real column name, "" for expressions
  LogicalType type;       // drives type code, length, decimals, charset and text format
  bool not_null = false;
  bool primary_key = false;
  bool unique_key = false;
  bool multiple_key = false;
  bool auto_increment = false;
};

// One row of SHOW WARNINGS: a note, warning or error raised by a statement.
struct Diagnostic {
  std::string level;  // "Note", "Warning" or "Error"
  uint16_t code = 0;  // MySQL errno
  std::string message;
};

struct QueryResult {
  bool has_result_set = false;
  std::vector<ResultColumn> columns;  // when has_result_set
  std::vector<Row> rows;              // when has_result_set; each row has columns.size() values

  uint64_t affected_rows = 0;   // OK results
  uint64_t last_insert_id = 0;  // OK results: first AUTO_INCREMENT value generated, or 0
  uint16_t warnings = 0;         // warning count of the OK/EOF packet
  std::string info;             // e.g. "Records: 3  Duplicates: 0  Warnings: 0"
  std::vector<Diagnostic> diagnostics;  // what SHOW WARNINGS lists after this statement

  // Records a note or warning (level "Note" or "Warning") and counts it. As MySQL's default
  // max_error_count, only the first 64 are kept; all are counted.
  void AddDiagnostic(std::string level, uint16_t code, std::string message) {
    static constexpr size_t kMaxKept = 64;
    if (diagnostics.size() < kMaxKept) {
      diagnostics.push_back({std::move(level), code, std::move(message)});
    }
    if (warnings < UINT16_MAX) ++warnings;
  }
};

}  // namespace vexdb

// information_schema CHARACTER_SETS, COLLATIONS and ENGINES: fixed server facts, from the same
// tables SHOW CHARACTER SET / SHOW COLLATION / SHOW ENGINES print.

#include "execution/information_schema_internal.h"

namespace vexdb::information_schema_internal {

namespace si = show_internal;

std::vector<Row> CharacterSetsRows(const Source&) {
  std::vector<Row> rows;
  for (const si::CharsetDef& def : si::Charsets()) {
    rows.push_back({si::Str(def.name), si::Str(def.default_collation), si::Str(def.description),
                    Value::Int(def.maxlen)});
  }
  return rows;
}

std::vector<Row> CollationsRows(const Source&) {
  std::vector<Row> rows;
  for (const si::CollationDef& def : si::Collations()) {
    rows.push_back({si::Str(def.name), si::Str(def.charset), Value::Int(def.id),
                    si::Str(def.is_default ? "Yes" : ""), si::Str("Yes"), Value::Int(def.sortlen),
                    si::Str(def.pad_attribute)});
  }
  return rows;
}

std::vector<Row> EnginesRows(const Source&) {
  return {{si::Str("InnoDB"), si::Str("DEFAULT"),
           si::Str("Supports transactions, row-level locking, and foreign keys"), si::Str("YES"),
           si::Str("YES"), si::Str("YES")}};
}

}  // namespace vexdb::information_schema_internal

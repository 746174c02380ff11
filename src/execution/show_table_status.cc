// SHOW TABLE STATUS, and the per-table facts information_schema.TABLES shares with it.
//
// Sizes and row counts are not tracked yet: they read as InnoDB reports an empty table
// (Data_length 16384, everything else 0). Auto_increment is the live counter.

#include "common/status.h"
#include "execution/show.h"
#include "execution/show_internal.h"

namespace vexdb::show_internal {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kEmptyTableDataLength = 16384;
constexpr size_t kStatusValueCount = 17;

Value CreateTime(const TableInfo& table) {
  if (table.create_time == 0) return Value::Null();
  return Value::Datetime(table.create_time / kMicrosPerSecond * kMicrosPerSecond);
}

}  // namespace

Row TableStatusValues(const TableInfo& table, StorageEngine& storage) {
  if (table.is_view) {
    Row row(kStatusValueCount);
    row.back() = Str("VIEW");
    return row;
  }
  std::optional<int64_t> next = NextAutoIncrement(table, storage);
  return {Str("InnoDB"),
          Value::Int(10),
          Str("Dynamic"),
          Value::Int(0),
          Value::Int(0),
          Value::Int(kEmptyTableDataLength),
          Value::Int(0),
          Value::Int(0),
          Value::Int(0),
          next.has_value() ? Value::Int(*next) : Value::Null(),
          CreateTime(table),
          Value::Null(),
          Value::Null(),
          Str(table.collation),
          Value::Null(),
          Str(""),
          Str(table.comment)};
}

Result<QueryResult> ShowTableStatus(const ast::ShowStatement& statement, ShowContext& context) {
  VEXDB_ASSIGN_OR_RETURN(std::string database, FindDatabase(context, statement.database));
  QueryResult result = MakeResultSet(
      {VarcharColumn("Name"), VarcharColumn("Engine"), BigIntColumn("Version"),
       VarcharColumn("Row_format", 10), BigIntColumn("Rows"), BigIntColumn("Avg_row_length"),
       BigIntColumn("Data_length"), BigIntColumn("Max_data_length"),
       BigIntColumn("Index_length"), BigIntColumn("Data_free"), BigIntColumn("Auto_increment"),
       DatetimeColumn("Create_time"), DatetimeColumn("Update_time"),
       DatetimeColumn("Check_time"), VarcharColumn("Collation"), BigIntColumn("Checksum"),
       VarcharColumn("Create_options", 256), TextColumn("Comment")});
  if (IsInformationSchema(database)) return result;
  for (const TableRef& table : context.catalog.ListTables(database)) {
    if (statement.like.has_value() && !MatchesLike(table->name, *statement.like)) continue;
    Row row = {Str(table->name)};
    for (Value& value : TableStatusValues(*table, context.storage)) {
      row.push_back(std::move(value));
    }
    result.rows.push_back(std::move(row));
  }
  if (statement.where != nullptr) VEXDB_RETURN_IF_ERROR(FilterRows(*statement.where, &result));
  return result;
}

}  // namespace vexdb::show_internal

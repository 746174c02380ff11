// Name resolution and identifier rules shared by every DDL statement.

#include <fmt/format.h>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

constexpr size_t kMaxIdentifierLength = 64;

// Identifier lengths count characters, not bytes (utf8 continuation bytes do not count).
size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

QueryResult OkResult(uint64_t affected_rows) {
  QueryResult result;
  result.affected_rows = affected_rows;
  return result;
}

QueryResult NoteResult(const std::vector<Status>& notes) {
  QueryResult result;
  for (const Status& note : notes) result.AddDiagnostic("Note", note.mysql_errno(), note.message());
  return result;
}

Result<std::string> ResolveDatabase(std::string_view given, const DdlContext& context) {
  std::string_view name = given.empty() ? std::string_view(context.current_database) : given;
  if (name.empty()) return Status::Error(ErrorCode::kNoDbSelected);
  std::optional<DatabaseInfo> db = context.catalog.GetDatabase(name);
  if (!db) return Status::Error(ErrorCode::kBadDb, name);
  return db->name;
}

Status CheckIdentifier(std::string_view name, ErrorCode wrong_name) {
  if (name.empty() || name.back() == ' ') return Status::Error(wrong_name, name);
  if (CharacterCount(name) > kMaxIdentifierLength) {
    return Status::Error(ErrorCode::kTooLongIdent, name);
  }
  return Status::OK();
}

Result<TableRef> GetBaseTable(const DdlContext& context, std::string_view database,
                              std::string_view table) {
  TableRef info = context.catalog.GetTable(database, table);
  if (info == nullptr || info->is_view) {
    return Status::Error(ErrorCode::kNoSuchTable, database, table);
  }
  return info;
}

std::string QualifiedName(std::string_view database, std::string_view table) {
  return fmt::format("{}.{}", database, table);
}

}  // namespace vexdb::ddl_internal

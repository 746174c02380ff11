#include "parser/keywords.h"

#include <string>
#include <unordered_set>

#include "parser/token.h"

namespace vexdb::parser_internal {

namespace {

// MySQL 8.0 reserved words (https://dev.mysql.com/doc/refman/8.0/en/keywords.html, "(R)").
constexpr std::string_view kReservedWords[] = {
    "ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC", "ASENSITIVE", "BEFORE",
    "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE", "CHANGE",
    "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE",
    "CONVERT", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR",
    "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DEFAULT",
    "DELAYED", "DELETE", "DENSE_RANK", "DESC", "DESCRIBE", "DETERMINISTIC", "DISTINCT",
    "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF", "EMPTY", "ENCLOSED",
    "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FIRST_VALUE", "FLOAT",
    "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "FUNCTION", "GENERATED",
    "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING", "HIGH_PRIORITY", "HOUR_MICROSECOND",
    "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN", "INDEX", "INFILE", "INNER", "INOUT",
    "INSENSITIVE", "INSERT", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT",
    "INTERVAL", "INTO", "IO_AFTER_GTIDS", "IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE",
    "KEY", "KEYS", "KILL", "LAG", "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT",
    "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG",
    "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY", "MASTER_BIND",
    "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT",
    "MIDDLEINT", "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT",
    "NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE", "NULL", "NUMERIC", "OF", "ON", "OPTIMIZE",
    "OPTIMIZER_COSTS", "OPTION", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER",
    "PARTITION", "PERCENT_RANK", "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "RANGE", "RANK",
    "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE",
    "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "REVOKE", "RIGHT",
    "RLIKE", "ROW", "ROWS", "ROW_NUMBER", "SCHEMA", "SCHEMAS", "SECOND_MICROSECOND", "SELECT",
    "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SMALLINT", "SPATIAL", "SPECIFIC", "SQL",
    "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS",
    "SQL_SMALL_RESULT", "SSL", "STARTING", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE",
    "TERMINATED", "THEN", "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER", "TRUE",
    "UNDO", "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE",
    "UTC_TIME", "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING",
    "VIRTUAL", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE", "XOR", "YEAR_MONTH",
    "ZEROFILL",
};

// Reserved words that are also built-in function names.
constexpr std::string_view kReservedFunctionNames[] = {
    "CHAR", "CONVERT", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
    "CURRENT_USER", "DATABASE", "DENSE_RANK", "FIRST_VALUE", "GROUPING", "IF", "INSERT", "LAG",
    "LAST_VALUE", "LEAD", "LEFT", "LOCALTIME", "LOCALTIMESTAMP", "MOD", "NTH_VALUE", "NTILE",
    "PERCENT_RANK", "RANK", "REPEAT", "REPLACE", "RIGHT", "ROW_NUMBER", "SCHEMA", "UTC_DATE",
    "UTC_TIME", "UTC_TIMESTAMP", "VALUES",
};

struct CharsetInfo {
  std::string_view name;
  std::string_view default_collation;
};

constexpr CharsetInfo kCharsets[] = {
    {"utf8mb4", "utf8mb4_bin"}, {"utf8", "utf8_bin"},       {"utf8mb3", "utf8_bin"},
    {"binary", "binary"},       {"latin1", "latin1_bin"},   {"ascii", "ascii_bin"},
    {"gbk", "gbk_bin"},         {"gb18030", "gb18030_bin"}, {"utf16", "utf16_bin"},
    {"utf16le", "utf16le_bin"}, {"utf32", "utf32_bin"},     {"ucs2", "ucs2_bin"},
    {"big5", "big5_bin"},
};

template <size_t N>
std::unordered_set<std::string_view> MakeSet(const std::string_view (&words)[N]) {
  return std::unordered_set<std::string_view>(words, words + N);
}

bool InUpperSet(const std::unordered_set<std::string_view>& set, std::string_view word) {
  if (word.size() > 40) return false;
  std::string upper = ToUpper(word);
  return set.count(upper) != 0;
}

}  // namespace

bool IsReservedWord(std::string_view word) {
  static const auto* const kSet = new std::unordered_set<std::string_view>(MakeSet(kReservedWords));
  return InUpperSet(*kSet, word);
}

bool IsReservedFunctionName(std::string_view word) {
  static const auto* const kSet =
      new std::unordered_set<std::string_view>(MakeSet(kReservedFunctionNames));
  return InUpperSet(*kSet, word);
}

bool IsCharsetName(std::string_view name) {
  for (const CharsetInfo& cs : kCharsets) {
    if (EqualsIgnoreCase(cs.name, name)) return true;
  }
  return false;
}

std::string_view DefaultCollationOf(std::string_view charset) {
  for (const CharsetInfo& cs : kCharsets) {
    if (EqualsIgnoreCase(cs.name, charset)) return cs.default_collation;
  }
  return {};
}

}  // namespace vexdb::parser_internal

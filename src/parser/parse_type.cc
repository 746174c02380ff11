// Data types: column types (CREATE/ALTER TABLE) and CAST/CONVERT targets, mapped to
// LogicalType. Synonyms collapse here (INTEGER -> INT, BOOL -> TINYINT(1), NUMERIC -> DECIMAL,
// REAL -> DOUBLE, NVARCHAR -> VARCHAR, VECTOR<FLOAT> -> VECTOR); a character type declared with
// CHARACTER SET binary becomes the matching binary type, as in MySQL.

#include <utility>

#include "parser/keywords.h"
#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

constexpr int64_t kTinyMax = 255;
constexpr int64_t kTextMax = 65535;
constexpr int64_t kMediumMax = 16777215;
constexpr int64_t kLongMax = 4294967295;

struct TypeName {
  std::string_view name;
  TypeId id;
  int64_t length;  // TEXT/BLOB max bytes; -1 otherwise
};

// Types that take at most a display width / fsp / nothing, keyed by their first word.
constexpr TypeName kSimpleTypes[] = {
    {"TINYINT", TypeId::kTinyInt, -1},     {"INT1", TypeId::kTinyInt, -1},
    {"SMALLINT", TypeId::kSmallInt, -1},   {"INT2", TypeId::kSmallInt, -1},
    {"MEDIUMINT", TypeId::kMediumInt, -1}, {"INT3", TypeId::kMediumInt, -1},
    {"MIDDLEINT", TypeId::kMediumInt, -1}, {"INT", TypeId::kInt, -1},
    {"INTEGER", TypeId::kInt, -1},         {"INT4", TypeId::kInt, -1},
    {"BIGINT", TypeId::kBigInt, -1},       {"INT8", TypeId::kBigInt, -1},
    {"TINYTEXT", TypeId::kText, kTinyMax}, {"MEDIUMTEXT", TypeId::kText, kMediumMax},
    {"LONGTEXT", TypeId::kText, kLongMax}, {"TINYBLOB", TypeId::kBlob, kTinyMax},
    {"MEDIUMBLOB", TypeId::kBlob, kMediumMax}, {"LONGBLOB", TypeId::kBlob, kLongMax},
    {"DATE", TypeId::kDate, -1},           {"JSON", TypeId::kJson, -1},
};

bool IsIntegerId(TypeId id) {
  return id == TypeId::kTinyInt || id == TypeId::kSmallInt || id == TypeId::kMediumInt ||
         id == TypeId::kInt || id == TypeId::kBigInt;
}

// TEXT(n) / BLOB(n) pick the smallest type holding n bytes.
int64_t LobSizeFor(int64_t n) {
  if (n < 0) return kTextMax;
  if (n <= kTinyMax) return kTinyMax;
  if (n <= kTextMax) return kTextMax;
  if (n <= kMediumMax) return kMediumMax;
  return kLongMax;
}

LogicalType Make(TypeId id, int64_t length = -1) {
  LogicalType t = LogicalType::Of(id);
  t.length = length;
  return t;
}

// A character type under CHARACTER SET binary is its binary twin.
void ApplyBinaryCharset(LogicalType* type) {
  switch (type->id) {
    case TypeId::kChar: type->id = TypeId::kBinary; break;
    case TypeId::kVarchar: type->id = TypeId::kVarbinary; break;
    case TypeId::kText: type->id = TypeId::kBlob; break;
    default: break;
  }
  type->collation.clear();
}

}  // namespace

Result<int64_t> ParserImpl::ParseOptionalLength(int64_t fallback) {
  if (!AcceptOp("(")) return fallback;
  VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseInteger());
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return length;
}

Status ParserImpl::ParsePrecisionScale(LogicalType* type, int default_precision,
                                       int default_scale) {
  type->precision = static_cast<uint8_t>(default_precision);
  type->scale = static_cast<int8_t>(default_scale);
  if (!AcceptOp("(")) return Status::OK();
  Token first = Peek();
  VEXDB_ASSIGN_OR_RETURN(int64_t precision, ParseInteger());
  if (precision > 255) return SyntaxErrorAt(first);
  type->precision = static_cast<uint8_t>(precision);
  type->scale = 0;
  if (AcceptOp(",")) {
    Token second = Peek();
    VEXDB_ASSIGN_OR_RETURN(int64_t scale, ParseInteger());
    if (scale > 127) return SyntaxErrorAt(second);
    type->scale = static_cast<int8_t>(scale);
  }
  return ExpectOp(")");
}

// [SIGNED | UNSIGNED] [ZEROFILL], any order.
Status ParserImpl::ParseNumericAttributes(LogicalType* type) {
  while (true) {
    if (AcceptWord("UNSIGNED")) {
      type->is_unsigned = true;
    } else if (AcceptWord("SIGNED")) {
      type->is_unsigned = false;
    } else if (AcceptWord("ZEROFILL")) {
      type->zerofill = true;
      type->is_unsigned = true;
    } else {
      return Status::OK();
    }
  }
}

Result<std::string> ParserImpl::ParseCharsetName() {
  if (Peek().type == TokenType::kString) return ParseStringLiteral();
  if (Peek().type == TokenType::kWord || Peek().type == TokenType::kQuotedIdent) {
    return Take().text;
  }
  return SyntaxError();
}

// [BINARY] [CHARACTER SET cs | CHARSET cs | ASCII | UNICODE] [COLLATE c], any order.
Status ParserImpl::ParseStringAttributes(LogicalType* type) {
  bool binary_collation = false;
  std::string charset;
  while (true) {
    if (AcceptWord("BINARY")) {
      binary_collation = true;
    } else if (AcceptWords({"CHARACTER", "SET"}) || AcceptWord("CHARSET")) {
      VEXDB_ASSIGN_OR_RETURN(charset, ParseCharsetName());
    } else if (AcceptWord("ASCII")) {
      charset = "latin1";
    } else if (AcceptWord("UNICODE")) {
      charset = "ucs2";
    } else if (PeekWord("COLLATE")) {
      Take();
      VEXDB_ASSIGN_OR_RETURN(type->collation, ParseCharsetName());
    } else {
      break;
    }
  }
  if (EqualsIgnoreCase(charset, "binary")) {
    ApplyBinaryCharset(type);
  } else if (type->collation.empty() && !charset.empty()) {
    std::string_view fallback = DefaultCollationOf(charset);
    type->collation = fallback.empty() ? charset + "_bin" : std::string(fallback);
  } else if (type->collation.empty() && binary_collation) {
    type->collation = "utf8mb4_bin";
  }
  return Status::OK();
}

// ('a', 'b', ...)
Result<std::vector<std::string>> ParserImpl::ParseEnumElements() {
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  std::vector<std::string> elements;
  do {
    VEXDB_ASSIGN_OR_RETURN(std::string element, ParseStringLiteral());
    elements.push_back(std::move(element));
  } while (AcceptOp(","));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return elements;
}

// VECTOR, VECTOR(D), VECTOR<FLOAT>, VECTOR<FLOAT>(D). VECTOR<DOUBLE> is rejected as TiDB does.
Result<LogicalType> ParserImpl::ParseVectorType() {
  Take();  // VECTOR
  if (AcceptOp("<")) {
    if (!PeekWord("FLOAT")) {
      return SyntaxErrorAt(Peek(), "Only VECTOR is supported for now");
    }
    Take();
    VEXDB_RETURN_IF_ERROR(ExpectOp(">"));
  }
  VEXDB_ASSIGN_OR_RETURN(int64_t dim, ParseOptionalLength(-1));
  return Make(TypeId::kVector, dim);
}

// Column types keyed by their first word; each family parser consumes that word itself.
Result<LogicalType> ParserImpl::ParseDataType() {
  using FamilyParser = Result<LogicalType> (ParserImpl::*)();
  static constexpr struct {
    std::string_view word;
    FamilyParser parse;
  } kFamilies[] = {
      {"BOOL", &ParserImpl::ParseBoolType},         {"BOOLEAN", &ParserImpl::ParseBoolType},
      {"SERIAL", &ParserImpl::ParseBoolType},       {"BIT", &ParserImpl::ParseBitType},
      {"DECIMAL", &ParserImpl::ParseDecimalType},   {"DEC", &ParserImpl::ParseDecimalType},
      {"NUMERIC", &ParserImpl::ParseDecimalType},   {"FIXED", &ParserImpl::ParseDecimalType},
      {"FLOAT", &ParserImpl::ParseFloatType},       {"FLOAT4", &ParserImpl::ParseFloatType},
      {"DOUBLE", &ParserImpl::ParseFloatType},      {"FLOAT8", &ParserImpl::ParseFloatType},
      {"REAL", &ParserImpl::ParseFloatType},        {"VECTOR", &ParserImpl::ParseVectorType},
      {"TIME", &ParserImpl::ParseTemporalType},     {"DATETIME", &ParserImpl::ParseTemporalType},
      {"TIMESTAMP", &ParserImpl::ParseTemporalType}, {"YEAR", &ParserImpl::ParseTemporalType},
      {"CHAR", &ParserImpl::ParseCharType},         {"CHARACTER", &ParserImpl::ParseCharType},
      {"NCHAR", &ParserImpl::ParseCharType},        {"NATIONAL", &ParserImpl::ParseCharType},
      {"VARCHAR", &ParserImpl::ParseCharType},      {"VARCHARACTER", &ParserImpl::ParseCharType},
      {"NVARCHAR", &ParserImpl::ParseCharType},     {"LONG", &ParserImpl::ParseCharType},
      {"BINARY", &ParserImpl::ParseBinaryType},     {"VARBINARY", &ParserImpl::ParseBinaryType},
      {"TEXT", &ParserImpl::ParseLobType},          {"BLOB", &ParserImpl::ParseLobType},
      {"ENUM", &ParserImpl::ParseEnumType},         {"SET", &ParserImpl::ParseEnumType},
  };
  const Token& tok = Peek();
  if (tok.type != TokenType::kWord) return SyntaxError();
  for (const TypeName& simple : kSimpleTypes) {
    if (!tok.IsWord(simple.name)) continue;
    Take();
    LogicalType type = Make(simple.id, simple.length);
    if (IsIntegerId(simple.id)) {
      VEXDB_ASSIGN_OR_RETURN(type.length, ParseOptionalLength(-1));
      VEXDB_RETURN_IF_ERROR(ParseNumericAttributes(&type));
    } else if (simple.id == TypeId::kText) {
      VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
    }
    return type;
  }
  for (const auto& family : kFamilies) {
    if (tok.IsWord(family.word)) return (this->*family.parse)();
  }
  return SyntaxError();
}

// BOOL / BOOLEAN -> TINYINT(1); SERIAL -> BIGINT UNSIGNED.
Result<LogicalType> ParserImpl::ParseBoolType() {
  if (Take().IsWord("SERIAL")) return LogicalType::BigInt(/*is_unsigned=*/true);
  LogicalType type = Make(TypeId::kTinyInt, 1);
  type.is_bool = true;
  return type;
}

Result<LogicalType> ParserImpl::ParseBitType() {
  Take();
  VEXDB_ASSIGN_OR_RETURN(int64_t bits, ParseOptionalLength(1));
  return Make(TypeId::kBit, bits);
}

Result<LogicalType> ParserImpl::ParseDecimalType() {
  Take();
  LogicalType type = Make(TypeId::kDecimal);
  VEXDB_RETURN_IF_ERROR(ParsePrecisionScale(&type, 10, 0));
  VEXDB_RETURN_IF_ERROR(ParseNumericAttributes(&type));
  return type;
}

// FLOAT[(p)] | FLOAT(M,D) | DOUBLE [PRECISION][(M,D)] | REAL[(M,D)]
Result<LogicalType> ParserImpl::ParseFloatType() {
  Token word = Take();
  bool single = word.IsWord("FLOAT") || word.IsWord("FLOAT4");
  if (word.IsWord("DOUBLE")) AcceptWord("PRECISION");
  LogicalType type = Make(single ? TypeId::kFloat : TypeId::kDouble);
  bool bits_form = single && PeekOp("(") && PeekOp(")", 2);
  VEXDB_RETURN_IF_ERROR(ParsePrecisionScale(&type, 0, -1));
  if (bits_form) {
    // FLOAT(p): p is a precision in bits choosing FLOAT or DOUBLE; no (M,D) is recorded.
    if (type.precision > 24) type.id = TypeId::kDouble;
    type.precision = 0;
    type.scale = -1;
  }
  VEXDB_RETURN_IF_ERROR(ParseNumericAttributes(&type));
  return type;
}

// TIME[(fsp)] | DATETIME[(fsp)] | TIMESTAMP[(fsp)] | YEAR[(4)]
Result<LogicalType> ParserImpl::ParseTemporalType() {
  Token word = Take();
  TypeId id = word.IsWord("TIME")       ? TypeId::kTime
              : word.IsWord("DATETIME") ? TypeId::kDatetime
              : word.IsWord("TIMESTAMP") ? TypeId::kTimestamp
                                          : TypeId::kYear;
  Token arg = Peek(1);
  VEXDB_ASSIGN_OR_RETURN(int64_t fsp, ParseOptionalLength(0));
  LogicalType type = Make(id);
  if (id == TypeId::kYear) return type;
  if (fsp < 0 || fsp > 6) return SyntaxErrorAt(arg);
  type.fsp = static_cast<uint8_t>(fsp);
  return type;
}

// CHAR[(n)], CHARACTER [VARYING](n), NCHAR [VARCHAR|VARYING], NATIONAL {CHAR|CHARACTER|VARCHAR}
// [VARYING], VARCHAR(n), VARCHARACTER(n), NVARCHAR(n), LONG [VARCHAR] (= MEDIUMTEXT), LONG
// VARBINARY (= MEDIUMBLOB); then string attributes.
Result<LogicalType> ParserImpl::ParseCharType() {
  Token word = Take();
  if (word.IsWord("LONG")) {
    if (AcceptWord("VARBINARY")) return Make(TypeId::kBlob, kMediumMax);
    AcceptWord("VARCHAR") || AcceptWord("VARCHARACTER");
    LogicalType type = Make(TypeId::kText, kMediumMax);
    VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
    return type;
  }
  bool varying = word.IsWord("VARCHAR") || word.IsWord("VARCHARACTER") || word.IsWord("NVARCHAR");
  if (word.IsWord("NATIONAL")) {
    if (AcceptWord("VARCHAR") || AcceptWord("VARCHARACTER")) {
      varying = true;
    } else if (!AcceptWord("CHAR") && !AcceptWord("CHARACTER")) {
      return SyntaxError();
    }
  }
  if (AcceptWord("VARYING") || (word.IsWord("NCHAR") && AcceptWord("VARCHAR"))) varying = true;
  if (varying && !PeekOp("(")) return SyntaxError();  // VARCHAR requires a length
  VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseOptionalLength(1));
  LogicalType type = Make(varying ? TypeId::kVarchar : TypeId::kChar, length);
  VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
  return type;
}

// BINARY[(n)] | VARBINARY(n)
Result<LogicalType> ParserImpl::ParseBinaryType() {
  bool varying = Take().IsWord("VARBINARY");
  if (varying && !PeekOp("(")) return SyntaxError();
  VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseOptionalLength(1));
  return Make(varying ? TypeId::kVarbinary : TypeId::kBinary, length);
}

// TEXT[(n)] | BLOB[(n)]: the smallest type holding n bytes.
Result<LogicalType> ParserImpl::ParseLobType() {
  bool text = Take().IsWord("TEXT");
  VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseOptionalLength(-1));
  LogicalType type = Make(text ? TypeId::kText : TypeId::kBlob, LobSizeFor(length));
  if (text) VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
  return type;
}

// ENUM('a', ...) | SET('a', ...)
Result<LogicalType> ParserImpl::ParseEnumType() {
  bool is_enum = Take().IsWord("ENUM");
  LogicalType type = Make(is_enum ? TypeId::kEnum : TypeId::kSet);
  VEXDB_ASSIGN_OR_RETURN(type.elements, ParseEnumElements());
  VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
  return type;
}

// CAST targets (see CastExpr in ast.h).
Result<LogicalType> ParserImpl::ParseCastType() {
  const Token& tok = Peek();
  if (tok.IsWord("BINARY")) {
    Take();
    VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseOptionalLength(-1));
    return Make(TypeId::kVarbinary, length);
  }
  if (tok.IsWord("CHAR") || tok.IsWord("NCHAR") || tok.IsWord("CHARACTER")) {
    Take();
    VEXDB_ASSIGN_OR_RETURN(int64_t length, ParseOptionalLength(-1));
    LogicalType type = Make(TypeId::kVarchar, length);
    VEXDB_RETURN_IF_ERROR(ParseStringAttributes(&type));
    return type;
  }
  if (tok.IsWord("SIGNED") || tok.IsWord("UNSIGNED")) {
    bool is_unsigned = Take().IsWord("UNSIGNED");
    AcceptWord("INTEGER") || AcceptWord("INT");
    return LogicalType::BigInt(is_unsigned);
  }
  if (tok.IsWord("DATE")) {
    Take();
    return Make(TypeId::kDate);
  }
  if (tok.IsWord("DATETIME") || tok.IsWord("TIME") || tok.IsWord("YEAR")) {
    return ParseTemporalType();
  }
  if (tok.IsWord("DECIMAL") || tok.IsWord("DEC") || tok.IsWord("NUMERIC")) {
    return ParseDecimalType();
  }
  if (tok.IsWord("FLOAT") || tok.IsWord("DOUBLE") || tok.IsWord("REAL")) return ParseFloatType();
  if (tok.IsWord("JSON")) {
    Take();
    return Make(TypeId::kJson);
  }
  if (tok.IsWord("VECTOR")) return ParseVectorType();
  return SyntaxError();
}

}  // namespace vexdb::parser_internal

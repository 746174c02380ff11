// Index-like constraints: PRIMARY KEY, UNIQUE, KEY/INDEX, FULLTEXT and TiDB's VECTOR INDEX.
//
// Naming follows MySQL: the primary key is always "PRIMARY"; an unnamed key takes its first
// column's name, then name_2, name_3, ... when taken; an unnamed vector index is vector_index,
// vector_index_2, ... FULLTEXT indexes are accepted and stored as ordinary B-tree indexes (vexdb
// has no full-text search; they index whole values, so TEXT columns need no prefix length).

#include <fmt/format.h>

#include <algorithm>

#include "execution/ddl_internal.h"

namespace vexdb::ddl_internal {

namespace {

bool IsPrefixableType(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
      return true;
    default:
      return false;
  }
}

bool IsLob(const LogicalType& type) {
  return type.id == TypeId::kText || type.id == TypeId::kBlob;
}

Status UnsupportedVectorIndex(std::string_view detail) {
  return Status::Error(ErrorCode::kUnsupportedDdlOperation,
                       fmt::format("add vector index: {}", detail));
}

Status CheckPrefix(const ast::IndexPart& part, const ColumnInfo& column, bool fulltext) {
  if (part.prefix_length > 0) {
    if (!IsPrefixableType(column.type)) return Status::Error(ErrorCode::kWrongSubKey);
    bool bounded = !IsLob(column.type) && column.type.length >= 0;
    if (bounded && part.prefix_length > column.type.length) {
      return Status::Error(ErrorCode::kWrongSubKey);
    }
    return Status::OK();
  }
  if (IsLob(column.type) && !fulltext) {
    return Status::Error(ErrorCode::kBlobKeyWithoutLength, column.name);
  }
  return Status::OK();
}

Result<IndexColumn> BuildKeyPart(const ast::IndexPart& part, const TableInfo& table,
                                 bool fulltext) {
  if (part.expr != nullptr) {
    return Status::Error(ErrorCode::kNotSupportedYet, "functional key parts");
  }
  int position = table.ColumnIndex(part.column);
  if (position < 0) return Status::Error(ErrorCode::kKeyColumnDoesNotExist, part.column);
  const ColumnInfo& column = table.columns[position];
  if (column.type.id == TypeId::kJson) {
    return Status::Error(ErrorCode::kJsonUsedAsKey, column.name);
  }
  if (column.type.id == TypeId::kVector) {
    return Status::WithMessage(ErrorCode::kUnsupportedDdlOperation,
                               "only VECTOR INDEX can be added to vector column");
  }
  VEXDB_RETURN_IF_ERROR(CheckPrefix(part, column, fulltext));
  return IndexColumn{column.name, part.prefix_length, part.descending};
}

// ((VEC_COSINE_DISTANCE(col))) or ((VEC_L2_DISTANCE(col))) on a fixed-dimension VECTOR column;
// sets index->distance.
Result<IndexColumn> BuildVectorKeyPart(const ast::ConstraintDef& def, const TableInfo& table,
                                       IndexInfo* index) {
  if (def.parts.size() != 1 || def.parts[0].expr == nullptr ||
      def.parts[0].expr->type != ast::ExprType::kFunction) {
    return UnsupportedVectorIndex(
        "the key must be ((VEC_COSINE_DISTANCE(col))) or ((VEC_L2_DISTANCE(col)))");
  }
  const auto& call = def.parts[0].expr->As<ast::FunctionExpr>();
  if (!NameEquals(call.name, "vec_cosine_distance") && !NameEquals(call.name, "vec_l2_distance")) {
    return UnsupportedVectorIndex(fmt::format("unsupported function {}", FoldName(call.name)));
  }
  index->distance =
      NameEquals(call.name, "vec_l2_distance") ? VectorDistance::kL2 : VectorDistance::kCosine;
  if (call.args.size() != 1 || call.args[0]->type != ast::ExprType::kColumnRef) {
    return UnsupportedVectorIndex("the distance function must take one column");
  }
  const std::string& name = call.args[0]->As<ast::ColumnRefExpr>().parts.back();
  int position = table.ColumnIndex(name);
  if (position < 0) return Status::Error(ErrorCode::kBadField, name, table.name);
  const ColumnInfo& column = table.columns[position];
  if (column.type.id != TypeId::kVector) {
    return UnsupportedVectorIndex(
        fmt::format("only support vector type, but this is type: {}", column.type.ToSql()));
  }
  for (const IndexInfo& other : table.indexes) {
    if (other.kind == IndexKind::kHnsw && other.distance == index->distance &&
        NameEquals(other.columns[0].column, column.name)) {
      return Status::WithMessage(
          ErrorCode::kDupKeyName, fmt::format("vector index {} function {} already exist on column {}",
                                              other.name, FoldName(call.name), column.name));
    }
  }
  if (column.type.length <= 0) {  // VECTOR and VECTOR(0), as TiDB (flen <= 0)
    return Status::Internal("add vector index can only be defined on fixed-dimension vector "
                            "columns");
  }
  return IndexColumn{column.name, 0, false};
}

bool HasOption(const ast::ConstraintDef& def, std::string_view option) {
  return std::any_of(def.options.begin(), def.options.end(),
                     [&](const std::string& o) { return NameEquals(o, option); });
}

// M, EF_CONSTRUCTION, EF_SEARCH and QUANTIZATION, checked against the ranges docs/sql-vector.md
// gives (the error is MariaDB's for a bad index option).
Result<HnswParams> BuildHnswParams(const ast::VectorIndexParams& given) {
  HnswParams params;
  auto number = [](const std::optional<int64_t>& value, const char* name, int64_t lo, int64_t hi,
                   uint32_t* out) -> Status {
    if (!value) return Status::OK();
    if (*value < lo || *value > hi) {
      return Status::Error(ErrorCode::kBadOptionValue, std::to_string(*value), name);
    }
    *out = static_cast<uint32_t>(*value);
    return Status::OK();
  };
  VEXDB_RETURN_IF_ERROR(number(given.m, "M", 2, 512, &params.m));
  VEXDB_RETURN_IF_ERROR(
      number(given.ef_construction, "EF_CONSTRUCTION", 1, 100000, &params.ef_construction));
  VEXDB_RETURN_IF_ERROR(number(given.ef_search, "EF_SEARCH", 1, 100000, &params.ef_search));
  if (!given.quantization.empty()) {
    if (NameEquals(given.quantization, "BF16")) {
      params.quantization = VectorQuantization::kBF16;
    } else if (NameEquals(given.quantization, "INT8")) {
      params.quantization = VectorQuantization::kInt8;
    } else if (!NameEquals(given.quantization, "NONE")) {
      return Status::Error(ErrorCode::kBadOptionValue, given.quantization, "QUANTIZATION");
    }
  }
  return params;
}

Status BuildVectorIndex(const ast::ConstraintDef& def, const TableInfo& table, IndexInfo* index) {
  if (!def.using_method.empty() && !NameEquals(def.using_method, "HNSW")) {
    return UnsupportedVectorIndex(fmt::format("index type {}", def.using_method));
  }
  if (HasOption(def, "INVISIBLE")) {
    return Status::Error(ErrorCode::kUnsupportedDdlOperation, "set vector index invisible");
  }
  index->kind = IndexKind::kHnsw;
  VEXDB_ASSIGN_OR_RETURN(index->hnsw, BuildHnswParams(def.vector_params));
  VEXDB_ASSIGN_OR_RETURN(IndexColumn column, BuildVectorKeyPart(def, table, index));
  index->columns.push_back(std::move(column));
  return Status::OK();
}

Status BuildBTreeIndex(const ast::ConstraintDef& def, const TableInfo& table, IndexInfo* index) {
  if (NameEquals(def.using_method, "HNSW")) {
    return Status::WithMessage(ErrorCode::kUnsupportedDdlOperation,
                               "Only support vector index with HNSW type, but it's non-vector "
                               "index");
  }
  if (!def.vector_params.empty()) {
    return Status::Error(ErrorCode::kUnsupportedDdlOperation,
                         "M, EF_CONSTRUCTION, EF_SEARCH or QUANTIZATION on a non-vector index");
  }
  bool fulltext = def.kind == ast::ConstraintKind::kFulltext;
  for (const ast::IndexPart& part : def.parts) {
    VEXDB_ASSIGN_OR_RETURN(IndexColumn column, BuildKeyPart(part, table, fulltext));
    bool repeated = std::any_of(
        index->columns.begin(), index->columns.end(),
        [&](const IndexColumn& c) { return NameEquals(c.column, column.column); });
    if (repeated) return Status::Error(ErrorCode::kDupFieldName, column.column);
    index->columns.push_back(std::move(column));
  }
  return Status::OK();
}

// The explicit name of a key, or "" (CONSTRAINT c UNIQUE KEY k (...) names the index k).
const std::string& GivenName(const ast::ConstraintDef& def) {
  return def.index_name.empty() ? def.name : def.index_name;
}

Status NameIndex(const ast::ConstraintDef& def, const TableInfo& table, IndexInfo* index) {
  if (index->primary) {
    if (table.PrimaryKey() != nullptr) return Status::Error(ErrorCode::kMultiplePriKey);
    index->name = "PRIMARY";
    return Status::OK();
  }
  const std::string& given = GivenName(def);
  if (given.empty()) {
    bool vector = index->kind == IndexKind::kHnsw;
    index->name = UniqueIndexName(table, vector ? "vector_index" : index->columns[0].column);
    return Status::OK();
  }
  if (NameEquals(given, "PRIMARY")) return Status::Error(ErrorCode::kWrongNameForIndex, given);
  VEXDB_RETURN_IF_ERROR(CheckIdentifier(given, ErrorCode::kWrongNameForIndex));
  if (table.FindIndex(given) != nullptr) return Status::Error(ErrorCode::kDupKeyName, given);
  index->name = given;
  return Status::OK();
}

}  // namespace

ast::ConstraintDef InlineKey(ast::ConstraintKind kind, const std::string& column) {
  ast::ConstraintDef def;
  def.kind = kind;
  ast::IndexPart part;
  part.column = column;
  def.parts.push_back(std::move(part));
  return def;
}

Status ValidateIndexColumns(const TableInfo& table, const std::set<std::string>& changed) {
  for (const IndexInfo& index : table.indexes) {
    if (index.kind != IndexKind::kBTree) continue;
    for (const IndexColumn& key : index.columns) {
      if (changed.count(FoldName(key.column)) == 0) continue;
      const ColumnInfo& column = table.columns[table.ColumnIndex(key.column)];
      ast::IndexPart part;
      part.column = key.column;
      part.prefix_length = key.prefix_length;
      if (column.type.id == TypeId::kJson) {
        return Status::Error(ErrorCode::kJsonUsedAsKey, column.name);
      }
      VEXDB_RETURN_IF_ERROR(CheckPrefix(part, column, /*fulltext=*/false));
    }
  }
  return Status::OK();
}

std::string UniqueIndexName(const TableInfo& table, std::string_view base) {
  if (table.FindIndex(base) == nullptr && !NameEquals(base, "PRIMARY")) return std::string(base);
  for (int n = 2;; ++n) {
    std::string name = fmt::format("{}_{}", base, n);
    if (table.FindIndex(name) == nullptr) return name;
  }
}

bool IndexStartsWith(const IndexInfo& index, const std::vector<std::string>& columns) {
  if (index.kind != IndexKind::kBTree || index.columns.size() < columns.size()) return false;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!NameEquals(index.columns[i].column, columns[i]) || index.columns[i].prefix_length != 0) {
      return false;
    }
  }
  return true;
}

const IndexInfo* FindIndexStartingWith(const TableInfo& table,
                                       const std::vector<std::string>& columns,
                                       const IndexInfo* except) {
  for (const IndexInfo& index : table.indexes) {
    if (&index != except && IndexStartsWith(index, columns)) return &index;
  }
  return nullptr;
}

Status AddKeyConstraint(const ast::ConstraintDef& def, TableInfo* table) {
  IndexInfo index;
  index.primary = def.kind == ast::ConstraintKind::kPrimaryKey;
  index.unique = index.primary || def.kind == ast::ConstraintKind::kUnique;
  index.comment = def.comment;
  const std::string& given = GivenName(def);
  if (!index.primary && !given.empty() && table->FindIndex(given) != nullptr) {
    return Status::Error(ErrorCode::kDupKeyName, given);
  }
  if (def.kind == ast::ConstraintKind::kVectorIndex) {
    VEXDB_RETURN_IF_ERROR(BuildVectorIndex(def, *table, &index));
  } else {
    VEXDB_RETURN_IF_ERROR(BuildBTreeIndex(def, *table, &index));
  }
  VEXDB_RETURN_IF_ERROR(NameIndex(def, *table, &index));
  if (index.primary) {
    table->indexes.insert(table->indexes.begin(), std::move(index));
  } else {
    table->indexes.push_back(std::move(index));
  }
  return Status::OK();
}

}  // namespace vexdb::ddl_internal

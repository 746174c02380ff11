// Rule: choose how each table read finds its rows.
//
// From the read's filter conjuncts we collect, per column, the conditions an index can serve:
// `col = c`, `col IN (c1, c2, ...)`, a disjunction of those on one column (`col = a OR col = b`
// is `col IN (a, b)`), and `col <op> c` ranges (BETWEEN arrives as two of them),
// where c is a constant of the column's type class (a number for a numeric column, a string or
// temporal for a string or temporal column; otherwise MySQL compares as doubles and no index
// applies). Candidates, best first:
//   1. the clustered integer primary key: a set of point gets, or a handle range;
//   2. a secondary or non-clustered primary index: equalities on a prefix of its columns, then
//      at most one range on the next column; more equality columns win, a unique index fully
//      covered by equalities wins over everything but point gets.
// The filters stay on the read and are re-checked on every row, so the access path only has to
// cover (never exactly match) the qualifying rows.

#include <algorithm>
#include <optional>
#include <fmt/format.h>

#include "optimizer/optimizer.h"
#include "types/cast.h"
#include "types/value_format.h"

namespace vexdb {

namespace {

struct ColumnConditions {
  std::vector<Value> equals;  // IN lists and equalities (alternatives); empty = none
  bool has_equals = false;
  std::optional<Value> lower, upper;
  bool lower_inclusive = true, upper_inclusive = true;
};

bool SameTypeClass(const LogicalType& column, const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt:
    case ValueKind::kUInt:
    case ValueKind::kDecimal:
    case ValueKind::kDouble:
      return column.IsNumeric();
    case ValueKind::kString:
      return column.IsString() || column.IsBinary() || column.IsTemporal();
    case ValueKind::kDate:
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      return column.IsTemporal();
    default: return false;
  }
}

// The constant converted to the column's type, if that conversion keeps its value exactly.
std::optional<Value> ExactKey(const Value& value, const LogicalType& column) {
  if (value.is_null() || !SameTypeClass(column, value)) return std::nullopt;
  if (column.id == TypeId::kEnum || column.id == TypeId::kSet || column.id == TypeId::kJson ||
      column.id == TypeId::kFloat || column.id == TypeId::kDouble || column.id == TypeId::kBit) {
    return std::nullopt;
  }
  CastContext ctx;
  auto cast = CastValue(value, column, ctx);
  if (!cast.ok() || cast->is_null()) return std::nullopt;
  if (CompareValues(*cast, value) != 0) return std::nullopt;
  if (column.IsString() && column.id == TypeId::kChar) return std::nullopt;  // pad semantics
  return std::move(cast).value();
}

// A comparison of a column with a constant, as `col <op> constant`.
struct ColumnCompare {
  int column;
  const Value* constant;
  CompareOp op;
};

// The compare with the column put first (`c < col` is `col > c`); nullopt unless one side is a
// column of the read and the other a constant.
std::optional<ColumnCompare> AsColumnCompare(const BoundExpr& compare) {
  const BoundExpr* column = compare.children[0].get();
  const BoundExpr* constant = compare.children[1].get();
  CompareOp op = compare.compare;
  if (column->kind != BoundExprKind::kColumn) {
    std::swap(column, constant);
    switch (op) {
      case CompareOp::kLt: op = CompareOp::kGt; break;
      case CompareOp::kLe: op = CompareOp::kGe; break;
      case CompareOp::kGt: op = CompareOp::kLt; break;
      case CompareOp::kGe: op = CompareOp::kLe; break;
      default: break;
    }
  }
  if (column->kind != BoundExprKind::kColumn || constant->kind != BoundExprKind::kConstant) {
    return std::nullopt;
  }
  return ColumnCompare{column->column_index, &constant->constant, op};
}

void AddCompare(const BoundExpr& conjunct, const std::vector<LogicalType>& types,
                std::vector<ColumnConditions>* conditions) {
  const std::optional<ColumnCompare> compare = AsColumnCompare(conjunct);
  if (!compare) return;
  const int index = compare->column;
  const CompareOp op = compare->op;
  auto key = ExactKey(*compare->constant, types[index]);
  if (!key) return;
  ColumnConditions& c = (*conditions)[index];
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNullSafeEq:
      if (!c.has_equals) {
        c.has_equals = true;
        c.equals = {*key};
      }
      break;
    case CompareOp::kGt:
    case CompareOp::kGe:
      if (!c.lower || CompareValues(*key, *c.lower) > 0) {
        c.lower = *key;
        c.lower_inclusive = op == CompareOp::kGe;
      }
      break;
    case CompareOp::kLt:
    case CompareOp::kLe:
      if (!c.upper || CompareValues(*key, *c.upper) < 0) {
        c.upper = *key;
        c.upper_inclusive = op == CompareOp::kLe;
      }
      break;
    case CompareOp::kNe: break;
  }
}

// The column `item` (an equality with a constant, or a non-negated IN list of constants)
// restricts to the exact keys it appends to *keys; -1 if it is not such a condition or a
// constant is inexact (it could still match rows of other values).
int EqualityKeys(const BoundExpr& item, const std::vector<LogicalType>& types,
                 std::vector<Value>* keys) {
  if (item.kind == BoundExprKind::kCompare && item.compare == CompareOp::kEq) {
    const std::optional<ColumnCompare> compare = AsColumnCompare(item);
    if (!compare) return -1;
    if (compare->constant->is_null()) return compare->column;  // never matches
    auto key = ExactKey(*compare->constant, types[compare->column]);
    if (!key) return -1;
    keys->push_back(std::move(*key));
    return compare->column;
  }
  if (item.kind != BoundExprKind::kInList || item.negated ||
      item.children[0]->kind != BoundExprKind::kColumn) {
    return -1;
  }
  const int index = item.children[0]->column_index;
  for (size_t i = 1; i < item.children.size(); ++i) {
    const BoundExpr& element = *item.children[i];
    if (element.kind != BoundExprKind::kConstant) return -1;
    if (element.constant.is_null()) continue;
    auto key = ExactKey(element.constant, types[index]);
    if (!key) return -1;
    keys->push_back(std::move(*key));
  }
  return index;
}

// Appends the branches of an OR, nested ORs flattened.
void Branches(const BoundExpr& disjunction, std::vector<const BoundExpr*>* out) {
  for (const auto& child : disjunction.children) {
    if (child->kind == BoundExprKind::kOr) {
      Branches(*child, out);
    } else {
      out->push_back(child.get());
    }
  }
}

// `col IN (a, b)`, or `col = a OR col IN (b, c) OR ...`: every branch an equality set on the
// same column.
void AddEqualitySet(const BoundExpr& conjunct, const std::vector<LogicalType>& types,
                    std::vector<ColumnConditions>* conditions) {
  std::vector<const BoundExpr*> branches;
  if (conjunct.kind == BoundExprKind::kOr) {
    Branches(conjunct, &branches);
  } else {
    branches.push_back(&conjunct);
  }
  std::vector<Value> keys;
  int column = -1;
  for (const BoundExpr* branch : branches) {
    const int index = EqualityKeys(*branch, types, &keys);
    if (index < 0 || (column >= 0 && index != column)) return;
    column = index;
  }
  if (column < 0) return;
  ColumnConditions& c = (*conditions)[column];
  if (!c.has_equals) {
    c.has_equals = true;
    c.equals = std::move(keys);
  }
}

std::vector<ColumnConditions> CollectConditions(const LogicalOperator& get) {
  std::vector<ColumnConditions> conditions(get.output_types.size());
  for (const auto& conjunct : get.filters) {
    if (conjunct->kind == BoundExprKind::kCompare) AddCompare(*conjunct, get.output_types, &conditions);
    if (conjunct->kind == BoundExprKind::kInList || conjunct->kind == BoundExprKind::kOr) {
      AddEqualitySet(*conjunct, get.output_types, &conditions);
    }
  }
  return conditions;
}

std::string ValuesText(const std::vector<Value>& values, const LogicalType& type) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ",";
    out += FormatValue(values[i], type);
  }
  return out;
}

bool ChooseHandleAccess(LogicalOperator* get, int handle_column,
                        const std::vector<ColumnConditions>& conditions) {
  const ColumnConditions& c = conditions[handle_column];
  const LogicalType& type = get->output_types[handle_column];
  const std::string& name = get->table->columns[handle_column].name;
  auto to_handle = [](const Value& v) -> std::optional<int64_t> {
    if (v.kind() == ValueKind::kInt) return v.int_value();
    if (v.kind() == ValueKind::kUInt && v.uint_value() <= INT64_MAX) {
      return static_cast<int64_t>(v.uint_value());
    }
    return std::nullopt;
  };
  if (c.has_equals) {
    std::vector<int64_t> handles;
    for (const Value& v : c.equals) {
      auto h = to_handle(v);
      if (!h) return false;
      handles.push_back(*h);
    }
    std::sort(handles.begin(), handles.end());
    handles.erase(std::unique(handles.begin(), handles.end()), handles.end());
    get->access.kind = AccessKind::kHandleSet;
    get->access.handles = std::move(handles);
    get->access.description = "handle:" + name + " in (" + ValuesText(c.equals, type) + ")";
    return true;
  }
  if (!c.lower && !c.upper) return false;
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  if (c.lower) {
    auto h = to_handle(*c.lower);
    if (!h) return false;
    lo = *h;
    if (!c.lower_inclusive) {
      if (lo == INT64_MAX) return false;
      ++lo;
    }
  }
  if (c.upper) {
    auto h = to_handle(*c.upper);
    if (!h) return false;
    hi = *h;
    if (!c.upper_inclusive) {
      if (hi == INT64_MIN) return false;
      --hi;
    }
  }
  get->access.kind = AccessKind::kHandleRange;
  get->access.handle_lo = lo;
  get->access.handle_hi = hi;
  get->access.description =
      fmt::format("range:{}[{},{}]", name, lo == INT64_MIN ? std::string("-inf") : std::to_string(lo),
                  hi == INT64_MAX ? std::string("+inf") : std::to_string(hi));
  return true;
}

// Score of an index for the conditions (0 = unusable); fills ranges.
int ScoreIndex(const IndexLayout& index, const std::vector<ColumnConditions>& conditions,
               const TableInfo& table, std::vector<IndexRange>* ranges,
               std::string* description) {
  std::vector<std::vector<Value>> prefixes{{}};
  size_t equal_columns = 0;
  for (size_t k = 0; k < index.key_columns.size(); ++k) {
    if (index.prefix_lengths[k] != 0) break;  // prefix keys cannot bound the full value
    const ColumnConditions& c = conditions[index.key_columns[k]];
    if (!c.has_equals) break;
    std::vector<std::vector<Value>> next;
    for (const auto& prefix : prefixes) {
      for (const Value& v : c.equals) {
        next.push_back(prefix);
        next.back().push_back(v);
      }
    }
    if (next.size() > 4096) break;
    prefixes = std::move(next);
    ++equal_columns;
    *description += (description->empty() ? "" : " and ") + std::string("eq(") +
                    table.columns[index.key_columns[k]].name + ")";
  }
  const ColumnConditions* range = nullptr;
  if (equal_columns < index.key_columns.size() && index.prefix_lengths[equal_columns] == 0) {
    const ColumnConditions& c = conditions[index.key_columns[equal_columns]];
    if (c.lower || c.upper) range = &c;
  }
  if (equal_columns == 0 && range == nullptr) return 0;
  for (auto& prefix : prefixes) {
    IndexRange r;
    r.lower = prefix;
    r.upper = prefix;
    if (range != nullptr) {
      if (range->lower) {
        r.lower.push_back(*range->lower);
        r.lower_inclusive = range->lower_inclusive;
      } else {
        r.lower.push_back(Value::Null());  // NULLs sort first and never satisfy a range
        r.lower_inclusive = false;
      }
      if (range->upper) {
        r.upper.push_back(*range->upper);
        r.upper_inclusive = range->upper_inclusive;
      }
    }
    ranges->push_back(std::move(r));
  }
  if (range != nullptr) {
    *description += (description->empty() ? "" : " and ") + std::string("range(") +
                    table.columns[index.key_columns[equal_columns]].name + ")";
  }
  bool unique_point = index.unique && equal_columns == index.key_columns.size();
  return (unique_point ? 1000 : 0) + static_cast<int>(equal_columns) * 10 + (range ? 5 : 0);
}

void ChooseForGet(LogicalOperator* get) {
  if (get->filters.empty()) return;
  std::vector<ColumnConditions> conditions = CollectConditions(*get);
  int handle_column = get->table->HandleColumn();
  if (handle_column >= 0 && ChooseHandleAccess(get, handle_column, conditions)) {
    if (get->access.kind == AccessKind::kHandleSet) return;
  }
  TableLayout layout = get->table->Layout();
  int best_score = get->access.kind == AccessKind::kHandleRange ? 15 : 0;
  for (size_t i = 0; i < layout.indexes.size(); ++i) {
    std::vector<IndexRange> ranges;
    std::string description;
    int score = ScoreIndex(layout.indexes[i], conditions, *get->table, &ranges, &description);
    if (score <= best_score) continue;
    best_score = score;
    get->access = AccessPath();
    get->access.kind = AccessKind::kIndexRange;
    get->access.index_position = static_cast<int>(i);
    get->access.index_name = layout.indexes[i].name;
    get->access.ranges = std::move(ranges);
    get->access.description = description;
  }
}

void Visit(LogicalOperator* op) {
  if (op->type == LogicalOperatorType::kGet) ChooseForGet(op);
  for (auto& child : op->children) Visit(child.get());
}

}  // namespace

Status ChooseAccessPaths(LogicalOperator* plan) {
  Visit(plan);
  return Status::OK();
}

}  // namespace vexdb

// CompareWithJson: MySQL's comparison of JSON values (json_compare.h).
//
// When either operand of a comparison is JSON, both are compared as JSON: a non-JSON operand
// becomes a JSON scalar first (ValueToJson: a string becomes a JSON string without being parsed,
// so JSON_EXTRACT(doc, '$.name') = 'Joe' compares the unquoted text). Values of different JSON
// types order by type precedence; values of the same type by value.

#include "function/json_compare.h"

#include "function/json_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

template <typename T>
int Sign(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// MySQL's precedence of JSON types, lowest first (numbers of all kinds compare with each other).
int TypeRank(const Json& json) {
  switch (json.type()) {
    case Json::value_t::null: return 0;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return 1;
    case Json::value_t::string: return 2;
    case Json::value_t::object: return 3;
    case Json::value_t::array: return 4;
    case Json::value_t::boolean: return 5;
    default: return 6;
  }
}

Value NumberValue(const Json& json) {
  switch (json.type()) {
    case Json::value_t::number_integer: return Value::Int(json.get<int64_t>());
    case Json::value_t::number_unsigned: return Value::UInt(json.get<uint64_t>());
    default: return Value::Double(json.get<double>());
  }
}

int CompareJson(const Json& a, const Json& b);

// Element by element, then the shorter array first.
int CompareArrays(const Json& a, const Json& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int order = CompareJson(a[i], b[i]);
    if (order != 0) return order;
  }
  return Sign(a.size(), b.size());
}

// Equal exactly when both have the same members with equal values. MySQL leaves the order of
// unequal objects unspecified; this one is deterministic: members in key order, keys bytewise.
int CompareObjects(const Json& a, const Json& b) {
  auto x = a.begin();
  auto y = b.begin();
  for (; x != a.end() && y != b.end(); ++x, ++y) {
    int order = x.key().compare(y.key());
    if (order != 0) return order < 0 ? -1 : 1;
    order = CompareJson(x.value(), y.value());
    if (order != 0) return order;
  }
  return Sign(a.size(), b.size());
}

int CompareJson(const Json& a, const Json& b) {
  int rank = TypeRank(a);
  if (rank != TypeRank(b)) return Sign(rank, TypeRank(b));
  switch (a.type()) {
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return CompareValues(NumberValue(a), NumberValue(b));
    case Json::value_t::string: {
      int order = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
      return order == 0 ? 0 : (order < 0 ? -1 : 1);
    }
    case Json::value_t::boolean: return Sign(a.get<bool>(), b.get<bool>());
    case Json::value_t::array: return CompareArrays(a, b);
    case Json::value_t::object: return CompareObjects(a, b);
    default: return 0;
  }
}

}  // namespace

Result<int> CompareWithJson(const Value& a, const LogicalType& a_type, const Value& b,
                            const LogicalType& b_type) {
  VEXDB_ASSIGN_OR_RETURN(Json x, ValueToJson(a, a_type));
  VEXDB_ASSIGN_OR_RETURN(Json y, ValueToJson(b, b_type));
  return CompareJson(x, y);
}

}  // namespace vexdb

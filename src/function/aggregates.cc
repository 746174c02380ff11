// Aggregate functions: one AggregateState subclass per family, created from the registry row's
// factory. States see every row's argument values, NULLs included, and skip NULLs as MySQL does
// (COUNT(x), SUM, AVG, MIN, MAX, GROUP_CONCAT, ... ignore rows whose argument is NULL).
// DISTINCT is a wrapper state that forwards only the first occurrence of each argument tuple.
//
// Result types follow MySQL 8: COUNT is BIGINT; SUM of exact values is DECIMAL(p + 22, s) and
// of anything else DOUBLE; AVG of exact values is DECIMAL(p + 4, s + 4) (div_precision_increment)
// and of anything else DOUBLE; MIN/MAX/ANY_VALUE keep the argument type; BIT_* are BIGINT
// UNSIGNED; the statistics are DOUBLE. On an empty group COUNT is 0, BIT_AND all ones,
// BIT_OR/BIT_XOR 0, and everything else NULL.

#include <algorithm>
#include <cmath>
#include <set>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "function/json_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

constexpr int kSumExtraDigits = 22;  // MySQL's DECIMAL_LONGLONG_DIGITS
constexpr int kAvgExtraDigits = 4;   // div_precision_increment

bool AnyNull(std::span<const Value> args) {
  return std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); });
}

bool IsExactType(const LogicalType& t) {
  return t.IsInteger() || t.id == TypeId::kDecimal || t.id == TypeId::kBit ||
         t.id == TypeId::kYear || t.id == TypeId::kNull;
}

// Precision and scale of an exact argument.
std::pair<int, int> ExactShape(const LogicalType& t) {
  if (t.id == TypeId::kDecimal) return {t.precision, std::max<int>(t.scale, 0)};
  int64_t digits = DisplayLength(t) - (t.is_unsigned ? 0 : 1);
  return {static_cast<int>(std::clamp<int64_t>(digits, 1, 20)), 0};
}

// ---- Result types ---------------------------------------------------------------------------

// SUM and AVG of a vector are errors in TiDB: the argument would have to become a number.
Status RejectVector(const LogicalType& type) {
  if (type.id != TypeId::kVector) return Status::OK();
  return Status::Internal("cannot cast from vector to double");
}

Result<LogicalType> ReturnSum(std::span<const LogicalType> types) {
  VEXDB_RETURN_IF_ERROR(RejectVector(types[0]));
  if (!IsExactType(types[0])) return LogicalType::Double();
  auto [precision, scale] = ExactShape(types[0]);
  return LogicalType::Decimal(std::min(precision + kSumExtraDigits, 65), scale);
}

Result<LogicalType> ReturnAvg(std::span<const LogicalType> types) {
  VEXDB_RETURN_IF_ERROR(RejectVector(types[0]));
  if (!IsExactType(types[0])) return LogicalType::Double();
  auto [precision, scale] = ExactShape(types[0]);
  return LogicalType::Decimal(std::min(precision + kAvgExtraDigits, 65),
                              std::min(scale + kAvgExtraDigits, Decimal::kMaxScale));
}

Result<LogicalType> ReturnArgument(std::span<const LogicalType> types) { return types[0]; }

Result<LogicalType> ReturnGroupConcat(std::span<const LogicalType> types) {
  bool binary = std::any_of(types.begin(), types.end(), [](const auto& t) { return t.IsBinary(); });
  return StringType(1024, binary);  // group_concat_max_len's default
}

// ---- States ---------------------------------------------------------------------------------

class CountState final : public AggregateState {
 public:
  explicit CountState(bool star) : star_(star) {}
  Status Update(std::span<const Value> args) override {
    if (star_ || !AnyNull(args)) ++count_;
    return Status::OK();
  }
  Result<Value> Finalize() override { return Value::Int(count_); }

 private:
  bool star_;
  int64_t count_ = 0;
};

// SUM and AVG: exact sums keep integers in 128 bits and DECIMALs in a Decimal; inexact sums are
// doubles.
class SumState final : public AggregateState {
 public:
  SumState(const LogicalType& result_type, bool average)
      : result_type_(result_type), average_(average) {}

  Status Update(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status::OK();
    ++count_;
    if (result_type_.id != TypeId::kDecimal) {
      double_sum_ += ValueToDouble(v);
    } else if (v.kind() == ValueKind::kInt) {
      int_sum_ += v.int_value();
    } else if (v.kind() == ValueKind::kUInt) {
      int_sum_ += v.uint_value();
    } else {
      VEXDB_ASSIGN_OR_RETURN(Decimal d, ValueToDecimal(v));
      VEXDB_ASSIGN_OR_RETURN(decimal_sum_, decimal_sum_.Add(d));
    }
    return Status::OK();
  }

  Result<Value> Finalize() override {
    if (count_ == 0) return Value::Null();
    if (result_type_.id != TypeId::kDecimal) {
      return Value::Double(average_ ? double_sum_ / static_cast<double>(count_) : double_sum_);
    }
    Status overflow =
        Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", average_ ? "avg" : "sum");
    auto total = decimal_sum_.Add(Decimal(int_sum_, 0));
    if (!total.ok()) return overflow;
    int scale = std::max<int>(result_type_.scale, 0);
    auto result = average_ ? total->Div(Decimal::FromInt(count_), scale) : total->Rescale(scale);
    if (!result.ok()) return overflow;
    return Value::Dec(*result);
  }

 private:
  LogicalType result_type_;
  bool average_;
  int64_t count_ = 0;
  __int128 int_sum_ = 0;
  Decimal decimal_sum_;
  double double_sum_ = 0;
};

class MinMaxState final : public AggregateState {
 public:
  explicit MinMaxState(int sign) : sign_(sign) {}
  Status Update(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status::OK();
    if (best_.is_null() || CompareValues(v, best_) * sign_ > 0) best_ = v;
    return Status::OK();
  }
  Result<Value> Finalize() override { return best_; }

 private:
  int sign_;
  Value best_;
};

class AnyValueState final : public AggregateState {
 public:
  Status Update(std::span<const Value> args) override {
    if (!seen_) value_ = args[0];
    seen_ = true;
    return Status::OK();
  }
  Result<Value> Finalize() override { return value_; }

 private:
  bool seen_ = false;
  Value value_;
};

enum class BitOp { kAnd, kOr, kXor };

class BitState final : public AggregateState {
 public:
  explicit BitState(BitOp op) : op_(op), acc_(op == BitOp::kAnd ? ~uint64_t{0} : 0) {}
  Status Update(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status::OK();
    uint64_t bits =
        v.kind() == ValueKind::kUInt ? v.uint_value() : static_cast<uint64_t>(ValueToInt64(v));
    acc_ = op_ == BitOp::kAnd ? acc_ & bits : op_ == BitOp::kOr ? acc_ | bits : acc_ ^ bits;
    return Status::OK();
  }
  Result<Value> Finalize() override { return Value::UInt(acc_); }

 private:
  BitOp op_;
  uint64_t acc_;
};

// Population/sample variance and standard deviation (Welford's online algorithm).
class VarianceState final : public AggregateState {
 public:
  VarianceState(bool sample, bool sqrt) : sample_(sample), sqrt_(sqrt) {}
  Status Update(std::span<const Value> args) override {
    if (args[0].is_null()) return Status::OK();
    double x = ValueToDouble(args[0]);
    ++count_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
    return Status::OK();
  }
  Result<Value> Finalize() override {
    int64_t divisor = sample_ ? count_ - 1 : count_;
    if (count_ == 0 || divisor <= 0) return Value::Null();
    double variance = m2_ / static_cast<double>(divisor);
    return Value::Double(sqrt_ ? std::sqrt(variance) : variance);
  }

 private:
  bool sample_, sqrt_;
  int64_t count_ = 0;
  double mean_ = 0, m2_ = 0;
};

// GROUP_CONCAT: rows with any NULL argument are skipped; a row's arguments are concatenated
// without separator; the result is cut at group_concat_max_len bytes (on a character boundary).
class GroupConcatState final : public AggregateState {
 public:
  GroupConcatState(std::span<const LogicalType> arg_types, const AggregateOptions& options)
      : arg_types_(arg_types.begin(), arg_types.end()),
        separator_(options.separator),
        max_len_(static_cast<size_t>(std::max<int64_t>(options.group_concat_max_len, 0))) {}

  Status Update(std::span<const Value> args) override {
    if (AnyNull(args) || truncated_) return Status::OK();
    if (any_) text_ += separator_;
    any_ = true;
    for (size_t i = 0; i < args.size(); ++i) text_ += ValueText(args[i], arg_types_[i]);
    if (text_.size() > max_len_) Truncate();
    return Status::OK();
  }
  Result<Value> Finalize() override {
    if (!any_) return Value::Null();
    return Value::String(text_);
  }

 private:
  void Truncate() {
    size_t cut = max_len_;
    while (cut > 0 && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) --cut;
    text_.resize(cut);
    truncated_ = true;
  }

  std::vector<LogicalType> arg_types_;
  std::string separator_;
  size_t max_len_;
  std::string text_;
  bool any_ = false, truncated_ = false;
};

class JsonArrayAggState final : public AggregateState {
 public:
  explicit JsonArrayAggState(const LogicalType& arg_type) : arg_type_(arg_type) {}
  Status Update(std::span<const Value> args) override {
    VEXDB_ASSIGN_OR_RETURN(Json element, ValueToJson(args[0], arg_type_));
    array_.push_back(std::move(element));
    return Status::OK();
  }
  Result<Value> Finalize() override {
    if (array_.empty()) return Value::Null();
    return Value::String(JsonToText(array_));
  }

 private:
  LogicalType arg_type_;
  Json array_ = Json::array();
};

class JsonObjectAggState final : public AggregateState {
 public:
  JsonObjectAggState(const LogicalType& key_type, const LogicalType& value_type)
      : key_type_(key_type), value_type_(value_type) {}
  Status Update(std::span<const Value> args) override {
    if (args[0].is_null()) return Status::Error(ErrorCode::kJsonDocumentNullKey);
    VEXDB_ASSIGN_OR_RETURN(Json value, ValueToJson(args[1], value_type_));
    object_[ValueText(args[0], key_type_)] = std::move(value);
    any_ = true;
    return Status::OK();
  }
  Result<Value> Finalize() override {
    if (!any_) return Value::Null();
    return Value::String(JsonToText(object_));
  }

 private:
  LogicalType key_type_, value_type_;
  Json object_ = Json::object();
  bool any_ = false;
};

// DISTINCT: forwards a row only the first time its argument tuple is seen (rows with a NULL
// argument are forwarded so the inner state can apply its own NULL rule).
class DistinctState final : public AggregateState {
 public:
  explicit DistinctState(std::unique_ptr<AggregateState> inner) : inner_(std::move(inner)) {}
  Status Update(std::span<const Value> args) override {
    if (!AnyNull(args) && !seen_.insert(TupleKey(args)).second) return Status::OK();
    return inner_->Update(args);
  }
  Result<Value> Finalize() override { return inner_->Finalize(); }

 private:
  // An encoding equal for equal tuples: numbers by numeric value, strings by bytes.
  static std::string TupleKey(std::span<const Value> args) {
    std::string key;
    for (const Value& v : args) {
      std::string part = ValueKey(v);
      key += std::to_string(part.size()) + ":" + part;
    }
    return key;
  }
  static std::string ValueKey(const Value& v) {
    switch (v.kind()) {
      case ValueKind::kInt:
        return "n" + std::to_string(v.int_value());
      case ValueKind::kUInt:
        return "n" + std::to_string(v.uint_value());
      case ValueKind::kDecimal:
        return "n" + NormalizedDecimal(v.decimal_value());
      case ValueKind::kDouble:
        return "d" + std::to_string(v.double_value());
      case ValueKind::kString:
        return "s" + v.string_value();
      case ValueKind::kDate:
        return "D" + std::to_string(v.date_value());
      case ValueKind::kDatetime:
        return "T" + std::to_string(v.datetime_value());
      case ValueKind::kTime:
        return "t" + std::to_string(v.time_value());
      case ValueKind::kVector: {
        const auto& f = v.vector_value();
        return "v" + std::string(reinterpret_cast<const char*>(f.data()), f.size() * sizeof(float));
      }
      case ValueKind::kNull:
        return "0";
    }
    return "";
  }
  static std::string NormalizedDecimal(const Decimal& d) {
    std::string text = d.ToString();
    if (text.find('.') == std::string::npos) return text;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
  }

  std::unique_ptr<AggregateState> inner_;
  std::set<std::string> seen_;
};

// ---- Factories ------------------------------------------------------------------------------

using Types = std::span<const LogicalType>;
using StatePtr = std::unique_ptr<AggregateState>;

StatePtr MakeCount(Types, const LogicalType&, const AggregateOptions& o) {
  return std::make_unique<CountState>(o.star);
}
StatePtr MakeSum(Types, const LogicalType& r, const AggregateOptions&) {
  return std::make_unique<SumState>(r, false);
}
StatePtr MakeAvg(Types, const LogicalType& r, const AggregateOptions&) {
  return std::make_unique<SumState>(r, true);
}
StatePtr MakeMin(Types, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<MinMaxState>(-1);
}
StatePtr MakeMax(Types, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<MinMaxState>(1);
}
StatePtr MakeAnyValue(Types, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<AnyValueState>();
}
StatePtr MakeGroupConcat(Types t, const LogicalType&, const AggregateOptions& o) {
  return std::make_unique<GroupConcatState>(t, o);
}
template <BitOp kOp>
StatePtr MakeBit(Types, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<BitState>(kOp);
}
template <bool kSample, bool kSqrt>
StatePtr MakeVariance(Types, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<VarianceState>(kSample, kSqrt);
}
StatePtr MakeJsonArrayAgg(Types t, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<JsonArrayAggState>(t[0]);
}
StatePtr MakeJsonObjectAgg(Types t, const LogicalType&, const AggregateOptions&) {
  return std::make_unique<JsonObjectAggState>(t[0], t[1]);
}

constexpr AggregateFunction kAggregateFunctions[] = {
    {"count", 1, -1, ReturnBigInt, MakeCount},
    {"sum", 1, 1, ReturnSum, MakeSum},
    {"avg", 1, 1, ReturnAvg, MakeAvg},
    {"min", 1, 1, ReturnArgument, MakeMin},
    {"max", 1, 1, ReturnArgument, MakeMax},
    {"any_value", 1, 1, ReturnArgument, MakeAnyValue},
    {"group_concat", 1, -1, ReturnGroupConcat, MakeGroupConcat},
    {"bit_and", 1, 1, ReturnUnsignedBigInt, MakeBit<BitOp::kAnd>},
    {"bit_or", 1, 1, ReturnUnsignedBigInt, MakeBit<BitOp::kOr>},
    {"bit_xor", 1, 1, ReturnUnsignedBigInt, MakeBit<BitOp::kXor>},
    {"std", 1, 1, ReturnDouble, MakeVariance<false, true>},
    {"stddev", 1, 1, ReturnDouble, MakeVariance<false, true>},
    {"stddev_pop", 1, 1, ReturnDouble, MakeVariance<false, true>},
    {"stddev_samp", 1, 1, ReturnDouble, MakeVariance<true, true>},
    {"variance", 1, 1, ReturnDouble, MakeVariance<false, false>},
    {"var_pop", 1, 1, ReturnDouble, MakeVariance<false, false>},
    {"var_samp", 1, 1, ReturnDouble, MakeVariance<true, false>},
    {"json_arrayagg", 1, 1, ReturnJson, MakeJsonArrayAgg},
    {"json_objectagg", 2, 2, ReturnJson, MakeJsonObjectAgg},
};

}  // namespace

std::span<const AggregateFunction> AggregateFunctions() { return kAggregateFunctions; }

std::unique_ptr<AggregateState> CreateAggregateState(const AggregateFunction& function,
                                                     std::span<const LogicalType> arg_types,
                                                     const LogicalType& result_type,
                                                     const AggregateOptions& options) {
  StatePtr state = function.create(arg_types, result_type, options);
  if (options.distinct) state = std::make_unique<DistinctState>(std::move(state));
  return state;
}

}  // namespace vexdb

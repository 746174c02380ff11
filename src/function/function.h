#pragma once

// Scalar and aggregate functions, and the arithmetic operators, with MySQL's typing rules.
// Functions are declared as data: each is a row in a registry table (name, arity, how its
// result type follows from its argument types, and how it evaluates). The binder looks names
// up (case-insensitively) and fixes result types; the expression evaluator in execution/ calls
// Evaluate with already-evaluated arguments.
//
// NULL handling: a function marked null_propagating returns NULL when any argument is NULL
// without calling its body; others (COALESCE, IFNULL, CONCAT_WS, ...) see NULLs.

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

// Per-statement facts a function may read.
struct FunctionContext {
  int64_t statement_time_micros = 0;  // NOW(), CURRENT_TIMESTAMP: fixed for the statement
  std::string current_database;       // DATABASE()
  std::string current_user;           // USER(), CURRENT_USER(): "root@127.0.0.1"
  uint32_t connection_id = 0;         // CONNECTION_ID()
  uint64_t last_insert_id = 0;        // LAST_INSERT_ID()
  uint64_t found_rows = 0;            // FOUND_ROWS()
  uint64_t row_count = 0;             // ROW_COUNT()
  std::string version;                // VERSION()
  int div_precision_increment = 4;
  const std::atomic<bool>* interrupted = nullptr;  // set by KILL QUERY; long functions poll it
};

struct FunctionArgs {
  std::span<const Value> values;
  std::span<const LogicalType> types;
  const LogicalType& result_type;
  FunctionContext& context;
};

using ScalarEvalFn = Result<Value> (*)(const FunctionArgs& args);
// Computes the result type from the argument types; may reject them (e.g. wrong count).
using ReturnTypeFn = Result<LogicalType> (*)(std::span<const LogicalType> arg_types);
// Refines the result type from arguments that are constants: ROUND(x, 2) has scale 2, NOW(3) has
// fsp 3, DATE_ADD(d, 1, 'HOUR') is DATETIME, STR_TO_DATE(s, '%Y-%m-%d') is DATE.
// constants[i] is argument i's value when it is a constant, nullptr otherwise.
using RefineTypeFn = Result<LogicalType> (*)(std::span<const LogicalType> arg_types,
                                             std::span<const Value* const> constants);

struct ScalarFunction {
  const char* name;  // lower case
  int min_args;
  int max_args;  // -1 = variadic
  ReturnTypeFn return_type;
  ScalarEvalFn eval;
  bool null_propagating;
  bool deterministic;        // false for NOW(), RAND(), UUID(): never constant-folded
  RefineTypeFn refine_type;  // nullptr: return_type is the whole story
  // Every argument is a vector: the binder parses string constants into VECTOR constants once,
  // so a row never re-parses the query vector.
  bool vector_args = false;
};

// nullptr if no scalar function has that name.
//
// Special syntax arrives as ordinary calls (docs/functions.md lists every function):
//   TRIM(s) / TRIM(r FROM s)              trim [s] / [s, r]
//   TRIM(LEADING|TRAILING|BOTH [r] FROM s) trim_leading / trim_trailing / trim_both [s] or [s, r]
//   SUBSTRING(s FROM a FOR b)             substring [s, a, b];  POSITION(a IN b)  position [a, b]
//   CONVERT(x USING cs)                   convert_using [x, 'cs']
//   DATE_ADD/DATE_SUB(d, INTERVAL n unit) date_add / date_sub [d, n, 'UNIT'] (also adddate /
//                                         subdate, which take [d, days] too)
//   TIMESTAMPADD(unit, n, d)              timestampadd ['UNIT', n, d]
//   TIMESTAMPDIFF(unit, a, b)             timestampdiff ['UNIT', a, b]
//   EXTRACT(unit FROM x)                  extract ['UNIT', x]
//   a -> '$.p' / a ->> '$.p'              json_extract [a, p] / json_unquote(json_extract [a, p])
//   a REGEXP p                            regexp [a, p] (or RegexpMatch below)
// Units are MySQL's names (DAY, HOUR_MINUTE, ...; SQL_TSI_ prefixes accepted), any case.
const ScalarFunction* FindScalarFunction(std::string_view name);

// The result type of a call: function.refine_type when it has one (constants may be empty or
// hold nullptrs), else function.return_type. The binder calls this rather than return_type.
Result<LogicalType> ResolveReturnType(const ScalarFunction& function,
                                      std::span<const LogicalType> arg_types,
                                      std::span<const Value* const> constants);

// MySQL's type aggregation for expressions whose result is one of several operands (IF,
// COALESCE, GREATEST, CASE, UNION columns): NULL types are ignored; integers widen to BIGINT
// (UNSIGNED only if all are); exact mixes -> DECIMAL wide enough for all; any FLOAT/DOUBLE with
// numbers -> DOUBLE; temporals of one kind keep it (DATE with DATETIME -> DATETIME, max fsp);
// all JSON -> JSON; anything else -> VARCHAR (VARBINARY if any operand is binary), LONGTEXT when
// longer than a VARCHAR can report. All NULL -> the NULL type.
LogicalType UnifyResultTypes(std::span<const LogicalType> types);

// The state of one aggregate over one group.
class AggregateState {
 public:
  virtual ~AggregateState() = default;
  // Adds one row's argument values (NULLs included; the aggregate decides).
  virtual Status Update(std::span<const Value> args) = 0;
  virtual Result<Value> Finalize() = 0;
};

struct AggregateOptions;
using AggregateFactoryFn = std::unique_ptr<AggregateState> (*)(
    std::span<const LogicalType> arg_types, const LogicalType& result_type,
    const AggregateOptions& options);

struct AggregateFunction {
  const char* name;  // count, sum, avg, min, max, group_concat, bit_and, bit_or, bit_xor,
                     // std, stddev, stddev_pop, stddev_samp, variance, var_pop, var_samp,
                     // any_value, json_arrayagg, json_objectagg
  int min_args;
  int max_args;
  ReturnTypeFn return_type;
  AggregateFactoryFn create;  // use CreateAggregateState, which also applies DISTINCT
};

struct AggregateOptions {
  bool star = false;            // COUNT(*)
  bool distinct = false;        // applied by the state (it keeps the set of seen argument tuples)
  std::string separator = ",";  // GROUP_CONCAT
  int64_t group_concat_max_len = 1024;
};

const AggregateFunction* FindAggregateFunction(std::string_view name);
std::unique_ptr<AggregateState> CreateAggregateState(const AggregateFunction& function,
                                                     std::span<const LogicalType> arg_types,
                                                     const LogicalType& result_type,
                                                     const AggregateOptions& options);

// Arithmetic operators (+ - * / DIV %), MySQL rules: integer op integer -> BIGINT (UNSIGNED if
// either is unsigned, for + - *), overflow -> kDataOutOfRange (1690 "BIGINT value is out of
// range in '(a + b)'"); any DECIMAL (or exact literal) -> DECIMAL with MySQL's precision/scale
// rules; any FLOAT/DOUBLE or string -> DOUBLE; `/` -> DECIMAL with scale + div_precision_increment
// for exact operands, DOUBLE otherwise; division or modulo by zero -> NULL. Temporals are treated
// as numbers (20240102). Vector operands (+ - *) are element-wise (tidb-vector-spec §2.4).
enum class ArithmeticOp : uint8_t { kAdd, kSub, kMul, kDiv, kIntDiv, kMod };

Result<LogicalType> ArithmeticResultType(ArithmeticOp op, const LogicalType& left,
                                         const LogicalType& right, int div_precision_increment = 4);
// A NULL operand gives NULL. Overflow messages render the operands generically, as the
// evaluator has no source text: '(9223372036854775807 + 1)'.
Result<Value> EvaluateArithmetic(ArithmeticOp op, const Value& left, const LogicalType& left_type,
                                 const Value& right, const LogicalType& right_type,
                                 const LogicalType& result_type, FunctionContext& context);
// -x: integers (signed or unsigned) give a signed int64 Value, error 1690 outside its range;
// DECIMAL and DOUBLE keep their kind; temporals and strings negate their numeric forms.
Result<Value> EvaluateNegate(const Value& value, const LogicalType& type);

// LIKE with MySQL semantics over utf8mb4 code points: % and _ wildcards, escape character
// (default '\\'); case-sensitive for utf8mb4_bin and binary strings.
bool LikeMatch(std::string_view text, std::string_view pattern, char32_t escape);

// REGEXP / REGEXP_LIKE on PCRE2 (UTF + Unicode properties; the ICU syntax clients use). Flags:
// c (case-sensitive, default), i, m (multi-line), n (dot matches newline), u. Bad patterns and
// flags are MySQL's 3688/3691/3696/3900 errors.
Result<bool> RegexpMatch(std::string_view text, std::string_view pattern, std::string_view flags);

}  // namespace vexdb

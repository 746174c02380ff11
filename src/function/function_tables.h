#pragma once

// The registry tables, one per function family (internal to function/). Each family file
// defines its table; registry.cc indexes them all by name.

#include <span>

#include "function/function.h"

namespace vexdb {

std::span<const ScalarFunction> StringFunctions();    // string_functions.cc
std::span<const ScalarFunction> CodecFunctions();     // codec_functions.cc (hex, base64, hashes)
std::span<const ScalarFunction> NumericFunctions();   // numeric_functions.cc
std::span<const ScalarFunction> DatetimeFunctions();  // datetime_functions.cc
std::span<const ScalarFunction> ControlFunctions();   // control_functions.cc
std::span<const ScalarFunction> InfoFunctions();      // info_functions.cc
std::span<const ScalarFunction> JsonFunctions();      // json_functions.cc
std::span<const ScalarFunction> RegexpFunctions();    // regexp.cc
std::span<const ScalarFunction> VectorFunctions();    // vector_functions.cc
std::span<const AggregateFunction> AggregateFunctions();  // aggregates.cc

}  // namespace vexdb

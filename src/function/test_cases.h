#pragma once

// Table-driven test cases for scalar functions: name, typed arguments, expected text.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "function/function_test_util.h"

namespace vexdb::testing {

struct Case {
  const char* name;
  std::vector<Arg> args;
  const char* expected;
};

inline void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string args;
    for (const Arg& a : c.args) {
      args += (args.empty() ? "" : ", ") +
              (a.value.is_null() ? std::string("NULL") : FormatValue(a.value, a.type));
    }
    EXPECT_EQ(Call(c.name, c.args), c.expected) << c.name << "(" << args << ")";
  }
}

}  // namespace vexdb::testing

#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::D;
using testing::F;
using testing::I;
using testing::J;
using testing::N;
using testing::RunCases;
using testing::S;

TEST(JsonFunctionsTest, ExtractAndUnquote) {
  RunCases({
      {"json_extract", {S("[10, 20, [30, 40]]"), S("$[1]")}, "20"},
      {"json_extract", {S("[10, 20, [30, 40]]"), S("$[1]"), S("$[0]")}, "[20, 10]"},
      {"json_extract", {S("[10, 20, [30, 40]]"), S("$[2][*]")}, "[30, 40]"},
      {"json_extract", {J("{\"a\": {\"b\": 1}}"), S("$.a")}, "{\"b\": 1}"},
      {"json_extract", {J("{\"a b\": 1}"), S("$.\"a b\"")}, "1"},
      {"json_extract", {J("{\"a\": 1}"), S("$.b")}, "NULL"},
      {"json_extract", {J("{\"a\": \"x\"}"), S("$.a")}, "\"x\""},
      {"json_extract", {J("[1, 2, 3]"), S("$[last]")}, "3"},
      {"json_extract", {J("[1, 2, 3]"), S("$[last-1]")}, "2"},
      {"json_extract", {J("5"), S("$[0]")}, "5"},
      {"json_extract", {J("{\"a\": [1, {\"b\": 2}], \"c\": {\"b\": 3}}"), S("$**.b")}, "[2, 3]"},
      {"json_extract", {J("{\"a\": 1, \"b\": 2}"), S("$.*")}, "[1, 2]"},
      {"json_extract", {J("{\"a\": null}"), S("$.a")}, "null"},
      {"json_extract", {N(), S("$.a")}, "NULL"},
      {"json_extract",
       {S("{bad"), S("$.a")},
       "ERROR 3140: Invalid JSON text: \"Invalid value.\" at position 1."},
      {"json_extract",
       {J("{}"), S("a")},
       "ERROR 3143: Invalid JSON path expression. The error is around character position 0."},
      {"json_unquote", {S("\"abc\"")}, "abc"},
      {"json_unquote", {S("\"\\t\\u0032\"")}, "\t2"},
      {"json_unquote", {S("abc")}, "abc"},
      {"json_unquote", {S("[1, 2]")}, "[1, 2]"},
      {"json_quote", {S("a\"b")}, "\"a\\\"b\""},
  });
}

TEST(JsonFunctionsTest, Construct) {
  RunCases({
      {"json_object",
       {S("id"), I(87), S("name"), S("carrot")},
       "{\"id\": 87, \"name\": \"carrot\"}"},
      {"json_object", {S("b"), I(1), S("a"), I(2)}, "{\"a\": 2, \"b\": 1}"},
      {"json_object", {}, "{}"},
      {"json_object", {S("a"), N()}, "{\"a\": null}"},
      {"json_object", {S("a"), J("[1,2]")}, "{\"a\": [1, 2]}"},
      {"json_object", {S("a"), D("2.50"), S("b"), F(1.0)}, "{\"a\": 2.5, \"b\": 1.0}"},
      {"json_object", {N(), I(1)}, "ERROR 3158: JSON documents may not contain NULL member names."},
      {"json_object",
       {S("a")},
       "ERROR 1582: Incorrect parameter count in the call to native function 'json_object'"},
      {"json_array", {I(1), S("abc"), N(), J("true")}, "[1, \"abc\", null, true]"},
      {"json_array", {S("日本😀")}, "[\"日本😀\"]"},
      {"json_array", {}, "[]"},
  });
}

TEST(JsonFunctionsTest, Inspect) {
  RunCases({
      {"json_valid", {S("{\"a\": 1}")}, "1"},
      {"json_valid", {S("hello")}, "0"},
      {"json_valid", {N()}, "NULL"},
      {"json_type", {S("[1, 2]")}, "ARRAY"},
      {"json_type", {S("{}")}, "OBJECT"},
      {"json_type", {S("\"a\"")}, "STRING"},
      {"json_type", {S("1")}, "INTEGER"},
      {"json_type", {S("1.5")}, "DOUBLE"},
      {"json_type", {S("true")}, "BOOLEAN"},
      {"json_type", {S("null")}, "NULL"},
      {"json_length", {S("[1, 2, {\"a\": 3}]")}, "3"},
      {"json_length", {S("{\"a\": 1, \"b\": {\"c\": 30}}")}, "2"},
      {"json_length", {S("{\"a\": 1, \"b\": {\"c\": 30}}"), S("$.b")}, "1"},
      {"json_length", {S("{\"a\": 1}"), S("$.z")}, "NULL"},
      {"json_length", {S("7")}, "1"},
      {"json_depth", {S("[10, {\"a\": 20}]")}, "3"},
      {"json_keys", {S("{\"a\": 1, \"b\": {\"c\": 30}}")}, "[\"a\", \"b\"]"},
      {"json_keys", {S("{\"a\": 1, \"b\": {\"c\": 30}}"), S("$.b")}, "[\"c\"]"},
      {"json_keys", {S("[1]")}, "NULL"},
      {"json_contains", {S("{\"a\": 1, \"b\": 2, \"c\": {\"d\": 4}}"), S("1"), S("$.a")}, "1"},
      {"json_contains", {S("{\"a\": 1, \"b\": 2, \"c\": {\"d\": 4}}"), S("1"), S("$.b")}, "0"},
      {"json_contains",
       {S("{\"a\": 1, \"b\": 2, \"c\": {\"d\": 4}}"), S("{\"d\": 4}"), S("$.c")},
       "1"},
      {"json_contains", {S("[1, 2, [3, 4]]"), S("[1, 3]")}, "1"},
      {"json_contains", {S("[1, 2, [3, 4]]"), S("5")}, "0"},
      {"json_contains", {S("[1.0, 2]"), S("1")}, "1"},
      {"json_contains_path", {S("{\"a\": 1, \"b\": 2}"), S("one"), S("$.a"), S("$.e")}, "1"},
      {"json_contains_path", {S("{\"a\": 1, \"b\": 2}"), S("all"), S("$.a"), S("$.e")}, "0"},
  });
}

TEST(JsonFunctionsTest, Modify) {
  const char* doc = "{ \"a\": 1, \"b\": [2, 3]}";
  RunCases({
      {"json_set",
       {S(doc), S("$.a"), I(10), S("$.c"), S("[true, false]")},
       "{\"a\": 10, \"b\": [2, 3], \"c\": \"[true, false]\"}"},
      {"json_insert",
       {S(doc), S("$.a"), I(10), S("$.c"), J("[true, false]")},
       "{\"a\": 1, \"b\": [2, 3], \"c\": [true, false]}"},
      {"json_replace", {S(doc), S("$.a"), I(10), S("$.c"), S("x")}, "{\"a\": 10, \"b\": [2, 3]}"},
      {"json_set", {S(doc), S("$.b[5]"), I(4)}, "{\"a\": 1, \"b\": [2, 3, 4]}"},
      {"json_set", {S(doc), S("$.b[0]"), I(9)}, "{\"a\": 1, \"b\": [9, 3]}"},
      {"json_insert", {S(doc), S("$.a[1]"), I(2)}, "{\"a\": [1, 2], \"b\": [2, 3]}"},
      {"json_set", {S(doc), S("$.x.y"), I(1)}, "{\"a\": 1, \"b\": [2, 3]}"},
      {"json_set", {S(doc), S("$"), I(1)}, "1"},
      {"json_set", {N(), S("$.a"), I(1)}, "NULL"},
      {"json_remove", {S("[\"a\", [\"b\", \"c\"], \"d\"]"), S("$[1]")}, "[\"a\", \"d\"]"},
      {"json_remove", {S(doc), S("$.a")}, "{\"b\": [2, 3]}"},
      {"json_remove", {S(doc), S("$.zz")}, "{\"a\": 1, \"b\": [2, 3]}"},
      {"json_array_append",
       {S("[\"a\", [\"b\", \"c\"], \"d\"]"), S("$[1]"), I(1)},
       "[\"a\", [\"b\", \"c\", 1], \"d\"]"},
      {"json_array_append", {S("{\"a\": 1}"), S("$.a"), I(2)}, "{\"a\": [1, 2]}"},
      {"json_merge_patch",
       {S("{\"a\": 1, \"b\": 2}"), S("{\"b\": null, \"c\": 3}")},
       "{\"a\": 1, \"c\": 3}"},
      {"json_merge_preserve", {S("[1, 2]"), S("{\"id\": 47}")}, "[1, 2, {\"id\": 47}]"},
      {"json_merge_preserve", {S("{\"a\": 1}"), S("{\"a\": 2}")}, "{\"a\": [1, 2]}"},
  });
}

}  // namespace
}  // namespace vexdb

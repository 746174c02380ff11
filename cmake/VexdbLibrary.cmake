# vexdb_library(<layer> DEPS <targets...>)
#
# Builds every *.cc in the calling folder except *_test.cc into the static library vexdb_<layer>,
# with src/ as the include root (#include "common/status.h"). Every *_test.cc in the folder
# becomes one gtest binary vexdb_<layer>_test registered with ctest.
function(vexdb_library layer)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(tests)
    list(REMOVE_ITEM sources ${tests})
  endif()
  set(target vexdb_${layer})
  if(NOT sources)
    # A layer whose code has not landed yet: headers only.
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC ${ARG_DEPS})
  if(VEXDB_BUILD_TESTS AND tests)
    add_executable(${target}_test ${tests})
    target_link_libraries(${target}_test PRIVATE ${target} ${ARG_TEST_DEPS} GTest::gtest_main GTest::gmock)
    # Every unit test runs in well under a second; the timeout stops one that hangs or has gone
    # quadratic (robustness_test.cc relies on it) instead of stalling the whole run.
    gtest_discover_tests(${target}_test DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)
  endif()
endfunction()

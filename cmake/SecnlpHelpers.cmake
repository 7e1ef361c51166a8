# secnlp_add_library(NAME SOURCES a.cpp ... DEPS target ...)
#   A static library with the project's options; DEPS are linked PUBLIC. With libtorch, the
#   libraries are position-independent, because the model commands' shared library
#   (tools/models_cli) and the Python extension (python/) link them; -fno-semantic-interposition keeps -fPIC code as fast as the
#   default -fPIE (no symbol of ours is ever interposed).
function(secnlp_add_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SOURCES})
  target_link_libraries(${name} PUBLIC secnlp_options ${A_DEPS})
  if(SECNLP_WITH_TORCH OR SECNLP_BUILD_PYTHON)
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_compile_options(${name} PRIVATE -fno-semantic-interposition)
  endif()
endfunction()

# secnlp_add_test(NAME SOURCES a_test.cpp ... DEPS target ... [LABEL unit|corpus])
#   A GoogleTest executable whose cases are registered with ctest under LABEL (default: unit).
#   Corpus tests skip with a message (GTEST_SKIP) when ../shared/data is absent; ctest reports
#   them as skipped, not passed.
function(secnlp_add_test name)
  cmake_parse_arguments(A "" "LABEL" "SOURCES;DEPS" ${ARGN})
  if(NOT A_LABEL)
    set(A_LABEL unit)
  endif()
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE secnlp_test_support ${A_DEPS} GTest::gtest_main)
  gtest_discover_tests(${name}
    PROPERTIES LABELS ${A_LABEL} SKIP_REGULAR_EXPRESSION "\\[  SKIPPED \\]"
    DISCOVERY_TIMEOUT 120)
endfunction()

# secnlp_add_modules(PREFIX)
#   add_subdirectory() for every child folder that has a CMakeLists.txt. During development,
#   -DSECNLP_ONLY_MODULES="nlp/html;corpora/resources" restricts the build to those folders (and
#   the folders they need), so one module can be built while another is half-written.
function(secnlp_add_modules)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${PROJECT_SOURCE_DIR}
       ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child ${children})
    if(NOT EXISTS ${PROJECT_SOURCE_DIR}/${child}/CMakeLists.txt)
      continue()
    endif()
    if(SECNLP_ONLY_MODULES)
      string(REGEX REPLACE "^tests/" "" module ${child})
      if(NOT module IN_LIST SECNLP_ONLY_MODULES)
        continue()
      endif()
    endif()
    add_subdirectory(${PROJECT_SOURCE_DIR}/${child} ${PROJECT_BINARY_DIR}/${child})
  endforeach()
endfunction()

# Scale-out (issue 21): --shard K/N, and runs spread over MPI ranks. Included from
# pipeline/CMakeLists.txt. secnlp never links MPI: the MPI calls live in libsecnlp_mpi.so, a
# module built beside secnlp when CMake finds MPI and loaded (dlopen) only under mpirun.
secnlp_add_library(secnlp_distributed
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/shard.cpp ${CMAKE_CURRENT_LIST_DIR}/cluster.cpp
          ${CMAKE_CURRENT_LIST_DIR}/work_handout.cpp
  DEPS secnlp_common PkgConfig::FMT Threads::Threads ${CMAKE_DL_LIBS})

# Not in sanitized or fuzz builds: Open MPI is not instrumented and reports its own allocations
# as leaks at exit; the MPI tests skip there.
if(NOT SECNLP_SANITIZE AND NOT SECNLP_FUZZ)
  find_package(MPI QUIET COMPONENTS C)
endif()
if(MPI_C_FOUND)
  add_library(secnlp_mpi MODULE ${CMAKE_CURRENT_LIST_DIR}/mpi_module.cpp)
  target_link_libraries(secnlp_mpi PRIVATE secnlp_options MPI::MPI_C)
  # The C API only: Open MPI's mpi.h would otherwise pull in its C++ bindings from C++ code.
  target_compile_definitions(secnlp_mpi PRIVATE OMPI_SKIP_MPICXX MPICH_SKIP_MPICXX)
  # Beside secnlp, where cluster() looks for it.
  set_target_properties(secnlp_mpi PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tools CXX_VISIBILITY_PRESET hidden)
  target_link_options(secnlp_mpi PRIVATE -Wl,--no-undefined)
  message(STATUS "MPI found: building libsecnlp_mpi.so (mpirun -n N secnlp process ...)")
else()
  message(STATUS "MPI not found (or sanitized build): secnlp runs without mpirun support")
endif()

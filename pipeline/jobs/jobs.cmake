# Scheduled jobs (`secnlp run JOB.toml`): job files, the database run lock, the job runner.
# Included from pipeline/CMakeLists.txt with include(jobs/jobs.cmake).
secnlp_add_library(secnlp_jobs
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/job_file.cpp ${CMAKE_CURRENT_LIST_DIR}/run_lock.cpp
          ${CMAKE_CURRENT_LIST_DIR}/job_runner.cpp
  DEPS secnlp_pipeline secnlp_similarity secnlp_store secnlp_corpora_inputs secnlp_common
       PkgConfig::TOMLPP PkgConfig::FMT)

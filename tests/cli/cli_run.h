#pragma once
// Running the secnlp binary from a test: the command line through the shell, stdout and stderr
// captured into files of `dir`, stdin closed. SECNLP_BINARY is the binary's path (a compile
// definition of each CLI test target).

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/test_data.h"

namespace secnlp::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `secnlp ARGS` (ARGS as a shell would split them); `env`, if given, is put before the
// command, e.g. "LD_DEBUG=libs".
inline CliResult run_cli(const std::string& args, const std::filesystem::path& dir,
                         const std::string& env = "") {
  const std::filesystem::path out = dir / "stdout.txt";
  const std::filesystem::path err = dir / "stderr.txt";
  const std::string command = (env.empty() ? "" : env + " ") + std::string(SECNLP_BINARY) + " " +
                              args + " >" + out.string() + " 2>" + err.string() + " </dev/null";
  const int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace secnlp::testing

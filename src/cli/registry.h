// cli: subcommands register themselves, so adding one is adding one file:
//   static const CommandRegistration reg("", "ingest", add_ingest);        // sitrep ingest
//   static const CommandRegistration reg("eval", "clean", add_eval_clean); // sitrep eval clean
// Exit codes: 0 all good, 1 fatal error, 2 usage error, 3 finished with some input rejected.
#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sitrep::cli {

enum ExitCode { kOk = 0, kFatal = 1, kUsage = 2, kSomeRejected = 3 };

// Adds the subcommand to `parent` and arranges for its callback to set exit_code.
using AddCommand = void (*)(CLI::App& parent, int& exit_code);

struct CommandRegistration {
  CommandRegistration(const char* group, const char* name, AddCommand add);
};

struct RegisteredCommand {
  std::string group, name;
  AddCommand add;
};
std::vector<RegisteredCommand>& registered_commands();

}  // namespace sitrep::cli

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "cli/registry.h"

namespace sitrep::cli {

std::vector<RegisteredCommand>& registered_commands() {
  static std::vector<RegisteredCommand> all;
  return all;
}

CommandRegistration::CommandRegistration(const char* group, const char* name, AddCommand add) {
  registered_commands().push_back({group, name, add});
}

}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  CLI::App app{"sitrep: raw news in, coded political events out"};
  app.require_subcommand(1);
  app.footer("Exit codes: 0 all good, 1 fatal error, 2 usage error, 3 finished with some input rejected.");
  int exit_code = kOk;
  auto cmds = registered_commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) {
    return std::tie(a.group, a.name) < std::tie(b.group, b.name);
  });
  std::map<std::string, CLI::App*> groups;
  for (const auto& c : cmds) {
    if (c.group.empty()) continue;
    if (!groups.count(c.group)) {
      const char* about = c.group == "eval" ? "Score sitrep against a dataset"
                          : c.group == "kb" ? "The knowledge base: look up a name on a date, check data/kb, import PETRARCH dictionaries"
                                            : c.group.c_str();
      CLI::App* g = app.add_subcommand(c.group, about);
      g->require_subcommand(1);
      groups[c.group] = g;
    }
  }
  for (const auto& c : cmds) c.add(c.group.empty() ? app : *groups[c.group], exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int r = app.exit(e);
    return r == 0 ? kOk : kUsage;
  } catch (const std::invalid_argument& e) {  // a malformed argument found only when it was used
    std::cerr << "sitrep: " << e.what() << "\n";
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "sitrep: fatal: " << e.what() << "\n";
    return kFatal;
  }
  return exit_code;
}

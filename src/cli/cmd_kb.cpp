// sitrep kb check | lookup | import-petrarch: the knowledge base's own commands.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "cli/registry.h"
#include "kb/describe.h"
#include "kb/kb.h"
#include "kb/petrarch.h"
#include "kb/source.h"

namespace sitrep::cli {
namespace {

std::string default_data_dir() { return std::string(SITREP_SOURCE_DIR) + "/data/kb"; }

void add_kb_check(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("check", "Check data/kb: duplicate ids, unknown codes, overlapping roles");
  auto data = std::make_shared<std::string>(default_data_dir());
  auto iso = std::make_shared<std::string>("/usr/share/iso-codes/json");
  auto cities = std::make_shared<std::string>();
  cmd->add_option("--data", *data, "The KB data folder")->capture_default_str();
  cmd->add_option("--iso", *iso, "Debian iso-codes JSON folder")->capture_default_str();
  cmd->add_option("--cities", *cities, "GeoNames cities1000.txt (optional)");
  cmd->callback([=, &exit_code] {
    kb::SourcePaths paths{*data, *iso, *cities};
    auto src = kb::read_source(paths);
    int errors = 0, warnings = 0;
    for (const auto& e : kb::check_source(src)) {
      bool warn = e.severity == Severity::Warning;
      // Without --cities the missing-cities warning is expected, not news.
      if (warn && cities->empty() && e.message.find("GeoNames") != std::string::npos) continue;
      (warn ? warnings : errors)++;
      std::cout << (warn ? "warning: " : "error: ") << e.where() << ": " << e.message << "\n";
    }
    std::cout << src.countries.size() << " countries, " << src.people.size() << " people, " << src.roles.size()
              << " roles, " << src.orgs.size() << " organizations, " << src.agents.size() << " agents, "
              << src.authored_places << " authored places: " << errors << " errors, " << warnings << " warnings\n";
    exit_code = errors ? kFatal : kOk;
  });
}

void add_kb_lookup(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("lookup", "What the KB knows about a name on a date");
  auto name = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  cmd->add_option("name", *name, "A name, alias, title phrase or place")->required();
  cmd->add_option("--date", *date, "The date to resolve roles on (YYYY-MM-DD); default: today's office holders");
  cmd->add_option("--kb", *kb_path, "kb.bin (default: $SITREP_KB, else next to the executable)")->capture_default_str();
  cmd->callback([=, &exit_code] {
    int day = kb::kNoDate;
    if (!date->empty() && !kb::parse_day(*date, day)) {
      std::cerr << "sitrep: --date: not a date: " << *date << "\n";
      exit_code = kUsage;
      return;
    }
    auto loaded = kb::Kb::open(*kb_path);
    if (!loaded) {
      std::cerr << "sitrep: " << loaded.error().where() << ": " << loaded.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    exit_code = kb::print_lookup(*loaded.value(), *name, day, std::cout) ? kOk : kSomeRejected;
  });
}

void add_kb_import(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("import-petrarch",
                                    "Convert PETRARCH/Phoenix actor and agent dictionaries into data/kb TSV tables");
  auto files = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>();
  auto prefix = std::make_shared<std::string>("petrarch");
  cmd->add_option("files", *files, "Dictionary files (*.actors.txt, *agents.txt)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out", *out, "Folder to write people-, roles-, orgs- and agents-<prefix>.tsv into")->required();
  cmd->add_option("--prefix", *prefix, "Suffix of the written table names")->capture_default_str();
  cmd->callback([=, &exit_code] {
    kb::PetrarchImport imp;
    for (const auto& f : *files) {
      auto r = kb::read_petrarch_file(f, imp);
      if (!r) {
        std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
        exit_code = kFatal;
        return;
      }
    }
    std::filesystem::create_directories(*out);
    auto written = kb::write_petrarch_tables(imp, *out, *prefix);
    if (!written) {
      std::cerr << "sitrep: " << written.error().where() << ": " << written.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    std::cout << imp.people.size() << " people, " << imp.roles.size() << " roles, " << imp.orgs.size()
              << " organizations, " << imp.agents.size() << " agents, " << imp.skipped << " entries skipped -> " << *out
              << "\n";
    exit_code = kOk;
  });
}

const CommandRegistration reg_check("kb", "check", add_kb_check);
const CommandRegistration reg_lookup("kb", "lookup", add_kb_lookup);
const CommandRegistration reg_import("kb", "import-petrarch", add_kb_import);

}  // namespace
}  // namespace sitrep::cli

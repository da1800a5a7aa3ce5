// sitrep export --format gdelt-events|gdelt-mentions|jsonl|csv [filters] [-o FILE]
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "cli/event_filter_flags.h"
#include "cli/open_store.h"
#include "cli/registry.h"
#include "out/export.h"

namespace sitrep::cli {
namespace {

void add_export(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("export", "Fused events as GDELT 2.0 Events/Mentions TSV, JSONL or CSV");
  auto f = std::make_shared<EventFilter>();
  f->limit = 100000000;
  auto db = std::make_shared<std::string>("sitrep.db");
  auto format = std::make_shared<std::string>("jsonl");
  auto output = std::make_shared<std::string>("-");
  add_event_filter_flags(cmd, *f);
  cmd->add_option("--db", *db, "SQLite store")->capture_default_str();
  cmd->add_option("--format", *format, "gdelt-events, gdelt-mentions, jsonl or csv")
      ->check(CLI::IsMember({"gdelt-events", "gdelt-mentions", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", *output, "Output file (- for stdout)")->capture_default_str();
  cmd->callback([=, &exit_code] {
    auto st = open_existing_store(*db);
    if (!st) {
      exit_code = kFatal;
      return;
    }
    std::ofstream file;
    if (*output != "-") {
      file.open(*output, std::ios::binary);
      if (!file) {
        std::cerr << "sitrep: " << *output << ": cannot write\n";
        exit_code = kFatal;
        return;
      }
    }
    std::ostream& out = *output == "-" ? std::cout : file;
    if (*format == "gdelt-events") export_gdelt_events(st->handle(), *f, out);
    else if (*format == "gdelt-mentions") export_gdelt_mentions(st->handle(), *f, out);
    else if (*format == "csv") export_events_csv(st->handle(), *f, out);
    else export_events_jsonl(st->handle(), *f, out);
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "export", add_export);

}  // namespace
}  // namespace sitrep::cli

// sitrep report [filters] --db FILE -o report.html: the situation report as one HTML file.
#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

#include "cli/event_filter_flags.h"
#include "cli/open_store.h"
#include "cli/registry.h"
#include "out/report.h"

namespace sitrep::cli {
namespace {

std::string utc_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

void add_report(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("report", "Write a self-contained HTML situation report of the matching events");
  auto f = std::make_shared<EventFilter>();
  auto db = std::make_shared<std::string>("sitrep.db");
  auto output = std::make_shared<std::string>("report.html");
  auto title = std::make_shared<std::string>("Situation report");
  add_event_filter_flags(cmd, *f);
  cmd->add_option("--db", *db, "SQLite store")->capture_default_str();
  cmd->add_option("-o,--output", *output, "HTML file to write")->capture_default_str();
  cmd->add_option("--title", *title, "Report title")->capture_default_str();
  cmd->callback([=, &exit_code] {
    auto st = open_existing_store(*db);
    if (!st) {
      exit_code = kFatal;
      return;
    }
    ReportData data;
    try {
      data = collect_report(st->handle(), *f);
    } catch (const std::exception& e) {
      std::cerr << "sitrep: " << *db << ": " << e.what() << "\n";
      exit_code = kFatal;
      return;
    }
    data.title = *title;
    data.generated = utc_now();
    std::ofstream out(*output, std::ios::binary);
    out << render_report(data);
    out.close();
    if (!out) {
      std::cerr << "sitrep: " << *output << ": cannot write\n";
      exit_code = kFatal;
      return;
    }
    std::cout << "wrote " << *output << ": " << data.events.size() << " events"
              << (data.truncated ? " (limit reached)" : "") << "\n";
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "report", add_report);

}  // namespace
}  // namespace sitrep::cli

// sitrep query [filters]: fused events as a table or JSONL.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/event_filter_flags.h"
#include "cli/open_store.h"
#include "cli/registry.h"
#include "out/export.h"

namespace sitrep::cli {
namespace {

std::string cut(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(0, n - 3) + "..."; }

void add_query(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("query", "Find fused events by actor, code, date, place, outlet or text");
  auto f = std::make_shared<EventFilter>();
  auto db = std::make_shared<std::string>("sitrep.db");
  auto format = std::make_shared<std::string>("table");
  add_event_filter_flags(cmd, *f);
  cmd->add_option("--db", *db, "SQLite store")->capture_default_str();
  cmd->add_option("--format", *format, "table or jsonl")->check(CLI::IsMember({"table", "jsonl"}))->capture_default_str();
  cmd->callback([=, &exit_code] {
    auto st = open_existing_store(*db);
    if (!st) {
      exit_code = kFatal;
      return;
    }
    if (*format == "jsonl") {
      export_events_jsonl(st->handle(), *f, std::cout);
    } else {
      auto rows = query_events(st->handle(), *f);
      std::printf("%-10s  %-8s %-8s %-5s %-9s %3s %3s  %s\n", "date", "source", "target", "cameo", "plover", "men",
                  "src", "evidence");
      for (const auto& e : rows)
        std::printf("%-10s  %-8s %-8s %-5s %-9s %3lld %3lld  %s\n", e.date.empty() ? "?" : e.date.c_str(),
                    e.source_code.c_str(), e.target_code.c_str(), e.cameo.c_str(), e.plover.c_str(),
                    static_cast<long long>(e.num_mentions), static_cast<long long>(e.num_sources),
                    cut(e.evidence, 90).c_str());
      std::printf("%zu events\n", rows.size());
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "query", add_query);

}  // namespace
}  // namespace sitrep::cli

// sitrep timeline (--story ID | --actor A --actor B | other filters): events in date order with
// the outlets that reported them, in the terminal.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <set>

#include "cli/event_filter_flags.h"
#include "cli/open_store.h"
#include "cli/registry.h"
#include "cli/timeline_view.h"

namespace sitrep::cli {
namespace {

void add_timeline(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("timeline", "A story or an actor pair, event by event in date order");
  auto f = std::make_shared<EventFilter>();
  auto db = std::make_shared<std::string>("sitrep.db");
  add_event_filter_flags(cmd, *f);
  cmd->add_option("--db", *db, "SQLite store")->capture_default_str();
  cmd->callback([=, &exit_code] {
    auto st = open_existing_store(*db);
    if (!st) {
      exit_code = kFatal;
      return;
    }
    if (!f->story.empty())
      for (const auto& s : query_stories(st->handle()))
        if (s.id == f->story) std::cout << s.label << "\n\n";
    auto rows = timeline_events(st->handle(), *f);
    print_timeline(st->handle(), rows, std::cout);
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "timeline", add_timeline);

}  // namespace
}  // namespace sitrep::cli

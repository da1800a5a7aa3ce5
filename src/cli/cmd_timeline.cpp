// sitrep timeline (--story ID | --actor A --actor B | other filters): events in date order with
// the outlets that reported them, in the terminal.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <set>

#include "cli/event_filter_flags.h"
#include "cli/open_store.h"
#include "cli/registry.h"

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
        if (s.id == f->story) std::printf("%s\n\n", s.label.c_str());
    auto rows = timeline_events(st->handle(), *f);
    for (const auto& e : rows) {
      std::set<std::string> outlets;
      for (const auto& m : mentions_of(st->handle(), e.id)) outlets.insert(m.outlet.empty() ? m.doc_id : m.outlet);
      std::string who = e.source_name.empty() ? e.source_code : e.source_name;
      std::string whom = e.target_name.empty() ? e.target_code : e.target_name;
      std::printf("%-10s  %s %s -> %s  [%s %s%s%s]\n", e.date.empty() ? "?" : e.date.c_str(),
                  e.plover.c_str(), who.c_str(), whom.c_str(), e.cameo.c_str(), e.plover_mode.c_str(),
                  e.location_name.empty() ? "" : ", ", e.location_name.c_str());
      std::string srcs;
      for (const auto& o : outlets) srcs += (srcs.empty() ? "" : ", ") + o;
      std::printf("            %lld mention(s), %lld source(s): %s\n            \"%s\"\n",
                  static_cast<long long>(e.num_mentions), static_cast<long long>(e.num_sources), srcs.c_str(),
                  e.evidence.c_str());
    }
    if (rows.empty()) std::printf("no events match\n");
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "timeline", add_timeline);

}  // namespace
}  // namespace sitrep::cli

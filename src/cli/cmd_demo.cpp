// sitrep demo [--db FILE] [PATH...]: the main job on the bundled examples, showing the
// furthest stage that works: documents, events, stories with their timelines, the HTML report.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/code_run.h"
#include "cli/ingest_run.h"
#include "cli/timeline_view.h"
#include "out/report.h"
#include "store/event_query.h"
#include "cli/registry.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

void add_demo(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("demo", "Ingest the bundled examples into a store and show what sitrep found");
  auto args = std::make_shared<IngestArgs>();
  args->db = "demo.db";
  cmd->add_option("paths", args->paths, "Inputs (default: examples/)");
  cmd->add_option("--db", args->db, "SQLite store")->capture_default_str();
  cmd->callback([args, &exit_code] {
    if (args->paths.empty()) args->paths.push_back(std::string(SITREP_SOURCE_DIR) + "/examples");
    args->quiet = false;
    std::cout << "== 1. ingest: read -> clean -> store (" << args->db << ")\n";
    exit_code = run_ingest(*args, "demo", std::cout);
    auto st = Store::open(args->db);
    if (!st) return;
    std::cout << "\n== 2. documents\n";
    for (const auto& d : st.value()->list_documents(1000, 0)) {
      std::cout << "  " << (d.pub_date.empty() ? "date unknown" : d.pub_date) << " (" << d.date_precision << ")  "
                << (d.outlet.empty() ? "outlet unknown" : d.outlet) << "\n    " << d.title << "\n    " << d.origin
                << ": " << d.paragraphs << " paragraphs" << (d.duplicate_of.empty() ? "" : ", duplicate of " + d.duplicate_of.substr(0, 10))
                << (d.near_duplicate_of.empty() ? "" : ", near duplicate of " + d.near_duplicate_of.substr(0, 10))
                << "\n";
    }
    // 3. events: coded, fused into events and stories.
    std::cout << "\n== 3. events: code -> fuse\n  ";
    CodeArgs code;
    code.db = args->db;
    if (int rc = run_code(code, std::cout); rc != kOk) {
      exit_code = rc;
      return;
    }
    sqlite3* db = st.value()->handle();
    std::vector<StoryRow> stories;
    try {
      stories = query_stories(db);
      std::cout << "\n== 4. stories and their timelines\n";
      std::stable_sort(stories.begin(), stories.end(), [](const StoryRow& a, const StoryRow& b) { return a.num_events > b.num_events; });
      for (const auto& s : stories) {
        std::cout << "\n-- " << s.label << " (" << s.num_events << " events)\n";
        EventFilter f;
        f.story = s.id;
        print_timeline(db, timeline_events(db, f), std::cout);
      }
      // 5. the situation report of everything found.
      std::filesystem::path report = std::filesystem::path(args->db).parent_path() / "report.html";
      ReportData data = collect_report(db, EventFilter{});
      data.title = "sitrep demo: the bundled examples";
      std::ofstream out(report, std::ios::binary);
      out << render_report(data);
      if (out.good()) std::cout << "\n== 5. report: " << report.string() << " (" << data.events.size() << " events; open it in a browser)\n";
    } catch (const std::exception& e) {
      std::cerr << "sitrep: " << args->db << ": " << e.what() << "\n";
      exit_code = kFatal;
      return;
    }
    std::cout << "\nNext: `sitrep timeline --db " << args->db << " --actor RUS --actor TUR`, `sitrep query --db "
              << args->db << " --cameo 19`, `sitrep export --db " << args->db
              << " --format gdelt-events`, `sitrep clean FILE` (what the cleaner kept and dropped).\n";
  });
}

const CommandRegistration reg("", "demo", add_demo);

}  // namespace
}  // namespace sitrep::cli

// sitrep docs [--db FILE]: list stored documents.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "cli/registry.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

void add_docs(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("docs", "List stored documents");
  struct Args {
    std::string db = "sitrep.db";
    int64_t limit = 100, offset = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--db", a->db, "SQLite store")->capture_default_str();
  cmd->add_option("--limit", a->limit, "At most this many")->capture_default_str();
  cmd->add_option("--offset", a->offset, "Skip this many")->capture_default_str();
  cmd->add_flag("--json", a->json, "One JSON object per document");
  cmd->callback([a, &exit_code] {
    if (!std::filesystem::exists(a->db)) {
      std::cerr << "sitrep: " << a->db << ": no such database (run sitrep ingest first)\n";
      exit_code = kFatal;
      return;
    }
    auto st = Store::open(a->db);
    if (!st) {
      std::cerr << "sitrep: " << st.error().where() << ": " << st.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    for (const auto& d : st.value()->list_documents(a->limit, a->offset)) {
      if (a->json) {
        nlohmann::json j = {{"id", d.id},       {"origin", d.origin},     {"title", d.title},
                            {"pub_date", d.pub_date}, {"date_precision", d.date_precision},
                            {"outlet", d.outlet}, {"duplicate_of", d.duplicate_of.empty() ? nlohmann::json() : nlohmann::json(d.duplicate_of)},
                            {"near_duplicate_of", d.near_duplicate_of.empty() ? nlohmann::json() : nlohmann::json(d.near_duplicate_of)},
                            {"body_chars", d.body_chars}, {"paragraphs", d.paragraphs}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else {
        std::cout << d.id.substr(0, 10) << "  " << (d.pub_date.empty() ? "----------" : d.pub_date) << "  "
                  << (d.outlet.empty() ? "-" : d.outlet) << "  " << d.title << (d.duplicate_of.empty() ? "" : "  [duplicate]")
                  << (d.near_duplicate_of.empty() ? "" : "  [near duplicate]")
                  << "\n      " << d.origin << "  (" << d.paragraphs << " paragraphs, " << d.body_chars << " chars)\n";
      }
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "docs", add_docs);

}  // namespace
}  // namespace sitrep::cli

// sitrep events PATH... [--format jsonl|tsv]: read -> clean -> analyze -> link -> date -> code,
// in memory, one event mention per output line.
#include <CLI/CLI.hpp>

#include <iostream>

#include "clean/clean.h"
#include "cli/clean_docs.h"
#include "cli/registry.h"
#include "code/code.h"
#include "code/event_record.h"
#include "code/petrarch_verbs.h"
#include "kb/linker.h"
#include "nlp/nlp.h"
#include "read/reader.h"

namespace sitrep::cli {
namespace {

void add_events(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("events", "Code the political events articles report (CAMEO, PLOVER)");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("jsonl");
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  auto asserted_only = std::make_shared<bool>(false);
  auto quotes = std::make_shared<bool>(false);
  cmd->add_option("paths", *paths, "Files, directories or - for stdin")->required();
  cmd->add_option("--format", *format, "jsonl or tsv")->check(CLI::IsMember({"jsonl", "tsv"}))->capture_default_str();
  cmd->add_option("--kb", *kb_path, "kb.bin (default: $SITREP_KB, else next to the executable)")->capture_default_str();
  cmd->add_option("--model", *model_path, "nlp model; without one, tokens and sentences only")->capture_default_str();
  cmd->add_flag("--asserted-only", *asserted_only, "Leave out planned, negated and hypothetical mentions");
  cmd->add_flag("--quotes", *quotes, "Also print direct quotations (jsonl records with a \"quote\" field)");
  auto verbs = std::make_shared<std::string>();
  auto discards = std::make_shared<std::string>();
  cmd->add_option("--petrarch-verbs", *verbs, "Code with this PETRARCH/TABARI verb dictionary instead of sitrep's lexicon")
      ->check(CLI::ExistingFile);
  cmd->add_option("--discards", *discards, "PETRARCH discards file: sentences (or, '+', stories) naming a phrase are not coded")
      ->check(CLI::ExistingFile);
  cmd->callback([=, &exit_code] {
    code::CoderOptions opts;
    opts.keep_unasserted = !*asserted_only;
    auto kb = kb::Kb::open(*kb_path);
    if (kb) opts.linker = std::make_shared<const kb::Linker>(kb.value());
    else std::cerr << "sitrep: warning: no knowledge base (" << kb.error().message << "): no actors, no events\n";
    auto model = nlp::Model::load(*model_path);
    if (model) opts.model = model.value();
    auto fatal = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    if (!verbs->empty()) {
      auto pl = code::petrarch_lexicon(*verbs);
      if (!pl) return fatal(pl.error());
      opts.lexicon = pl.value().lexicon;
      opts.ontology = pl.value().ontology;
    }
    if (!discards->empty()) {
      auto d = code::import_petrarch_discards_file(*discards);
      if (!d) return fatal(d.error());
      opts.discards = d.value();
    }
    auto coder = code::Coder::create(std::move(opts));
    if (!coder) {
      std::cerr << "sitrep: " << coder.error().where() << ": " << coder.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    bool tsv = *format == "tsv";
    if (tsv) std::cout << code::event_tsv_header() << "\n";
    uint64_t rejected = 0;
    auto on_error = [&](Error&& e) {
      if (e.severity != Severity::Warning) ++rejected;
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
    };
    for (const auto& path : expand_inputs(*paths, on_error)) {
      rejected += for_each_clean_doc(path, [&](const Doc& doc) {
        code::CodedDoc coded = coder.value()->code(doc);
        for (const auto& e : coded.events)
          std::cout << (tsv ? code::event_to_tsv(doc, e) : code::event_to_json(doc, e)) << "\n";
        if (*quotes && !tsv)
          for (const auto& q : coded.quotes) std::cout << code::quote_to_json(doc, q) << "\n";
      });
    }
    exit_code = rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("", "events", add_events);

}  // namespace
}  // namespace sitrep::cli

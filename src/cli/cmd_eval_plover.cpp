// sitrep eval plover FILE.json [--json]: PLOVER event-type accuracy and actor-country match on
// PLOVER gold-standard records. Older GSR type names are read as their PLOVER 2021 successors
// (DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/registry.h"
#include "code/code.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace sitrep::cli {
namespace {

std::string plover_2021(const std::string& t) {
  if (t == "DEMAND") return "REQUEST";
  if (t == "DISAPPROVE" || t == "INVESTIGATE") return "ACCUSE";
  if (t == "FIGHT") return "ASSAULT";
  return t;
}

void add_eval_plover(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("plover", "Score event coding against PLOVER gold-standard records");
  auto file = std::make_shared<std::string>();
  auto json_out = std::make_shared<bool>(false);
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  cmd->add_option("file", *file, "PLOVER_GSR_CAMEO.dev.json")->required();
  cmd->add_option("--kb", *kb_path, "kb.bin")->capture_default_str();
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  auto no_model = std::make_shared<bool>(false);
  cmd->add_option("--model", *model_path, "nlp model (dependency parse)")->capture_default_str();
  cmd->add_flag("--no-model", *no_model, "Code without the parse (window rules only)");
  auto details = std::make_shared<bool>(false);
  cmd->add_flag("--details", *details, "Print gold and coded type per record (stderr)");
  cmd->add_flag("--json", *json_out, "One JSON object");
  cmd->callback([=, &exit_code] {
    std::ifstream in(*file);
    nlohmann::json gold;
    try {
      in >> gold;
    } catch (const std::exception& e) {
      std::cerr << "sitrep: " << *file << ": " << e.what() << "\n";
      exit_code = kFatal;
      return;
    }
    code::CoderOptions opts;
    auto kb = kb::Kb::open(*kb_path);
    if (kb) opts.linker = std::make_shared<const kb::Linker>(kb.value());
    if (!*no_model) {
      auto model = nlp::Model::load(*model_path);
      if (model) opts.model = model.value();
      else std::cerr << "sitrep: warning: no model (" << model.error().message << "): window rules only\n";
    }
    auto coder = code::Coder::create(opts);
    if (!coder) {
      std::cerr << "sitrep: " << coder.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    size_t records = 0, coded = 0, type_right = 0, src_checked = 0, src_right = 0, tgt_checked = 0, tgt_right = 0;
    for (const auto& r : gold) {
      if (!r.contains("text") || r.value("event", "") == "DOCUMENT") continue;
      ++records;
      Doc d;
      d.id = r.value("id", "");
      d.body = r["text"].get<std::string>();
      auto out = coder.value()->code(d);
      // The record's event: the first asserted (else any) event, most confident first.
      const code::EventMention* best = nullptr;
      for (const auto& e : out.events)
        if (!best || (e.modality == code::Modality::Asserted && best->modality != code::Modality::Asserted) ||
            (e.modality == best->modality && e.confidence > best->confidence))
          best = &e;
      if (*details)
        std::cerr << (best && best->cameo->plover_type == plover_2021(r.value("event", "")) ? "ok   " : "miss ")
                  << plover_2021(r.value("event", "")) << "\t" << (best ? best->cameo->plover_type + " " + best->cameo->code : "-")
                  << "\t" << r["text"].get<std::string>() << "\n";
      if (!best) continue;
      ++coded;
      if (best->cameo->plover_type == plover_2021(r.value("event", ""))) ++type_right;
      auto country_match = [](const nlohmann::json& actors, const std::optional<code::ActorRef>& a, size_t& checked,
                              size_t& right) {
        if (!actors.is_array() || actors.empty()) return;
        ++checked;
        if (!a) return;
        for (const auto& g : actors)
          if (g.value("code", "").substr(0, 3) == a->country || g.value("code", "").substr(0, 3) == a->code.substr(0, 3)) {
            ++right;
            return;
          }
      };
      country_match(r.value("source", nlohmann::json()), best->source, src_checked, src_right);
      country_match(r.value("target", nlohmann::json()), best->target, tgt_checked, tgt_right);
    }
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    nlohmann::json j{{"records", records},
                     {"parsed", opts.model != nullptr},
                     {"coded", coded},
                     {"type_accuracy", pct(type_right, records)},
                     {"type_accuracy_coded", pct(type_right, coded)},
                     {"source_country_match", pct(src_right, src_checked)},
                     {"target_country_match", pct(tgt_right, tgt_checked)}};
    if (*json_out) std::cout << j.dump() << "\n";
    else
      std::cout << "records " << records << ", coded " << coded << "\nPLOVER type accuracy " << j["type_accuracy"]
                << " % (of coded: " << j["type_accuracy_coded"] << " %)\nsource country match "
                << j["source_country_match"] << " %, target country match " << j["target_country_match"] << " %\n";
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "plover", add_eval_plover);

}  // namespace
}  // namespace sitrep::cli

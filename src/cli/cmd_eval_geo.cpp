// sitrep eval geo [--json] [--split dev|test|all] [--errors] [--no-focus]: geocoding accuracy within 161 km on ../shared/data/geo.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/registry.h"
#include "nlp/nlp.h"
#include "kb/eval_geo.h"

namespace sitrep::cli {
namespace {

void add_eval_geo(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("geo", "Geocoding accuracy within 161 km on GeoVirus and TR-News");
  auto dir = std::make_shared<std::string>(std::string(SITREP_SOURCE_DIR) + "/../shared/data/geo");
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  auto json = std::make_shared<bool>(false);
  auto errors = std::make_shared<bool>(false);
  auto no_focus = std::make_shared<bool>(false);
  auto no_ner = std::make_shared<bool>(false);
  auto split = std::make_shared<std::string>("all");
  cmd->add_option("--split", *split, "Articles to score: dev (even-numbered in file order), test (odd) or all")
      ->check(CLI::IsMember({"dev", "test", "all"}))
      ->capture_default_str();
  cmd->add_flag("--errors", *errors, "Also list every toponym placed more than 161 km off, then (end-to-end) every one the linker missed or misplaced (stderr)");
  cmd->add_flag("--no-ner", *no_ner, "End-to-end linker figures from dictionary matching alone (no language model)");
  cmd->add_flag("--no-focus", *no_focus, "Leave names the gazetteer lacks unplaced instead of at the document's focus");
  cmd->add_option("--data", *dir, "Folder with GeoVirus.xml and TR-News.xml")->capture_default_str();
  cmd->add_option("--kb", *kb_path, "kb.bin (default: $SITREP_KB, else next to the executable)")->capture_default_str();
  cmd->add_flag("--json", *json, "One JSON object instead of a table");
  cmd->callback([=, &exit_code] {
    auto loaded = kb::Kb::open(*kb_path);
    if (!loaded) {
      std::cerr << "sitrep: " << loaded.error().where() << ": " << loaded.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    kb::Linker linker(loaded.value());
    std::shared_ptr<const nlp::Model> model;
    if (!*no_ner) {
      auto m = nlp::Model::load(nlp::Model::default_path());
      if (m) model = m.value();
      else std::cerr << "sitrep: no language model (" << m.error().message << "): linker figures without NER\n";
    }
    kb::NamedPlaces named;
    if (model)
      named = [model](std::string_view text) {
        nlp::Analysis a = model->analyze(text);
        return kb::NamedSpans{a.entity_bytes(nlp::EntityType::LOC), a.entity_bytes(nlp::EntityType::PER)};
      };
    nlohmann::json j;
    j["threshold_km"] = 161;
    j["split"] = *split;
    j["focus_fallback"] = !*no_focus;
    j["linker_ner"] = bool(model);
    kb::GeoSplit which = *split == "dev" ? kb::GeoSplit::Dev : *split == "test" ? kb::GeoSplit::Test : kb::GeoSplit::All;
    j["datasets"] = nlohmann::json::object();
    auto t0 = std::chrono::steady_clock::now();
    for (const char* name : {"GeoVirus.xml", "TR-News.xml"}) {
      std::string path = *dir + "/" + name;
      if (!std::filesystem::exists(path)) {
        std::cerr << "sitrep: " << path << ": not found (is ../shared/data present?)\n";
        exit_code = kFatal;
        return;
      }
      auto r = kb::eval_geo_file(linker, path, which, !*no_focus, named);
      if (!r) {
        std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
        exit_code = kFatal;
        return;
      }
      const auto& v = r.value();
      if (*errors)
      {
        for (const auto& m : v.misses) std::cerr << name << "\t" << m << "\n";
        for (const auto& m : v.linked_misses) std::cerr << name << "\tend-to-end\t" << m << "\n";
      }
      std::string key = std::string(name) == "GeoVirus.xml" ? "geovirus" : "tr-news";
      j["datasets"][key] = {{"articles", v.articles},   {"toponyms", v.toponyms},
                            {"resolved", v.resolved},   {"correct", v.correct},
                            {"accuracy", v.accuracy()}, {"mean_error_km", v.mean_error_km},
                            {"linker_recall", v.linked_recall()}, {"linker_accuracy", v.linked_accuracy()}};
      if (!*json)
        std::printf("%-10s %4zu articles %5zu toponyms %5zu resolved  accuracy@161km %5.1f %%  mean error %.0f km  "
                    "(from raw text by the linker: found %.1f %%, within 161 km %.1f %%)\n",
                    key.c_str(), v.articles, v.toponyms, v.resolved, v.accuracy(), v.mean_error_km, v.linked_recall(),
                    v.linked_accuracy());
    }
    j["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (*json) std::cout << j.dump() << "\n";
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "geo", add_eval_geo);

}  // namespace
}  // namespace sitrep::cli

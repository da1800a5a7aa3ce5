// sitrep analyze FILE|- [--format conllu|json]: tokens, sentences, tags, lemmas, parse, entities.
// Plain text (.txt, stdin) is analyzed as is; other inputs go through the reader and cleaner.
// --stats prints one JSON object to stderr: documents, words, analysis seconds, words_per_s,
// model load seconds and peak resident memory (used by bench/bench_nlp.sh).
#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>

#include "clean/clean.h"
#include "cli/clean_docs.h"
#include "cli/registry.h"
#include "nlp/nlp.h"
#include "nlp/output.h"

namespace sitrep::cli {
namespace {

void add_analyze(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("analyze", "Tokenize, split, tag, lemmatize, parse and find entities");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("conllu");
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  cmd->add_option("file", *file, "A text file, an article file (.html .jsonl .warc[.gz]) or - for stdin")->required();
  cmd->add_option("--format", *format, "conllu, json (one object per document) or none")
      ->check(CLI::IsMember({"conllu", "json", "none"}))
      ->capture_default_str();
  cmd->add_option("--model", *model_path, "Model file")->capture_default_str();
  auto stats = std::make_shared<bool>(false);
  cmd->add_flag("--stats", *stats, "Print timing and memory as JSON on stderr");
  auto options = std::make_shared<nlp::ModelOptions>();
  cmd->add_option("--beam", options->parser_beam, "Parses the dependency parser keeps in its beam: 1 greedy, 4 about half as fast and 1.5 LAS higher")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_flag("!--no-asides", options->parser_asides,
                "Parse news sentences' time phrases, appositions and asides in commas before the verb and titles before a name with the rest, and keep a reduced relative that reads as the verb (the statistical parse alone)");
  cmd->callback([file, format, model_path, stats, options, &exit_code] {
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    auto model = nlp::Model::load(*model_path, *options);
    double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
    double analyze_s = 0, cpu_s = 0;
    uint64_t docs = 0, words = 0;
    struct Report {  // prints when the callback returns, whatever path it takes
      std::function<void()> f;
      ~Report() { f(); }
    } report{[&] {
      if (!*stats || !model) return;
      std::ifstream st("/proc/self/status");
      std::string line;
      double rss_mb = 0;
      while (std::getline(st, line))
        if (line.starts_with("VmHWM:")) rss_mb = std::stod(line.substr(6)) / 1024.0;
      // words_per_s is per CPU second of one core: the machine may be shared, wall time is also given.
      std::cerr << "{\"documents\": " << docs << ", \"words\": " << words << ", \"cpu_seconds\": " << cpu_s
                << ", \"wall_seconds\": " << analyze_s << ", \"words_per_s\": " << (cpu_s > 0 ? double(words) / cpu_s : 0.0)
                << ", \"wall_words_per_s\": " << (analyze_s > 0 ? double(words) / analyze_s : 0.0)
                << ", \"load_seconds\": " << load_s << ", \"max_rss_mb\": " << rss_mb << "}\n";
    }};
    if (!model) {
      std::cerr << "sitrep: " << model.error().where() << ": " << model.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    auto emit = [&](const std::string& text, const std::string& id) {
      auto t = Clock::now();
      std::clock_t c = std::clock();
      nlp::Analysis a = model.value()->analyze(text);
      analyze_s += std::chrono::duration<double>(Clock::now() - t).count();
      cpu_s += double(std::clock() - c) / CLOCKS_PER_SEC;
      ++docs;
      words += a.words.size();
      if (*format == "none") return;
      if (*format == "json") std::cout << nlp::analysis_json(text, a, id) << "\n";
      else nlp::write_conllu(text, a, std::cout, id);
    };
    bool plain = *file == "-" || file->ends_with(".txt");
    if (plain) {
      std::string text;
      if (*file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
      } else {
        std::ifstream in(*file, std::ios::binary);
        if (!in) {
          std::cerr << "sitrep: " << *file << ": cannot open\n";
          exit_code = kFatal;
          return;
        }
        text.assign(std::istreambuf_iterator<char>(in), {});
      }
      emit(text, "");
      exit_code = kOk;
      return;
    }
    uint64_t rejected = for_each_clean_doc(*file, [&](const Doc& doc) { emit(doc.body, doc.origin); });
    exit_code = rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("", "analyze", add_analyze);

}  // namespace
}  // namespace sitrep::cli

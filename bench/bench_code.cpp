// Event coder speed on news from ../shared/data/corpus/allsides_intl.jsonl (first 200 articles):
//   BM_CodeAnalyzedSentences  sentence rules only, over sentences already analyzed (parse) and
//                             linked: target >= 50,000 sentences/s on one core
//   BM_CodeRawText            Coder::code end to end: analyze (model) -> link -> timex -> code,
//                             text already clean: target >= 50,000 words/s on one core
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "code/code.h"
#include "code/coder.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace {

using namespace sitrep;

constexpr size_t kArticles = 200;

std::vector<Doc> corpus() {
  std::vector<Doc> docs;
  std::ifstream in(std::string(SITREP_SHARED_DIR) + "/data/corpus/allsides_intl.jsonl");
  for (std::string line; docs.size() < kArticles && std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    Doc d;
    d.body = j["text"].get<std::string>();
    std::string date = j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : "";
    if (date.size() == 10) {
      d.meta.date.year = std::stoi(date.substr(0, 4));
      d.meta.date.month = std::stoi(date.substr(5, 2));
      d.meta.date.day = std::stoi(date.substr(8, 2));
      d.meta.date.precision = DatePrecision::Day;
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

struct Setup {
  std::shared_ptr<const kb::Linker> linker;
  std::shared_ptr<const nlp::Model> model;
  std::shared_ptr<const code::Coder> coder;
  std::vector<Doc> docs;
  std::string error;
};

Setup setup() {
  Setup s;
  auto kb = kb::Kb::open(SITREP_KB_FILE);
  if (!kb) return s.error = "kb.bin missing or stale", s;
  s.linker = std::make_shared<const kb::Linker>(kb.value());
  auto model = nlp::Model::load(nlp::Model::default_path());
  if (!model) return s.error = "model missing: " + model.error().message, s;
  s.model = model.value();
  code::CoderOptions opts;
  opts.linker = s.linker;
  opts.model = s.model;
  auto coder = code::Coder::create(opts);
  if (!coder) return s.error = coder.error().message, s;
  s.coder = coder.value();
  s.docs = corpus();
  if (s.docs.empty()) s.error = "corpus not found under " SITREP_SHARED_DIR;
  return s;
}

struct Analyzed {
  const Doc* doc;
  nlp::Analysis an;
  std::vector<kb::LinkedMention> mentions;
};

void BM_CodeAnalyzedSentences(benchmark::State& state) {
  Setup s = setup();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  std::vector<Analyzed> analyzed;
  // Arg 1: parsed sentences (tree rules); arg 0: tokens and sentences only (window rules).
  for (const auto& d : s.docs)
    analyzed.push_back({&d, state.range(0) ? s.model->analyze(d.body) : nlp::segment(d.body),
                        s.linker->link_text(d.body, kb::kNoDate)});
  size_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const auto& a : analyzed) {
      code::DocContext ctx{a.doc->body, a.an, a.mentions, s.coder->lexicon(), s.coder->ontology(), &s.linker->kb()};
      for (size_t i = 0; i < a.an.sentence_count(); ++i) {
        code::SentenceView sv = code::build_sentence(ctx, i);
        events += code::find_events(ctx, sv).size();
      }
      sentences += a.an.sentence_count();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
  state.counters["events/sentence"] = double(events) / double(std::max<size_t>(sentences, 1));
}
BENCHMARK(BM_CodeAnalyzedSentences)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CodeRawText(benchmark::State& state) {
  Setup s = setup();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  size_t words_per_pass = 0;
  for (const auto& d : s.docs) words_per_pass += nlp::segment(d.body).words.size();
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& d : s.docs) benchmark::DoNotOptimize(s.coder->code(d).events.size());
    words += words_per_pass;
  }
  state.counters["words/s"] = benchmark::Counter(double(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeRawText)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

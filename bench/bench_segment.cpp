// Tokenizing and sentence splitting on news from ../shared/data/corpus/allsides_intl.jsonl
// (first 200 articles), in words per second of one core:
//   BM_Segment/0  the splitter's rules alone (nlp::segment)
//   BM_Segment/1  the rules and the committed model's learned sentence ends (Model::segment)
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "nlp/nlp.h"

namespace {

using namespace sitrep;

std::vector<std::string> texts() {
  std::vector<std::string> out;
  std::ifstream in(std::string(SITREP_SHARED_DIR) + "/data/corpus/allsides_intl.jsonl");
  for (std::string line; out.size() < 200 && std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("text") && j["text"].is_string()) out.push_back(j["text"].get<std::string>());
  }
  return out;
}

void BM_Segment(benchmark::State& state) {
  static const std::vector<std::string> docs = texts();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/corpus is absent");
    return;
  }
  auto model = nlp::Model::load(nlp::Model::default_path());
  if (!model) {
    state.SkipWithError(model.error().message.c_str());
    return;
  }
  size_t words = 0;
  for (auto _ : state)
    for (const auto& d : docs) {
      nlp::Analysis a = state.range(0) ? model.value()->segment(d) : nlp::segment(d);
      words += a.words.size();
      benchmark::DoNotOptimize(a.sentence_starts.data());
    }
  state.counters["words_per_s"] = benchmark::Counter(double(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Segment)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

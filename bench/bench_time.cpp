// Throughput of the time stage on news text: the first 4 MB of article bodies from
// ../shared/data/corpus/allsides_intl.jsonl, tagged against each article's date.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "time/timex.h"

namespace {

struct Article {
  std::string text;
  sitrep::DocTime dct;
};

const std::vector<Article>& corpus() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    simdjson::ondemand::parser parser;
    simdjson::padded_string json;
    std::string path = std::string(SITREP_SHARED_DIR) + "/data/corpus/allsides_intl.jsonl";
    if (simdjson::padded_string::load(path).get(json)) return out;
    size_t total = 0;
    std::string_view all(json.data(), json.size());
    while (!all.empty() && total < (4u << 20)) {
      size_t nl = all.find('\n');
      std::string_view line = all.substr(0, nl);
      all = nl == std::string_view::npos ? std::string_view{} : all.substr(nl + 1);
      if (line.empty()) continue;
      simdjson::padded_string padded(line);
      simdjson::ondemand::document doc;
      if (parser.iterate(padded).get(doc)) continue;
      std::string_view text, date;
      if (doc["text"].get_string().get(text)) continue;
      Article a;
      a.text = std::string(text);
      if (!doc["date"].get_string().get(date) && date.size() >= 10)
        a.dct = {std::atoi(std::string(date.substr(0, 4)).c_str()), std::atoi(std::string(date.substr(5, 2)).c_str()),
                 std::atoi(std::string(date.substr(8, 2)).c_str())};
      total += a.text.size();
      out.push_back(std::move(a));
    }
    return out;
  }();
  return articles;
}

void BM_TagTimexes(benchmark::State& state) {
  const auto& articles = corpus();
  if (articles.empty()) {
    state.SkipWithError("corpus not found under SITREP_SHARED_DIR/data/corpus");
    return;
  }
  size_t bytes = 0, found = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      auto xs = sitrep::tag_timexes(a.text, a.dct);
      found += xs.size();
      bytes += a.text.size();
      benchmark::DoNotOptimize(xs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["timexes_per_MB"] = benchmark::Counter(
      static_cast<double>(found) / (static_cast<double>(bytes) / 1e6));
}
BENCHMARK(BM_TagTimexes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

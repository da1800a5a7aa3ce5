// Fusion throughput on generated mentions of realistic shape: Zipf-distributed actors, dates
// over two years, CAMEO codes weighted towards statements and consultations, several outlets
// reporting each event. Run: build/sitrep_bench --benchmark_filter=Fusion
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "fuse/fusion.h"
#include "fuse/near_dup.h"

namespace {

std::vector<sitrep::FusionMention> generate(size_t n) {
  std::mt19937_64 rng(7);
  std::vector<std::string> actors;
  for (const char* c : {"RUS", "TUR", "SYR", "USA", "UKR", "IRN", "ISR", "CHN", "FRA", "DEU", "GBR", "IRQ", "SAU", "EGY"})
    for (const char* a : {"GOV", "MIL", "", "REB", "COP"}) actors.push_back(std::string(c) + a);
  const char* codes[] = {"010", "012", "020", "036", "040", "041", "042", "043", "046", "051", "057", "061",
                         "070", "111", "112", "120", "130", "138", "160", "173", "180", "190", "193", "195"};
  std::uniform_real_distribution<double> u(0, 1);
  auto zipf = [&](size_t k) { return static_cast<size_t>(std::pow(u(rng), 2.5) * k) % k; };
  std::vector<sitrep::FusionMention> out;
  out.reserve(n);
  int64_t id = 0;
  while (out.size() < n) {
    // One real event, reported 1-8 times.
    std::string src = actors[zipf(actors.size())], tgt = actors[zipf(actors.size())];
    std::string code = codes[zipf(std::size(codes))];
    int day = static_cast<int>(u(rng) * 730);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2020 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28);
    int reports = 1 + static_cast<int>(u(rng) * 8);
    for (int r = 0; r < reports && out.size() < n; ++r) {
      sitrep::FusionMention m;
      m.id = ++id;
      m.doc_id = "d" + std::to_string(id / 3);
      m.article_group = m.doc_id;
      m.outlet = "outlet" + std::to_string(zipf(200));
      m.source = src;
      m.target = tgt;
      m.cameo = code;
      m.date = sitrep::PartialDate::parse(date);
      m.report_date = date;
      m.confidence = u(rng);
      out.push_back(std::move(m));
    }
  }
  return out;
}

void BM_FusionMentions(benchmark::State& state) {
  auto mentions = generate(static_cast<size_t>(state.range(0)));
  size_t events = 0;
  for (auto _ : state) {
    sitrep::EventFuser f;
    for (const auto& m : mentions) f.add(m);
    events = f.events().size();
    benchmark::DoNotOptimize(events);
  }
  state.counters["events"] = static_cast<double>(events);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["peak_rss_mb"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
  state.counters["mentions_per_s"] =
      benchmark::Counter(static_cast<double>(mentions.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FusionMentions)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

// The near-duplicate index as the ingest's writer uses it: look each new signature up, then
// add it. Random signatures match nothing, so every band of every document lands in the table
// (the worst case for its size and cache misses). Reports microseconds per document.
static void BM_NearDupIndex(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::vector<sitrep::MinHash> sigs(static_cast<size_t>(state.range(0)));
  for (auto& s : sigs)
    for (auto& v : s) v = static_cast<uint32_t>(rng());
  for (auto _ : state) {
    sitrep::NearDupIndex idx;
    size_t hits = 0;
    for (size_t i = 0; i < sigs.size(); ++i) {
      if (idx.best_match(sigs[i])) ++hits;
      idx.add(static_cast<int64_t>(i), sigs[i]);
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_NearDupIndex)->Arg(40000)->Unit(benchmark::kMillisecond);

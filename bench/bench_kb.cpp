// KB load time (target <= 200 ms) and linking throughput (target >= 1,000,000 mentions/s).
#include <benchmark/benchmark.h>

#include "kb/kb.h"
#include "kb/linker.h"
#include "kb/source.h"

namespace {

using namespace sitrep::kb;

std::shared_ptr<const Kb> load() {
  auto r = Kb::open(SITREP_KB_FILE);
  return r ? r.value() : nullptr;
}

void BM_KbLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto kb = load();
    if (!kb) {
      state.SkipWithError("kb.bin missing or stale (rebuild: cmake --build BUILD --target sitrep_kb)");
      return;
    }
    benchmark::DoNotOptimize(kb.get());
  }
}
BENCHMARK(BM_KbLoad)->Unit(benchmark::kMillisecond);

// Dictionary scan over news text: every name, title, demonym+agent and place found and linked.
void BM_LinkText(benchmark::State& state) {
  auto kb = load();
  if (!kb) {
    state.SkipWithError("kb.bin missing or stale (rebuild: cmake --build BUILD --target sitrep_kb)");
    return;
  }
  Linker linker(kb);
  std::string text;
  for (int i = 0; i < 20; ++i)
    text +=
        "Russian President Vladimir Putin and his Turkish counterpart Recep Tayyip Erdogan discussed Idlib. "
        "The Kremlin said Turkish soldiers and Syrian government forces clashed near Latakia. NATO and the "
        "UN Security Council called on Ankara and Moscow to talk; Lavrov met Zarif while militants attacked. ";
  int day = 0;
  parse_day("2020-03-05", day);
  size_t mentions = 0;
  for (auto _ : state) {
    auto ms = linker.link_text(text, day);
    mentions += ms.size();
    benchmark::DoNotOptimize(ms.data());
  }
  state.counters["mentions/s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LinkText);

// One mention given by NER (the span is known): the per-mention cost of resolution.
void BM_LinkSpan(benchmark::State& state) {
  auto kb = load();
  if (!kb) {
    state.SkipWithError("kb.bin missing or stale (rebuild: cmake --build BUILD --target sitrep_kb)");
    return;
  }
  Linker linker(kb);
  const char* spans[] = {"Erdogan", "Vladimir Putin", "the Kremlin", "Turkish soldiers", "Russian President", "NATO", "Lavrov", "Idlib"};
  int day = 0;
  parse_day("2020-03-05", day);
  size_t n = 0;
  for (auto _ : state) {
    auto m = linker.link_span(spans[n % 8], day);
    benchmark::DoNotOptimize(m);
    ++n;
  }
  state.counters["mentions/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LinkSpan);

}  // namespace

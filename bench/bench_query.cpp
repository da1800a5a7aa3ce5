// `sitrep query` on a store of 1,000,000 fused events of realistic shape: Zipf-distributed
// countries and agents, dates over five years, CAMEO codes weighted towards statements and
// consultations, one best mention per event (with its sentence in the FTS index), 20,000
// documents. The store is generated once into $TMPDIR and reused while the schema is the same.
// Run: build/sitrep_bench --benchmark_filter=Query
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

#include "store/event_query.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store.h"

namespace {

constexpr int64_t kEvents = 1'000'000;

const char* kCountries[] = {"USA", "RUS", "CHN", "UKR", "TUR", "SYR", "IRN", "ISR", "GBR", "FRA", "DEU", "IND",
                            "PAK", "AFG", "IRQ", "SAU", "EGY", "LBY", "YEM", "PRK", "KOR", "JPN", "BRA", "MEX",
                            "VEN", "NGA", "ETH", "SDN", "SOM", "KEN", "ZAF", "COD", "MLI", "QAT", "ARE", "LBN",
                            "JOR", "PSE", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "MMR", "THA", "PHL", "IDN",
                            "VNM", "AUS", "CAN", "COL", "ARG", "CUB", "ESP", "ITA", "GRC", "SRB", "HUN", "ROU"};
const char* kAgents[] = {"GOV", "MIL", "", "REB", "COP", "OPP", "BUS", "MED", "CVL", "JUD"};
const char* kCodes[] = {"010", "012", "020", "036", "040", "041", "042", "043", "046", "051", "057", "061",
                        "070", "111", "112", "120", "130", "138", "160", "173", "180", "190", "193", "195"};
const char* kPlover[] = {"CONSULT", "ACCUSE", "REQUEST", "AGREE", "CONSULT", "CONSULT", "CONSULT", "CONSULT",
                         "CONSULT", "SUPPORT", "SUPPORT", "AID", "AID", "ACCUSE", "ACCUSE", "REJECT",
                         "THREATEN", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT", "ASSAULT"};

std::string store_path() {
  auto dir = std::filesystem::temp_directory_path();
  return (dir / ("sitrep-bench-query-v" + std::to_string(sitrep::migrations().back().version) + ".db")).string();
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double generation_seconds = 0;

void generate(sqlite3* db) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  auto zipf = [&](size_t k) { return static_cast<size_t>(std::pow(u(rng), 2.2) * double(k)) % k; };
  sitrep::sql_exec(db, "BEGIN");
  sitrep::SqlStatement doc(db,
                           "INSERT INTO documents(id, origin, format, title, pub_date, date_precision, outlet, body, "
                           "body_hash, paragraphs, captions, removed, ingested_at) VALUES (?,?,'jsonl','t',?,'day',?,'b',?,"
                           "'[]','[]','[]','now')");
  for (int d = 0; d < 20000; ++d) {
    std::string id = "doc" + std::to_string(d);
    doc.text(1, id).text(2, id + ".jsonl").text(3, "2020-01-01").text(4, "outlet" + std::to_string(zipf(300)));
    doc.integer(5, d).run();
  }
  sitrep::SqlStatement men(db,
                           "INSERT INTO mentions(id, doc_id, sentence, begin, end, text, cameo, cameo_root, modality, "
                           "event_id, confidence) VALUES (?,?,0,0,10,?,?,?,'asserted',?,0.7)");
  sitrep::SqlStatement fts(db, "INSERT INTO mentions_fts(rowid, text) VALUES (?, ?)");
  sitrep::SqlStatement ev(db,
                          "INSERT INTO events(id, date, date_precision, source_code, source_name, source_country, "
                          "target_code, target_name, target_country, cameo, cameo_root, plover, goldstein, quad_class, "
                          "location_name, country, num_mentions, num_sources, num_articles, first_report, best_mention) "
                          "VALUES (?,?,'day',?,?,?,?,?,?,?,?,?,0,?,?,?,1,1,1,?,?)");
  const char* words[] = {"troops", "talks", "ceasefire", "airstrike", "protest", "sanctions", "aid", "border",
                         "minister", "summit", "election", "refugees", "shelling", "agreement", "visit"};
  for (int64_t i = 0; i < kEvents; ++i) {
    size_t cs = zipf(std::size(kCountries)), ct = zipf(std::size(kCountries));
    std::string src = std::string(kCountries[cs]) + kAgents[zipf(std::size(kAgents))];
    std::string tgt = u(rng) < 0.2 ? std::string() : std::string(kCountries[ct]) + kAgents[zipf(std::size(kAgents))];
    size_t code = zipf(std::size(kCodes));
    int day = static_cast<int>(u(rng) * 1825);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28);
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(rng()));
    std::string text = std::string(kCountries[cs]) + " " + words[zipf(std::size(words))] + " " +
                       words[zipf(std::size(words))] + " near " + kCountries[ct] + " on day " + std::to_string(day);
    men.integer(1, i + 1).text(2, "doc" + std::to_string(zipf(20000))).text(3, text).text(4, kCodes[code]);
    men.text(5, std::string(kCodes[code]).substr(0, 2)).text(6, id).run();
    fts.integer(1, i + 1).text(2, text).run();
    ev.text(1, id).text(2, date).text(3, src).text(4, src).text(5, kCountries[cs]);
    if (tgt.empty()) ev.null(6).null(7).null(8);
    else ev.text(6, tgt).text(7, tgt).text(8, kCountries[ct]);
    ev.text(9, kCodes[code]).text(10, std::string(kCodes[code]).substr(0, 2)).text(11, kPlover[code]);
    ev.integer(12, code < 12 ? 1 : code < 18 ? 3 : 4).text(13, kCountries[ct]).text(14, kCountries[ct]);
    ev.text(15, date).integer(16, i + 1).run();
  }
  sitrep::sql_exec(db, sitrep::fill_event_actors_sql());
  sitrep::sql_exec(db, "COMMIT");
  sitrep::sql_exec(db, "ANALYZE");
  sitrep::sql_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

sqlite3* store() {
  static std::unique_ptr<sitrep::Store> st = [] {
    std::string path = store_path();
    bool fresh = !std::filesystem::exists(path);
    auto opened = sitrep::Store::open(path);
    if (!opened) throw std::runtime_error(opened.error().message);
    std::unique_ptr<sitrep::Store> s = std::move(opened.value());
    int64_t have = 0;
    {
      sitrep::SqlStatement c(s->handle(), "SELECT count(*) FROM events");
      if (c.step()) have = c.col_int(0);
    }
    if (fresh || have != kEvents) {
      auto t = std::chrono::steady_clock::now();
      sitrep::sql_exec(s->handle(), "DELETE FROM events; DELETE FROM event_actors; DELETE FROM mentions; DELETE FROM mentions_fts; DELETE FROM documents;");
      generate(s->handle());
      generation_seconds = seconds_since(t);
    }
    return s;
  }();
  return st->handle();
}

void report(benchmark::State& state, size_t rows) {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["rows"] = double(rows);
  state.counters["peak_rss_mb"] = double(ru.ru_maxrss) / 1024.0;
  std::error_code ec;
  auto wal = std::filesystem::file_size(store_path() + "-wal", ec);
  state.counters["store_mb"] = double(std::filesystem::file_size(store_path()) + (ec ? 0 : wal)) / (1024.0 * 1024.0);
  if (generation_seconds > 0) state.counters["generated_in_s"] = generation_seconds;
}

void run(benchmark::State& state, const sitrep::EventFilter& f) {
  sqlite3* db = store();
  size_t rows = 0;
  for (auto _ : state) {
    rows = sitrep::query_events(db, f).size();
    benchmark::DoNotOptimize(rows);
  }
  report(state, rows);
}

void BM_QueryActorPairMonth(benchmark::State& state) {
  sitrep::EventFilter f;
  f.actors = {"RUS", "TUR"};
  f.date_from = "2020-03-01";
  f.date_to = "2020-03-31";
  run(state, f);
}

void BM_QueryActorPairYear(benchmark::State& state) {
  sitrep::EventFilter f;
  f.actors = {"RUS", "TUR"};
  f.date_from = "2020";
  f.date_to = "2020";
  run(state, f);
}

void BM_QueryActorCodeMonth(benchmark::State& state) {
  sitrep::EventFilter f;
  f.actors = {"USAGOV"};
  f.date_from = "2021-06-01";
  f.date_to = "2021-06-30";
  run(state, f);
}

void BM_QueryRootMonth(benchmark::State& state) {
  sitrep::EventFilter f;
  f.cameo = "19";
  f.date_from = "2020-03-01";
  f.date_to = "2020-03-31";
  f.limit = 100000;
  run(state, f);
}

void BM_QueryFullText(benchmark::State& state) {
  sitrep::EventFilter f;
  f.text = "ceasefire AND airstrike";
  f.date_from = "2020-03-01";
  f.date_to = "2020-03-31";
  run(state, f);
}

BENCHMARK(BM_QueryActorPairMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorPairYear)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorCodeMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryRootMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryFullText)->Unit(benchmark::kMillisecond);

}  // namespace

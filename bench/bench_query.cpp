// `sitrep query` on a store of 1,000,000 fused events of realistic shape: 200 countries with
// Zipf frequencies (USA, RUS, CHN ... as in the press), agents skewed towards GOV and MIL, a few
// IGOs and long group codes (SYRREBIMGMOSALQ), dates over five years (some month-only, some
// undated), CAMEO codes weighted towards statements and consultations, places, one best mention
// per event (its sentence in the FTS index) from 50,000 documents.
// The store is generated once, by a child process (its memory is not the queries'), written
// through the real schema (Store::open runs the migrations) and kept in $TMPDIR under the schema
// and generator versions; caches of other versions are removed.
// Run: build/sitrep_bench --benchmark_filter=Query
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/event_query.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;

constexpr int64_t kEvents = 1'000'000;
constexpr int kDocuments = 50'000;
constexpr int kGenerator = 2;  // bump when the generated data changes

const char* kCountries[] = {
    "USA", "RUS", "CHN", "UKR", "TUR", "SYR", "IRN", "ISR", "GBR", "FRA", "DEU", "IND", "PAK", "AFG", "IRQ",
    "SAU", "EGY", "LBY", "YEM", "PRK", "KOR", "JPN", "BRA", "MEX", "VEN", "NGA", "ETH", "SDN", "SOM", "KEN",
    "ZAF", "COD", "MLI", "QAT", "ARE", "LBN", "JOR", "PSE", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "MMR",
    "THA", "PHL", "IDN", "VNM", "AUS", "CAN", "COL", "ARG", "CUB", "ESP", "ITA", "GRC", "SRB", "HUN", "ROU",
    "ALA", "ALB", "DZA", "ASM", "AND", "AGO", "AIA", "ATA", "ATG", "ABW", "AUT", "BHS", "BHR", "BGD", "BRB",
    "BEL", "BLZ", "BEN", "BMU", "BTN", "BOL", "BES", "BIH", "BWA", "BVT", "IOT", "BRN", "BGR", "BFA", "BDI",
    "CPV", "KHM", "CMR", "CYM", "CAF", "TCD", "CHL", "CXR", "CCK", "COM", "COG", "COK", "CRI", "CIV", "HRV",
    "CUW", "CYP", "CZE", "DNK", "DJI", "DMA", "DOM", "ECU", "SLV", "GNQ", "ERI", "EST", "SWZ", "FLK", "FRO",
    "FJI", "FIN", "GUF", "PYF", "ATF", "GAB", "GMB", "GHA", "GIB", "GRL", "GRD", "GLP", "GUM", "GTM", "GGY",
    "GIN", "GNB", "GUY", "HTI", "HMD", "VAT", "HND", "HKG", "ISL", "IRL", "IMN", "JAM", "JEY", "KIR", "KWT",
    "KGZ", "LAO", "LVA", "LSO", "LBR", "LIE", "LTU", "LUX", "MAC", "MDG", "MWI", "MYS", "MDV", "MLT", "MHL",
    "MTQ", "MRT", "MUS", "MYT", "FSM", "MDA", "MCO", "MNG", "MNE", "MSR", "MAR", "MOZ", "NAM", "NRU", "NPL",
    "NLD", "NCL", "NZL", "NIC", "NER", "NIU", "NFK", "MKD", "MNP", "NOR", "OMN", "PLW", "PAN", "PNG", "PRY",
    "PER", "PCN", "PRT", "PRI", "REU"
};
const char* kAgents[] = {"GOV", "MIL", "", "REB", "COP", "OPP", "BUS", "MED", "CVL", "JUD", "EDU", "LEG"};
const char* kAgentNames[] = {"government", "armed forces", "people", "rebels", "police", "opposition",
                             "businesses", "media", "civilians", "courts", "students", "parliament"};
const char* kIgos[] = {"IGOUNO", "IGOEUREEC", "IGOWSTNAT", "IGOAFRAFU", "NGOHRIAMN", "IGOARBLEG"};
const char* kCodes[] = {"010", "012", "020", "036", "040", "041", "042", "043", "046", "051", "057", "061",
                        "070", "111", "112", "120", "130", "138", "160", "173", "180", "190", "193", "195"};
const char* kPlover[] = {"CONSULT", "ACCUSE", "REQUEST", "AGREE", "CONSULT", "CONSULT", "CONSULT", "CONSULT",
                         "CONSULT", "SUPPORT", "SUPPORT", "AID", "AID", "ACCUSE", "ACCUSE", "REJECT",
                         "THREATEN", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT", "ASSAULT"};
const char* kWords[] = {"troops", "talks", "ceasefire", "airstrike", "protest", "sanctions", "aid", "border",
                        "minister", "summit", "election", "refugees", "shelling", "agreement", "visit"};

// Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s.
class Zipf {
 public:
  Zipf(size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) cdf_[i] = sum += 1.0 / std::pow(double(i + 1), s);
    for (auto& c : cdf_) c /= sum;
  }
  template <class Rng>
  size_t operator()(Rng& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min(size_t(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin()), cdf_.size() - 1);
  }

 private:
  std::vector<double> cdf_;
};

std::string store_path() {
  return (fs::temp_directory_path() / ("sitrep-bench-query-v" + std::to_string(sitrep::Store::latest_schema_version()) +
                                       "-g" + std::to_string(kGenerator) + ".db"))
      .string();
}

// Caches of earlier schema or generator versions (several hundred MB each).
void remove_stale_caches() {
  std::string keep = fs::path(store_path()).filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("sitrep-bench-query-v", 0) == 0 && name.rfind(keep, 0) != 0) fs::remove(entry.path(), ec);
  }
}

void remove_db(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

void generate(const std::string& path) {
  remove_db(path);
  auto opened = sitrep::Store::open(path);  // the real schema, every migration
  if (!opened) throw std::runtime_error(opened.error().message);
  sqlite3* db = opened.value()->handle();
  // A scratch file until it is renamed into place: no journal needed.
  sitrep::sql_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  Zipf country(std::size(kCountries), 1.0), agent(std::size(kAgents), 1.2), code(std::size(kCodes), 0.8),
      outlet(400, 1.0), word(std::size(kWords), 0.7), city(40, 1.0);
  sitrep::sql_exec(db, "BEGIN");
  // Secondary indexes are built once the rows are in (one sort each instead of a random insert
  // per row), from the schema's own definitions; the full-text index likewise.
  std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX
  {
    sitrep::SqlStatement q(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND "
                               "tbl_name IN ('events', 'mentions', 'event_actors')");
    while (q.step()) indexes.emplace_back(q.col_text(0), q.col_text(1));
  }
  for (const auto& index : indexes) sitrep::sql_exec(db, ("DROP INDEX " + index.first).c_str());
  sitrep::SqlStatement doc(db,
                           "INSERT INTO documents(id, origin, format, url, title, pub_date, date_precision, outlet, body, "
                           "body_hash, paragraphs, captions, removed, ingested_at) VALUES (?,?,'jsonl',?,'t',?,'day',?,'b',?,"
                           "'[]','[]','[]','2024-01-01T00:00:00Z')");
  for (int d = 0; d < kDocuments; ++d) {
    std::string id = "doc" + std::to_string(d);
    int day = static_cast<int>(u(rng) * 1825);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28);
    doc.text(1, id).text(2, "feed.jsonl:" + std::to_string(d)).text(3, "https://news.example/" + id).text(4, date);
    doc.text(5, "outlet" + std::to_string(outlet(rng))).integer(6, d).run();
  }
  sitrep::SqlStatement men(db,
                           "INSERT INTO mentions(id, doc_id, sentence, begin, end, text, date, source_name, source_code, "
                           "source_country, target_name, target_code, target_country, cameo, cameo_root, modality, "
                           "event_id, confidence) VALUES (?,?,?,0,?,?,?,?,?,?,?,?,?,?,?,'asserted',?,?)");
  sitrep::SqlStatement ev(db,
                          "INSERT INTO events(id, date, date_precision, source_code, source_name, source_country, "
                          "target_code, target_name, target_country, cameo, cameo_root, plover, goldstein, quad_class, "
                          "location_name, country, lat, lon, num_mentions, num_sources, num_articles, first_report, "
                          "last_report, best_mention) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  struct Actor {
    std::string code, name, country;
  };
  auto actor = [&]() -> Actor {
    double r = u(rng);
    if (r < 0.04) {
      std::string c = kIgos[static_cast<size_t>(u(rng) * std::size(kIgos))];
      return {c, c.substr(3), ""};
    }
    std::string c = kCountries[country(rng)];
    if (r < 0.05) return {c + (u(rng) < 0.5 ? "REBIMGMOS" : "REBIMGMOSALQ"), "militants", c};  // long group codes
    size_t a = agent(rng);
    return {c + kAgents[a], c + " " + kAgentNames[a], c};
  };
  for (int64_t i = 0; i < kEvents; ++i) {
    Actor src = actor(), tgt = u(rng) < 0.2 ? Actor{} : actor();
    size_t c = code(rng);
    int day = static_cast<int>(u(rng) * 1825);
    int year = 2019 + day / 365, month = 1 + (day % 365) / 31 % 12, dom = 1 + day % 28;
    char date[32];
    double precision = u(rng);  // 95% to the day, 4% the month, 1% undated
    std::string prec = precision < 0.95 ? "day" : precision < 0.99 ? "month" : "unknown";
    if (prec == "day") std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, dom);
    else if (prec == "month") std::snprintf(date, sizeof date, "%04d-%02d", year, month);
    else date[0] = 0;
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(rng()));
    std::string place = tgt.country.empty() ? src.country : tgt.country;
    std::string text = src.name + " " + kWords[word(rng)] + " " + kWords[word(rng)] + " near " +
                       (place.empty() ? "Geneva" : place + " city " + std::to_string(city(rng))) + " on day " +
                       std::to_string(day);
    std::string cameo = kCodes[c], root = cameo.substr(0, 2);
    std::string doc_id = "doc" + std::to_string(static_cast<int>(u(rng) * kDocuments));
    men.integer(1, i + 1).text(2, doc_id).integer(3, static_cast<int64_t>(u(rng) * 30)).integer(4, int64_t(text.size()));
    men.text(5, text).text(6, date).text(7, src.name).text(8, src.code).text(9, src.country);
    men.text(10, tgt.name).text(11, tgt.code).text(12, tgt.country).text(13, cameo).text(14, root).text(15, id);
    men.real(16, 0.5 + 0.5 * u(rng)).run();
    int reports = 1 + static_cast<int>(std::pow(u(rng), 3) * 12);
    ev.text(1, id).text(2, date).text(3, prec).text(4, src.code).text(5, src.name).text(6, src.country);
    ev.text(7, tgt.code).text(8, tgt.name).text(9, tgt.country);
    ev.text(10, cameo).text(11, root).text(12, kPlover[c]).real(13, c < 12 ? 3.0 : c < 18 ? -4.0 : -9.0);
    ev.integer(14, c < 12 ? 1 : c < 18 ? 3 : 4);
    if (place.empty()) ev.null(15).null(16).null(17).null(18);
    else ev.text(15, place + " city").text(16, place).real(17, -60 + 120 * u(rng)).real(18, -180 + 360 * u(rng));
    ev.integer(19, reports).integer(20, (reports + 1) / 2).integer(21, reports);
    ev.text(22, date).text(23, date).integer(24, i + 1).run();
  }
  for (const auto& index : indexes) sitrep::sql_exec(db, index.second.c_str());
  sitrep::sql_exec(db, "INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild')");
  sitrep::sql_exec(db, sitrep::fill_event_actors_sql());
  sitrep::sql_exec(db, "COMMIT");
  sitrep::sql_exec(db, "ANALYZE; PRAGMA journal_mode=WAL;");
}

double generation_seconds = 0, generation_peak_rss_mb = 0;

sqlite3* store() {
  static std::unique_ptr<sitrep::Store> st = [] {
    std::string path = store_path();
    remove_stale_caches();
    if (!fs::exists(path)) {
      auto t = std::chrono::steady_clock::now();
      std::string scratch = path + ".part";
      pid_t pid = fork();
      if (pid == 0) {
        try {
          generate(scratch);
          _exit(0);
        } catch (const std::exception& e) {
          std::fprintf(stderr, "bench_query: generating %s: %s\n", scratch.c_str(), e.what());
          _exit(1);
        }
      }
      int status = 0;
      if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("bench_query: generating the store failed");
      for (const char* suffix : {"-wal", "-shm"}) fs::remove(scratch + suffix);
      fs::rename(scratch, path);
      generation_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
      rusage ru{};
      getrusage(RUSAGE_CHILDREN, &ru);
      generation_peak_rss_mb = double(ru.ru_maxrss) / 1024.0;
    }
    auto opened = sitrep::Store::open(path);
    if (!opened) throw std::runtime_error(opened.error().message);
    sitrep::SqlStatement c(opened.value()->handle(), "SELECT count(*) FROM events");
    if (!c.step() || c.col_int(0) != kEvents)
      throw std::runtime_error(path + ": not " + std::to_string(kEvents) + " events; delete it to regenerate");
    return std::move(opened.value());
  }();
  return st->handle();
}

void report(benchmark::State& state, size_t rows) {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["rows"] = double(rows);
  state.counters["peak_rss_mb"] = double(ru.ru_maxrss) / 1024.0;
  std::error_code ec;
  auto wal = fs::file_size(store_path() + "-wal", ec);
  state.counters["store_mb"] = double(fs::file_size(store_path()) + (ec ? 0 : wal)) / (1024.0 * 1024.0);
  if (generation_seconds > 0) {
    state.counters["generated_in_s"] = generation_seconds;
    state.counters["gen_peak_rss_mb"] = generation_peak_rss_mb;
  }
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

sitrep::EventFilter filter(std::vector<std::string> actors, std::string from, std::string to) {
  sitrep::EventFilter f;
  f.actors = std::move(actors);
  f.date_from = std::move(from);
  f.date_to = std::move(to);
  return f;
}

// The target: an actor pair over a month, <= 20 ms.
void BM_QueryActorPairMonth(benchmark::State& state) { run(state, filter({"RUS", "TUR"}, "2020-03-01", "2020-03-31")); }

// As `sitrep query` runs it: the store opened (schema check, pragmas) and its page cache cold
// in this connection (the file itself in the OS cache) for every query.
void BM_QueryActorPairMonthFreshOpen(benchmark::State& state) {
  store();
  auto f = filter({"RUS", "TUR"}, "2020-03-01", "2020-03-31");
  size_t rows = 0;
  for (auto _ : state) {
    auto st = sitrep::Store::open(store_path());
    if (!st) throw std::runtime_error(st.error().message);
    rows = sitrep::query_events(st.value()->handle(), f).size();
    benchmark::DoNotOptimize(rows);
  }
  report(state, rows);
}

void BM_QueryActorPairYear(benchmark::State& state) { run(state, filter({"RUS", "TUR"}, "2020", "2020")); }

void BM_QueryActorMonth(benchmark::State& state) { run(state, filter({"USAGOV"}, "2021-06-01", "2021-06-30")); }

void BM_QueryRootMonth(benchmark::State& state) {
  auto f = filter({}, "2020-03-01", "2020-03-31");
  f.cameo = "19";
  f.limit = 100000;
  run(state, f);
}

void BM_QueryFullTextMonth(benchmark::State& state) {
  auto f = filter({}, "2020-03-01", "2020-03-31");
  f.text = "ceasefire AND airstrike";
  run(state, f);
}

BENCHMARK(BM_QueryActorPairMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorPairMonthFreshOpen)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorPairYear)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryRootMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryFullTextMonth)->Unit(benchmark::kMillisecond);

}  // namespace

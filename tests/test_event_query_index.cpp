// The actor lookup behind `sitrep query --actor`: event_actors as fusion fills it, the query's
// semantics (a country matches its codes and its actors, a code its longer forms, anything else
// a name by fragment; all actors given must take part), and the indexed plan.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/event_query.h"
#include "store/events_store.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store.h"
#include "test_support.h"

namespace sitrep {
namespace {

using testing::TempDir;

struct TestMention {
  const char* date;  // nullptr: undated
  const char* source_code;
  const char* source_name;
  const char* source_country;
  const char* target_code;  // nullptr: no target
  const char* target_name;
  const char* target_country;
  const char* cameo;
};

// One asserted mention per article, no two alike in actors and code: fusion makes one event of
// each, named by its source name below.
const TestMention kMentions[] = {
    {"2020-02-28", "RUSGOV", "Vladimir Putin", "RUS", "TURGOV", "Recep Tayyip Erdogan", "TUR", "041"},
    {"2020-03-02", "BLRGOV", "Belarus", "BLR", nullptr, nullptr, nullptr, "010"},
    {"2020-04-10", "RUSMIL", "Russian forces", "RUS", "SYRREB", "rebels", "SYR", "190"},
    {"2020-03-05", "TURGOV", "Turkey", "TUR", "RUSGOVMIL", "Russian Defense Ministry", "RUS", "036"},
    {"2020-03-20", "IGOUNO", "United Nations", nullptr, "SYRGOV", "Damascus", "SYR", "020"},
    {"2020-03-15", "MIL", "troops", "RUS", "UKRMIL", "Ukrainian army", "UKR", "193"},  // RUS by country only
    {nullptr, "USAGOV", "Washington", "USA", "RUSGOV", "Kremlin", "RUS", "130"},
    {"2020-03-31", "SYRREBIMGMOSALQ", "al-Qaeda", "SYR", "TURMIL", "Turkish troops", "TUR", "195"},
    {"2020-04-01", "SYRREBIMGMOS", "Islamist militants", "SYR", "SYRGOV", "Syrian government", "SYR", "180"},
};

void exec_ok(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  ASSERT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << sql;
}

void insert_mentions(sqlite3* db) {
  exec_ok(db, "BEGIN");
  SqlStatement doc(db,
                   "INSERT INTO documents(id, origin, format, pub_date, date_precision, outlet, body, body_hash, "
                   "paragraphs, captions, removed, ingested_at) VALUES (?, ?, 'jsonl', '2020-04-02', 'day', ?, 'body', ?, "
                   "'[]', '[]', '[]', '2020-04-02T00:00:00Z')");
  SqlStatement men(db,
                   "INSERT INTO mentions(doc_id, sentence, begin, end, text, date, source_name, source_code, "
                   "source_country, target_name, target_code, target_country, cameo, cameo_root, modality, confidence) "
                   "VALUES (?, 0, 0, 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', 0.9)");
  auto opt = [](SqlStatement& s, int i, const char* v) {
    if (v) s.text(i, v);
    else s.null(i);
  };
  int n = 0;
  for (const auto& m : kMentions) {
    std::string id = "doc" + std::to_string(++n);
    doc.text(1, id).text(2, id + ".jsonl").text(3, "Wire " + std::to_string(n)).integer(4, n).run();
    men.text(1, id).text(2, std::string(m.source_name) + " said something.");
    opt(men, 3, m.date);
    men.text(4, m.source_name).text(5, m.source_code);
    opt(men, 6, m.source_country);
    opt(men, 7, m.target_name);
    opt(men, 8, m.target_code);
    opt(men, 9, m.target_country);
    men.text(10, m.cameo).text(11, std::string(m.cameo, 2)).run();
  }
  exec_ok(db, "COMMIT");
}

std::vector<std::string> names(sqlite3* db, std::vector<std::string> actors, std::string from = "",
                               std::string to = "") {
  EventFilter f;
  f.actors = std::move(actors);
  f.date_from = std::move(from);
  f.date_to = std::move(to);
  std::vector<std::string> out;
  for (const auto& e : query_events(db, f)) out.push_back(e.source_name);
  return out;
}

std::set<std::string> name_set(sqlite3* db, std::vector<std::string> actors, std::string from = "",
                               std::string to = "") {
  auto v = names(db, std::move(actors), std::move(from), std::move(to));
  return {v.begin(), v.end()};
}

using Names = std::set<std::string>;

int64_t scalar(sqlite3* db, const std::string& sql) {
  SqlStatement s(db, sql);
  return s.step() ? s.col_int(0) : -1;
}

TEST(EventQueryIndex, ActorsThroughFusion) {
  TempDir tmp;
  auto st = Store::open((tmp / "q.db").string());
  ASSERT_TRUE(st);
  sqlite3* db = st.value()->handle();
  insert_mentions(db);
  ASSERT_EQ(fuse_stored_mentions(db).events, std::size(kMentions));

  // A country: codes that begin with it and actors of that country (the "MIL" troops), not
  // names containing it (Belarus).
  EXPECT_EQ(name_set(db, {"RUS"}),
            (Names{"Vladimir Putin", "Russian forces", "Turkey", "troops", "Washington"}));
  // A code: itself and longer codes (RUSGOVMIL), on either side.
  EXPECT_EQ(name_set(db, {"RUSGOV"}), (Names{"Vladimir Putin", "Turkey", "Washington"}));
  EXPECT_EQ(name_set(db, {"RUSGOVMIL"}), (Names{"Turkey"}));
  EXPECT_EQ(name_set(db, {"SYRREB"}), (Names{"Russian forces", "al-Qaeda", "Islamist militants"}));
  // Codes longer than nine letters match their longer forms too.
  EXPECT_EQ(name_set(db, {"SYRREBIMGMOS"}), (Names{"al-Qaeda", "Islamist militants"}));
  EXPECT_EQ(name_set(db, {"SYRREBIMGMOSALQ"}), (Names{"al-Qaeda"}));
  EXPECT_EQ(name_set(db, {"IGO"}), (Names{"United Nations"}));
  EXPECT_TRUE(name_set(db, {"UNO"}).empty());
  EXPECT_TRUE(name_set(db, {"RUSGOVMILREB"}).empty());
  // A pair: both must take part, in either role.
  EXPECT_EQ(name_set(db, {"RUS", "TUR"}), (Names{"Vladimir Putin", "Turkey"}));
  EXPECT_EQ(name_set(db, {"TUR", "RUS"}), (Names{"Vladimir Putin", "Turkey"}));
  EXPECT_EQ(name_set(db, {"SYR", "TUR"}), (Names{"al-Qaeda"}));
  EXPECT_EQ(name_set(db, {"USAGOV", "RUSGOV"}), (Names{"Washington"}));
  EXPECT_TRUE(name_set(db, {"RUSGOVMIL", "SYR"}).empty());
  // Names by fragment, any case; a lower-case code is a name.
  EXPECT_EQ(name_set(db, {"putin"}), (Names{"Vladimir Putin"}));
  EXPECT_EQ(name_set(db, {"Belarus"}), (Names{"Belarus"}));
  EXPECT_EQ(name_set(db, {"rus"}), (Names{"Belarus", "Russian forces", "Turkey"}));  // Russian Defense Ministry
  EXPECT_EQ(name_set(db, {"TUR", "Putin"}), (Names{"Vladimir Putin"}));
  // Date ranges: inclusive, month prefixes cover the month, undated events fall outside.
  EXPECT_EQ(names(db, {"RUS"}, "2020-03-01", "2020-03-31"), (std::vector<std::string>{"Turkey", "troops"}));
  EXPECT_EQ(names(db, {"RUS"}, "2020-03", "2020-03"), (std::vector<std::string>{"Turkey", "troops"}));
  EXPECT_EQ(names(db, {"RUS", "TUR"}, "2020-03"), (std::vector<std::string>{"Turkey"}));
  EXPECT_EQ(names(db, {"RUS"}, "", "2020-02"), (std::vector<std::string>{"Vladimir Putin"}));
  EXPECT_EQ(names(db, {"SYR"}, "2020-03-31", "2020-04-01"),
            (std::vector<std::string>{"al-Qaeda", "Islamist militants"}));
  // Date order, the undated first.
  EXPECT_EQ(names(db, {"RUS"}), (std::vector<std::string>{"Washington", "Vladimir Putin", "Turkey", "troops",
                                                          "Russian forces"}));

  // Fusing again rebuilds the lookup rather than adding to it.
  int64_t rows = scalar(db, "SELECT count(*) FROM event_actors");
  EXPECT_GT(rows, int64_t(std::size(kMentions)));
  ASSERT_EQ(fuse_stored_mentions(db).events, std::size(kMentions));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM event_actors"), rows);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM (SELECT DISTINCT key, event_id FROM event_actors)"), rows);
  EXPECT_EQ(name_set(db, {"RUS", "TUR"}), (Names{"Vladimir Putin", "Turkey"}));
}

// The lookup's definition: every event under the 3-, 6- and 9-letter prefixes of its codes, the
// whole code when longer, and its countries, once per (key, event). fill_event_actors_sql() must
// give exactly these rows, whatever repeats the codes and countries make.
const char* kDefinition = R"sql(
  SELECT substr(source_code, 1, 3), date, id FROM events WHERE length(source_code) >= 3
  UNION SELECT substr(source_code, 1, 6), date, id FROM events WHERE length(source_code) >= 6
  UNION SELECT substr(source_code, 1, 9), date, id FROM events WHERE length(source_code) >= 9
  UNION SELECT source_code, date, id FROM events WHERE length(source_code) > 9
  UNION SELECT substr(target_code, 1, 3), date, id FROM events WHERE length(target_code) >= 3
  UNION SELECT substr(target_code, 1, 6), date, id FROM events WHERE length(target_code) >= 6
  UNION SELECT substr(target_code, 1, 9), date, id FROM events WHERE length(target_code) >= 9
  UNION SELECT target_code, date, id FROM events WHERE length(target_code) > 9
  UNION SELECT source_country, date, id FROM events WHERE length(source_country) = 3
  UNION SELECT target_country, date, id FROM events WHERE length(target_country) = 3
)sql";

struct RandomEvent {
  std::string id, date, source_code, source_name, source_country, target_code, target_name, target_country;
};

std::vector<RandomEvent> random_events(size_t n, uint64_t seed) {
  const char* codes[] = {"",       "RUS",       "RUSGOV",       "RUSGOVMIL",       "RUSGOVMILREB", "RUSGOVMILREBALQ",
                         "RUSMIL", "TUR",       "TURGOV",       "TURGOVMIL",       "GOV",          "MIL",
                         "IGOUNO", "SYRREB",    "SYRREBIMGMOS", "SYRREBIMGMOSALQ", "X"};
  const char* countries[] = {"", "RUS", "TUR", "SYR", "BLR", "USA"};
  const char* names[] = {"", "Vladimir Putin", "Belarus", "Turkish army", "rebels", "Kremlin", "100% Russian"};
  const char* dates[] = {"", "2020-02-28", "2020-03-01", "2020-03-15", "2020-03-31", "2020-03", "2020-04-01",
                         "2021-01-05", "--03-10", "2020"};
  std::mt19937_64 rng(seed);
  auto pick = [&](auto& arr) { return std::string(arr[rng() % std::size(arr)]); };
  std::vector<RandomEvent> out;
  for (size_t i = 0; i < n; ++i) {
    RandomEvent e;
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(rng()));
    e.id = id;
    e.date = pick(dates);
    e.source_code = pick(codes);
    e.source_name = pick(names);
    e.source_country = pick(countries);
    e.target_code = pick(codes);
    e.target_name = pick(names);
    e.target_country = pick(countries);
    if (rng() % 4 == 0) e.target_code = e.source_code;  // the same code on both sides
    if (rng() % 4 == 0 && e.source_code.size() >= 3) e.source_country = e.source_code.substr(0, 3);
    out.push_back(std::move(e));
  }
  return out;
}

// Events written the way fuse_stored_mentions writes them (empty is NULL), then the lookup.
void insert_events(sqlite3* db, const std::vector<RandomEvent>& events) {
  exec_ok(db, "BEGIN");
  SqlStatement ins(db,
                   "INSERT INTO events(id, date, source_code, source_name, source_country, target_code, target_name, "
                   "target_country, cameo, cameo_root, num_mentions, num_sources, num_articles) "
                   "VALUES (?,?,?,?,?,?,?,?,'040','04',1,1,1)");
  for (const auto& e : events) {
    ins.text(1, e.id).text(2, e.date).text(3, e.source_code).text(4, e.source_name).text(5, e.source_country);
    ins.text(6, e.target_code).text(7, e.target_name).text(8, e.target_country).run();
  }
  exec_ok(db, fill_event_actors_sql());
  exec_ok(db, "COMMIT");
}

TEST(EventQueryIndex, FillGivesEachKeyOncePerEvent) {
  TempDir tmp;
  auto st = Store::open((tmp / "q.db").string());
  ASSERT_TRUE(st);
  sqlite3* db = st.value()->handle();
  insert_events(db, random_events(3000, 5));
  int64_t rows = scalar(db, "SELECT count(*) FROM event_actors");
  EXPECT_GT(rows, 3000);
  EXPECT_EQ(scalar(db, std::string("SELECT count(*) FROM (") + kDefinition + ")"), rows);
  EXPECT_EQ(scalar(db, std::string("SELECT count(*) FROM (SELECT key, date, event_id FROM event_actors EXCEPT "
                                   "SELECT * FROM (") + kDefinition + "))"),
            0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM (SELECT DISTINCT key, event_id FROM event_actors)"), rows);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What the filter means, spelled out over the rows.
bool takes_part(const RandomEvent& e, const std::string& actor) {
  if (is_actor_code(actor)) {
    auto begins = [&](const std::string& code) { return code.compare(0, actor.size(), actor) == 0; };
    return begins(e.source_code) || begins(e.target_code) ||
           (actor.size() == 3 && (e.source_country == actor || e.target_country == actor));
  }
  std::string a = lower(actor);
  return lower(e.source_name).find(a) != std::string::npos || lower(e.target_name).find(a) != std::string::npos;
}

TEST(EventQueryIndex, MatchesTheFilterSpelledOut) {
  TempDir tmp;
  auto st = Store::open((tmp / "q.db").string());
  ASSERT_TRUE(st);
  sqlite3* db = st.value()->handle();
  auto events = random_events(1500, 9);
  insert_events(db, events);
  const std::vector<std::vector<std::string>> actor_sets = {
      {"RUS"}, {"RUSGOV"}, {"RUSGOVMIL"}, {"RUSGOVMILREB"}, {"RUSGOVMILREBALQ"}, {"SYRREBIMGMOS"}, {"GOV"},
      {"IGO"}, {"BLR"}, {"USA"}, {"RUS", "TUR"}, {"TURGOV", "RUSMIL"}, {"SYR", "RUS", "TUR"}, {"RUS", "RUS"},
      {"RUS", "putin"}, {"russian"}, {"rus"}, {"100%"}};
  const std::vector<std::pair<std::string, std::string>> ranges = {
      {"", ""}, {"2020-03-01", "2020-03-31"}, {"2020-03", "2020-03"}, {"2020", ""}, {"", "2020-03-01"}};
  for (const auto& actors : actor_sets)
    for (const auto& [from, to] : ranges) {
      std::vector<const RandomEvent*> want;
      for (const auto& e : events) {
        if (!from.empty() && (e.date.empty() || e.date < from)) continue;
        if (!to.empty() && (e.date.empty() || e.date > to + "\xF4")) continue;
        if (std::all_of(actors.begin(), actors.end(), [&](const auto& a) { return takes_part(e, a); }))
          want.push_back(&e);
      }
      std::sort(want.begin(), want.end(), [](const RandomEvent* a, const RandomEvent* b) {
        return a->date != b->date ? a->date < b->date : a->id < b->id;  // NULL (empty) dates first
      });
      std::vector<std::string> want_ids, got_ids;
      for (const auto* e : want) want_ids.push_back(e->id);
      EventFilter f;
      f.actors = actors;
      f.date_from = from;
      f.date_to = to;
      f.limit = 100000;
      for (const auto& r : query_events(db, f)) got_ids.push_back(r.id);
      std::string what = ::testing::PrintToString(actors) + " " + from + ".." + to;
      EXPECT_EQ(got_ids, want_ids) << what;
      if (actors == std::vector<std::string>{"RUS", "TUR"} && from.empty() && to.empty()) {
        EXPECT_GT(want_ids.size(), 20u) << "the generated events should exercise the pair";
      }
    }
}

// The SQL query_events ran last, with its parameters in place.
std::string last_sql;
int capture(unsigned, void*, void* stmt, void*) {
  char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
  if (sql && std::string(sql).find("FROM events e") != std::string::npos) last_sql = sql;
  sqlite3_free(sql);
  return 0;
}

std::string plan(sqlite3* db, const std::string& sql) {
  SqlStatement s(db, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (s.step()) out += s.col_text(3) + "\n";
  return out;
}

TEST(EventQueryIndex, ActorsAndDatesUseTheLookupIndex) {
  TempDir tmp;
  auto st = Store::open((tmp / "q.db").string());
  ASSERT_TRUE(st);
  sqlite3* db = st.value()->handle();
  insert_events(db, random_events(2000, 3));
  exec_ok(db, "ANALYZE");
  sqlite3_trace_v2(db, SQLITE_TRACE_STMT, capture, nullptr);
  for (const std::string actor : {"RUS", "RUSGOV", "SYRREBIMGMOS"}) {
    EventFilter f;
    f.actors = {actor, "TUR"};
    f.date_from = "2020-03-01";
    f.date_to = "2020-03-31";
    last_sql.clear();
    query_events(db, f);
    ASSERT_FALSE(last_sql.empty());
    std::string p = plan(db, last_sql);
    EXPECT_NE(p.find("SEARCH event_actors USING INDEX event_actors_key_date (key"), std::string::npos) << p;
    EXPECT_EQ(p.find("SCAN event_actors"), std::string::npos) << p;
    EXPECT_EQ(p.find("SCAN e"), std::string::npos) << p;
  }
  sqlite3_trace_v2(db, 0, nullptr, nullptr);
}

}  // namespace
}  // namespace sitrep

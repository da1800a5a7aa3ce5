// From stored articles to fused events, stories, timelines and exports, through the sitrep
// binary: the seeds (when ../shared is present) and hand-written articles otherwise.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "code/coder.h"
#include "fuse/stories.h"
#include "kb/linker.h"
#include "out/export.h"
#include "store/event_query.h"
#include "store/schema.h"
#include "store/store.h"
#include "test_support.h"

namespace sitrep {
namespace {

using testing::read_file;
using testing::run_sitrep;
using testing::TempDir;
using testing::write_file;

std::vector<std::vector<std::string>> rows_of(sqlite3* db, const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      auto* t = sqlite3_column_text(st, i);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  return out;
}

std::vector<std::string> seed_files() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The whole store's events as text rows, for comparing two runs.
std::vector<std::vector<std::string>> event_table(const std::string& db) {
  auto st = Store::open(db);
  EXPECT_TRUE(st);
  return rows_of(st.value()->handle(),
                 "SELECT id, date, source_code, target_code, cameo, num_mentions, num_sources, num_articles, "
                 "COALESCE(story_id,'') FROM events ORDER BY id");
}

class SeedEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::have_shared()) GTEST_SKIP() << "../shared/seeds not present";
    db_ = (tmp_ / "s.db").string();
    std::string files;
    for (const auto& f : seed_files()) files += " " + f;
    auto r = run_sitrep("ingest --db " + db_ + files);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_sitrep("code --db " + db_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir tmp_;
  std::string db_;
};

TEST_F(SeedEvents, TheFebruary28CallIsOneEventWithTwoSources) {
  auto st = Store::open(db_);
  ASSERT_TRUE(st);
  auto calls = rows_of(st.value()->handle(),
                       "SELECT id, num_sources, num_articles FROM events WHERE cameo = '041' AND date = '2020-02-28'");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0][1], "2");
  EXPECT_EQ(calls[0][2], "2");
  // Reported by TASS (003) and by the undated SouthFront piece (002) whose "February 28th" has no year.
  auto docs = rows_of(st.value()->handle(), "SELECT DISTINCT d.origin FROM mentions m JOIN documents d ON d.id = m.doc_id "
                                            "WHERE m.event_id = '" + calls[0][0] + "' ORDER BY d.origin");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_NE(docs[0][0].find("002_"), std::string::npos);
  EXPECT_NE(docs[1][0].find("003_"), std::string::npos);
  // The July call is another event.
  auto july = rows_of(st.value()->handle(), "SELECT id FROM events WHERE cameo = '041' AND date LIKE '2020-07%'");
  ASSERT_EQ(july.size(), 1u);
  EXPECT_NE(july[0][0], calls[0][0]);
}

TEST_F(SeedEvents, TimelineOfTheRussiaTurkeyPairInDateOrder) {
  auto r = run_sitrep("timeline --db " + db_ + " --actor RUS --actor TUR");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The dated lines, in order.
  std::vector<std::string> dates, lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (line.size() > 10 && line[0] == '2' && line[4] == '-') {
      dates.push_back(line.substr(0, 10));
      lines.push_back(line);
    }
  ASSERT_FALSE(dates.empty()) << r.out;
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << r.out;
  auto has = [&](const std::string& date, const std::string& what) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.compare(0, date.size(), date) == 0 && l.find(what) != std::string::npos;
    });
  };
  EXPECT_TRUE(has("2020-02-19", "[138")) << r.out;       // Erdogan's threat
  EXPECT_TRUE(has("2020-02-28", "[041 phone")) << r.out;  // the call
  EXPECT_TRUE(has("2020-02-28", "[195")) << r.out;       // the airstrike on Turkish soldiers
  EXPECT_TRUE(has("2020-03-05", "[042")) << r.out;       // the Moscow visit
  EXPECT_TRUE(has("2020-07-13", "[041 phone")) << r.out;  // the July call
}

TEST_F(SeedEvents, CodingAgainChangesNothingAndIncrementalEqualsAtOnce) {
  auto before = event_table(db_);
  ASSERT_FALSE(before.empty());
  auto r = run_sitrep("code --db " + db_ + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"documents_coded\":0"), std::string::npos) << r.out;
  EXPECT_EQ(event_table(db_), before);

  // Three articles first, the other two later: the same events, ids and stories.
  std::string db2 = (tmp_ / "inc.db").string();
  auto files = seed_files();
  ASSERT_EQ(run_sitrep("ingest --db " + db2 + " " + files[0] + " " + files[3] + " " + files[4]).exit_code, 0);
  ASSERT_EQ(run_sitrep("code --db " + db2).exit_code, 0);
  auto partial = event_table(db2);
  ASSERT_EQ(run_sitrep("ingest --db " + db2 + " " + files[1] + " " + files[2]).exit_code, 0);
  ASSERT_EQ(run_sitrep("code --db " + db2).exit_code, 0);
  EXPECT_NE(event_table(db2), partial);
  EXPECT_EQ(event_table(db2), before);
}

// One line of a CSV file with quoted fields.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

bool is_integer(const std::string& v) {
  if (v.empty()) return false;
  size_t i = v[0] == '-' ? 1 : 0;
  return i < v.size() && std::all_of(v.begin() + long(i), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_float(const std::string& v) {
  if (v.empty()) return false;
  char* end = nullptr;
  std::strtod(v.c_str(), &end);
  return end == v.c_str() + v.size();
}

// The column names and types of a GDELT column list: (name, INTEGER|FLOAT|STRING).
std::vector<std::pair<std::string, std::string>> gdelt_columns(const std::string& file, bool tsv) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(read_file(testing::shared_dir() / "data/events/cameo" / file));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto f = tsv ? split_tabs(line) : csv_fields(line);
    if (tsv) f.erase(f.begin());  // the row number
    if (f.size() >= 2) out.push_back({f[0], f[1]});
  }
  return out;
}

void check_gdelt_export(const std::string& db, const std::string& format, const std::string& column_file, bool tsv,
                        size_t columns) {
  auto cols = gdelt_columns(column_file, tsv);
  ASSERT_EQ(cols.size(), columns);
  auto r = run_sitrep("export --db " + db + " --format " + format);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto header = split_tabs(line);
  ASSERT_EQ(header.size(), columns);
  for (size_t i = 0; i < columns; ++i) EXPECT_EQ(header[i], cols[i].first) << "column " << i;
  size_t rows = 0;
  std::map<std::string, size_t> filled;
  while (std::getline(in, line)) {
    auto f = split_tabs(line);
    ASSERT_EQ(f.size(), columns) << line;
    for (size_t i = 0; i < columns; ++i) {
      if (f[i].empty()) continue;  // every GDELT column is NULLABLE
      ++filled[cols[i].first];
      if (cols[i].second == "INTEGER") {
        EXPECT_TRUE(is_integer(f[i])) << cols[i].first << " = " << f[i];
      }
      if (cols[i].second == "FLOAT") {
        EXPECT_TRUE(is_float(f[i])) << cols[i].first << " = " << f[i];
      }
    }
    ++rows;
  }
  EXPECT_GT(rows, 0u);
  if (format == "gdelt-events") {
    for (const char* c : {"GLOBALEVENTID", "SQLDATE", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                          "NumMentions", "NumSources", "NumArticles", "Actor1Code", "DATEADDED", "SOURCEURL"})
      EXPECT_GT(filled[c], 0u) << c;
  } else {
    for (const char* c : {"GLOBALEVENTID", "MentionType", "MentionIdentifier", "SentenceID", "ActionCharOffset", "Confidence"})
      EXPECT_GT(filled[c], 0u) << c;
  }
}

TEST_F(SeedEvents, GdeltExportsReadBackWithGdeltColumnsAndTypes) {
  check_gdelt_export(db_, "gdelt-events", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", false, 61);
  check_gdelt_export(db_, "gdelt-mentions", "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv", true, 16);
}

TEST_F(SeedEvents, QueryFilters) {
  auto st = Store::open(db_);
  ASSERT_TRUE(st);
  sqlite3* h = st.value()->handle();
  EventFilter f;
  f.actors = {"RUS", "TUR"};
  f.cameo = "041";
  auto calls = query_events(h, f);
  ASSERT_EQ(calls.size(), 2u);  // February and July
  EXPECT_LT(calls[0].date, calls[1].date);
  f.date_from = "2020-07";
  EXPECT_EQ(query_events(h, f).size(), 1u);
  EventFilter g;
  g.text = "airstrike";
  auto strikes = query_events(h, g);
  ASSERT_FALSE(strikes.empty());
  for (const auto& e : strikes) EXPECT_EQ(e.cameo_root, "19");
  EventFilter q;
  q.quad_class = 4;
  for (const auto& e : query_events(h, q)) EXPECT_EQ(e.quad_class, 4);
  EventFilter o;
  o.outlet = "Asharq";
  auto asharq = query_events(h, o);
  ASSERT_FALSE(asharq.empty());
  for (const auto& e : asharq) EXPECT_EQ(e.date.substr(0, 7), "2020-07");
  EventFilter erdogan;
  erdogan.actors = {"Erdogan"};
  EXPECT_FALSE(query_events(h, erdogan).empty());
  EventFilter none;
  none.actors = {"FRA"};
  EXPECT_TRUE(query_events(h, none).empty());
  // Confidence and sources: the filters keep exactly the events that reach them.
  EventFilter all;
  auto every = query_events(h, all);
  ASSERT_FALSE(every.empty());
  EventFilter sure;
  sure.min_confidence = 0.5;
  auto confident = query_events(h, sure);
  size_t expected = 0;
  for (const auto& e : every) {
    double best = -1;
    for (const auto& m : mentions_of(h, e.id))
      if (m.id == e.best_mention) best = m.confidence;
    expected += best >= 0.5;
  }
  EXPECT_EQ(confident.size(), expected);
  EXPECT_LT(confident.size(), every.size());
  EventFilter widely;
  widely.min_sources = 2;
  auto wide = query_events(h, widely);
  EXPECT_FALSE(wide.empty());
  EXPECT_LT(wide.size(), every.size());
  for (const auto& e : wide) EXPECT_GE(e.num_sources, 2);

  auto r = run_sitrep("query --db " + db_ + " --actor RUS --actor TUR --cameo 041 --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  // Regression: a malformed full-text query was reported as a fatal store error (exit 1).
  auto bad = run_sitrep("query --db " + db_ + " --text 'AND AND'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--text"), std::string::npos) << bad.err;
}

TEST(Stories, ArticlesAndPairsJoinWithinTheGap) {
  auto ev = [](std::string id, std::string date, std::string a, std::string b, std::vector<std::string> docs,
               std::string place = "") {
    StoryEvent e;
    e.id = std::move(id);
    e.date = PartialDate::parse(date);
    e.source_country = std::move(a);
    e.target_country = std::move(b);
    e.docs = std::move(docs);
    e.place = std::move(place);
    return e;
  };
  std::vector<StoryEvent> in{
      ev("call", "2020-02-28", "RUS", "TUR", {"d1", "d2"}, "Idlib"),
      ev("strike", "2020-02-27", "SYR", "TUR", {"d1"}, "Idlib"),   // same article as the call
      ev("visit", "2020-03-05", "TUR", "RUS", {"d3"}, "Moscow"),   // same pair, a week later
      ev("july", "2020-07-13", "RUS", "TUR", {"d4"}),               // same pair, months later
      ev("other", "2020-02-28", "FRA", "DEU", {"d5"}),             // unrelated
      ev("undated", "--02-28", "RUS", "TUR", {"d1"}),              // no year: no story
  };
  auto stories = group_stories(in);
  ASSERT_EQ(stories.size(), 3u);
  std::map<std::string, std::set<std::string>> by_label;
  for (const auto& s : stories) {
    std::set<std::string> ids;
    for (size_t i : s.events) ids.insert(in[i].id);
    by_label[s.label] = ids;
  }
  EXPECT_EQ(by_label["Idlib, Feb\xE2\x80\x93Mar 2020: RUS\xE2\x80\x93TUR"], (std::set<std::string>{"call", "strike", "visit"}));
  EXPECT_EQ(by_label["Jul 2020: RUS\xE2\x80\x93TUR"], (std::set<std::string>{"july"}));
  EXPECT_EQ(by_label["Feb 2020: DEU\xE2\x80\x93" "FRA"], (std::set<std::string>{"other"}));
  // Stable: the same input gives the same ids.
  EXPECT_EQ(group_stories(in)[0].id, stories[0].id);
}

// Regression: on a real corpus, a pair in the news every few weeks chained 65,000 events over
// eight years into one story, and "GOV" (an actor with no country) counted as a country.
TEST(Stories, APairAlwaysInTheNewsIsASeriesOfStories) {
  std::vector<StoryEvent> in;
  for (int k = 0; k < 24; ++k) {  // USA-SYR every month for two years
    StoryEvent e;
    e.id = "m" + std::to_string(k);
    e.date = PartialDate{2012 + k / 12, k % 12 + 1, 15};
    e.source_country = "USA";
    e.target_country = "SYR";
    e.docs = {"d" + std::to_string(k)};
    in.push_back(e);
  }
  StoryEvent g;  // a government somewhere, no country known, the same month as m0
  g.id = "gov";
  g.date = PartialDate{2012, 1, 20};
  g.source_country = "GOV";
  g.docs = {"other"};
  in.push_back(g);
  StoryEvent y;  // a year alone places nothing in a story
  y.id = "year";
  y.date = PartialDate{2012, 0, 0};
  y.source_country = "USA";
  y.target_country = "SYR";
  y.docs = {"d0"};
  in.push_back(y);
  auto stories = group_stories(in);
  ASSERT_GE(stories.size(), 6u);
  for (const auto& s : stories) {
    EXPECT_LE(s.events.size(), 5u) << s.label;
    for (size_t i : s.events) {
      EXPECT_NE(in[i].id, "year");
      if (in[i].id == "gov") {
        EXPECT_EQ(s.events.size(), 1u) << s.label;
      }
    }
    EXPECT_EQ(s.label.find("GOV"), std::string::npos) << s.label;
  }
  EXPECT_TRUE(is_role_code("MIL"));
  EXPECT_FALSE(is_role_code("RUS"));
}

TEST(PluralReferences, TheTwoLeadersAreThePairLastNamed) {
  std::string body = "Vladimir Putin met Recep Tayyip Erdogan. Later the two leaders held a phone call.";
  std::vector<kb::LinkedMention> ms(2);
  ms[0].begin = 0, ms[0].end = 14, ms[0].code = "RUSGOV", ms[0].entry = 1;
  ms[1].begin = 19, ms[1].end = 39, ms[1].code = "TURGOV", ms[1].entry = 2;
  auto partner = code::resolve_pairs(body, ms);
  ASSERT_EQ(ms.size(), 4u);
  ASSERT_EQ(partner.size(), 4u);
  EXPECT_EQ(body.substr(ms[2].begin, ms[2].end - ms[2].begin), "two");
  EXPECT_EQ(body.substr(ms[3].begin, ms[3].end - ms[3].begin), "leaders");
  EXPECT_EQ(partner[2], 3);
  EXPECT_EQ(partner[3], 2);
  EXPECT_EQ(partner[0], -1);
  std::set<std::string> codes{ms[2].code, ms[3].code};
  EXPECT_EQ(codes, (std::set<std::string>{"RUSGOV", "TURGOV"}));

  // One person named: nothing to resolve.
  std::vector<kb::LinkedMention> one(1);
  one[0] = ms[0];
  EXPECT_EQ(code::resolve_pairs(body, one).size(), 1u);
  EXPECT_EQ(one.size(), 1u);
}

TEST(Export, GlobalEventIdIsStableAndFitsADouble) {
  EXPECT_EQ(gdelt_event_number("0000000000001fff"), 1);
  EXPECT_EQ(gdelt_event_number("ffffffffffffffff"), (int64_t(1) << 52) - 1);
  EXPECT_EQ(gdelt_event_number("26ec4942f3b1573e"), gdelt_event_number("26ec4942f3b1573e"));
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// The demo shows the furthest stage: documents, events, stories with timelines, the report.
TEST(Demo, RunsEveryStageOnTheBundledExamples) {
  TempDir tmp;
  std::string db = (tmp / "demo.db").string();
  auto r = run_sitrep("demo --db " + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* stage : {"== 1. ingest", "== 2. documents", "== 3. events", "== 4. stories", "== 5. report"})
    EXPECT_NE(r.out.find(stage), std::string::npos) << stage << "\n" << r.out;
  // The wire story, its edited copy and another outlet report the same meeting: one event,
  // three sources (the wire's dateline "ISTANBUL (Example Wire) -" is a segment of its own, so
  // "Russian and Ukrainian negotiators met" parses with both as the subject).
  EXPECT_NE(r.out.find("CONSULT Russia -> Ukraine  [044 third-party, Istanbul]\n            6 mention(s), 3 source(s): "
                       "Example Daily, Example Repost, Example Wire"),
            std::string::npos)
      << r.out;
  std::string html = read_file(tmp / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Idlib"), std::string::npos);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Regression: --actor RUS also matched names containing "rus" (Belarus, Cyprus) through the
// name fragment; codes now go through the indexed actor lookup and names by fragment only.
TEST(QueryActors, CodesByLookupNamesByFragment) {
  EXPECT_TRUE(is_actor_code("RUS"));
  EXPECT_TRUE(is_actor_code("RUSGOV"));
  EXPECT_TRUE(is_actor_code("IGOUNO"));
  EXPECT_FALSE(is_actor_code("Erdogan"));
  EXPECT_FALSE(is_actor_code("NATO"));
  EXPECT_FALSE(is_actor_code("rus"));
  TempDir tmp;
  auto st = Store::open((tmp / "q.db").string());
  ASSERT_TRUE(st);
  sqlite3* db = st.value()->handle();
  const char* sql = R"sql(
INSERT INTO events(id, date, source_code, source_name, source_country, target_code, target_name, target_country,
  cameo, cameo_root, num_mentions, num_sources, num_articles) VALUES
  ('e1', '2020-02-28', 'RUSGOV', 'Vladimir Putin', 'RUS', 'TURGOV', 'Recep Tayyip Erdogan', 'TUR', '041', '04', 1, 1, 1),
  ('e2', '2020-03-02', 'BLRGOV', 'Belarus', 'BLR', NULL, NULL, NULL, '010', '01', 1, 1, 1),
  ('e3', '2020-04-10', 'RUSMIL', 'Russian forces', 'RUS', 'SYRREB', 'rebels', 'SYR', '190', '19', 1, 1, 1),
  ('e4', '2020-03-05', 'TURGOV', 'Turkey', 'TUR', 'RUSGOVMIL', 'Russian Defense Ministry', 'RUS', '040', '04', 1, 1, 1);
)sql";
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  ASSERT_EQ(sqlite3_exec(db, fill_event_actors_sql(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  auto ids = [&](std::vector<std::string> actors, std::string from = "", std::string to = "") {
    EventFilter f;
    f.actors = std::move(actors);
    f.date_from = std::move(from);
    f.date_to = std::move(to);
    std::vector<std::string> out;
    for (const auto& e : query_events(db, f)) out.push_back(e.id);
    return out;
  };
  EXPECT_EQ(ids({"RUS"}), (std::vector<std::string>{"e1", "e4", "e3"}));  // not Belarus
  EXPECT_EQ(ids({"RUSGOV"}), (std::vector<std::string>{"e1", "e4"}));    // RUSGOV and RUSGOVMIL
  EXPECT_EQ(ids({"RUS", "TUR"}), (std::vector<std::string>{"e1", "e4"}));
  EXPECT_EQ(ids({"RUS", "TUR"}, "2020-03"), (std::vector<std::string>{"e4"}));
  EXPECT_EQ(ids({"RUS"}, "2020-03", "2020-03"), (std::vector<std::string>{"e4"}));
  EXPECT_EQ(ids({"SYR"}), (std::vector<std::string>{"e3"}));
  EXPECT_EQ(ids({"Belarus"}), (std::vector<std::string>{"e2"}));
  EXPECT_EQ(ids({"erdogan"}), (std::vector<std::string>{"e1"}));
}

}  // namespace
}  // namespace sitrep

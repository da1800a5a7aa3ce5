// `sitrep report` on a small store written by hand: filters, mentions, stories and quotes are
// read through the event reader, and the file is written.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/schema.h"
#include "store/store.h"
#include "test_support.h"

namespace sitrep {
namespace {

using testing::read_file;
using testing::run_sitrep;
using testing::TempDir;

void make_store(const std::string& path) {
  auto st = Store::open(path);
  ASSERT_TRUE(st);
  const char* sql = R"sql(
INSERT INTO documents(id, origin, format, url, title, pub_date, date_precision, outlet, body, body_hash,
  paragraphs, captions, removed, ingested_at) VALUES
  ('d1', 'tass.html', 'html', 'https://tass.example/1', 'Call', '2020-02-28', 'day', 'TASS', 'b1', 1, '[]', '[]', '[]', 'now'),
  ('d2', 'sf.html', 'html', NULL, 'Call', '2020-02-28', 'day', 'SouthFront', 'b2', 2, '[]', '[]', '[]', 'now'),
  ('d3', 'afp.html', 'html', NULL, 'Paris', '2019-05-01', 'day', 'AFP', 'b3', 3, '[]', '[]', '[]', 'now');
INSERT INTO mentions(id, doc_id, sentence, begin, end, text, cameo, cameo_root, modality, event_id) VALUES
  (1, 'd1', 0, 0, 10, 'Putin and Erdogan discussed Idlib <script>x</script> by phone.', '040', '04', 'asserted', 'ev1'),
  (2, 'd2', 0, 0, 10, 'The two presidents spoke by phone.', '040', '04', 'asserted', 'ev1'),
  (3, 'd3', 0, 0, 10, 'France and Germany met in Paris.', '040', '04', 'asserted', 'ev2');
INSERT INTO events(id, date, date_precision, source_code, source_name, target_code, target_name, cameo, cameo_root,
  plover, goldstein, quad_class, location_name, country, lat, lon, num_mentions, num_sources, num_articles,
  first_report, best_mention, story_id) VALUES
  ('ev1', '2020-02-28', 'day', 'RUSGOV', 'Vladimir Putin', 'TURGOV', 'Recep Tayyip Erdogan', '040', '04', 'CONSULT',
   1.0, 1, 'Idlib', 'SYR', 35.93, 36.63, 2, 2, 2, '2020-02-28', 1, 's1'),
  ('ev2', '2019-05-01', 'day', 'FRAGOV', 'France', 'DEUGOV', 'Germany', '040', '04', 'CONSULT',
   1.0, 1, 'Paris', 'FRA', 48.85, 2.35, 1, 1, 1, '2019-05-01', 3, 's2');
INSERT INTO stories(id, label, first_date, last_date, num_events, countries, place) VALUES
  ('s1', 'Idlib, Feb 2020: RUS–TUR', '2020-02-28', '2020-02-28', 1, 'SYR', 'Idlib'),
  ('s2', 'Paris, May 2019: FRA–DEU', '2019-05-01', '2019-05-01', 1, 'FRA', 'Paris');
INSERT INTO quotes(doc_id, begin, end, text, speaker_name, speaker_code) VALUES
  ('d1', 0, 5, 'We agreed to talk again.', 'Vladimir Putin', 'RUSGOV'),
  ('d3', 0, 5, 'Europe stands together.', 'Emmanuel Macron', 'FRAGOV');
)sql";
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(st.value()->handle(), sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  // As fusion does after writing events: the actor lookup.
  ASSERT_EQ(sqlite3_exec(st.value()->handle(), fill_event_actors_sql(), nullptr, nullptr, &err), SQLITE_OK)
      << (err ? err : "");
}

TEST(ReportCli, WritesTheFilteredReport) {
  TempDir tmp;
  make_store((tmp / "s.db").string());
  auto r = run_sitrep("report --db " + (tmp / "s.db").string() + " --actor RUS -o " + (tmp / "r.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 events"), std::string::npos) << r.out;
  std::string html = read_file(tmp / "r.html");
  EXPECT_NE(html.find("Events with actor RUS"), std::string::npos);
  EXPECT_NE(html.find("id=\"event-ev1\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"event-ev2\""), std::string::npos);
  EXPECT_NE(html.find("Reported by <span class=\"outlet\">TASS</span>, <span class=\"outlet\">SouthFront</span>"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Its own story and the quotes of its own articles only.
  EXPECT_NE(html.find("Idlib, Feb 2020: RUS–TUR"), std::string::npos);
  EXPECT_EQ(html.find("Paris, May 2019"), std::string::npos);
  EXPECT_NE(html.find("We agreed to talk again."), std::string::npos);
  EXPECT_EQ(html.find("Europe stands together."), std::string::npos);
}

TEST(ReportCli, NoMatchGivesAnEmptyReport) {
  TempDir tmp;
  make_store((tmp / "s.db").string());
  auto r = run_sitrep("report --db " + (tmp / "s.db").string() + " --actor XYZ --output " + (tmp / "r.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(tmp / "r.html").find("No events match"), std::string::npos);
}

TEST(ReportCli, MissingStoreIsAnError) {
  TempDir tmp;
  auto r = run_sitrep("report --db " + (tmp / "none.db").string() + " -o " + (tmp / "r.html").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(tmp / "r.html"));
}

}  // namespace
}  // namespace sitrep

#include "store/event_query.h"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <set>

#include "store/sql.h"

namespace sitrep {
namespace {

std::string like_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

bool is_actor_code(const std::string& a) {
  if (a.size() < 3 || a.size() % 3 != 0) return false;
  for (char c : a)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::vector<EventRow> query_events(sqlite3* db, const EventFilter& f) {
  std::string sql =
      "SELECT e.id, COALESCE(e.date,''), e.date_precision, COALESCE(e.source_code,''), COALESCE(e.source_name,''), "
      "COALESCE(e.source_country,''), COALESCE(e.target_code,''), COALESCE(e.target_name,''), "
      "COALESCE(e.target_country,''), e.cameo, e.cameo_root, COALESCE(e.plover,''), COALESCE(e.plover_mode,''), "
      "e.goldstein, e.quad_class, COALESCE(e.location_name,''), COALESCE(e.country,''), COALESCE(e.admin1,''), "
      "COALESCE(e.geonames_id,0), e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles, "
      "COALESCE(e.first_report,''), COALESCE(e.last_report,''), COALESCE(e.story_id,''), e.best_mention, "
      "COALESCE(m.text,''), COALESCE(d.url, d.origin, '') "
      "FROM events e LEFT JOIN mentions m ON m.id = e.best_mention LEFT JOIN documents d ON d.id = m.doc_id WHERE 1";
  std::vector<std::string> params;
  auto add = [&](const std::string& clause, std::initializer_list<std::string> values) {
    sql += " AND " + clause;
    params.insert(params.end(), values);
  };
  for (const auto& a : f.actors) {
    if (is_actor_code(a)) {
      // A CAMEO code or country: the indexed lookup (the code and its longer forms, RUS ->
      // RUSGOV, RUSMIL), within the date range when there is one.
      // Keys are the 3-, 6- and 9-letter prefixes of a code and the whole of a longer one, so a
      // longer code asks for the keys it begins (SYRREBIMGMOS: also SYRREBIMGMOSALQ).
      std::string clause = "e.id IN (SELECT event_id FROM event_actors WHERE ";
      std::vector<std::string> values{a};
      if (a.size() <= 9) clause += "key = ?";
      else clause += "key >= ? AND key < ?", values.push_back(a + "~");  // '~' sorts after A-Z, 0-9
      if (!f.date_from.empty()) clause += " AND date >= ?", values.push_back(f.date_from);
      if (!f.date_to.empty()) clause += " AND date <= ?", values.push_back(f.date_to + "\xF4");
      sql += " AND " + clause + ")";
      params.insert(params.end(), values.begin(), values.end());
    } else {
      // A name by fragment.
      std::string name = "%" + like_escape(a) + "%";
      add("(e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\')", {name, name});
    }
  }
  if (!f.cameo.empty()) add("e.cameo LIKE ? ESCAPE '\\'", {like_escape(f.cameo) + "%"});
  if (!f.plover.empty()) add("e.plover = ?", {f.plover});
  if (f.quad_class) add("e.quad_class = ?", {std::to_string(f.quad_class)});
  // Dates compare as text; "--MM-DD" events have no year and fall outside any range.
  if (!f.date_from.empty()) add("e.date >= ?", {f.date_from});
  if (!f.date_to.empty()) add("e.date <= ?", {f.date_to + "\xF4"});  // "2020-03" includes 2020-03-31
  if (!f.place.empty()) add("e.location_name LIKE ? ESCAPE '\\'", {"%" + like_escape(f.place) + "%"});
  if (!f.country.empty()) add("e.country = ?", {f.country});
  if (!f.story.empty()) add("e.story_id = ?", {f.story});
  if (f.min_confidence > 0) add("m.confidence >= ?", {std::to_string(f.min_confidence)});
  if (f.min_sources > 1) add("e.num_sources >= ?", {std::to_string(f.min_sources)});
  if (!f.outlet.empty())
    add("e.id IN (SELECT m2.event_id FROM mentions m2 JOIN documents d2 ON d2.id = m2.doc_id WHERE d2.outlet LIKE ? "
        "ESCAPE '\\')",
        {"%" + like_escape(f.outlet) + "%"});
  if (!f.text.empty())
    add("e.id IN (SELECT m3.event_id FROM mentions m3 WHERE m3.id IN (SELECT rowid FROM mentions_fts WHERE "
        "mentions_fts MATCH ?))",
        {f.text});
  sql += " ORDER BY e.date, e.id LIMIT ?";
  SqlStatement s(db, sql);
  int i = 1;
  for (const auto& p : params) s.text(i++, p);
  s.integer(i, f.limit);
  std::vector<EventRow> out;
  for (;;) {
    bool row;
    try {
      row = s.step();
    } catch (const std::runtime_error& e) {
      // A malformed --text is the user's query, not a broken store.
      if (!f.text.empty() && std::string_view(e.what()).find("fts5") != std::string_view::npos)
        throw std::invalid_argument("--text '" + f.text + "': " + e.what());
      throw;
    }
    if (!row) break;
    EventRow r;
    r.id = s.col_text(0);
    r.date = s.col_text(1);
    r.date_precision = s.col_text(2);
    r.source_code = s.col_text(3);
    r.source_name = s.col_text(4);
    r.source_country = s.col_text(5);
    r.target_code = s.col_text(6);
    r.target_name = s.col_text(7);
    r.target_country = s.col_text(8);
    r.cameo = s.col_text(9);
    r.cameo_root = s.col_text(10);
    r.plover = s.col_text(11);
    r.plover_mode = s.col_text(12);
    r.goldstein = s.col_real(13);
    r.quad_class = static_cast<int>(s.col_int(14));
    r.location_name = s.col_text(15);
    r.country = s.col_text(16);
    r.admin1 = s.col_text(17);
    r.geonames_id = s.col_int(18);
    r.has_coordinates = !s.col_null(19);
    r.lat = s.col_real(19);
    r.lon = s.col_real(20);
    r.num_mentions = s.col_int(21);
    r.num_sources = s.col_int(22);
    r.num_articles = s.col_int(23);
    r.first_report = s.col_text(24);
    r.last_report = s.col_text(25);
    r.story_id = s.col_text(26);
    r.best_mention = s.col_int(27);
    r.evidence = s.col_text(28);
    r.source_url = s.col_text(29);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<EventRow> timeline_events(sqlite3* db, const EventFilter& f) {
  std::vector<EventRow> rows = query_events(db, f);
  if (f.actors.size() >= 2 && f.story.empty()) {
    std::set<std::string> seen, stories;
    for (const auto& r : rows) {
      seen.insert(r.id);
      if (!r.story_id.empty()) stories.insert(r.story_id);
    }
    for (const auto& story : stories)
      for (const auto& actor : f.actors) {
        EventFilter g = f;
        g.story = story;
        g.actors = {actor};
        for (auto& r : query_events(db, g))
          if (seen.insert(r.id).second) rows.push_back(std::move(r));
      }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const EventRow& a, const EventRow& b) {
    bool ua = a.date.empty() || a.date[0] == '-', ub = b.date.empty() || b.date[0] == '-';
    if (ua != ub) return ub;
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  if (rows.size() > size_t(f.limit)) rows.resize(size_t(f.limit));
  return rows;
}

std::vector<MentionRow> mentions_of(sqlite3* db, const std::string& event_id) {
  SqlStatement s(db,
                 "SELECT m.id, m.event_id, m.doc_id, d.origin, COALESCE(d.url,''), COALESCE(d.outlet,''), "
                 "COALESCE(d.pub_date,''), m.text, m.modality, m.sentence, m.begin, m.end, m.confidence, "
                 "COALESCE(m.source_code,''), COALESCE(m.target_code,''), m.cameo "
                 "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ? ORDER BY m.id");
  s.text(1, event_id);
  std::vector<MentionRow> out;
  while (s.step()) {
    MentionRow r;
    r.id = s.col_int(0);
    r.event_id = s.col_text(1);
    r.doc_id = s.col_text(2);
    r.origin = s.col_text(3);
    r.url = s.col_text(4);
    r.outlet = s.col_text(5);
    r.pub_date = s.col_text(6);
    r.text = s.col_text(7);
    r.modality = s.col_text(8);
    r.sentence = s.col_int(9);
    r.begin = s.col_int(10);
    r.end = s.col_int(11);
    r.confidence = s.col_real(12);
    r.source_code = s.col_text(13);
    r.target_code = s.col_text(14);
    r.cameo = s.col_text(15);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<StoryRow> query_stories(sqlite3* db) {
  SqlStatement s(db,
                 "SELECT id, label, COALESCE(first_date,''), COALESCE(last_date,''), COALESCE(countries,''), "
                 "COALESCE(place,''), num_events FROM stories ORDER BY num_events DESC, first_date");
  std::vector<StoryRow> out;
  while (s.step())
    out.push_back({s.col_text(0), s.col_text(1), s.col_text(2), s.col_text(3), s.col_text(4), s.col_text(5), s.col_int(6)});
  return out;
}

std::vector<QuoteRow> query_quotes(sqlite3* db, int64_t limit) {
  SqlStatement s(db,
                 "SELECT q.doc_id, q.text, COALESCE(q.speaker_name,''), COALESCE(q.speaker_code,''), "
                 "COALESCE(d.outlet,''), COALESCE(d.pub_date,'') FROM quotes q JOIN documents d ON d.id = q.doc_id "
                 "WHERE q.speaker_name IS NOT NULL ORDER BY q.speaker_name, q.id LIMIT ?");
  s.integer(1, limit);
  std::vector<QuoteRow> out;
  while (s.step()) out.push_back({s.col_text(0), s.col_text(1), s.col_text(2), s.col_text(3), s.col_text(4), s.col_text(5)});
  return out;
}

}  // namespace sitrep

#include "store/events_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <unordered_map>

#include "fuse/fusion.h"
#include "fuse/stories.h"
#include "store/schema.h"
#include "store/sql.h"

namespace sitrep {
namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const char* precision_of(const PartialDate& d) {
  if (!d.year) return d.month ? "unknown year" : "unknown";
  return d.day ? "day" : d.month ? "month" : "year";
}

struct MentionInfo {
  std::string doc_id, source_name, source_country, target_name, target_country, plover, plover_mode, location_name, admin1;
  double goldstein = 0, lat = 0, lon = 0;
  int quad = 0;
  bool has_coords = false;
};

}  // namespace

std::vector<Doc> load_uncoded_documents(sqlite3* db, int64_t limit) {
  SqlStatement s(db,
                 "SELECT id, origin, format, COALESCE(url,''), COALESCE(title,''), COALESCE(pub_date,''), date_precision, "
                 "COALESCE(outlet,''), COALESCE(byline,''), COALESCE(dateline,''), body, paragraphs "
                 "FROM documents WHERE coded_at IS NULL ORDER BY rowid LIMIT ?");
  s.integer(1, limit);
  std::vector<Doc> out;
  while (s.step()) {
    Doc d;
    d.id = s.col_text(0);
    d.origin = s.col_text(1);
    d.format = s.col_text(2);
    d.meta.url = s.col_text(3);
    d.meta.title = s.col_text(4);
    PartialDate pd = PartialDate::parse(s.col_text(5));
    d.meta.date.year = pd.year;
    d.meta.date.month = pd.month;
    d.meta.date.day = pd.day;
    std::string prec = s.col_text(6);
    d.meta.date.precision = prec == "day" ? DatePrecision::Day : prec == "month" ? DatePrecision::Month
                            : prec == "year" ? DatePrecision::Year : DatePrecision::Unknown;
    d.meta.outlet = s.col_text(7);
    d.meta.byline = s.col_text(8);
    d.meta.dateline = s.col_text(9);
    d.body = s.col_text(10);
    for (const auto& p : nlohmann::json::parse(s.col_text(11), nullptr, false))
      if (p.is_array() && p.size() == 2) d.paragraphs.push_back({p[0].get<uint32_t>(), p[1].get<uint32_t>()});
    out.push_back(std::move(d));
  }
  return out;
}

void save_coded_document(sqlite3* db, const Doc& doc, const code::CodedDoc& coded) {
  SqlStatement m(db,
                 "INSERT INTO mentions(doc_id, sentence, begin, end, text, date, date_basis, source_name, source_kb_id, "
                 "source_code, source_country, source_agent, target_name, target_kb_id, target_code, target_country, "
                 "target_agent, cameo, cameo_root, plover, plover_mode, goldstein, quad_class, location_name, geonames_id, "
                 "location_country, location_admin1, lat, lon, modality, attributed_to_name, attributed_to_code, confidence) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SqlStatement fts(db, "INSERT INTO mentions_fts(rowid, text) VALUES (?, ?)");
  for (const auto& e : coded.events) {
    if (!e.cameo) continue;
    m.text(1, doc.id).integer(2, e.sentence).integer(3, e.span.begin).integer(4, e.span.end).text(5, e.text);
    m.text(6, e.date).text(7, e.date_basis);
    auto actor = [&](int at, const std::optional<code::ActorRef>& a) {
      for (int i = 0; i < 5; ++i) m.null(at + i);
      if (!a) return;
      m.text(at, a->name).text(at + 1, a->kb_id).text(at + 2, a->code).text(at + 3, a->country).text(at + 4, a->agent);
    };
    actor(8, e.source);
    actor(13, e.target);
    m.text(18, e.cameo->code).text(19, e.cameo->root()).text(20, e.cameo->plover_type).text(21, e.cameo->plover_mode);
    m.real(22, e.cameo->goldstein).integer(23, e.cameo->quad_class);
    if (e.location) {
      m.text(24, e.location->name).integer(25, e.location->geonames_id).text(26, e.location->country);
      m.text(27, e.location->admin1).real(28, e.location->lat).real(29, e.location->lon);
    } else {
      for (int i = 24; i <= 29; ++i) m.null(i);
    }
    m.text(30, code::to_string(e.modality));
    if (e.attributed_to) m.text(31, e.attributed_to->name).text(32, e.attributed_to->code);
    else m.null(31).null(32);
    m.real(33, e.confidence);
    m.run();
    fts.integer(1, sqlite3_last_insert_rowid(db)).text(2, e.text).run();
  }
  SqlStatement q(db,
                 "INSERT INTO quotes(doc_id, begin, end, text, speaker_name, speaker_kb_id, speaker_code) "
                 "VALUES (?,?,?,?,?,?,?)");
  for (const auto& qt : coded.quotes) {
    q.text(1, doc.id).integer(2, qt.span.begin).integer(3, qt.span.end).text(4, qt.text);
    if (qt.speaker) q.text(5, qt.speaker->name).text(6, qt.speaker->kb_id).text(7, qt.speaker->code);
    else q.null(5).null(6).null(7);
    q.run();
  }
  SqlStatement done(db, "UPDATE documents SET coded_at = ? WHERE id = ?");
  done.text(1, now_utc()).text(2, doc.id).run();
}

FusionSummary fuse_stored_mentions(sqlite3* db) {
  auto start = std::chrono::steady_clock::now();
  FusionSummary sum;
  sql_exec(db, "BEGIN IMMEDIATE");
  try {
    EventFuser fuser;
    std::unordered_map<int64_t, MentionInfo> info;
    SqlStatement s(db,
                   "SELECT m.id, m.doc_id, COALESCE(d.duplicate_of, d.near_duplicate_of, d.id), COALESCE(d.outlet, d.id), "
                   "COALESCE(d.pub_date,''), COALESCE(m.source_code,''), COALESCE(m.target_code,''), m.cameo, "
                   "COALESCE(m.date,''), COALESCE(m.location_country,''), COALESCE(m.geonames_id,0), m.confidence, "
                   "COALESCE(m.source_name,''), COALESCE(m.source_country,''), COALESCE(m.target_name,''), "
                   "COALESCE(m.target_country,''), COALESCE(m.plover,''), COALESCE(m.plover_mode,''), m.goldstein, "
                   "m.quad_class, COALESCE(m.location_name,''), COALESCE(m.location_admin1,''), m.lat, m.lon, m.sentence, m.begin "
                   "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.modality = 'asserted' "
                   // A canonical order (not the order of arrival): the same articles give the same events
                   // and ids however and whenever they were ingested.
                   "ORDER BY COALESCE(d.pub_date, ''), m.doc_id, m.sentence, m.begin, m.cameo, m.source_code, m.target_code");
    while (s.step()) {
      FusionMention fm;
      fm.id = s.col_int(0);
      fm.doc_id = s.col_text(1);
      fm.anchor = std::to_string(s.col_int(24)) + ':' + std::to_string(s.col_int(25));
      fm.article_group = s.col_text(2);
      fm.outlet = s.col_text(3);
      fm.report_date = s.col_text(4);
      fm.source = s.col_text(5);
      fm.target = s.col_text(6);
      fm.cameo = s.col_text(7);
      fm.date = PartialDate::parse(s.col_text(8));
      fm.country = s.col_text(9);
      fm.geonames_id = s.col_int(10);
      fm.confidence = s.col_real(11);
      MentionInfo mi{fm.doc_id, s.col_text(12), s.col_text(13), s.col_text(14), s.col_text(15), s.col_text(16), s.col_text(17),
                     s.col_text(20), s.col_text(21), s.col_real(18), s.col_real(22), s.col_real(23),
                     static_cast<int>(s.col_int(19)), !s.col_null(22)};
      info.emplace(fm.id, std::move(mi));
      fuser.add(fm);
      ++sum.mentions;
    }
    sql_exec(db, "DELETE FROM events; DELETE FROM event_actors; DELETE FROM stories; UPDATE mentions SET event_id = NULL;");

    // Stories: events reported by the same article or between the same countries, in time.
    const auto& events = fuser.events();
    std::vector<StoryEvent> story_in(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      const auto& mi = info[e.best_mention];
      StoryEvent& se = story_in[i];
      se.id = e.id;
      se.date = e.date;
      // Countries as the knowledge base gave them: "GOV" or "MIL" alone name no side of a story.
      se.source_country = mi.source_country;
      se.target_country = mi.target_country;
      se.place = mi.location_name;
      se.country = e.country;
      for (int64_t mid : e.mentions) {
        const std::string& d = info[mid].doc_id;
        if (std::find(se.docs.begin(), se.docs.end(), d) == se.docs.end()) se.docs.push_back(d);
      }
    }
    std::vector<std::string> story_of(events.size());
    SqlStatement st(db,
                    "INSERT INTO stories(id, label, first_date, last_date, num_events, countries, place) VALUES (?,?,?,?,?,?,?)");
    for (const auto& story : group_stories(story_in)) {
      st.text(1, story.id).text(2, story.label).text(3, story.first_date).text(4, story.last_date);
      st.integer(5, static_cast<int64_t>(story.events.size())).text(6, story.countries).text(7, story.place).run();
      for (size_t i : story.events) story_of[i] = story.id;
      ++sum.stories;
    }

    SqlStatement ins(db,
                     "INSERT INTO events(id, date, date_precision, source_code, source_name, source_country, target_code, "
                     "target_name, target_country, cameo, cameo_root, plover, plover_mode, goldstein, quad_class, "
                     "location_name, geonames_id, country, admin1, lat, lon, num_mentions, num_sources, num_articles, "
                     "first_report, last_report, best_mention, story_id) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SqlStatement link(db, "UPDATE mentions SET event_id = ? WHERE id = ?");
    for (size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      const auto& mi = info[e.best_mention];
      ins.text(1, e.id).text(2, e.date.str()).text(3, precision_of(e.date));
      ins.text(4, e.source).text(5, mi.source_name).text(6, mi.source_country);
      ins.text(7, e.target).text(8, mi.target_name).text(9, mi.target_country);
      ins.text(10, e.cameo).text(11, e.cameo.substr(0, 2)).text(12, mi.plover).text(13, mi.plover_mode);
      ins.real(14, mi.goldstein).integer(15, mi.quad);
      ins.text(16, mi.location_name);
      if (e.geonames_id) ins.integer(17, e.geonames_id);
      else ins.null(17);
      ins.text(18, e.country).text(19, mi.admin1);
      if (mi.has_coords) ins.real(20, mi.lat).real(21, mi.lon);
      else ins.null(20).null(21);
      ins.integer(22, e.num_mentions).integer(23, e.num_sources).integer(24, e.num_articles);
      ins.text(25, e.first_report).text(26, e.last_report).integer(27, e.best_mention).text(28, story_of[i]);
      ins.run();
      for (int64_t mid : e.mentions) link.text(1, e.id).integer(2, mid).run();
    }
    sql_exec(db, fill_event_actors_sql());
    sum.events = events.size();
    sql_exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace sitrep

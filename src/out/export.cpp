#include "out/export.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

namespace sitrep {
namespace {

std::string tsv_field(std::string s) {
  for (auto& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

// "2020-02-28" -> 20200228; unknown month/day are 00 ("2020-02" -> 20200200).
std::string sqldate(const std::string& d) {
  if (d.size() < 4 || d[0] == '-') return "";
  std::string y = d.substr(0, 4), m = d.size() >= 7 ? d.substr(5, 2) : "00", day = d.size() >= 10 ? d.substr(8, 2) : "00";
  return y + m + day;
}

std::string fraction_date(const std::string& d) {
  if (d.size() < 4 || d[0] == '-') return "";
  int y = std::atoi(d.substr(0, 4).c_str());
  int m = d.size() >= 7 ? std::atoi(d.substr(5, 2).c_str()) : 0;
  int day = d.size() >= 10 ? std::atoi(d.substr(8, 2).c_str()) : 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", y + (m * 30 + day) / 365.0);
  return buf;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Actor code "TURGOV" -> country "TUR", type "GOV"; IGOs and groups keep their code as the
// known-group code.
struct ActorParts {
  std::string country, known_group, type1;
};
ActorParts split_actor(const std::string& code, const std::string& country) {
  ActorParts p;
  if (!country.empty()) {
    p.country = country;
    if (code.size() >= 6 && code.compare(0, 3, country) == 0) p.type1 = code.substr(3, 3);
  } else if (code.size() >= 3) {
    p.known_group = code.substr(0, 3);
    if (code.size() >= 6) p.type1 = code.substr(3, 3);
  }
  return p;
}

}  // namespace

const std::vector<std::string>& gdelt_event_columns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"})
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
        c.push_back(std::string(a) + f);
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                          "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
        c.push_back(std::string(g) + f);
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return cols;
}

const std::vector<std::string>& gdelt_mention_columns() {
  static const std::vector<std::string> cols = {
      "GLOBALEVENTID", "EventTimeDate",   "MentionTimeDate",  "MentionType",  "MentionSourceName",
      "MentionIdentifier", "SentenceID",  "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
      "InRawText",     "Confidence",      "MentionDocLen",    "MentionDocTone", "MentionDocTranslationInfo",
      "Extras"};
  return cols;
}

int64_t gdelt_event_number(const std::string& id) {
  return static_cast<int64_t>(std::strtoull(id.substr(0, 13).c_str(), nullptr, 16));
}

size_t export_gdelt_events(sqlite3* db, const EventFilter& filter, std::ostream& out) {
  const auto& cols = gdelt_event_columns();
  for (size_t i = 0; i < cols.size(); ++i) out << cols[i] << (i + 1 < cols.size() ? '\t' : '\n');
  size_t n = 0;
  for (const auto& e : query_events(db, filter)) {
    std::vector<std::string> f;
    f.reserve(cols.size());
    std::string sd = sqldate(e.date);
    f.push_back(std::to_string(gdelt_event_number(e.id)));
    f.push_back(sd);
    f.push_back(sd.empty() ? "" : sd.substr(0, 6));
    f.push_back(sd.empty() ? "" : sd.substr(0, 4));
    f.push_back(fraction_date(e.date));
    for (int a = 0; a < 2; ++a) {
      const std::string& code = a ? e.target_code : e.source_code;
      ActorParts p = split_actor(code, a ? e.target_country : e.source_country);
      f.push_back(code);
      f.push_back(upper(a ? e.target_name : e.source_name));
      f.push_back(p.country);
      f.push_back(p.known_group);
      f.push_back("");  // ethnic
      f.push_back("");  // religion 1
      f.push_back("");  // religion 2
      f.push_back(p.type1);
      f.push_back("");
      f.push_back("");
    }
    f.push_back("0");  // IsRootEvent: sitrep keeps positions in the Mentions export instead
    f.push_back(e.cameo);
    f.push_back(e.cameo.substr(0, 3));
    f.push_back(e.cameo_root);
    f.push_back(std::to_string(e.quad_class));
    f.push_back(num(e.goldstein));
    f.push_back(std::to_string(e.num_mentions));
    f.push_back(std::to_string(e.num_sources));
    f.push_back(std::to_string(e.num_articles));
    f.push_back("");  // AvgTone: not computed
    for (int g = 0; g < 2; ++g)
      for (int k = 0; k < 8; ++k) f.push_back("");  // actor locations: not resolved separately
    bool city = e.geonames_id != 0;
    bool any = city || !e.country.empty();
    f.push_back(any ? (city ? "4" : "1") : "");
    f.push_back(e.location_name);
    f.push_back(e.country);  // ISO alpha-3 (GDELT uses FIPS 10-4): documented difference
    f.push_back(e.admin1);
    f.push_back("");
    f.push_back(e.has_coordinates ? num(e.lat) : "");
    f.push_back(e.has_coordinates ? num(e.lon) : "");
    f.push_back(city ? std::to_string(e.geonames_id) : "");
    std::string added = sqldate(e.first_report);
    f.push_back(added.empty() ? "" : added + "000000");
    f.push_back(e.source_url);
    for (size_t i = 0; i < f.size(); ++i) out << tsv_field(f[i]) << (i + 1 < f.size() ? '\t' : '\n');
    ++n;
  }
  return n;
}

size_t export_gdelt_mentions(sqlite3* db, const EventFilter& filter, std::ostream& out) {
  const auto& cols = gdelt_mention_columns();
  for (size_t i = 0; i < cols.size(); ++i) out << cols[i] << (i + 1 < cols.size() ? '\t' : '\n');
  size_t n = 0;
  for (const auto& e : query_events(db, filter)) {
    std::string ev = sqldate(e.date);
    for (const auto& m : mentions_of(db, e.id)) {
      std::string md = sqldate(m.pub_date);
      std::vector<std::string> f = {std::to_string(gdelt_event_number(e.id)),
                                    ev.empty() ? "" : ev + "000000",
                                    md.empty() ? "" : md + "000000",
                                    "1",  // WEB
                                    m.outlet,
                                    m.url.empty() ? m.origin : m.url,
                                    std::to_string(m.sentence + 1),
                                    "-1",
                                    "-1",
                                    std::to_string(m.begin),
                                    "1",
                                    std::to_string(static_cast<int>(m.confidence * 100 + 0.5)),
                                    "",
                                    "",
                                    "",
                                    ""};
      for (size_t i = 0; i < f.size(); ++i) out << tsv_field(f[i]) << (i + 1 < f.size() ? '\t' : '\n');
      ++n;
    }
  }
  return n;
}

namespace {
nlohmann::json event_json(const EventRow& e) {
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json j = {{"id", e.id},
                      {"date", opt(e.date)},
                      {"date_precision", e.date_precision},
                      {"source", {{"code", opt(e.source_code)}, {"name", opt(e.source_name)}, {"country", opt(e.source_country)}}},
                      {"target", {{"code", opt(e.target_code)}, {"name", opt(e.target_name)}, {"country", opt(e.target_country)}}},
                      {"cameo", e.cameo},
                      {"cameo_root", e.cameo_root},
                      {"plover", opt(e.plover)},
                      {"plover_mode", opt(e.plover_mode)},
                      {"goldstein", e.goldstein},
                      {"quad_class", e.quad_class},
                      {"num_mentions", e.num_mentions},
                      {"num_sources", e.num_sources},
                      {"num_articles", e.num_articles},
                      {"first_report", opt(e.first_report)},
                      {"last_report", opt(e.last_report)},
                      {"story", opt(e.story_id)},
                      {"evidence", e.evidence},
                      {"source_url", opt(e.source_url)}};
  j["location"] = e.location_name.empty() && e.country.empty()
                      ? nlohmann::json()
                      : nlohmann::json{{"name", opt(e.location_name)},
                                       {"country", opt(e.country)},
                                       {"geonames_id", e.geonames_id ? nlohmann::json(e.geonames_id) : nlohmann::json()},
                                       {"lat", e.has_coordinates ? nlohmann::json(e.lat) : nlohmann::json()},
                                       {"lon", e.has_coordinates ? nlohmann::json(e.lon) : nlohmann::json()}};
  return j;
}
}  // namespace

size_t export_events_jsonl(sqlite3* db, const EventFilter& filter, std::ostream& out) {
  size_t n = 0;
  for (const auto& e : query_events(db, filter)) {
    out << event_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    ++n;
  }
  return n;
}

size_t export_events_csv(sqlite3* db, const EventFilter& filter, std::ostream& out) {
  out << "id,date,date_precision,source_code,source_name,target_code,target_name,cameo,plover,goldstein,quad_class,"
         "location,country,lat,lon,num_mentions,num_sources,num_articles,first_report,story,evidence\n";
  size_t n = 0;
  for (const auto& e : query_events(db, filter)) {
    std::vector<std::string> f = {e.id, e.date, e.date_precision, e.source_code, e.source_name, e.target_code,
                                  e.target_name, e.cameo, e.plover, num(e.goldstein), std::to_string(e.quad_class),
                                  e.location_name, e.country, e.has_coordinates ? num(e.lat) : "",
                                  e.has_coordinates ? num(e.lon) : "", std::to_string(e.num_mentions),
                                  std::to_string(e.num_sources), std::to_string(e.num_articles), e.first_report,
                                  e.story_id, e.evidence};
    for (size_t i = 0; i < f.size(); ++i) out << csv_field(f[i]) << (i + 1 < f.size() ? ',' : '\n');
    ++n;
  }
  return n;
}

}  // namespace sitrep

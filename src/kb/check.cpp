// The consistency rules `sitrep kb check` enforces and the compiler refuses to build without.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "kb/source.h"

namespace sitrep::kb {
namespace {

std::string day_iso(int day) {
  if (day == INT32_MAX) return "open";
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

struct Checker {
  explicit Checker(const KbSource& s) : src(s) {}
  const KbSource& src;
  std::vector<Error> errors;
  std::unordered_set<std::string> segments;  // valid three-letter code parts

  void fail(const SourceRow& r, std::string msg) { errors.push_back({r.file, "line " + std::to_string(r.line), std::move(msg)}); }

  // A CAMEO actor code is a sequence of three-letter parts, each a country or a known code.
  bool valid_code(const std::string& code) const {
    if (code.empty() || code.size() % 3 != 0) return false;
    for (size_t i = 0; i < code.size(); i += 3)
      if (!segments.count(code.substr(i, 3))) return false;
    return true;
  }

  void run() {
    std::unordered_map<std::string, const SourceRow*> ids;
    auto claim = [&](const std::string& id, const SourceRow& r) {
      auto [it, fresh] = ids.emplace(id, &r);
      if (!fresh) fail(r, "duplicate id '" + id + "' (first at " + it->second->file + ":" + std::to_string(it->second->line) + ")");
    };
    std::unordered_map<std::string, std::string> iso2to3(src.iso_alpha.begin(), src.iso_alpha.end());
    std::unordered_set<std::string> country_codes;
    for (const auto& c : src.countries) {
      claim("country:" + c.iso2, c);
      if (c.cameo.size() != 3) fail(c, "country " + c.iso2 + ": CAMEO code must have three letters");
      segments.insert(c.cameo);
      country_codes.insert(c.cameo);
      country_codes.insert(c.iso3);
      bool user_assigned = !c.iso2.empty() && c.iso2[0] == 'X';
      auto it = iso2to3.find(c.iso2);
      if (!src.iso_alpha.empty() && !user_assigned) {
        if (it == iso2to3.end())
          fail(c, "unknown ISO 3166-1 code '" + c.iso2 + "'");
        else if (it->second != c.iso3)
          fail(c, "ISO alpha-3 of " + c.iso2 + " is " + it->second + ", not " + c.iso3);
      }
      if (c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180) fail(c, "coordinates out of range");
    }
    for (const auto& [a2, a3] : src.iso_alpha) {
      bool found = std::any_of(src.countries.begin(), src.countries.end(), [&](const auto& c) { return c.iso2 == a2; });
      if (!found) errors.push_back({"countries.tsv", "", "ISO 3166-1 country " + a2 + " (" + a3 + ") has no row", Severity::Warning});
    }
    for (const auto& c : src.codes) {
      if (c.code.size() != 3) fail(c, "code '" + c.code + "' must have three letters");
      if (!segments.insert(c.code).second) fail(c, "duplicate code '" + c.code + "'");
    }
    std::unordered_map<std::string, const SourceTitle*> titles;
    for (const auto& t : src.titles) {
      claim("title:" + t.key, t);
      titles[t.key] = &t;
      if (!valid_code(t.sector)) fail(t, "title " + t.key + ": unknown sector code '" + t.sector + "'");
    }
    for (const auto& a : src.agents)
      if (!valid_code(a.sector)) fail(a, "agent '" + a.phrase + "': unknown sector code '" + a.sector + "'");
    std::unordered_map<std::string, const SourceOrg*> orgs;
    for (const auto& o : src.orgs) {
      claim(o.id, o);
      orgs[o.id] = &o;
      if (!valid_code(o.code)) fail(o, "organization " + o.id + ": unknown code '" + o.code + "'");
      if (!o.country.empty() && !country_codes.count(o.country)) fail(o, "organization " + o.id + ": unknown country '" + o.country + "'");
    }
    std::unordered_set<std::string> people;
    for (const auto& p : src.people) {
      claim(p.id, p);
      people.insert(p.id);
    }
    for (size_t i = 0; i < src.authored_places; ++i) {
      const auto& p = src.places[i];
      claim(p.id, p);
      // (a region across countries has none: "Africa", "the Middle East")
      bool across = p.country.empty() && (p.feature == "region" || p.feature == "sea");
      if (!iso2to3.empty() && !across && !iso2to3.count(p.country) && p.country.rfind('X', 0) != 0)
        fail(p, "place " + p.id + ": unknown country '" + p.country + "'");
    }
    static const std::set<std::string> kWordClasses = {"locative", "possessive", "counterpart", "coordinator", "article", "event", "suffix",
                                                        "igo-anaphor", "group-anaphor", "calendar", "home-anaphor"};
    for (const auto& w : src.words)
      if (!kWordClasses.count(w.word_class)) fail(w, "unknown word class '" + w.word_class + "'");
    check_roles(titles, orgs, people, country_codes);
  }

  void check_roles(const std::unordered_map<std::string, const SourceTitle*>& titles,
                   const std::unordered_map<std::string, const SourceOrg*>& orgs,
                   const std::unordered_set<std::string>& people, const std::unordered_set<std::string>& countries) {
    for (const auto& r : src.roles) {
      if (!people.count(r.person)) fail(r, "role of unknown person '" + r.person + "'");
      if (!titles.count(r.title)) fail(r, "unknown title '" + r.title + "'");
      if (!countries.count(r.of) && !orgs.count(r.of)) fail(r, "role in unknown country or organization '" + r.of + "'");
      if (!r.code.empty() && !valid_code(r.code)) fail(r, "unknown actor code '" + r.code + "'");
      if (r.end <= r.start) fail(r, "role ends (" + day_iso(r.end) + ") before it starts (" + day_iso(r.start) + ")");
    }
    // Same person, same title, same place twice at once: a copy-paste slip. Two holders of a
    // single-holder office at once: one of the dates is wrong.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const SourceRole*>> by_person, by_office;
    for (const auto& r : src.roles) {
      by_person[{r.person, r.title, r.of}].push_back(&r);
      auto t = titles.find(r.title);
      if (t != titles.end() && t->second->single_holder) by_office[{r.title, r.of, ""}].push_back(&r);
    }
    auto overlaps = [&](auto& groups, const char* what) {
      for (auto& [key, v] : groups) {
        std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->start < b->start; });
        for (size_t i = 1; i < v.size(); ++i)
          for (size_t j = 0; j < i; ++j)
            if (v[i]->start < v[j]->end)
              fail(*v[i], std::string(what) + ": " + v[i]->person + " as " + v[i]->title + " of " + v[i]->of + " from " +
                              day_iso(v[i]->start) + " overlaps " + v[j]->person + " (" + day_iso(v[j]->start) + " to " +
                              day_iso(v[j]->end) + ", " + v[j]->file + ":" + std::to_string(v[j]->line) + ")");
      }
    };
    overlaps(by_person, "overlapping roles");
    overlaps(by_office, "two holders of one office");
  }
};

}  // namespace

std::vector<Error> check_source(const KbSource& src) {
  Checker c(src);
  c.run();
  std::vector<Error> all = src.errors;
  all.insert(all.end(), c.errors.begin(), c.errors.end());
  return all;
}

}  // namespace sitrep::kb

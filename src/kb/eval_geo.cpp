#include "kb/eval_geo.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "kb/describe.h"
#include "kb/fold.h"
#include "kb/geocode.h"

namespace sitrep::kb {
namespace {

// The gold files are machine-written XML with a fixed shape; a few finds over known tags read
// them without a general XML parser.
std::string_view between(std::string_view s, std::string_view open, std::string_view close, size_t& pos) {
  size_t b = s.find(open, pos);
  if (b == std::string_view::npos) return {};
  b += open.size();
  size_t e = s.find(close, b);
  if (e == std::string_view::npos) return {};
  pos = e + close.size();
  return s.substr(b, e - b);
}

std::string tag(std::string_view s, std::string_view name) {
  size_t pos = 0;
  std::string open = "<" + std::string(name), close = "</" + std::string(name) + ">";
  size_t b = s.find(open);
  if (b == std::string_view::npos) return {};
  b = s.find('>', b);
  if (b == std::string_view::npos) return {};
  pos = b + 1;
  size_t e = s.find(close, pos);
  if (e == std::string_view::npos) return {};
  std::string v(s.substr(pos, e - pos));
  if (v.rfind("<![CDATA[", 0) == 0 && v.size() >= 12) v = v.substr(9, v.size() - 12);
  static const std::pair<const char*, const char*> ents[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  for (const auto& [from, to] : ents)
    for (size_t at = v.find(from); at != std::string::npos; at = v.find(from, at + 1)) v.replace(at, std::strlen(from), to);
  size_t a = v.find_first_not_of(" \t\r\n"), z = v.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : v.substr(a, z - a + 1);
}

// A name whose places (and country) are all in one country says which country the text is
// about; "London", "Edmonton" or "Georgia" (the country, the US state) does not. For a country
// name only regions count against it: every country has a village named like another.
bool one_country(const Kb& kb, std::string_view surface, bool regions_only) {
  uint32_t country = kNone;
  for (const auto& h : kb.find_key(fold_key(surface))) {
    uint32_t c;
    if (h.kind == static_cast<uint8_t>(format::HitKind::Place)) {
      auto f = static_cast<format::Feature>(kb.places()[h.target].feature);
      if (regions_only && f != format::Feature::Admin1 && f != format::Feature::IsoSubdivision) continue;
      c = kb.places()[h.target].country;
    } else if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) c = h.target;
    else continue;
    if (country != kNone && c != country) return false;
    country = c;
  }
  return true;
}

// "Cordova, Tennessee", "LONDON, Ky.": the first-level region a text names right after a place
// name and a comma; 0 when none.
uint16_t region_after(const Kb& kb, std::string_view text, std::string_view name) {
  auto region_level = [&](const format::KeyRec& h) {
    if (h.kind != static_cast<uint8_t>(format::HitKind::Place)) return false;
    auto f = static_cast<format::Feature>(kb.places()[h.target].feature);
    return f == format::Feature::Admin1 || f == format::Feature::IsoSubdivision;
  };
  // In "Virginia, Washington, West Virginia" the name is a region of the list, not in the next.
  std::vector<uint32_t> region_countries;
  for (const auto& h : kb.find_key(fold_key(name)))
    if (region_level(h)) region_countries.push_back(kb.places()[h.target].country);
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    size_t b = at + name.size();
    if (text.substr(b, 2) != ", ") continue;
    b += 2;
    // Up to three words: "Ky.", "Tennessee", "New South Wales".
    std::string_view rest = text.substr(b, 40);
    size_t ends[3] = {0, 0, 0};
    size_t words = 0;
    for (size_t k = 0; k <= rest.size() && words < 3; ++k)
      if (k == rest.size() || rest[k] == ' ' || rest[k] == ',' || rest[k] == ';' || rest[k] == '\n') {
        if (k > 0 && (words == 0 || k > ends[words - 1] + 1)) ends[words++] = k;
        if (k < rest.size() && rest[k] != ' ') break;
      }
    for (size_t w = words; w-- > 0;)
      for (const auto& h : kb.find_key(fold_key(rest.substr(0, ends[w])))) {
        if (!region_level(h) || !kb.places()[h.target].region) continue;
        const auto& p = kb.places()[h.target];
        if (std::find(region_countries.begin(), region_countries.end(), p.country) != region_countries.end()) return 0;
        return p.region;
      }
  }
  return 0;
}

// "Azerbaijan, Georgia, Iraq": the name stands in a comma list next to a country's name.
bool listed_among_countries(const Kb& kb, std::string_view text, std::string_view name) {
  auto is_country = [&](std::string_view phrase) {
    for (const auto& h : kb.find_key(fold_key(phrase)))
      if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) return true;
    return false;
  };
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; };
  // Up to three words ending right before `at` ("Saudi Arabia, Georgia").
  auto country_before = [&](size_t at) {
    size_t b = at;
    for (int w = 0; w < 3; ++w) {
      while (b > 0 && letter(text[b - 1])) --b;
      if (b == at) return false;
      if (is_country(text.substr(b, at - b))) return true;
      if (b == 0 || text[b - 1] != ' ') return false;
      --b;
    }
    return false;
  };
  auto country_after = [&](size_t at) {  // up to three words from `at` ("Georgia and South Sudan")
    size_t e = at;
    for (int w = 0; w < 3; ++w) {
      while (e < text.size() && letter(text[e])) ++e;
      if (e == at) return false;
      if (is_country(text.substr(at, e - at))) return true;
      if (e >= text.size() || text[e] != ' ') return false;
      ++e;
    }
    return false;
  };
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    if (at >= 2 && text.substr(at - 2, 2) == ", " && country_before(at - 2)) return true;
    if (text.substr(end, 2) == ", " && country_after(end + 2)) return true;
    if (text.substr(end, 5) == " and " && country_after(end + 5)) return true;
  }
  return false;
}

}  // namespace

Expected<GeoEvalResult> eval_geo_file(const Linker& linker, const std::string& path, GeoSplit split, bool focus_fallback) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", "cannot open the gold file"};
  std::stringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str();
  GeoEvalResult r;
  r.dataset = path.substr(path.find_last_of('/') + 1);
  const Kb& kb = linker.kb();
  double err_sum = 0;
  size_t pos = 0, index = 0;
  for (;;) {
    std::string_view art = between(xml, "<article", "</article>", pos);
    if (art.rfind("s>", 0) == 0) {  // "<articles>": the container, not an article
      pos = xml.find("<article", xml.find("<articles>") + 10);
      if (pos == std::string::npos) break;
      continue;
    }
    if (art.empty()) break;
    bool odd = index++ % 2 == 1;
    if ((split == GeoSplit::Dev && odd) || (split == GeoSplit::Test && !odd)) continue;
    ++r.articles;
    std::string text = tag(art, "text");
    GeoContext ctx;
    ctx.focus_fallback = focus_fallback;
    for (const auto& m : linker.link_text(text, kNoDate)) {
      uint32_t country = kNone;
      bool plain = one_country(kb, std::string_view(text).substr(m.begin, m.end - m.begin), m.kind == MentionKind::Country);
      if (m.kind == MentionKind::Country) {
        if (plain) country = m.entry;
      } else if (m.kind == MentionKind::Place && m.place != kNone) {
        if (plain) country = kb.places()[m.place].country;
      } else if (m.entry != kNone && plain) {  // "London police" (the capital as metonym) is not always the UK
        country = kb.entries()[m.entry].country;
      }
      if (country != kNone) ctx.countries.push_back(country);
    }
    bool trnews = art.find("<toponym>") != std::string_view::npos;
    struct Gold {
      std::string name;
      double lat, lon;
    };
    std::vector<Gold> golds;
    size_t tp = 0;
    for (;;) {
      std::string_view t = between(art, trnews ? "<toponym>" : "<location>", trnews ? "</toponym>" : "</location>", tp);
      if (t.empty()) break;
      std::string name = tag(t, trnews ? "phrase" : "name");
      std::string lat_s = tag(t, "lat"), lon_s = tag(t, "lon");
      if (name.empty() || lat_s.empty() || lon_s.empty()) continue;
      golds.push_back({name, std::atof(lat_s.c_str()), std::atof(lon_s.c_str())});
    }
    std::vector<std::string> names;
    for (const auto& g : golds) {
      names.push_back(g.name);
      for (const std::string& said : {g.name + " state", g.name + " State", "state of " + g.name, "State of " + g.name})
        if (text.find(said) != std::string::npos) ctx.said_regions.push_back(fold_key(g.name));
      if (uint16_t region = region_after(kb, text, g.name)) ctx.said_in.emplace_back(fold_key(g.name), region);
      if (listed_among_countries(kb, text, g.name)) ctx.said_countries.push_back(fold_key(g.name));
    }
    std::vector<uint32_t> placed = geocode_document(kb, names, ctx);
    for (size_t gi = 0; gi < golds.size(); ++gi) {
      const auto& g = golds[gi];
      ++r.toponyms;
      uint32_t pi = placed[gi];
      char gold[64];
      std::snprintf(gold, sizeof gold, "%g,%g", g.lat, g.lon);
      std::string tagged = "#" + std::to_string(index - 1) + " " + g.name + ": " + gold;
      if (pi == kNone) {
        r.misses.push_back(tagged + " -> unknown");
        continue;
      }
      ++r.resolved;
      const auto& p = kb.places()[pi];
      double d = distance_km(p.lat, p.lon, g.lat, g.lon);
      err_sum += d;
      if (d <= 161.0) ++r.correct;
      else r.misses.push_back(tagged + " -> " + describe_place(kb, pi) + " (" + std::to_string(static_cast<int>(d)) + " km)");
    }
  }
  r.mean_error_km = r.resolved ? err_sum / r.resolved : 0;
  return r;
}

}  // namespace sitrep::kb

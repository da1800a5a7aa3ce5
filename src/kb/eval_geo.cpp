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

}  // namespace

Expected<GeoEvalResult> eval_geo_file(const Linker& linker, const std::string& path, GeoSplit split, bool focus_fallback,
                                      const NamedPlaces& named_places) {
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
    std::vector<LinkedMention> linked = linker.link_text(text, kNoDate);
    for (const auto& m : linked) {
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
      size_t begin = 0, end = 0;  // the name's bytes in the text; both 0 when the offsets do not fit
    };
    std::vector<Gold> golds;
    size_t tp = 0;
    for (;;) {
      std::string_view t = between(art, trnews ? "<toponym>" : "<location>", trnews ? "</toponym>" : "</location>", tp);
      if (t.empty()) break;
      std::string name = tag(t, trnews ? "phrase" : "name");
      std::string lat_s = tag(t, "lat"), lon_s = tag(t, "lon");
      if (name.empty() || lat_s.empty() || lon_s.empty()) continue;
      Gold g{name, std::atof(lat_s.c_str()), std::atof(lon_s.c_str())};
      // The sets count characters (code points); the text here is UTF-8 bytes.
      auto byte_at = [&](size_t chars) {
        size_t i = 0;
        for (; i < text.size() && chars; --chars) {
          ++i;
          while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        }
        return i;
      };
      size_t b = byte_at(std::strtoul(tag(t, "start").c_str(), nullptr, 10));
      size_t e = byte_at(std::strtoul(tag(t, "end").c_str(), nullptr, 10));
      if (e > b && e <= text.size() && text.compare(b, e - b, name) == 0) g.begin = b, g.end = e;
      golds.push_back(std::move(g));
    }
    std::vector<std::string> names;
    for (const auto& g : golds) {
      names.push_back(g.name);
      read_text_cues(kb, text, g.name, ctx);
    }
    std::vector<uint32_t> placed = geocode_document(kb, names, ctx);
    // End to end: the places the linker itself found in the text (dictionary matching, with the
    // NER's locations when given, and its own resolution), each gold toponym matched to an
    // unused one of the same folded name.
    if (named_places) {
      NamedSpans spans = named_places(text);
      linked = linker.link_text(text, kNoDate, spans.places, spans.people);
    }
    std::vector<char> used(linked.size(), 0);
    for (const auto& g : golds) {
      std::string key = fold_key(g.name);
      std::string tagged = "#" + std::to_string(index - 1) + " " + g.name;
      bool found = false;
      // "Ottawa planned to...": a capital the linker read as its government (a metonym) names
      // the capital city all the same.
      auto capital_of = [&](const LinkedMention& m) { return metonym_capital(kb, m, g.name); };
      for (size_t i = 0; i < linked.size(); ++i) {
        const auto& m = linked[i];
        if (used[i]) continue;
        uint32_t at = m.place;
        if (m.kind != MentionKind::Place && m.kind != MentionKind::Country) at = kNone;
        if (at == kNone && m.kind == MentionKind::Organization) at = capital_of(m);
        if (at == kNone) continue;
        if (fold_key(std::string_view(text).substr(m.begin, m.end - m.begin)) != key) continue;
        used[i] = 1;
        found = true;
        ++r.linked_found;
        const auto& p = kb.places()[at];
        double d = distance_km(p.lat, p.lon, g.lat, g.lon);
        if (d <= 161.0) ++r.linked_correct;
        else r.linked_misses.push_back(tagged + " -> " + describe_place(kb, at) + " (" + std::to_string(static_cast<int>(d)) + " km)");
        break;
      }
      // "Russian" inside "Russian Foreign Ministry" or "Russia's military": the actor the linker
      // found carries the country the demonym names, so the toponym is found at that country.
      if (!found && g.end)
        for (const auto& m : linked) {
          if (m.begin > g.begin || m.end < g.end || m.entry == kNone) continue;
          uint32_t c = kb.entries()[m.entry].country;
          if (c == kNone) c = m.entry;
          bool names_it = false;
          for (const auto& h : kb.find_key(key))
            if ((h.kind == static_cast<uint8_t>(format::HitKind::CountryName) || h.kind == static_cast<uint8_t>(format::HitKind::CountryAdj)) &&
                h.target == c)
              names_it = true;
          if (!names_it || kb.entries()[c].place == kNone) continue;
          found = true;
          ++r.linked_found;
          const auto& p = kb.places()[kb.entries()[c].place];
          double d = distance_km(p.lat, p.lon, g.lat, g.lon);
          if (d <= 161.0) ++r.linked_correct;
          else r.linked_misses.push_back(tagged + " -> in an actor at " + describe_place(kb, kb.entries()[c].place) + " (" + std::to_string(static_cast<int>(d)) + " km)");
          break;
        }
      if (!found) {
        // What the linker made of the name's first occurrence, if anything.
        std::string got = "not found";
        for (const auto& m : linked)
          if (fold_key(std::string_view(text).substr(m.begin, m.end - m.begin)) == key) {
            got = std::string("found as ") + to_string(m.kind);
            break;
          }
        r.linked_misses.push_back(tagged + " -> " + got);
      }
    }
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

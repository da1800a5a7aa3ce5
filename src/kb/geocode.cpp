#include "kb/geocode.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "kb/fold.h"

namespace sitrep::kb {
using namespace format;

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

namespace {

// Why these weights: a name that is a country almost always means the country; among same-named
// cities the press means the big one unless the document is about another country. Authored
// places (bases, regions, crossings) exist because conflict news names them.
double feature_bonus(Feature f) {
  switch (f) {
    case Feature::Country: return 12.0;
    case Feature::Admin1: return 8.0;
    case Feature::IsoSubdivision: return 3.0;  // no population, coordinates borrowed
    case Feature::CapitalCity: return 2.5;
    case Feature::AdminSeat: return 1.0;
    case Feature::Region: case Feature::Base: case Feature::Crossing: case Feature::Sea: return 7.0;
    default: return 0.0;
  }
}

// An authored first-level region (a state, a province, England) carries no population in the KB
// but stands for a great many people: counted as a million, so that "England" in an American
// story is still England, not England, Arkansas (pop. 2,765). ISO subdivisions (often small
// districts) keep none.
double population_of(const PlaceRec& p) {
  if (p.population) return p.population;
  return static_cast<Feature>(p.feature) == Feature::Admin1 ? 1'000'000.0 : 0.0;
}

constexpr long kRegionList = 4;
constexpr uint32_t kWorldCity = 1'000'000;

bool region_level(const PlaceRec& p) {
  return p.feature == static_cast<uint8_t>(Feature::Admin1) || p.feature == static_cast<uint8_t>(Feature::IsoSubdivision);
}

double score(const Kb& kb, uint32_t pi, const GeoContext& ctx) {
  const PlaceRec& p = kb.places()[pi];
  double s = std::log10(population_of(p) + 10.0) + feature_bonus(static_cast<Feature>(p.feature));
  // An authored site of no population (the White House, Heathrow Airport) is in the KB because
  // the press names it: worth a town of 100,000 over a GeoNames namesake.
  if (p.geonameid == 0 && p.population == 0 && p.feature == static_cast<uint8_t>(Feature::City)) s += 5.0;
  int in_doc = 0;
  for (uint32_t c : ctx.countries)
    if (c == p.country) ++in_doc;
  // The document's country: more so the larger its share of the document's country mentions, so
  // that Cairo in an Iraq story naming a United States laboratory stays in Egypt.
  // A country the document only implies by its people (Biden, Erdogan) says less about where
  // the story is: "Biden met Erdogan in Paris" is in France, not in Paris, Texas.
  if (in_doc) {
    double bonus = 3.5 + 2.0 * in_doc / ctx.countries.size() + std::min(in_doc, 5) * 0.3;
    auto by_people = std::count(ctx.people_countries.begin(), ctx.people_countries.end(), p.country);
    s += by_people >= in_doc ? bonus / 2 : bonus;
  }
  // The capital of a country the document names is that capital, even in a story whose home
  // country (named more often) has a town of the name: "Paris" in a Kentucky paper's report of
  // an attack in France. Within the home country the usual weights decide (Washington state).
  if (in_doc && p.feature == static_cast<uint8_t>(Feature::CapitalCity)) {
    bool abroad = std::any_of(ctx.countries.begin(), ctx.countries.end(), [&](uint32_t c) {
      return c != p.country && std::count(ctx.countries.begin(), ctx.countries.end(), c) > in_doc;
    });
    if (abroad) s += 2.0;
  }
  // A document that names several regions of a country (a list of states with salmonella cases)
  // names one more: "Washington" among them is the state, not the capital.
  if (region_level(p) && std::count(ctx.region_countries.begin(), ctx.region_countries.end(), p.country) >= kRegionList)
    s += 5.0;
  // Another place of the document within 200 km: worth about 1000 times the population
  // ("Edmonton" beside "Enfield" is the London one, beside "Cairns" the Queensland one).
  // A region and a place inside it are near each other too ("Washington" beside "Seattle" is the
  // state, "Victoria" beside "British Columbia" the provincial capital), and being inside a region
  // the document names says a little more than being near one of its places (Austin, Indiana in
  // an Indiana story over the capital of Texas).
  double near = 0;
  for (uint32_t q : ctx.places) {
    if (q == pi) continue;
    const PlaceRec& o = kb.places()[q];
    if (o.feature == static_cast<uint8_t>(Feature::Country)) continue;
    bool inside = p.region && p.region == o.region &&
                  (o.feature == static_cast<uint8_t>(Feature::Admin1) || p.feature == static_cast<uint8_t>(Feature::Admin1));
    if (inside) {
      near = 3.5;
      break;
    }
    if (near == 0 && distance_km(p.lat, p.lon, o.lat, o.lon) < 200.0) near = 3.0;
  }
  s += near;
  return s;
}

}  // namespace

uint32_t best_place(const Kb& kb, std::span<const KeyRec> hits, const GeoContext& ctx) {
  uint32_t best = kNone;
  double best_score = -1e9;
  auto consider = [&](uint32_t pi) {
    if (pi == kNone) return;
    double s = score(kb, pi, ctx);
    if (s > best_score) best_score = s, best = pi;
  };
  // A name that is a big city's own name means that city, not a place it is an alternate name
  // of (GeoNames lists "Rome" among the names of Washington, D.C.).
  bool big_own = std::any_of(hits.begin(), hits.end(), [&](const KeyRec& k) {
    return static_cast<HitKind>(k.kind) == HitKind::Place && !(k.flags & kAltName) &&
           kb.places()[k.target].population >= kWorldCity;
  });
  for (const KeyRec& k : hits) {
    switch (static_cast<HitKind>(k.kind)) {
      case HitKind::Place:
        if (!(big_own && (k.flags & kAltName))) consider(k.target);
        break;
      case HitKind::CountryName:
      case HitKind::CountryAdj: consider(kb.entries()[k.target].place); break;
      default: break;
    }
  }
  return best;
}

namespace {

// The meanings of a folded name; "Laurel County", "Fars Province", "PLYMOUTH CO." unknown as such
// fall back to the name without its administrative word (the county's town, the province).
// `stripped` says so: the county's town stands for the county only within the document's region.
std::vector<KeyRec> place_hits(const Kb& kb, std::string_view key, bool* stripped = nullptr) {
  auto hits = kb.find_key(key);
  for (const auto& h : hits)
    if (h.kind != static_cast<uint8_t>(HitKind::Prefix)) return {hits.begin(), hits.end()};
  // A facility named after its town ("Da Nang International Airport", "Vancouver Art Gallery")
  // is within reach of the town.
  static constexpr std::string_view kSuffixes[] = {" county", " co", " province", " district", " governorate",
                                                   " region", " prefecture", " parish", " international airport",
                                                   " airport", " art gallery", " museum", " stadium", " railway station"};
  for (std::string_view suf : kSuffixes)
    if (key.size() > suf.size() + 2 && key.ends_with(suf)) {
      auto bare = kb.find_key(key.substr(0, key.size() - suf.size()));
      if (stripped) *stripped = true;
      return {bare.begin(), bare.end()};
    }
  // "North London", "Central Luzon", "Upper Edmonton": a part of a place is within reach of the
  // place's own point. Not of a sea or an ocean, nor of a borrowed point (an ISO subdivision) or
  // a GeoNames alternate ("West Prince" is no part of Cabaret, Haiti, alias Prince).
  static constexpr std::string_view kPrefixes[] = {"north ", "south ", "east ", "west ", "northern ", "southern ",
                                                   "eastern ", "western ", "central ", "upper ", "lower ", "greater ",
                                                   "northeast ", "northwest ", "southeast ", "southwest ", "downtown "};
  for (std::string_view pre : kPrefixes) {
    if (key.size() <= pre.size() + 2 || !key.starts_with(pre)) continue;
    auto whole = place_hits(kb, key.substr(pre.size()));
    auto feature = [&](const KeyRec& h) {
      return h.kind == static_cast<uint8_t>(HitKind::Place) ? static_cast<Feature>(kb.places()[h.target].feature)
                                                            : Feature::Other;
    };
    // "South Pacific" is part of the ocean, not of Pacific, Missouri.
    if (std::any_of(whole.begin(), whole.end(), [&](const KeyRec& h) { return feature(h) == Feature::Sea; })) return {};
    std::erase_if(whole, [&](const KeyRec& h) { return (h.flags & kAltName) || feature(h) == Feature::IsoSubdivision; });
    return whole;
  }
  return {hits.begin(), hits.end()};
}

// The one country all of a name's meanings are in ("British Columbia", "Kibera"), else kNone.
// For a country's name only regions count against it: every country has a village named like
// another ("Canada", Kentucky), but "Georgia" is a US state too.
uint32_t sole_country(const Kb& kb, std::span<const KeyRec> hits) {
  bool is_country = std::any_of(hits.begin(), hits.end(),
                                [](const KeyRec& h) { return h.kind == static_cast<uint8_t>(HitKind::CountryName); });
  uint32_t country = kNone;
  for (const KeyRec& h : hits) {
    uint32_t c;
    if (h.kind == static_cast<uint8_t>(HitKind::Place)) {
      const PlaceRec& p = kb.places()[h.target];
      auto f = static_cast<Feature>(p.feature);
      if (f == Feature::Sea || f == Feature::Region) return kNone;  // the Red Sea, the Middle East: no one country's
      if (is_country && f != Feature::Admin1 && f != Feature::IsoSubdivision) continue;
      c = p.country;
    } else if (h.kind == static_cast<uint8_t>(HitKind::CountryName)) {
      c = h.target;
    } else {
      continue;
    }
    if (c == kNone || (country != kNone && c != country)) return kNone;
    country = c;
  }
  return country;
}

// One letter added, dropped, changed or two swapped: "Mauritious", "Phillipines".
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size())
    return a.substr(i + 1) == b.substr(i + 1) ||
           (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2));
  return a.substr(i) == b.substr(i + 1);
}

// A country's name misspelt by one letter; kNone if none, or if the name is short enough for a
// real word to be one letter off ("Iran" / "Iraq").
uint32_t misspelt_country(const Kb& kb, std::string_view key) {
  if (key.size() < 7) return kNone;
  for (const EntryRec& e : kb.entries()) {
    if (e.kind != static_cast<uint8_t>(format::EntryKind::Country)) continue;
    if (one_edit_apart(key, fold_key(kb.str(e.name)))) return e.place;
  }
  return kNone;
}

// Keeps the hits that satisfy `keep` when there are any; says whether there were.
template <class Keep>
bool keep_if_any(std::vector<KeyRec>& hits, Keep keep) {
  std::vector<KeyRec> kept;
  for (const KeyRec& h : hits)
    if (keep(h)) kept.push_back(h);
  if (kept.empty()) return false;
  hits = std::move(kept);
  return true;
}

bool city_level(const PlaceRec& p) {
  auto f = static_cast<Feature>(p.feature);
  return f == Feature::City || f == Feature::AdminSeat || f == Feature::CapitalCity;
}

// Local news names villages and counties the gazetteer lacks ("Metcalfe County" in a story from
// Edmonton, Ky.). Such a name is placed at the document's focus: its most named town, within
// the regions it names when it names any. So is a county known only through a namesake town
// when the story names regions: the town (Laurel, Maryland for Laurel County, Kentucky; Seminole,
// Florida, 180 km from Seminole County) is a worse guess than the story's own town.
void place_at_focus(const Kb& kb, const std::vector<std::string>& keys, const std::vector<char>& stripped,
                    std::vector<uint32_t>& out) {
  std::vector<uint16_t> named_regions;
  for (uint32_t pi : out)
    if (pi != kNone && region_level(kb.places()[pi]) && kb.places()[pi].region) named_regions.push_back(kb.places()[pi].region);
  auto in_named = [&](uint32_t pi) {
    return std::find(named_regions.begin(), named_regions.end(), kb.places()[pi].region) != named_regions.end();
  };
  auto names_regions_of = [&](uint32_t country) {
    for (uint32_t pi : out)
      if (pi != kNone && region_level(kb.places()[pi]) && kb.places()[pi].region && kb.places()[pi].country == country)
        return true;
    return false;
  };
  std::vector<uint32_t> placed = out;  // focus from the names the gazetteer knows, not from other fallbacks
  for (size_t i = 0; i < keys.size(); ++i) {
    bool unknown = placed[i] == kNone;
    bool county = stripped[i] && !unknown && !named_regions.empty();
    if (!unknown && !county) continue;
    if (unknown) {
      if (uint32_t c = misspelt_country(kb, keys[i]); c != kNone) {
        out[i] = c;
        continue;
      }
    }
    // The most named town; between towns named as often, the one in the country the document
    // names most ("Bab el-Oued" in an Algeria story that mentions London once is in Algiers).
    uint32_t focus = kNone;
    int focus_weight = 0;
    for (size_t o = 0; o < keys.size(); ++o) {
      uint32_t q = placed[o];
      if (q == kNone || keys[o] == keys[i] || stripped[o] || !city_level(kb.places()[q])) continue;
      if (!in_named(q) && names_regions_of(kb.places()[q].country)) continue;
      int count = static_cast<int>(std::count(placed.begin(), placed.end(), q));
      int in_country = static_cast<int>(std::count_if(placed.begin(), placed.end(), [&](uint32_t r) {
        return r != kNone && kb.places()[r].country == kb.places()[q].country;
      }));
      int weight = count * 1000 + in_country;
      if (weight > focus_weight) focus = q, focus_weight = weight;
    }
    // No town to go by: an unknown name goes to the region, else the country, the document names
    // most (a village in Rwanda is within reach of Rwanda's point; in Russia it is a miss anyway).
    if (focus == kNone && unknown) {
      for (int level = 0; level < 2 && focus == kNone; ++level)
        for (size_t o = 0; o < keys.size(); ++o) {
          uint32_t q = placed[o];
          if (q == kNone || keys[o] == keys[i] || stripped[o]) continue;
          bool fits = level == 0 ? region_level(kb.places()[q]) : kb.places()[q].feature == static_cast<uint8_t>(Feature::Country);
          if (!fits) continue;
          int count = static_cast<int>(std::count(placed.begin(), placed.end(), q));
          if (count > focus_weight) focus = q, focus_weight = count;
        }
    }
    if (focus != kNone) out[i] = focus;
  }
}

}  // namespace

namespace {

// "Cordova, Tennessee", "LONDON, Ky.": the first-level region a text names right after a place
// name and a comma; 0 when none.
uint16_t region_after(const Kb& kb, std::string_view text, std::string_view name) {
  auto region_level = [&](const KeyRec& h) {
    if (h.kind != static_cast<uint8_t>(HitKind::Place)) return false;
    auto f = static_cast<Feature>(kb.places()[h.target].feature);
    return f == Feature::Admin1 || f == Feature::IsoSubdivision;
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

// "Cairo's Abbasiya neighbourhood", "Paris' iconic Champs-Elysees": the place a text names in
// the possessive right before the name (one lower-case word may stand between); "" when none.
std::string owner_before(const Kb& kb, std::string_view text, std::string_view name) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '.'; };
  auto is_place = [&](std::string_view phrase) {
    for (const auto& h : kb.find_key(fold_key(phrase)))
      if (h.kind == static_cast<uint8_t>(HitKind::Place) || h.kind == static_cast<uint8_t>(HitKind::CountryName))
        return true;
    return false;
  };
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    std::string_view before = text.substr(0, at);
    if (!before.ends_with(' ')) continue;
    before.remove_suffix(1);
    // An adjective between: "Paris' iconic Champs-Elysees".
    size_t w = before.size();
    while (w > 0 && letter(before[w - 1])) --w;
    if (w < before.size() && std::islower(static_cast<unsigned char>(before[w])) && w > 0 && before[w - 1] == ' ')
      before = before.substr(0, w - 1);
    size_t mark;
    if (before.ends_with("'s")) mark = 2;
    else if (before.ends_with("\xE2\x80\x99s")) mark = 4;
    else if (before.ends_with("s'")) mark = 1;
    else continue;
    std::string_view owner_end = before.substr(0, before.size() - mark);
    // Up to three capitalized words: "Cairo", "New York", "Rio de Janeiro" is beyond reach.
    size_t b = owner_end.size();
    for (int words = 0; words < 3; ++words) {
      size_t s = b;
      while (s > 0 && letter(owner_end[s - 1])) --s;
      if (s == b || !std::isupper(static_cast<unsigned char>(owner_end[s]))) break;
      std::string_view owner = owner_end.substr(s);
      if (is_place(owner)) return fold_key(owner);
      if (s == 0 || owner_end[s - 1] != ' ') break;
      b = s - 1;
    }
  }
  return {};
}

// "Azerbaijan, Georgia, Iraq": the name stands in a comma list next to a country's name.
bool listed_among_countries(const Kb& kb, std::string_view text, std::string_view name) {
  auto is_country = [&](std::string_view phrase) {
    for (const auto& h : kb.find_key(fold_key(phrase)))
      if (h.kind == static_cast<uint8_t>(HitKind::CountryName)) return true;
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

void read_text_cues(const Kb& kb, std::string_view text, std::string_view name, GeoContext& ctx) {
  std::string n(name);
  std::string key = fold_key(name);
  auto add = [](std::vector<std::string>& v, const std::string& k) {
    if (std::find(v.begin(), v.end(), k) == v.end()) v.push_back(k);
  };
  for (const std::string& said : {n + " state", n + " State", "state of " + n, "State of " + n})
    if (text.find(said) != std::string_view::npos) add(ctx.said_regions, key);
  if (uint16_t region = region_after(kb, text, name)) {
    std::pair<std::string, uint16_t> p{key, region};
    if (std::find(ctx.said_in.begin(), ctx.said_in.end(), p) == ctx.said_in.end()) ctx.said_in.push_back(p);
  }
  if (listed_among_countries(kb, text, name)) add(ctx.said_countries, key);
  if (std::string owner = owner_before(kb, text, name); !owner.empty() && owner != key) {
    std::pair<std::string, std::string> p{key, owner};
    if (std::find(ctx.owned_by.begin(), ctx.owned_by.end(), p) == ctx.owned_by.end()) ctx.owned_by.push_back(p);
  }
}

uint32_t geocode(const Kb& kb, std::string_view name, const GeoContext& ctx) {
  return best_place(kb, place_hits(kb, fold_key(name)), ctx);
}

std::vector<uint32_t> geocode_document(const Kb& kb, const std::vector<std::string>& names, const GeoContext& ctx) {
  std::vector<std::string> keys(names.size());
  std::vector<std::vector<KeyRec>> hits(names.size());
  std::vector<char> stripped(names.size(), 0);
  for (size_t i = 0; i < names.size(); ++i) {
    keys[i] = fold_key(names[i]);
    bool bare = false;
    hits[i] = place_hits(kb, keys[i], &bare);
    stripped[i] = bare;
  }
  return geocode_hits(kb, keys, std::move(hits), std::move(stripped), ctx);
}

std::vector<uint32_t> geocode_hits(const Kb& kb, const std::vector<std::string>& keys,
                                   std::vector<std::vector<KeyRec>> hits, std::vector<char> stripped,
                                   const GeoContext& ctx) {
  std::vector<uint32_t> first(keys.size(), kNone), out(keys.size(), kNone);
  std::vector<uint32_t> sole(keys.size(), kNone);
  GeoContext running = ctx;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto said = [&](const std::vector<std::string>& names_said) {
      return std::find(names_said.begin(), names_said.end(), keys[i]) != names_said.end();
    };
    // "Washington state", "the state of Washington": the text says which reading.
    if (said(ctx.said_regions))
      keep_if_any(hits[i], [&](const KeyRec& h) {
        return h.kind == static_cast<uint8_t>(HitKind::Place) && region_level(kb.places()[h.target]);
      });
    // "Armenia, Azerbaijan, Georgia, Iraq": a name listed among countries is the country.
    if (said(ctx.said_countries))
      keep_if_any(hits[i], [](const KeyRec& h) { return h.kind == static_cast<uint8_t>(HitKind::CountryName); });
    // "Cordova, Tennessee", "LONDON, Ky.": the text says which region; a name with no meaning
    // there is a place the gazetteer lacks.
    for (const auto& [name, region] : ctx.said_in)
      if (name == keys[i] && !keep_if_any(hits[i], [&, r = region](const KeyRec& h) {
            return h.kind == static_cast<uint8_t>(HitKind::Place) && kb.places()[h.target].region == r;
          }))
        stripped[i] = 1;
    sole[i] = sole_country(kb, hits[i]);
    first[i] = best_place(kb, hits[i], running);
    if (first[i] != kNone) running.places.push_back(first[i]);
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    GeoContext c = ctx;
    // Other names only: a name's own first reading would vote for itself.
    // The places of the other names, and the countries of those that can only be in one: a
    // dateline's "VICTORIA" beside "British Columbia" is in Canada.
    std::vector<std::string_view> region_keys;
    for (size_t o = 0; o < keys.size(); ++o) {
      if (keys[o] == keys[i]) continue;
      if (first[o] != kNone) c.places.push_back(first[o]);
      if (sole[o] != kNone) c.countries.push_back(sole[o]);
      if (first[o] != kNone && region_level(kb.places()[first[o]]) &&
          std::find(region_keys.begin(), region_keys.end(), keys[o]) == region_keys.end()) {
        region_keys.push_back(keys[o]);
        c.region_countries.push_back(kb.places()[first[o]].country);
      }
    }
    out[i] = best_place(kb, hits[i], c);
  }
  // "Toronto's Pearson International Airport", "Cairo's Abbasiya": a name the gazetteer lacks, knows
  // only by its town word, or places outside its owner (Abbasiya, alias of a town in Israel) is
  // within its owner: the owner's point stands for it.
  auto within = [&](uint32_t pi, uint32_t owner) {
    const PlaceRec& p = kb.places()[pi];
    const PlaceRec& o = kb.places()[owner];
    if (o.feature == static_cast<uint8_t>(Feature::Country)) return p.country == o.country;
    if (region_level(o)) return p.region == o.region && p.country == o.country;
    return distance_km(p.lat, p.lon, o.lat, o.lon) < 200.0;
  };
  for (size_t i = 0; i < keys.size(); ++i) {
    for (const auto& [name, owner] : ctx.owned_by) {
      if (name != keys[i]) continue;
      uint32_t at = kNone;
      for (size_t o = 0; o < keys.size() && at == kNone; ++o)
        if (keys[o] == owner) at = out[o];
      // An owner the document names nowhere else may be a person ("Steele's Texas based
      // company"): it places only names that have no reading of their own.
      bool unplaced = out[i] == kNone || stripped[i];
      if (at == kNone && !unplaced) continue;
      if (at == kNone) {
        GeoContext c = ctx;
        for (uint32_t q : first)
          if (q != kNone) c.places.push_back(q);
        at = best_place(kb, place_hits(kb, owner), c);
      }
      if (at != kNone && (unplaced || !within(out[i], at))) {
        out[i] = at;
        stripped[i] = 0;
        break;
      }
    }
  }
  if (ctx.focus_fallback) place_at_focus(kb, keys, stripped, out);
  return out;
}

}  // namespace sitrep::kb

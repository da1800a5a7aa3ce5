#include "kb/compile.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "kb/fold.h"
#include "kb/format.h"

namespace sitrep::kb {
namespace {
using namespace format;

class StringPool {
 public:
  Str add(std::string_view s) {
    auto it = seen_.find(std::string(s));
    if (it != seen_.end()) return it->second;
    Str r{static_cast<uint32_t>(blob_.size()), static_cast<uint32_t>(s.size())};
    blob_.append(s);
    seen_.emplace(std::string(s), r);
    return r;
  }
  const std::string& blob() const { return blob_; }

 private:
  std::string blob_;
  std::unordered_map<std::string, Str> seen_;
};

Feature feature_of(const std::string& f) {
  if (f == "PPLC") return Feature::CapitalCity;
  if (f == "PPLA") return Feature::AdminSeat;  // PPLA2, a US county seat, is no more notable than its population
  if (f.rfind("PPL", 0) == 0) return Feature::City;
  if (f == "admin1") return Feature::Admin1;
  if (f == "region") return Feature::Region;
  if (f == "base") return Feature::Base;
  if (f == "crossing") return Feature::Crossing;
  if (f == "sea") return Feature::Sea;
  if (f == "city") return Feature::City;
  return Feature::Other;
}

struct Builder {
  explicit Builder(const KbSource& s) : src(s) {}
  const KbSource& src;
  StringPool pool;
  std::vector<EntryRec> entries;
  std::vector<RoleRec> roles;
  std::vector<TitleRec> titles;
  std::vector<AgentRec> agents;
  std::vector<PlaceRec> places;
  std::vector<KeyRec> keys;
  std::vector<CodeRec> codes;
  std::unordered_map<std::string, uint32_t> entry_by_id;       // people, orgs, "country:XX"
  std::unordered_map<std::string, uint32_t> country_by_code;   // ISO2, ISO3 and CAMEO
  std::unordered_map<std::string, uint32_t> title_by_key;
  CompileStats stats;

  void key(std::string_view phrase, HitKind kind, uint32_t target, uint8_t flags) {
    bool home = !phrase.empty() && phrase[0] == '~';
    if (home) phrase.remove_prefix(1), flags |= kHomeOnly;
    bool exact = !phrase.empty() && phrase[0] == '=';
    if (exact) phrase.remove_prefix(1);
    std::string k = fold_key(phrase);
    if (k.empty()) return;
    KeyRec r{};
    r.hash = key_hash(k);
    r.target = target;
    r.kind = static_cast<uint8_t>(kind);
    r.flags = flags | (exact ? kExactCase : 0);
    if (exact) r.exact = pool.add(phrase);
    keys.push_back(r);
    for (size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) {
      KeyRec p{};
      p.hash = key_hash(std::string_view(k).substr(0, sp));
      p.kind = static_cast<uint8_t>(HitKind::Prefix);
      keys.push_back(p);
    }
  }

  uint32_t add_place(const SourcePlace& p, Feature f, uint32_t country) {
    PlaceRec r{};
    r.name = pool.add(p.name);
    r.admin1 = pool.add(p.admin1);
    r.lat = static_cast<float>(p.lat);
    r.lon = static_cast<float>(p.lon);
    r.geonameid = static_cast<uint32_t>(p.geonameid);
    r.population = static_cast<uint32_t>(std::min<long>(p.population, UINT32_MAX));
    r.country = country;
    r.feature = static_cast<uint8_t>(f);
    places.push_back(r);
    return static_cast<uint32_t>(places.size() - 1);
  }

  uint32_t country_of(const std::string& code) const {
    auto it = country_by_code.find(code);
    return it == country_by_code.end() ? kNone : it->second;
  }

  void countries() {
    std::unordered_map<std::string, std::string> iso_name;
    for (size_t i = 0; i < src.iso_alpha.size(); ++i) iso_name[src.iso_alpha[i].first] = src.iso_names[i];
    for (const auto& c : src.countries) {
      uint32_t e = static_cast<uint32_t>(entries.size());
      std::string name = iso_name.count(c.iso2) ? iso_name[c.iso2] : (c.names.empty() ? c.iso2 : c.names[0]);
      EntryRec r{};
      r.id = pool.add("country:" + c.iso2);
      r.name = pool.add(c.names.empty() ? name : c.names[0]);
      r.code = pool.add(c.cameo);
      r.extra = pool.add(c.iso2);
      r.country = e;
      r.kind = static_cast<uint8_t>(EntryKind::Country);
      SourcePlace centroid;
      centroid.name = c.names.empty() ? name : c.names[0];
      centroid.lat = c.lat, centroid.lon = c.lon;
      r.place = add_place(centroid, Feature::Country, e);
      entries.push_back(r);
      for (const auto& code : {c.iso2, c.iso3, c.cameo}) country_by_code.emplace(code, e);
      entry_by_id["country:" + c.iso2] = e;
      key(name, HitKind::CountryName, e, kNeedsCap);
      for (const auto& n : c.names) key(n, HitKind::CountryName, e, kNeedsCap);
      for (const auto& a : c.adjectives) key(a, HitKind::CountryAdj, e, kNeedsCap);
      if (!c.capital.empty()) key(c.capital, HitKind::Capital, e, kNeedsCap);
    }
    stats.countries = src.countries.size();
  }

  // A surname's Arabic article taken off ("al-Assad", "el Sisi", "Al-Maliki"); empty when none.
  static std::string without_article(const std::string& surname) {
    if (surname.size() < 5) return {};
    char a = char(std::tolower(static_cast<unsigned char>(surname[0])));
    if ((a != 'a' && a != 'e') || std::tolower(static_cast<unsigned char>(surname[1])) != 'l') return {};
    if (surname[2] != '-' && surname[2] != ' ') return {};
    std::string rest = surname.substr(3);
    return rest.find(' ') == std::string::npos && std::isupper(static_cast<unsigned char>(rest[0])) ? rest : std::string();
  }

  void people_and_orgs() {
    for (const auto& p : src.people) {
      uint32_t e = static_cast<uint32_t>(entries.size());
      EntryRec r{};
      r.id = pool.add(p.id);
      r.name = pool.add(p.name);
      std::string surname = p.surname;
      if (surname.empty()) surname = p.name.substr(p.name.rfind(' ') == std::string::npos ? 0 : p.name.rfind(' ') + 1);
      r.extra = pool.add(surname);
      r.country = kNone;
      r.place = kNone;
      r.kind = static_cast<uint8_t>(EntryKind::Person);
      entries.push_back(r);
      entry_by_id[p.id] = e;
      key(p.name, HitKind::Person, e, kNeedsCap);
      for (const auto& a : p.aliases) key(a, HitKind::Person, e, kNeedsCap);
      if (surname != p.name) key(surname, HitKind::Surname, e, kNeedsCap);
      // The press drops the Arabic article: "al-Assad" is "Assad", "el-Sisi" "Sisi".
      if (std::string bare = without_article(surname); !bare.empty()) key(bare, HitKind::Surname, e, kNeedsCap);
    }
    stats.people = src.people.size();
    for (const auto& o : src.orgs) {
      uint32_t e = static_cast<uint32_t>(entries.size());
      EntryRec r{};
      r.id = pool.add(o.id);
      r.name = pool.add(o.name);
      r.code = pool.add(o.code);
      r.extra = pool.add(o.kind);
      r.country = o.country.empty() ? kNone : country_of(o.country);
      r.place = kNone;
      r.kind = static_cast<uint8_t>(EntryKind::Org);
      entries.push_back(r);
      entry_by_id[o.id] = e;
      key(o.name, HitKind::Org, e, kNeedsCap);
      for (const auto& a : o.aliases) key(a, HitKind::Org, e, kNeedsCap);
    }
    stats.orgs = src.orgs.size();
  }

  void titles_agents_words() {
    for (const auto& t : src.titles) {
      uint32_t i = static_cast<uint32_t>(titles.size());
      TitleRec r{};
      r.key = pool.add(t.key);
      r.sector = pool.add(t.sector);
      r.single_holder = t.single_holder;
      r.rank = static_cast<uint8_t>(t.rank);
      titles.push_back(r);
      title_by_key[t.key] = i;
      for (const auto& p : t.phrases) key(p, HitKind::Title, i, 0);
    }
    stats.titles = titles.size();
    for (const auto& a : src.agents) {
      agents.push_back({pool.add(a.phrase), pool.add(a.sector)});
      key(a.phrase, HitKind::Agent, static_cast<uint32_t>(agents.size() - 1), 0);
    }
    stats.agents = agents.size();
    static const std::pair<const char*, WordClass> kClasses[] = {
        {"locative", WordClass::Locative}, {"possessive", WordClass::Possessive}, {"counterpart", WordClass::Counterpart},
        {"coordinator", WordClass::Coordinator}, {"article", WordClass::Article},
        {"event", WordClass::EventNoun}, {"igo-anaphor", WordClass::IgoAnaphor},
        {"group-anaphor", WordClass::GroupAnaphor}, {"calendar", WordClass::Calendar},
        {"home-anaphor", WordClass::HomeAnaphor}};
    for (const auto& w : src.words)
      for (const auto& [name, cls] : kClasses)
        if (w.word_class == name) key(w.word, HitKind::Word, static_cast<uint32_t>(cls), 0);
    for (const auto& c : src.codes) codes.push_back({pool.add(c.code), pool.add(c.kind), pool.add(c.meaning)});
  }

  void roles_table() {
    std::vector<const SourceRole*> sorted;
    for (const auto& r : src.roles) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) {
      return entry_by_id[a->person] < entry_by_id[b->person] || (entry_by_id[a->person] == entry_by_id[b->person] && a->start < b->start);
    });
    for (const auto* r : sorted) {
      auto pe = entry_by_id.find(r->person);
      auto ti = title_by_key.find(r->title);
      if (pe == entry_by_id.end() || ti == title_by_key.end()) continue;
      uint32_t of = country_of(r->of);
      if (of == kNone) {
        auto oe = entry_by_id.find(r->of);
        if (oe == entry_by_id.end()) continue;
        of = oe->second;
      }
      std::string code = r->code;
      if (code.empty()) {
        const EntryRec& o = entries[of];
        code = std::string(pool.blob().substr(o.code.off, o.code.len));
        // A country's office is coded by the title's sector (TUR + GOV); an organization's
        // leader carries the organization's own code.
        if (o.kind == static_cast<uint8_t>(EntryKind::Country)) code += src.titles[ti->second].sector;
      }
      RoleRec rr{};
      rr.person = pe->second;
      rr.title = ti->second;
      rr.of = of;
      rr.code = pool.add(code);
      rr.start = r->start;
      rr.end = r->end;
      EntryRec& p = entries[pe->second];
      if (p.role_count == 0) p.role_begin = static_cast<uint32_t>(roles.size());
      ++p.role_count;
      if (entries[of].kind == static_cast<uint8_t>(EntryKind::Country)) p.country = of;
      roles.push_back(rr);
    }
    stats.roles = roles.size();
  }

  // Containment without polygons: a GeoNames city is in the first-level region its admin1 code
  // names; an authored region (ISO code) is the GeoNames region of the same code (US-IA, GB-ENG)
  // or, where GeoNames numbers them (CA-ON is CA.08), the region most of its nearest cities are in.
  void place_regions(const std::vector<uint32_t>& source_index) {
    std::unordered_map<std::string, uint16_t> ids;
    auto region_key = [](const SourcePlace& p) { return p.country + "|" + p.admin1; };
    for (uint32_t i = 0; i < places.size(); ++i) {
      if (source_index[i] == kNone || source_index[i] < src.authored_places) continue;
      const SourcePlace& p = src.places[source_index[i]];
      if (p.admin1.empty() || p.admin1 == "00") continue;
      auto [it, fresh] = ids.emplace(region_key(p), static_cast<uint16_t>(ids.size() + 1));
      if (fresh && ids.size() >= UINT16_MAX) return;  // more regions than the field holds: none at all
      places[i].region = it->second;
    }
    for (uint32_t i = 0; i < places.size(); ++i) {
      if (source_index[i] == kNone || source_index[i] >= src.authored_places) continue;
      const SourcePlace& p = src.places[source_index[i]];
      if (feature_of(p.feature) != Feature::Admin1 || p.admin1.size() < 4 || p.admin1.substr(0, 2) != p.country) continue;
      if (auto it = ids.find(p.country + "|" + p.admin1.substr(3)); it != ids.end()) {
        places[i].region = it->second;
        continue;
      }
      constexpr size_t kVoters = 7;
      std::vector<std::pair<double, uint16_t>> near;
      for (uint32_t c = 0; c < places.size(); ++c) {
        if (places[c].region == 0 || places[c].country != places[i].country || places[c].geonameid == 0) continue;
        double dlat = places[c].lat - p.lat, dlon = (places[c].lon - p.lon) * std::cos(p.lat * M_PI / 180.0);
        near.emplace_back(dlat * dlat + dlon * dlon, places[c].region);
      }
      size_t k = std::min(kVoters, near.size());
      std::partial_sort(near.begin(), near.begin() + k, near.end());
      std::unordered_map<uint16_t, int> votes;
      uint16_t best = 0;
      for (size_t v = 0; v < k; ++v)
        if (++votes[near[v].second] > votes[best]) best = near[v].second;
      places[i].region = best;
    }
  }

  void place_tables() {
    std::vector<uint32_t> source_index(places.size(), kNone);  // the country points come first
    for (size_t i = 0; i < src.places.size(); ++i) {
      const auto& p = src.places[i];
      bool authored = i < src.authored_places;
      uint32_t idx = add_place(p, feature_of(p.feature), country_of(p.country));
      source_index.push_back(static_cast<uint32_t>(i));
      uint8_t flags = kNeedsCap;
      key(p.name, HitKind::Place, idx, flags);
      for (const auto& a : p.aliases) {
        // GeoNames alternates include abbreviations ("The" for Teresina); short ones only mislead.
        if (!authored && a.size() < 4) continue;
        key(a, HitKind::Place, idx, authored ? flags : flags | kAltName);
      }
      ++(authored ? stats.authored_places : stats.cities);
    }
    place_regions(source_index);
    // ISO 3166-2 subdivisions have no coordinates in iso-codes: take those of a same-named
    // GeoNames city in the country (Idlib, Aleppo), else the country's centroid.
    std::unordered_map<std::string, uint32_t> city_by_name;
    for (uint32_t i = 0; i < places.size(); ++i) {
      const auto& p = places[i];
      if (p.country == kNone || p.feature == static_cast<uint8_t>(Feature::Country)) continue;
      std::string k = std::to_string(p.country) + "|" + fold_key(pool.blob().substr(p.name.off, p.name.len));
      auto [it, fresh] = city_by_name.emplace(k, i);
      if (!fresh && places[it->second].population < p.population) it->second = i;
    }
    std::unordered_set<std::string> suffixes;
    for (const auto& w : src.words)
      if (w.word_class == "suffix") suffixes.insert(fold_key(w.word));
    std::unordered_map<std::string, bool> authored;  // an authored region replaces the ISO one
    for (size_t i = 0; i < src.authored_places; ++i)
      authored[src.places[i].country + "|" + fold_key(src.places[i].name)] = true;
    // An authored region named otherwise ("Washington State") lends the ISO one ("Washington")
    // its point and region: a same-named city (Washington, Utah) is no state's point.
    std::unordered_map<std::string, uint32_t> authored_by_code;
    for (uint32_t i = 0; i < places.size(); ++i)
      if (places[i].feature == static_cast<uint8_t>(Feature::Admin1) && places[i].geonameid == 0 && places[i].admin1.len)
        authored_by_code.emplace(pool.blob().substr(places[i].admin1.off, places[i].admin1.len), i);
    for (const auto& s : src.subdivisions) {
      uint32_t c = country_of(s.code.substr(0, 2));
      if (c == kNone || authored.count(s.code.substr(0, 2) + "|" + fold_key(s.name))) continue;
      SourcePlace p;
      p.name = s.name;
      p.admin1 = s.code;
      auto twin = authored_by_code.find(s.code);
      auto it = city_by_name.find(std::to_string(c) + "|" + fold_key(s.name));
      uint32_t at = twin != authored_by_code.end() ? twin->second
                    : it != city_by_name.end()     ? it->second
                                                   : entries[c].place;
      p.lat = places[at].lat, p.lon = places[at].lon;
      uint32_t idx = add_place(p, Feature::IsoSubdivision, c);
      if (twin != authored_by_code.end()) places[idx].region = places[twin->second].region;
      key(s.name, HitKind::Place, idx, kNeedsCap);
      std::string bare = fold_key(s.name);
      for (size_t sp = bare.rfind(' '); sp != std::string::npos && suffixes.count(bare.substr(sp + 1)); sp = bare.rfind(' ')) {
        bare.resize(sp);
        key(bare, HitKind::Place, idx, kNeedsCap);
      }
      ++stats.subdivisions;
    }
    stats.places = places.size();
  }

  std::string serialize() {
    std::sort(keys.begin(), keys.end(), [](const KeyRec& a, const KeyRec& b) {
      return std::tie(a.hash, a.kind, a.target) < std::tie(b.hash, b.kind, b.target);
    });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const KeyRec& a, const KeyRec& b) {
                             return a.hash == b.hash && a.kind == b.kind && a.target == b.target && a.flags == b.flags;
                           }),
               keys.end());
    stats.keys = keys.size();
    std::vector<uint32_t> dir((size_t{1} << kDirBits) + 1, 0);
    for (const auto& k : keys) ++dir[(k.hash >> (64 - kDirBits)) + 1];
    for (size_t i = 1; i < dir.size(); ++i) dir[i] += dir[i - 1];
    std::vector<uint32_t> title_index(roles.size());
    for (uint32_t i = 0; i < roles.size(); ++i) title_index[i] = i;
    std::sort(title_index.begin(), title_index.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(roles[a].title, roles[a].of, roles[a].start) < std::tie(roles[b].title, roles[b].of, roles[b].start);
    });

    struct Part {
      SectionId id;
      uint32_t elem;
      const void* data;
      size_t count;
    };
    std::vector<Part> parts = {
        {kStrings, 1, pool.blob().data(), pool.blob().size()},
        {kEntries, sizeof(EntryRec), entries.data(), entries.size()},
        {kRoles, sizeof(RoleRec), roles.data(), roles.size()},
        {kTitleIndex, sizeof(uint32_t), title_index.data(), title_index.size()},
        {kTitles, sizeof(TitleRec), titles.data(), titles.size()},
        {kAgents, sizeof(AgentRec), agents.data(), agents.size()},
        {kPlaces, sizeof(PlaceRec), places.data(), places.size()},
        {kKeys, sizeof(KeyRec), keys.data(), keys.size()},
        {kKeyDir, sizeof(uint32_t), dir.data(), dir.size()},
        {kCodes, sizeof(CodeRec), codes.data(), codes.size()},
    };
    auto align = [](std::string& s) { s.resize((s.size() + 7) & ~size_t{7}, '\0'); };
    std::string out(sizeof(Header) + parts.size() * sizeof(SectionRec), '\0');
    align(out);
    std::vector<SectionRec> recs;
    for (const auto& p : parts) {
      recs.push_back({p.id, p.elem, out.size(), p.count});
      out.append(static_cast<const char*>(p.data), p.elem * p.count);
      align(out);
    }
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.n_sections = static_cast<uint32_t>(recs.size());
    h.file_size = out.size();
    std::memcpy(out.data() + sizeof(Header), recs.data(), recs.size() * sizeof(SectionRec));
    h.checksum = XXH3_64bits(out.data() + sizeof(Header), out.size() - sizeof(Header));
    std::memcpy(out.data(), &h, sizeof h);
    return out;
  }
};

}  // namespace

std::string compile_kb(const KbSource& src, CompileStats* stats) {
  Builder b(src);
  b.countries();
  b.people_and_orgs();
  b.titles_agents_words();
  b.roles_table();
  b.place_tables();
  std::string out = b.serialize();
  if (stats) *stats = b.stats;
  return out;
}

}  // namespace sitrep::kb

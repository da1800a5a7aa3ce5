#include "kb/describe.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "kb/fold.h"
#include "kb/linker.h"

namespace sitrep::kb {
using namespace format;

std::string describe_entry(const Kb& kb, uint32_t entry) {
  if (entry >= kb.entries().size()) return "-";
  const EntryRec& e = kb.entries()[entry];
  return std::string(kb.str(e.name)) + " (" + std::string(kb.str(e.id)) + ")";
}

std::string describe_place(const Kb& kb, uint32_t place) {
  if (place >= kb.places().size()) return "-";
  const PlaceRec& p = kb.places()[place];
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f,%.4f", p.lat, p.lon);
  std::string s = std::string(kb.str(p.name)) + " [";
  if (p.country != kNone) s += std::string(kb.str(kb.entries()[p.country].extra));
  if (p.admin1.len) {
    std::string a(kb.str(p.admin1));
    s += a.find('-') == std::string::npos ? "-" + a : a.substr(a.find('-'));
  }
  s += " " + std::string(buf);
  if (p.geonameid) s += " geonames:" + std::to_string(p.geonameid);
  if (p.population) s += " pop " + std::to_string(p.population);
  return s + "]";
}

namespace {

void print_roles(const Kb& kb, uint32_t entry, int day, std::ostream& out) {
  const EntryRec& e = kb.entries()[entry];
  for (uint32_t i = e.role_begin; i < e.role_begin + e.role_count; ++i) {
    const RoleRec& r = kb.roles()[i];
    bool active = day == kNoDate ? r.end == INT32_MAX : (r.start <= day && day < r.end);
    out << "    " << (active ? "* " : "  ") << kb.str(kb.titles()[r.title].key) << " of " << kb.str(kb.entries()[r.of].name)
        << "  " << day_to_iso(r.start) << " .. " << day_to_iso(r.end) << "  " << kb.str(r.code) << "\n";
  }
}

}  // namespace

bool print_lookup(const Kb& kb, std::string_view name, int day, std::ostream& out) {
  bool any = false;
  Linker linker(std::shared_ptr<const Kb>(&kb, [](const Kb*) {}));  // borrowed: lives for this call
  for (const auto& m : linker.link_text(name, day)) {
    any = true;
    out << "links to: " << name.substr(m.begin, m.end - m.begin) << " -> " << to_string(m.kind) << " "
        << (m.kind == MentionKind::Place ? describe_place(kb, m.place) : describe_entry(kb, m.entry)) << "  code "
        << (m.code.empty() ? "-" : m.code) << "  (" << to_string(m.rule) << ", " << day_to_iso(day) << ")\n";
  }
  size_t places = 0;
  std::vector<uint32_t> shown;  // a person found by full name and by surname is shown once
  for (const KeyRec& k : kb.find_key(fold_key(name))) {
    bool entry_hit = k.kind == static_cast<uint8_t>(HitKind::Person) || k.kind == static_cast<uint8_t>(HitKind::Surname) ||
                     k.kind == static_cast<uint8_t>(HitKind::Org);
    if (entry_hit) {
      if (std::find(shown.begin(), shown.end(), k.target) != shown.end()) continue;
      shown.push_back(k.target);
    }
    switch (static_cast<HitKind>(k.kind)) {
      case HitKind::Person:
      case HitKind::Surname:
      case HitKind::Org:
        any = true;
        out << (k.kind == static_cast<uint8_t>(HitKind::Org) ? "organization: " : "person: ") << describe_entry(kb, k.target)
            << "  code on " << day_to_iso(day) << ": " << kb.actor_code(k.target, day) << "\n";
        print_roles(kb, k.target, day, out);
        break;
      case HitKind::CountryName:
      case HitKind::CountryAdj:
      case HitKind::Capital:
        any = true;
        out << (k.kind == static_cast<uint8_t>(HitKind::Capital) ? "capital of: " : "country: ")
            << describe_entry(kb, k.target) << "  code " << kb.str(kb.entries()[k.target].code) << "\n";
        break;
      case HitKind::Title:
        any = true;
        out << "title: " << kb.str(kb.titles()[k.target].key) << "\n";
        break;
      case HitKind::Agent:
        any = true;
        out << "agent: sector " << kb.str(kb.agents()[k.target].sector) << "\n";
        break;
      case HitKind::Place:
        any = true;
        if (++places <= 5) out << "place: " << describe_place(kb, k.target) << "\n";
        break;
      default:
        break;
    }
  }
  if (places > 5) out << "... and " << places - 5 << " more places of that name\n";
  if (!any) out << "not in the knowledge base: " << name << "\n";
  return any;
}

}  // namespace sitrep::kb

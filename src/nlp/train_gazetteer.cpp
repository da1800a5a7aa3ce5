// The NER gazetteer from the knowledge base: every key the linker matches, by what it names.
#include <string>

#include "kb/fold.h"
#include "kb/kb.h"
#include "nlp/gazetteer.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

Gazetteer gazetteer_from_kb(const kb::Kb& kb) {
  using kb::format::Feature;
  using kb::format::HitKind;
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (const auto& k : kb.keys()) {
    uint32_t bit = 0;
    switch (HitKind(k.kind)) {
      case HitKind::Prefix: bit = kGazPrefix; break;
      case HitKind::Person: bit = kGazPerson; break;
      case HitKind::Surname: bit = kGazSurname; break;
      case HitKind::Org: bit = kGazOrg; break;
      case HitKind::Capital: bit = kGazBigPlace; break;
      case HitKind::CountryName: bit = kGazCountry; break;
      case HitKind::CountryAdj: bit = kGazDemonym; break;
      case HitKind::Title: bit = kGazTitle; break;
      case HitKind::Place: {
        if (k.flags & kb::format::kAltName || k.target >= kb.places().size()) break;
        const auto& p = kb.places()[k.target];
        auto f = Feature(p.feature);
        bool big = p.population >= 100000 || f == Feature::Country || f == Feature::Admin1 ||
                   f == Feature::CapitalCity || f == Feature::Region || f == Feature::Sea ||
                   f == Feature::IsoSubdivision;
        bit = big ? kGazBigPlace : kGazSmallPlace;
        break;
      }
      default: break;
    }
    if (bit) entries.push_back({k.hash, bit});
  }
  // First names: the first word of every person's name of two words or more.
  for (const auto& e : kb.entries()) {
    if (e.kind != uint8_t(kb::format::EntryKind::Person)) continue;
    std::string key = kb::fold_key(kb.str(e.name));
    size_t sp = key.find(' ');
    if (sp == std::string::npos) continue;
    entries.push_back({kb::key_hash(std::string_view(key).substr(0, sp)), kGazFirstName});
  }
  return Gazetteer::build(std::move(entries));
}

}  // namespace sitrep::nlp

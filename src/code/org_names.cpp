#include "code/org_names.h"

#include <algorithm>
#include <cctype>

#include "code/tsv.h"
#include "core/embedded.h"
#include "kb/fold.h"
#include "kb/format.h"
#include "kb/kb.h"

namespace sitrep::code {

Expected<std::shared_ptr<const OrgHeads>> OrgHeads::load_embedded() {
  auto text = embedded_data("lexicon/organizations.tsv");
  if (text.empty()) return Error{"data/lexicon/organizations.tsv", "", "lexicon file missing from the build"};
  return parse(text);
}

Expected<std::shared_ptr<const OrgHeads>> OrgHeads::parse(std::string_view tsv) {
  auto heads = std::make_shared<OrgHeads>();
  for (const auto& r : read_tsv(tsv)) {
    bool modifier = r.cells.size() > 2 && r.cells[2] == "modifier";
    if (r.cells.size() < 2 || r.cells[0].empty() || r.cells[1].size() != 3 ||
        (r.cells.size() > 2 && !r.cells[2].empty() && !modifier))
      return Error{"data/lexicon/organizations.tsv", "line " + std::to_string(r.line),
                   "expected word<TAB>sector code[<TAB>modifier]"};
    (modifier ? heads->modifier_ : heads->sector_)[std::string(r.cells[0])] = std::string(r.cells[1]);
  }
  return std::shared_ptr<const OrgHeads>(std::move(heads));
}

std::string_view OrgHeads::sector(std::string_view lower) const {
  auto it = sector_.find(std::string(lower));
  return it == sector_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view OrgHeads::modifier(std::string_view lower) const {
  auto it = modifier_.find(std::string(lower));
  return it == modifier_.end() ? std::string_view() : std::string_view(it->second);
}

namespace {

bool capitalized(std::string_view w) { return !w.empty() && std::isupper(uint8_t(w[0])); }

std::string lower(std::string_view w) {
  std::string s(w);
  for (auto& c : s) c = char(std::tolower(uint8_t(c)));
  return s;
}

// Lower-case words that may stand inside a name ("Association of African Jurists", "Forces for
// the Defence of Democracy").
bool connector(std::string_view w) { return w == "of" || w == "for" || w == "the" || w == "and"; }

}  // namespace

void add_unknown_organizations(std::string_view body, const nlp::Analysis& an, const OrgHeads& heads,
                               const kb::Kb& kb, std::vector<kb::LinkedMention>& mentions) {
  std::vector<kb::LinkedMention> found;
  auto word = [&](uint32_t w) { return body.substr(an.words[w].begin, an.words[w].end - an.words[w].begin); };
  for (size_t s = 0; s < an.sentence_count(); ++s) {
    uint32_t wb = an.sentence_begin(s), we = an.sentence_end(s);
    for (uint32_t i = wb; i < we;) {
      // A run of capitalized words, with connectors only between them.
      uint32_t j = i, last = i, caps = 0;
      if (!capitalized(word(i)) || lower(word(i)) == "the") {
        ++i;
        continue;
      }
      while (j < we) {
        if (capitalized(word(j))) {
          last = j++;
          ++caps;
        } else if (connector(lower(word(j))) && j + 1 < we && capitalized(word(j + 1))) {
          ++j;
        } else {
          break;
        }
      }
      std::string sector, modifier;
      for (uint32_t w = i; w <= last && sector.empty(); ++w) sector = std::string(heads.sector(lower(word(w))));
      for (uint32_t w = i; w <= last && modifier.empty(); ++w) modifier = std::string(heads.modifier(lower(word(w))));
      if (!sector.empty() && !modifier.empty()) sector = modifier;
      uint32_t begin = an.words[i].begin, end = an.words[last].end, i0 = i;
      i = last + 1;
      if (caps < 2 || sector.empty()) continue;
      // What the linker found inside: an actor it knows wins; a country names the body's.
      std::string country;
      bool known = false;
      for (const auto& m : mentions) {
        if (m.end <= begin || m.begin >= end) continue;
        bool inside = m.begin >= begin && m.end <= end;
        if (inside && m.kind == kb::MentionKind::Country && m.entry != kb::kNone)
          country = std::string(kb.str(kb.entries()[m.entry].code));
        else if (!(inside && (m.kind == kb::MentionKind::Place || m.rule == kb::LinkRule::Metonym)))
          known = true;
      }
      if (known) continue;
      // "the Liberian Peace Council": a national adjective, which the linker leaves alone
      // before a noun it does not know, names the country.
      for (uint32_t w = i0; w <= last && country.empty(); ++w)
        for (const auto& k : kb.find_key(kb::fold_key(word(w))))
          if (k.kind == uint8_t(kb::format::HitKind::CountryAdj) || k.kind == uint8_t(kb::format::HitKind::CountryName)) {
            country = std::string(kb.str(kb.entries()[k.target].code));
            break;
          }
      kb::LinkedMention m;
      m.begin = begin;
      m.end = end;
      m.rule = kb::LinkRule::OrgName;
      if (!country.empty()) {
        m.kind = kb::MentionKind::Organization;
        m.code = country + sector;
      } else if (sector == "NGO") {
        m.kind = kb::MentionKind::Organization;
        m.code = sector;
      } else {
        m.kind = kb::MentionKind::Agent;  // a sector of no known country, as "the court"
        m.code = sector;
      }
      found.push_back(std::move(m));
    }
  }
  if (found.empty()) return;
  // The names replace the country and place mentions inside them.
  std::erase_if(mentions, [&](const kb::LinkedMention& m) {
    return std::any_of(found.begin(), found.end(), [&](const kb::LinkedMention& f) { return m.begin >= f.begin && m.end <= f.end; });
  });
  mentions.insert(mentions.end(), found.begin(), found.end());
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const kb::LinkedMention& a, const kb::LinkedMention& b) { return a.begin < b.begin; });
}

}  // namespace sitrep::code

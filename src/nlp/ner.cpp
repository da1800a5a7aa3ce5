#include "nlp/ner.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>
#include <unordered_map>

#include "nlp/tagger.h"  // lexicon_bits

namespace sitrep::nlp {

namespace {
constexpr uint32_t kPartB = 0, kPartI = 1, kPartL = 2, kPartU = 3;
uint32_t part_of(uint32_t cls) { return (cls - 1) % 4; }
uint32_t type_of(uint32_t cls) { return (cls - 1) / 4; }
bool open(uint32_t cls) { return cls != 0 && cls != kNerStart && (part_of(cls) == kPartB || part_of(cls) == kPartI); }

struct Cue {
  std::string_view word;
  uint8_t kind;
};
// Sorted by word. Kinds: 1 company suffix, 2 institution, 3 line of business, 4 place or venue.
constexpr Cue kOrgCues[] = {
    {"academy", 2}, {"agency", 2}, {"airlines", 3}, {"airport", 4}, {"airways", 3}, {"alliance", 2},
    {"army", 2}, {"assn", 2}, {"associates", 1}, {"association", 2}, {"authority", 2}, {"ave", 4},
    {"avenue", 4}, {"bancorp", 1}, {"bank", 2}, {"bay", 4}, {"beach", 4}, {"blvd", 4}, {"board", 2},
    {"boulevard", 4}, {"bridge", 4}, {"brigade", 2}, {"brigades", 2}, {"bros", 1}, {"brothers", 1},
    {"bureau", 2}, {"cafe", 4}, {"canyon", 4}, {"capital", 3}, {"center", 2}, {"centre", 2}, {"church", 2},
    {"club", 2}, {"co", 1}, {"coalition", 2}, {"coast", 4}, {"college", 2}, {"command", 2}, {"commission", 2},
    {"committee", 2}, {"communications", 3}, {"companies", 1}, {"company", 1}, {"consulting", 3}, {"corp", 1},
    {"corporation", 1}, {"council", 2}, {"county", 4}, {"court", 2}, {"department", 2}, {"dept", 2},
    {"drive", 4}, {"electric", 3}, {"energy", 3}, {"enterprises", 1}, {"entertainment", 3}, {"exchange", 2},
    {"falls", 4}, {"federation", 2}, {"financial", 3}, {"force", 2}, {"forces", 2}, {"forest", 4},
    {"foundation", 2}, {"front", 2}, {"fund", 2}, {"gardens", 4}, {"gmbh", 1}, {"grill", 4}, {"group", 1},
    {"guard", 2}, {"hall", 4}, {"harbor", 4}, {"harbour", 4}, {"hill", 4}, {"hills", 4}, {"holdings", 1},
    {"hospital", 2}, {"hotel", 4}, {"inc", 1}, {"incorporated", 1}, {"industries", 1}, {"inn", 4},
    {"institute", 2}, {"insurance", 3}, {"international", 3}, {"investments", 3}, {"island", 4}, {"islands", 4},
    {"laboratories", 3}, {"labs", 3}, {"lake", 4}, {"lane", 4}, {"league", 2}, {"limited", 1}, {"llc", 1},
    {"llp", 1}, {"ltd", 1}, {"mall", 4}, {"management", 3}, {"media", 3}, {"memorial", 4}, {"ministry", 2},
    {"motors", 3}, {"mount", 4}, {"mountain", 4}, {"mountains", 4}, {"movement", 2}, {"mt", 4}, {"museum", 2},
    {"network", 3}, {"networks", 3}, {"observatory", 2}, {"office", 2}, {"organisation", 2},
    {"organization", 2}, {"park", 4}, {"partners", 1}, {"party", 2}, {"peak", 4}, {"petroleum", 3},
    {"pharmaceuticals", 3}, {"plc", 1}, {"police", 2}, {"power", 3}, {"press", 3}, {"properties", 3},
    {"railways", 3}, {"rd", 4}, {"resources", 3}, {"restaurant", 4}, {"river", 4}, {"road", 4}, {"school", 2},
    {"securities", 3}, {"service", 2}, {"services", 3}, {"society", 2}, {"software", 3}, {"solutions", 3},
    {"square", 4}, {"st", 4}, {"station", 4}, {"street", 4}, {"studios", 3}, {"systems", 3},
    {"technologies", 3}, {"technology", 3}, {"telecom", 3}, {"tribunal", 2}, {"trust", 2}, {"union", 2},
    {"university", 2}, {"valley", 4},
};
bool name_link(std::string_view w) { return w == "of" || w == "&" || w == "and" || w == "for" || w == "the"; }
}  // namespace

uint8_t ner_org_cue(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty() || word.size() > 20) return 0;
  char buf[20];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
  }
  std::string_view w(buf, word.size());
  auto it = std::lower_bound(std::begin(kOrgCues), std::end(kOrgCues), w,
                             [](const Cue& c, std::string_view x) { return c.word < x; });
  return it != std::end(kOrgCues) && it->word == w ? it->kind : 0;
}

bool ner_transition_ok(uint32_t prev, uint32_t cls) {
  // Only I and L are constrained; O, B or U after an open B or I closes its span (bilou_to_spans),
  // which lets a left-to-right decoder recover from a wrong B.
  if (cls == 0 || part_of(cls) == kPartB || part_of(cls) == kPartU) return true;
  return open(prev) && type_of(prev) == type_of(cls);
}

void bio_to_bilou(std::span<const uint16_t> bio, std::span<uint16_t> out) {
  for (size_t i = 0; i < bio.size(); ++i) {
    uint16_t c = bio[i];
    if (c == 0) {
      out[i] = 0;
      continue;
    }
    uint32_t t = (c - 1) / 2;
    bool begins = (c & 1) || i == 0 || bio[i - 1] == 0 || uint32_t(bio[i - 1] - 1) / 2 != t;  // B, or a stray I
    bool goes_on = i + 1 < bio.size() && bio[i + 1] == 2 + 2 * t;
    uint32_t part = begins ? (goes_on ? kPartB : kPartU) : (goes_on ? kPartI : kPartL);
    out[i] = uint16_t(ner_class(t, part));
  }
}

void bio_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out) {
  for (size_t i = 0; i < classes.size();) {
    uint16_t c = classes[i];
    if (c == 0) {
      ++i;
      continue;
    }
    uint32_t type = (c - 1) / 2;  // a stray I- opens a span too
    size_t j = i + 1;
    while (j < classes.size() && classes[j] == 2 + 2 * type) ++j;
    out.push_back({offset + uint32_t(i), offset + uint32_t(j), EntityType(type)});
    i = j;
  }
}

void trim_titles(std::span<const std::string_view> forms, uint32_t offset, std::vector<EntitySpan>& spans, size_t first) {
  static constexpr std::string_view kTitles[] = {
      "President", "Sen.", "Senator", "Rep.", "Gov.", "Governor", "Gen.", "General", "Adm.", "Admiral", "Lt.", "Col.",
      "Maj.", "Capt.", "Sgt.", "Minister", "Secretary", "Chairman", "Leader", "Speaker", "Ambassador", "Prince",
      "Commander", "Mayor", "Premier", "Chancellor", "Envoy", "Spokesman", "Spokeswoman"};
  for (size_t k = first; k < spans.size(); ++k) {
    EntitySpan& e = spans[k];
    if (e.type != EntityType::PER || e.word_end - e.word_begin < 3) continue;
    // the last title with a name of at least one word after it and something before it
    for (uint32_t w = e.word_end - 2; w > e.word_begin; --w) {
      std::string_view f = forms[w - offset];
      if (std::find(std::begin(kTitles), std::end(kTitles), f) == std::end(kTitles)) continue;
      e.word_begin = w + 1;
      break;
    }
  }
}

namespace {
bool is_acronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  for (char ch : w)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}
// Whether `acr` spells the initials of forms[b, e), each word's first letter in order; link
// words ("of", "the") may be skipped or used.
bool spells_initials(std::string_view acr, std::span<const std::string_view> forms, uint32_t b, uint32_t e) {
  // positions in acr reachable after each word: a small set, as a bitmask (acr has <= 8 letters)
  uint32_t reach = 1;
  for (uint32_t w = b; w < e && reach; ++w) {
    std::string_view f = forms[w];
    if (f.empty()) return false;
    char first = f[0];
    if (first >= 'a' && first <= 'z') first = char(first - 'a' + 'A');
    bool link = name_link(f) || f == "-";
    bool letter = first >= 'A' && first <= 'Z';
    if (!letter && !link) return false;
    uint32_t next = link ? reach : 0;
    for (uint32_t k = 0; k < acr.size(); ++k)
      if ((reach >> k & 1) && letter && acr[k] == first) next |= 1u << (k + 1);
    reach = next;
  }
  return reach >> acr.size() & 1;
}
bool us_state_code(std::string_view w) {
  static constexpr std::string_view kCodes[] = {
      "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY",
      "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH",
      "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
  return w.size() == 2 && std::binary_search(std::begin(kCodes), std::end(kCodes), w);
}
bool capitalized_word(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (char c : w.substr(1))
    if (c >= 'a' && c <= 'z') return true;  // not all capitals
  return false;
}
// "Chillicothe , OH", "Lawrence , KS 66044": a town named in capitalized words (or a place the
// recognizer found) before a comma and a US state's postal code, where no capitalized word follows
// ("Harry Preuss , MD , a Professor" is a person: it stays), are both places. True if it added any.
bool place_with_state(std::span<const std::string_view> forms, std::vector<EntitySpan>& spans) {
  std::vector<int> owner(forms.size(), -1);
  for (size_t k = 0; k < spans.size(); ++k)
    for (uint32_t w = spans[k].word_begin; w < spans[k].word_end && w < forms.size(); ++w) owner[w] = int(k);
  bool added = false;
  for (uint32_t i = 2; i < forms.size(); ++i) {
    if (!us_state_code(forms[i]) || forms[i - 1] != "," || owner[i] >= 0) continue;
    if (i + 1 < forms.size() && capitalized_word(forms[i + 1])) continue;
    uint32_t end = i - 1;
    if (int k = owner[end - 1]; k >= 0) {
      if (spans[size_t(k)].type != EntityType::LOC || spans[size_t(k)].word_end != end) continue;
    } else {
      uint32_t b = end;
      while (b > 0 && end - b < 3 && owner[b - 1] < 0 && capitalized_word(forms[b - 1])) --b;
      if (b == end) continue;
      spans.push_back({b, end, EntityType::LOC});
    }
    spans.push_back({i, i + 1, EntityType::LOC});
    owner[i] = int(spans.size() - 1);
    added = true;
  }
  return added;
}
// A mail header's quoted "Surname , First [Middle]" (`" Townsend , George " <gtownsend@...>`) is
// one person, over whatever the recognizer read in it. True if it added any.
bool quoted_surname_first(std::span<const std::string_view> forms, std::vector<EntitySpan>& spans) {
  bool added = false;
  for (uint32_t i = 0; i + 4 < forms.size(); ++i) {
    if (forms[i] != "\"" || !capitalized_word(forms[i + 1]) || forms[i + 2] != "," || !capitalized_word(forms[i + 3]))
      continue;
    uint32_t e = i + 4;
    while (e < forms.size() && e < i + 6 && !forms[e].empty() && forms[e][0] >= 'A' && forms[e][0] <= 'Z') ++e;
    if (e >= forms.size() || (forms[e] != "\"" && forms[e] != "(")) continue;
    std::erase_if(spans, [&](const EntitySpan& x) { return x.word_begin < e && x.word_end > i + 1; });
    spans.push_back({i + 1, e, EntityType::PER});
    added = true;
  }
  return added;
}
void sort_spans(std::vector<EntitySpan>& spans) {
  std::sort(spans.begin(), spans.end(), [](const EntitySpan& x, const EntitySpan& y) { return x.word_begin < y.word_begin; });
}
}  // namespace

void resolve_document_names(std::span<const std::string_view> forms, std::vector<EntitySpan>& spans) {
  // "Greater New Orleans Fair Housing Action Center ( GNOFHAC )": capitalized words the
  // recognizer did not read as one name, spelling the initials of the acronym in parentheses
  // after them, with an organization's cue word among them ("Center", "Army", "Inc."), are an
  // organization (whatever names it held: "New Orleans"); the acronym then follows it below.
  bool changed = false;
  for (uint32_t p = 1; p + 2 < forms.size(); ++p) {
    if (forms[p] != "(" || forms[p + 2] != ")" || !is_acronym(forms[p + 1])) continue;
    std::string_view acr = forms[p + 1];
    uint32_t lowest = p > 2 * acr.size() ? p - uint32_t(2 * acr.size()) : 0, b = p;
    for (uint32_t c = p; c-- > lowest;) {
      if (forms[c].empty() || forms[c][0] < 'A' || forms[c][0] > 'Z') continue;
      if (spells_initials(acr, forms, c, p)) {
        b = c;
        break;
      }
    }
    if (b == p) continue;
    bool named = false, org = false;
    for (const EntitySpan& e : spans) named = named || (e.word_begin == b && e.word_end == p);
    for (uint32_t w = b; w < p; ++w) {
      uint8_t cue = ner_org_cue(forms[w]);
      org = org || (cue >= 1 && cue <= 3);
    }
    if (named || !org) continue;
    std::erase_if(spans, [&](const EntitySpan& e) { return e.word_begin < p + 3 && e.word_end > b; });
    spans.push_back({b, p, EntityType::ORG});
    changed = true;
  }
  if (changed) sort_spans(spans);
  changed = place_with_state(forms, spans);
  changed = quoted_surname_first(forms, spans) || changed;
  if (changed) sort_spans(spans);
  if (spans.empty()) return;
  // One type per name in a document: a name written the same way takes the type most of its
  // mentions have (a tie keeps each mention's own).
  std::vector<std::string> names(spans.size());
  std::unordered_map<std::string_view, std::array<uint16_t, kEntityTypeCount>> votes;
  for (size_t k = 0; k < spans.size(); ++k) {
    for (uint32_t w = spans[k].word_begin; w < spans[k].word_end && w < forms.size(); ++w)
      names[k].append(forms[w]).push_back(' ');
    ++votes[names[k]][size_t(spans[k].type)];
  }
  for (size_t k = 0; k < spans.size(); ++k) {
    const auto& v = votes[names[k]];
    for (size_t t = 0; t < v.size(); ++t)
      if (v[t] > v[size_t(spans[k].type)]) spans[k].type = EntityType(t);
  }
  std::vector<char> covered(forms.size(), 0);
  for (const EntitySpan& e : spans)
    for (uint32_t w = e.word_begin; w < e.word_end && w < forms.size(); ++w) covered[w] = 1;
  struct Known {
    std::string_view acr;
    EntityType type;
    uint32_t from;  // the acronym counts from this word on
  };
  std::vector<Known> known;
  for (const EntitySpan& e : spans) {
    if (e.word_end > forms.size()) continue;
    // "Housing Authority of New Orleans ( HANO )"
    if (e.word_end + 2 < forms.size() && forms[e.word_end] == "(" && forms[e.word_end + 2] == ")" &&
        is_acronym(forms[e.word_end + 1]))
      known.push_back({forms[e.word_end + 1], e.type, e.word_end});
  }
  // Initials: an acronym anywhere after a multi-word organization or place it spells.
  for (uint32_t w = 0; w < forms.size(); ++w) {
    if (covered[w] || !is_acronym(forms[w])) continue;
    for (const EntitySpan& e : spans) {
      if (e.word_begin >= w) break;
      if (e.type == EntityType::PER || e.word_end - e.word_begin < 2) continue;
      if (spells_initials(forms[w], forms, e.word_begin, e.word_end)) {
        known.push_back({forms[w], e.type, e.word_end});
        break;
      }
    }
  }
  if (known.empty()) return;
  size_t before = spans.size();
  for (uint32_t w = 0; w < forms.size(); ++w) {
    if (covered[w] || !is_acronym(forms[w])) continue;
    for (const Known& k : known)
      if (k.acr == forms[w] && w >= k.from) {
        spans.push_back({w, w + 1, k.type});
        covered[w] = 1;
        break;
      }
  }
  if (spans.size() != before) sort_spans(spans);
}

void bilou_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out) {
  for (size_t i = 0; i < classes.size();) {
    uint16_t c = classes[i];
    if (c == 0) {
      ++i;
      continue;
    }
    uint32_t t = type_of(c);
    size_t j = i + 1;
    if (part_of(c) == kPartB || part_of(c) == kPartI)
      while (j < classes.size() && classes[j] != 0 && type_of(classes[j]) == t &&
             (part_of(classes[j]) == kPartI || part_of(classes[j]) == kPartL))
        if (part_of(classes[j++]) == kPartL) break;
    out.push_back({offset + uint32_t(i), offset + uint32_t(j), EntityType(t)});
    i = j;
  }
}

void ner_sentence_info(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                       const Gazetteer& gazetteer, NerSentenceInfo& out, const Lexicon* lexicon) {
  size_t n = words.size();
  if (lexicon) lexicon_bits(*lexicon, words, out.lex);
  else out.lex.clear();
  out.has_gaz = !gazetteer.empty();
  if (out.has_gaz) gazetteer.annotate(forms, words, out.gaz);
  // Cue words, and the first capitalized one in the run of capitalized words and the joining words
  // between them ("of", "&", "and", "for", "the"; a comma before "Inc.") within six words on each
  // side of a word; + 8 when it is the next (previous) word.
  out.cue.assign(n, 0);
  out.cue_right.assign(n, 0);
  out.cue_left.assign(n, 0);
  for (size_t i = 0; i < n; ++i) out.cue[i] = ner_org_cue(forms[i]);
  constexpr size_t kReach = 6;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n && j <= i + kReach; ++j) {
      bool cap = words[j].flags & 1;
      if (cap && out.cue[j]) {
        out.cue_right[i] = uint8_t(out.cue[j] + 8 * (j == i + 1));
        break;
      }
      if (forms[j] == "," && j + 1 < n && out.cue[j + 1] == 1) continue;  // "Google , Inc."
      // A joining word goes on from a capitalized word, or from "of" / "for" ("Court of the District").
      if (!cap && !(name_link(forms[j]) && ((words[j - 1].flags & 1) || forms[j - 1] == "of" || forms[j - 1] == "for"))) break;
    }
    for (size_t j = i; j-- > 0 && j + kReach >= i;) {
      bool cap = words[j].flags & 1;
      if (cap && out.cue[j]) {
        out.cue_left[i] = uint8_t(out.cue[j] + 8 * (j + 1 == i));
        break;
      }
      if (!cap && !(name_link(forms[j]) && ((words[j + 1].flags & 1) || forms[j + 1] == "the"))) break;
    }
  }
  // Sentence casing, over words that start with a letter (shape flags: 1 capitalized, 2 all caps).
  size_t alpha = 0, cap = 0, caps = 0;
  for (size_t i = 1; i < n; ++i) {
    uint64_t f = words[i].flags;
    if (f & 4) continue;
    bool letter = false;
    for (char ch : forms[i]) letter = letter || (static_cast<unsigned char>(ch) >= 0x80) || std::isalpha(static_cast<unsigned char>(ch));
    if (!letter) continue;
    ++alpha;
    cap += f & 1;
    caps += (f >> 1) & 1;
  }
  out.sentence_case = alpha == 0 ? 0 : cap == 0 ? 1 : alpha >= 3 && caps * 10 >= alpha * 8 ? 3 : alpha >= 3 && cap * 10 >= alpha * 7 ? 2 : 0;
}

void ner_static_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                         size_t i, std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  long k = long(i), n = long(words.size());
  auto at = [&](long j) -> const WordKeys& { return j < 0 ? kBos : j >= n ? kEos : words[size_t(j)]; };
  auto pos = [&](long j) -> uint64_t { return j < 0 ? 100 : j >= n ? 101 : uint64_t(upos[size_t(j)]); };
  const WordKeys &w = at(k), &p = at(k - 1), &pp = at(k - 2), &nx = at(k + 1), &nn = at(k + 2);
  out.clear();
  uint32_t t = 300;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(fkey(t++, a, b, c)); };
  f1(1);
  f1(w.lower), f1(w.form), f1(w.shape), f1(w.flags), f1(w.prefix[2]), f1(w.suffix[1]), f1(w.suffix[2]), f1(w.suffix[3]);
  f1(p.lower), f1(nx.lower), f1(pp.lower), f1(nn.lower), f1(p.shape), f1(nx.shape), f1(p.form), f1(nx.form);
  f2(p.flags, w.flags), f2(w.flags, nx.flags);
  f1(pos(k)), f1(pos(k - 1)), f1(pos(k + 1)), f3(pos(k - 1), pos(k), pos(k + 1)), f2(pos(k), w.lower);
  f2(p.lower, w.lower), f2(w.lower, nx.lower), f2(w.shape, uint64_t(k == 0));
  f2(w.form, nx.shape), f2(p.shape, w.shape);
  uint64_t gsk = 0;
  if (info.has_gaz) {
    const GazCodes* gaz = &info.gaz;
    auto gs = [&](long j) -> uint64_t { return j < 0 ? 1u << 30 : j >= n ? 1u << 31 : gaz->span[size_t(j)]; };
    auto gw = [&](long j) -> uint64_t { return j < 0 || j >= n ? 1u << 30 : gaz->word[size_t(j)]; };
    gsk = gs(k);
    f1(gs(k)), f2(gs(k), w.flags), f1(gs(k - 1)), f1(gs(k + 1)), f2(gs(k - 1), gs(k)), f2(gs(k), gs(k + 1));
    f1(gw(k)), f2(gw(k), w.flags), f2(gw(k), gw(k + 1)), f2(gw(k - 1), gw(k));
    f2(gs(k), pos(k));
    // Each kind on its own (version 5): a name's code joins all its kinds ("Toyota": a company,
    // a surname and a Japanese city), and each combination is rare in training; one feature per
    // kind lets what is learnt of organizations reach every name the gazetteer has as one.
    uint32_t span_kinds = uint32_t(gs(k) >> 2) & kGazKinds, place = uint32_t(gs(k) & 3);
    uint64_t cap = w.flags & 3, first = uint64_t(k == 0);
    for (uint32_t kinds = span_kinds; kinds; kinds &= kinds - 1) {
      uint64_t bit = uint64_t(__builtin_ctz(kinds));
      out.push_back(fkey(700, bit, place, cap));
      out.push_back(fkey(701, bit, pos(k), first));
      out.push_back(fkey(702, bit, p.lower));
    }
    for (uint32_t kinds = uint32_t(gw(k)) & kGazKinds; kinds; kinds &= kinds - 1)
      out.push_back(fkey(703, uint64_t(__builtin_ctz(kinds)), cap, first));
    for (long j : {k - 1, k + 1})
      for (uint32_t kinds = uint32_t(gs(j) >> 2) & kGazKinds; kinds; kinds &= kinds - 1)
        out.push_back(fkey(704, uint64_t(__builtin_ctz(kinds)), uint64_t(j > k), gs(k) == 0));
  }
  t = 410;
  // The casing of the sentence: names are read differently in lower-case and headline text.
  uint64_t sc = info.sentence_case;
  f2(sc, w.shape), f2(sc, gsk), f3(sc, pos(k), w.flags);
  // Wider context.
  const WordKeys& n3 = at(k + 3);
  f1(pos(k - 2)), f1(pos(k + 2)), f2(nx.lower, nn.lower), f2(pp.lower, p.lower), f2(p.lower, nx.lower);
  f1(n3.lower), f2(pos(k + 1), pos(k + 2)), f2(nx.shape, nn.shape), f1(p.suffix[2]), f1(nx.suffix[2]);
  // Organization and place cue words: the word's, its neighbours', and the first one in the
  // name-like run on each side ("Housing [Authority] of New Orleans", "Enron Broadband [Services]").
  t = 600;
  auto cue = [&](long j) -> uint64_t { return j < 0 || j >= n ? 9 : info.cue[size_t(j)]; };
  uint64_t cr = info.cue_right[i], cl = info.cue_left[i];
  f2(cue(k), w.flags), f1(cue(k + 1)), f1(cue(k + 2)), f1(cue(k - 1));
  f2(cr, w.flags), f2(cl, w.flags), f3(cr, cl, w.flags), f2(cr, gsk), f2(cl, gsk), f2(cr, pos(k));
  // The lexicon's readings (version 6): a capitalized word the lexicon knows only as a common
  // noun or adjective is seldom a name; one it lacks, or knows as a proper noun, often is.
  if (info.lex.empty()) return;
  t = 800;
  auto lx = [&](long j) -> uint64_t { return j < 0 ? 0xB0B0 : j >= n ? 0xE0E0 : info.lex[size_t(j)]; };
  f2(lx(k), w.flags & 3), f3(lx(k), pos(k), uint64_t(k == 0)), f2(lx(k), lx(k + 1)), f3(lx(k), gsk, sc);
}

void ner_history_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                          size_t i, uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  static const WordKeys kEos = boundary_keys(1);
  long k = long(i), n = long(words.size());
  const WordKeys &w = words[i], &nx = k + 1 < n ? words[i + 1] : kEos;
  uint64_t pk = uint64_t(upos[i]);
  out.clear();
  uint32_t t = 500;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  f1(prev1), f2(prev1, prev2), f2(prev1, w.lower), f2(prev1, w.shape), f2(prev1, pk), f2(prev1, nx.lower);
  if (info.has_gaz) f2(prev1, info.gaz.span[i]), f2(prev1, info.gaz.word[i]);
}

void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  std::vector<FeatureKey> h;
  ner_static_features(words, upos, info, i, out);
  ner_history_features(words, upos, info, i, prev1, prev2, h);
  out.insert(out.end(), h.begin(), h.end());
}

size_t NerBeam::run(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                    const ScoreFn& score, const uint16_t* gold, std::span<const char> plain) {
  size_t n = words.size();
  steps_.resize(n);
  std::vector<FeatureKey> feats, hist;
  float st[kNerClasses], hs[kNerClasses];
  std::vector<Item> cand;
  const Item start{0.f, 0, uint16_t(kNerStart), uint16_t(kNerStart)};
  uint32_t gold_at = 0;  // index of the gold prefix's item in the previous step
  for (size_t i = 0; i < n; ++i) {
    cand.clear();
    size_t prev_count = i == 0 ? 1 : steps_[i - 1].size();
    if (i < plain.size() && plain[i] && prev_count == 1) {
      const Item& it = i == 0 ? start : steps_[i - 1][0];
      if (it.cls == 0 || it.cls == kNerStart) {
        steps_[i].assign(1, Item{it.score, 0, 0, it.cls});
        continue;
      }
    }
    if (prev_count == 1) {  // one history: one scorer call over both lists
      const Item& it = i == 0 ? start : steps_[i - 1][0];
      ner_static_features(words, upos, info, i, feats);
      ner_history_features(words, upos, info, i, it.cls, it.prev, hist);
      feats.insert(feats.end(), hist.begin(), hist.end());
      score(feats, st);
      std::fill(hs, hs + kNerClasses, 0.f);
    } else {
      ner_static_features(words, upos, info, i, feats);
      score(feats, st);
    }
    for (size_t b = 0; b < prev_count; ++b) {
      const Item& it = i == 0 ? start : steps_[i - 1][b];
      if (prev_count > 1) {
        ner_history_features(words, upos, info, i, it.cls, it.prev, hist);
        score(hist, hs);
      }
      for (uint32_t c = 0; c < kNerClasses; ++c)
        if (ner_transition_ok(it.cls, c)) cand.push_back({it.score + st[c] + hs[c], uint32_t(b), uint16_t(c), it.cls});
    }
    size_t keep = std::min<size_t>(width_, cand.size());
    std::partial_sort(cand.begin(), cand.begin() + long(keep), cand.end(), [](const Item& a, const Item& b) {
      return a.score > b.score || (a.score == b.score && (a.back < b.back || (a.back == b.back && a.cls < b.cls)));
    });
    steps_[i].assign(cand.begin(), cand.begin() + long(keep));
    if (gold) {
      uint32_t found = UINT32_MAX;
      for (uint32_t k = 0; k < keep; ++k)
        if (steps_[i][k].back == gold_at && steps_[i][k].cls == gold[i]) found = k;
      if (found == UINT32_MAX) return taken_ = i + 1;
      gold_at = found;
    }
  }
  return taken_ = n;
}

void NerBeam::best(std::span<uint16_t> out, size_t steps) const {
  if (steps == 0) steps = taken_;
  if (steps == 0) return;
  uint32_t k = 0;
  for (size_t i = steps; i-- > 0;) {
    const Item& it = steps_[i][k];
    out[i] = it.cls;
    k = it.back;
  }
}

void ner_plain_words(std::span<const std::string_view> forms, const NerSentenceInfo& info, std::vector<char>& out) {
  out.clear();
  if (info.sentence_case != 0) return;
  out.assign(forms.size(), 0);
  for (size_t i = 0; i < forms.size(); ++i) {
    bool lower = !forms[i].empty();
    for (char ch : forms[i]) lower = lower && !(ch >= 'A' && ch <= 'Z') && static_cast<unsigned char>(ch) < 0x80;
    bool gaz = info.has_gaz && ((i < info.gaz.span.size() && info.gaz.span[i]) || (i < info.gaz.word.size() && info.gaz.word[i]));
    out[i] = lower && !gaz;
  }
}

void EntityRecognizer::tag(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                           std::span<const Upos> upos, std::span<uint16_t> out) const {
  NerSentenceInfo info;
  ner_sentence_info(words, forms, gazetteer_, info, lexicon_);
  std::vector<char> plain;
  ner_plain_words(forms, info, plain);
  NerBeam beam(kNerBeamWidth);
  beam.run(words, upos, info, [&](std::span<const FeatureKey> f, std::span<float> sc) { scorer_->score(f, sc); }, nullptr,
           plain);
  beam.best(out);
}

}  // namespace sitrep::nlp

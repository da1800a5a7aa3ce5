#include "kb/linker.h"

#include <algorithm>
#include <cctype>

#include "kb/fold.h"
#include "kb/geocode.h"

namespace sitrep::kb {
using namespace format;

const char* to_string(MentionKind k) {
  static const char* const names[] = {"person", "organization", "country", "agent", "place"};
  return names[static_cast<int>(k)];
}

const char* to_string(LinkRule r) {
  static const char* const names[] = {"name", "surname", "surname-in-document", "title-at-date", "counterpart",
                                      "leader-in-document", "metonym", "demonym+agent", "agent", "country", "place",
                                      "organization-in-document", "organization-name", "based-in", "demonym",
                                      "persons-country", "speaker-label"};
  return names[static_cast<int>(r)];
}

std::vector<std::pair<uint32_t, uint32_t>> speaker_labels(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t at = 0; at < text.size();) {
    size_t end = at, letters = 0;
    bool ok = true;
    for (; end < text.size() && end - at <= 60; ++end) {
      char c = text[end];
      if (c >= 'A' && c <= 'Z') ++letters;
      else if (c == ':') break;
      else if (c != ' ' && c != '.' && c != '-' && c != '\'') ok = false;
      if (!ok) break;
    }
    bool label = ok && end < text.size() && text[end] == ':' && letters >= 1 && text[at] != ' ' &&
                 (end + 1 == text.size() || text[end + 1] == ' ' || text[end + 1] == '\n') &&
                 (letters >= 2 || end == at + 1);
    if (label) out.push_back({uint32_t(at), uint32_t(end)});
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return out;
}

namespace {

constexpr int kMaxTokens = 8;           // longest alias, in tokens
constexpr uint32_t kBigCity = 100000;   // a bare single-word city name is a place only if this big

// One dictionary match: tokens [tb, te) and every meaning of their folded key.
struct Match {
  uint32_t tb, te;
  std::span<const KeyRec> hits;
};

class Scan {
 public:
  Scan(const Linker& linker, std::string_view text, int day)
      : linker_(linker), kb_(linker.kb()), text_(text), day_(day) {}
  std::span<const std::pair<uint32_t, uint32_t>> named_places;  // NER location spans, in text order
  std::span<const std::pair<uint32_t, uint32_t>> named_people;  // NER person spans, in text order

  std::vector<LinkedMention> run(const std::vector<uint32_t>& people_in_doc) {
    people_ = people_in_doc;
    fold_text(text_, ft_);
    match_all();
    for (size_t k = 0; k < ms_.size(); ++k) {
      if (uint32_t c = country_of_hit(k); c != kNone) doc_countries_.push_back(c), named_countries_.push_back(c);
      if (const KeyRec* cap = hit(k, HitKind::Capital)) doc_countries_.push_back(cap->target);
    }
    find_credit_datelines();
    for (size_t k = 0; k < ms_.size();) k = interpret(k);
    resolve_places();
    link_speaker_labels();
    std::sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
  // "SECRETARY BLINKEN:", "PRESIDENT ZELENSKYY:": a transcript names its speakers in capitals,
  // by title and surname, before the full name (if ever) comes. A label that names no one yet
  // is the person of that surname: one named in the document, else the only one holding an
  // office on its date, else the only one the KB has.
  void link_speaker_labels() {
    for (auto [b, e] : speaker_labels(text_)) {
      bool named = std::any_of(out_.begin(), out_.end(), [&](const LinkedMention& m) {
        return m.begin >= b && m.end <= e && m.kind == MentionKind::Person;
      });
      if (named) continue;
      std::string_view label = text_.substr(b, e - b);
      size_t sp = label.find_last_of(' ');
      std::string_view surname = sp == std::string_view::npos ? label : label.substr(sp + 1);
      if (surname.size() < 3) continue;
      std::vector<uint32_t> in_doc, in_office, all;
      for (const KeyRec& h : kb_.find_key(fold_key(surname))) {
        auto kind = static_cast<HitKind>(h.kind);
        if (kind != HitKind::Surname && kind != HitKind::Person) continue;
        if (std::find(all.begin(), all.end(), h.target) != all.end()) continue;
        all.push_back(h.target);
        if (std::find(people_.begin(), people_.end(), h.target) != people_.end()) in_doc.push_back(h.target);
        if (day_ != kNoDate && kb_.active_role(h.target, day_)) in_office.push_back(h.target);
      }
      uint32_t who = in_doc.size() == 1      ? in_doc[0]
                     : !in_doc.empty()        ? kNone
                     : in_office.size() == 1  ? in_office[0]
                     : in_office.empty() && all.size() == 1 ? all[0]
                                                            : kNone;
      if (who == kNone) continue;
      // Over the surname only: a title before it may be a mention of its own already.
      uint32_t sb = uint32_t(b + (surname.data() - label.data()));
      std::erase_if(out_, [&](const LinkedMention& m) { return m.begin < e && m.end > sb; });
      LinkedMention m;
      m.begin = sb;
      m.end = e;
      m.kind = MentionKind::Person;
      m.rule = LinkRule::SpeakerLabel;
      m.entry = who;
      m.code = kb_.actor_code(who, day_);
      out_.push_back(std::move(m));
      people_.push_back(who);
    }
  }

  const Linker& linker_;
  const Kb& kb_;
  std::string_view text_;
  int day_;
  FoldedText ft_;
  std::vector<Match> ms_;
  std::vector<LinkedMention> out_;
  std::vector<uint32_t> people_;     // people named so far, in order
  std::vector<std::pair<uint32_t, uint32_t>> credit_datelines_;  // byte ranges, find_credit_datelines
  std::vector<uint32_t> countries_;  // countries named or implied so far
  std::vector<uint32_t> people_countries_;  // those of them implied by a person (repeats = weight)
  std::vector<uint32_t> doc_countries_;  // countries or capitals named anywhere in the text
  std::vector<uint32_t> named_countries_;  // countries named anywhere in the text (not by capital)
  std::vector<uint32_t> orgs_;       // organizations named so far, in order
  std::vector<size_t> pending_places_;
  std::vector<size_t> based_in_;  // pending places read as "X-based"

  bool valid(const KeyRec& k, uint32_t tb, uint32_t te) const {
    if (k.kind == static_cast<uint8_t>(HitKind::Prefix)) return false;
    if (k.flags & kExactCase) {
      auto b = ft_.tokens[tb].begin, e = ft_.tokens[te - 1].end;
      std::string_view t = text_.substr(b, e - b), ex = kb_.str(k.exact);
      if (t == ex) return true;
      // An abbreviation's final period is not part of its last token: "U.N." is "U.N" + ".".
      return ex.size() == t.size() + 1 && ex.back() == '.' && ex.substr(0, t.size()) == t && e < text_.size() &&
             text_[e] == '.';
    }
    if (k.flags & kNeedsCap) return ft_.tokens[tb].capitalized;
    return true;
  }

  // Longest-leftmost matching: extend an n-gram while some key starts with it.
  void match_all() {
    const auto& toks = ft_.tokens;
    for (uint32_t i = 0; i < toks.size();) {
      uint32_t best_n = 0;
      std::span<const KeyRec> best_hits;
      for (uint32_t n = 1; n <= kMaxTokens && i + n <= toks.size(); ++n) {
        std::string_view key(ft_.folded.data() + toks[i].fbegin, toks[i + n - 1].fend - toks[i].fbegin);
        auto hits = kb_.find(key_hash(key));
        if (hits.empty()) break;
        bool any = false, longer = false;
        for (const auto& h : hits) {
          if (h.kind == static_cast<uint8_t>(HitKind::Prefix)) longer = true;
          else if (valid(h, i, i + n)) any = true;
        }
        if (any) best_n = n, best_hits = hits;
        if (!longer) break;
      }
      if (best_n) {
        ms_.push_back({i, i + best_n, best_hits});
        i += best_n;
      } else {
        ++i;
      }
    }
  }

  const KeyRec* hit(size_t k, HitKind kind) const {
    if (k >= ms_.size()) return nullptr;
    for (const auto& h : ms_[k].hits)
      if (h.kind == static_cast<uint8_t>(kind) && valid(h, ms_[k].tb, ms_[k].te)) return &h;
    return nullptr;
  }
  bool word(size_t k, WordClass c) const {
    if (k >= ms_.size()) return false;
    for (const auto& h : ms_[k].hits)
      if (h.kind == static_cast<uint8_t>(HitKind::Word) && h.target == static_cast<uint32_t>(c)) return true;
    return false;
  }
  static bool generic_word(std::string_view w) {
    static constexpr std::string_view kGeneric[] = {"north", "south", "east", "west", "northern", "southern", "eastern",
                                                    "western", "central", "northeast", "northwest", "southeast",
                                                    "southwest", "upper", "lower", "middle", "free", "gulf", "coast",
                                                    "coastal"};
    return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric);
  }
  static bool arabic_generic(std::string_view w) {
    static constexpr std::string_view kNouns[] = {"tal", "tel", "tell", "bab", "ain", "ayn", "kafr", "kfar", "deir", "dayr",
                                                  "jabal", "jebel", "wadi", "ras", "khan", "beit", "bayt", "umm", "abu",
                                                  "bir", "qasr", "jisr", "marj", "tall", "sheikh", "hayy", "haret"};
    return std::find(std::begin(kNouns), std::end(kNouns), w) != std::end(kNouns);
  }
  // A word right after a name that goes on with it: capitalized, or an article and its hyphen
  // ("Bab al-Nayrab"); not a word that says what kind of place this is ("Idlib Province").
  bool name_goes_on(uint32_t t) const {
    if (t >= ft_.tokens.size() || ft_.tokens[t].sentence_start || ft_.tokens[t].begin != ft_.tokens[t - 1].end + 1)
      return false;
    if (t + 1 < ft_.tokens.size() && after_arabic_article(t + 1)) return true;  // "Bab al-Nayrab"
    if (!ft_.tokens[t].capitalized) return false;
    static constexpr std::string_view kKinds[] = {"province", "governorate", "district", "county", "city", "region",
                                                  "countryside", "state", "airport", "camp", "valley", "mountains"};
    std::string_view w = folded_token(t);
    return std::find(std::begin(kKinds), std::end(kKinds), w) == std::end(kKinds);
  }
  bool after_arabic_article(uint32_t t) const {
    if (t == 0 || ft_.tokens[t].begin == 0 || text_[ft_.tokens[t].begin - 1] != '-' ||
        ft_.tokens[t - 1].end + 1 != ft_.tokens[t].begin)
      return false;
    static constexpr std::string_view kArticles[] = {"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "ed", "es", "er", "ul"};
    std::string_view w = folded_token(t - 1);
    return std::find(std::begin(kArticles), std::end(kArticles), w) != std::end(kArticles);
  }
  std::string_view folded_token(uint32_t t) const {
    return std::string_view(ft_.folded).substr(ft_.tokens[t].fbegin, ft_.tokens[t].fend - ft_.tokens[t].fbegin);
  }
  // Is match b right after match a, allowing a possessive "'s" between ("Russia's Aerospace Forces")?
  // "Palestinians", "Nigerians", "Turks": a capitalized one-word demonym in the plural names the
  // country's people, an actor on its own (the adjective "Turkish" does not).
  bool plural_demonym(size_t k) const {
    if (k >= ms_.size() || ms_[k].te != ms_[k].tb + 1) return false;
    const auto& t = ft_.tokens[ms_[k].tb];
    std::string_view w = folded_token(ms_[k].tb);
    return t.capitalized && w.size() > 4 && w.back() == 's' && !w.ends_with("ss");
  }
  bool adjacent(size_t a, size_t b) const {
    if (b >= ms_.size()) return false;
    // (not across a sentence's end: "He flew to Ukraine. President said"; "U.S. Government" is
    // one name, its period an abbreviation's)
    if (ms_[b].tb == ms_[a].te) {
      const auto& last = ft_.tokens[ms_[a].te - 1];
      std::string_view gap = std::string_view(text_).substr(last.end, ft_.tokens[ms_[b].tb].begin - last.end);
      if (gap.find('\n') != std::string_view::npos) return false;
      if (gap.find_first_of(".!?") == std::string_view::npos) return true;
      std::string_view word = std::string_view(text_).substr(last.begin, last.end - last.begin);
      return word.find('.') != std::string_view::npos || word.size() <= 2;
    }
    return ms_[b].tb == ms_[a].te + 1 && folded_token(ms_[a].te) == "s" && text_[ft_.tokens[ms_[a].te].begin - 1] != ' ';
  }
  uint32_t country_of_hit(size_t k) const {
    if (auto* h = hit(k, HitKind::CountryAdj)) return h->target;
    if (auto* h = hit(k, HitKind::CountryName)) return h->target;
    return kNone;
  }

  LinkedMention& emit(size_t kb_first, size_t k_last, MentionKind kind, LinkRule rule, uint32_t entry, std::string code) {
    LinkedMention m;
    m.begin = ft_.tokens[ms_[kb_first].tb].begin;
    m.end = ft_.tokens[ms_[k_last].te - 1].end;
    m.kind = kind;
    m.rule = rule;
    m.entry = entry;
    m.code = std::move(code);
    if (entry != kNone && kind == MentionKind::Country) m.place = kb_.entries()[entry].place;
    out_.push_back(std::move(m));
    return out_.back();
  }

  void note_person(uint32_t e) {
    people_.push_back(e);
    const RoleRec* r = kb_.active_role(e, day_);
    uint32_t c = r ? r->of : kb_.entries()[e].country;
    if (c != kNone && kb_.entries()[c].kind == static_cast<uint8_t>(EntryKind::Country))
      countries_.push_back(c), people_countries_.push_back(c);
  }

  // "the Trump administration", "the Assad regime", "the Erdogan government": a leader's
  // government is the country's, in office that day or not, when every person of that name
  // served the one country. Returns the next match to read, 0 when the words are not so.
  size_t leaders_government(size_t k, HitKind kind) {
    if (!adjacent(k, k + 1) || !hit(k + 1, HitKind::Agent) || ms_[k + 1].te != ms_[k + 1].tb + 1) return 0;
    static constexpr std::string_view kGovernment[] = {"administration", "government", "regime", "cabinet", "junta"};
    std::string_view w = folded_token(ms_[k + 1].tb);
    if (std::find(std::begin(kGovernment), std::end(kGovernment), w) == std::end(kGovernment)) return 0;
    uint32_t country = kNone;
    for (const auto& h : ms_[k].hits) {
      if (h.kind != static_cast<uint8_t>(kind) || !valid(h, ms_[k].tb, ms_[k].te)) continue;
      const EntryRec& e = kb_.entries()[h.target];
      for (uint32_t r = e.role_begin; r < e.role_begin + e.role_count; ++r) {
        uint32_t of = kb_.roles()[r].of;
        if (of != kNone && kb_.entries()[of].kind != static_cast<uint8_t>(EntryKind::Country)) of = kb_.entries()[of].country;
        if (of == kNone || kb_.titles()[kb_.roles()[r].title].rank == 0) continue;  // heads of state or government only
        if (country != kNone && of != country) return 0;
        country = of;
      }
    }
    if (country == kNone) return 0;
    countries_.push_back(country);
    emit(k, k + 1, MentionKind::Organization, LinkRule::Metonym, country,
         std::string(kb_.str(kb_.entries()[country].code)) + "GOV");
    return k + 2;
  }

  size_t emit_person(size_t k, LinkRule rule, uint32_t e) {
    emit(k, k, MentionKind::Person, rule, e, kb_.actor_code(e, day_));
    note_person(e);
    return k + 1;
  }

  // Among people sharing a name: one already named here, else one in office on the day.
  uint32_t choose_person(size_t k, HitKind kind, bool require_evidence, LinkRule& rule) const {
    std::vector<uint32_t> cands;
    for (const auto& h : ms_[k].hits)
      if (h.kind == static_cast<uint8_t>(kind) && valid(h, ms_[k].tb, ms_[k].te)) cands.push_back(h.target);
    for (auto it = people_.rbegin(); it != people_.rend(); ++it)
      if (std::find(cands.begin(), cands.end(), *it) != cands.end()) {
        rule = kind == HitKind::Surname ? LinkRule::SurnameInDoc : LinkRule::Name;
        return *it;
      }
    uint32_t active = kNone;
    int n_active = 0;
    for (uint32_t c : cands)
      if (kb_.active_role(c, day_)) active = c, ++n_active;
    rule = kind == HitKind::Surname ? LinkRule::Surname : LinkRule::Name;
    // A surname alone also needs the office's country (or capital) named in the text, unless the
    // office is a head of state's or government's: "Cohen" in a story about Washington is not
    // the head of the Mossad, "Nunes" not Brazil's foreign minister; "Bush vetoed" is the president.
    if (n_active == 1 && kind == HitKind::Surname) {
      const RoleRec* r = kb_.active_role(active, day_);
      uint32_t of = r->of;
      if (of != kNone && kb_.entries()[of].kind != static_cast<uint8_t>(EntryKind::Country)) of = kb_.entries()[of].country;
      bool head = kb_.titles()[r->title].rank != 0;
      if (!head && of != kNone && std::find(doc_countries_.begin(), doc_countries_.end(), of) == doc_countries_.end())
        return kNone;
    }
    if (n_active == 1) return active;
    if (!require_evidence && !cands.empty()) return cands.front();
    // A surname alone is the one person of that surname in office on the day, else no one
    // ("Day" in 2016 is no longer Canada's Stockwell Day; "Smith" in an undated story is not
    // Ghana's Joseph Smith).
    return kNone;
  }

  // Whom "his"/"her" at match k refers to: the first person named in its sentence before it
  // (the subject, as a rule: "Leuthard told reporters her country ..."), else the first person
  // of the last sentence that named one ("Erdogan spoke with Putin. He said his country ...").
  uint32_t antecedent(size_t k) const {
    uint32_t at = ms_[k].tb;
    auto sentence_begin = [&](uint32_t tok) {
      while (tok > 0 && !ft_.tokens[tok].sentence_start) --tok;
      return ft_.tokens[tok].begin;
    };
    uint32_t here = ft_.tokens[at].begin, from = sentence_begin(at);
    for (int pass = 0; pass < 2; ++pass) {
      const LinkedMention* first = nullptr;
      uint32_t last_begin = 0;
      for (const LinkedMention& m : out_) {
        if (m.kind != MentionKind::Person || m.entry == kNone || m.begin >= here) continue;
        if (m.begin >= from && (!first || m.begin < first->begin)) first = &m;
        last_begin = std::max(last_begin, m.begin + 1);
      }
      if (first) return first->entry;
      if (pass == 1 || last_begin == 0) return kNone;
      // The sentence of the last person named before this one.
      uint32_t tok = at;
      while (tok > 0 && ft_.tokens[tok].begin >= last_begin) --tok;
      here = from;
      from = sentence_begin(tok);
    }
    return kNone;
  }

  // The country a person serves on the day (an organization's country for its officers), else
  // the person's own; kNone for an IGO's officer, who speaks for no country.
  uint32_t home_country(uint32_t person) const {
    uint32_t of = kNone;
    if (const RoleRec* r = kb_.active_role(person, day_)) {
      of = r->of;
      if (of != kNone && kb_.entries()[of].kind != static_cast<uint8_t>(EntryKind::Country)) of = kb_.entries()[of].country;
      return of;
    }
    return kb_.entries()[person].country;
  }

  // After a title: the person named right there, if any; returns the next match index or 0.
  // With the title's office known (`of`), a person who held that office is coded by it when the
  // day is unknown or the office was held that day (among others): "Nato Secretary General Jens
  // Stoltenberg" in an undated story is NATO, not Norway, where he was prime minister.
  size_t named_after(size_t k, uint32_t of = kNone) {
    if (!adjacent(k, k + 1) || !hit(k + 1, HitKind::Person)) return 0;
    LinkRule rule;
    uint32_t p = choose_person(k + 1, HitKind::Person, false, rule);
    if (p == kNone) return 0;
    if (of != kNone) {
      uint32_t title = hit(k, HitKind::Title)->target;
      const RoleRec* named = kb_.active_role(p, day_);
      if (!named || named->title != title || named->of != of) {
        const RoleRec* held = nullptr;
        for (const RoleRec& r : kb_.roles_of(p))
          if (r.title == title && r.of == of && (!held || r.start > held->start)) held = &r;
        // On a known day, only an office held that day: "former Prime Minister" is not the office.
        if (held && (day_ == kNoDate || (held->start <= day_ && day_ < held->end))) {
          emit(k + 1, k + 1, MentionKind::Person, LinkRule::Name, p, std::string(kb_.str(held->code)));
          note_person(p);
          return k + 2;
        }
      }
    }
    return emit_person(k + 1, LinkRule::Name, p);
  }

  // "Russian President", "the Turkish leader", "Kremlin spokesman": who held it on the day.
  size_t title_of(size_t first, size_t k_title, uint32_t of) {
    if (size_t next = named_after(k_title, of)) return next;
    uint32_t title = hit(k_title, HitKind::Title)->target;
    const TitleRec& t = kb_.titles()[title];
    const RoleRec* r = nullptr;
    LinkRule rule = LinkRule::TitleAtDate;
    if (kb_.str(t.key) == "leader") {
      // A generic "leader": prefer a head of state or government this document already named.
      for (auto it = people_.rbegin(); it != people_.rend() && !r; ++it) {
        const RoleRec* a = kb_.active_role(*it, day_);
        if (a && a->of == of && kb_.titles()[a->title].rank >= 1 && kb_.titles()[a->title].rank <= 2) r = a, rule = LinkRule::LeaderInDoc;
      }
      if (!r) r = kb_.holder(title, of, day_);  // someone recorded as the country's "leader"
      for (uint32_t ti = 0; ti < kb_.titles().size() && !r; ++ti)
        if (kb_.titles()[ti].rank == 1) r = kb_.holder(ti, of, day_);
      for (uint32_t ti = 0; ti < kb_.titles().size() && !r; ++ti)
        if (kb_.titles()[ti].rank == 2) r = kb_.holder(ti, of, day_);
    } else {
      r = kb_.holder(title, of, day_);
    }
    if (r) {
      emit(first, k_title, MentionKind::Person, rule, r->person, std::string(kb_.str(r->code)));
      note_person(r->person);
    } else if (kb_.entries()[of].kind == static_cast<uint8_t>(EntryKind::Country)) {
      // Nobody in the KB holds it: still an actor of known country and sector.
      emit(first, k_title, MentionKind::Agent, LinkRule::DemonymAgent, of,
           std::string(kb_.str(kb_.entries()[of].code)) + std::string(kb_.str(t.sector)));
    }
    return k_title + 1;
  }

  // "his Turkish counterpart": the office of the person last named, in the other country.
  size_t counterpart(size_t first, size_t k_word, uint32_t country) {
    size_t next = k_word + 1;
    if (adjacent(k_word, next) && hit(next, HitKind::Title)) ++next;  // "his Turkish counterpart President ..."
    if (adjacent(next - 1, next) && hit(next, HitKind::Person)) {
      LinkRule rule;
      uint32_t p = choose_person(next, HitKind::Person, false, rule);
      if (p != kNone) return emit_person(next, LinkRule::Name, p);
    }
    for (auto it = people_.rbegin(); it != people_.rend(); ++it) {
      const RoleRec* a = kb_.active_role(*it, day_);
      if (!a) continue;
      if (const RoleRec* r = kb_.holder(a->title, country, day_)) {
        emit(first, k_word, MentionKind::Person, LinkRule::Counterpart, r->person, std::string(kb_.str(r->code)));
        note_person(r->person);
      }
      break;
    }
    return k_word + 1;
  }

  std::string sector_code(uint32_t country, const KeyRec& agent) const {
    return std::string(kb_.str(kb_.entries()[country].code)) + std::string(kb_.str(kb_.agents()[agent.target].sector));
  }

  // "King Hassan of Morocco", "President Ange-Felix Patasse of the Central African Republic": a
  // title, a name the KB does not know (one to three capitalized words) and "of" a country are
  // that country's office holder (its code and the title's sector; no person entry). Returns the
  // next match to read, 0 when the words do not have that shape.
  size_t titled_name_of_country(size_t k) {
    uint32_t t = ms_[k].te, names = 0;
    while (t < ft_.tokens.size() && names < 3 && ft_.tokens[t].capitalized && folded_token(t) != "of") ++t, ++names;
    if (names == 0 || t >= ft_.tokens.size() || folded_token(t) != "of") return 0;
    for (size_t j = k + 1; j < ms_.size() && ms_[j].tb < t; ++j)
      if (hit(j, HitKind::Person)) return 0;  // a known name: the name rules' business
    uint32_t at = t + 1;
    if (at < ft_.tokens.size() && folded_token(at) == "the") ++at;
    size_t j = match_at(k + 1, at);
    if (j >= ms_.size() || !hit(j, HitKind::CountryName)) return 0;
    uint32_t c = country_of_hit(j);
    const TitleRec& title = kb_.titles()[hit(k, HitKind::Title)->target];
    countries_.push_back(c);
    emit(k, j, MentionKind::Agent, LinkRule::TitleAtDate, c,
         std::string(kb_.str(kb_.entries()[c].code)) + std::string(kb_.str(title.sector)));
    return j + 1;
  }

  // The match that starts at token `t`, or ms_.size().
  size_t match_at(size_t from, uint32_t t) const {
    size_t j = from;
    while (j < ms_.size() && ms_[j].tb < t) ++j;
    return j < ms_.size() && ms_[j].tb == t ? j : ms_.size();
  }

  // "soldiers from Gondor", "the government of Syria", "lawmakers in Arnor and Gondor": an
  // agent with the country it belongs to after it. After "in" only a country's name counts (a
  // city there is where they are); after "from" and "of" its capital too. Returns the next
  // match to read, 0 when the agent stands alone.
  size_t agent_of_country(size_t k, const KeyRec& a) {
    uint32_t t = ms_[k].te;
    if (t >= ft_.tokens.size()) return 0;
    std::string_view prep = folded_token(t);
    bool in = prep == "in";
    if (!in && prep != "from" && prep != "of") return 0;
    auto country_at = [&](uint32_t at, size_t& j) -> uint32_t {
      if (at < ft_.tokens.size() && folded_token(at) == "the") ++at;
      j = match_at(k + 1, at);
      if (j >= ms_.size() || hit(j, HitKind::Person)) return kNone;
      if (hit(j, HitKind::CountryName)) return country_of_hit(j);
      if (const KeyRec* cap = in ? nullptr : hit(j, HitKind::Capital)) return cap->target;
      return kNone;
    };
    size_t j = 0;
    uint32_t c = country_at(t + 1, j);
    if (c == kNone) return 0;
    countries_.push_back(c);
    emit(k, j, MentionKind::Agent, LinkRule::DemonymAgent, c, sector_code(c, a));
    // "... in Arnor and Gondor", "of Arnor, Osgiliath and Gondor": the agent belongs to each.
    for (int more = 0; more < 8; ++more) {
      uint32_t after = ms_[j].te;
      if (after >= ft_.tokens.size()) break;
      // a comma between the names (punctuation is not a token), then perhaps "and"
      uint32_t prev_end = ft_.tokens[after - 1].end, next_begin = ft_.tokens[after].begin;
      bool comma = text_.substr(prev_end, next_begin - prev_end).find(',') != std::string_view::npos;
      bool conj = folded_token(after) == "and";
      if (conj) ++after;
      if (!comma && !conj) break;
      size_t j2 = 0;
      uint32_t c2 = country_at(after, j2);
      if (c2 == kNone) break;
      countries_.push_back(c2);
      emit(j2, j2, MentionKind::Agent, LinkRule::DemonymAgent, c2, sector_code(c2, a));
      j = j2;
    }
    return j + 1;
  }

  // The word glued by a hyphen right after match k ("based" in "London-based"), lower case;
  // "" when none.
  std::string word_after_hyphen(size_t k) const {
    uint32_t e = ft_.tokens[ms_[k].te - 1].end;
    if (e >= text_.size() || text_[e] != '-') return "";
    size_t b = e + 1, x = b;
    while (x < text_.size() && std::isalpha(static_cast<unsigned char>(text_[x]))) ++x;
    return lower_ascii(text_.substr(b, x - b));
  }
  // The word glued by a hyphen right before match k ("euro" in "Euro-Atlantic"), lower case.
  std::string word_before_hyphen(size_t k) const {
    uint32_t b = ft_.tokens[ms_[k].tb].begin;
    if (b < 2 || text_[b - 1] != '-') return "";
    size_t x = b - 1;
    while (x > 0 && std::isalpha(static_cast<unsigned char>(text_[x - 1]))) --x;
    return lower_ascii(text_.substr(x, b - 1 - x));
  }
  static std::string lower_ascii(std::string_view v) {
    std::string w(v);
    for (char& ch : w) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return w;
  }

  // "Britain-based", "London-based", "US-made": the name says where something is or comes
  // from, not who acts; so does "US-backed", "Iranian-trained", "Turkish-controlled": who stands
  // behind the group or the ground that is named next. ("US-led" names the one who acts.)
  bool located_modifier(size_t k) const {
    std::string w = word_after_hyphen(k);
    static constexpr std::string_view kWords[] = {"based", "born", "made", "built", "headquartered", "registered",
                                                  "listed", "flagged", "manufactured", "backed", "formed", "trained",
                                                  "funded", "financed", "armed", "supported", "sponsored", "allied",
                                                  "aligned", "affiliated", "controlled", "occupied", "held", "installed",
                                                  "brokered", "mediated", "drafted", "proposed"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  // "Motorbike bomber kills 16 in Hasakeh AFP Tuesday 5 Jul 2016 A motorcycle bomber ...": a news
  // outlet right before a weekday or a date is the story's credit, no actor of it.
  bool outlet_before_date(size_t k) const {
    const KeyRec* o = hit(k, HitKind::Org);
    if (!o || kb_.str(kb_.entries()[o->target].extra) != "media") return false;
    uint32_t te = ms_[k].te;
    if (te >= ft_.tokens.size() || ft_.tokens[te].begin != ft_.tokens[te - 1].end + 1) return false;
    static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                 "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::string_view w = folded_token(te);
    return std::find(std::begin(kDays), std::end(kDays), w) != std::end(kDays) ||
           (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0])));
  }

  // "WASHINGTON (Sputnik) The coalition ...", "CAIRO (Reuters) -": the outlet in parentheses after
  // a dateline in capitals is the story's credit, no actor of it.
  // "Brussels, Belgium (CNN) Police detained ...": a dateline in ordinary case, closed by the
  // outlet's credit, opening a paragraph. Its places say where the reporter is; none of its
  // words is an actor.
  void find_credit_datelines() {
    for (size_t p = 0; p < text_.size();) {
      size_t i = p;
      while (i < text_.size() && text_[i] == ' ') ++i;
      int words = 0;
      while (words < 6 && i < text_.size() && std::isupper(static_cast<unsigned char>(text_[i]))) {
        while (i < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[i])) || text_[i] == '.' ||
                                    text_[i] == '\'' || text_[i] == '-'))
          ++i;
        ++words;
        if (i < text_.size() && text_[i] == ',') ++i;
        while (i < text_.size() && text_[i] == ' ') ++i;
      }
      if (words > 0 && i < text_.size() && text_[i] == '(') {
        size_t close = text_.find(')', i);
        if (close != std::string_view::npos && close - i <= 30 && close > i + 2 &&
            std::isupper(static_cast<unsigned char>(text_[i + 1]))) {
          size_t j = close + 1;
          while (j < text_.size() && text_[j] == ' ') ++j;
          if (j < text_.size() && (std::isupper(static_cast<unsigned char>(text_[j])) || text_[j] == '-' ||
                                   static_cast<unsigned char>(text_[j]) == 0xE2))
            if (only_places(uint32_t(p), uint32_t(i))) credit_datelines_.push_back({uint32_t(p), uint32_t(close + 1)});
        }
      }
      size_t nl = text_.find('\n', p);
      if (nl == std::string_view::npos) break;
      p = nl + 1;
    }
  }
  // Whether the names in [from, to) are places the KB knows, one at least, and nothing else
  // ("Turkish President Erdogan (AKP) Monday ..." is no dateline).
  bool only_places(uint32_t from, uint32_t to) const {
    bool any = false;
    for (size_t k = 0; k < ms_.size(); ++k) {
      uint32_t b = ft_.tokens[ms_[k].tb].begin;
      if (b < from || b >= to) continue;
      if (hit(k, HitKind::Person) || hit(k, HitKind::Title) || hit(k, HitKind::Org) || hit(k, HitKind::Agent)) return false;
      if (!hit(k, HitKind::Place) && !hit(k, HitKind::Capital) && country_of_hit(k) == kNone) return false;
      any = true;
    }
    return any;
  }
  bool in_credit_dateline(size_t k) const {
    uint32_t b = ft_.tokens[ms_[k].tb].begin;
    for (const auto& [from, to] : credit_datelines_)
      if (b >= from && b < to) return true;
    return false;
  }

  bool dateline_credit(size_t k) const {
    uint32_t b = ft_.tokens[ms_[k].tb].begin, e = ft_.tokens[ms_[k].te - 1].end;
    if (b < 2 || text_[b - 1] != '(' || e >= text_.size() || text_[e] != ')') return false;
    size_t i = b - 1;
    while (i > 0 && text_[i - 1] == ' ') --i;
    size_t w = i;
    while (w > 0 && (std::isupper(static_cast<unsigned char>(text_[w - 1])) || text_[w - 1] == '.')) --w;
    return i - w >= 3 && (w == 0 || !std::isalpha(static_cast<unsigned char>(text_[w - 1])));
  }

  // Match k read as a place, never an actor: a country as its territory, a town or capital left
  // to the place resolution (BasedIn ones noted as such).
  void as_place(size_t k, LinkRule rule) {
    uint32_t c = country_of_hit(k);
    if (c != kNone && kb_.entries()[c].place != kNone) {
      LinkedMention& m = emit(k, k, MentionKind::Place, rule, kNone, "");
      m.place = kb_.entries()[c].place;
    } else if (hit(k, HitKind::Place) || hit(k, HitKind::Capital)) {
      if (rule == LinkRule::BasedIn) based_in_.push_back(k);
      pending_places_.push_back(k);
    }
  }

  // "Euro-Atlantic unity", "Indo-Pacific", "pan-African groups": a place name after a prefix and
  // its hyphen is part of an adjective, no place (a body's name stays: "trans-Atlantic alliance").
  bool after_prefix(size_t k) const {
    std::string w = word_before_hyphen(k);
    static constexpr std::string_view kPrefixes[] = {"euro", "trans", "indo", "afro", "pan"};
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), w) != std::end(kPrefixes);
  }

  size_t interpret(size_t k) {
    if (hit(k, HitKind::Place) && !hit(k, HitKind::Org) && country_of_hit(k) == kNone && after_prefix(k)) return k + 1;
    // "Sen. Mitch McConnell (R-Ky.)": a lawmaker's party and state say whom they represent, not
    // where anything happens.
    if (uint32_t b = ft_.tokens[ms_[k].tb].begin;
        b >= 3 && text_[b - 1] == '-' && text_[b - 3] == '(' && std::string_view("DRI").find(text_[b - 2]) != std::string_view::npos) {
      as_place(k, LinkRule::BasedIn);
      return k + 1;
    }
    if (dateline_credit(k) || outlet_before_date(k)) return k + 1;
    if (in_credit_dateline(k)) {
      as_place(k, LinkRule::Place);
      return k + 1;
    }
    // "Vietnamese-led forces", "Saudi-led coalition jets": forces a country leads are its own.
    if (uint32_t c = country_of_hit(k); c != kNone && !hit(k, HitKind::Person) && k + 1 < ms_.size()) {
      uint32_t e = ft_.tokens[ms_[k].te - 1].end;
      uint32_t next = ft_.tokens[ms_[k + 1].tb].begin;
      if (text_.compare(e, 5, "-led ") == 0 && next >= e + 5 && next <= e + 16 && !hit(k + 1, HitKind::Person))
        if (const KeyRec* a = hit(k + 1, HitKind::Agent)) {
          bool one_word = next == e + 5 || text_.find(' ', e + 5) == next - 1;
          if (one_word) {
            countries_.push_back(c);
            emit(k, k + 1, MentionKind::Agent, LinkRule::DemonymAgent, c, sector_code(c, *a));
            return k + 2;
          }
        }
    }
    if (located_modifier(k)) {
      as_place(k, LinkRule::BasedIn);
      if (uint32_t c = country_of_hit(k); c != kNone) countries_.push_back(c);
      return k + 1;
    }
    // "the alliance" (after NATO), "the group" (after Hezbollah): the organization of that kind
    // named last in the document.
    if (word(k, WordClass::Article) && adjacent(k, k + 1) &&
        (word(k + 1, WordClass::IgoAnaphor) || word(k + 1, WordClass::GroupAnaphor))) {
      bool igo = word(k + 1, WordClass::IgoAnaphor);
      for (auto it = orgs_.rbegin(); it != orgs_.rend(); ++it) {
        std::string_view kind = kb_.str(kb_.entries()[*it].extra);
        if (igo ? kind != "igo" : kind != "nsag") continue;
        emit(k, k + 1, MentionKind::Organization, LinkRule::OrgInDoc, *it, std::string(kb_.str(kb_.entries()[*it].code)));
        return k + 2;
      }
    }
    // "her country", "his government": the country of the person last named here, or its
    // government ("Swiss President Doris Leuthard said her country was ready to mediate").
    if (word(k, WordClass::Possessive) && adjacent(k, k + 1) &&
        (folded_token(ms_[k].tb) == "his" || folded_token(ms_[k].tb) == "her")) {
      const KeyRec* a = hit(k + 1, HitKind::Agent);
      bool gov = a && kb_.str(kb_.agents()[a->target].sector) == "GOV";
      uint32_t p = gov || word(k + 1, WordClass::HomeAnaphor) ? antecedent(k) : kNone;
      if (p != kNone)
        if (uint32_t c = home_country(p); c != kNone) {
          countries_.push_back(c);
          std::string code(kb_.str(kb_.entries()[c].code));
          emit(k, k + 1, gov ? MentionKind::Agent : MentionKind::Country, LinkRule::PersonsCountry, c,
               gov ? code + "GOV" : code);
          return k + 2;
        }
    }
    // his/her/their + Turkish + counterpart
    if (word(k, WordClass::Possessive) && adjacent(k, k + 1) && country_of_hit(k + 1) != kNone && adjacent(k + 1, k + 2) &&
        word(k + 2, WordClass::Counterpart))
      return counterpart(k + 1, k + 2, country_of_hit(k + 1));
    if (uint32_t c = country_of_hit(k); c != kNone && !hit(k, HitKind::Person)) {
      countries_.push_back(c);
      if (adjacent(k, k + 1)) {
        if (hit(k + 1, HitKind::Title)) return title_of(k, k + 1, c);
        if (const KeyRec* a = hit(k + 1, HitKind::Agent)) {
          // Two agent words: the second is the head ("military regime" is a government,
          // "government soldiers" the military), unless it only says people of the first
          // ("Panamanian army officers", "police officials": the army, the police).
          size_t last = k + 1;
          if (adjacent(k + 1, k + 2) && !hit(k + 2, HitKind::Person))
            if (const KeyRec* head = hit(k + 2, HitKind::Agent)) {
              last = k + 2;
              static constexpr std::string_view kPeople[] = {"officers", "officer", "officials", "official", "members",
                                                            "member", "personnel", "staff", "representatives", "men"};
              std::string_view w = folded_token(ms_[k + 2].tb);
              if (std::find(std::begin(kPeople), std::end(kPeople), w) == std::end(kPeople)) a = head;
            }
          emit(k, last, MentionKind::Agent, LinkRule::DemonymAgent, c, sector_code(c, *a));
          return last + 1;
        }
        if (word(k + 1, WordClass::Counterpart)) return counterpart(k, k + 1, c);
        // "the Russian and Turkish defense ministries": the agent applies to both.
        if (word(k + 1, WordClass::Coordinator) && adjacent(k + 1, k + 2) && adjacent(k + 2, k + 3)) {
          uint32_t c2 = country_of_hit(k + 2);
          const KeyRec* a = hit(k + 3, HitKind::Agent);
          // (A singular title names one person: "Syria and Palestinian leader Yasser Arafat".)
          bool plural_title = hit(k + 3, HitKind::Title) && folded_token(ms_[k + 3].te - 1).ends_with("s");
          if (c2 != kNone && !a && plural_title) {
            // "the Russian and Turkish leaders": the title applies to both.
            countries_.push_back(c2);
            size_t before = out_.size();
            title_of(k, k + 3, c);
            if (out_.size() > before) out_[before].end = ft_.tokens[ms_[k].te - 1].end;
            return title_of(k + 2, k + 3, c2);
          }
          if (c2 != kNone && a) {
            countries_.push_back(c2);
            emit(k, k, MentionKind::Agent, LinkRule::DemonymAgent, c, sector_code(c, *a));
            emit(k + 2, k + 3, MentionKind::Agent, LinkRule::DemonymAgent, c2, sector_code(c2, *a));
            return k + 4;
          }
        }
      }
      // "the Latvian Constitutional Court", "the Israeli Supreme Court": a body's name in capitals
      // between the demonym and its agent word.
      // (A word of the name may be a small place of its own: "Supreme", Louisiana.)
      if (hit(k, HitKind::CountryAdj))
        for (size_t j = k + 1; j < ms_.size() && ms_[j].tb <= ms_[k].te + 2; ++j) {
          if (hit(j, HitKind::Person) || hit(j, HitKind::Title) || hit(j, HitKind::Org) || country_of_hit(j) != kNone) break;
          const KeyRec* a = hit(j, HitKind::Agent);
          if (!a) continue;
          bool name = ms_[j].tb > ms_[k].te;
          for (uint32_t t = ms_[k].te; t <= ms_[j].tb && name; ++t) {
            const auto& tok = ft_.tokens[t];
            name = tok.begin == ft_.tokens[t - 1].end + 1 && !tok.sentence_start &&
                   (t == ms_[j].tb || (tok.capitalized && std::isalpha(static_cast<unsigned char>(text_[tok.begin]))));
          }
          if (!name) break;
          emit(k, j, MentionKind::Agent, LinkRule::DemonymAgent, c, sector_code(c, *a));
          return j + 1;
        }
      if (hit(k, HitKind::CountryName) || plural_demonym(k)) {
        emit(k, k, MentionKind::Country, LinkRule::Country, c, std::string(kb_.str(kb_.entries()[c].code)));
        return k + 1;
      }
      // "the Saudi-led coalition", "Russian-led forces": whoever leads is the one that acts.
      if (hit(k, HitKind::CountryAdj) && !hit(k, HitKind::Place) && !hit(k, HitKind::Org) &&
          word_after_hyphen(k) == "led") {
        emit(k, k, MentionKind::Country, LinkRule::Demonym, c, std::string(kb_.str(kb_.entries()[c].code)));
        return k + 1;
      }
      // "Russian airstrikes", "the Iraqi demands", "a Turkish proposal": the adjective on a
      // word that goes on the phrase says whose (not "Russian-Turkish", not a sentence's end).
      if (hit(k, HitKind::CountryAdj) && !hit(k, HitKind::Place) && !hit(k, HitKind::Org)) {
        uint32_t te = ms_[k].te;
        if (te < ft_.tokens.size() && ft_.tokens[te].begin == ft_.tokens[te - 1].end + 1 &&
            !ft_.tokens[te].sentence_start && std::isalpha(static_cast<unsigned char>(text_[ft_.tokens[te].begin])) &&
            text_[ft_.tokens[te - 1].end] == ' ' &&
            (ft_.tokens[ms_[k].tb].begin == 0 || text_[ft_.tokens[ms_[k].tb].begin - 1] != '-'))
          emit(k, k, MentionKind::Country, LinkRule::Demonym, c, std::string(kb_.str(kb_.entries()[c].code)));
        return k + 1;
      }
      if (!hit(k, HitKind::Place) && !hit(k, HitKind::Org)) return k + 1;
    }
    if (hit(k, HitKind::Person)) {
      if (size_t next = leaders_government(k, HitKind::Person)) return next;
      LinkRule rule;
      uint32_t p = choose_person(k, HitKind::Person, false, rule);
      if (p != kNone) return emit_person(k, rule, p);
    }
    const KeyRec* org = hit(k, HitKind::Org);
    // "Senate President Bukola Saraki" in a story about Nigeria: an alias that names the body only
    // at home ('~' in orgs.tsv) is no name of it in a text naming other countries and not its own.
    if (org && (org->flags & kHomeOnly)) {
      uint32_t home = kb_.entries()[org->target].country;
      if (home != kNone && !doc_countries_.empty() &&
          std::find(doc_countries_.begin(), doc_countries_.end(), home) == doc_countries_.end())
        org = nullptr;
    }
    // "a collision involving a Tesla", "an Airbus A320": a company's name after an indefinite
    // article is its product, no actor.
    if (org && kb_.str(kb_.entries()[org->target].extra) == "bus" && ms_[k].tb > 0) {
      std::string_view before = folded_token(ms_[k].tb - 1);
      if (before == "a" || before == "an") return k + 1;
    }
    if (const KeyRec* o = org) {
      const EntryRec& e = kb_.entries()[o->target];
      orgs_.push_back(o->target);
      if (adjacent(k, k + 1) && hit(k + 1, HitKind::Title)) {
        // "Kremlin spokesman": a government body's officer belongs to its country.
        uint32_t of = kb_.str(e.extra) == "metonym" || kb_.str(e.extra) == "gov" ? e.country : o->target;
        if (of != kNone) {
          size_t next = title_of(k + 1, k + 1, of);
          emit(k, k, MentionKind::Organization, kb_.str(e.extra) == "metonym" ? LinkRule::Metonym : LinkRule::Name,
               o->target, std::string(kb_.str(e.code)));
          return next;
        }
      }
      LinkRule rule = kb_.str(e.extra) == "metonym" ? LinkRule::Metonym : LinkRule::Name;
      if (e.country != kNone) countries_.push_back(e.country);
      std::string_view kind = kb_.str(e.extra);
      if (adjacent(k, k + 1) && (kind == "gov" || kind == "metonym" || kind == "mil")) {
        if (const KeyRec* a = hit(k + 1, HitKind::Agent)) {
          // "White House security officials", "Pentagon officials": a state body's people. The
          // sector joins the body's code unless the code says it already (USAGOV + GOV, USAGOVMIL +
          // GOV).
          // (An IGO's or armed group's people keep its code: "U.N. helicopters" are the UN.)
          std::string code(kb_.str(e.code)), sector(kb_.str(kb_.agents()[a->target].sector));
          bool said = false;
          for (size_t i = 3; i + sector.size() <= code.size(); i += 3) said |= code.compare(i, sector.size(), sector) == 0;
          if (!said) code += sector;
          emit(k, k + 1, MentionKind::Organization, rule, o->target, code);
          return k + 2;
        }
      }
      // "UN troops", "Hezbollah fighters": any other body's people are the body itself.
      if (adjacent(k, k + 1) && hit(k + 1, HitKind::Agent) && !hit(k + 1, HitKind::Person)) {
        emit(k, k + 1, MentionKind::Organization, rule, o->target, std::string(kb_.str(e.code)));
        return k + 2;
      }
      emit(k, k, MentionKind::Organization, rule, o->target, std::string(kb_.str(e.code)));
      return k + 1;
    }
    if (const KeyRec* cap = hit(k, HitKind::Capital)) {
      // "Ankara said" is the government; "in Ankara" is the city.
      // "the Berlin conference", "the Astana format": the capital names an event, not an actor.
      bool locative = (k > 0 && ms_[k - 1].te == ms_[k].tb && word(k - 1, WordClass::Locative)) ||
                      (adjacent(k, k + 1) && word(k + 1, WordClass::EventNoun)) || dateline(k);
      // A small capital named like a person ("Douglas", "Victoria", "Stanley", "Hamilton") speaks
      // for its government only in a text that names its country; never inside a person's name.
      // (The NER's person spans are trusted for small capitals only: it calls "Ankara" a person.)
      bool person = beside_other_name(k);
      if (!locative && !person && small_capital(k))
        person = span_holding(named_people, k) ||
                 std::find(named_countries_.begin(), named_countries_.end(), cap->target) == named_countries_.end();
      if (person) return k + 1;
      if (!locative) {
        countries_.push_back(cap->target);
        // GOV: CAMEO's primary role code for the executive, which a capital's name stands for.
        emit(k, k, MentionKind::Organization, LinkRule::Metonym, cap->target,
             std::string(kb_.str(kb_.entries()[cap->target].code)) + "GOV");
        return k + 1;
      }
    }
    if (hit(k, HitKind::Title)) {
      if (size_t next = named_after(k)) return next;
      if (size_t next = titled_name_of_country(k)) return next;
      // "President of the Russian Federation", "the president of Turkey"
      uint32_t te = ms_[k].te;
      if (te < ft_.tokens.size() && folded_token(te) == "of") {
        uint32_t at = te + 1;
        if (at < ft_.tokens.size() && folded_token(at) == "the") ++at;
        // ("the" is itself a match, an article: the country is the match at the token after it)
        size_t j = match_at(k + 1, at);
        if (j < ms_.size()) {
          if (uint32_t c = country_of_hit(j); c != kNone) {
            size_t before = out_.size();
            size_t next = title_of(k, k, c);
            if (out_.size() > before) out_.back().end = ft_.tokens[ms_[j].te - 1].end;
            return std::max(next, j + 1);
          }
        }
      }
      return k + 1;
    }
    if (hit(k, HitKind::Surname) && !month_not_name(k) && !opens_other_name(k)) {
      if (size_t next = leaders_government(k, HitKind::Surname)) return next;
      LinkRule rule;
      uint32_t p = choose_person(k, HitKind::Surname, true, rule);
      // Without the full name earlier in the document, a surname is taken alone only when it
      // stands alone: not beside another capitalized name word ("Rand Paul", "Paul Ryan") and
      // not a common given name.
      // With an NER at hand, the surname must also be inside one of its person spans ("Power
      // brokers" opening a sentence is no Samantha Power).
      if (p != kNone && rule == LinkRule::Surname &&
          (beside_other_name(k) || (ms_[k].te == ms_[k].tb + 1 && linker_.given_name(folded_token(ms_[k].tb))) ||
           (!named_people.empty() && !span_holding(named_people, k))))
        p = kNone;
      if (p != kNone) return emit_person(k, rule, p);
    }
    if (const KeyRec* a = hit(k, HitKind::Agent)) {
      // "suspended military aid", "police operations": an agent word on a noun that names a
      // thing, not people, is an adjective here.
      if (uint32_t te = ms_[k].te; te < ft_.tokens.size() && ft_.tokens[te].begin == ft_.tokens[te - 1].end + 1) {
        static constexpr std::string_view kThings[] = {
            "aid", "assistance", "equipment", "operation", "operations", "exercise", "exercises", "drill", "drills",
            "base", "bases", "cooperation", "ties", "spending", "budget", "hardware", "support", "action",
            "intervention", "presence", "training", "capabilities", "capability", "option", "options", "escalation",
            "campaign", "offensive", "buildup", "deal", "deals", "sales", "installations", "facilities", "facility",
            "target", "targets", "site", "sites", "vehicles", "vehicle", "aircraft", "tactics", "technology",
            "activity", "activities", "infrastructure", "posts", "positions", "supplies"};
        std::string_view next = folded_token(te);
        if (std::find(std::begin(kThings), std::end(kThings), next) != std::end(kThings)) return k + 1;
      }
      if (size_t next = agent_of_country(k, *a)) return next;
      emit(k, k, MentionKind::Agent, LinkRule::Agent, kNone, std::string(kb_.str(kb_.agents()[a->target].sector)));
      return k + 1;
    }
    if (hit(k, HitKind::Place) || hit(k, HitKind::Capital)) pending_places_.push_back(k);
    return k + 1;
  }

  // The span of `spans` (sorted, in text order) that holds match k's bytes, if any.
  const std::pair<uint32_t, uint32_t>* span_holding(std::span<const std::pair<uint32_t, uint32_t>> spans,
                                                    size_t k) const {
    if (spans.empty()) return nullptr;
    uint32_t b = ft_.tokens[ms_[k].tb].begin, e = ft_.tokens[ms_[k].te - 1].end;
    auto it = std::upper_bound(spans.begin(), spans.end(), std::pair<uint32_t, uint32_t>(b, UINT32_MAX));
    if (it == spans.begin()) return nullptr;
    --it;
    return it->first <= b && it->second >= e ? &*it : nullptr;
  }

  // "CAIRO (Reuters) -", "BEIRUT, Lebanon —": a capital in capitals opening a sentence, before a
  // parenthesis, a comma or a dash, is a dateline: where the story was filed.
  bool dateline(size_t k) const {
    const FoldedToken& first = ft_.tokens[ms_[k].tb];
    if (!(first.sentence_start || ms_[k].tb == 0)) return false;
    for (uint32_t t = ms_[k].tb; t < ms_[k].te; ++t)
      for (uint32_t i = ft_.tokens[t].begin; i < ft_.tokens[t].end; ++i)
        if (std::islower(static_cast<unsigned char>(text_[i]))) return false;
    size_t i = ft_.tokens[ms_[k].te - 1].end;
    while (i < text_.size() && text_[i] == ' ') ++i;
    if (i >= text_.size()) return false;
    return text_[i] == '(' || text_[i] == ',' || text_[i] == '-' || text_.substr(i, 3) == "\u2013" ||
           text_.substr(i, 3) == "\u2014";
  }

  // A capital of fewer than kBigCity people (its own place record; authored capitals count as big).
  bool small_capital(size_t k) const {
    const KeyRec* cap = hit(k, HitKind::Capital);
    uint32_t most = 0;
    bool any = false;
    for (const auto& h : ms_[k].hits)
      if (h.kind == static_cast<uint8_t>(HitKind::Place)) {
        const PlaceRec& p = kb_.places()[h.target];
        if (static_cast<Feature>(p.feature) != Feature::CapitalCity || p.country != cap->target) continue;
        any = true;
        most = std::max(most, p.population);
      }
    return any && most < kBigCity;
  }

  // A capitalized word right before or after match k, joined by a space, that is no match of its
  // own and no honorific: match k is then part of a name the KB does not know ("Rand Paul").
  bool beside_other_name(size_t k) const {
    auto name_word = [&](uint32_t t) {
      const FoldedToken& tok = ft_.tokens[t];
      if (!tok.capitalized || tok.sentence_start) return false;
      static constexpr std::string_view kHonorifics[] = {"mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov",
                                                         "gen", "general", "col", "lt", "sgt", "president", "minister",
                                                         "king", "queen", "prince", "sheikh", "ayatollah", "judge",
                                                         "prof", "sir", "lord", "lady", "pope", "st"};
      std::string_view w = folded_token(t);
      return std::find(std::begin(kHonorifics), std::end(kHonorifics), w) == std::end(kHonorifics) &&
             std::all_of(w.begin(), w.end(), [](char c) { return c < '0' || c > '9'; });
    };
    // Covered by a match that makes it no name word: a title, an agent, a country, an
    // organization, a capital ("Sen.", "Turkish"); a surname or a town's name may still be part
    // of a person's name ("Elizabeth Warren").
    auto covered = [&](uint32_t t) {
      for (size_t j = 0; j < ms_.size(); ++j)
        if (ms_[j].tb <= t && t < ms_[j].te)
          for (HitKind kind : {HitKind::Title, HitKind::Agent, HitKind::Word, HitKind::CountryName, HitKind::CountryAdj,
                               HitKind::Org, HitKind::Capital})
            if (hit(j, kind)) return true;
      return false;
    };
    auto spaced = [&](uint32_t a, uint32_t b) {  // tokens a < b separated by one space only
      return ft_.tokens[b].begin == ft_.tokens[a].end + 1 && text_[ft_.tokens[a].end] == ' ';
    };
    uint32_t tb = ms_[k].tb, te = ms_[k].te;
    if (te < ft_.tokens.size() && spaced(te - 1, te) && name_word(te) && !covered(te)) return true;
    if (tb > 0 && spaced(tb - 1, tb) && name_word(tb - 1) && !covered(tb - 1)) return true;
    return false;
  }

  // A name the NER read as part of a longer person's name that goes on after it: a given name
  // ("Nawaf Khalil"), not the known person who bears it as a name of their own.
  bool opens_other_name(size_t k) const {
    const auto* s = span_holding(named_people, k);
    return s && s->second > ft_.tokens[ms_[k].te - 1].end;
  }

  // "May 5", "in May", "since March 2021": a surname that is also a month, used as the month.
  bool month_not_name(size_t k) const {
    const Match& m = ms_[k];
    if (m.te != m.tb + 1) return false;
    std::string_view w = folded_token(m.tb);
    static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                                   "august", "september", "october", "november", "december"};
    if (std::find(std::begin(kMonths), std::end(kMonths), w) == std::end(kMonths)) return false;
    if (m.te < ft_.tokens.size()) {
      std::string_view next = folded_token(m.te);
      bool number = !next.empty() && next.size() <= 4 &&
                    std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (number) return true;  // "May 5", "May 2019"
    }
    if (m.tb > 0) {
      std::string_view prev = folded_token(m.tb - 1);
      static constexpr std::string_view kTimeWords[] = {"in",   "on",    "since", "until", "till", "by",   "from",
                                                        "early", "mid",  "late",  "last",  "next", "this", "of",
                                                        "through", "before", "after", "during", "between"};
      if (std::find(std::begin(kTimeWords), std::end(kTimeWords), prev) != std::end(kTimeWords)) return true;
    }
    return false;
  }

  // Places wait for the whole document: its countries decide which Tripoli it means.
  void resolve_places() {
    GeoContext ctx;
    ctx.countries = countries_;
    ctx.people_countries = people_countries_;
    // The names the rules accept, with the meanings they allow, resolved together as the
    // geocoder resolves a document: each in the light of the others ("Edmonton" beside
    // "Enfield") and of what the text says ("Portland, Maine", "Washington state").
    std::vector<size_t> ks;
    std::vector<std::string> keys;
    std::vector<std::vector<KeyRec>> all_hits;
    // The surnames of the people the NER found by full name: "Khalil" alone, after "Nawaf
    // Khalil", is the spokesman again even where the NER misses him.
    std::vector<std::string> surnames;
    for (const auto& [b, e] : named_people) {
      std::string_view name = text_.substr(b, e - b);
      size_t sp = name.find_last_of(' ');
      if (sp != std::string_view::npos) surnames.push_back(fold_key(name.substr(sp + 1)));
    }
    for (size_t k : pending_places_) {
      const Match& m = ms_[k];
      if (word(k, WordClass::Article) || word(k, WordClass::Locative)) continue;
      // "in March", "Mon Apr 4 2016": a month or weekday alone is a date, not March, Cambridgeshire
      // or Mon, India; "Southern", "Eastern", "Gulf" alone are parts of names ("Southern side of
      // Palmyra", "Gulf monarchies"), not districts of Botswana, Fiji or Papua New Guinea.
      if (m.te == m.tb + 1 && (word(k, WordClass::Calendar) || generic_word(folded_token(m.tb)))) continue;
      // "Ras al-Ain", "Al-Amarneh": the part after an Arabic article and its hyphen is no place of
      // its own (Ain, France) when the whole name is not one the gazetteer knows.
      if (after_arabic_article(m.tb)) continue;
      // "Tal Abdo", "Bab Touma", "Ain Issa": Arabic place names open with a common noun (hill,
      // gate, spring) that is also a town somewhere (Tal, India; al-Bab); followed by more of the
      // name, it is that longer name, one the gazetteer lacks. ("Wood Green Crown Court" and
      // "Edmonton Police" keep their places.)
      if (m.te == m.tb + 1 && arabic_generic(folded_token(m.tb)) && name_goes_on(m.te)) continue;
      // Within a person's name: no place when the name goes on ("Nawaf Khalil"), and only by a
      // place's own name when the person is this one word ("Khalil said": al-Khalil is Hebron's
      // other name; the NER calling "Ras al-Ayn" a person does not move the town).
      const auto* person = span_holding(named_people, k);
      if (person && (person->first < ft_.tokens[m.tb].begin || person->second > ft_.tokens[m.te - 1].end)) continue;
      if (m.te == m.tb + 1 && std::find(surnames.begin(), surnames.end(), folded_token(m.tb)) != surnames.end())
        continue;
      std::vector<KeyRec> hits;
      // Without NER, a bare GeoNames name is read as a place only after "in", "near", ... or when
      // the place is big: the gazetteer is full of towns named like words ("High Level").
      bool notable = k > 0 && ms_[k - 1].te == m.tb && word(k - 1, WordClass::Locative);
      for (const auto& h : m.hits) {
        if (!valid(h, m.tb, m.te)) continue;
        if (h.kind == static_cast<uint8_t>(HitKind::Capital)) {
          hits.push_back(h);
          notable = true;
        }
        if (h.kind != static_cast<uint8_t>(HitKind::Place)) continue;
        const PlaceRec& p = kb_.places()[h.target];
        // A one-word alternate name of a small place is more often an ordinary word ("North").
        if ((h.flags & kAltName) && m.te - m.tb == 1 && p.population < kBigCity) continue;
        if ((h.flags & kAltName) && person) continue;
        hits.push_back(h);
        auto f = static_cast<Feature>(p.feature);
        if ((p.geonameid == 0 && f != Feature::IsoSubdivision) || p.population >= kBigCity) notable = true;
      }
      if (!notable) notable = span_holding(named_places, k) != nullptr;
      if (!notable) continue;
      // The cues are read around this mention only (each occurrence is a mention of its own).
      uint32_t b = ft_.tokens[m.tb].begin, e = ft_.tokens[m.te - 1].end;
      uint32_t wb = b - std::min<uint32_t>(b, 80), we = std::min<uint32_t>(uint32_t(text_.size()), e + 80);
      read_text_cues(kb_, text_.substr(wb, we - wb), text_.substr(b, e - b), ctx);
      ks.push_back(k);
      keys.emplace_back(ft_.folded.data() + ft_.tokens[m.tb].fbegin, ft_.tokens[m.te - 1].fend - ft_.tokens[m.tb].fbegin);
      all_hits.push_back(std::move(hits));
    }
    if (ks.empty()) return;
    std::vector<std::vector<KeyRec>> kept = all_hits;
    ctx.focus_fallback = false;  // every name here is one the gazetteer knows
    std::vector<uint32_t> placed = geocode_hits(kb_, keys, std::move(kept), std::vector<char>(ks.size(), 0), ctx);
    for (size_t i = 0; i < ks.size(); ++i) {
      const Match& m = ms_[ks[i]];
      uint32_t pi = placed[i];
      if (pi == kNone) {
        for (const auto& h : all_hits[i])
          if (h.kind == static_cast<uint8_t>(HitKind::Capital)) pi = kb_.entries()[h.target].place;
        if (pi == kNone) continue;
      }
      LinkedMention lm;
      lm.begin = ft_.tokens[m.tb].begin;
      lm.end = ft_.tokens[m.te - 1].end;
      lm.kind = MentionKind::Place;
      lm.rule = std::find(based_in_.begin(), based_in_.end(), ks[i]) != based_in_.end() ? LinkRule::BasedIn : LinkRule::Place;
      lm.place = pi;
      out_.push_back(lm);
    }
  }

};

}  // namespace

Linker::Linker(std::shared_ptr<const Kb> kb) : kb_(std::move(kb)) {
  std::vector<uint64_t> first;
  for (const EntryRec& e : kb_->entries()) {
    if (e.kind != static_cast<uint8_t>(EntryKind::Person)) continue;
    std::string key = fold_key(kb_->str(e.name));
    size_t sp = key.find(' ');
    if (sp != std::string::npos) first.push_back(key_hash(std::string_view(key).substr(0, sp)));
  }
  std::sort(first.begin(), first.end());
  for (size_t i = 0; i + 1 < first.size(); ++i)
    if (first[i] == first[i + 1] && (given_names_.empty() || given_names_.back() != first[i])) given_names_.push_back(first[i]);
}

bool Linker::given_name(std::string_view folded_word) const {
  return std::binary_search(given_names_.begin(), given_names_.end(), key_hash(folded_word));
}

std::vector<LinkedMention> Linker::link_text(std::string_view text, int day,
                                             std::span<const std::pair<uint32_t, uint32_t>> named_places,
                                             std::span<const std::pair<uint32_t, uint32_t>> named_people) const {
  Scan scan(*this, text, day);
  scan.named_places = named_places;
  scan.named_people = named_people;
  return scan.run({});
}

void Linker::link_office_labels(std::string_view text, std::string_view outlet, int day,
                                std::vector<LinkedMention>& mentions) const {
  if (outlet.empty()) return;
  uint32_t country = kNone;
  for (const auto& l : speaker_labels(text)) {
    std::string_view label = text.substr(l.first, l.second - l.first);
    static constexpr std::string_view kOffices[] = {"THE PRESIDENT", "THE VICE PRESIDENT", "THE PRIME MINISTER"};
    if (std::find(std::begin(kOffices), std::end(kOffices), label) == std::end(kOffices)) continue;
    bool named = std::any_of(mentions.begin(), mentions.end(), [&](const LinkedMention& m) {
      return m.begin < l.second && m.end > l.first && m.kind == MentionKind::Person;
    });
    if (named) continue;
    if (country == kNone) {
      for (const auto& m : link_text(outlet, day)) {
        if (m.entry == kNone) continue;
        const auto& e = kb_->entries()[m.entry];
        country = e.kind == static_cast<uint8_t>(format::EntryKind::Country) ? m.entry : e.country;
        if (country != kNone) break;
      }
      if (country == kNone) return;
    }
    // "United States Vice President": the country's name and the title, read as the linker reads
    // an office holder on a date.
    std::string phrase(kb_->str(kb_->entries()[country].name));
    for (std::string_view word = label.substr(4); !word.empty();) {
      size_t sp = word.find(' ');
      std::string_view w = word.substr(0, sp);
      phrase += ' ';
      phrase += w[0];
      for (char c : w.substr(1)) phrase += char(std::tolower(static_cast<unsigned char>(c)));
      word = sp == std::string_view::npos ? std::string_view() : word.substr(sp + 1);
    }
    for (const auto& m : link_text(phrase, day)) {
      if (m.kind != MentionKind::Person || m.entry == kNone || m.end != phrase.size()) continue;
      LinkedMention lm = m;
      lm.begin = l.first + 4;  // past "THE "
      lm.end = l.second;
      lm.rule = LinkRule::SpeakerLabel;
      auto at = std::lower_bound(mentions.begin(), mentions.end(), lm.begin,
                                 [](const LinkedMention& x, uint32_t b) { return x.begin < b; });
      mentions.insert(at, std::move(lm));
      break;
    }
  }
}

std::optional<LinkedMention> Linker::link_span(std::string_view surface, int day,
                                               const std::vector<uint32_t>& people_in_doc) const {
  auto all = Scan(*this, surface, day).run(people_in_doc);
  const LinkedMention* best = nullptr;
  for (const auto& m : all)
    if (m.kind != MentionKind::Place && (!best || m.end - m.begin > best->end - best->begin)) best = &m;
  if (!best && !all.empty()) best = &all.front();
  if (!best) return std::nullopt;
  return *best;
}

uint32_t metonym_capital(const Kb& kb, const LinkedMention& m, std::string_view name) {
  if (m.rule != LinkRule::Metonym || m.entry == kNone) return kNone;
  uint32_t c = kb.entries()[m.entry].country;
  if (c == kNone) c = m.entry;
  for (const auto& h : kb.find_key(fold_key(name)))
    if (h.kind == static_cast<uint8_t>(format::HitKind::Place)) {
      const format::PlaceRec& p = kb.places()[h.target];
      if (p.feature == static_cast<uint8_t>(format::Feature::CapitalCity) && p.country == c) return h.target;
    }
  return kNone;
}

}  // namespace sitrep::kb

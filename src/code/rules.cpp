// Windowed rules for source, target, modality and attribution. They need only words, lemma
// ids and actor mentions, so they work before the parser lands; with heads they prefer the
// subject/object the parse gives.
#include <algorithm>
#include <array>

#include "code/coder.h"

namespace sitrep::code {
namespace {

// CAMEO roots 17-20: coercion, assault, fighting and mass violence.
bool is_force(std::string_view code) {
  return code.starts_with("17") || code.starts_with("18") || code.starts_with("19") || code.starts_with("20");
}

// Protest, a show of force, and force itself (roots 14, 15, 17-20): news whoever does it.
bool is_protest_or_force(std::string_view code) {
  return code.starts_with("14") || code.starts_with("15") || is_force(code);
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool is_preposition(std::string_view w) {
  return one_of(w, {"in", "of", "at", "from", "to", "with", "for", "near", "on", "by", "against", "between", "into",
                    "over", "about", "toward", "towards", "across", "inside", "outside", "around", "through", "under",
                    "within", "after", "before", "during", "amid", "among", "along", "via", "like", "than", "since"});
}
bool is_pronoun(std::string_view w) { return one_of(w, {"it", "he", "she", "they", "we", "i"}); }

// Whether word w of the sentence is one of the pattern's own words (a lemma of it), not a word
// of its gap.
bool pattern_word(const SentenceView& sv, const Pattern& pat, uint32_t w) {
  for (uint32_t id : sv.words[w].lemmas)
    if (std::find(pat.lemmas.begin(), pat.lemmas.end(), id) != pat.lemmas.end()) return true;
  return false;
}

// The mention is written after "anti-" ("anti-government", "Anti-Taliban").
bool anti_prefixed(const DocContext& ctx, int mi) {
  uint32_t b = ctx.mentions[mi].begin;
  if (b < 5) return false;
  std::string_view pre = ctx.body.substr(b - 5, 5);
  return (pre[0] == 'a' || pre[0] == 'A') && pre.substr(1) == "nti-";
}

// Verbs that ask, press or order someone to act ("urged X to ...", "told X to ..."), in their
// inflected forms.
bool request_verb(std::string_view w) {
  static constexpr std::string_view kBases[] = {"urge",    "ask",      "press",  "encourage", "invite", "request",
                                                "implore", "beseech",  "order",  "instruct",  "advise", "persuade",
                                                "pressure", "push",    "want",   "expect",    "call",   "appeal",
                                                "challenge", "warn",   "demand", "command",   "exhort", "entreat"};
  for (std::string_view b : kBases) {
    if (!w.starts_with(b.substr(0, b.size() - (b.back() == 'e' ? 1 : 0)))) continue;
    std::string_view stem = b.back() == 'e' ? b.substr(0, b.size() - 1) : b;
    std::string_view rest = w.substr(stem.size());
    if (b.back() == 'e' ? one_of(rest, {"e", "es", "ed", "ing"}) : one_of(rest, {"", "s", "es", "ed", "ing"}))
      return true;
  }
  return one_of(w, {"tell", "tells", "told", "telling", "beg", "begs", "begged", "begging", "bade", "bid"});
}
// Whether the "ask" at word a puts a question rather than an appeal: "asked about the deal",
// "asked Trump whether ...", "asked four questions", "Asked by a reporter if ...", "When asked, ...",
// "“Would you move the embassy?” Garrett asked Sanders." An appeal asks someone to do something
// or for something ("asked Congress to authorize", "asked for help"), which stops the search.
bool asked_a_question(const SentenceView& sv, uint32_t a) {
  const uint32_t n = uint32_t(sv.words.size());
  bool to_soon = false;  // "asked him to ...", "Asked to comment": an infinitive right after
  for (uint32_t w = a + 1; w < std::min(n, a + 4); ++w) to_soon |= sv.words[w].lower == "to";
  if (!to_soon) {
    for (uint32_t w = 0; w < a; ++w)
      if (sv.words[w].lower == "?") return true;
    if ((a == 0 || one_of(sv.words[a - 1].lower, {"when", "if", "once", "after", "before", "as"})) &&
        sv.words[a].lower == "asked")
      return true;
  }
  for (uint32_t w = a + 1; w < std::min(n, a + 8); ++w) {
    std::string_view x = sv.words[w].lower;
    if (one_of(x, {"to", "for", "that", ",", ".", ";", ":", "and", "but", "not", "\"", "“"})) return false;
    if (one_of(x, {"about", "whether", "if", "why", "what", "how", "who", "whom", "where", "which", "when", "question",
                   "questions"}))
      return true;
  }
  return false;
}
bool is_time_word(std::string_view w) {
  return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
                    "yesterday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                    "oct", "nov", "dec", "time", "principle"});
}

// Hops from a predicate up to the sentence root, not counting coordination ("met and agreed")
// or a reporting verb above it ("X said Y attacked Z" reports the attack).
int predicate_depth(const SentenceView& sv, int w) {
  int depth = 0;
  for (int guard = 0; guard < 32 && w >= 0 && w < int(sv.words.size()); ++guard) {
    int h = sv.words[w].head;
    if (h < 0 || h >= int(sv.words.size())) break;
    std::string_view rel = sv.words[w].deprel;
    bool report = one_of(sv.words[h].lower, {"said", "says", "say", "told", "tells", "announced", "stated", "added",
                                             "reported", "confirmed", "declared", "claimed", "quoted"});
    if (rel != "conj" && rel != "parataxis" && !report) ++depth;
    w = h;
  }
  return depth;
}
bool is_locative(std::string_view w) {
  return one_of(w, {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within", "from"});
}
bool is_be(std::string_view w) {
  return one_of(w, {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got", "gets"});
}
// Words that close the clause a predicate's arguments are searched in.
bool is_boundary(std::string_view w) {
  return one_of(w, {";", ":", "but", "while", "whereas", "although", "though", "because", "which", "who", "whom",
                    "where", "when", "as", "since", "after", "before", "until", "unless", "if", "that", "“", "”", "\"",
                    "(", ")", "–", "—"});
}

}  // namespace

int turn_speaker(const DocContext& ctx, uint32_t at) {
  if (!ctx.turns || ctx.turns->empty()) return -1;
  auto it = std::upper_bound(ctx.turns->begin(), ctx.turns->end(), at,
                             [](uint32_t x, const std::pair<uint32_t, int>& t) { return x < t.first; });
  return it == ctx.turns->begin() ? -1 : std::prev(it)->second;
}

SentenceView build_sentence(const DocContext& ctx, size_t s) {
  SentenceView sv;
  sv.index = uint32_t(s);
  const auto& an = ctx.an;
  uint32_t wb = an.sentence_begin(s), we = an.sentence_end(s);
  if (wb >= we) return sv;
  sv.begin = an.words[wb].begin;
  sv.end = an.words[we - 1].end;
  bool have_lemmas = an.lemma.size() == an.words.size();
  bool have_heads = an.head.size() == an.words.size();
  size_t m = std::lower_bound(ctx.mentions.begin(), ctx.mentions.end(), sv.begin,
                              [](const kb::LinkedMention& x, uint32_t b) { return x.end <= b; }) -
             ctx.mentions.begin();
  for (uint32_t w = wb; w < we; ++w) {
    WordView v;
    v.span = an.words[w];
    std::string_view surface = ctx.body.substr(v.span.begin, v.span.end - v.span.begin);
    v.lower.reserve(surface.size());
    for (char c : surface) v.lower.push_back(char(std::tolower(uint8_t(c))));
    // Typographic apostrophes as ASCII, so "n’t" and "’s" match the lexicon.
    for (size_t p = v.lower.find("\xE2\x80\x99"); p != std::string::npos; p = v.lower.find("\xE2\x80\x99", p))
      v.lower.replace(p, 3, "'");
    ctx.lexicon.lemma_ids(v.lower, v.lemmas);
    if (have_lemmas && !an.lemma[w].empty()) {
      std::string l = an.lemma[w];
      for (auto& c : l) c = char(std::tolower(uint8_t(c)));
      ctx.lexicon.lemma_ids(l, v.lemmas);
    }
    if (have_heads && an.head[w] >= 0) v.head = an.head[w] - int(wb);
    if (have_heads && an.labels && an.deprel.size() == an.words.size()) v.deprel = an.deprel_name(w);
    while (m < ctx.mentions.size() && ctx.mentions[m].end <= v.span.begin) ++m;
    if (m < ctx.mentions.size() && ctx.mentions[m].begin < v.span.end && ctx.mentions[m].end > v.span.begin) {
      v.mention = int(m);
      if (sv.mentions.empty() || sv.mentions.back() != int(m)) sv.mentions.push_back(int(m));
    }
    sv.words.push_back(std::move(v));
  }
  // "cease-fire", "air-strikes": the tokenizer splits a hyphenated compound as UD does; its first
  // part also reads as the compound written whole ("ceasefire", "airstrikes").
  for (size_t i = 0; i + 2 < sv.words.size(); ++i) {
    WordView &a = sv.words[i], &h = sv.words[i + 1], &b = sv.words[i + 2];
    if (h.lower != "-" || a.span.end != h.span.begin || h.span.end != b.span.begin || a.lower.empty() || b.lower.empty() ||
        !std::isalpha(uint8_t(a.lower.back())) || !std::isalpha(uint8_t(b.lower.front())))
      continue;
    ctx.lexicon.lemma_ids(a.lower + b.lower, a.lemmas);
  }
  sv.question = !sv.words.empty() && sv.words.back().lower == "?";
  sv.parsed = have_heads && an.labels != nullptr;
  return sv;
}

namespace {

struct Cue {
  PatternKind kind;
  uint32_t begin, end;
};

class Rules {
 public:
  Rules(const DocContext& ctx, const SentenceView& sv) : ctx_(ctx), sv_(sv) {}

  bool is_actor(int mention) const {
    const auto& m = ctx_.mentions[mention];
    return m.kind != kb::MentionKind::Place && !m.code.empty();
  }
  int first_word(int mention) const {
    for (size_t i = 0; i < sv_.words.size(); ++i)
      if (sv_.words[i].mention == mention) return int(i);
    return -1;
  }
  int last_word(int mention) const {
    for (size_t i = sv_.words.size(); i-- > 0;)
      if (sv_.words[i].mention == mention) return int(i);
    return -1;
  }
  std::string_view word(int i) const { return i >= 0 && i < int(sv_.words.size()) ? std::string_view(sv_.words[i].lower) : ""; }
  // The word before a mention, skipping determiners and possessives ("the", "his").
  std::string_view before(int mention) const {
    int w = first_word(mention) - 1;
    while (w >= 0 && one_of(word(w), {"the", "a", "an", "his", "her", "its", "their"})) --w;
    return word(w);
  }

  // Leftmost clause start for a predicate starting at word p.
  int clause_start(int p, const std::vector<bool>& boundary) const {
    int w = p - 1;
    while (w >= 0 && !boundary[w]) --w;
    return w + 1;
  }
  int clause_end(int p, const std::vector<bool>& boundary) const {
    int w = p;
    while (w < int(sv_.words.size()) && !boundary[w]) ++w;
    return w;
  }

  // "Thousands of Iraqi troops", "members of the opposition", "a spokesman for the rebels": an
  // actor after "of" or "for" that says how many of them, which part, or who speaks for them.
  bool counted(int mention) const {
    int w = first_word(mention) - 1;
    while (w >= 0 && one_of(word(w), {"the", "a", "an", "his", "her", "its", "their"})) --w;
    if (w < 1 || (word(w) != "of" && word(w) != "for")) return false;
    std::string_view q = word(w - 1);
    if (one_of(q, {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative",
                   "representatives", "envoy", "delegation", "head", "chief", "leader", "leaders", "commander"}))
      return true;
    return word(w) == "of" &&
           one_of(q, {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "some", "many", "most", "all",
                      "several", "members", "supporters", "units", "part", "third", "half", "majority", "groups",
                      "elements", "remnants", "hundred", "thousand", "one", "two", "three", "percent", "cent", "%"});
  }
  // Subject: nearest actor mention left of `p` within [from, p), not inside a prepositional phrase.
  int subject_left(int from, int p) const {
    for (int w = p - 1; w >= from; --w) {
      int m = sv_.words[w].mention;
      if (m < 0 || !is_actor(m)) continue;
      std::string_view b = before(m);
      // "the case against Russia and Syria": a coordination is inside the phrase its first
      // member is in.
      if (one_of(b, {"and", "or", ","})) {
        int lead = m;
        for (int o : compound_left(m))
          if (first_word(o) >= 0 && first_word(o) < first_word(lead)) lead = o;
        if (lead != m) b = before(lead);
      }
      if ((b == "of" || b == "for") && counted(m)) return m;
      if (is_preposition(b) && b != "by") {
        w = first_word(m);
        continue;
      }
      // "Turkey's offensive", "Russia's Kremlin": a possessive actor owns what follows
      return m;
    }
    return -1;
  }
  // With a parse: whether an actor sits in a clause of its own that does not hold the word
  // `anchor` ("launchers - opposed by China and Russia - would be deployed": China and Russia
  // belong to "opposed", a participle clause on the subject, not to "deployed").
  bool in_other_clause(int mention, int anchor) const {
    if (!sv_.parsed || mention < 0) return false;
    int n = int(sv_.words.size());
    std::vector<bool> above(size_t(n), false);
    for (int w = anchor, steps = 0; w >= 0 && w < n && steps < n; w = sv_.words[w].head, ++steps) above[size_t(w)] = true;
    std::string_view below;  // the relation of the path's word right under the current one
    for (int w = last_word(mention), steps = 0; w >= 0 && w < n && steps < n; w = sv_.words[w].head, ++steps) {
      if (above[size_t(w)]) return false;
      std::string_view r = sv_.words[w].deprel;
      // Only the doer of a clause on a noun: "the bloc representing Azerbaijan signed", "Karlsson,
      // who represents Sweden, visited" are Azerbaijan's and Sweden's acts; a verb's clauses are
      // too often misattached for the window to be overruled ("Russia gave ..., without
      // demanding payment, research showed").
      if ((r == "acl" || r == "acl:relcl") && (below == "obl:agent" || below == "nsubj")) return true;
      below = r;
    }
    return false;
  }
  // Actors joined to `m` by "and" / "," on its left ("Putin and Erdogan").
  std::vector<int> compound_left(int m) const {
    std::vector<int> out{m};
    // "the two leaders": both halves of a resolved plural reference.
    if (ctx_.partner && m < int(ctx_.partner->size()) && (*ctx_.partner)[m] >= 0) {
      out.push_back((*ctx_.partner)[m]);
      return out;
    }
    int cur = m;
    while (true) {
      int fw = first_word(cur);
      int prev = -1;
      bool joined = false;
      for (int w = fw - 1; w >= 0 && w >= fw - 6; --w) {
        std::string_view x = word(w);
        if (x == "and" || x == "," || x == "&") joined = true;
        int pm = sv_.words[w].mention;
        if (pm >= 0 && pm != cur) {
          prev = pm;
          break;
        }
        if (!one_of(x, {"and", ",", "&", "the", "his", "her", "their", "its", "counterpart", "president", "prime",
                        "minister", "leader", "foreign", "defense", "defence", "turkish", "russian"}))
          break;
      }
      if (prev < 0 || !joined || !is_actor(prev)) break;
      if (ctx_.mentions[prev].code != ctx_.mentions[cur].code) out.push_back(prev);
      cur = prev;
    }
    return out;
  }
  // Object: first actor right of `p` within (p, to), directly or after with/against/to/on/...;
  // places after locatives are locations, not targets.
  int object_right(int p, int to, int* place) const {
    for (int w = p; w < to; ++w) {
      int m = sv_.words[w].mention;
      if (m < 0) continue;
      std::string_view b = before(m);
      const auto& lm = ctx_.mentions[m];
      bool loc = is_locative(b) || lm.kind == kb::MentionKind::Place;
      if (loc) {
        if (place && *place < 0 && lm.place != kb::kNone && lm.rule != kb::LinkRule::BasedIn) *place = m;
        w = last_word(m);
        continue;
      }
      if (!is_actor(m)) continue;
      // "killed dozens of militants": the actor after a count is the object.
      if (b == "of" && counted(m)) return m;
      if (b == "by" || b == "of" || b == "for" || b == "about" || b == "over" || b == "than") {
        w = last_word(m);
        continue;
      }
      return m;
    }
    return -1;
  }
  // The actor a noun belongs to, from its dependents: "a U.S. request", "Iraq's proposal", "an
  // offer from Kabul", "a demand by the president". -1 when none (or no parse).
  int owner_of(int w) const {
    if (!sv_.parsed) return -1;
    for (int c = 0; c < int(sv_.words.size()); ++c) {
      if (sv_.words[c].head != w || c == w) continue;
      std::string_view rel = sv_.words[c].deprel;
      bool owner = rel == "compound" || rel == "amod" || rel == "nmod:poss";
      if (rel == "nmod" || rel == "obl") {
        for (int k = 0; k < int(sv_.words.size()); ++k)
          if (sv_.words[k].head == c && sv_.words[k].deprel == "case" && one_of(word(k), {"from", "of", "by"})) owner = true;
      }
      if (!owner) continue;
      int m = sv_.words[c].mention;
      if (m >= 0 && is_actor(m)) return m;
    }
    return -1;
  }
  int after_word(int p, int to, std::string_view prep) const {
    for (int w = p; w + 1 < to; ++w)
      if (word(w) == prep) {
        int x = w + 1;
        while (x < to && one_of(word(x), {"the", "a", "an", "his", "her", "their", "its"})) ++x;
        if (x < to && sv_.words[x].mention >= 0 && is_actor(sv_.words[x].mention)) return sv_.words[x].mention;
      }
    return -1;
  }
  // "met in Istanbul" before "negotiators from Russia": a place after "from" is where someone
  // came from, the event's place only when nothing else in the span is. The place of a
  // "London-based monitor" is never the event's.
  int place_in(int from, int to) const {
    int origin = -1;
    for (int w = from; w < to; ++w) {
      int m = sv_.words[w].mention;
      if (m < 0) continue;
      const auto& lm = ctx_.mentions[m];
      if (lm.place == kb::kNone) continue;
      std::string_view b = before(m);
      if (lm.rule == kb::LinkRule::BasedIn) continue;
      if (b == "from") {
        if (origin < 0) origin = m;
        continue;
      }
      if (lm.kind == kb::MentionKind::Place || is_locative(b)) return m;
    }
    return origin;
  }

 private:
  const DocContext& ctx_;
  const SentenceView& sv_;
};

// Acts two sides named together do with each other: consulting (not visits, which have a host),
// agreeing or intending to cooperate, signing a deal ("Putin and Erdogan agreed to ...").
bool symmetric_code(std::string_view code) {
  return (code.starts_with("04") && code != "042" && code != "043" && code != "045") || code.starts_with("03") ||
         code == "057";
}

}  // namespace

std::vector<Predicate> find_events(const DocContext& ctx, const SentenceView& sv) {
  std::vector<Predicate> out;
  const int n = int(sv.words.size());
  if (n == 0 || (sv.mentions.empty() && !ctx.actorless)) return out;
  std::vector<std::vector<uint32_t>> lemmas;
  std::vector<std::string_view> lower;
  lemmas.reserve(n);
  for (const auto& w : sv.words) {
    lemmas.push_back(w.lemmas);
    lower.push_back(w.lower);
  }
  std::vector<int> heads;
  std::vector<std::string_view> deprels;
  if (sv.parsed)
    for (const auto& w : sv.words) {
      heads.push_back(w.head);
      deprels.push_back(w.deprel);
    }
  std::vector<PatternMatch> matches = ctx.lexicon.match(lemmas, lower, heads, deprels);
  Rules r(ctx, sv);
  const uint32_t first = ctx.an.sentence_begin(sv.index);
  // A sentence whose parse has no verb at all ("Authorities in Iran shut down ten newspapers"
  // tagged "shut" a noun) gives no evidence that a word is not one.
  bool has_verb = false;
  if (sv.parsed && ctx.an.upos.size() == ctx.an.words.size())
    for (size_t w = 0; w < sv.words.size(); ++w) has_verb |= ctx.an.upos[first + w] == nlp::Upos::VERB;
  auto noun_argument = [&](uint32_t w) {
    if (!sv.parsed || !has_verb) return false;
    if (ctx.an.upos[first + w] != nlp::Upos::NOUN) return false;
    // "shut down": a word with a verb particle is a verb, whatever its tag
    for (const auto& x : sv.words)
      if (x.head == int(w) && x.deprel == "compound:prt") return false;
    std::string_view rel = sv.words[w].deprel;
    return rel == "obj" || rel == "iobj" || rel == "nsubj" || rel == "nsubj:pass" || rel == "compound" ||
           rel.starts_with("obl") || rel.starts_with("nmod");
  };

  // "Saudi Arabia lifts blockade of Qatar": a headline's present tense right after an actor, with
  // the pattern's object after it, is a verb the tagger took for a plural noun.
  auto headline_verb = [&](const PatternMatch& m, const Pattern& p) {
    uint32_t a = m.anchor;
    return a > 0 && a == m.begin && p.lemmas.size() > 1 && sv.words[a - 1].mention >= 0 &&
           ctx.mentions[sv.words[a - 1].mention].kind != kb::MentionKind::Place && sv.words[a].lower.size() > 3 &&
           sv.words[a].lower.ends_with("s") && (a < 2 || sv.words[a - 2].lower != "the");
  };

  // "promised arrests", "vowed more attacks": the noun is what is promised, a threat read below
  // however the tagger and the parse take it.
  auto promised_noun = [&](uint32_t a) {
    auto promise = [&](uint32_t w) {
      return sv.words[w].lower.starts_with("promis") || sv.words[w].lower.starts_with("vow") ||
             sv.words[w].lower.starts_with("pledg");
    };
    return (a > 0 && promise(a - 1)) ||
           (a > 1 && one_of(sv.words[a - 1].lower, {"more", "new", "further", "mass"}) && promise(a - 2));
  };

  // Cues and events; events resolved longest-first, no overlaps, never inside an actor's name.
  std::vector<Cue> cues;
  std::vector<PatternMatch> events;
  for (const auto& m : matches) {
    const Pattern& p = ctx.lexicon.pattern(m.pattern);
    if (p.kind == PatternKind::Event) {
      if (sv.words[m.anchor].mention >= 0) continue;
      // "the fight against terrorism": a verb pattern's word after an article is a noun, and
      // nominal events are the noun lexicon's to name.
      if (!p.nominal && m.begin > 0 && one_of(sv.words[m.begin - 1].lower, {"the", "a", "an"})) continue;
      // ("aid to 12 besieged areas": after a number, a participle before a noun describes it.)
      if (!p.nominal && m.begin > 0 && m.end == m.begin + 1 && int(m.end) < n && ctx.an.upos.size() == ctx.an.words.size() &&
          ctx.an.upos[first + m.begin - 1] == nlp::Upos::NUM && sv.words[m.begin].lower.ends_with("ed") &&
          ctx.an.upos[first + m.end] == nlp::Upos::NOUN)
        continue;
      // "U.N. peacekeeping chief", "the protest leaders", "ceasefire monitors": an event noun
      // naming what people do is no event.
      if (p.nominal && m.end == m.begin + 1 && m.end < uint32_t(n) &&
          one_of(sv.words[m.end].lower, {"chief", "chiefs", "envoy", "envoys", "official", "officials", "leader", "leaders",
                                         "commander", "commanders", "spokesman", "spokeswoman", "spokesperson", "head",
                                         "coordinator", "negotiator", "negotiators", "monitor", "monitors", "observer",
                                         "observers", "organizer", "organizers", "organiser", "organisers", "chief's"}))
        continue;
      // "its fisheries dispute", "their protest": a bare verb form after a possessive (and at most
      // one word more) is a noun too; news tells acts in the past tense.
      if (!p.nominal && p.text.substr(0, p.text.find(' ')) == sv.words[m.begin].lower &&
          ((m.begin > 0 && one_of(sv.words[m.begin - 1].lower, {"its", "their", "his", "her", "our"})) ||
           (m.begin > 1 && one_of(sv.words[m.begin - 2].lower, {"its", "their", "his", "her", "our"}) &&
            sv.words[m.begin - 1].mention < 0)))
        continue;
      // "would not meet the hostage-takers' demands to release prisoners": with a parse, a verb
      // pattern whose first word is a noun argument of another word names no act of its own.
      if (!p.nominal && noun_argument(m.anchor) && !headline_verb(m, p) && !promised_noun(m.anchor)) continue;
      // "tortured detained activists", "the banned party": a participle modifying a noun
      // describes it; the act it names is not reported here. Right after a noun it is more
      // likely the sentence's verb mistaken for one ("soldiers tortured activists").
      if (!p.nominal && sv.parsed && sv.words[m.anchor].deprel == "amod" && p.lemmas.size() == 1 && m.anchor > 0 &&
          ctx.an.upos.size() == ctx.an.words.size()) {
        nlp::Upos before = ctx.an.upos[first + m.anchor - 1];
        // ("has broken relations": right after "have" it is the perfect the tagger took for
        // possession)
        bool perfect = one_of(sv.words[m.anchor - 1].lower, {"has", "have", "had", "'ve"});
        if (!perfect && (before == nlp::Upos::DET || before == nlp::Upos::ADJ || before == nlp::Upos::NUM ||
                         before == nlp::Upos::VERB || before == nlp::Upos::ADP || before == nlp::Upos::CCONJ))
          continue;
      }
      // "the dead and wounded members": a participle joined to an adjective that modifies a noun
      // describes the noun too.
      if (!p.nominal && sv.parsed && p.lemmas.size() == 1 && sv.words[m.anchor].deprel == "conj" &&
          sv.words[m.anchor].head >= 0 && sv.words[sv.words[m.anchor].head].deprel == "amod" &&
          ctx.an.upos.size() == ctx.an.words.size() && ctx.an.upos[first + m.anchor] == nlp::Upos::ADJ)
        continue;
      // "US-backed fighters", "the Saudi-led coalition": a verb glued to the word before it by a
      // hyphen is half of an adjective.
      if (!p.nominal && m.anchor > 1 && sv.words[m.anchor - 1].lower == "-" &&
          sv.words[m.anchor - 1].span.begin == sv.words[m.anchor - 2].span.end &&
          sv.words[m.anchor].span.begin == sv.words[m.anchor - 1].span.end)
        continue;
      if (!p.nominal) {  // the same written as one word: a capital before the hyphen
        std::string_view w = ctx.body.substr(sv.words[m.anchor].span.begin,
                                             sv.words[m.anchor].span.end - sv.words[m.anchor].span.begin);
        size_t dash = w.find('-');
        if (dash != std::string_view::npos && dash > 0 && std::isupper(static_cast<unsigned char>(w[0]))) continue;
      }
      // "part of Merrill Lynch Pierce", "Joe Hunt said": a capitalized verb inside a sentence that
      // the tagger reads as a proper noun is a name (not in a headline's title case: "Al Qaeda
      // Claims Responsibility", where most words are capitalized).
      if (!p.nominal && m.anchor > 0 && ctx.an.upos.size() == ctx.an.words.size() &&
          ctx.an.upos[first + m.anchor] == nlp::Upos::PROPN &&
          std::isupper(static_cast<unsigned char>(ctx.body[sv.words[m.anchor].span.begin])) &&
          !std::isupper(static_cast<unsigned char>(ctx.body[sv.words[m.anchor].span.begin + 1]))) {
        size_t words = 0, caps = 0;
        for (const auto& w : sv.words) {
          unsigned char c = static_cast<unsigned char>(ctx.body[w.span.begin]);
          if (!std::isalpha(c)) continue;
          ++words;
          caps += std::isupper(c) != 0;
        }
        if (caps * 5 < words * 3) continue;
      }
      // "wrested back control", "fight back", "allowed back": the pattern's verb is a particle or
      // an adverb of another verb here.
      if (!p.nominal && sv.parsed && sv.words[m.anchor].deprel == "compound:prt") continue;
      if (!p.nominal && p.lemmas.size() == 1 && ctx.an.upos.size() == ctx.an.words.size() &&
          (ctx.an.upos[first + m.anchor] == nlp::Upos::ADV || ctx.an.upos[first + m.anchor] == nlp::Upos::ADP))
        continue;
      // "the sting and clash of battle", "an effectively open border": the tagger and the parse
      // agree the pattern's verb is a noun or an adjective here (a noun, subject or object of
      // something, or a modifier), so no act is named.
      if (!p.nominal && sv.parsed && ctx.an.upos.size() == ctx.an.words.size() &&
          (ctx.an.upos[first + m.anchor] == nlp::Upos::NOUN || ctx.an.upos[first + m.anchor] == nlp::Upos::ADJ)) {
        std::string_view rel = sv.words[m.anchor].deprel;
        // (A verb particle, "shut down", or a parse with no verb at all says the tag is wrong.)
        bool particle = false, verbless = true;
        for (size_t w = 0; w < sv.words.size(); ++w) {
          particle |= sv.words[w].head == int(m.anchor) && sv.words[w].deprel == "compound:prt";
          verbless &= ctx.an.upos[first + w] != nlp::Upos::VERB;
        }
        bool promised = promised_noun(m.anchor);
        // ("is a huge sign of support": a noun with its determiner or copula heads the sentence.)
        // (A copula makes it a predicate noun even in a sentence with no other verb.)
        bool phrase = false, copula = false;
        for (const auto& w : sv.words) {
          phrase |= w.head == int(m.anchor) && (w.deprel == "det" || w.deprel == "cop");
          copula |= w.head == int(m.anchor) && w.deprel == "cop";
        }
        if (!particle && (!verbless || copula) && !promised && !headline_verb(m, p) &&
            (rel == "amod" || rel.starts_with("nsubj") || rel == "obj" || rel == "obl" || rel == "nmod" ||
             rel == "compound" || rel == "conj" || rel == "appos" ||
             (rel == "root" && phrase && ctx.an.upos[first + m.anchor] == nlp::Upos::NOUN)))
          continue;
      }
      // "House Majority Whip James Clyburn", "Shell U.K. Chairman Bob Reid said", "Merrill (Lynch)":
      // a capitalized proper-noun word inside a name (a title, a firm) is no verb, in a sentence
      // whose verbs are lower case (not a headline's title case).
      if (!p.nominal && sv.parsed && ctx.an.upos.size() == ctx.an.words.size() &&
          ctx.an.upos[first + m.anchor] == nlp::Upos::PROPN &&
          sv.words[m.anchor].deprel != "root" && !headline_verb(m, p)) {
        bool lower_verb = false;
        for (size_t w = 0; w < sv.words.size(); ++w)
          lower_verb |= ctx.an.upos[first + w] == nlp::Upos::VERB && sv.words[w].span.end > sv.words[w].span.begin &&
                        std::islower(static_cast<unsigned char>(ctx.body[sv.words[w].span.begin]));
        if (lower_verb) continue;
      }
      // "The Taliban have refused talks", "has rejected holding talks": a light verb ("have ..
      // talks") that is the auxiliary of another verb is no light verb.
      if (p.lemmas.size() > 1 && one_of(sv.words[m.begin].lower, {"have", "has", "had", "having"}) &&
          ((sv.parsed && sv.words[m.begin].deprel == "aux") ||
           (ctx.an.xpos.size() == ctx.an.words.size() && m.begin + 1 < uint32_t(n) &&
            ctx.an.xpos_name(first + m.begin + 1) == "VBN")))
        continue;
      // An 'intrans' pattern with an object names something else: "demonstrated huge dedication"
      // is no demonstration, "demonstrated in Minsk" is.
      if (p.intrans && sv.parsed) {
        bool object = false;
        for (const auto& w : sv.words) object |= w.head == int(m.anchor) && w.deprel == "obj";
        if (object) continue;
      }
      // A 'bare' pattern whose verb says what its object is names no act done to it: "called
      // Assad a dictator", "called the remarks unacceptable" (xcomp in the parse).
      if (p.bare && sv.parsed) {
        bool predicate = false;
        for (const auto& w : sv.words) predicate |= w.head == int(m.anchor) && w.deprel == "xcomp";
        if (predicate) continue;
      }
      // A 'finite' pattern as a bare participle: on a noun ("rebels backed by Turkish tanks",
      // "forces allied with the government", which the parser may take for a loose clause) or
      // opening the sentence ("Backed by Russia, the army ..."), with no subject or auxiliary.
      if (p.finite && m.anchor == 0 && sv.words[0].lower.ends_with("ed") && n > 1 && sv.words[1].lower == "by") continue;
      if (p.finite && sv.parsed &&
          (sv.words[m.anchor].deprel == "acl" || sv.words[m.anchor].deprel == "amod" ||
           sv.words[m.anchor].deprel == "advcl" || sv.words[m.anchor].deprel == "parataxis") &&
          sv.words[m.anchor].lower.ends_with("ed")) {
        bool clause = false;
        for (const auto& w : sv.words)
          if (w.head == int(m.anchor) && (w.deprel.starts_with("nsubj") || w.deprel.starts_with("aux"))) clause = true;
        if (!clause) continue;
      }
      // "agreed on Saturday to ...": a pattern's closing preposition that heads a time phrase
      // is not the one the pattern means ("agree on" a text).
      if (int(m.end) < n && one_of(sv.words[m.end - 1].lower, {"on", "in", "at", "for", "by", "until"}) &&
          is_time_word(sv.words[m.end].lower))
        continue;
      // "asked about the deal", "asked Trump whether he would", "Asked by a reporter if ...",
      // "“Would you move the embassy?” Garrett asked Sanders": asking a question is no appeal.
      if (!p.nominal && p.text == "ask" && asked_a_question(sv, m.anchor)) continue;
      events.push_back(m);
    } else {
      cues.push_back({p.kind, m.begin, m.end});
    }
  }
  // "lifted the ban on the opposition": a noun phrase pattern that starts on the last word of a
  // verb pattern is what the verb acts on, so the verb's pattern names the event.
  std::erase_if(events, [&](const PatternMatch& nm) {
    if (!ctx.lexicon.pattern(nm.pattern).nominal) return false;
    return std::any_of(events.begin(), events.end(), [&](const PatternMatch& vm) {
      return !ctx.lexicon.pattern(vm.pattern).nominal && vm.begin < nm.begin && vm.end == nm.begin + 1;
    });
  });
  // "The EU has provided more than EUR 1.2 billion for humanitarian aid": a verb pattern the
  // parse carried to the noun a noun pattern ends on ("provide .. aid" over "humanitarian
  // aid"), with the same root, names the same event and says who did it.
  std::erase_if(events, [&](const PatternMatch& nm) {
    const Pattern& np = ctx.lexicon.pattern(nm.pattern);
    if (!np.nominal) return false;
    return std::any_of(events.begin(), events.end(), [&](const PatternMatch& vm) {
      const Pattern& vp = ctx.lexicon.pattern(vm.pattern);
      if (vp.nominal || !vm.bridged || vm.begin >= nm.begin || vm.end != nm.end || vp.code.size() < 2 ||
          np.code.size() < 2 || vp.code.compare(0, 2, np.code, 0, 2) != 0)
        return false;
      // (unless the verb has a closer pattern of another kind: "claimed responsibility for the
      // bombing" is the claim, and the bombing stays its own event)
      return std::none_of(events.begin(), events.end(), [&](const PatternMatch& om) {
        const Pattern& op = ctx.lexicon.pattern(om.pattern);
        return !op.nominal && !om.bridged && om.begin == vm.begin && op.code.size() >= 2 &&
               op.code.compare(0, 2, vp.code, 0, 2) != 0;
      });
    });
  });
  // (stable: ties keep the matcher's order, which follows the lexicon's)
  std::stable_sort(events.begin(), events.end(), [&](const PatternMatch& a, const PatternMatch& b) {
    // A match within its words' windows before one the parse had to stretch.
    if (a.bridged != b.bridged) return !a.bridged;
    const Pattern& pa = ctx.lexicon.pattern(a.pattern);
    const Pattern& pb = ctx.lexicon.pattern(b.pattern);
    if (pa.lemmas.size() != pb.lemmas.size()) return pa.lemmas.size() > pb.lemmas.size();
    // "opened fire to disperse": from the same word, a fixed phrase ("open fire") says more than
    // as many words with a gap between them ("open .. to").
    auto gaps = [](const Pattern& p) { return std::count(p.gap_before.begin(), p.gap_before.end(), true); };
    if (a.begin == b.begin && gaps(pa) != gaps(pb)) return gaps(pa) < gaps(pb);
    if (pa.code.size() != pb.code.size()) return pa.code.size() > pb.code.size();
    return a.begin < b.begin;
  });
  std::vector<bool> taken(n, false);
  std::vector<PatternMatch> chosen;
  for (const auto& m : events) {
    // the words the pattern actually names (not the gap) must be free
    const Pattern& p = ctx.lexicon.pattern(m.pattern);
    bool free = !taken[m.begin] && !taken[m.end - 1];
    if (!free) continue;
    chosen.push_back(m);
    if (p.lemmas.size() == 1) taken[m.begin] = true;
    else
      for (uint32_t w = m.begin; w < m.end; ++w) taken[w] = true;
  }
  std::erase_if(chosen, [&](const PatternMatch& m) { return ctx.lexicon.pattern(m.pattern).code == "-"; });
  std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  // "signed a ceasefire agreement", "reached a disarmament deal", "signed an aid package": an
  // agreement (057) named by the concession, retreat or aid it settles is that act, agreed.
  std::vector<std::string> settles(chosen.size());
  std::vector<bool> absorbed(chosen.size(), false);  // the object of a promise coded with it
  for (size_t i = 0; i < chosen.size(); ++i) {
    const Pattern& cp = ctx.lexicon.pattern(chosen[i].pattern);
    // "claimed responsibility for the suicide bombing": claiming an attack is owning it, so the
    // claimant's act is that attack.
    if (cp.code == "015" && cp.text.starts_with("claim") && i + 1 < chosen.size()) {
      const PatternMatch& nm = chosen[i + 1];
      const Pattern& np = ctx.lexicon.pattern(nm.pattern);
      bool force = np.code.starts_with("18") || np.code.starts_with("19") || np.code.starts_with("20");
      bool after_for = false;
      for (uint32_t w = chosen[i].end; w < nm.begin && w < chosen[i].end + 6; ++w) after_for |= sv.words[w].lower == "for";
      if (np.nominal && force && after_for && nm.begin <= chosen[i].end + 6) settles[i] = np.code;
    }
    if (cp.code == "015" && cp.text.starts_with("claim") && settles[i].empty())
      for (uint32_t w = chosen[i].end; w + 1 < sv.words.size() && w < chosen[i].end + 4; ++w) {
        if (sv.words[w].lower != "for") continue;
        for (uint32_t x = w + 1; x < sv.words.size() && x <= w + 4; ++x)
          if (one_of(sv.words[x].lower, {"attack", "attacks", "raid", "raids", "ambush", "assault"})) {
            settles[i] = "180";
            break;
          }
        break;
      }
    // "Police ordered the arrest of three opposition leaders": an order whose object is an act
    // of force is that act, by whoever ordered it, against its object (not a demand made of
    // the people it falls on).
    if (cp.code == "100" && cp.text == "order" && i + 1 < chosen.size()) {
      const PatternMatch& nm = chosen[i + 1];
      const Pattern& np = ctx.lexicon.pattern(nm.pattern);
      bool force = is_force(np.code);
      bool object = nm.begin == chosen[i].end ||
                    (nm.begin == chosen[i].end + 1 && one_of(sv.words[chosen[i].end].lower, {"the", "a", "an", "their", "his", "her", "its"}));
      if (np.nominal && force && object) {
        settles[i] = np.code;
        absorbed[i + 1] = true;
      }
    }
    // "officials promised arrests if corruption continues", "vowed more attacks": a promise of
    // force is a threat of it.
    // So is a promise to go on with it: "promised to renew their bombing campaign", "vowed to
    // continue attacks on Israel" (not "pledged to end the attacks").
    bool vow_to_continue = cp.code == "124" && cp.text == "vow to continue";
    if (((cp.code == "030" && cp.lemmas.size() == 1 &&
          (cp.text == "promise" || cp.text == "vow" || cp.text == "pledge")) ||
         vow_to_continue) &&
        i + 1 < chosen.size()) {
      const PatternMatch& nm = chosen[i + 1];
      const Pattern& np = ctx.lexicon.pattern(nm.pattern);
      uint32_t from = chosen[i].end;
      if (!vow_to_continue && from + 1 < nm.begin && sv.words[from].lower == "to" &&
          one_of(sv.words[from + 1].lower, {"renew", "resume", "continue", "launch", "intensify", "escalate",
                                              "step", "stage", "carry", "conduct", "mount", "unleash", "wage",
                                              "expand", "increase", "start", "begin"}))
        from += sv.words[from + 1].lower == "step" || sv.words[from + 1].lower == "carry" ? 3 : 2;  // "step up"
      bool to = false;
      for (uint32_t w = from; w < nm.begin; ++w) to |= sv.words[w].lower == "to";
      bool force = is_force(np.code);
      // (a verb pattern's word right after it is its object, a noun: "promised arrests")
      static const std::initializer_list<std::string_view> kDeterminers = {
          "more", "new", "further", "mass", "the", "its", "their", "his", "her", "a", "an"};
      bool object = nm.begin == from || (nm.begin == from + 1 && one_of(sv.words[from].lower, kDeterminers));
      // ("vowed to step up attacks": the infinitive itself is the act of force promised)
      bool infinitive = !vow_to_continue && !np.nominal && nm.begin == chosen[i].end + 1 &&
                        sv.words[chosen[i].end].lower == "to";
      if (force && infinitive) {
        // (the infinitive keeps its own doer and target, the promise goes: "vowed to step up
        // attacks on government forces" threatens the forces)
        settles[i + 1] = ctx.lexicon.intent_code(np.code);
        absorbed[i] = true;
      } else if (force && !to && ((np.nominal && nm.begin <= from + 3) || object)) {
        settles[i] = ctx.lexicon.intent_code(np.code);
        absorbed[i + 1] = true;
      }
    }
    if (cp.code != "057") continue;
    // (inside the pattern's words, or right after a bare "signed": "signed an aid package")
    uint32_t to = cp.lemmas.size() == 1 ? std::min<uint32_t>(chosen[i].end + 6, sv.words.size()) : chosen[i].end;
    for (const auto& nm : events) {
      const Pattern& np = ctx.lexicon.pattern(nm.pattern);
      if (!np.nominal || nm.begin <= chosen[i].begin || nm.end > to) continue;
      if (np.code.starts_with("07") || np.code.starts_with("084") || np.code.starts_with("087")) {
        settles[i] = np.code;
        break;
      }
    }
  }

  // Reporting verbs: boundaries and speakers.
  std::vector<bool> boundary(n, false);
  for (int w = 0; w < n; ++w) boundary[w] = is_boundary(sv.words[w].lower) && sv.words[w].mention < 0;
  // "Forces for Defence of Democracy (FDD), insisted": a name's short form in parentheses
  // belongs to the name and closes no clause.
  for (int w = 0; w + 2 < n; ++w) {
    if (sv.words[w].lower != "(") continue;
    int c = w + 1;
    while (c < n && c <= w + 3 && sv.words[c].lower != ")" && sv.words[c].lower != "(") ++c;
    if (c < n && c > w + 1 && c <= w + 3 && sv.words[c].lower == ")") boundary[w] = boundary[c] = false;
  }
  struct Report {
    int word;
    int speaker;
  };
  std::vector<Report> reports;
  for (const auto& c : cues) {
    if (c.kind != PatternKind::Report) continue;
    bool in_event = false;
    for (const auto& e : chosen)
      if (c.begin >= e.begin && c.begin < e.end) in_event = true;
    if (in_event) continue;
    int from = r.clause_start(int(c.begin), boundary);
    int speaker = r.subject_left(from, int(c.begin));
    if (speaker < 0) {
      // "..., the Kremlin said" / "said Peskov"
      int o = r.object_right(int(c.end), std::min(n, int(c.end) + 4), nullptr);
      if (o >= 0) speaker = o;
      if (speaker < 0 && c.begin > 0) speaker = r.subject_left(std::max(0, int(c.begin) - 5), int(c.begin));
    }
    reports.push_back({int(c.begin), speaker});
    boundary[c.begin] = true;
  }
  bool reported_future = !reports.empty();
  std::vector<int> ordered_acts;  // the order verbs whose complement was coded as the act

  for (size_t i = 0; i < chosen.size(); ++i) {
    if (absorbed[i]) continue;
    const PatternMatch& m = chosen[i];
    const Pattern& pat = ctx.lexicon.pattern(m.pattern);
    Predicate p;
    p.code = settles[i].empty() ? pat.code : settles[i];
    // "the largest teachers' strike", "workers ... as the strike entered its second week": a
    // strike in a sentence about work and pay is a labour strike, not a military one.
    // (the verb too: "bankworkers are striking for a pay rise"; and a strike called "national",
    // "general" or "indefinite", or a trade's: "a national seamen's strike")
    if (pat.text == "strike" && p.code == "190" &&
        (std::any_of(sv.words.begin(), sv.words.end(), [](const WordView& w) {
           return one_of(w.lower, {"union", "unions", "worker", "workers", "employees", "teachers", "doctors", "nurses",
                                   "miners", "drivers", "staff", "pay", "wage", "wages", "salary", "salaries", "walkout",
                                   "stoppage", "stoppages", "labor", "labour", "strikers", "striking", "teachers'",
                                   "workers'", "seamen", "seamen's", "dockers", "dockworkers", "bankworkers"}) ||
                  w.lower.ends_with("workers");
         }) ||
         (m.begin > 0 && one_of(sv.words[m.begin - 1].lower, {"general", "national", "nationwide", "indefinite",
                                                              "24-hour", "48-hour", "one-day", "two-day", "token"}))))
      p.code = "143";
    // "deployed 300 troops to the UN peacekeeping mission", "troops arrived in Mali to join the
    // peacekeeping mission": forces sent or arriving to keep the peace are military protection
    // given (074), not a show of force or a visit.
    if ((p.code.starts_with("15") || p.code == "042" || p.code == "043") &&
        std::any_of(sv.words.begin(), sv.words.end(), [](const WordView& w) {
          return one_of(w.lower, {"peacekeeping", "peacekeepers", "peacekeeper", "peace-keeping", "peace-keepers"});
        }))
      p.code = "074";
    p.pattern = m.pattern;
    p.begin = m.begin;
    p.end = m.end;
    p.anchor = m.anchor;
    // A refusal pattern ("not accept", "not meet .. demand") is about its verb, not its "not".
    bool refusal = std::any_of(cues.begin(), cues.end(), [&](const Cue& c) {
      return c.kind == PatternKind::Negation && c.begin == m.begin && c.end < m.end;
    });
    if (refusal) p.anchor = m.begin + 1;
    int a = int(m.begin);
    int cs = r.clause_start(a, boundary);
    int ce = r.clause_end(int(m.end), boundary);
    int next_pred = i + 1 < chosen.size() ? int(chosen[i + 1].begin) : n;
    int obj_to = std::min(ce, next_pred);
    std::vector<int> sources;
    bool reason_phrase = false;  // "in protest against": the reason for another act, which has happened
    // "were killed", "were reportedly killed", "were also killed": be, at most one adverb, a participle.
    auto adverb = [&](int w) {
      return r.word(w).ends_with("ly") ||
             (ctx.an.upos.size() == ctx.an.words.size() && ctx.an.upos[first + w] == nlp::Upos::ADV);
    };
    bool passive = a > 0 && (is_be(r.word(a - 1)) || (a > 1 && is_be(r.word(a - 2)) && adverb(a - 1))) &&
                   (sv.words[a].lower.ends_with("ed") || sv.words[a].lower.ends_with("en") ||
                    one_of(sv.words[a].lower, {"held", "hit", "shot", "struck", "met", "led", "sent", "told", "made"}));
    TreeArgs tree;
    if (!pat.nominal && sv.parsed) tree = tree_arguments(ctx, sv, m.begin, m.end, p.anchor, &pat);
    passive = passive || tree.reduced_passive;  // "soldiers killed in ...": a headline's passive
    std::vector<int> targets;
    if (tree.found) {
      sources = tree.sources;
      targets = tree.targets;
      p.place = tree.place;
      // "rejected a U.S. request", "accepted an offer from Kabul", "urged the rival military
      // commanders to": when the pattern names what is acted on, whose it is names the target.
      // A word of the pattern itself names it before anyone in what follows ("a U.S. request to
      // interrogate detainees": the United States, not the detainees); a word in its gap only
      // when there is no other ("warned their Ent populations about the Prince": the Prince).
      // (Not for talk: "discussed the Iran deal with" discussed Iran's matter, not with Iran.)
      for (uint32_t w = m.begin + 1; w < m.end && !pat.topic; ++w) {
        int t = r.owner_of(int(w));
        if (t < 0 || std::find(sources.begin(), sources.end(), t) != sources.end() ||
            (!sources.empty() && ctx.mentions[t].code == ctx.mentions[sources.front()].code))
          continue;
        bool after = std::all_of(targets.begin(), targets.end(),
                                 [&](int x) { return ctx.mentions[x].begin > sv.words[m.end - 1].span.end; });
        if (targets.empty() || (after && pattern_word(sv, pat, w) && ctx.mentions[t].begin > sv.words[m.begin].span.begin))
          targets.assign(1, t);
        break;
      }
    } else if (pat.nominal) {
      // "Russian airstrikes", "Turkey's offensive", "airstrike by X on Y", "talks between X and Y"
      // But a country's name (not its adjective) on an inquiry or on sanctions is what they are
      // about: "the Russia inquiry", "Iran sanctions" (a Russian inquiry is Russia's).
      bool about = a > 0 && sv.words[a - 1].mention >= 0 && (p.code.starts_with("09") || p.code.starts_with("16")) &&
                   ctx.mentions[sv.words[a - 1].mention].kind == kb::MentionKind::Country &&
                   ctx.mentions[sv.words[a - 1].mention].rule == kb::LinkRule::Country;
      // "anti-government protests", "anti-American rallies": whom they are against.
      bool anti = a > 0 && sv.words[a - 1].mention >= 0 && r.is_actor(sv.words[a - 1].mention) &&
                  anti_prefixed(ctx, sv.words[a - 1].mention);
      if (about) p.target = sv.words[a - 1].mention;
      else if (anti) p.target = sv.words[a - 1].mention;
      else if (a > 0 && sv.words[a - 1].mention >= 0 && r.is_actor(sv.words[a - 1].mention)) sources.push_back(sv.words[a - 1].mention);
      else if (a > 1 && r.word(a - 1) == "'s" && sv.words[a - 2].mention >= 0) sources.push_back(sv.words[a - 2].mention);
      // "US-led strikes": who leads them strikes
      else if (a > 2 && r.word(a - 1) == "led" && r.word(a - 2) == "-" && sv.words[a - 3].mention >= 0 &&
               r.is_actor(sv.words[a - 3].mention))
        sources.push_back(sv.words[a - 3].mention);
      int lim = std::min(n, int(m.end) + 6);
      int by = r.after_word(int(m.end) - 1, lim, "by");
      if (by >= 0 && sources.empty()) {
        auto comp = r.compound_left(by);
        // compounds after "by" read rightwards: "held by Erdogan and Putin"
        sources.push_back(by);
        int lw = r.last_word(by);
        if (lw + 2 < n && (r.word(lw + 1) == "and") && sv.words[lw + 2].mention >= 0) sources.push_back(sv.words[lw + 2].mention);
      }
      // "opposition parties have organized a general strike": the subject of a light verb
      // whose object is the nominal event. (Then "a mediation mission between Syria and
      // Lebanon" names the other sides.)
      if (sources.empty()) {
        // (A reporting verb closes the clause before its object: "announced a suspension of aid",
        // "declared a ceasefire" reach back past it.)
        for (int w = a - 1; w >= std::max(0, a - 4); --w) {
          if (w < cs && !one_of(r.word(w), {"announced", "announce", "announces", "declared", "declare", "declares"}))
            break;
          if (!one_of(r.word(w), {"organized", "organised", "organize", "organise", "organizes", "staged", "stage",
                                  "stages", "held", "hold", "holds", "launched", "launch", "launches", "began", "begin",
                                  "begins", "started", "start", "called", "call", "conducted", "conduct", "carried",
                                  "undertook", "undertake", "undertaken", "undertakes", "mounted", "mount", "waged",
                                  "wage", "resumed", "resume", "continued", "continue", "completed", "complete",
                                  "led", "lead", "leads", "opened", "open", "initiated", "initiate", "made", "make",
                                  "issued", "issue", "lodged", "lodge", "filed", "file", "joined", "join", "went",
                                  "begun", "intensified", "intensify", "intensifies", "escalated", "escalate",
                                  "renewed", "renew", "stepped", "expanded", "widened", "pressed", "unleashed",
                                  "announced", "announce", "announces", "declared", "declare", "declares",
                                  "ordered", "order", "orders", "imposed", "impose", "imposes"}))
            continue;
          int subj = r.subject_left(w < cs ? r.clause_start(w, boundary) : cs, w);
          if (subj >= 0) sources = r.compound_left(subj);
          break;
        }
      }
      // "demonstrators tried to cross the zone in protest against the occupation": an event
      // named as the reason for an act is its subject's.
      // (Not an attack: "51 civilians were killed in air raids" died in them.)
      // ("15 civilians were killed in raids": whatever the noun's code, those harmed in it suffered it.)
      bool harmed = a > 1 && one_of(r.word(a - 2), {"killed", "wounded", "injured", "hurt", "died", "dead", "perished",
                                                    "arrested", "detained", "captured", "displaced"});
      bool violence_noun = p.code.starts_with("18") || p.code.starts_with("19") || p.code.starts_with("20") || harmed;
      // ("Five civilians died in clashes with the Israeli army": a clash is two-sided, and those
      // who fell in it are one side.)
      bool clash = pat.text.starts_with("clash");
      if (sources.empty() && a > 0 && r.word(a - 1) == "in" && (!violence_noun || clash)) {
        int subj = r.subject_left(cs, a - 1);
        if (subj >= 0) sources = r.compound_left(subj);
        reason_phrase = subj >= 0 && !clash;
      }
      int btw = r.after_word(int(m.end) - 1, lim, "between");
      if (btw >= 0 && !sources.empty() && p.target < 0 &&
          std::find(sources.begin(), sources.end(), btw) == sources.end())
        p.target = btw;
      if (btw >= 0 && sources.empty()) {
        sources.push_back(btw);
        int lw = r.last_word(btw);
        for (int w = lw + 1; w < std::min(n, lw + 8); ++w)
          if (sv.words[w].mention >= 0 && r.is_actor(sv.words[w].mention) && sv.words[w].mention != btw) {
            sources.push_back(sv.words[w].mention);
            break;
          }
      }
      // A bare noun names no event we can attribute, unless the sentence tells it happening:
      // "Protests erupted in the capital", "a riot broke out" (the subject of a verb).
      // The noun is the pattern's head: "strikes" in "air strikes", not its compound "air".
      int hn = a;
      while (sv.words[hn].deprel == "compound" && sv.words[hn].head > hn && sv.words[hn].head < int(m.end))
        hn = sv.words[hn].head;
      // (A protest or force needs no actor named: "A national seamen's strike ... is still
      // continuing".)
      bool happening = ctx.actorless && sv.parsed && (!sv.mentions.empty() || is_protest_or_force(p.code)) &&
                       (sv.words[hn].deprel == "nsubj" || sv.words[hn].deprel == "nsubj:pass") &&
                       sv.words[hn].head >= 0 && ctx.an.upos.size() == ctx.an.words.size() &&
                       ctx.an.upos[first + sv.words[hn].head] == nlp::Upos::VERB;
      // (Nor does one against someone: "the war began with anti-government protests".)
      if (sources.empty() && !happening && !anti) continue;
      for (std::string_view prep : {"on", "against", "with", "to", "targeting"}) {
        int t = r.after_word(int(m.end) - 1, std::min(ce, lim + 4), prep);
        if (t >= 0 && p.target < 0 && std::find(sources.begin(), sources.end(), t) == sources.end()) p.target = t;
      }
      // "Russia's invasion of Ukraine", "the bombing of Aleppo": force "of" someone is done to
      // them (the "of" right after the noun).
      if (p.target < 0 && is_force(p.code)) {
        int of = r.word(int(m.end) - 1) == "of" ? int(m.end) - 1 : r.word(int(m.end)) == "of" ? int(m.end) : -1;
        int t = of >= 0 ? r.after_word(of, std::min(ce, of + 4), "of") : -1;
        if (t >= 0 && std::find(sources.begin(), sources.end(), t) == sources.end()) p.target = t;
      }
    } else if (passive) {
      int by = r.after_word(int(m.end), ce, "by");
      if (by >= 0) sources.push_back(by);
      int subj = r.subject_left(cs, a);
      if (r.in_other_clause(subj, a)) subj = -1;
      if (subj >= 0) {
        // "Iraqi troops were deployed near the border", "guerrillas have been demobilized": forces
        // put on alert, deployed, pulled back or disarmed are the acting side's own; elsewhere
        // the subject of an agentless passive is the target.
        bool own_forces = p.code.starts_with("15") || p.code.starts_with("087");
        if (sources.empty() && own_forces) sources = r.compound_left(subj);
        else p.target = subj;
      }
    } else {
      // "Merkel said she would press for EU sanctions, agreeing with Trump": a pronoun the parse
      // gives as the subject is resolved below (the speaker, else the actor it goes on with),
      // never read as the nearest actor to the left ("EU").
      bool pronoun_parsed = sv.parsed && tree.subject >= 0 && is_pronoun(r.word(tree.subject));
      int subj = pronoun_parsed ? -1 : r.subject_left(cs, a);
      if (r.in_other_clause(subj, a)) subj = -1;
      // "According to the UN envoy, Idlib currently hosts 10,000 militants": the parse's subject
      // is a place, and the actor found further left sits in a fronted phrase before a comma.
      if (subj >= 0 && sv.parsed && tree.subject >= 0 && sv.words[tree.subject].mention >= 0 &&
          ctx.mentions[sv.words[tree.subject].mention].kind == kb::MentionKind::Place) {
        bool comma = false;
        for (int w = r.last_word(subj) + 1; w < tree.subject; ++w) comma |= r.word(w) == ",";
        if (comma) continue;
      }
      if (subj >= 0) sources = r.compound_left(subj);
      else {
        // nominal attack as subject: "an airstrike by Syrian forces killed 33 soldiers" (merged below)
      }
      p.target = r.object_right(int(m.end), obj_to, &p.place);
      if (p.target < 0 && (pat.lemmas.size() > 1)) p.target = r.object_right(int(m.begin) + 1, obj_to, &p.place);
    }
    // "the website was hit by a cyber attack", "the town was struck by an air raid": what did
    // it is an event the noun lexicon names; the verb only says it landed, so the act is that
    // event's, done to the verb's subject.
    if (passive && !pat.nominal && (p.code.starts_with("18") || p.code.starts_with("19")) &&
        r.after_word(int(m.end), ce, "by") < 0)
      for (size_t j = i + 1; j < chosen.size(); ++j) {
        const Pattern& np = ctx.lexicon.pattern(chosen[j].pattern);
        if (!np.nominal || int(chosen[j].begin) >= ce) continue;
        int w = int(chosen[j].begin) - 1;
        // (also "were killed in air raids": the raids did it)
        for (int k = 0; k < 3 && w > int(m.end) && r.word(w) != "by" && r.word(w) != "in"; ++k) --w;
        if (r.word(w) == "by" || (r.word(w) == "in" && w == int(m.end))) p.code = np.code;
        break;
      }
    // "Syrian forces freed Palmyra from IS gangs": freeing a place is taking it (192, occupy
    // territory), from those it is taken from; freeing people is still a release.
    if (p.code.starts_with("084") && sv.parsed && !pat.nominal)
      for (size_t w = 0; w < sv.words.size(); ++w)
        if (sv.words[w].head == int(p.anchor) && sv.words[w].deprel == "obj") {
          int mm = sv.words[w].mention;
          if (mm >= 0 && ctx.mentions[mm].kind == kb::MentionKind::Place) p.code = "192";
          break;
        }
    // "Obama attacked Trump's plan", "attacked the decision as reckless": force taken to a plan,
    // a decision or someone's words is criticism (111).
    if (p.code == "190" && pat.text == "attack" && sv.parsed)
      for (size_t w = 0; w < sv.words.size(); ++w)
        if (sv.words[w].head == int(p.anchor) && sv.words[w].deprel == "obj") {
          if (one_of(sv.words[w].lower, {"plan", "plans", "policy", "policies", "decision", "decisions", "remarks",
                                          "comments", "statement", "statements", "proposal", "proposals", "idea",
                                          "ideas", "bill", "law", "speech", "record", "stance", "move",
                                          "deal", "agreement", "report", "claims", "views", "approach", "handling",
                                          "rhetoric", "budget", "reforms", "reform", "strategy", "patriotism"}))
            p.code = "111";
          break;
        }
    if (!tree.found && p.target >= 0) targets = {p.target};
    // "is sending troops to the peacekeeping force", "willing to withdraw its troops from Abyei":
    // soldiers sent, withdrawn or deployed are what the act moves, not whom it is done to.
    if (one_of(p.code.substr(0, 2), {"03", "07", "15"}) || p.code.starts_with("087"))
      std::erase_if(targets, [&](int t) {
        const auto& tm = ctx.mentions[t];
        return tm.kind == kb::MentionKind::Agent && tm.entry == kb::kNone && (tm.code == "MIL" || tm.code == "COP");
      });
    // "expressed concern about Russia", "voiced optimism over the talks with Iran", "condolences
    // for the victims of the Ankara attack": a comment's target is what it is about.
    if (targets.empty() && p.target < 0 && p.code.starts_with("01"))
      for (std::string_view prep : {"about", "over", "regarding", "at", "for", "on"}) {
        int t = r.after_word(int(m.end) - 1, std::min(ce, int(m.end) + 4), prep);
        if (t >= 0 && std::find(sources.begin(), sources.end(), t) == sources.end()) {
          targets = {t};
          break;
        }
      }
    // "Anti-Taliban protests erupted": whom an "anti-" names is opposed, never the doer.
    for (auto it = sources.begin(); it != sources.end();) {
      if (!anti_prefixed(ctx, *it)) {
        ++it;
        continue;
      }
      if (targets.empty()) targets = {*it};
      it = sources.erase(it);
    }
    p.target = targets.empty() ? -1 : targets[0];
    if (pat.needs_target && p.target < 0) continue;
    if (p.place < 0) p.place = r.place_in(cs, ce);
    if (p.place < 0) p.place = r.place_in(0, n);

    // Modality from the cues in the clause before the predicate (and not part of the pattern).
    bool neg = false, plan = false, intent = false, hypo = sv.question, unwilling = false, threat = false;
    // "if the deputies rejected the budget", "unless Israel rescinded": a condition has not
    // happened.
    if (cs > 0 && one_of(r.word(cs - 1), {"if", "unless"})) hypo = true;
    // "driving militants out of Idlib was a priority task", "to strike first would be a
    // mistake": a gerund or infinitive that is the subject of another clause names a goal or a
    // topic, not an act that happened ("it was noted that they met" is a report, and stays).
    if (sv.parsed && !pat.nominal && sv.words[p.anchor].deprel.starts_with("csubj")) {
      bool to = false;
      for (const auto& w : sv.words)
        to |= w.head == int(p.anchor) && w.deprel == "mark" && w.lower == "to";
      if (to || sv.words[p.anchor].lower.ends_with("ing")) hypo = true;
    }
    // (the same gerund parsed as the head of the "that" clause: a gerund with "that" and no
    // subject or auxiliary of its own cannot be a told act, only the subject of one)
    if (sv.parsed && !pat.nominal && sv.words[p.anchor].lower.ends_with("ing")) {
      bool that = false, own = false;
      for (const auto& w : sv.words)
        if (w.head == int(p.anchor)) {
          that |= w.deprel == "mark" && w.lower == "that";
          own |= w.deprel.starts_with("nsubj") || w.deprel == "aux" || w.deprel == "aux:pass" || w.deprel.starts_with("expl");
        }
      if (that && !own) hypo = true;
    }
    // "denied reports that its jets bombed a hospital", "rejected an allegation that he raped":
    // what a report, claim or allegation says is not told as done.
    // (the clause's "that" hangs from the verb however the parse joined the clause to the noun)
    if (sv.parsed && !pat.nominal)
      for (int t = std::max(1, int(p.anchor) - 6); t + 1 < int(p.anchor); ++t)
        if (sv.words[t].lower == "that" && sv.words[t].head == int(p.anchor) &&
            one_of(sv.words[t - 1].lower, {"report", "reports", "allegation", "allegations", "accusation", "accusations",
                                           "claim", "claims", "rumor", "rumors", "rumour", "rumours", "charge", "charges",
                                           "suggestion", "suggestions", "speculation", "assertion", "assertions"}))
          hypo = true;
    // "did not find that the campaign coordinated with the Russian government", "found no
    // evidence that Moscow conspired": what an inquiry could not establish is not told as done.
    if (sv.parsed && !pat.nominal) {
      int c = int(p.anchor);
      for (int guard = 0; guard < 4 && c >= 0 && sv.words[c].deprel == "conj"; ++guard) c = sv.words[c].head;
      int h = c >= 0 ? sv.words[c].head : -1;
      if (h >= 0 && (sv.words[c].deprel == "ccomp" || sv.words[c].deprel == "acl")) {
        std::string_view hw = sv.words[h].lower;
        bool finding = one_of(hw, {"find", "finds", "found", "finding", "establish", "established", "establishes",
                                   "show", "shows", "showed", "shown", "prove", "proved", "proven", "proves",
                                   "conclude", "concluded", "concludes", "determine", "determined", "confirm",
                                   "confirmed", "demonstrate", "demonstrated", "uncover", "uncovered"});
        bool no_proof = one_of(hw, {"evidence", "proof", "indication", "sign", "signs"});
        bool denied = false;
        auto said_no = [&](int noun) {
          for (const auto& w : sv.words)
            if (w.head == noun && w.deprel == "det" && w.lower == "no") return true;
          return false;
        };
        if (no_proof) denied = said_no(h);
        for (int w = 0; finding && w < int(sv.words.size()); ++w) {
          if (sv.words[w].head != h) continue;
          if (sv.words[w].deprel == "advmod" && one_of(sv.words[w].lower, {"not", "n't", "never"})) denied = true;
          // "found no evidence that ...", the clause hung from the verb
          if (sv.words[w].deprel == "obj" && one_of(sv.words[w].lower, {"evidence", "proof", "indication", "sign", "signs"}) &&
              said_no(w))
            denied = true;
        }
        if (denied) hypo = true;
      }
    }
    // "to respond to any attack by Syrian forces", "warned of possible strikes": a nominal event
    // that is any, possible or future is none in particular, and did not happen.
    // ("alleged Russian war crimes", "suspected Israeli airstrikes": what is alleged or suspected
    // is not told as done; the word may stand before the actor's adjective.)
    if (pat.nominal)
      for (int w = int(m.begin) - 1; w >= std::max(0, int(m.begin) - 3); --w) {
        std::string_view x = r.word(w);
        if (one_of(x, {"any", "every", "possible", "potential", "future", "alleged", "suspected", "purported"})) {
          hypo = true;
          break;
        }
        if (w < int(m.begin) - 1 && sv.words[w + 1].mention < 0) break;  // only across an actor's words
        if (one_of(x, {"the", "a", "an", ",", "of", "by", "in", "on"})) break;
      }
    // "urging both sides to agree on a ceasefire", "asked Russia to withdraw its troops": the
    // act in the infinitive is what was asked of someone, not what anyone did (the asking is
    // coded by itself).
    // (the parse may hang "to extradite" from "pushed Trump" as an adverbial clause)
    bool to_clause = sv.words[p.anchor].deprel == "advcl" && p.anchor > 0 && sv.words[p.anchor - 1].lower == "to" &&
                     sv.words[p.anchor - 1].head == int(p.anchor);
    if (sv.parsed && !pat.nominal && (sv.words[p.anchor].deprel == "xcomp" || to_clause)) {
      int h = sv.words[p.anchor].head;
      bool asked_of = false;
      for (const auto& w : sv.words) asked_of |= h >= 0 && w.head == h && (w.deprel == "obj" || w.deprel == "iobj");
      if (asked_of && h >= 0 && request_verb(sv.words[h].lower)) hypo = true;
      // "ordered its troops to pull out", "has ordered the army to deploy more troops": an order
      // to one's own forces or envoys is how a government acts; the act is its own, done.
      bool own = false;
      for (const auto& w : sv.words)
        own |= w.head == h && w.deprel == "obj" &&
               one_of(w.lower, {"forces", "troops", "army", "military", "soldiers", "police", "navy", "units",
                                "diplomats", "ambassador", "envoy", "officers", "jets", "warships", "personnel"});
      if (own && h >= 0 &&
          one_of(sv.words[h].lower, {"ordered", "orders", "order", "ordering", "instructed", "directed", "commanded"})) {
        hypo = false;
        ordered_acts.push_back(h);
      }
    }
    // "stepped up efforts to assist the Syrian settlement", "a bid to end the war": an act in
    // an infinitive on a word of aim or effort is sought, not done ("the first country to
    // recognize Kosovo" did recognize it). A plan is planned, as the modality lexicon's "plan to"
    // says ("Greece plans to impose restrictions", whichever way "plans" is tagged).
    if (sv.parsed && !pat.nominal && sv.words[p.anchor].deprel == "acl" && p.anchor > 0 &&
        sv.words[p.anchor - 1].lower == "to" && sv.words[p.anchor].head >= 0 &&
        one_of(sv.words[sv.words[p.anchor].head].lower,
               {"effort", "efforts", "bid", "bids", "attempt", "attempts", "push", "drive", "campaign", "proposal",
                "proposals", "initiative", "initiatives", "way", "ways", "means", "chance", "opportunity", "need",
                "readiness", "willingness", "ability", "right", "importance", "aim", "goal", "hope", "hopes", "intention",
                "desire", "call", "calls", "appeal", "pressure", "mandate"}))
      hypo = true;
    std::vector<bool> consumed(n, false);
    for (const auto& c : cues) {
      if (c.kind == PatternKind::Report) continue;
      if (int(c.end) > a || int(c.begin) < std::max(cs, a - 8)) continue;
      if (int(c.begin) >= a && int(c.begin) < int(m.end)) continue;
      if (c.kind == PatternKind::Planned || c.kind == PatternKind::Intent)
        for (uint32_t w = c.begin; w < c.end; ++w) consumed[w] = true;
    }
    // "agreed to release the hostages and freed the first group": a past-tense verb coordinated
    // with another is told as done; the plan before the verb it is joined to is not its own.
    // (A participle joined to a bare infinitive is that past tense mis-tagged: "to release ..
    // and freed" cannot share the "to".)
    int own_from = 0;
    if (sv.parsed && sv.words[p.anchor].deprel == "conj" && sv.words[p.anchor].head >= 0 && ctx.an.labels &&
        ctx.an.xpos.size() == ctx.an.words.size()) {
      std::string_view x = ctx.an.xpos_name(first + p.anchor);
      if (x == "VBD" || (x == "VBN" && ctx.an.xpos_name(first + uint32_t(sv.words[p.anchor].head)) == "VB"))
        own_from = sv.words[p.anchor].head + 1;
    }
    // A plan in a pattern's gap is the act's too: "announced a plan to impose sanctions" plans
    // them ("announce .. sanction"); a cue among the pattern's own words is the pattern's.
    auto in_gap = [&](const auto& c) {
      if ((c.kind != PatternKind::Planned && c.kind != PatternKind::Intent) || int(c.begin) <= a || c.end > m.end)
        return false;
      // (a plan to act or a "will", not a planned thing: "cancelled a planned visit")
      if (!one_of(r.word(int(c.end) - 1), {"to", "will", "shall", "'ll"})) return false;
      for (uint32_t w = c.begin; w < c.end; ++w)
        if (pattern_word(sv, pat, w)) return false;
      return true;
    };
    // "said it would not meet their demands", "will not accept": a refusal is made when said;
    // "will"/"would" mark the statement, not a later act.
    for (const auto& c : cues) {
      if (c.kind == PatternKind::Report) continue;
      if ((int(c.end) > a || int(c.begin) < std::max(cs, a - 8)) && !in_gap(c)) continue;
      if (int(c.begin) < own_from && c.kind != PatternKind::Negation) continue;
      if (refusal && c.end == c.begin + 1 && one_of(r.word(c.begin), {"will", "would", "shall", "'ll", "wo"})) continue;
      switch (c.kind) {
        case PatternKind::Negation:
          if (!consumed[c.begin]) {
            neg = true;
            unwilling |= c.begin > 0 && one_of(r.word(c.begin - 1), {"will", "would", "shall", "'ll", "wo"});
            // "is not going to accept an offer": the same refusal, in the future of intent
            unwilling |= r.word(c.begin + 1) == "going" && r.word(c.begin + 2) == "to";
          }
          break;
        case PatternKind::Planned:
          // "thanked him for accepting the invitation to visit Moscow": an invitation accepted
          // is the visit itself, as the article tells it.
          if (r.word(c.begin).starts_with("invit") && !out.empty() && out.back().code.starts_with("03") &&
              int(out.back().end) <= int(c.end) && r.clause_start(int(out.back().begin), boundary) == cs &&
              ctx.lexicon.pattern(out.back().pattern).text.starts_with("accept"))
            break;
          plan = true;
          break;
        case PatternKind::Intent:
          intent = true;
          threat |= r.word(c.begin).starts_with("threat");
          break;
        case PatternKind::Hypothetical:
          if (!(reported_future && (r.word(c.begin) == "would" || r.word(c.begin) == "could"))) hypo = true;
          else plan = true;
          break;
        default: break;
      }
    }
    if (reason_phrase) plan = intent = false;
    // "rejected an invitation to negotiate", "turned down a proposal to hold talks": what was
    // proposed, once rejected, will not happen.
    if ((plan || intent) && !neg && !out.empty() && out.back().code.starts_with("12") &&
        out.back().modality == Modality::Asserted && int(out.back().end) <= a &&
        r.clause_start(int(out.back().begin), boundary) == cs)
      neg = true, plan = intent = false;
    // "Declines Request for High-level Meeting", "rejected a request for talks": the request
    // right after a rejection is its object, no appeal made here.
    if (!neg && (p.code.starts_with("02") || p.code.starts_with("10")) && !out.empty() &&
        out.back().code.starts_with("12") && out.back().modality == Modality::Asserted && int(out.back().end) <= int(m.begin) &&
        int(m.begin) - int(out.back().end) <= 2 && r.word(int(m.begin)).starts_with("request")) {
      bool adjacent = true;
      for (int w = int(out.back().end); w < int(m.begin); ++w)
        adjacent = adjacent && one_of(r.word(w), {"a", "an", "the", "its", "their", "his", "her", "this", "that"});
      if (adjacent) neg = true;
    }
    // A purpose infinitive inherits the modality of the plan it serves ("scheduled to hold a
    // meeting ... to discuss"): nothing in it has happened yet either.
    if (!neg && !hypo && !intent && !plan && a > 0 && r.word(a - 1) == "to" && !out.empty() &&
        out.back().modality != Modality::Asserted && r.clause_start(int(out.back().begin), boundary) == cs) {
      if (out.back().modality == Modality::Planned) plan = true;
      else if (out.back().modality == Modality::Negated) neg = true;
      else hypo = true;
    }
    // "demanded that Iraq allow aid workers in": what is demanded in a that-clause, its verb
    // bare, has not happened (as "demanded Iraq to allow" has not).
    if (!neg && !hypo && !intent && !plan && sv.parsed && sv.words[a].deprel == "ccomp" && sv.words[a].head >= 0) {
      std::string_view h = r.word(sv.words[a].head), v = r.word(a);
      bool bare = !v.ends_with("ed") && !(v.ends_with("s") && !v.ends_with("ss"));
      if (bare && (h.starts_with("demand") || h.starts_with("urg") || h.starts_with("ask") || h.starts_with("request") ||
                   h.starts_with("insist") || h.starts_with("propos") || h.starts_with("recommend") ||
                   h.starts_with("requir")))
        hypo = true;
    }
    // One after an act done is what the act was for, not done yet: "visited Peru to deepen
    // ties", "sent troops to retake the town" (the visit and the sending are the events).
    else if (!neg && !hypo && !intent && !plan && a > 0 && r.word(a - 1) == "to" && sv.parsed &&
             sv.words[a].deprel == "advcl" && !out.empty() && out.back().modality == Modality::Asserted &&
             int(out.back().end) <= a && sv.words[a].head >= int(out.back().begin) &&
             sv.words[a].head < int(out.back().end) &&
             !ctx.lexicon.pattern(out.back().pattern).text.starts_with("accept"))  // an invitation accepted: done
      plan = true;
    // "warned the principality that it will take retaliatory action", "warning they could be
    // banned if ...": a warning of what will or may come (past the lexicon's few words) is a
    // threat, not a reproach.
    if (pat.code == "110" && pat.text == "warn" && !neg && !hypo) {
      for (int w = int(m.end); w < std::min(n, int(m.end) + 16); ++w) {
        std::string_view x = r.word(w);
        if (one_of(x, {";", "but", "while", "although", "whereas"})) break;
        std::string_view surface = ctx.body.substr(sv.words[w].span.begin, 1);
        bool month = x == "may" && surface == "M";
        if (!month && one_of(x, {"will", "would", "could", "may", "might", "'ll", "if", "unless"})) {
          p.code = "130";
          break;
        }
      }
    }
    // "insisted that Turkey had attacked": insisting on what is or was is saying it (010); only
    // insisting that something be done demands it ("insisted that Turkey withdraw").
    if (pat.code == "100" && (pat.text == "insist" || pat.text == "insist that") && !neg && !hypo) {
      bool that = false;
      for (int w = int(m.begin) + 1; w < std::min(n, int(m.begin) + 12); ++w) {
        std::string_view x = r.word(w);
        if (w == int(m.begin) + 1) {
          if (x != "that") break;
          that = true;
          continue;
        }
        if (one_of(x, {";", ".", "but", "while", "and"})) break;
        if (that && (one_of(x, {"had", "has", "have", "was", "were", "is", "are", "did", "does"}) ||
                     (x.ends_with("ed") && x.size() > 4))) {
          p.code = "010";
          break;
        }
      }
    }
    bool intent_code = p.code.starts_with("03") || p.code.starts_with("13") || p.code.starts_with("02") ||
                       p.code.starts_with("10") || p.code.starts_with("12");
    // "Libya said it would not hand over the suspects": unwillingness to cooperate, stated, is a
    // rejection made when said.
    std::string refused = neg && unwilling && !sv.question ? ctx.lexicon.refusal_code(p.code) : "";
    if (!refused.empty()) {
      p.code = refused;
      p.modality = Modality::Asserted;
      intent = true;  // dated and attributed as a statement
    } else if (neg) p.modality = Modality::Negated;
    else if (hypo) p.modality = Modality::Hypothetical;
    else if (intent || plan) {
      if (!intent_code) {
        std::string ic = ctx.lexicon.intent_code(p.code);
        if (!ic.empty()) p.code = ic;
      }
      // "threatened to dissolve parliament": whatever the act, saying one will do it as a
      // threat is a threat.
      if (threat && !p.code.starts_with("13")) p.code = "130";
      p.modality = intent ? Modality::Asserted : Modality::Planned;
    }

    // Reported speech: the nearest reporting verb before the predicate, or after it at the end.
    for (const auto& rep : reports) {
      if (rep.word < a) {
        if (p.speaker < 0 || rep.word > 0) p.speaker = rep.speaker;
      } else if (p.speaker < 0 && rep.word > int(m.end)) {
        p.speaker = rep.speaker;
      }
    }
    if (p.speaker >= 0 && (intent || p.code.starts_with("13"))) {
      for (const auto& rep : reports)
        if (rep.speaker == p.speaker) p.date_word = rep.word;
    }
    // "Japan said it had halted aid": a pronoun subject of reported speech is the speaker.
    bool pronoun_subject = false;
    int pronoun_word = -1;
    // (With a parse that names no subject for the pattern's first word, as for the copula of
    // "they were willing to negotiate", the words before it tell.)
    if (sv.parsed && tree.subject >= 0) {
      pronoun_subject = is_pronoun(r.word(tree.subject));
      if (pronoun_subject) pronoun_word = tree.subject;
    } else {
      for (int w = a - 1; w >= std::max(cs, a - 4); --w) {
        if (is_pronoun(r.word(w))) pronoun_subject = true, pronoun_word = w;
        if (pronoun_subject || !one_of(r.word(w), {"had", "has", "have", "would", "will", "could", "was", "is", "also", "not", "already", "then"}))
          break;
      }
    }
    // ("I" is only ever a person: never the outlet a quote was told to.)
    auto person_mention = [&](int mi) {
      const auto& mm = ctx.mentions[mi];
      return mm.kind == kb::MentionKind::Person || mm.rule == kb::LinkRule::TitleAtDate ||
             mm.rule == kb::LinkRule::Counterpart || mm.rule == kb::LinkRule::LeaderInDoc;
    };
    const bool first_singular = pronoun_subject && r.word(pronoun_word) == "i";
    if (sources.empty() && p.speaker >= 0 && (intent || plan || pronoun_subject) &&
        !(first_singular && !person_mention(p.speaker)))
      sources.push_back(p.speaker);
    // "PRESIDENT ZELENSKYY: ... We have just had negotiations with the President": in a
    // transcript, "I" and "we" no one else is reported to say are the speaker's, and so is every
    // statement of the turn.
    const int turn = p.speaker < 0 ? turn_speaker(ctx, sv.begin) : -1;
    if (turn >= 0 && sources.empty() && pronoun_subject && one_of(r.word(pronoun_word), {"i", "we"}))
      sources.push_back(turn);
    // "Obama is ending a trip in Paris, where he had lunch with Macron": a pronoun subject no one
    // reports is the first actor the sentence names before it, the subject it goes on with; "he"
    // and "she" only a person or an office holder, "it" no person.
    if (sources.empty() && pronoun_subject && p.speaker < 0 && pronoun_word >= 0 && ctx.kb) {
      std::string_view pr = r.word(pronoun_word);
      uint32_t at = sv.words[pronoun_word].span.begin;
      for (int mi : sv.mentions) {
        const auto& mm = ctx.mentions[mi];
        if (mm.begin >= at) break;
        if (!r.is_actor(mi)) continue;
        if ((pr == "he" || pr == "she" || pr == "i") != person_mention(mi)) continue;
        if (std::find(targets.begin(), targets.end(), mi) != targets.end() || mi == p.target) break;
        sources.push_back(mi);
        break;
      }
    }
    if (turn >= 0) p.speaker = turn;
    // "Three US servicemen were killed by a roadside bomb": violence with a named victim and no
    // named perpetrator is still an event, with the source left blank (as GDELT leaves Actor1).
    // So is repression: "Twelve opposition activists were arrested on Monday".
    bool violence = is_force(p.code);
    // "Oil prices hit a record high", "exporters were hit hard by the strong yen", "the recession
    // hit Turkey", "storms battered the coast": force whose doer is a market, a price, the economy
    // or the weather, or that reaches a level, is a figure of speech.
    if (violence && !pat.nominal && sv.parsed) {
      bool figure = false;
      for (size_t w = 0; w < sv.words.size() && !figure; ++w) {
        if (sv.words[w].head != int(p.anchor)) continue;
        std::string_view rel = sv.words[w].deprel, x = sv.words[w].lower;
        bool by = false;
        for (const auto& c : sv.words)
          by |= c.head == int(w) && c.deprel == "case" && c.lower == "by";
        bool doer = (rel == "nsubj" && !tree.passive) || rel == "obl:agent" || ((rel == "obl" || rel.starts_with("obl:")) && by);
        if (doer && one_of(x, {"recession", "crisis", "slump", "downturn", "price", "prices", "yen", "dollar", "euro",
                               "currency", "currencies", "inflation", "rise", "fall", "drop", "decline", "strength",
                               "weakness", "storm", "storms", "hurricane", "typhoon", "flood", "floods", "quake",
                               "earthquake", "drought", "shortage", "shortages", "demand", "costs", "sales", "market",
                               "markets", "economy", "rates", "tariffs", "pandemic", "epidemic", "virus", "wildfire",
                               "wildfires", "snow", "rain", "rains", "winds", "heatwave", "slowdown", "losses"}))
          figure = true;
        // (nor done to a goal, a budget's items or a firm's accounts: "hits the Gramm-Rudman goal",
        // "eliminated overtime")
        if (rel == "obj" && one_of(x, {"high", "highs", "low", "lows", "record", "peak", "bottom", "level", "levels",
                                       "mark", "target", "ceiling", "goal", "goals", "overtime",
                                       "subsidies", "subsidy", "deficit", "deficits", "spending", "costs", "taxes",
                                       "tax", "tariff", "duties", "earnings", "profits", "profit", "revenue",
                                       "revenues", "sales", "output", "production", "inflation", "dividend"}))
          figure = true;
      }
      if (figure) continue;
    }
    // "the quake that killed 1,816 people", "the accident ... killing two people": harm done by
    // nature or mishap, with no one named doing it, is no political event.
    if (violence && sources.empty() && !pat.nominal &&
        std::any_of(sv.words.begin(), sv.words.end(), [](const WordView& w) {
          return one_of(w.lower, {"earthquake", "quake", "typhoon", "hurricane", "cyclone", "storm", "flood", "floods",
                                  "tsunami", "landslide", "avalanche", "accident", "crash", "disaster", "epidemic",
                                  "outbreak", "disease", "virus", "drought", "wildfire", "eruption"});
        }))
      continue;
    bool unattributed = sources.empty() && violence && p.target >= 0 && p.modality == Modality::Asserted;
    // Any other act whose doer is unnamed ("were arrested", "it said") or no actor the KB knows
    // ("the two sides agreed"): an event of its type all the same, when wanted, in a sentence
    // that names some actor or place (politics, not "the two friends held talks"). Force needs
    // no such context: unidentified gunmen are news.
    bool force = is_protest_or_force(p.code);
    bool actorless = sources.empty() && !unattributed && ctx.actorless && (force || !sv.mentions.empty());
    // "violations around Tripoli continued to threaten the process": words short of force whose
    // subject is a thing the parse names (no actor, no pronoun) are a figure of speech.
    if (actorless && !force && !pat.nominal && sv.parsed && tree.subject >= 0 && !tree.passive &&
        sv.words[tree.subject].mention < 0 &&
        one_of(r.word(tree.subject), {"violation", "violations", "process", "situation", "crisis", "tension", "tensions",
                                      "fighting", "violence", "escalation", "conflict", "war", "incident", "incidents",
                                      "development", "developments", "events", "pressure", "economy", "prices",
                                      "uncertainty", "instability", "chaos", "unrest"}))
      continue;
    if (sources.empty() && !unattributed && !actorless) continue;
    if (p.speaker >= 0 && std::find(sources.begin(), sources.end(), p.speaker) != sources.end() && !(intent || plan))
      p.speaker = p.speaker;  // a speaker reporting their own act: still attributed

    p.confidence = 0.45 + (p.target >= 0 ? 0.15 : 0) + (pat.lemmas.size() > 1 ? 0.1 : 0) + (sources.size() == 1 ? 0.1 : 0.05);
    if (p.modality != Modality::Asserted) p.confidence -= 0.1;
    // The sentence's main predicate is what it reports; one embedded under it ("agreed to provide
    // aid", "demanded a meeting") is part of that act: a little less sure as an event of its own.
    if (sv.parsed) p.confidence -= 0.15 * std::min(3, predicate_depth(sv, int(p.anchor)));

    // Merge: a nominal attack followed by a harm verb in its clause is one event.
    if (!pat.nominal && (p.code.starts_with("18") || p.code.starts_with("19") || p.code.starts_with("20")) && !out.empty()) {
      Predicate& prev = out.back();
      const Pattern& pp = ctx.lexicon.pattern(prev.pattern);
      if (pp.nominal && int(prev.end) <= a && r.clause_start(int(prev.begin), boundary) == cs &&
          (prev.code.starts_with("18") || prev.code.starts_with("19") || prev.code.starts_with("20"))) {
        if (prev.target < 0) prev.target = p.target;
        if (prev.place < 0) prev.place = p.place;
        continue;
      }
    }

    // (A refusal to meet is one side's: "We will never negotiate with terrorists".)
    bool sym = (pat.symmetric || symmetric_code(p.code)) && refused.empty();
    if (sources.size() > 1 && targets.empty() && sym) {
      for (size_t x = 0; x < sources.size(); ++x)
        for (size_t y = 0; y < sources.size(); ++y)
          if (x != y) {
            Predicate q = p;
            q.source = sources[x];
            q.target = sources[y];
            out.push_back(q);
          }
      continue;
    }
    if (targets.empty()) targets.push_back(-1);
    if (unattributed || actorless) {
      Predicate q = p;
      q.source = -1;
      q.target = targets[0];
      q.confidence -= unattributed ? 0.1 : 0.25;
      out.push_back(q);
      continue;
    }
    for (int s : sources)
      for (int t : targets) {
        Predicate q = p;
        q.source = s;
        q.target = t;
        if (q.target >= 0 && ctx.mentions[q.target].code == ctx.mentions[s].code) q.target = -1;
        // "police clashed with demonstrators": the protesters riot (145), against the police
        if (p.code == "145" && pat.text.starts_with("clash with") && q.target >= 0 &&
            one_of(pat.text.substr(pat.text.rfind(' ') + 1), {"protester", "demonstrator", "protestor", "rioter", "marcher"}))
          std::swap(q.source, q.target);
        out.push_back(q);
        if (sym && q.target >= 0 && sources.size() == 1 && targets.size() == 1 && pat.symmetric) {
          Predicate rq = q;
          std::swap(rq.source, rq.target);
          out.push_back(rq);
        }
      }
  }
  // "23 civilians were killed as Syrian government forces launched air strikes on ...": harm with
  // no doer named, told with the attack that caused it, is that attack's doer's.
  auto violent = [](const Predicate& q) {
    return q.code.starts_with("18") || q.code.starts_with("19") || q.code.starts_with("20");
  };
  for (auto& q : out) {
    if (q.source >= 0 || q.modality != Modality::Asserted || !violent(q)) continue;
    for (const auto& q2 : out) {
      if (q2.source < 0 || q2.begin <= q.anchor || q2.modality != Modality::Asserted || !violent(q2)) continue;
      bool linked = false;
      for (uint32_t w = q.anchor + 1; w < q2.begin && !linked; ++w)
        linked = one_of(sv.words[w].lower, {"as", "when", "after", "while", "during"});
      // "soldiers were killed in US-led strikes": the attack they were killed in, named right there
      uint32_t prep = q.anchor + 1;
      if (!linked && prep < q2.begin && q2.begin - prep <= 4 && ctx.lexicon.pattern(q2.pattern).nominal)
        linked = one_of(sv.words[prep].lower, {"in", "by"});
      if (linked && q2.target != q.target) q.source = q2.source;
      break;
    }
  }
  // "issued a statement saying it would detain journalists", "gave a speech condemning ...": a
  // statement is how the act it carries is made; what it says is the event.
  if (std::any_of(out.begin(), out.end(), [](const Predicate& q) { return !q.code.starts_with("01"); }))
    std::erase_if(out, [](const Predicate& q) { return q.code == "010"; });
  // The order itself restates the act it ordered.
  std::erase_if(out, [&](const Predicate& q) {
    return q.code.starts_with("10") && std::find(ordered_acts.begin(), ordered_acts.end(), int(q.anchor)) != ordered_acts.end();
  });
  // "held a phone call discussing ...", "a meeting in which they discussed ...": the generic
  // 040 restates the specific consultation (041-046) the same actor is coded with.
  auto restated = [&](const Predicate& g) {
    if (g.code != "040") return false;
    return std::any_of(out.begin(), out.end(), [&](const Predicate& o) {
      return o.code.size() == 3 && o.code.starts_with("04") && o.code != "040" && o.source == g.source &&
             o.modality == g.modality;
    });
  };
  out.erase(std::remove_if(out.begin(), out.end(), restated), out.end());
  // "33 soldiers were killed in an air strike by Syrian forces": the strike and the killing are
  // one attack; the reading that found no target restates the one that did (same source, same
  // CAMEO root, same modality).
  auto actor = [&](int m) -> std::string_view { return m < 0 ? std::string_view() : ctx.mentions[m].code; };
  std::vector<char> subsumed(out.size(), 0);
  for (size_t i = 0; i < out.size(); ++i) {
    const Predicate& g = out[i];
    if (g.target >= 0 || g.source < 0) continue;
    for (size_t j = 0; j < out.size() && !subsumed[i]; ++j) {
      const Predicate& o = out[j];
      subsumed[i] = j != i && o.target >= 0 && o.code.compare(0, 2, g.code, 0, 2) == 0 && o.modality == g.modality &&
                    actor(o.source) == actor(g.source) && actor(o.target) != actor(g.source);
    }
  }
  for (size_t i = out.size(); i-- > 0;)
    if (subsumed[i]) out.erase(out.begin() + long(i));
  // "Turkey retaliated by striking Syrian targets": a generic act (a root code: 170, 190, ...)
  // done by means of a coded one is that act; the means says what happened.
  if (sv.parsed && out.size() > 1) {
    auto by_means_of = [&](int means, int act) {
      if (means < 0 || act < 0 || sv.words[means].head != act || sv.words[means].deprel != "advcl") return false;
      for (const auto& w : sv.words)
        if (w.head == means && w.deprel == "mark" && w.lower == "by") return true;
      return false;
    };
    std::vector<char> generic(out.size(), 0);
    for (size_t i = 0; i < out.size(); ++i) {
      const Predicate& g = out[i];
      if (g.code.size() != 3 || g.code[2] != '0') continue;
      for (size_t j = 0; j < out.size() && !generic[i]; ++j)
        generic[i] = j != i && out[j].modality == g.modality && actor(out[j].source) == actor(g.source) &&
                     by_means_of(int(out[j].anchor), int(g.anchor));
    }
    for (size_t i = out.size(); i-- > 0;)
      if (generic[i]) out.erase(out.begin() + long(i));
  }
  // "demanded the parties allow humanitarian access", "insisted on demands that the government
  // grant rights", "accused Y of killing": a predicate inside another's complement is what that
  // act is about, not the sentence's event; it ranks below the act that governs it.
  if (sv.parsed && out.size() > 1) {
    auto governs = [&](int g, int q) {
      int w = q;
      for (int hops = 0; hops < 4; ++hops) {
        int h = sv.words[w].head;
        if (h < 0 || h >= n) return false;
        // coordinated and loosely attached clauses are events of their own
        if (sv.words[w].deprel == "conj" || sv.words[w].deprel == "parataxis") return false;
        if (h == g) return true;
        w = h;
      }
      return false;
    };
    for (int round = 0; round < 3; ++round)
      for (auto& q : out)
        for (const auto& g : out)
          if (g.anchor != q.anchor && governs(int(g.anchor), int(q.anchor)) && q.confidence >= g.confidence)
            q.confidence = g.confidence - 0.05;
    // "were detained, tortured or killed", "kidnapped and beheaded": of force told as a list,
    // the gravest act is what the sentence reports (assault over coercion, killing over beating).
    auto force_root = [](const std::string& c) {
      return c.starts_with("17") || c.starts_with("18") || c.starts_with("19") || c.starts_with("20") ? std::stoi(c.substr(0, 2)) : 0;
    };
    for (auto& q : out)
      for (const auto& g : out) {
        bool listed = sv.words[q.anchor].deprel == "conj" && sv.words[q.anchor].head == int(g.anchor);
        if (listed && force_root(g.code) && force_root(q.code) > force_root(g.code) && q.modality == g.modality &&
            q.confidence <= g.confidence)
          q.confidence = g.confidence + 0.01;
      }
  }
  // "The administration declared that China must drop barriers", "Libya must hand over the
  // suspects, the minister reiterated": a reported obligation is the speaker's demand (100) on
  // the one who must act; what they must do has not happened and is not coded as an event.
  for (const auto& rep : reports) {
    if (rep.speaker < 0) continue;
    int must = -1;
    // ("should" after the report verb, or before one that closes the sentence: "Iraq should
    // allow the inspectors in, the ambassador said")
    for (int w = 0; w < n; ++w) {
      bool trailing_report = rep.word > w && rep.word >= n - 4;
      if (w != rep.word &&
          (sv.words[w].lower == "must" || (sv.words[w].lower == "should" && (w > rep.word || trailing_report)))) {
        must = w;
        break;
      }
    }
    if (must < 0) continue;
    int lo = must > rep.word ? rep.word + 1 : r.clause_start(must, boundary);
    int obliged = -1;
    for (int w = must - 1; w >= lo && w >= must - 6; --w)
      if (int m = sv.words[w].mention; m >= 0 && ctx.mentions[m].kind != kb::MentionKind::Place && !ctx.mentions[m].code.empty()) {
        obliged = m;
        break;
      }
    if (obliged < 0 && must > rep.word)  // "a reminder to Iraq that it must": the addressee
      obliged = r.object_right(rep.word + 1, must, nullptr);
    if (obliged < 0 || ctx.mentions[obliged].code == ctx.mentions[rep.speaker].code) continue;
    int hi = must > rep.word ? n : rep.word;
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Predicate& q) { return int(q.anchor) > must && int(q.anchor) < hi; }),
              out.end());
    Predicate p;
    p.code = "100";
    p.begin = p.anchor = uint32_t(must);
    p.end = p.begin + 1;
    p.source = rep.speaker;
    p.target = obliged;
    p.speaker = rep.speaker;
    p.date_word = rep.word;
    p.confidence = 0.6;
    if (sv.question) p.modality = Modality::Hypothetical;
    out.push_back(p);
    break;
  }
  // A statement with nothing else coded: CAMEO codes the statement itself (010).
  if (out.empty()) {
    for (const auto& rep : reports) {
      if (rep.speaker < 0) continue;
      Predicate p;
      p.code = "010";
      p.begin = p.anchor = uint32_t(rep.word);
      p.end = p.begin + 1;
      p.source = rep.speaker;
      p.confidence = 0.35;
      for (const auto& m : matches)
        if (m.begin == p.begin && ctx.lexicon.pattern(m.pattern).kind == PatternKind::Report) p.pattern = m.pattern;
      p.target = r.object_right(int(p.end), std::min(n, int(p.end) + 3), nullptr);
      if (p.target >= 0 && ctx.mentions[p.target].code == ctx.mentions[p.source].code) p.target = -1;
      // "X said" alone is how news reports everything else: only a statement addressed to
      // someone ("told Ankara") is coded as one.
      if (p.target < 0) continue;
      if (sv.question) p.modality = Modality::Hypothetical;
      out.push_back(p);
      break;
    }
  }
  return out;
}

void find_quotes(const DocContext& ctx, const SentenceView& sv, std::vector<Quote>& quotes,
                 std::optional<ActorRef>& last_speaker) {
  std::string_view text = ctx.body.substr(sv.begin, sv.end - sv.begin);
  // Speaker: an actor named with a reporting verb in this sentence, else "he/she said" -> last speaker.
  std::optional<ActorRef> speaker;
  bool pronoun_said = false;
  for (size_t i = 0; i < sv.words.size(); ++i) {
    const std::string& w = sv.words[i].lower;
    if (w == "said" || w == "says" || w == "told" || w == "added" || w == "stressed" || w == "noted") {
      for (int d : {-1, -2, -3, 1, 2, 3}) {
        int j = int(i) + d;
        if (j < 0 || j >= int(sv.words.size())) continue;
        int m = sv.words[j].mention;
        if (m >= 0 && ctx.kb && ctx.mentions[m].kind != kb::MentionKind::Place) {
          speaker = actor_of(*ctx.kb, ctx.mentions[m], ctx.body);
          break;
        }
        if (sv.words[j].lower == "he" || sv.words[j].lower == "she") pronoun_said = true;
      }
    }
  }
  if (speaker && speaker->code.size() > 0) last_speaker = speaker;
  else if (pronoun_said) speaker = last_speaker;
  static constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";
  size_t pos = 0;
  while (pos < text.size()) {
    size_t o = text.find(kOpen, pos);
    size_t olen = kOpen.size();
    size_t q = text.find('"', pos);
    if (q != std::string_view::npos && (o == std::string_view::npos || q < o)) {
      o = q;
      olen = 1;
    }
    if (o == std::string_view::npos) break;
    size_t c = olen == 1 ? text.find('"', o + 1) : text.find(kClose, o + olen);
    if (c == std::string_view::npos) c = text.size();  // quotation running on past the sentence
    std::string_view inner = text.substr(o + olen, c - o - olen);
    if (inner.size() >= 20) {
      Quote qt;
      qt.span = {uint32_t(sv.begin + o + olen), uint32_t(sv.begin + c)};
      qt.text = std::string(inner);
      qt.speaker = speaker;
      quotes.push_back(std::move(qt));
    }
    pos = c + (olen == 1 ? 1 : kClose.size());
  }
}

}  // namespace sitrep::code

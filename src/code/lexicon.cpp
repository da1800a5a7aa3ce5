#include "code/lexicon.h"

#include <algorithm>
#include <map>
#include <set>

#include "code/tsv.h"
#include "core/embedded.h"

namespace sitrep::code {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a lemma, as verb and as noun. Over-generation is harmless: the
// forms are only looked up, and a form that is no English word never occurs in text.
void regular_forms(const std::string& w, std::set<std::string>& out) {
  out.insert(w);
  if (w.size() < 2) return;
  char last = w.back(), prev = w[w.size() - 2];
  // plural / third person
  if (last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") || w.ends_with("sh")) out.insert(w + "es");
  else if (last == 'y' && !is_vowel(prev)) out.insert(w.substr(0, w.size() - 1) + "ies");
  else out.insert(w + "s");
  // past, participles
  if (last == 'e') {
    out.insert(w + "d");
    out.insert(w.substr(0, w.size() - 1) + "ing");
  } else if (last == 'y' && !is_vowel(prev)) {
    out.insert(w.substr(0, w.size() - 1) + "ied");
    out.insert(w + "ing");
  } else {
    out.insert(w + "ed");
    out.insert(w + "ing");
    // consonant doubling ("stop" -> "stopped", "ban" -> "banned"); harmless when wrong
    if (w.size() >= 3 && !is_vowel(last) && is_vowel(prev) && !is_vowel(w[w.size() - 3]) && last != 'w' &&
        last != 'x' && last != 'y') {
      out.insert(w + last + "ed");
      out.insert(w + last + "ing");
    }
  }
}

Error bad(const std::string& file, int line, const std::string& msg) {
  return Error{"data/" + file, "line " + std::to_string(line), msg};
}

bool parse_kind(std::string_view s, PatternKind& k) {
  static const std::pair<const char*, PatternKind> kKinds[] = {
      {"negation", PatternKind::Negation}, {"planned", PatternKind::Planned}, {"intent", PatternKind::Intent},
      {"report", PatternKind::Report},     {"hypothetical", PatternKind::Hypothetical}};
  for (const auto& [n, kind] : kKinds)
    if (s == n) {
      k = kind;
      return true;
    }
  return false;
}

}  // namespace

const char* to_string(PatternKind k) {
  switch (k) {
    case PatternKind::Event: return "event";
    case PatternKind::Negation: return "negation";
    case PatternKind::Planned: return "planned";
    case PatternKind::Intent: return "intent";
    case PatternKind::Report: return "report";
    case PatternKind::Hypothetical: return "hypothetical";
  }
  return "?";
}

uint32_t Lexicon::intern(const std::string& lemma) {
  auto [it, fresh] = lemma_index_.emplace(lemma, uint32_t(lemma_index_.size()));
  return it->second;
}

Expected<std::shared_ptr<const Lexicon>> Lexicon::load_embedded(const Ontology& ontology) {
  std::vector<LexiconSource> sources;
  for (const char* f : {"lexicon/verbs.tsv", "lexicon/nouns.tsv", "lexicon/modality.tsv"}) {
    auto text = embedded_data(f);
    if (text.empty()) return Error{std::string("data/") + f, "", "lexicon file missing from the build"};
    sources.push_back({f, text});
  }
  return compile(sources, embedded_data("lexicon/forms.tsv"), embedded_data("lexicon/intent.tsv"), ontology);
}

Expected<std::shared_ptr<const Lexicon>> Lexicon::load_with_events(const Ontology& ontology,
                                                                   const std::vector<LexiconSource>& events,
                                                                   std::string_view extra_forms) {
  std::vector<LexiconSource> sources = events;
  auto cues = embedded_data("lexicon/modality.tsv");
  if (cues.empty()) return Error{"data/lexicon/modality.tsv", "", "lexicon file missing from the build"};
  sources.push_back({"lexicon/modality.tsv", cues});
  std::string forms(embedded_data("lexicon/forms.tsv"));
  if (!forms.empty() && forms.back() != '\n') forms += '\n';
  forms += extra_forms;
  return compile(sources, forms, embedded_data("lexicon/intent.tsv"), ontology);
}

Expected<std::shared_ptr<const Lexicon>> Lexicon::compile(const std::vector<LexiconSource>& sources,
                                                          std::string_view forms, std::string_view intent,
                                                          const Ontology& ontology) {
  auto lex = std::make_shared<Lexicon>();
  // Irregular forms: lemma -> forms, added to the regular ones.
  std::map<std::string, std::set<std::string>> irregular;
  for (const auto& r : read_tsv(forms)) {
    if (r.cells.size() != 2 || r.cells[0].empty() || r.cells[1].empty())
      return bad("lexicon/forms.tsv", r.line, "expected lemma<TAB>form,form,...");
    auto& set = irregular[std::string(r.cells[0])];
    std::string_view fs = r.cells[1];
    size_t b = 0;
    while (b <= fs.size()) {
      size_t c = fs.find(',', b);
      auto f = trim(fs.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b));
      if (!f.empty()) set.insert(std::string(f));
      if (c == std::string_view::npos) break;
      b = c + 1;
    }
  }
  for (const auto& r : read_tsv(intent)) {
    if (r.cells.size() < 2 || !ontology.find(r.cells[0]) || !ontology.find(r.cells[1]))
      return bad("lexicon/intent.tsv", r.line, "expected two known CAMEO codes: realized, intent");
    lex->intent_.emplace_back(std::string(r.cells[0]), std::string(r.cells[1]));
    if (r.cells.size() > 2 && !r.cells[2].empty()) {
      if (!ontology.find(r.cells[2])) return bad("lexicon/intent.tsv", r.line, "unknown refusal code " + std::string(r.cells[2]));
      lex->refusal_.emplace_back(std::string(r.cells[0]), std::string(r.cells[2]));
    }
  }
  std::sort(lex->refusal_.begin(), lex->refusal_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::sort(lex->intent_.begin(), lex->intent_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

  std::set<std::string> seen;  // one meaning per phrase
  std::map<std::string, std::string> code_of;  // event phrase -> its code
  std::set<std::string> exact_lemmas;
  for (const auto& src : sources) {
    bool modality = src.name.ends_with("modality.tsv");
    for (const auto& r : read_tsv(src.text)) {
      if (r.cells.size() < 2 || r.cells[1].empty())
        return bad(src.name, r.line, modality ? "expected kind<TAB>pattern" : "expected code<TAB>pattern[<TAB>flags]");
      Pattern p;
      p.origin = r.cells.size() > 3 && !r.cells[3].empty() ? std::string(r.cells[3]) : src.name + ":" + std::to_string(r.line);
      p.text = r.cells[1];
      if (modality) {
        if (!parse_kind(r.cells[0], p.kind)) return bad(src.name, r.line, "unknown cue kind '" + std::string(r.cells[0]) + "'");
      } else {
        // "-": the words name no event ("released a video", "according to"); the pattern only
        // keeps shorter ones from reading them.
        if (r.cells[0] != "-" && !ontology.find(r.cells[0]))
          return bad(src.name, r.line, "unknown CAMEO code '" + std::string(r.cells[0]) + "'");
        p.code = r.cells[0];
        p.nominal = src.name.ends_with("nouns.tsv");
        if (r.cells.size() > 2) {
          std::string_view flags = r.cells[2];
          size_t b = 0;
          while (b < flags.size()) {
            size_t c = flags.find(',', b);
            auto f = trim(flags.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b));
            if (f == "sym") p.symmetric = true;
            else if (f == "noun") p.nominal = true;
            else if (f == "verb") p.nominal = false;
            else if (f == "finite") p.finite = true;
            else if (f == "topic") p.topic = true;
            else if (f == "intrans") p.intrans = true;
            else if (f == "armed") p.armed = true;
            else if (f == "target") p.needs_target = true;
            else if (f == "bare") p.bare = true;
            else if (!f.empty()) return bad(src.name, r.line, "unknown flag '" + std::string(f) + "'");
            if (c == std::string_view::npos) break;
            b = c + 1;
          }
        }
      }
      // Tokens
      std::string_view t = p.text;
      bool gap = false;
      size_t b = 0;
      while (b < t.size()) {
        size_t e = t.find(' ', b);
        if (e == std::string_view::npos) e = t.size();
        std::string_view tok = t.substr(b, e - b);
        b = e + 1;
        if (tok.empty()) continue;
        if (tok == "..") {
          if (p.lemmas.empty() || gap) return bad(src.name, r.line, "'..' must stand between two words");
          gap = true;
          continue;
        }
        bool exact = tok.front() == '=';
        if (exact) tok.remove_prefix(1);
        for (char c : tok)
          if (!((c >= 'a' && c <= 'z') || c == '\'' || c == '-' || (c >= '0' && c <= '9')))
            return bad(src.name, r.line, "bad word '" + std::string(tok) + "' (lower-case letters only)");
        if (tok.empty()) return bad(src.name, r.line, "empty word");
        std::string key = exact ? "=" + std::string(tok) : std::string(tok);
        p.lemmas.push_back(lex->intern(key));
        p.gap_before.push_back(gap);
        gap = false;
        if (exact) exact_lemmas.insert(key);
      }
      if (gap) return bad(src.name, r.line, "'..' at the end of a pattern");
      if (p.lemmas.empty()) return bad(src.name, r.line, "empty pattern");
      // A phrase may name its event both as a verb and as a noun ("protest", "riot": the noun's
      // doer is found differently), with one code.
      std::string dup_key = std::string(modality ? "cue:" : p.nominal ? "noun:" : "verb:") + p.text;
      if (!seen.insert(dup_key).second) return bad(src.name, r.line, "duplicate pattern '" + p.text + "'");
      if (!modality) {
        auto other = code_of.emplace(p.text, p.code).first;
        if (other->second != p.code)
          return bad(src.name, r.line, "pattern '" + p.text + "' has code " + other->second + " elsewhere");
      }
      lex->patterns_.push_back(std::move(p));
    }
  }
  // Every interned lemma gets its forms.
  for (const auto& [key, id] : lex->lemma_index_) {
    std::set<std::string> fs;
    if (key.front() == '=') fs.insert(key.substr(1));
    else {
      regular_forms(key, fs);
      auto it = irregular.find(key);
      if (it != irregular.end()) fs.insert(it->second.begin(), it->second.end());
    }
    for (const auto& f : fs) lex->form_index_[f].push_back(id);
  }
  // (in the lexicon's order, not the hash map's, so that matches come out in an order that
  // does not shift when the lexicon grows)
  for (auto& [form, ids] : lex->form_index_) std::sort(ids.begin(), ids.end());
  for (uint32_t i = 0; i < lex->patterns_.size(); ++i) lex->by_first_[lex->patterns_[i].lemmas[0]].push_back(i);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

void Lexicon::lemma_ids(std::string_view lower, std::vector<uint32_t>& out) const {
  auto it = form_index_.find(std::string(lower));
  if (it == form_index_.end()) return;
  for (uint32_t id : it->second)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
}

namespace {

bool number_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "two",  "three", "four",     "five",   "six",     "seven",   "eight",  "nine",     "ten",   "eleven",
      "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen",
      "dozens", "hundreds", "thousands", "millions", "scores", "several", "some", "about", "around", "nearly",
      "almost", "roughly", "approximately", "over", "least", "more", "than", "an", "estimated", "another"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  for (auto x : kWords)
    if (w == x) return true;
  return false;
}

// How many words from `from` on state a quantity: "230", "some 2,000", "at least 12",
// "dozens of". Zero when the word at `from` is none of them.
uint32_t quantity_words(const std::vector<std::string_view>& lower, uint32_t from) {
  uint32_t w = from, n = uint32_t(lower.size()), end = from;
  while (w < n) {
    if (lower[w] == "at" && w + 1 < n && lower[w + 1] == "least") w += 2;
    else if (number_word(lower[w])) ++w;
    else if (lower[w] == "of" && w > from && w + 1 < n && lower[w - 1].ends_with('s') && !number_word(lower[w + 1])) ++w;
    else break;
    end = w;
  }
  return end - from;
}

}  // namespace

std::vector<PatternMatch> Lexicon::match(const std::vector<std::vector<uint32_t>>& word_lemmas,
                                         const std::vector<std::string_view>& lower, const std::vector<int>& heads,
                                         const std::vector<std::string_view>& deprels) const {
  std::vector<PatternMatch> out;
  const uint32_t n = uint32_t(word_lemmas.size());
  auto has = [&](uint32_t w, uint32_t lemma) {
    const auto& ls = word_lemmas[w];
    return std::find(ls.begin(), ls.end(), lemma) != ls.end();
  };
  // Whether `w` hangs below `anchor` in the parse within a few hops, not through a coordinated
  // or loosely attached clause (acts of their own) or a clausal complement ("announced that he
  // will extend the curfew" does not announce a curfew).
  const bool parsed = heads.size() == n && deprels.size() == n;
  auto governed = [&](uint32_t w, uint32_t anchor) {
    if (!parsed) return false;
    int x = int(w);
    for (int hop = 0; hop < 5; ++hop) {
      if (deprels[x] == "conj" || deprels[x] == "parataxis" || deprels[x] == "ccomp") return false;
      int h = heads[x];
      if (h < 0 || h >= int(n)) return false;
      if (h == int(anchor)) return true;
      x = h;
    }
    return false;
  };
  // How far past the four-word window a governed word may stand.
  constexpr uint32_t kParsedReach = 12;
  // Where token k of `p` can stand after the word at `pos`: the words of its window (with a
  // parse, also the governed words past it), nearest first.
  auto candidates = [&](const Pattern& p, size_t k, uint32_t pos, uint32_t anchor, std::vector<uint32_t>& at,
                        uint32_t& windowed) {
    at.clear();
    // hyphens between the parts of a compound ("air-strike") are skipped
    uint32_t limit = pos + 1 + (p.gap_before[k] ? 4 : 0);
    // A count after "of" does not part the words of a pattern ("deployment of 230 troops",
    // "release of some 2,000 prisoners", "arrest of dozens of activists").
    if (!p.gap_before[k] && lower[pos] == "of") limit += quantity_words(lower, pos + 1);
    bool stopped = false;
    for (uint32_t w = pos + 1; w < n && w <= limit; ++w) {
      if (has(w, p.lemmas[k])) at.push_back(w);
      if (lower[w] == "-") ++limit;
      // The window ends where a clause begins ("killed when Taliban fighters attacked" is no
      // killing of fighters; "resume suicide bombings if talks fail" resumes no talks); the parse
      // may still reach past it, to a word the pattern's first governs.
      else if (lower[w] == "when" || lower[w] == "while" || lower[w] == "because" || lower[w] == "although" ||
               lower[w] == "whereas" || lower[w] == "who" || lower[w] == "which" || lower[w] == "if" ||
               lower[w] == "unless")
        break;
      else if (lower[w] == "." || lower[w] == ";" || lower[w] == "\"") {
        stopped = true;
        break;
      }
      // Nor past a time phrase's preposition, the parse either ("left Bonn after talks with
      // Kohl" leaves no talks; "met ahead of the summit" holds none).
      // ("following" is no stop: "released the following statement".)
      else if (p.gap_before[k] && (lower[w] == "after" || lower[w] == "before" || lower[w] == "ahead" ||
                                   lower[w] == "until" || lower[w] == "since" || lower[w] == "during")) {
        stopped = true;
        break;
      }
    }
    windowed = uint32_t(at.size());
    if (stopped || !p.gap_before[k] || !parsed) return;
    for (uint32_t w = limit + 1; w < n && w <= limit + kParsedReach; ++w) {
      if (lower[w] == "." || lower[w] == ";" || lower[w] == "\"") break;
      if (has(w, p.lemmas[k]) && governed(w, anchor)) at.push_back(w);
    }
  };
  // The end of the first way the rest of `p` (from token k) follows `pos`, or 0 for none:
  // "allow up to 13,000 refugees to return" tries the "to" of "up to" first, then the next.
  bool bridged = false;
  auto rest = [&](auto& self, const Pattern& p, size_t k, uint32_t pos, uint32_t anchor) -> uint32_t {
    if (k == p.lemmas.size()) return pos + 1;
    std::vector<uint32_t> at;
    uint32_t windowed = 0;
    candidates(p, k, pos, anchor, at, windowed);
    for (uint32_t c = 0; c < at.size(); ++c)
      if (uint32_t end = self(self, p, k + 1, at[c], anchor)) {
        bridged |= c >= windowed;
        return end;
      }
    return 0;
  };
  // "Sanctions were imposed on ...", "diplomatic ties were established": in the passive, the
  // object of a verb-and-object pattern ("impose .. sanction") stands before the verb as its
  // subject. The match is the verb's alone; what it acts on is said.
  std::vector<int> passive_subject(parsed ? n : 0, -1);
  for (uint32_t c = 0; c < passive_subject.size(); ++c)
    if (deprels[c] == "nsubj:pass" && heads[c] > int(c) && heads[c] < int(n)) passive_subject[heads[c]] = int(c);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t first : word_lemmas[i]) {
      auto it = by_first_.find(first);
      if (it == by_first_.end()) continue;
      for (uint32_t pi : it->second) {
        bridged = false;
        const Pattern& p = patterns_[pi];
        if (uint32_t end = rest(rest, p, 1, i, i)) out.push_back({pi, i, end, i, bridged});
        else if (!passive_subject.empty() && passive_subject[i] >= 0 && p.lemmas.size() == 2 && p.gap_before[1] &&
                 !p.nominal && has(uint32_t(passive_subject[i]), p.lemmas[1]))
          out.push_back({pi, i, i + 1, i, false});
      }
    }
  }
  return out;
}

std::string Lexicon::intent_code(std::string_view code) const {
  for (const auto& [prefix, intent] : intent_)
    if (code.starts_with(prefix)) return intent;
  return "";
}

std::string Lexicon::refusal_code(std::string_view code) const {
  for (const auto& [prefix, refusal] : refusal_)
    if (code.starts_with(prefix)) return refusal;
  return "";
}

std::vector<std::pair<std::string, size_t>> Lexicon::counts_per_root() const {
  std::map<std::string, size_t> m;
  for (const auto& p : patterns_)
    if (p.kind == PatternKind::Event && p.code != "-") ++m[p.code.substr(0, 2)];
  return {m.begin(), m.end()};
}

}  // namespace sitrep::code

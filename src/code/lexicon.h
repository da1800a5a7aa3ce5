// code: the event lexicon. Patterns over lemmas from data/lexicon/*.tsv, compiled once into an
// immutable matcher: verb and noun-phrase patterns that name an event (each with a CAMEO code),
// and the cue phrases the coder reads modality and reported speech from.
//
// Pattern syntax (one per line, tab-separated `code  pattern  flags`):
//   hold .. talk        lemmas, each matching any inflection ("held", "talks"); ".." lets up
//                       to four words stand between its neighbours ("held lengthy phone talks")
//   =us                 a form matched exactly, never inflected
//   flags: sym (symmetric: compound actors code both directions), noun (nominal event: source
//          from "by"/possessive/adjective, target from "on"/"against"), say (reporting verb),
//          finite (not as a bare participle), topic (the object is the subject matter, not a party),
//          intrans (names the event only without a direct object), armed (an act of armed sides:
//          none when civilians or refugees do it, "refugees crossed the border"), target (an
//          event only when done to a named actor: "eliminated overtime" is no killing), bare (no
//          event when the verb says what its object is: "called Assad a dictator")
//   an optional fourth column names where an imported pattern came from (its origin)
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code/ontology.h"
#include "core/error.h"

namespace sitrep::code {

enum class PatternKind : uint8_t { Event, Negation, Planned, Intent, Report, Hypothetical };
const char* to_string(PatternKind k);

struct Pattern {
  PatternKind kind = PatternKind::Event;
  std::string code;  // CAMEO code for events
  std::string text;  // as written, for explanations
  std::vector<uint32_t> lemmas;  // lemma ids
  std::vector<bool> gap_before;  // gap_before[i]: ".." before token i
  bool symmetric = false, nominal = false;
  bool finite = false;  // flag 'finite': not as a bare participle on a noun or opening a sentence
  bool topic = false;   // flag 'topic': the object is what is talked of, not a party ("discussed Syria")
  bool intrans = false; // flag 'intrans': no event with a direct object ("demonstrated dedication")
  bool armed = false;   // flag 'armed': an act of armed sides only, none of civilians or refugees
  bool needs_target = false;  // flag 'target': an event only when done to a named actor
  bool bare = false;    // flag 'bare': no event when the verb says what its object is ("called Assad a liar")
  std::string origin;  // "lexicon/verbs.tsv:12"
};

// One pattern found in a sentence: words [begin, end) relative to the sentence.
struct PatternMatch {
  uint32_t pattern = 0;
  uint32_t begin = 0, end = 0;
  uint32_t anchor = 0;  // the word the pattern is about (its first token)
  bool bridged = false;  // a '..' reached past its four words through the parse
};

struct LexiconSource {
  std::string name;  // "lexicon/verbs.tsv"
  std::string_view text;
};

class Lexicon {
 public:
  // Compiles the embedded data/lexicon files against the ontology. Any unknown code, duplicate
  // pattern or bad syntax is an Error naming file:line.
  static Expected<std::shared_ptr<const Lexicon>> load_embedded(const Ontology& ontology);
  // The embedded cue phrases (modality, reporting verbs) and forms, with the given event
  // patterns instead of data/lexicon's verbs and nouns (e.g. an imported PETRARCH verb
  // dictionary, code/petrarch_verbs.h); `extra_forms` are forms.tsv rows without a header.
  static Expected<std::shared_ptr<const Lexicon>> load_with_events(const Ontology& ontology,
                                                                   const std::vector<LexiconSource>& events,
                                                                   std::string_view extra_forms);
  static Expected<std::shared_ptr<const Lexicon>> compile(const std::vector<LexiconSource>& sources,
                                                          std::string_view forms, std::string_view intent,
                                                          const Ontology& ontology);

  // Lemma ids a word can stand for (by its lower-cased form, or the parser's lemma).
  void lemma_ids(std::string_view lower, std::vector<uint32_t>& out) const;
  // All matches in a sentence given each word's lemma ids; longest-first, overlapping allowed.
  // With a parse (`heads`: each word's head in the sentence, -1 for the root; `deprels` its
  // relation), a '..' may also span more than four words to a word the pattern's first word
  // governs ("allow up to 13,000 refugees who fled ... to return").
  std::vector<PatternMatch> match(const std::vector<std::vector<uint32_t>>& word_lemmas,
                                  const std::vector<std::string_view>& lower, const std::vector<int>& heads = {},
                                  const std::vector<std::string_view>& deprels = {}) const;

  const Pattern& pattern(uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }
  // The intent code for a realized event code ("046" -> "036"), "" when none.
  std::string intent_code(std::string_view code) const;
  // The rejection a stated unwillingness to do it is ("081" -> "1241"), "" when none.
  std::string refusal_code(std::string_view code) const;
  // Patterns per CAMEO root ("04" -> 312), for reports.
  std::vector<std::pair<std::string, size_t>> counts_per_root() const;

 private:
  uint32_t intern(const std::string& lemma);
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, uint32_t> lemma_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> form_index_;  // surface form -> lemma ids
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_first_;  // first lemma -> patterns
  std::vector<std::pair<std::string, std::string>> intent_;       // (prefix, intent code)
  std::vector<std::pair<std::string, std::string>> refusal_;      // (prefix, rejection code)
};

}  // namespace sitrep::code

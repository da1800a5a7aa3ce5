// code: the sentence-level rules behind Coder::code (code.h). A SentenceView is the coder's own
// small picture of one sentence, filled from whatever the nlp stage provides: words with their
// lower-cased forms, lemma ids, heads (when parsed) and the linker's actor mentions over them.
// find_events reads predicates, actors, modality and attribution from it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "code/code.h"
#include "kb/kb.h"
#include "kb/linker.h"
#include "nlp/analysis.h"

namespace sitrep::code {

struct DocContext {
  std::string_view body;
  const nlp::Analysis& an;
  const std::vector<kb::LinkedMention>& mentions;
  const Lexicon& lexicon;
  const Ontology& ontology;
  const kb::Kb* kb;  // null without a linker
  // For a plural reference ("the two leaders", "both sides") split into two mentions, the other
  // half of each; -1 elsewhere. Null when none were resolved.
  const std::vector<int>* partner = nullptr;
  // Code a predicate whose actors the sentence does not name ("Two suspects were arrested",
  // "Protests erupted in the capital"): CoderOptions::actorless_events.
  bool actorless = false;
  // A transcript's turns: where each speaker label starts and the mention naming its speaker (-1
  // for a label naming no one known, "Q:"), in text order. Null or empty in other documents.
  const std::vector<std::pair<uint32_t, int>>* turns = nullptr;
};

// The speaker of the transcript turn holding byte `at` (a mention index), -1 outside any.
int turn_speaker(const DocContext& ctx, uint32_t at);

// Resolves plural references to the two actors last named before them: "the two leaders",
// "both presidents", "the two countries". Each becomes two mentions over its words (the number
// word and the noun) inserted into `mentions` in text order; returns the partner of every mention.
std::vector<int> resolve_pairs(std::string_view body, std::vector<kb::LinkedMention>& mentions);

struct WordView {
  Span span;
  std::string lower;
  std::vector<uint32_t> lemmas;  // lexicon lemma ids
  int head = -1;                 // within the sentence; -1 root or no parse
  std::string_view deprel;       // UD relation to the head ("nsubj", "obl"); empty without a parse
  int mention = -1;              // index into DocContext::mentions covering this word
};

struct SentenceView {
  uint32_t index = 0, begin = 0, end = 0;  // bytes in the body
  std::vector<WordView> words;
  std::vector<int> mentions;  // mention indices inside the sentence, in order
  bool question = false;
  bool parsed = false;  // heads and deprels are set
};

// One coded predicate before it becomes an EventMention; indices are mention indices or -1.
struct Predicate {
  std::string code;
  uint32_t pattern = 0, begin = 0, end = 0, anchor = 0;  // words within the sentence
  int source = -1, target = -1, speaker = -1, place = -1;
  int date_word = -1;  // word to date by when not the anchor (report verb of a stated intent)
  Modality modality = Modality::Asserted;
  double confidence = 0;
};

ActorRef actor_of(const kb::Kb& kb, const kb::LinkedMention& m, std::string_view text);
// Arguments of a verbal predicate read from the dependency tree: subject (or the passive's
// agent) and its conjuncts as sources; objects and with/against/to/on phrases as targets.
// found is false when the tree names no actor subject, and the window rules take over.
struct TreeArgs {
  std::vector<int> sources, targets;  // mention indices
  int place = -1;
  int subject = -1;  // the subject word, even when it names no actor ("it", "he")
  bool passive = false, found = false;
  // A passive with no auxiliary at all: a headline's ("soldiers killed in ..."), a participle
  // on its noun ("soldiers killed by shelling") or one joined to a passive verb ("were attacked
  // and killed"). The window rules read it as passive too.
  bool reduced_passive = false;
};
// pat, when given, refines the reading: an act done to someone (coercion, force) is shared by a
// participle joined to a passive verb ("are attacked, persecuted and killed"); a pattern flagged
// 'topic' takes no target from its object ("discussed Syria").
TreeArgs tree_arguments(const DocContext& ctx, const SentenceView& sv, uint32_t begin, uint32_t end, uint32_t anchor,
                        const Pattern* pat = nullptr);

SentenceView build_sentence(const DocContext& ctx, size_t sentence);
std::vector<Predicate> find_events(const DocContext& ctx, const SentenceView& sv);
// Direct quotations in the sentence with their speaker; `last_speaker` carries "he said"
// back to the person last named as speaking.
void find_quotes(const DocContext& ctx, const SentenceView& sv, std::vector<Quote>& quotes,
                 std::optional<ActorRef>& last_speaker);

}  // namespace sitrep::code

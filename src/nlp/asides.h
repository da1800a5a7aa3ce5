// Asides: runs of words the parser reads apart from their sentence. News writes two constructions
// that the treebanks the parser learns from hardly show, and a wrong parse of either loses the
// event's doer: a time phrase between a subject and its verb ("Putin on Monday called Erdogan",
// "Israeli troops last week killed ...") and a title with its modifiers before a name ("Russian
// President Vladimir Putin", "US Secretary of State Mike Pompeo"); and a third it often gets
// wrong: a relative clause in commas between a subject and its verb ("Abrams, who said ...,
// called it"). The parser reads the sentence without them ("Putin called Erdogan"), then each
// aside on its own, and attaches the aside's root where the construction says: a time phrase to
// its clause's verb (obl, or obl:unmarked without a preposition), a title to the name's head
// (nmod:desc), a relative clause to the name before it (acl:relcl, its commas punct), as UD
// English does.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

class Parser;

struct Aside {
  enum Kind : uint8_t { kTime, kTitle, kRelative };
  uint32_t begin = 0, end = 0;  // [begin, end) word indices within the sentence
  uint32_t anchor = 0;  // the word it attaches to: a title the name after it, a time phrase the verb after it
                        // (or that verb's head, if an auxiliary), a relative clause the name before it
  Kind kind = kTime;
  uint32_t head = 0;  // a title aside's title word ("President"; "Secretary" of "Secretary of State")
};

// The relations asides use, looked up by name in the model's label set; `ok` is false when the
// model lacks one of them (then no sentence is parsed in parts).
struct AsideLabels {
  uint16_t obl = 0, obl_unmarked = 0, nmod_desc = 0, aux = 0, aux_pass = 0, cop = 0, case_ = 0, advmod = 0, amod = 0,
           det = 0, compound = 0, nmod = 0, acl_relcl = 0, punct = 0;
  bool ok = false;
  static AsideLabels find(const LabelNames& names);
};

// The asides of one sentence, ascending and disjoint. forms, upos and xpos (tag names) are the
// sentence's words.
std::vector<Aside> find_asides(std::span<const std::string_view> forms, std::span<const Upos> upos,
                               std::span<const std::string_view> xpos);

// Parses the sentence as the parser would, but with `asides` read apart (see above). heads: -1
// for the root, else a word index within the sentence; labels index the model's relations.
void parse_with_asides(const Parser& parser, std::span<const WordKeys> words, std::span<const uint16_t> tags,
                       std::span<const Upos> upos, std::span<const Aside> asides, const AsideLabels& rel,
                       std::span<int32_t> heads, std::span<uint16_t> labels);

}  // namespace sitrep::nlp

// Asides: runs of words the parser reads apart from their sentence. News writes two constructions
// that the treebanks the parser learns from hardly show, and a wrong parse of either loses the
// event's doer: a time phrase between a subject and its verb ("Putin on Monday called Erdogan",
// "Israeli troops last week killed ...") and a title with its modifiers before a name ("Russian
// President Vladimir Putin", "US Secretary of State Mike Pompeo"); and a third it often gets
// wrong: a relative clause in commas between a subject and its verb ("Abrams, who said ...,
// called it"), and a fourth, an apposition in commas or dashes there ("Brent crude, the world
// benchmark, fell"; "Ayelet Shaked, a member of the Jewish Home party, told"), and a fifth, a
// reporting clause in commas there ("Its pilots, the Russians said, appear to have ejected").
// The parser reads the sentence without them ("Putin called Erdogan"), then each
// aside on its own, and attaches the aside's root where the construction says: a time phrase to
// its clause's verb (obl, or obl:unmarked without a preposition), a title to the name's head
// (nmod:desc), a relative clause to the name before it (acl:relcl, its commas punct), an
// apposition likewise (appos), a reporting clause to the verb after it (parataxis), as UD
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
  enum Kind : uint8_t { kTime, kTitle, kRelative, kAppos, kReport };
  uint32_t begin = 0, end = 0;  // [begin, end) word indices within the sentence
  uint32_t anchor = 0;  // the word it attaches to: a title the name after it, a time phrase the verb after it
                        // (or that verb's head, if an auxiliary), a relative clause or an apposition the
                        // name before it, a reporting clause the verb after it
  Kind kind = kTime;
  uint32_t head = 0;  // a title aside's title word ("President"; "Secretary" of "Secretary of State")
};

// The relations asides use, looked up by name in the model's label set; `ok` is false when the
// model lacks one of them (then no sentence is parsed in parts).
struct AsideLabels {
  uint16_t obl = 0, obl_unmarked = 0, nmod_desc = 0, aux = 0, aux_pass = 0, cop = 0, case_ = 0, advmod = 0, amod = 0,
           det = 0, compound = 0, nmod = 0, acl_relcl = 0, punct = 0, acl = 0, obj = 0, nsubj = 0, nsubj_pass = 0,
           mark = 0, xcomp = 0, expl = 0, appos = 0, ccomp = 0, parataxis = 0, advcl = 0, iobj = 0;
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

// A reduced relative that is the sentence's verb. News often starts with a plain subject and a
// regular past tense that reads as a participle ("Democrats blasted Trump for ...", "Around 5,000
// protesters in the capital stormed the embassies"); the greedy tagger and parser read a reduced
// relative on a nominal root ("protesters [stormed ...]"), and the event loses its verb. A
// participle cannot take a direct object in the passive, save the few verbs of giving, naming and
// telling ("a man named Smith", "refugees denied asylum"), so such a relative on the root, with
// an object after it and no subject, auxiliary or marker of its own, is the past tense. Returns
// that word's index within the sentence, or -1. heads: -1 for the root.
int reduced_relative_verb(std::span<const std::string_view> forms, std::span<const Upos> upos,
                          std::span<const std::string_view> xpos, std::span<const int32_t> heads,
                          std::span<const uint16_t> labels, const AsideLabels& rel);

// The converse: a participle read as the past tense. In "the man detained on Monday was
// released" the greedy tagger, which cannot see "was" coming, may read "detained" as the past
// tense, and the parser then makes "the man" its subject and hangs "was released" on it as a
// clause without a subject ("the soldier killed in the attack was buried": the soldier killed).
// A past tense right after its common or proper noun subject, with no object, whose words up to a
// later finite verb (or finite auxiliary) are all its own, that later verb being its advcl or
// parataxis with no subject or marker of its own and nothing between that opens a clause
// (punctuation, a conjunction, a wh-word), is the participle. Returns that word's index or -1.
int garden_path_past(std::span<const std::string_view> forms, std::span<const Upos> upos,
                     std::span<const std::string_view> xpos, std::span<const int32_t> heads,
                     std::span<const uint16_t> labels, const AsideLabels& rel);

}  // namespace sitrep::nlp

// Readers for the training and evaluation formats: CoNLL-U (UD treebanks) and the IOB2 files
// of Universal NER. Malformed input is an Error naming the file and line.
#pragma once
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace sitrep::nlp {

struct UdWord {
  std::string form, lemma, upos, xpos, deprel;
  int head = 0;  // 0 = root, else 1-based word index
  bool space_after = true;
  std::string entity;  // the MISC Entity= value (GUM's entity brackets), empty when none
};

struct UdToken {  // a multi-word token ("don't" over words do + n't)
  int first = 0, last = 0;  // 1-based word range, inclusive
  std::string form;
  bool space_after = true;
};

struct UdSentence {
  std::string sent_id, text, doc_id;
  bool new_doc = false, new_par = false;
  std::vector<UdWord> words;
  std::vector<UdToken> multiword;
};

Expected<std::vector<UdSentence>> read_conllu(const std::string& path);

// The raw text of a treebank's sentences as the CoNLL 2018 scorer reads it: each sentence's
// `# text` (else its forms and SpaceAfter), joined by a space, or a blank line before a new
// paragraph or document. spans, if given, receives where each sentence's text begins and ends.
std::string joined_text(std::span<const UdSentence* const> sents,
                        std::vector<std::pair<size_t, size_t>>* spans = nullptr);
std::string sentence_text(const UdSentence& s);

struct NerSentence {
  std::string text;
  bool new_doc = false;  // a "# newdoc" comment came before it
  std::vector<std::string> words;
  std::vector<std::string> tags;  // "O", "B-PER", "I-LOC"; types other than PER/ORG/LOC become O
};

Expected<std::vector<NerSentence>> read_iob2(const std::string& path);

// Named entities from GUM's entity layer (MISC Entity=, e.g. "(8-organization-new-...", "8)"):
// person, place and organization mentions whose syntactic head is a proper noun (PROPN), narrowed
// to the name around that head - PROPN words and, after the sentence's first word, capitalized
// words, joined by "of", "the", "'s", "&", "-" and the like only between two name words; a leading
// title ("Mr.", "President") is dropped from a person's name, and a person headed by a title or a
// plural name ("Americans") names nobody. A mention headed by a common noun gives the name ending
// it ("illustrator Johnnie Christmas") unless a smaller mention covers part of that name (as
// France in "the president of France"). Narrowed names are flattened, the
// outermost mention first and no two overlapping, and given as PER / LOC / ORG in IOB2, the shape
// of UNER's annotation ("the president" and "Obama's" give no name, "Obama" does). Every sentence
// comes back, all O when it names nothing; new_doc as in the CoNLL-U.
std::vector<NerSentence> gum_named_entities(const std::vector<UdSentence>& sentences);

}  // namespace sitrep::nlp

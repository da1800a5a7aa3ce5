// Rule-based sentence splitter over the tokenizer's output. Handles abbreviations ("Mr.",
// "U.S. Government" vs "the U.S. How"), closing quotes after the period ("...," he said.),
// ellipses, "!?" runs, enumerated lists ("1.) ... 2.) ..."), blank lines and headline-like
// lines without final punctuation. A model's learned part then ends sentences the rules leave
// going: web text often has none of those signs ("thanks I've tried calling them").
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/features.h"

namespace sitrep::nlp {

class Scorer;

// The sentence part of a model: a scorer with two classes (0 = go on, 1 = a sentence ends) over
// boundary_features() at the gaps the rules leave open.
constexpr uint8_t kSentencePartVersion = 1;
// How much more the "ends" score must be (EWT dev raw text: LAS 80.45 against 80.47 with 0,
// and about half as many new sentences in news, whose punctuation is reliable).
constexpr float kBoundaryMargin = 2.0f;

// Sets a.sentence_starts from a.tokens / a.words (tokenize() first). With `boundaries` (a
// model's sentence part), a gap the rules leave open also ends a sentence where it scores so.
void split_sentences(std::string_view text, Analysis& a, const Scorer* boundaries = nullptr);

// For the trainer and the splitter: the gaps after each token that the rules leave open
// (1; the last token has none) and the features of the gap after token k. keys[i] is
// word_keys() of token i.
std::vector<char> open_gaps(std::string_view text, const std::vector<Span>& tokens);
void boundary_features(std::string_view text, const std::vector<Span>& tokens, std::span<const WordKeys> keys,
                       std::span<const char> open, size_t k, std::vector<FeatureKey>& out);

}  // namespace sitrep::nlp

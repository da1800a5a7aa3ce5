// Transition-based dependency parser, arc-hybrid system (Kuhlmann et al. 2011) with labelled
// arcs and a single root, greedy decoding. Trained with a dynamic oracle (train_parser.cpp).
// Actions: 0 = SHIFT, 1 + 2*label = LEFT-label, 2 + 2*label = RIGHT-label.
#pragma once
#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "nlp/scorer.h"

namespace sitrep::nlp {

// The parser part: the number of relations, then the scorer over parser_features().
constexpr uint8_t kParserPartVersion = 1;

// Parser configuration over words 1..n (0 is the artificial root).
struct ParseState {
  explicit ParseState(size_t n);
  size_t n;
  std::vector<int> stack;
  int b = 1;  // front of the buffer; > n when empty
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nleft, nright;

  bool terminal() const { return b > int(n) && stack.size() == 1; }
  bool can_shift() const { return b <= int(n); }
  bool can_left() const { return stack.size() >= 2 && b <= int(n); }
  bool can_right() const { return stack.size() >= 2 && (stack[stack.size() - 2] != 0 || b > int(n)); }
  bool valid(uint32_t action) const;
  void apply(uint32_t action);
  int s(size_t i) const { return i < stack.size() ? stack[stack.size() - 1 - i] : -1; }

 private:
  void arc(int h, int d, int l);
};

// Words are indexed 0..n-1 here; tags are the tagger's class ids.
void parser_features(const ParseState& st, std::span<const WordKeys> words, std::span<const uint16_t> tags,
                     std::vector<FeatureKey>& out);

// Beam search over the greedy-trained scores: the beam holds up to `beam` parses, each scored by
// its actions' log-probabilities (a softmax over the valid actions' scores divided by
// kBeamTemperature times the scorer's weight scale, which calibrates the perceptron's raw sums:
// chosen on EWT dev and GUM dev for models/en.sitrep, LAS +1.5 / +1.2 there), and drops those
// more than kBeamMargin below the best.
// A beam of 1 is the greedy parser (ModelOptions in nlp.h sets the width; `--beam` on the command line).
constexpr double kBeamTemperature = 8.4, kBeamMargin = 2.0;

class Parser {
 public:
  Parser(std::unique_ptr<const Scorer> scorer, uint32_t labels, size_t beam = 1)
      : scorer_(std::move(scorer)),
        labels_(labels),
        beam_(std::max<size_t>(beam, 1)),
        // (Only a beam needs the weight scale, which reads every weight.)
        inv_temperature_(beam_ > 1 ? 1.0 / (kBeamTemperature * scorer_->weight_scale()) : 0.0) {}
  // heads: -1 for the root, else a word index within the sentence.
  void parse(std::span<const WordKeys> words, std::span<const uint16_t> tags, std::span<int32_t> heads,
             std::span<uint16_t> labels) const;

 private:
  void parse_beam(std::span<const WordKeys> words, std::span<const uint16_t> tags, std::span<int32_t> heads,
                  std::span<uint16_t> labels) const;
  static void write_result(const ParseState& st, std::span<int32_t> heads, std::span<uint16_t> labels);
  std::unique_ptr<const Scorer> scorer_;
  uint32_t labels_;
  size_t beam_;
  double inv_temperature_;
};

}  // namespace sitrep::nlp

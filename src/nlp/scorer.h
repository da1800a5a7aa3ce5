// The scorer interface: sparse features in, one score per class out. Components (tagger,
// parser, NER) only talk to this interface, so a stronger scorer (a small neural network over
// the same feature keys) can replace the linear one without touching them.
#pragma once
#include <cstdint>
#include <memory>
#include <span>

#include "nlp/features.h"
#include "nlp/model_file.h"

namespace sitrep::nlp {

class Scorer {
 public:
  virtual ~Scorer() = default;
  virtual uint32_t classes() const = 0;
  // scores must have classes() entries; they are overwritten.
  virtual void score(std::span<const FeatureKey> features, std::span<float> scores) const = 0;
  // A typical size of one feature's contribution to a score (for the linear scorer, the root mean
  // square of its weights): the unit in which a caller turning scores into probabilities sets its
  // temperature, so that it holds for models trained with other data or epochs.
  virtual double weight_scale() const { return 1.0; }
};

// Scorer kinds stored in a component's part, so the loader knows which one to build.
enum class ScorerKind : uint64_t { Linear = 1 };

// Reads a scorer written by write_linear_scorer() (the trainer side, perceptron.h).
std::unique_ptr<const Scorer> read_scorer(PartReader& in);

}  // namespace sitrep::nlp

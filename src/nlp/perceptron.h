// Trainer side of the linear scorer: an averaged perceptron over sparse feature keys
// (Collins 2002; averaging by lazy timestamps). write() quantizes the averaged weights to
// 16 bits, drops the ones that round to zero and lays them out for the runtime scorer.
#pragma once
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "nlp/features.h"
#include "nlp/model_file.h"

namespace sitrep::nlp {

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t classes) : classes_(classes) { weights_.reserve(1 << 20); }
  uint32_t classes() const { return classes_; }
  // Scores with the current (not averaged) weights, as training needs.
  void score(std::span<const FeatureKey> features, std::span<float> scores) const;
  // One example seen: advances the averaging clock.
  void tick() { ++clock_; }
  void update(std::span<const FeatureKey> features, uint32_t gold, uint32_t guess);
  // Adds `delta` to the weights of `features` for class `cls` (structured updates).
  void add(std::span<const FeatureKey> features, uint32_t cls, float delta) {
    for (FeatureKey f : features) add(f, cls, delta);
  }
  // The averaged weights per feature, (class, weight) pairs.
  using Averaged = std::unordered_map<FeatureKey, std::vector<std::pair<uint16_t, double>>>;
  // Adds factor times this perceptron's averaged weights to `into` (parameter mixing: the mean of
  // perceptrons trained on different orders of the same data scores as one linear model).
  void accumulate(Averaged& into, double factor) const;
  // Writes ScorerKind::Linear; weights with |w| < prune * max|w| are dropped.
  void write(PartWriter& out, double prune) const;
  static void write(const Averaged& weights, uint32_t classes, PartWriter& out, double prune);
  size_t feature_count() const { return weights_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    uint64_t stamp;
  };
  void add(FeatureKey f, uint32_t cls, float delta);
  uint32_t classes_;
  uint64_t clock_ = 1;
  std::unordered_map<FeatureKey, std::vector<Entry>> weights_;
};

}  // namespace sitrep::nlp

// The linear scorer: an open-addressing table from feature key to a run of (class, weight)
// entries. Perceptron weight vectors are sparse per feature (only classes the feature was
// confused between get weights), so the runs are short and the file small.
#include <algorithm>

#include "nlp/linear_tables.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {
namespace {

class LinearScorer final : public Scorer {
 public:
  LinearScorer(uint32_t classes, float scale, std::span<const LinearSlot> slots, std::span<const LinearEntry> entries)
      : classes_(classes), scale_(scale), slots_(slots), entries_(entries), mask_(slots.size() - 1) {}
  uint32_t classes() const override { return classes_; }
  void score(std::span<const FeatureKey> features, std::span<float> scores) const override {
    int32_t acc[1024];
    std::fill(acc, acc + classes_, 0);
    for (FeatureKey f : features) {
      for (size_t i = f & mask_;; i = (i + 1) & mask_) {
        const LinearSlot& s = slots_[i];
        if (s.key == f) {
          for (uint32_t e = s.begin, end = s.begin + s.count; e < end; ++e) acc[entries_[e].cls] += entries_[e].weight;
          break;
        }
        if (s.key == 0) break;
      }
    }
    for (uint32_t c = 0; c < classes_; ++c) scores[c] = float(acc[c]) * scale_;
  }

 private:
  uint32_t classes_;
  float scale_;
  std::span<const LinearSlot> slots_;
  std::span<const LinearEntry> entries_;
  size_t mask_;
};

}  // namespace

std::unique_ptr<const Scorer> read_scorer(PartReader& in) {
  if (ScorerKind(in.u64()) != ScorerKind::Linear) return nullptr;
  uint64_t classes = in.u64();
  auto scale = in.array<float>();
  auto slots = in.array<LinearSlot>();
  auto entries = in.array<LinearEntry>();
  if (!in.ok() || classes == 0 || classes > 1024 || scale.size() != 1 || slots.empty() ||
      (slots.size() & (slots.size() - 1)) != 0)
    return nullptr;
  // Exact-length and range checks, so a damaged table cannot index out of bounds later.
  bool has_empty = false;
  for (const auto& s : slots) {
    if (s.key == 0) {
      has_empty = true;
      continue;
    }
    if (uint64_t(s.begin) + s.count > entries.size()) return nullptr;
  }
  if (!has_empty) return nullptr;
  for (const auto& e : entries)
    if (e.cls >= classes) return nullptr;
  return std::make_unique<LinearScorer>(uint32_t(classes), scale[0], slots, entries);
}

}  // namespace sitrep::nlp

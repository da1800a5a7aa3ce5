// The linear scorer: an open-addressing table from feature key to a run of (class, weight)
// entries (or, for features that touch many classes, a dense row). Perceptron weight vectors
// are sparse per feature (only classes the feature was confused between get weights), so most
// runs are short and the file small.
#include <algorithm>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nlp/linear_tables.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {
namespace {

constexpr uint32_t kDenseFlag = 0x80000000u;

// Adds a dense int16 row into the int32 accumulators; SSE2 is the x86-64 baseline.
inline void add_row(int32_t* acc, const int16_t* row, uint32_t padded) {
#ifdef __SSE2__
  for (uint32_t c = 0; c < padded; c += 8) {
    __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c));
    __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16), hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
    __m128i* a = reinterpret_cast<__m128i*>(acc + c);
    _mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), lo));
    _mm_storeu_si128(a + 1, _mm_add_epi32(_mm_loadu_si128(a + 1), hi));
  }
#else
  for (uint32_t c = 0; c < padded; ++c) acc[c] += row[c];
#endif
}

class LinearScorer final : public Scorer {
 public:
  LinearScorer(uint32_t classes, float scale, std::span<const LinearSlot> slots, std::span<const LinearEntry> entries)
      : classes_(classes), padded_((classes + 7) & ~7u), scale_(scale), entries_(entries), mask_(slots.size() - 1) {
    // Features that touch many classes (the bias, frequent tags) become dense rows summed with
    // SIMD; the rest stay sparse runs in the mapped file. Built once at load time.
    slots_.assign(slots.begin(), slots.end());
    for (LinearSlot& s : slots_) {
      if (s.key == 0 || s.count * 6 < classes_) continue;
      uint32_t row = uint32_t(dense_.size());
      dense_.resize(dense_.size() + padded_, 0);
      for (uint32_t e = s.begin; e < s.begin + s.count; ++e) dense_[row + entries_[e].cls] = entries_[e].weight;
      s.begin = row;
      s.count = kDenseFlag;
    }
  }
  uint32_t classes() const override { return classes_; }
  void score(std::span<const FeatureKey> features, std::span<float> scores) const override {
    alignas(16) int32_t acc[1024 + 8];
    std::fill(acc, acc + padded_, 0);
    // Table lookups are cache misses; issuing them all before using any lets them overlap.
    constexpr size_t kBatch = 32;
    const LinearSlot* found[kBatch];
    for (size_t base = 0; base < features.size(); base += kBatch) {
      size_t n = std::min(kBatch, features.size() - base);
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[features[base + k] & mask_]);
      size_t hits = 0;
      for (size_t k = 0; k < n; ++k) {
        FeatureKey f = features[base + k];
        for (size_t i = f & mask_;; i = (i + 1) & mask_) {
          const LinearSlot& s = slots_[i];
          if (s.key == f) {
            found[hits++] = &s;
            __builtin_prefetch(s.count == kDenseFlag ? static_cast<const void*>(dense_.data() + s.begin)
                                                     : static_cast<const void*>(entries_.data() + s.begin));
            break;
          }
          if (s.key == 0) break;
        }
      }
      for (size_t k = 0; k < hits; ++k) {
        const LinearSlot& s = *found[k];
        if (s.count == kDenseFlag) {
          add_row(acc, dense_.data() + s.begin, padded_);
        } else {
          for (uint32_t e = s.begin, end = s.begin + s.count; e < end; ++e) acc[entries_[e].cls] += entries_[e].weight;
        }
      }
    }
    for (uint32_t c = 0; c < classes_; ++c) scores[c] = float(acc[c]) * scale_;
  }

 private:
  uint32_t classes_, padded_;
  float scale_;
  std::vector<LinearSlot> slots_;
  std::vector<int16_t> dense_;
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
    if (uint64_t(s.begin) + s.count > entries.size() || s.count >= 0x80000000u) return nullptr;
  }
  if (!has_empty) return nullptr;
  for (const auto& e : entries)
    if (e.cls >= classes) return nullptr;
  return std::make_unique<LinearScorer>(uint32_t(classes), scale[0], slots, entries);
}

}  // namespace sitrep::nlp

#include "nlp/perceptron.h"

#include <algorithm>
#include <cmath>

#include "nlp/linear_tables.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

void AveragedPerceptron::score(std::span<const FeatureKey> features, std::span<float> scores) const {
  std::fill(scores.begin(), scores.begin() + classes_, 0.f);
  for (FeatureKey f : features) {
    auto it = weights_.find(f);
    if (it == weights_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void AveragedPerceptron::add(FeatureKey f, uint32_t cls, float delta) {
  auto& v = weights_[f];
  for (Entry& e : v)
    if (e.cls == cls) {
      e.total += double(clock_ - e.stamp) * e.w;
      e.stamp = clock_;
      e.w += delta;
      return;
    }
  v.push_back({uint16_t(cls), delta, 0.0, clock_});
}

void AveragedPerceptron::update(std::span<const FeatureKey> features, uint32_t gold, uint32_t guess) {
  if (gold == guess) return;
  for (FeatureKey f : features) {
    add(f, gold, 1.f);
    add(f, guess, -1.f);
  }
}

void AveragedPerceptron::accumulate(Averaged& into, double factor) const {
  for (const auto& [key, entries] : weights_) {
    auto& dst = into[key];
    for (const Entry& e : entries) {
      double v = factor * (e.total + double(clock_ - e.stamp) * e.w) / double(clock_);
      auto at = std::find_if(dst.begin(), dst.end(), [&](const auto& p) { return p.first == e.cls; });
      if (at == dst.end())
        dst.push_back({e.cls, v});
      else
        at->second += v;
    }
  }
}

void AveragedPerceptron::write(PartWriter& out, double prune) const {
  Averaged a;
  accumulate(a, 1.0);
  write(a, classes_, out, prune);
}

void AveragedPerceptron::write(const Averaged& weights, uint32_t classes, PartWriter& out, double prune) {
  // Quantize against the largest weight.
  struct Avg {
    FeatureKey key;
    std::vector<std::pair<uint16_t, double>> w;
  };
  std::vector<Avg> avg;
  avg.reserve(weights.size());
  double max_abs = 1e-9;
  for (const auto& [key, entries] : weights) {
    Avg a{key, {}};
    for (auto [cls, v] : entries) {
      if (v != 0) a.w.push_back({cls, v});
      max_abs = std::max(max_abs, std::abs(v));
    }
    if (!a.w.empty()) avg.push_back(std::move(a));
  }
  std::sort(avg.begin(), avg.end(), [](const Avg& a, const Avg& b) { return a.key < b.key; });
  double scale = max_abs / 32767.0, cut = prune * max_abs;
  std::vector<LinearEntry> entries;
  std::vector<std::pair<FeatureKey, std::pair<uint32_t, uint32_t>>> runs;
  for (auto& a : avg) {
    std::sort(a.w.begin(), a.w.end());
    uint32_t begin = uint32_t(entries.size());
    for (auto [cls, v] : a.w) {
      long q = std::lround(v / scale);
      if (std::abs(v) < cut || q == 0) continue;
      entries.push_back({cls, int16_t(std::clamp(q, -32767L, 32767L))});
    }
    if (entries.size() > begin) runs.push_back({a.key, {begin, uint32_t(entries.size() - begin)}});
  }
  size_t cap = 16;
  while (cap < runs.size() * 3 / 2 + 1) cap <<= 1;
  std::vector<LinearSlot> slots(cap, LinearSlot{0, 0, 0});
  for (const auto& [key, run] : runs) {
    size_t i = key & (cap - 1);
    while (slots[i].key != 0) i = (i + 1) & (cap - 1);
    slots[i] = {key, run.first, run.second};
  }
  out.u64(uint64_t(ScorerKind::Linear));
  out.u64(classes);
  std::vector<float> s{float(scale)};
  out.array(s);
  out.array(slots);
  out.array(entries);
}

}  // namespace sitrep::nlp

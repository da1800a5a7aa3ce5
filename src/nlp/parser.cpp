#include "nlp/parser.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitrep::nlp {

ParseState::ParseState(size_t n_)
    : n(n_), head(n_ + 1, -1), label(n_ + 1, -1), lc1(n_ + 1, -1), lc2(n_ + 1, -1), rc1(n_ + 1, -1),
      rc2(n_ + 1, -1), nleft(n_ + 1, 0), nright(n_ + 1, 0) {
  stack.reserve(n_ + 1);
  stack.push_back(0);
}

bool ParseState::valid(uint32_t a) const {
  if (a == 0) return can_shift();
  return (a & 1) ? can_left() : can_right();
}

void ParseState::arc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  if (d < h) {
    ++nleft[h];
    if (lc1[h] < 0 || d < lc1[h]) lc2[h] = lc1[h], lc1[h] = d;
    else if (lc2[h] < 0 || d < lc2[h]) lc2[h] = d;
  } else {
    ++nright[h];
    if (rc1[h] < 0 || d > rc1[h]) rc2[h] = rc1[h], rc1[h] = d;
    else if (rc2[h] < 0 || d > rc2[h]) rc2[h] = d;
  }
}

void ParseState::apply(uint32_t a) {
  if (a == 0) {
    stack.push_back(b++);
    return;
  }
  int l = int((a - 1) / 2);
  int s0 = stack.back();
  stack.pop_back();
  if (a & 1) arc(b, s0, l);
  else arc(stack.back(), s0, l);
}

void parser_features(const ParseState& st, std::span<const WordKeys> words, std::span<const uint16_t> tags,
                     std::vector<FeatureKey>& out) {
  // Word/tag/label values of a position: -1 none, 0 root, else word index + 1.
  auto W = [&](int i) -> uint64_t { return i < 0 ? 1 : i == 0 ? 2 : words[size_t(i - 1)].lower; };
  auto T = [&](int i) -> uint64_t { return i < 0 ? 1 : i == 0 ? 2 : uint64_t(tags[size_t(i - 1)]) + 10; };
  auto L = [&](int i) -> uint64_t { return i < 0 ? 1 : uint64_t(st.label[size_t(i)]) + 10; };
  auto S3 = [&](int i) -> uint64_t { return i <= 0 ? uint64_t(i + 5) : words[size_t(i - 1)].suffix[2]; };
  int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  int n = int(st.n);
  int b0 = st.b <= n ? st.b : -1, b1 = st.b + 1 <= n ? st.b + 1 : -1, b2 = st.b + 2 <= n ? st.b + 2 : -1;
  auto child = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[size_t(i)]; };
  auto cnt = [&](const std::vector<int>& v, int i) -> uint64_t { return i < 0 ? 99 : uint64_t(std::min(v[size_t(i)], 4)); };
  uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
  uint64_t b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  uint64_t dist = (s0 > 0 && b0 > 0) ? uint64_t(std::min(b0 - s0, 6)) : 0;
  int s0l1 = child(st.lc1, s0), s0l2 = child(st.lc2, s0), s0r1 = child(st.rc1, s0), s0r2 = child(st.rc2, s0);
  int b0l1 = child(st.lc1, b0), b0l2 = child(st.lc2, b0), s1r1 = child(st.rc1, s1), s1l1 = child(st.lc1, s1);
  out.clear();
  uint32_t t = 100;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(fkey(t++, a, b, c)); };
  f1(1);
  f1(s0w), f1(s0t), f2(s0w, s0t);
  f1(s1w), f1(s1t), f2(s1w, s1t);
  f1(b0w), f1(b0t), f2(b0w, b0t);
  f1(b1w), f1(b1t), f2(b1w, b1t);
  f1(W(b2)), f1(b2t), f1(s2t);
  f1(S3(s0)), f1(S3(b0));
  // pairs
  f3(s0w, s0t, b0w ^ (b0t << 1)), f3(s0w, s0t, b0w), f3(s0w, b0w, b0t), f3(s0w, s0t, b0t), f3(s0t, b0w, b0t);
  f2(s0w, b0w), f2(s0t, b0t), f2(b0t, b1t), f2(s1t, s0t), f2(s1w, s0w), f2(s1t, s0w), f2(s1w, s0t);
  f2(s1t, b0t), f2(s1w, b0w);
  // triples of tags
  f3(b0t, b1t, b2t), f3(s0t, b0t, b1t), f3(s1t, s0t, b0t), f3(s2t, s1t, s0t), f3(s1t, s0t, b1t);
  // distance
  f2(s0w, dist), f2(s0t, dist), f2(b0w, dist), f2(b0t, dist), f3(s0w, b0w, dist), f3(s0t, b0t, dist);
  // valency
  f2(s0w, cnt(st.nleft, s0)), f2(s0t, cnt(st.nleft, s0)), f2(s0w, cnt(st.nright, s0)), f2(s0t, cnt(st.nright, s0));
  f2(b0w, cnt(st.nleft, b0)), f2(b0t, cnt(st.nleft, b0)), f2(s1t, cnt(st.nright, s1));
  // children
  f1(T(s0l1)), f1(L(s0l1)), f1(T(s0r1)), f1(L(s0r1)), f1(T(s0l2)), f1(L(s0l2)), f1(T(s0r2)), f1(L(s0r2));
  f1(T(b0l1)), f1(L(b0l1)), f1(T(b0l2)), f1(L(b0l2)), f1(T(s1r1)), f1(L(s1r1)), f1(L(s1l1));
  f3(s0t, L(s0l1), L(s0l2)), f3(s0t, L(s0r1), L(s0r2)), f3(b0t, L(b0l1), L(b0l2)), f3(s1t, L(s1r1), L(s1l1));
  f3(s0w, L(s0l1), L(s0r1)), f3(b0w, L(b0l1), b0t);
  f3(s0t, T(s0l1), b0t), f3(s0t, T(s0r1), b0t), f3(s0t, b0t, T(b0l1)), f3(s1t, s0t, T(s1r1));
  f3(s0t, L(s0r1), b0t), f2(W(s0r1), s0t), f2(W(b0l1), b0t), f2(W(s0l1), s0t);
}

void Parser::parse(std::span<const WordKeys> words, std::span<const uint16_t> tags, std::span<int32_t> heads,
                   std::span<uint16_t> labels) const {
  if (beam_ > 1) return parse_beam(words, tags, heads, labels);
  ParseState st(words.size());
  std::vector<FeatureKey> feats;
  std::vector<float> scores(scorer_->classes());
  while (!st.terminal()) {
    // With the root alone on the stack only a shift is possible: nothing to score.
    if (!st.can_left() && !st.can_right()) {
      st.apply(0);
      continue;
    }
    parser_features(st, words, tags, feats);
    scorer_->score(feats, scores);
    uint32_t best = 0;
    float best_score = -std::numeric_limits<float>::infinity();
    for (uint32_t a = 0; a < scores.size(); ++a)
      if (scores[a] > best_score && st.valid(a)) best = a, best_score = scores[a];
    st.apply(best);
  }
  write_result(st, heads, labels);
}

void Parser::write_result(const ParseState& st, std::span<int32_t> heads, std::span<uint16_t> labels) {
  for (size_t i = 0; i < heads.size(); ++i) {
    heads[i] = st.head[i + 1] - 1;  // root (0) becomes -1
    labels[i] = uint16_t(std::max(st.label[i + 1], 0));
  }
}

void Parser::parse_beam(std::span<const WordKeys> words, std::span<const uint16_t> tags, std::span<int32_t> heads,
                        std::span<uint16_t> labels) const {
  // Every parse of n words takes 2n transitions, so the paths in the beam stay comparable: each
  // is scored by the sum of its actions' log-probabilities, a softmax over the valid actions'
  // scores at kBeamTemperature times the scorer's weight scale.
  struct Item {
    ParseState st;
    double score;
  };
  struct Cand {
    size_t item;
    uint32_t action;
    double score;
  };
  std::vector<Item> beam{{ParseState(words.size()), 0.0}}, next;
  std::vector<FeatureKey> feats;
  std::vector<float> scores(scorer_->classes());
  std::vector<Cand> cands;
  const double inv_t = inv_temperature_;
  while (!beam[0].st.terminal()) {
    cands.clear();
    for (size_t i = 0; i < beam.size(); ++i) {
      const ParseState& st = beam[i].st;
      if (!st.can_left() && !st.can_right()) {  // a forced shift: probability 1
        cands.push_back({i, 0, beam[i].score});
        continue;
      }
      parser_features(st, words, tags, feats);
      scorer_->score(feats, scores);
      double mx = -std::numeric_limits<double>::infinity(), z = 0;
      for (uint32_t a = 0; a < scores.size(); ++a)
        if (st.valid(a)) mx = std::max(mx, double(scores[a]) * inv_t);
      for (uint32_t a = 0; a < scores.size(); ++a)
        if (st.valid(a)) z += std::exp(double(scores[a]) * inv_t - mx);
      double lz = mx + std::log(z);
      for (uint32_t a = 0; a < scores.size(); ++a)
        if (st.valid(a)) cands.push_back({i, a, beam[i].score + double(scores[a]) * inv_t - lz});
    }
    size_t keep = std::min(beam_, cands.size());
    // Ties keep the order of the candidates (the better item first, then the lower action), so
    // the result does not depend on the sort's implementation.
    std::partial_sort(cands.begin(), cands.begin() + long(keep), cands.end(), [](const Cand& x, const Cand& y) {
      return x.score != y.score ? x.score > y.score : x.item != y.item ? x.item < y.item : x.action < y.action;
    });
    while (keep > 1 && cands[keep - 1].score < cands[0].score - kBeamMargin) --keep;
    next.resize(keep, Item{ParseState(0), 0.0});
    for (size_t k = 0; k < keep; ++k) {
      next[k].st = beam[cands[k].item].st;  // copy-assignment reuses the vectors' storage
      next[k].st.apply(cands[k].action);
      next[k].score = cands[k].score;
    }
    beam.swap(next);
  }
  write_result(beam[0].st, heads, labels);
}

}  // namespace sitrep::nlp

// Parser training with the arc-hybrid dynamic oracle (Goldberg & Nivre 2013): at every
// configuration the cost of each action is the number of gold arcs it makes unreachable; the
// model is updated towards the best zero-cost (minimum-cost) action and, after the first
// epoch, usually follows its own prediction so it learns to recover from its mistakes.
#include <limits>
#include <ostream>

#include "nlp/parser.h"
#include "nlp/perceptron.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {
namespace {

struct Costs {
  int shift = 0, left = 0, right = 0;
};

// gold[d] is the gold head of word d (1-based), 0 = root.
Costs action_costs(const ParseState& st, const std::vector<int>& gold) {
  Costs c;
  int n = int(st.n), b0 = st.b, s0 = st.s(0), s1 = st.s(1);
  if (st.can_shift()) {
    for (size_t k = 0; k < st.stack.size(); ++k) {
      int s = st.stack[k];
      if (s != 0 && gold[size_t(s)] == b0) ++c.shift;
      if (gold[size_t(b0)] == s && s != s0) ++c.shift;
    }
  }
  if (st.stack.size() >= 2) {
    int deps = 0;
    for (int d = b0; d <= n; ++d) deps += gold[size_t(d)] == s0;
    int g = gold[size_t(s0)];
    c.left = deps + (g == s1) + (g > b0 && g <= n);
    c.right = deps + (g >= b0 && g <= n);
  }
  return c;
}

}  // namespace

std::string train_parser(const std::vector<TrainSentence>& data, uint32_t labels, int epochs, Rng& rng, double prune,
                         std::ostream& log, int mix) {
  uint32_t classes = 1 + 2 * labels;
  auto train = [&](AveragedPerceptron& model, Rng& order, std::ostream& out) {
    std::vector<FeatureKey> feats;
    std::vector<float> scores(classes);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (int epoch = 0; epoch < epochs; ++epoch) {
      size_t correct = 0, total = 0, arcs_right = 0, arcs = 0;
      for (size_t idx : shuffled(data.size(), order)) {
        const TrainSentence& s = data[idx];
        size_t n = s.keys.size();
        if (n == 0 || n > 250) continue;
        std::vector<int> gold(n + 1, -1), glabel(n + 1, -1);
        for (size_t i = 0; i < n; ++i) gold[i + 1] = s.head[i] + 1, glabel[i + 1] = s.deprel[i];
        ParseState st(n);
        while (!st.terminal()) {
          parser_features(st, s.keys, s.predicted_class, feats);
          model.score(feats, scores);
          Costs c = action_costs(st, gold);
          int best_cost = std::numeric_limits<int>::max();
          if (st.can_shift()) best_cost = std::min(best_cost, c.shift);
          if (st.can_left()) best_cost = std::min(best_cost, c.left);
          if (st.can_right()) best_cost = std::min(best_cost, c.right);
          int s0 = st.s(0);
          auto is_correct = [&](uint32_t a) {
            if (!st.valid(a)) return false;
            if (a == 0) return c.shift == best_cost;
            bool left = a & 1;
            if ((left ? c.left : c.right) != best_cost) return false;
            int h = left ? st.b : st.s(1);
            return gold[size_t(s0)] != h || int((a - 1) / 2) == glabel[size_t(s0)];
          };
          uint32_t guess = 0, target = 0;
          float gs = -std::numeric_limits<float>::infinity(), ts = gs;
          for (uint32_t a = 0; a < classes; ++a) {
            if (!st.valid(a)) continue;
            if (scores[a] > gs) guess = a, gs = scores[a];
            if (scores[a] > ts && is_correct(a)) target = a, ts = scores[a];
          }
          bool ok = is_correct(guess);
          if (!ok) model.update(feats, target, guess);
          model.tick();
          correct += ok;
          ++total;
          bool explore = epoch > 0 && coin(order) < 0.9;
          st.apply(ok || explore ? guess : target);
        }
        for (size_t i = 1; i <= n; ++i) arcs_right += st.head[i] == gold[i], ++arcs;
      }
      out << "  parser epoch " << epoch + 1 << ": oracle agreement " << 100.0 * double(correct) / double(total)
          << ", train UAS " << 100.0 * double(arcs_right) / double(arcs) << "\n";
    }
  };
  AveragedPerceptron::Averaged mixed = train_mixed(classes, mix, rng, log, train);
  PartWriter w;
  w.u64(labels);
  AveragedPerceptron::write(mixed, classes, w, prune);
  return w.bytes();
}

}  // namespace sitrep::nlp

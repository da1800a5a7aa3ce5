// Parser training with the arc-hybrid dynamic oracle (Goldberg & Nivre 2013): at every
// configuration the cost of each action is the number of gold arcs it makes unreachable; the
// model is updated towards the best zero-cost (minimum-cost) action and, after the first
// epoch, usually follows its own prediction so it learns to recover from its mistakes.
// Optionally, further epochs train a second, global model for beam search from the first's
// averaged weights: beam search with the sums of the actions' scores, and a structured
// perceptron update at the prefix where the best beam item outscores the oracle's path by the
// most ("max-violation", Huang et al. 2012; the beam of Zhang & Nivre 2011).
#include <algorithm>
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


// The oracle's action at `st`: the cheapest, LEFT before RIGHT before SHIFT, labelled with the
// gold relation of the word it attaches.
uint32_t oracle_action(const ParseState& st, const std::vector<int>& gold, const std::vector<int>& glabel) {
  Costs c = action_costs(st, gold);
  int best = std::numeric_limits<int>::max();
  if (st.can_shift()) best = std::min(best, c.shift);
  if (st.can_left()) best = std::min(best, c.left);
  if (st.can_right()) best = std::min(best, c.right);
  int s0 = st.s(0);
  uint32_t label = s0 > 0 && glabel[size_t(s0)] >= 0 ? uint32_t(glabel[size_t(s0)]) : 0;
  if (st.can_left() && c.left == best) return 1 + 2 * label;
  if (st.can_right() && c.right == best) return 2 + 2 * label;
  return 0;
}

// Max-violation training with a beam of `width`, one sentence at a time.
class BeamTrainer {
 public:
  BeamTrainer(AveragedPerceptron& model, size_t width) : model_(model), width_(width), scores_(model.classes()) {}
  // Returns whether the oracle's parse stayed the best at every step (no update).
  bool train(const TrainSentence& s, const std::vector<int>& gold, const std::vector<int>& glabel) {
    size_t n = s.keys.size();
    nodes_.clear();
    pool_.clear();
    ParseState gst(n);
    double gscore = 0;
    int gnode = -1;
    std::vector<Item> beam{{ParseState(n), 0.0, -1, true}}, next;
    double worst = 0;
    int viol_pred = -1, viol_gold = -1;
    while (!gst.terminal()) {
      uint32_t ga = oracle_action(gst, gold, glabel);
      gscore += step(gst, s, gnode, ga);
      gst.apply(ga);
      cands_.clear();
      for (size_t i = 0; i < beam.size(); ++i) {
        const ParseState& st = beam[i].st;
        uint32_t fb = uint32_t(pool_.size()), fe = fb;
        if (st.can_left() || st.can_right()) {
          features(st, s);
          fe = uint32_t(pool_.size());
          for (uint32_t a = 0; a < scores_.size(); ++a)
            if (st.valid(a)) cands_.push_back({i, a, beam[i].score + double(scores_[a]), fb, fe});
        } else {
          cands_.push_back({i, 0, beam[i].score, fb, fe});
        }
      }
      size_t keep = std::min(width_, cands_.size());
      std::partial_sort(cands_.begin(), cands_.begin() + long(keep), cands_.end(), [](const Cand& x, const Cand& y) {
        return x.score != y.score ? x.score > y.score : x.item != y.item ? x.item < y.item : x.action < y.action;
      });
      next.resize(keep, Item{ParseState(0), 0.0, -1, false});
      for (size_t k = 0; k < keep; ++k) {
        const Cand& c = cands_[k];
        const Item& from = beam[c.item];
        next[k].st = from.st;
        next[k].st.apply(c.action);
        next[k].score = c.score;
        nodes_.push_back({from.node, c.action, c.feat_begin, c.feat_end});
        next[k].node = int(nodes_.size() - 1);
        next[k].gold = from.gold && c.action == ga;
      }
      beam.swap(next);
      double v = beam[0].score - gscore;
      if (!beam[0].gold && v >= worst) worst = v, viol_pred = beam[0].node, viol_gold = gnode;
    }
    if (viol_pred < 0) return true;
    update(viol_gold, +1.f, viol_pred, -1.f);
    return false;
  }

 private:
  struct Item {
    ParseState st;
    double score;
    int node;
    bool gold;  // on the oracle's path so far
  };
  struct Cand {
    size_t item;
    uint32_t action;
    double score;
    uint32_t feat_begin, feat_end;
  };
  struct Node {
    int parent;
    uint32_t action, feat_begin, feat_end;
  };
  void features(const ParseState& st, const TrainSentence& s) {
    parser_features(st, s.keys, s.predicted_class, feats_);
    model_.score(feats_, scores_);
    pool_.insert(pool_.end(), feats_.begin(), feats_.end());
  }
  // The oracle's step: its features go to the pool, its node to the history; returns its score.
  double step(const ParseState& st, const TrainSentence& s, int& node, uint32_t a) {
    uint32_t fb = uint32_t(pool_.size());
    double sc = 0;
    if (st.can_left() || st.can_right()) {
      features(st, s);
      sc = scores_[a];
    }
    nodes_.push_back({node, a, fb, uint32_t(pool_.size())});
    node = int(nodes_.size() - 1);
    return sc;
  }
  // Adds each step's features of the two paths (of the same length) with their signs, skipping
  // the prefix they share.
  void update(int a, float da, int b, float db) {
    std::vector<int> pa, pb;
    for (; a >= 0; a = nodes_[size_t(a)].parent) pa.push_back(a);
    for (; b >= 0; b = nodes_[size_t(b)].parent) pb.push_back(b);
    std::reverse(pa.begin(), pa.end());
    std::reverse(pb.begin(), pb.end());
    size_t t = 0;
    while (t < pa.size() && t < pb.size() && nodes_[size_t(pa[t])].action == nodes_[size_t(pb[t])].action) ++t;
    for (auto [path, d] : {std::pair{&pa, da}, std::pair{&pb, db}})
      for (size_t k = t; k < path->size(); ++k) {
        const Node& nd = nodes_[size_t((*path)[k])];
        model_.add(std::span<const FeatureKey>(pool_.data() + nd.feat_begin, nd.feat_end - nd.feat_begin), nd.action, d);
      }
  }
  AveragedPerceptron& model_;
  size_t width_;
  std::vector<float> scores_;
  std::vector<FeatureKey> feats_, pool_;
  std::vector<Node> nodes_;
  std::vector<Cand> cands_;
};
}  // namespace

std::string train_parser(const std::vector<TrainSentence>& data, uint32_t labels, int epochs, Rng& rng, double prune,
                         std::ostream& log, int beam_epochs, size_t beam_width) {
  uint32_t classes = 1 + 2 * labels;
  AveragedPerceptron model(classes);
  std::vector<FeatureKey> feats;
  std::vector<float> scores(classes);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    size_t correct = 0, total = 0, arcs_right = 0, arcs = 0;
    for (size_t idx : shuffled(data.size(), rng)) {
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
        bool explore = epoch > 0 && coin(rng) < 0.9;
        st.apply(ok || explore ? guess : target);
      }
      for (size_t i = 1; i <= n; ++i) arcs_right += st.head[i] == gold[i], ++arcs;
    }
    log << "  parser epoch " << epoch + 1 << ": oracle agreement " << 100.0 * double(correct) / double(total)
        << ", train UAS " << 100.0 * double(arcs_right) / double(arcs) << "\n";
  }
  PartWriter w;
  w.u64(labels);
  model.write(w, prune);
  if (beam_epochs <= 0) {
    w.u64(0);
    return w.bytes();
  }
  model.restart_from_average();
  BeamTrainer beam(model, beam_width);
  for (int epoch = 0; epoch < beam_epochs; ++epoch) {
    size_t best = 0, total = 0;
    for (size_t idx : shuffled(data.size(), rng)) {
      const TrainSentence& s = data[idx];
      size_t n = s.keys.size();
      if (n == 0 || n > 250) continue;
      std::vector<int> gold(n + 1, -1), glabel(n + 1, -1);
      for (size_t i = 0; i < n; ++i) gold[i + 1] = s.head[i] + 1, glabel[i + 1] = s.deprel[i];
      best += beam.train(s, gold, glabel);
      model.tick();
      ++total;
    }
    log << "  parser beam epoch " << epoch + 1 << ": oracle parse best in " << 100.0 * double(best) / double(total)
        << " % of sentences\n";
  }
  w.u64(1);
  w.u64(beam_width);
  model.write(w, prune);
  return w.bytes();
}

}  // namespace sitrep::nlp

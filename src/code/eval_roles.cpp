#include "code/eval_roles.h"

#include <algorithm>

#include "code/code.h"
#include "code/tsv.h"

namespace sitrep::code {
namespace {

// Tokens that attach to the word before them, and those the next word attaches to.
bool joins_left(std::string_view t) {
  static constexpr std::string_view kLeft[] = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s",
                                               "n't", "'", "''", "'re", "'ve", "'ll", "'d", "'m"};
  return std::find(std::begin(kLeft), std::end(kLeft), t) != std::end(kLeft);
}
bool joins_right(std::string_view t) { return t == "(" || t == "[" || t == "{" || t == "$" || t == "``"; }

double pct(size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; }

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }
bool on_any(Span a, const std::vector<Span>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](Span s) { return overlaps(a, s); });
}

}  // namespace

Expected<std::vector<RoleSentence>> read_role_iob(std::string_view text, const std::string& file) {
  std::vector<RoleSentence> out;
  RoleSentence cur;
  char open = 0;  // the role of the phrase being read: 'S', 'T', 'R' or none
  bool glue = false;
  std::optional<Error> bad;
  auto close = [&] {
    if (!cur.text.empty()) {
      cur.index = out.size();
      out.push_back(std::move(cur));
    }
    cur = RoleSentence();
    open = 0;
    glue = false;
  };
  auto phrases = [&](char role) -> std::vector<Span>& {
    return role == 'S' ? cur.source : role == 'T' ? cur.target : cur.both;
  };
  for_each_line(text, [&](std::string_view l, int number) {
    if (bad) return;
    l = trim(l);
    if (l.empty()) return close();
    size_t gap = l.find_last_of(" \t");
    std::string_view token = gap == std::string_view::npos ? std::string_view() : trim(l.substr(0, gap));
    std::string_view label = gap == std::string_view::npos ? std::string_view() : l.substr(gap + 1);
    bool known = label == "O" || (label.size() == 3 && (label[0] == 'B' || label[0] == 'I') && label[1] == '-' &&
                                  (label[2] == 'S' || label[2] == 'T' || label[2] == 'R'));
    if (token.empty() || !known) {
      bad = Error{file, "line " + std::to_string(number), "expected a token and a label (O, B-S, I-S, B-T, I-T, B-R, I-R)"};
      return;
    }
    if (cur.text.empty()) cur.line = size_t(number);
    else if (!glue && !joins_left(token)) cur.text += ' ';
    uint32_t begin = uint32_t(cur.text.size());
    cur.text += token;
    glue = joins_right(token);
    uint32_t end = uint32_t(cur.text.size());
    char role = label == "O" ? 0 : label[2];
    if (!role) {
      open = 0;
    } else if (label[0] == 'I' && open == role) {
      phrases(role).back().end = end;  // (a stray I- opens a phrase of its own)
    } else {
      phrases(role).push_back({begin, end});
      open = role;
    }
  });
  if (bad) return *bad;
  close();
  return out;
}

double RoleCounts::precision() const { return pct(tp, tp + fp); }
double RoleCounts::recall() const { return pct(tp, tp + fn); }
double RoleCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void score_role_sentence(const RoleSentence& gold, std::optional<Span> source, std::optional<Span> target,
                         RoleScores& s) {
  ++s.sentences;
  auto one = [](const std::vector<Span>& mine, const std::vector<Span>& both, std::optional<Span> coded,
                RoleCounts& c, size_t& unmarked) {
    if (mine.empty() && both.empty()) {
      unmarked += coded.has_value();
      return;
    }
    if (coded && (on_any(*coded, mine) || on_any(*coded, both))) {
      ++c.tp;
      return;
    }
    if (coded) ++c.fp;
    ++c.fn;
  };
  one(gold.source, gold.both, source, s.source, s.unmarked_source);
  one(gold.target, gold.both, target, s.target, s.unmarked_target);
  if (source && target && on_any(*source, gold.target) && on_any(*target, gold.source)) ++s.swapped;
}

RoleScores score_roles(const Coder& coder, const std::vector<RoleSentence>& sentences, PloverSplit split,
                       std::ostream* errors) {
  RoleScores s;
  for (const auto& g : sentences) {
    if (!in_plover_split(g.index, split)) continue;
    Doc d;
    d.id = "sentence-" + std::to_string(g.index + 1);
    d.body = g.text;
    CodedDoc out = coder.code(d);
    const EventMention* best = record_event(out.events);
    std::optional<Span> src, tgt;
    if (best && best->source) src = best->source->span;
    if (best && best->target) tgt = best->target->span;
    if (best) ++s.coded;
    RoleScores one;
    score_role_sentence(g, src, tgt, one);
    s.sentences += one.sentences;
    s.source += one.source;
    s.target += one.target;
    s.swapped += one.swapped;
    s.unmarked_source += one.unmarked_source;
    s.unmarked_target += one.unmarked_target;
    if (!errors || (one.source.fp + one.source.fn + one.target.fp + one.target.fn) == 0) continue;
    auto phrases = [&](const std::vector<Span>& v) {
      std::string t;
      for (Span p : v) t += (t.empty() ? "" : " | ") + g.text.substr(p.begin, p.end - p.begin);
      return t.empty() ? std::string("-") : t;
    };
    auto coded = [&](std::optional<Span> p) { return p ? g.text.substr(p->begin, p->end - p->begin) : std::string("-"); };
    *errors << "sentence " << g.index << " (line " << g.line << ")\tgold S " << phrases(g.source) << " T "
            << phrases(g.target) << (g.both.empty() ? "" : " R " + phrases(g.both)) << "\tcoded "
            << (best ? best->cameo->code : "-") << " S " << coded(src) << " T " << coded(tgt) << "\t" << g.text
            << "\n";
  }
  return s;
}

}  // namespace sitrep::code

#include "code/eval_quad.h"

#include <charconv>
#include <optional>

#include "code/code.h"
#include "code/tsv.h"

namespace sitrep::code {

const char* penta_class_name(int c) {
  static const char* const kNames[] = {"statement_appeal", "verbal_cooperation", "material_cooperation",
                                       "verbal_conflict", "material_conflict", "none"};
  return c >= 0 && c <= kNoClass ? kNames[c] : "none";
}

int penta_class(const CameoCode& code) {
  std::string root = code.root();
  if (root == "01" || root == "02") return 0;
  // Phoenix counts reducing relations (sanctions, expulsions, aid cut) as verbal conflict, as
  // the labels do.
  if (root == "16") return 3;
  return code.quad_class;
}

Expected<std::vector<QuadSentence>> read_quad_tsv(std::string_view tsv, const std::string& file) {
  std::vector<QuadSentence> out;
  std::optional<Error> bad;
  for_each_line(tsv, [&](std::string_view l, int number) {
    if (bad || trim(l).empty()) return;
    size_t tab = l.rfind('\t');
    std::string_view label = tab == std::string_view::npos ? std::string_view() : trim(l.substr(tab + 1));
    int c = -1;
    auto [p, e] = std::from_chars(label.data(), label.data() + label.size(), c);
    if (label.empty() || e != std::errc() || p != label.data() + label.size() || c < 0 || c >= kPentaClasses) {
      bad = Error{file, "line " + std::to_string(number), "expected a sentence, a tab and a label 0-4"};
      return;
    }
    out.push_back({std::string(trim(l.substr(0, tab))), c, size_t(number - 1)});
  });
  if (bad) return *bad;
  return out;
}

size_t QuadScores::records() const {
  size_t n = 0;
  for (int g = 0; g < kPentaClasses; ++g) n += gold(g);
  return n;
}

size_t QuadScores::coded() const {
  size_t n = 0;
  for (int c = 0; c < kPentaClasses; ++c) n += predicted(c);
  return n;
}

size_t QuadScores::right() const {
  size_t n = 0;
  for (int c = 0; c < kPentaClasses; ++c) n += confusion[c][c];
  return n;
}

size_t QuadScores::gold(int c) const {
  size_t n = 0;
  for (size_t k : confusion[c]) n += k;
  return n;
}

size_t QuadScores::predicted(int c) const {
  size_t n = 0;
  for (int g = 0; g < kPentaClasses; ++g) n += confusion[g][c];
  return n;
}

namespace {
double pct(size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; }
}  // namespace

double QuadScores::accuracy() const { return pct(right(), records()); }
double QuadScores::precision(int c) const { return pct(confusion[c][c], predicted(c)); }
double QuadScores::recall(int c) const { return pct(confusion[c][c], gold(c)); }

double QuadScores::f1(int c) const {
  double p = precision(c), r = recall(c);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double QuadScores::macro_f1() const {
  double sum = 0;
  for (int c = 0; c < kPentaClasses; ++c) sum += f1(c);
  return sum / kPentaClasses;
}

QuadScores score_quad(const Coder& coder, const std::vector<QuadSentence>& sentences, PloverSplit split,
                      std::ostream* errors) {
  QuadScores s;
  for (const auto& q : sentences) {
    if (!in_plover_split(q.line, split)) continue;
    Doc d;
    d.id = "line-" + std::to_string(q.line + 1);
    d.body = q.text;
    CodedDoc out = coder.code(d);
    const EventMention* best = record_event(out.events);
    int got = best ? penta_class(*best->cameo) : kNoClass;
    s.add(q.label, got);
    if (!errors || got == q.label) continue;
    *errors << "line " << q.line + 1 << "\tgold " << q.label << "\tcoded " << (best ? std::to_string(got) : "-");
    if (best)
      *errors << " " << best->cameo->code << " " << (best->source ? best->source->code : "-") << ">"
              << (best->target ? best->target->code : "-") << " " << to_string(best->modality) << " "
              << best->pattern;
    *errors << "\t" << q.text << "\n";
  }
  return s;
}

}  // namespace sitrep::code

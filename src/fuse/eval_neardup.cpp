#include "fuse/eval_neardup.h"

#include <chrono>
#include <random>
#include <set>
#include <sstream>

#include "clean/clean.h"
#include "fuse/near_dup.h"
#include "read/reader.h"

namespace sitrep {
namespace {

std::vector<std::string> split_paragraphs(const std::string& body) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t e = body.find("\n\n", pos);
    if (e == std::string::npos) e = body.size();
    if (e > pos) out.push_back(body.substr(pos, e - pos));
    pos = e + 2;
  }
  return out;
}

// A syndicated copy as other sites publish it.
std::string edited_copy(const std::vector<std::string>& paras, const std::string& foreign_paragraph, std::mt19937_64& rng) {
  static const char* heads[] = {"BREAKING: ", "Report: ", "World News | ", "UPDATE - "};
  static const char* tops[] = {"Share\nTweet\nEmail", "Advertisement", "Subscribe to our newsletter", "0 $\n2,500 $"};
  static const char* bottoms[] = {"Read more: related coverage on our site", "Copyright 2024 Example Media. All rights reserved.",
                                  "Join the discussion\n3 Comments\nNotify of", "Support independent journalism"};
  std::uniform_int_distribution<int> pick4(0, 3);
  std::ostringstream out;
  out << heads[pick4(rng)] << "Syndicated report " << rng() % 1000 << "\n\n" << tops[pick4(rng)] << "\n\n";
  std::uniform_int_distribution<size_t> which(0, paras.size() - 1);
  size_t changed = which(rng);
  int op = pick4(rng);  // 0: drop a paragraph, 1: replace it, 2-3: keep all
  for (size_t i = 0; i < paras.size(); ++i) {
    std::string p = paras[i];
    if (i == changed && op == 0) continue;
    if (i == changed && op == 1) p = foreign_paragraph;
    // Change about 3 % of the words (a copy editor's touch).
    std::istringstream words(p);
    std::string w, edited;
    std::uniform_int_distribution<int> pct(0, 99);
    while (words >> w) {
      int r = pct(rng);
      if (r < 1) continue;
      if (r < 3) w = "indeed";
      edited += (edited.empty() ? "" : " ") + w;
    }
    out << edited << "\n\n";
  }
  out << bottoms[pick4(rng)] << "\n";
  return out.str();
}

std::optional<std::string> clean_body(const std::string& text) {
  RawRecord r;
  r.file = "neardup";
  r.format = "txt";
  r.bytes = text;
  auto d = clean_record(r);
  if (!d) return std::nullopt;
  return d->body;
}

}  // namespace

double NearDupEvalResult::precision() const {
  return true_positives + false_positives ? 100.0 * true_positives / double(true_positives + false_positives) : 0;
}
double NearDupEvalResult::recall() const { return copies ? 100.0 * true_positives / double(copies) : 0; }
double NearDupEvalResult::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

NearDupEvalResult evaluate_near_duplicates(const NearDupEvalOptions& o) {
  NearDupEvalResult res;
  res.threshold = o.threshold >= 0 ? o.threshold : kNearDupJaccard;
  std::vector<std::string> bodies;
  std::set<std::string> seen;
  uint64_t index = 0;
  read_input(
      o.corpus,
      [&](RawRecord&& r) {
        if (index >= o.limit) return;
        std::string text = r.bytes;
        // At least ~150 words and not an exact duplicate already in the set.
        if (std::count(text.begin(), text.end(), ' ') < 150 || !seen.insert(text).second) return;
        bool dev = index++ % 2 == 0;
        if ((o.split == "dev") == dev || o.split == "all") bodies.push_back(std::move(text));
      },
      [&](Error&& e) {
        if (res.error.empty()) res.error = e.where() + ": " + e.message;
      });
  if (bodies.size() < 10) {
    if (res.error.empty()) res.error = o.corpus + ": too few articles for the evaluation";
    return res;
  }
  res.error.clear();
  auto start = std::chrono::steady_clock::now();
  std::mt19937_64 rng(o.seed);
  NearDupIndex idx;
  std::vector<MinHash> sigs;
  for (size_t i = 0; i < bodies.size(); ++i) {
    auto b = clean_body(bodies[i]);
    sigs.push_back(minhash(b ? *b : bodies[i]));
    idx.add(static_cast<int64_t>(i), sigs.back());
  }
  res.originals = bodies.size();
  // Distinct articles must not match each other.
  NearDupIndex growing;
  for (size_t i = 0; i < sigs.size(); ++i) {
    if (growing.best_match(sigs[i], res.threshold)) ++res.false_positives;
    growing.add(static_cast<int64_t>(i), sigs[i]);
  }
  // Copies of every other article must find their original.
  for (size_t i = 0; i < bodies.size(); i += 2) {
    auto paras = split_paragraphs(bodies[i]);
    if (paras.empty()) continue;
    auto foreign = split_paragraphs(bodies[(i + 1) % bodies.size()]);
    std::string copy = edited_copy(paras, foreign.empty() ? "" : foreign[0], rng);
    auto b = clean_body(copy);
    auto m = idx.best_match(minhash(b ? *b : copy), res.threshold);
    ++res.copies;
    if (m && m->first == static_cast<int64_t>(i)) ++res.true_positives;
    else if (m) ++res.false_positives, ++res.false_negatives;
    else ++res.false_negatives;
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return res;
}

}  // namespace sitrep

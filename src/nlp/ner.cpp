#include "nlp/ner.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

namespace sitrep::nlp {

// EXPERIMENT toggles (temporary): bit 1 runs, 2 sentence case, 4 doc casing, 8 doc labels, 16 BILOU.
uint32_t ner_exp() {
  static const uint32_t v = [] {
    const char* e = std::getenv("SITREP_NER_EXP");
    return e ? uint32_t(std::strtoul(e, nullptr, 0)) : 0xFFFFu;
  }();
  return v;
}

namespace {
bool exp_relaxed() { return ner_exp() & 64; }
constexpr uint32_t kPartB = 0, kPartI = 1, kPartL = 2, kPartU = 3;
uint32_t part_of(uint32_t cls) { return (cls - 1) % 4; }
uint32_t type_of(uint32_t cls) { return (cls - 1) / 4; }
bool open(uint32_t cls) { return cls != 0 && cls != kNerStart && (part_of(cls) == kPartB || part_of(cls) == kPartI); }
}  // namespace

bool ner_transition_ok(uint32_t prev, uint32_t cls) {
  bool bilou = ner_exp() & 16;
  if (!bilou) {
    if (cls == 0) return true;
    uint32_t p = part_of(cls);
    if (p == kPartB) return true;
    if (p != kPartI) return false;
    return open(prev) && type_of(prev) == type_of(cls);
  }
  if (exp_relaxed()) {  // I and L need an open span of their type; anything else may close one
    if (cls == 0 || part_of(cls) == kPartB || part_of(cls) == kPartU) return true;
    return open(prev) && type_of(prev) == type_of(cls);
  }
  if (open(prev)) return cls != 0 && type_of(cls) == type_of(prev) && (part_of(cls) == kPartI || part_of(cls) == kPartL);
  return cls == 0 || part_of(cls) == kPartB || part_of(cls) == kPartU;
}

void bio_to_bilou(std::span<const uint16_t> bio, std::span<uint16_t> out) {
  bool bilou = ner_exp() & 16;
  for (size_t i = 0; i < bio.size(); ++i) {
    uint16_t c = bio[i];
    if (c == 0) {
      out[i] = 0;
      continue;
    }
    uint32_t t = (c - 1) / 2;
    bool begins = (c & 1) || i == 0 || bio[i - 1] == 0 || uint32_t(bio[i - 1] - 1) / 2 != t;  // B, or a stray I
    bool goes_on = i + 1 < bio.size() && bio[i + 1] == 2 + 2 * t;
    uint32_t part = begins ? (goes_on || !bilou ? kPartB : kPartU) : (goes_on || !bilou ? kPartI : kPartL);
    out[i] = uint16_t(ner_class(t, part));
  }
}

void bio_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out) {
  for (size_t i = 0; i < classes.size();) {
    uint16_t c = classes[i];
    if (c == 0) {
      ++i;
      continue;
    }
    uint32_t type = (c - 1) / 2;  // a stray I- opens a span too
    size_t j = i + 1;
    while (j < classes.size() && classes[j] == 2 + 2 * type) ++j;
    out.push_back({offset + uint32_t(i), offset + uint32_t(j), EntityType(type)});
    i = j;
  }
}

void bilou_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out) {
  for (size_t i = 0; i < classes.size();) {
    uint16_t c = classes[i];
    if (c == 0) {
      ++i;
      continue;
    }
    uint32_t t = type_of(c);
    size_t j = i + 1;
    if (part_of(c) == kPartB || part_of(c) == kPartI)
      while (j < classes.size() && classes[j] != 0 && type_of(classes[j]) == t &&
             (part_of(classes[j]) == kPartI || part_of(classes[j]) == kPartL))
        if (part_of(classes[j++]) == kPartL) break;
    out.push_back({offset + uint32_t(i), offset + uint32_t(j), EntityType(t)});
    i = j;
  }
}

void NerDocument::add_casing(std::span<const WordKeys> words) {
  for (size_t i = 0; i < words.size(); ++i) {
    uint64_t f = words[i].flags;
    if (f & 4) continue;  // digits: no name
    uint32_t b = (f & 2) ? 4u : (f & 1) ? (i > 0 ? 1u : 0u) : 2u;
    if (b) seen_[words[i].lower] |= b;
  }
}

void NerDocument::add_labels(std::span<const WordKeys> words, std::span<const uint16_t> classes) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (classes[i] != 0) seen_[words[i].lower] |= 8u << type_of(classes[i]);
    else if (words[i].flags & 1) seen_[words[i].lower] |= 64u;
  }
}

void ner_sentence_info(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                       const Gazetteer& gazetteer, const NerDocument* doc, NerSentenceInfo& out) {
  size_t n = words.size();
  out.has_gaz = !gazetteer.empty();
  if (out.has_gaz) gazetteer.annotate(forms, words, out.gaz);
  // Sentence casing, over words that start with a letter (shape flags: 1 capitalized, 2 all caps).
  size_t alpha = 0, cap = 0, caps = 0;
  for (size_t i = 1; i < n; ++i) {
    uint64_t f = words[i].flags;
    if (f & 4) continue;
    bool letter = false;
    for (char ch : forms[i]) letter = letter || (static_cast<unsigned char>(ch) >= 0x80) || std::isalpha(static_cast<unsigned char>(ch));
    if (!letter) continue;
    ++alpha;
    cap += f & 1;
    caps += (f >> 1) & 1;
  }
  out.sentence_case = alpha == 0 ? 0 : cap == 0 ? 1 : alpha >= 3 && caps * 10 >= alpha * 8 ? 3 : alpha >= 3 && cap * 10 >= alpha * 7 ? 2 : 0;
  out.run.assign(n, 0xFF);
  out.run_end.assign(n, 0);
  for (size_t i = 0; i < n;) {
    if (!(words[i].flags & 1)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && (words[j].flags & 1)) ++j;
    uint32_t len = uint32_t(std::min<size_t>(j - i, 7));
    for (size_t k = i; k < j; ++k) {
      uint32_t pos = j - i == 1 ? 3 : k == i ? 0 : k + 1 == j ? 2 : 1;
      out.run[k] = pos * 8 + len;
      out.run_end[k] = uint32_t(j - 1);
    }
    i = j;
  }
  out.doc.assign(n, 0);
  if (doc)
    for (size_t i = 0; i < n; ++i) out.doc[i] = doc->bits(words[i]);
}

void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  const uint32_t exp = ner_exp();
  long k = long(i), n = long(words.size());
  auto at = [&](long j) -> const WordKeys& { return j < 0 ? kBos : j >= n ? kEos : words[size_t(j)]; };
  const bool nopos = exp & 128;
  auto pos = [&](long j) -> uint64_t { return j < 0 ? 100 : j >= n ? 101 : nopos ? 7 : uint64_t(upos[size_t(j)]); };
  const WordKeys &w = at(k), &p = at(k - 1), &pp = at(k - 2), &nx = at(k + 1), &nn = at(k + 2);
  out.clear();
  uint32_t t = 300;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(fkey(t++, a, b, c)); };
  f1(1);
  f1(w.lower), f1(w.form), f1(w.shape), f1(w.flags), f1(w.prefix[2]), f1(w.suffix[1]), f1(w.suffix[2]), f1(w.suffix[3]);
  f1(p.lower), f1(nx.lower), f1(pp.lower), f1(nn.lower), f1(p.shape), f1(nx.shape), f1(p.form), f1(nx.form);
  f2(p.flags, w.flags), f2(w.flags, nx.flags);
  f1(pos(k)), f1(pos(k - 1)), f1(pos(k + 1)), f3(pos(k - 1), pos(k), pos(k + 1)), f2(pos(k), w.lower);
  f1(prev1), f2(prev1, prev2), f2(prev1, w.lower), f2(prev1, w.shape), f2(prev1, pos(k));
  f2(p.lower, w.lower), f2(w.lower, nx.lower), f2(w.shape, uint64_t(k == 0));
  f2(prev1, nx.lower), f2(w.form, nx.shape), f2(p.shape, w.shape);
  uint64_t gsk = 0;
  if (info.has_gaz) {
    const GazCodes* gaz = &info.gaz;
    auto gs = [&](long j) -> uint64_t { return j < 0 ? 1u << 30 : j >= n ? 1u << 31 : gaz->span[size_t(j)]; };
    auto gw = [&](long j) -> uint64_t { return j < 0 || j >= n ? 1u << 30 : gaz->word[size_t(j)]; };
    gsk = gs(k);
    f1(gs(k)), f2(gs(k), w.flags), f1(gs(k - 1)), f1(gs(k + 1)), f2(gs(k - 1), gs(k)), f2(gs(k), gs(k + 1));
    f1(gw(k)), f2(gw(k), w.flags), f2(gw(k), gw(k + 1)), f2(gw(k - 1), gw(k)), f2(prev1, gs(k)), f2(prev1, gw(k));
    f2(gs(k), pos(k));
  }
  t = 400;
  if (exp & 1) {
    uint32_t r = info.run[i];
    if (r != 0xFF) {
      const WordKeys& last = words[info.run_end[i]];
      f2(r, last.lower), f2(r >> 3, last.suffix[2]), f2(r, pos(k));
    } else {
      t += 3;
    }
  }
  t = 410;
  if (exp & 2) {
    uint64_t sc = info.sentence_case;
    f2(sc, w.shape), f2(sc, gsk), f3(sc, pos(k), w.flags), f3(sc, prev1, w.flags);
  }
  t = 420;
  if (exp & 4) {
    uint64_t d = info.doc[i] & 7, dp = k > 0 ? info.doc[i - 1] & 7 : 99, dn = k + 1 < n ? info.doc[i + 1] & 7 : 99;
    f2(d, w.flags), f3(d, w.flags, uint64_t(k == 0)), f2(d, dn), f2(dp, d), f3(d, gsk, w.flags);
  }
  t = 430;
  if (exp & 8) {
    uint64_t l = info.doc[i] >> 3, ln = k + 1 < n ? info.doc[i + 1] >> 3 : 99;
    f2(l, w.flags), f2(l, prev1), f2(l, ln), f2(l, gsk);
  }
}

void EntityRecognizer::tag(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                           std::span<const Upos> upos, NerDocument* doc, std::span<uint16_t> out) const {
  std::vector<FeatureKey> feats;
  NerSentenceInfo info;
  ner_sentence_info(words, forms, gazetteer_, doc, info);
  std::vector<float> scores(scorer_->classes());
  uint32_t p1 = kNerStart, p2 = kNerStart;
  for (size_t i = 0; i < words.size(); ++i) {
    ner_features(words, upos, info, i, p1, p2, feats);
    scorer_->score(feats, scores);
    uint32_t best = 0;
    float bs = -std::numeric_limits<float>::infinity();
    for (uint32_t c = 0; c < scores.size(); ++c)
      if (scores[c] > bs && ner_transition_ok(p1, c)) best = c, bs = scores[c];
    out[i] = uint16_t(best);
    p2 = p1;
    p1 = best;
  }
  if (doc) doc->add_labels(words, out);
}

}  // namespace sitrep::nlp

#include "nlp/ner.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace sitrep::nlp {

namespace {
constexpr uint32_t kPartB = 0, kPartI = 1, kPartL = 2, kPartU = 3;
uint32_t part_of(uint32_t cls) { return (cls - 1) % 4; }
uint32_t type_of(uint32_t cls) { return (cls - 1) / 4; }
bool open(uint32_t cls) { return cls != 0 && cls != kNerStart && (part_of(cls) == kPartB || part_of(cls) == kPartI); }
}  // namespace

bool ner_transition_ok(uint32_t prev, uint32_t cls) {
  // Only I and L are constrained; O, B or U after an open B or I closes its span (bilou_to_spans),
  // which lets a left-to-right decoder recover from a wrong B.
  if (cls == 0 || part_of(cls) == kPartB || part_of(cls) == kPartU) return true;
  return open(prev) && type_of(prev) == type_of(cls);
}

void bio_to_bilou(std::span<const uint16_t> bio, std::span<uint16_t> out) {
  for (size_t i = 0; i < bio.size(); ++i) {
    uint16_t c = bio[i];
    if (c == 0) {
      out[i] = 0;
      continue;
    }
    uint32_t t = (c - 1) / 2;
    bool begins = (c & 1) || i == 0 || bio[i - 1] == 0 || uint32_t(bio[i - 1] - 1) / 2 != t;  // B, or a stray I
    bool goes_on = i + 1 < bio.size() && bio[i + 1] == 2 + 2 * t;
    uint32_t part = begins ? (goes_on ? kPartB : kPartU) : (goes_on ? kPartI : kPartL);
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

void ner_sentence_info(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                       const Gazetteer& gazetteer, NerSentenceInfo& out) {
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
}

void ner_static_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                         size_t i, std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  long k = long(i), n = long(words.size());
  auto at = [&](long j) -> const WordKeys& { return j < 0 ? kBos : j >= n ? kEos : words[size_t(j)]; };
  auto pos = [&](long j) -> uint64_t { return j < 0 ? 100 : j >= n ? 101 : uint64_t(upos[size_t(j)]); };
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
  f2(p.lower, w.lower), f2(w.lower, nx.lower), f2(w.shape, uint64_t(k == 0));
  f2(w.form, nx.shape), f2(p.shape, w.shape);
  uint64_t gsk = 0;
  if (info.has_gaz) {
    const GazCodes* gaz = &info.gaz;
    auto gs = [&](long j) -> uint64_t { return j < 0 ? 1u << 30 : j >= n ? 1u << 31 : gaz->span[size_t(j)]; };
    auto gw = [&](long j) -> uint64_t { return j < 0 || j >= n ? 1u << 30 : gaz->word[size_t(j)]; };
    gsk = gs(k);
    f1(gs(k)), f2(gs(k), w.flags), f1(gs(k - 1)), f1(gs(k + 1)), f2(gs(k - 1), gs(k)), f2(gs(k), gs(k + 1));
    f1(gw(k)), f2(gw(k), w.flags), f2(gw(k), gw(k + 1)), f2(gw(k - 1), gw(k));
    f2(gs(k), pos(k));
  }
  t = 410;
  // The casing of the sentence: names are read differently in lower-case and headline text.
  uint64_t sc = info.sentence_case;
  f2(sc, w.shape), f2(sc, gsk), f3(sc, pos(k), w.flags);
  // Wider context.
  const WordKeys& n3 = at(k + 3);
  f1(pos(k - 2)), f1(pos(k + 2)), f2(nx.lower, nn.lower), f2(pp.lower, p.lower), f2(p.lower, nx.lower);
  f1(n3.lower), f2(pos(k + 1), pos(k + 2)), f2(nx.shape, nn.shape), f1(p.suffix[2]), f1(nx.suffix[2]);
}

void ner_history_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                          size_t i, uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  static const WordKeys kEos = boundary_keys(1);
  long k = long(i), n = long(words.size());
  const WordKeys &w = words[i], &nx = k + 1 < n ? words[i + 1] : kEos;
  uint64_t pk = uint64_t(upos[i]);
  out.clear();
  uint32_t t = 500;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  f1(prev1), f2(prev1, prev2), f2(prev1, w.lower), f2(prev1, w.shape), f2(prev1, pk), f2(prev1, nx.lower);
  if (info.has_gaz) f2(prev1, info.gaz.span[i]), f2(prev1, info.gaz.word[i]);
}

void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  std::vector<FeatureKey> h;
  ner_static_features(words, upos, info, i, out);
  ner_history_features(words, upos, info, i, prev1, prev2, h);
  out.insert(out.end(), h.begin(), h.end());
}

size_t NerBeam::run(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                    const ScoreFn& score, const uint16_t* gold) {
  size_t n = words.size();
  steps_.resize(n);
  std::vector<FeatureKey> feats, hist;
  float st[kNerClasses], hs[kNerClasses];
  std::vector<Item> cand;
  const Item start{0.f, 0, uint16_t(kNerStart), uint16_t(kNerStart)};
  uint32_t gold_at = 0;  // index of the gold prefix's item in the previous step
  for (size_t i = 0; i < n; ++i) {
    cand.clear();
    size_t prev_count = i == 0 ? 1 : steps_[i - 1].size();
    if (prev_count == 1) {  // one history: one scorer call over both lists
      const Item& it = i == 0 ? start : steps_[i - 1][0];
      ner_static_features(words, upos, info, i, feats);
      ner_history_features(words, upos, info, i, it.cls, it.prev, hist);
      feats.insert(feats.end(), hist.begin(), hist.end());
      score(feats, st);
      std::fill(hs, hs + kNerClasses, 0.f);
    } else {
      ner_static_features(words, upos, info, i, feats);
      score(feats, st);
    }
    for (size_t b = 0; b < prev_count; ++b) {
      const Item& it = i == 0 ? start : steps_[i - 1][b];
      if (prev_count > 1) {
        ner_history_features(words, upos, info, i, it.cls, it.prev, hist);
        score(hist, hs);
      }
      for (uint32_t c = 0; c < kNerClasses; ++c)
        if (ner_transition_ok(it.cls, c)) cand.push_back({it.score + st[c] + hs[c], uint32_t(b), uint16_t(c), it.cls});
    }
    size_t keep = std::min<size_t>(width_, cand.size());
    std::partial_sort(cand.begin(), cand.begin() + long(keep), cand.end(), [](const Item& a, const Item& b) {
      return a.score > b.score || (a.score == b.score && (a.back < b.back || (a.back == b.back && a.cls < b.cls)));
    });
    steps_[i].assign(cand.begin(), cand.begin() + long(keep));
    if (gold) {
      uint32_t found = UINT32_MAX;
      for (uint32_t k = 0; k < keep; ++k)
        if (steps_[i][k].back == gold_at && steps_[i][k].cls == gold[i]) found = k;
      if (found == UINT32_MAX) return taken_ = i + 1;
      gold_at = found;
    }
  }
  return taken_ = n;
}

void NerBeam::best(std::span<uint16_t> out, size_t steps) const {
  if (steps == 0) steps = taken_;
  if (steps == 0) return;
  uint32_t k = 0;
  for (size_t i = steps; i-- > 0;) {
    const Item& it = steps_[i][k];
    out[i] = it.cls;
    k = it.back;
  }
}

void EntityRecognizer::tag(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                           std::span<const Upos> upos, std::span<uint16_t> out) const {
  NerSentenceInfo info;
  ner_sentence_info(words, forms, gazetteer_, info);
  NerBeam beam(kNerBeamWidth);
  beam.run(words, upos, info, [&](std::span<const FeatureKey> f, std::span<float> sc) { scorer_->score(f, sc); }, nullptr);
  beam.best(out);
}

}  // namespace sitrep::nlp

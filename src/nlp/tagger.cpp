#include "nlp/tagger.h"

#include <algorithm>

namespace sitrep::nlp {

uint64_t ambiguity_word_key(const WordKeys& w) { return w.lower ? w.lower : 1; }

uint64_t ambiguity_suffix_key(const WordKeys& w) {
  uint64_t k = mix64(w.suffix[2] ^ (0x51ED270B27A3C1F5ULL * ((w.flags & 1) + 1)));
  return k ? k : 1;
}

uint64_t ambiguity_of(std::span<const uint16_t> classes) {
  uint64_t h = 0x8F1BBCDCCA62C1D6ULL;
  for (uint16_t c : classes) h = mix64(h ^ (uint64_t(c) + 1));
  return h;
}

TagDictionary::TagDictionary(const std::vector<AmbiguitySlot>& entries) {
  size_t cap = 16;
  while (cap < entries.size() * 2) cap <<= 1;
  own_.assign(cap, AmbiguitySlot{0, 0});
  for (const auto& e : entries) {
    size_t i = e.key & (cap - 1);
    while (own_[i].key != 0 && own_[i].key != e.key) i = (i + 1) & (cap - 1);
    entries_ += own_[i].key == 0;
    own_[i] = e;
  }
  table_ = own_;
}

const AmbiguitySlot* TagDictionary::find(uint64_t key) const {
  if (table_.empty()) return nullptr;
  size_t mask = table_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return &table_[i];
    if (table_[i].key == 0) return nullptr;
  }
}

uint64_t TagDictionary::lookup(const WordKeys& w) const {
  if (const auto* e = find(ambiguity_word_key(w))) return e->amb;
  if (const auto* e = find(ambiguity_suffix_key(w))) return e->amb;
  return kUnknownAmbiguity;
}

void TagDictionary::write(PartWriter& out) const {
  out.u64(entries_);
  out.array(table_);
}

bool TagDictionary::read(PartReader& in) {
  own_.clear();
  entries_ = size_t(in.u64());
  table_ = in.array<AmbiguitySlot>();
  if (!in.ok()) return false;
  size_t used = 0;
  for (const auto& e : table_) used += e.key != 0;
  return table_.size() >= 16 && sound_open_table(table_.size(), used, entries_);
}

std::unique_ptr<Tagger> Tagger::read(PartReader& in, std::vector<TagClass> classes, uint8_t version) {
  if (version < 1 || version > kTaggerPartVersion) return nullptr;
  std::optional<TagDictionary> dict, frequent;
  std::optional<Lexicon> lexicon;
  if (version >= 2 && !dict.emplace().read(in)) return nullptr;
  auto scorer = read_scorer(in);
  if (!in.ok() || !scorer || scorer->classes() != classes.size()) return nullptr;
  if (version >= 3) {
    if (!frequent.emplace().read(in)) return nullptr;
    for (size_t i = 0; i < frequent->slots(); ++i)
      if (frequent->slot(i).key != 0 && frequent->slot(i).amb >= classes.size()) return nullptr;
  }
  if (version >= 4 && !lexicon.emplace().read(in)) return nullptr;
  return std::make_unique<Tagger>(std::move(scorer), std::move(classes), std::move(dict), std::move(frequent),
                                  std::move(lexicon));
}

void lexicon_bits(const Lexicon& lexicon, std::span<const WordKeys> words, std::vector<uint64_t>& out) {
  out.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) out[i] = lexicon.bits(words[i].lower);
}

void tagger_features(std::span<const WordKeys> words, std::span<const uint64_t> amb, std::span<const uint64_t> lex,
                     size_t i, uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  auto at = [&](long j) -> const WordKeys& {
    return j < 0 ? kBos : j >= long(words.size()) ? kEos : words[size_t(j)];
  };
  long k = long(i);
  const WordKeys &w = at(k), &p = at(k - 1), &pp = at(k - 2), &n = at(k + 1), &nn = at(k + 2);
  out.clear();
  uint32_t t = 0;
  out.push_back(fkey(t++, 1));
  out.push_back(fkey(t++, w.lower));
  out.push_back(fkey(t++, w.form));
  out.push_back(fkey(t++, w.shape));
  out.push_back(fkey(t++, w.flags));
  for (int s = 0; s < 4; ++s) out.push_back(fkey(t++, w.suffix[s]));
  for (int s = 0; s < 3; ++s) out.push_back(fkey(t++, w.prefix[s]));
  out.push_back(fkey(t++, p.lower));
  out.push_back(fkey(t++, pp.lower));
  out.push_back(fkey(t++, n.lower));
  out.push_back(fkey(t++, nn.lower));
  out.push_back(fkey(t++, p.suffix[2]));
  out.push_back(fkey(t++, n.suffix[2]));
  out.push_back(fkey(t++, n.shape));
  out.push_back(fkey(t++, p.shape));
  out.push_back(fkey(t++, prev1));
  out.push_back(fkey(t++, prev1, prev2));
  out.push_back(fkey(t++, prev1, w.lower));
  out.push_back(fkey(t++, prev1, w.suffix[2]));
  out.push_back(fkey(t++, w.lower, n.lower));
  out.push_back(fkey(t++, p.lower, w.lower));
  out.push_back(fkey(t++, w.lower, n.suffix[1]));
  out.push_back(fkey(t++, prev1, n.lower));
  out.push_back(fkey(t++, n.lower, nn.lower));
  out.push_back(fkey(t++, w.shape, n.shape, p.shape));
  // Ambiguity classes of the word and of the words to its right (their likely tags).
  if (amb.empty()) return;
  auto amb_at = [&](long j) -> uint64_t { return j < 0 ? 0xB0B0 : j >= long(amb.size()) ? 0xE0E0 : amb[size_t(j)]; };
  uint64_t aw = amb_at(k), an = amb_at(k + 1), ann = amb_at(k + 2);
  out.push_back(fkey(t++, aw));
  out.push_back(fkey(t++, aw, prev1));
  out.push_back(fkey(t++, aw, w.suffix[2]));
  out.push_back(fkey(t++, an));
  out.push_back(fkey(t++, aw, an));
  out.push_back(fkey(t++, prev1, an));
  out.push_back(fkey(t++, an, ann));
  out.push_back(fkey(t++, prev1, aw, an));
  // The lexicon's readings of the word and of the next one, with its capitalization, the previous
  // decision and its ambiguity class.
  if (lex.empty()) return;
  auto lex_at = [&](long j) -> uint64_t { return j < 0 || j >= long(lex.size()) ? 0x1E1E : lex[size_t(j)]; };
  uint64_t lw = lex_at(k), ln = lex_at(k + 1);
  out.push_back(fkey(t++, lw));
  out.push_back(fkey(t++, lw, w.flags & 3));
  out.push_back(fkey(t++, lw, prev1));
  out.push_back(fkey(t++, lw, aw));
  out.push_back(fkey(t++, lw, ln));
}

void Tagger::tag(std::span<const WordKeys> words, std::span<uint16_t> out, std::span<const uint8_t> allowed) const {
  std::vector<FeatureKey> feats;
  std::vector<float> scores(scorer_->classes());
  std::vector<uint64_t> amb(dictionary_ ? words.size() : 0);
  for (size_t i = 0; i < amb.size(); ++i) amb[i] = dictionary_->lookup(words[i]);
  std::vector<uint64_t> lex;
  if (lexicon_ && dictionary_) lexicon_bits(*lexicon_, words, lex);
  // In the first pass: whether the sentence has a clause's verb (a base form after "to" is an
  // infinitive, none), and its participle with the smallest lead over the past tense.
  bool check = past_class_ >= 0, has_verb = false;
  int pick = -1;
  float lead = 0;
  auto run = [&](size_t from) {
    uint32_t p1 = from > 0 ? out[from - 1] : kNoTag, p2 = from > 1 ? out[from - 2] : kNoTag;
    for (size_t i = from; i < words.size(); ++i) {
      bool restricted = i < allowed.size() && allowed[i];
      if (const uint64_t* c = frequent_ ? frequent_->exact(words[i].form) : nullptr;
          c && (!restricted || (*c < class_bits_.size() && (class_bits_[*c] & allowed[i])))) {
        // A frequent unambiguous form: its class, unscored (never the participle the check weighs).
        out[i] = uint16_t(*c);
        if (check && clause_role(out[i]) == ClauseRole::Verb && !(i > 0 && clause_role(out[i - 1]) == ClauseRole::To))
          has_verb = true;
        p2 = p1;
        p1 = out[i];
        continue;
      }
      tagger_features(words, amb, lex, i, p1, p2, feats);
      scorer_->score(feats, scores);
      uint16_t best = uint16_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
      if (i < allowed.size() && allowed[i] && best < class_bits_.size() && !(class_bits_[best] & allowed[i])) {
        int c_pick = -1;
        for (size_t c = 0; c < scores.size() && c < class_bits_.size(); ++c)
          if ((class_bits_[c] & allowed[i]) && (c_pick < 0 || scores[c] > scores[size_t(c_pick)])) c_pick = int(c);
        if (c_pick >= 0) best = uint16_t(c_pick);
      }
      out[i] = best;
      if (check) {
        ClauseRole role = clause_role(best);
        if (role == ClauseRole::Verb && !(i > 0 && clause_role(out[i - 1]) == ClauseRole::To)) has_verb = true;
        bool past_allowed = !(i < allowed.size() && allowed[i]) || (class_bits_[size_t(past_class_)] & allowed[i]);
        if (role == ClauseRole::Participle && past_allowed) {
          float l = scores[best] - scores[size_t(past_class_)];
          if (pick < 0 || l < lead) pick = int(i), lead = l;
        }
      }
      p2 = p1;
      p1 = best;
    }
  };
  run(0);
  // A sentence that ends in a full stop, is long enough to be a clause and has no finite verb
  // nor base form other than an infinitive ("The US troops fired into the crowd.") takes its
  // likeliest participle as the past tense when the past tense was a close second: the greedy
  // pass cannot see that nothing after the word would be the sentence's verb.
  size_t n = words.size();
  if (!check || has_verb || pick < 0 || lead > kPastTenseMargin || n < kClauseMinWords ||
      clause_role(out[n - 1]) != ClauseRole::FullStop)
    return;
  check = false;
  out[size_t(pick)] = uint16_t(past_class_);
  run(size_t(pick) + 1);
}

void Tagger::set_clause_roles(std::vector<ClauseRole> roles, int past_class) {
  clause_roles_ = std::move(roles);
  past_class_ = past_class;
}

}  // namespace sitrep::nlp

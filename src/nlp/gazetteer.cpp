#include "nlp/gazetteer.h"

#include <algorithm>
#include <string>

#include "kb/fold.h"
#include "nlp/model_file.h"

namespace sitrep::nlp {

Gazetteer Gazetteer::build(std::vector<std::pair<uint64_t, uint32_t>> entries) {
  std::sort(entries.begin(), entries.end());
  Gazetteer g;
  for (const auto& [h, b] : entries) {
    if (!g.own_hashes_.empty() && g.own_hashes_.back() == h) {
      g.own_bits_.back() |= b;
      continue;
    }
    g.own_hashes_.push_back(h);
    g.own_bits_.push_back(b);
  }
  g.hashes_ = g.own_hashes_;
  g.bits_ = g.own_bits_;
  g.index();
  return g;
}

void Gazetteer::index() {
  dir_.assign((size_t{1} << 16) + 1, 0);
  size_t i = 0;
  for (size_t p = 0; p <= (size_t{1} << 16); ++p) {
    while (i < hashes_.size() && (hashes_[i] >> 48) < p) ++i;
    dir_[p] = uint32_t(i);
  }
}

uint32_t Gazetteer::lookup(uint64_t hash) const {
  if (hashes_.empty()) return 0;
  size_t top = size_t(hash >> 48);
  auto b = hashes_.begin() + dir_[top], e = hashes_.begin() + dir_[top + 1];
  auto it = std::lower_bound(b, e, hash);
  return it != e && *it == hash ? bits_[size_t(it - hashes_.begin())] : 0;
}

namespace {
// kb::fold_key, without its allocations for the common all-ASCII word.
void fold_word(std::string_view w, std::string& out) {
  out.clear();
  for (unsigned char c : w)
    if (c >= 0x80) {
      out = kb::fold_key(w);
      return;
    }
  bool gap = false;
  for (char c : w) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ', gap = false;
    out += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
}
}  // namespace

uint64_t gazetteer_key(std::span<const std::string_view> words) {
  std::string key;
  std::string f;
  for (auto w : words) {
    fold_word(w, f);
    if (f.empty()) continue;
    if (!key.empty()) key += ' ';
    key += f;
  }
  return kb::key_hash(key);
}

void Gazetteer::annotate(std::span<const std::string_view> forms, std::span<const WordKeys> keys,
                         GazCodes& out) const {
  size_t n = forms.size();
  out.span.assign(n, 0);
  out.word.assign(n, 0);
  if (empty()) return;
  std::vector<std::string> folded(n);
  std::vector<uint32_t> alone(n, 0);  // the word's own entry, prefix bit included
  for (size_t i = 0; i < n; ++i) {
    fold_word(forms[i], folded[i]);
    if (!folded[i].empty()) alone[i] = lookup(kb::key_hash(folded[i]));
    out.word[i] = alone[i] & kGazKinds;
  }
  std::string key;
  for (size_t i = 0; i < n;) {
    size_t best_len = 0;
    uint32_t best_bits = 0;
    bool cap = keys[i].flags & 1;
    if (!folded[i].empty()) {
      key.clear();
      for (size_t k = i; k < n && k < i + kMaxWords; ++k) {
        if (folded[k].empty()) break;
        if (k > i) key += ' ';
        key += folded[k];
        uint32_t b = k == i ? alone[i] : lookup(kb::key_hash(key));
        if (!cap && !(b & (kGazCountry | kGazBigPlace))) b &= kGazPrefix;
        if (b & kGazKinds) best_len = k - i + 1, best_bits = (b & kGazKinds) | (cap ? 0u : uint32_t(kGazLowerCase));
        if (b == 0) break;
      }
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best_len; ++k) {
      uint32_t pos = best_len == 1 ? 3 : k == 0 ? 0 : k + 1 == best_len ? 2 : 1;
      out.span[i + k] = best_bits * 4 + pos;
    }
    i += best_len;
  }
}

void Gazetteer::write(PartWriter& w) const {
  w.array(hashes_);
  w.array(bits_);
}

bool Gazetteer::read(PartReader& in) {
  own_hashes_.clear();
  own_bits_.clear();
  hashes_ = in.array<uint64_t>();
  bits_ = in.array<uint32_t>();
  if (!in.ok() || hashes_.size() != bits_.size() || !std::is_sorted(hashes_.begin(), hashes_.end())) return false;
  index();
  return true;
}

}  // namespace sitrep::nlp

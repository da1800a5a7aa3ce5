#include "fuse/near_dup.h"

#include <xxhash.h>

#include <algorithm>
#include <string>

namespace sitrep {
namespace {

// Multiply-shift permutations of one 64-bit shingle hash: cheap and independent enough.
struct Permutations {
  std::array<uint64_t, kMinHashSize> a, b;
  Permutations() {
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < kMinHashSize; ++i) {
      x = XXH3_64bits(&x, sizeof x);
      a[i] = x | 1;
      x = XXH3_64bits(&x, sizeof x);
      b[i] = x;
    }
  }
};

const Permutations& perms() {
  static const Permutations p;
  return p;
}

// Word bytes (ASCII letters and digits, every UTF-8 byte) to their lower-case value; 0 for the
// rest. One table load per byte instead of three range tests and their branches.
struct WordBytes {
  std::array<uint8_t, 256> fold{};
  constexpr WordBytes() {
    for (int c = 0; c < 256; ++c) {
      bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
      fold[c] = word ? static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c) : 0;
    }
  }
};
constexpr WordBytes kWordBytes;

}  // namespace

MinHash minhash(std::string_view body) {
  // Word hashes first (lower-cased ASCII, UTF-8 bytes as they are), computed on the fly:
  // FNV-1a over the word's bytes, finished with a multiply-xorshift so short words spread.
  std::vector<uint64_t> words;
  words.reserve(body.size() / 5);
  uint64_t wh = 0xcbf29ce484222325ULL;
  bool in_word = false;
  for (size_t i = 0; i <= body.size(); ++i) {
    uint8_t c = i < body.size() ? kWordBytes.fold[static_cast<unsigned char>(body[i])] : 0;
    if (c) {
      wh = (wh ^ c) * 0x100000001b3ULL;
      in_word = true;
    } else if (in_word) {
      wh ^= wh >> 29;
      wh *= 0xbf58476d1ce4e5b9ULL;
      wh ^= wh >> 32;
      words.push_back(wh);
      wh = 0xcbf29ce484222325ULL;
      in_word = false;
    }
  }
  // One-permutation hashing: each shingle hash goes to one of the 64 bins and only the bin's
  // minimum is kept (64x less work than 64 permutations); empty bins borrow from the next
  // non-empty one (rotation densification) so short texts still compare well.
  MinHash sig;
  sig.fill(UINT32_MAX);
  const auto& p = perms();
  auto add = [&](uint64_t h) {
    h = p.a[0] * h + p.b[0];  // mix: shingle hashes are products, not uniform
    uint32_t bin = static_cast<uint32_t>(h >> 58);  // top 6 bits: 64 bins
    uint32_t v = static_cast<uint32_t>(h);
    if (v < sig[bin]) sig[bin] = v;
  };
  if (words.size() < 5) {
    uint64_t h = 0;
    for (uint64_t x : words) h = h * 0x100000001B3ULL ^ x;
    add(h);
  } else {
    for (size_t i = 0; i + 5 <= words.size(); ++i) {
      uint64_t h = words[i];
      for (size_t j = 1; j < 5; ++j) h = (h * 0x9E3779B97F4A7C15ULL) ^ words[i + j];
      add(h);
    }
  }
  std::array<bool, kMinHashSize> empty;
  bool any = false;
  for (int k = 0; k < kMinHashSize; ++k) any |= !(empty[k] = sig[k] == UINT32_MAX);
  if (!any) return sig;
  for (int k = 0; k < kMinHashSize; ++k) {
    if (!empty[k]) continue;
    int j = (k + 1) % kMinHashSize, step = 1;
    while (empty[j]) j = (j + 1) % kMinHashSize, ++step;
    sig[k] = sig[j] + static_cast<uint32_t>(step) * 0x9E3779B9u;  // distinct per distance
  }
  return sig;
}

double estimated_jaccard(const MinHash& a, const MinHash& b) {
  int same = 0;
  for (int k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return double(same) / kMinHashSize;
}

std::array<uint64_t, kLshBands> lsh_bands(const MinHash& sig) {
  std::array<uint64_t, kLshBands> out;
  for (int b = 0; b < kLshBands; ++b) {
    uint64_t h = XXH3_64bits(sig.data() + b * kLshRows, sizeof(uint32_t) * kLshRows);
    out[b] = (h & ~0xFULL) | static_cast<uint64_t>(b);  // keep bands apart
  }
  return out;
}

size_t NearDupIndex::slot_of(uint64_t key) const {
  size_t mask = keys_.size() - 1;
  size_t i = static_cast<size_t>(key * 0x9E3779B97F4A7C15ULL >> 20) & mask;
  while (heads_[i] != kNil && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

void NearDupIndex::grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_heads = std::move(heads_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  heads_.assign(cap, kNil);
  for (size_t i = 0; i < old_keys.size(); ++i)
    if (old_heads[i] != kNil) {
      size_t s = slot_of(old_keys[i]);
      keys_[s] = old_keys[i];
      heads_[s] = old_heads[i];
    }
}

void NearDupIndex::add(int64_t id, const MinHash& sig) {
  uint32_t doc = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  sigs_.push_back(sig);
  for (uint64_t key : lsh_bands(sig)) {
    if ((used_ + 1) * 2 > keys_.size()) grow();
    size_t s = slot_of(key);
    if (heads_[s] == kNil) {
      keys_[s] = key;
      ++used_;
    }
    entry_doc_.push_back(doc);
    entry_next_.push_back(heads_[s]);
    heads_[s] = static_cast<uint32_t>(entry_doc_.size() - 1);
  }
}

std::optional<std::pair<int64_t, double>> NearDupIndex::best_match(const MinHash& sig, double threshold) const {
  if (ids_.empty()) return std::nullopt;
  std::vector<uint32_t> candidates;
  for (uint64_t key : lsh_bands(sig)) {
    size_t s = slot_of(key);
    for (uint32_t e = heads_[s]; e != kNil && candidates.size() < kMaxCandidates; e = entry_next_[e])
      candidates.push_back(entry_doc_[e]);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::optional<std::pair<int64_t, double>> best;
  for (uint32_t doc : candidates) {
    double j = estimated_jaccard(sig, sigs_[doc]);
    if (j >= threshold && (!best || j > best->second)) best = {{ids_[doc], j}};
  }
  return best;
}

}  // namespace sitrep

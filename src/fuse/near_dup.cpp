#include "fuse/near_dup.h"

#include <emmintrin.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
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

// Which of 16 bytes are word bytes (ASCII letters and digits, every UTF-8 byte), as a bit mask.
inline uint32_t word_mask16(const uint8_t* p) {
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20));  // ASCII upper case to lower
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(y, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(y, _mm_set1_epi8('z' + 1)));
  // bytes >= 0x80 are negative as signed bytes: their sign bits are the movemask of x itself
  return uint32_t(_mm_movemask_epi8(x)) | uint32_t(_mm_movemask_epi8(_mm_or_si128(digit, letter)));
}

// A word's hash: its bytes eight at a time, lower-cased by setting bit 0x20 (which leaves digits
// alone and only merges some UTF-8 continuation bytes, harmless for a near-duplicate hash).
inline uint64_t word_hash(const uint8_t* p, size_t len, const uint8_t* end) {
  constexpr uint64_t kLower = 0x2020202020202020ULL;
  uint64_t h = 0x243F6A8885A308D3ULL ^ len;
  for (; len >= 8; p += 8, len -= 8) {
    uint64_t c;
    std::memcpy(&c, p, 8);
    h = (h ^ (c | kLower)) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
  }
  if (len) {
    uint64_t c = 0;
    if (end - p >= 8) {
      std::memcpy(&c, p, 8);
      c &= (uint64_t(1) << (8 * len)) - 1;  // little-endian: the word's bytes are the low ones
    } else {
      std::memcpy(&c, p, len);
    }
    h = (h ^ (c | (kLower & ((uint64_t(1) << (8 * len)) - 1)))) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
  }
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 32);
}

}  // namespace

MinHash minhash(std::string_view body) {
  // Word hashes first: word boundaries sixteen bytes at a time from a bit mask (no branch per
  // byte), each word hashed eight bytes at a time.
  std::vector<uint64_t> words;
  words.reserve(body.size() / 5 + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(body.data());
  const size_t n = body.size();
  size_t start = 0;
  bool in_word = false;
  for (size_t base = 0; base < n; base += 16) {
    size_t len = std::min<size_t>(16, n - base);
    uint32_t m;
    if (len == 16) {
      m = word_mask16(s + base);
    } else {
      alignas(16) uint8_t tail[16] = {};
      std::memcpy(tail, s + base, len);
      m = word_mask16(tail) & ((1u << len) - 1);
    }
    const uint32_t all = len == 16 ? 0xFFFFu : (1u << len) - 1;
    uint32_t pos = 0;
    while (pos < len) {
      uint32_t from = ~0u << pos;
      if (in_word) {
        uint32_t gaps = ~m & all & from;
        if (!gaps) break;  // the word goes on into the next block
        uint32_t e = uint32_t(__builtin_ctz(gaps));
        words.push_back(word_hash(s + start, base + e - start, s + n));
        in_word = false;
        pos = e;
      } else {
        uint32_t wb = m & from;
        if (!wb) break;
        uint32_t b = uint32_t(__builtin_ctz(wb));
        start = base + b;
        in_word = true;
        pos = b;
      }
    }
  }
  if (in_word) words.push_back(word_hash(s + start, n - start, s + n));
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
    sig[bin] = std::min(sig[bin], v);  // branch-free: which bins fall is unpredictable
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

size_t NearDupIndex::home_of(uint32_t tag) const {
  return static_cast<size_t>(tag * 0x9E3779B97F4A7C15ULL >> 20) & (slots_.size() - 1);
}

size_t NearDupIndex::slot_of(uint32_t tag) const {
  size_t mask = slots_.size() - 1;
  size_t i = home_of(tag);
  while (slots_[i].head != kNil && slots_[i].tag != tag) i = (i + 1) & mask;
  return i;
}

// The 32 bands land on 32 unrelated cache lines: asking for all of them first lets the misses
// overlap instead of queueing one behind the other.
void NearDupIndex::prefetch(const std::array<uint64_t, kLshBands>& keys) const {
  if (slots_.empty()) return;
  for (uint64_t key : keys) __builtin_prefetch(&slots_[home_of(tag_of(key))]);
}

void NearDupIndex::grow() { rehash(slots_.empty() ? 1024 : slots_.size() * 2); }

void NearDupIndex::rehash(size_t cap) {
  auto old = std::move(slots_);
  slots_ = {};
  slots_.assign(cap, Slot{0, kNil});
  for (const Slot& o : old)
    if (o.head != kNil) slots_[slot_of(o.tag)] = o;
}

void NearDupIndex::reserve(size_t docs) {
  if (docs <= ids_.size()) return;
  ids_.reserve(docs);
  sigs_.reserve(docs);
  entry_doc_.reserve(docs * kLshBands);
  entry_next_.reserve(docs * kLshBands);
  // add() grows when (used + kLshBands) * 2 exceeds the slots; at most kLshBands keys a document.
  size_t need = (docs * kLshBands + kLshBands) * 2, cap = slots_.empty() ? 1024 : slots_.size();
  while (cap < need) cap *= 2;
  if (cap > slots_.size()) rehash(cap);
}

void NearDupIndex::add(int64_t id, const MinHash& sig, const Bands& keys) {
  uint32_t doc = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  sigs_.push_back(sig);
  while ((used_ + kLshBands) * 2 > slots_.size()) grow();
  prefetch(keys);
  for (uint64_t key : keys) {
    Slot& s = slots_[slot_of(tag_of(key))];
    if (s.head == kNil) {
      s.tag = tag_of(key);
      ++used_;
    }
    entry_doc_.push_back(doc);
    entry_next_.push_back(s.head);
    s.head = static_cast<uint32_t>(entry_doc_.size() - 1);
  }
}

std::optional<std::pair<int64_t, double>> NearDupIndex::best_match(const MinHash& sig, const Bands& keys,
                                                                   double threshold) const {
  if (ids_.empty()) return std::nullopt;
  thread_local std::vector<uint32_t> candidates;  // kept between calls: no allocation per look-up
  candidates.clear();
  prefetch(keys);
  for (uint64_t key : keys) {
    size_t s = slot_of(tag_of(key));
    for (uint32_t e = slots_[s].head; e != kNil && candidates.size() < kMaxCandidates; e = entry_next_[e])
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

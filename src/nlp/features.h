// Sparse features are 64-bit keys: a template id mixed with the values it combines. Words are
// reduced once to a WordKeys record, so templates only mix integers at decode time.
#pragma once
#include <cstdint>
#include <string_view>

namespace sitrep::nlp {

using FeatureKey = uint64_t;

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline FeatureKey fkey(uint32_t tmpl, uint64_t a) {
  uint64_t k = mix64(a + 0x9E3779B97F4A7C15ULL * (uint64_t(tmpl) + 1));
  return k ? k : 1;  // 0 marks an empty slot in the weight table
}
inline FeatureKey fkey(uint32_t tmpl, uint64_t a, uint64_t b) { return fkey(tmpl, mix64(a) ^ (b * 0x2545F4914F6CDD1DULL + 1)); }
inline FeatureKey fkey(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return fkey(tmpl, mix64(mix64(a) ^ (b * 0x2545F4914F6CDD1DULL + 1)) ^ (c * 0x9E3779B97F4A7C15ULL + 7));
}

// Hashes of one word's surface properties.
struct WordKeys {
  uint64_t form = 0;       // exact form
  uint64_t lower = 0;      // lower-cased form
  uint64_t shape = 0;      // "Xxx", "dd,ddd"
  uint64_t prefix[3] = {};  // first 1..3 characters, lower-cased
  uint64_t suffix[4] = {};  // last 1..4 characters, lower-cased
  uint64_t flags = 0;      // bit 0 capitalized, 1 all caps, 2 has digit, 3 has hyphen
};
WordKeys word_keys(std::string_view form);
// The sentinel "word" before the start and after the end of a sentence.
WordKeys boundary_keys(int side);

}  // namespace sitrep::nlp

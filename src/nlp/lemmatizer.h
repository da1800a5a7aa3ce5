// Lemmatizer: each lemma is an edit of its word form ("studies" -> cut 3, add "y"). A table
// keyed by (lower-cased form, XPOS) gives the edit for words seen in training; for the rest
// the edit most often seen with the longest known (XPOS, suffix) pair.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/model_file.h"

namespace sitrep::nlp {

struct LemmaSlot {
  uint64_t key;  // 0 = empty
  uint32_t rule;
  uint32_t count;
};

// An edit rule as text: "<case><cut>|<append>", case 'L' = lower-case the form first, 'K' keep.
std::string lemma_rule(std::string_view form, std::string_view lemma);
std::string apply_lemma_rule(std::string_view form, std::string_view rule);
// Version 2 keys mix the tag in after hashing the string (lemmatizer.cpp); files with version 1
// parts are still read with version 1's keys.
constexpr uint8_t kLemmatizerPartVersion = 2;
uint64_t lemma_form_key(std::string_view lower_form, uint16_t xpos, uint8_t version = kLemmatizerPartVersion);
uint64_t lemma_suffix_key(std::string_view lower_suffix, uint16_t xpos, uint8_t version = kLemmatizerPartVersion);
constexpr int kLemmaMaxSuffix = 6;

class Lemmatizer {
 public:
  static std::unique_ptr<const Lemmatizer> read(PartReader& in, uint8_t version = kLemmatizerPartVersion);
  std::string lemma(std::string_view form, uint16_t xpos) const;
  // Whether training showed this form with this tag (its lemma is then the one seen).
  bool seen(std::string_view form, uint16_t xpos) const;

 private:
  const LemmaSlot* find(uint64_t key) const;
  std::vector<std::string> rules_;
  std::span<const LemmaSlot> slots_;
  uint32_t min_suffix_count_ = 2;
  uint8_t version_ = kLemmatizerPartVersion;
};

}  // namespace sitrep::nlp

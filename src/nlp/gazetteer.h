// The NER gazetteer: names the knowledge base knows (people, surnames, first names,
// organizations, countries, places, titles, demonyms), stored in the model file as folded-key
// hashes with a bit set per kind. The recognizer reads, for each word, the kinds of the longest
// known name it is part of (and its position in it) and the kinds of the word alone, as features:
// the weights decide how far to trust them. Built by the trainer from kb.bin (train_gazetteer.cpp).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/features.h"

namespace sitrep::nlp {

class PartReader;
class PartWriter;

enum GazBit : uint32_t {
  kGazPerson = 1, kGazSurname = 2, kGazFirstName = 4, kGazOrg = 8, kGazCountry = 16, kGazBigPlace = 32,
  kGazSmallPlace = 64, kGazDemonym = 128, kGazTitle = 256, kGazLowerCase = 512, kGazPrefix = 1u << 15  // a longer name goes on
};
inline constexpr uint32_t kGazKinds = kGazPrefix - 1;

// Per word: `span` = kinds of the longest name covering it * 4 + position (0 begin, 1 inside,
// 2 last, 3 whole), 0 when none; `word` = kinds of the word alone.
struct GazCodes {
  std::vector<uint32_t> span, word;
};

class Gazetteer {
 public:
  static constexpr int kMaxWords = 6;
  // Entries may repeat a hash: their bits are merged.
  static Gazetteer build(std::vector<std::pair<uint64_t, uint32_t>> entries);
  bool empty() const { return hashes_.empty(); }
  size_t size() const { return hashes_.size(); }
  uint32_t lookup(uint64_t hash) const;
  Gazetteer() = default;
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;  // the spans may point into the owned vectors
  Gazetteer& operator=(const Gazetteer&) = delete;

  // `forms` are the words of one sentence, `keys` their features (flags bit 0: capitalized).
  // Names start at capitalized words, or at lower-case ones for countries and big places (web
  // text writes "malaysia"; kGazLowerCase marks those); the longest match wins, left to right.
  void annotate(std::span<const std::string_view> forms, std::span<const WordKeys> keys, GazCodes& out) const;

  void write(PartWriter& w) const;
  // Views the arrays inside the reader's buffer (the mapped model file); false if damaged.
  bool read(PartReader& in);

 private:
  std::vector<uint64_t> own_hashes_;
  std::vector<uint32_t> own_bits_;
  std::span<const uint64_t> hashes_;
  std::span<const uint32_t> bits_;
  // dir_[p] = the first index whose hash has top 16 bits >= p: a lookup searches one bucket.
  std::vector<uint32_t> dir_;
  void index();
};

// The hash a name is stored under: its words folded (kb/fold.h) and joined by single spaces.
uint64_t gazetteer_key(std::span<const std::string_view> words);

}  // namespace sitrep::nlp

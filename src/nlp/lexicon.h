// A lexicon of English word classes read from WordNet (Princeton WordNet 3.0,
// Debian's `wordnet-base`, /usr/share/wordnet): which parts of speech a word
// form can have, for the tagger's unseen words ("forensic" is an adjective,
// "encryption" a noun, "gratifying" a verb's -ing form, "tampa" a name). Only
// the trainer reads WordNet; the tagger part stores the table.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace sitrep::nlp {

// One bit per reading of a form (a lower-cased single word).
enum LexiconBit : uint16_t {
  kLexNoun = 1,        // a common noun's singular ("encryption")
  kLexNounPlural = 2,  // a common noun's plural ("arabists", "mice")
  kLexVerb = 4,        // a verb's base form
  kLexVerbS = 8,       // its -s form
  kLexVerbEd = 16,     // its past or participle ("coagulated", "ate", "eaten")
  kLexVerbIng = 32,    // its -ing form
  kLexAdj = 64,        // an adjective (or its comparative / superlative from WordNet's list)
  kLexAdv = 128,       // an adverb
  kLexProper = 256,    // part of a capitalized noun ("Tampa", "Methodist")
  // The lemma has a sense tagged in WordNet's sense-tagged corpus: the part of
  // speech is in use, not a rare dictionary sense ("well" the noun is rare, the
  // adverb frequent).
  kLexNounUsed = 512,
  kLexVerbUsed = 1024,
  kLexAdjUsed = 2048,
  kLexAdvUsed = 4096,
};

class PartWriter;
class PartReader;

// The forms' bits by key (a word's WordKeys::lower) in 8-byte slots: the key's
// upper 48 bits and the bits (never 0) in the lower 16. Open addressing;
// memory-mapped from the tagger part.
class Lexicon {
 public:
  struct Entry {
    uint64_t key;
    uint16_t bits;
  };
  Lexicon() = default;
  explicit Lexicon(const std::vector<Entry>& entries);
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;
  Lexicon(const Lexicon&) = delete;  // the span may point into the owned vector
  Lexicon& operator=(const Lexicon&) = delete;
  // The bits of `key`, 0 if it has none.
  uint16_t bits(uint64_t key) const;
  size_t size() const { return entries_; }
  void write(PartWriter& out) const;
  // Views the table inside the reader's buffer; false if damaged.
  bool read(PartReader& in);

 private:
  static uint64_t tag(uint64_t key) { return (key & ~uint64_t(0xFFFF)) ? key & ~uint64_t(0xFFFF) : 0x10000; }
  std::vector<uint64_t> own_;
  std::span<const uint64_t> table_;
  size_t entries_ = 0;
};

constexpr const char* kWordNetDir = "/usr/share/wordnet";

// (word_keys(form).lower, bits) for every single-word lemma of the WordNet
// database in `dir` and the forms made from it: a noun's plural, a verb's -s,
// -ed and -ing forms by the regular spelling rules (both with and without a
// doubled final consonant) and the irregular ones of WordNet's exception lists.
// Sorted by key; an error naming the file when one cannot be read.
Expected<std::vector<Lexicon::Entry>> wordnet_lexicon(const std::string& dir);

}  // namespace sitrep::nlp

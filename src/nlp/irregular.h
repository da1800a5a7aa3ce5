// Irregular English inflections (data/nlp/irregular.tsv): the lemma of forms such as "fled",
// "withdrew" or "geese", and the tags each can take. The tagger keeps an all-lower-case listed
// form to those tags; the lemmatizer uses the lemma for forms its training data never showed.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitrep::nlp {

// What a listed form can be, as bits.
enum IrregularTag : uint8_t { kIrrPast = 1, kIrrParticiple = 2, kIrrPlural = 4 };

// The bits an XPOS tag stands for: VBD past; VBN and JJ participle; NNS and NNPS plural.
uint8_t irregular_bits_of_xpos(std::string_view xpos);

class IrregularForms {
 public:
  struct Entry {
    std::string lemma;
    uint8_t tags = 0;       // IrregularTag bits
    bool restrict = false;  // the form is nothing else: the tagger keeps it to `tags`
  };
  // Parses "V lemma past participle" and "N lemma plural" rows; an error names the line.
  static IrregularForms parse(std::string_view tsv, std::string* error = nullptr);
  // The embedded English table.
  static const IrregularForms& english();

  const Entry* find(std::string_view lower_form) const;
  size_t size() const { return forms_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> forms_;
};

}  // namespace sitrep::nlp

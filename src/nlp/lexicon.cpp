#include "nlp/lexicon.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "nlp/features.h"
#include "nlp/model_file.h"
#include "nlp/text_chars.h"

namespace sitrep::nlp {
namespace {

using Forms = std::unordered_map<std::string, uint16_t>;

bool plain_word(const std::string& w) {
  if (w.empty()) return false;
  for (unsigned char c : w)
    if (!(std::isalpha(c) || c == '-' || c == '\'' || c == '.')) return false;
  return std::isalpha(static_cast<unsigned char>(w[0]));
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The -s form of a noun or verb: "box" boxes, "city" cities, "day" days, "man"
// men (nouns).
std::string s_form(const std::string& w) {
  if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
    return w + "es";
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  return w + "s";
}

// Whether the last consonant may double before -ed / -ing ("stop" stopped):
// consonant, single vowel, consonant other than w, x, y.
bool doubles(const std::string& w) {
  size_t n = w.size();
  if (n < 3) return false;
  char a = w[n - 3], b = w[n - 2], c = w[n - 1];
  return !vowel(a) && vowel(b) && !vowel(c) && c != 'w' && c != 'x' && c != 'y';
}

void add_verb_forms(const std::string& w, uint16_t used, Forms& out) {
  out[s_form(w)] |= kLexVerbS | used;
  std::string ed, ing;
  if (w.back() == 'e') {
    ed = w + "d";
    ing = (ends_with(w, "ee") || ends_with(w, "ye") || ends_with(w, "oe")) ? w + "ing"
                                                                           : w.substr(0, w.size() - 1) + "ing";
  } else if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) {
    ed = w.substr(0, w.size() - 1) + "ied";
    ing = w + "ing";
  } else {
    ed = w + "ed";
    ing = w + "ing";
  }
  out[ed] |= kLexVerbEd | used;
  out[ing] |= kLexVerbIng | used;
  if (doubles(w)) {
    out[w + w.back() + "ed"] |= kLexVerbEd | used;
    out[w + w.back() + "ing"] |= kLexVerbIng | used;
  }
}

// The words of each synset line of data.POS ("00001740 03 n 01 entity 0 003
// ..."): a hex count, then word / lex_id pairs; adjectives may carry a marker
// such as "(p)".
Expected<bool> read_data(const std::string& path, char pos, Forms& out) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot read WordNet data file (Debian package wordnet-base)"};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the license header
    std::istringstream ls(line);
    std::string offset, lexfile, type, count_hex;
    if (!(ls >> offset >> lexfile >> type >> count_hex)) continue;
    int count = int(std::strtol(count_hex.c_str(), nullptr, 16));
    for (int i = 0; i < count; ++i) {
      std::string word, lex_id;
      if (!(ls >> word >> lex_id)) break;
      if (size_t p = word.find('('); p != std::string::npos) word.resize(p);
      if (!plain_word(word)) continue;  // multiword lemmas have underscores
      bool capital = std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isupper(c); });
      std::string low = to_lower(word);
      switch (pos) {
        case 'n':
          out[low] |= capital ? kLexProper : kLexNoun;
          break;
        case 'v':
          out[low] |= kLexVerb;
          break;
        case 'a':
          out[low] |= kLexAdj;
          break;
        case 'r':
          out[low] |= kLexAdv;
          break;
      }
    }
  }
  return true;
}

// The lemmas of index.POS with a sense in the sense-tagged corpus: "lemma pos
// synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt ...".
Expected<bool> read_index(const std::string& path, uint16_t used_bit, Forms& used) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot read WordNet index file (Debian package wordnet-base)"};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ls(line);
    std::string lemma, pos;
    int synsets = 0, pointers = 0, senses = 0, tagged = 0;
    if (!(ls >> lemma >> pos >> synsets >> pointers)) continue;
    std::string skip;
    for (int i = 0; i < pointers; ++i) ls >> skip;
    if (!(ls >> senses >> tagged)) continue;
    if (tagged > 0 && plain_word(lemma)) used[lemma] |= used_bit;
  }
  return true;
}

// "inflected base" lines of POS.exc.
Expected<bool> read_exceptions(const std::string& path, char pos, const Forms& used, Forms& out) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot read WordNet exception list (Debian package wordnet-base)"};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string form, base;
    if (!(ls >> form >> base) || !plain_word(form)) continue;
    auto u = used.find(base);
    uint16_t bits = u == used.end() ? 0 : u->second;
    switch (pos) {
      case 'n':
        out[form] |= kLexNounPlural | (bits & kLexNounUsed);
        break;
      case 'v':
        out[form] |= (ends_with(form, "ing")                           ? kLexVerbIng
                      : ends_with(form, "s") && !ends_with(form, "ss") ? kLexVerbS
                                                                       : kLexVerbEd) |
                     (bits & kLexVerbUsed);
        break;
      case 'a':
        out[form] |= kLexAdj | (bits & kLexAdjUsed);
        break;
      case 'r':
        out[form] |= kLexAdv | (bits & kLexAdvUsed);
        break;
    }
  }
  return true;
}

}  // namespace

Lexicon::Lexicon(const std::vector<Entry>& entries) {
  size_t cap = 16;
  while (cap * 3 < entries.size() * 4) cap <<= 1;  // at most three quarters full
  if (cap == entries.size()) cap <<= 1;
  own_.assign(cap, 0);
  for (const auto& e : entries) {
    if (e.bits == 0) continue;
    uint64_t t = tag(e.key);
    size_t i = size_t(t >> 16) & (cap - 1);
    while (own_[i] != 0 && (own_[i] & ~uint64_t(0xFFFF)) != t) i = (i + 1) & (cap - 1);
    entries_ += own_[i] == 0;
    own_[i] = t | (own_[i] & 0xFFFF) | e.bits;
  }
  table_ = own_;
}

uint16_t Lexicon::bits(uint64_t key) const {
  if (table_.empty()) return 0;
  uint64_t t = tag(key);
  size_t mask = table_.size() - 1;
  for (size_t i = size_t(t >> 16) & mask;; i = (i + 1) & mask) {
    if (table_[i] == 0) return 0;
    if ((table_[i] & ~uint64_t(0xFFFF)) == t) return uint16_t(table_[i] & 0xFFFF);
  }
}

void Lexicon::write(PartWriter& out) const {
  out.u64(entries_);
  out.array(table_);
}

bool Lexicon::read(PartReader& in) {
  own_.clear();
  entries_ = size_t(in.u64());
  table_ = in.array<uint64_t>();
  if (!in.ok()) return false;
  if (table_.empty()) return entries_ == 0;  // a part without a lexicon
  size_t used = 0;
  for (uint64_t e : table_) used += e != 0;
  return sound_open_table(table_.size(), used, entries_);
}

Expected<std::vector<Lexicon::Entry>> wordnet_lexicon(const std::string& dir) {
  Forms lemmas;
  Forms used;
  const std::pair<const char*, char> parts[] = {{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}};
  const uint16_t used_bits[] = {kLexNounUsed, kLexVerbUsed, kLexAdjUsed, kLexAdvUsed};
  for (size_t i = 0; i < 4; ++i) {
    auto d = read_data(dir + "/data." + parts[i].first, parts[i].second, lemmas);
    if (!d) return d.error();
    auto x = read_index(dir + "/index." + parts[i].first, used_bits[i], used);
    if (!x) return x.error();
  }
  Forms forms;
  for (const auto& [w, bits] : lemmas) {
    auto u = used.find(w);
    uint16_t use = u == used.end() ? 0 : u->second;
    forms[w] |= bits | use;
    if (bits & kLexNoun) forms[s_form(w)] |= kLexNounPlural | (use & kLexNounUsed);
    if (bits & kLexVerb) add_verb_forms(w, use & kLexVerbUsed, forms);
  }
  for (size_t i = 0; i < 4; ++i) {
    auto x = read_exceptions(dir + "/" + parts[i].first + ".exc", parts[i].second, used, forms);
    if (!x) return x.error();
  }
  std::vector<Lexicon::Entry> out;
  out.reserve(forms.size());
  for (const auto& [w, bits] : forms) out.push_back({word_keys(w).lower, bits});
  std::sort(out.begin(), out.end(), [](const Lexicon::Entry& a, const Lexicon::Entry& b) { return a.key < b.key; });
  return out;
}

}  // namespace sitrep::nlp

#include <algorithm>
#include <map>
#include <unordered_map>

#include "nlp/lemmatizer.h"
#include "nlp/text_chars.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::string train_lemmatizer(const std::vector<TrainSentence>& data) {
  std::vector<std::string> rules;
  std::unordered_map<std::string, uint32_t> rule_id;
  // key -> rule -> count; std::map keeps the choice among ties deterministic
  std::unordered_map<uint64_t, std::map<uint32_t, uint32_t>> counts;
  std::unordered_map<uint64_t, bool> is_suffix;
  for (const auto& s : data)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      if (s.lemmas[i].empty() || s.lemmas[i] == "_") continue;
      std::string rule = lemma_rule(s.forms[i], s.lemmas[i]);
      auto [it, fresh] = rule_id.emplace(rule, uint32_t(rules.size()));
      if (fresh) rules.push_back(rule);
      std::string low = to_lower(s.forms[i]);
      ++counts[lemma_form_key(low, s.xpos[i])][it->second];
      for (int n = 0; n <= kLemmaMaxSuffix && size_t(n) <= low.size(); ++n) {
        uint64_t k = lemma_suffix_key(std::string_view(low).substr(low.size() - size_t(n)), s.xpos[i]);
        ++counts[k][it->second];
        is_suffix[k] = true;
      }
    }
  std::vector<std::pair<uint64_t, LemmaSlot>> entries;
  for (const auto& [key, by_rule] : counts) {
    uint32_t best = 0, best_n = 0, total = 0;
    for (auto [r, n] : by_rule) {
      total += n;
      if (n > best_n) best = r, best_n = n;
    }
    // A suffix is only trusted when its rule is not a coin toss.
    if (is_suffix.count(key) && best_n * 2 < total && total > 2) total = 1;
    entries.push_back({key, LemmaSlot{key, best, total}});
  }
  std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.first < b.first; });
  size_t cap = 16;
  while (cap < entries.size() * 3 / 2 + 1) cap <<= 1;
  std::vector<LemmaSlot> slots(cap, LemmaSlot{0, 0, 0});
  for (const auto& [key, slot] : entries) {
    size_t i = key & (cap - 1);
    while (slots[i].key) i = (i + 1) & (cap - 1);
    slots[i] = slot;
  }
  PartWriter w;
  w.strings(rules);
  w.array(slots);
  return w.bytes();
}

}  // namespace sitrep::nlp

#include "nlp/irregular.h"

#include <vector>

#include "core/embedded.h"

namespace sitrep::nlp {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

}  // namespace

uint8_t irregular_bits_of_xpos(std::string_view xpos) {
  if (xpos == "VBD") return kIrrPast;
  if (xpos == "VBN" || xpos == "JJ") return kIrrParticiple;
  if (xpos == "NNS" || xpos == "NNPS") return kIrrPlural;
  return 0;
}

IrregularForms IrregularForms::parse(std::string_view tsv, std::string* error) {
  IrregularForms t;
  size_t line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    bool verb = cols[0] == "V", noun = cols[0] == "N";
    if (!(verb && cols.size() == 4) && !(noun && cols.size() == 3)) {
      if (error && error->empty()) *error = "line " + std::to_string(line_no) + ": expected 'V lemma past participle' or 'N lemma plural'";
      continue;
    }
    std::string lemma(cols[1]);
    auto add = [&](std::string_view forms, uint8_t tag) {
      for (std::string_view f : split(forms, '|')) {
        bool ambiguous = !f.empty() && f.back() == '~';
        if (ambiguous) f.remove_suffix(1);
        if (f.empty()) continue;
        Entry& e = t.forms_[std::string(f)];
        if (e.tags == 0) {
          e.lemma = lemma;
          e.restrict = !ambiguous;
        } else {
          e.restrict = e.restrict && !ambiguous;
        }
        e.tags |= tag;
      }
    };
    if (verb) {
      add(cols[2], kIrrPast);
      add(cols[3], kIrrParticiple);
    } else {
      add(cols[2], kIrrPlural);
    }
  }
  return t;
}

const IrregularForms& IrregularForms::english() {
  static const IrregularForms table = parse(embedded_data("nlp/irregular.tsv"));
  return table;
}

const IrregularForms::Entry* IrregularForms::find(std::string_view lower_form) const {
  auto it = forms_.find(lower_form);
  return it == forms_.end() ? nullptr : &it->second;
}

}  // namespace sitrep::nlp

#include "code/eval_ngec.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "code/code.h"

namespace sitrep::code {

namespace {

// One CSV record's fields from `pos`; false with `pos` unchanged when the input is exhausted.
// `bad` is set when a quoted field runs to the end of the input.
bool next_record(std::string_view csv, size_t& pos, std::vector<std::string>& fields, bool& bad) {
  fields.clear();
  if (pos >= csv.size()) return false;
  std::string field;
  size_t i = pos;
  while (true) {
    if (i < csv.size() && csv[i] == '"') {
      ++i;
      while (true) {
        if (i >= csv.size()) {
          bad = true;
          pos = csv.size();
          return true;
        }
        if (csv[i] == '"') {
          if (i + 1 < csv.size() && csv[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(csv[i++]);
      }
    }
    while (i < csv.size() && csv[i] != ',' && csv[i] != '\n') field.push_back(csv[i++]);
    if (!field.empty() && field.back() == '\r') field.pop_back();
    fields.push_back(std::move(field));
    field.clear();
    if (i >= csv.size() || csv[i] == '\n') {
      pos = i + 1;
      return true;
    }
    ++i;  // the comma
  }
}

}  // namespace

Expected<std::vector<NgecStory>> read_ngec_csv(std::string_view csv, const std::string& file) {
  std::vector<NgecStory> out;
  size_t pos = 0;
  bool bad = false;
  std::vector<std::string> fields;
  if (!next_record(csv, pos, fields, bad) || bad) return Error{file, "", "empty or unreadable CSV header"};
  int text = -1, title = -1, label = -1, mode = -1, prompt = -1;
  for (int c = 0; c < int(fields.size()); ++c) {
    if (fields[c] == "text") text = c;
    else if (fields[c] == "title") title = c;
    else if (fields[c] == "label") label = c;
    else if (fields[c] == "mode") mode = c;
    else if (fields[c] == "prompt") prompt = c;
  }
  if (text < 0 || title < 0 || label < 0) return Error{file, "", "the header lacks text, title or label"};
  std::unordered_map<std::string, size_t> headlines;
  size_t row = 1;
  while (next_record(csv, pos, fields, bad)) {
    ++row;
    if (bad) return Error{file, "record " + std::to_string(row), "a quoted field never closes"};
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    int need = std::max({text, title, label, mode, prompt});
    if (int(fields.size()) <= need) return Error{file, "record " + std::to_string(row), "too few fields"};
    NgecStory s;
    s.text = std::move(fields[text]);
    s.title = std::move(fields[title]);
    s.label = std::move(fields[label]);
    if (mode >= 0) s.mode = std::move(fields[mode]);
    if (prompt >= 0) {
      std::string_view p = fields[prompt];
      p = p.substr(0, p.find('\n'));
      while (!p.empty() && std::isspace(uint8_t(p.back()))) p.remove_suffix(1);
      s.headline_text = std::string(p);
    }
    s.headline = headlines.emplace(s.title, headlines.size()).first->second;
    out.push_back(std::move(s));
  }
  return out;
}

bool in_ngec_split(const NgecStory& story, PloverSplit split) { return in_plover_split(story.headline, split); }

NgecScores score_ngec(const Coder& coder, const std::vector<NgecStory>& stories, PloverSplit split,
                      std::ostream* details, bool headlines) {
  NgecScores s;
  for (size_t i = 0; i < stories.size(); ++i) {
    const NgecStory& st = stories[i];
    if (!in_ngec_split(st, split)) continue;
    if (headlines && st.headline_text.empty()) continue;
    ++s.records;
    auto& per = s.per_type[st.label];
    ++per.records;
    Doc d;
    d.id = "ngec-" + std::to_string(i);
    d.body = headlines ? st.headline_text : st.text;
    // The generator stopped mid-sentence in most stories; close the last one as a reporter
    // would. (It also keeps a story ending in "about" or "up to" clear of a time-stage read past
    // the last token, reported separately.)
    while (!d.body.empty() && std::isspace(uint8_t(d.body.back()))) d.body.pop_back();
    if (!d.body.empty() && !std::ispunct(uint8_t(d.body.back()))) d.body += ".";
    CodedDoc out = coder.code(d);
    // The lead event: the first sentence with events, then asserted first, most confident.
    const EventMention* best = nullptr;
    bool in_doc = false;
    for (const auto& e : out.events) {
      in_doc |= e.cameo->plover_type == st.label;
      if (best && e.sentence != best->sentence) continue;
      if (!best || (e.modality == Modality::Asserted && best->modality != Modality::Asserted) ||
          (e.modality == best->modality && e.confidence > best->confidence))
        best = &e;
    }
    std::string got = best ? best->cameo->plover_type : "-";
    bool right = got == st.label;
    ++s.confusion[st.label][got];
    if (best) ++s.coded;
    if (right) ++s.type_right, ++per.right;
    if (in_doc) ++s.in_doc, ++per.in_doc;
    if (details) {
      *details << (right ? "ok   " : "miss ") << i << "\t" << st.label << "\t"
               << (best ? got + " " + best->cameo->code : "-") << "\t";
      if (best)
        *details << (best->source ? best->source->code : "-") << ">" << (best->target ? best->target->code : "-") << " "
                 << to_string(best->modality) << " " << best->pattern << "\t" << best->text << "\n";
      else
        *details << d.body.substr(0, d.body.find('\n')).substr(0, 200) << "\n";
    }
  }
  return s;
}

}  // namespace sitrep::code

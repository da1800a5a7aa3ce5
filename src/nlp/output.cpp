#include "nlp/output.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace sitrep::nlp {
namespace {
std::string_view sub(std::string_view t, Span s) { return t.substr(s.begin, s.end - s.begin); }
// CoNLL-U fields may not hold tabs or newlines.
std::string field(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return o.empty() ? "_" : o;
}
}  // namespace

void write_conllu(std::string_view text, const Analysis& a, std::ostream& out, const std::string& doc_id) {
  if (!doc_id.empty()) out << "# newdoc id = " << doc_id << "\n";
  std::vector<int> ne(a.words.size(), 0);  // 0 none, else 1 + 2*type (+1 inside)
  for (const auto& e : a.entities)
    for (uint32_t w = e.word_begin; w < e.word_end; ++w) ne[w] = 1 + 2 * int(e.type) + (w > e.word_begin);
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
    if (b >= e) continue;
    Span extent{a.tokens[a.word_token[b]].begin, a.tokens[a.word_token[e - 1]].end};
    out << "# sent_id = " << s + 1 << "\n# text = " << field(sub(text, extent)) << "\n";
    for (uint32_t w = b; w < e; ++w) {
      uint32_t tok = a.word_token[w];
      uint32_t last = w;
      while (last + 1 < e && a.word_token[last + 1] == tok) ++last;
      Span ts = a.tokens[tok];
      bool space_after = tok + 1 >= a.tokens.size() || a.tokens[tok + 1].begin != ts.end;
      if (last > w && (w == b || a.word_token[w - 1] != tok)) {
        out << (w - b + 1) << "-" << (last - b + 1) << "\t" << field(sub(text, ts)) << "\t_\t_\t_\t_\t_\t_\t_\t"
            << (space_after ? "_" : "SpaceAfter=No") << "\n";
      }
      std::string misc = "TokenRange=" + std::to_string(a.words[w].begin) + ":" + std::to_string(a.words[w].end);
      if (ne[w]) misc += std::string("|NE=") + ((ne[w] - 1) % 2 ? "I-" : "B-") + std::string(entity_name(EntityType((ne[w] - 1) / 2)));
      bool single = (w == b || a.word_token[w - 1] != tok) && (w + 1 >= e || a.word_token[w + 1] != tok);
      if (single && !space_after) misc += "|SpaceAfter=No";
      int head = a.head.empty() ? -1 : a.head[w];
      out << (w - b + 1) << "\t" << field(sub(text, a.words[w])) << "\t" << (a.lemma.empty() ? "_" : field(a.lemma[w]))
          << "\t" << (a.upos.empty() ? "_" : upos_name(a.upos[w])) << "\t"
          << (a.xpos.empty() ? "_" : field(a.xpos_name(w))) << "\t_\t"
          << (a.head.empty() ? std::string("_") : std::to_string(head < 0 ? 0 : head - int(b) + 1)) << "\t"
          << (a.deprel.empty() ? "_" : (head < 0 ? std::string("root") : field(a.deprel_name(w)))) << "\t_\t" << misc
          << "\n";
    }
    out << "\n";
  }
}

std::string analysis_json(std::string_view text, const Analysis& a, const std::string& doc_id) {
  nlohmann::json j;
  if (!doc_id.empty()) j["id"] = doc_id;
  j["sentences"] = nlohmann::json::array();
  bool tagged = !a.upos.empty();
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
    if (b >= e) continue;
    nlohmann::json sj;
    sj["begin"] = a.tokens[a.word_token[b]].begin;
    sj["end"] = a.tokens[a.word_token[e - 1]].end;
    sj["text"] = std::string(sub(text, {sj["begin"], sj["end"]}));
    for (uint32_t w = b; w < e; ++w) {
      nlohmann::json wj = {{"id", w - b + 1}, {"form", std::string(sub(text, a.words[w]))},
                           {"begin", a.words[w].begin}, {"end", a.words[w].end}, {"token", a.word_token[w]}};
      if (tagged) {
        wj["lemma"] = a.lemma[w];
        wj["upos"] = std::string(upos_name(a.upos[w]));
        wj["xpos"] = std::string(a.xpos_name(w));
        wj["head"] = a.head[w] < 0 ? 0 : a.head[w] - int(b) + 1;
        wj["deprel"] = a.head[w] < 0 ? std::string("root") : std::string(a.deprel_name(w));
      }
      sj["words"].push_back(std::move(wj));
    }
    j["sentences"].push_back(std::move(sj));
  }
  j["entities"] = nlohmann::json::array();
  for (const auto& e : a.entities) {
    Span span{a.words[e.word_begin].begin, a.words[e.word_end - 1].end};
    j["entities"].push_back({{"type", std::string(entity_name(e.type))}, {"begin", span.begin}, {"end", span.end},
                             {"text", std::string(sub(text, span))}, {"words", {e.word_begin, e.word_end}}});
  }
  // Text that is not valid UTF-8 (a raw .txt file) is printed with U+FFFD, not a failure.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sitrep::nlp

// NER evaluation: a predicted entity counts only if its type and both boundaries match.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "nlp/conllu.h"
#include "nlp/eval.h"
#include "nlp/ner.h"

namespace sitrep::nlp {

Prf prf(size_t gold, size_t predicted, size_t correct) {
  Prf p;
  p.gold = gold, p.predicted = predicted, p.correct = correct;
  p.precision = predicted ? 100.0 * double(correct) / double(predicted) : 0;
  p.recall = gold ? 100.0 * double(correct) / double(gold) : 0;
  p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0;
  return p;
}

Expected<NerEvaluation> evaluate_ner(const Model& model, const std::string& path) {
  auto sents = read_iob2(path);
  if (!sents) return sents.error();
  std::string text;
  Analysis a;
  std::vector<EntitySpan> gold;
  std::vector<uint32_t> doc_starts;  // first sentence of each document ("# newdoc")
  for (const auto& s : sents.value()) {
    uint32_t base = uint32_t(a.words.size());
    if (doc_starts.empty() || s.new_doc) doc_starts.push_back(uint32_t(a.sentence_starts.size()));
    a.sentence_starts.push_back(base);
    std::vector<uint16_t> cls;
    for (size_t i = 0; i < s.words.size(); ++i) {
      a.tokens.push_back({uint32_t(text.size()), uint32_t(text.size() + s.words[i].size())});
      a.words.push_back(a.tokens.back());
      a.word_token.push_back(uint32_t(a.tokens.size() - 1));
      text += s.words[i];
      text += ' ';
      EntityType t{};
      uint16_t c = 0;
      if (s.tags[i] != "O" && parse_entity_type(s.tags[i].substr(2), t))
        c = uint16_t((s.tags[i][0] == 'B' ? 1 : 2) + 2 * int(t));
      cls.push_back(c);
    }
    bio_to_spans(cls, base, gold);
  }
  // Each document is analyzed alone, as the recognizer reads a document's other sentences.
  for (size_t d = 0; d < doc_starts.size(); ++d) {
    uint32_t s0 = doc_starts[d], s1 = d + 1 < doc_starts.size() ? doc_starts[d + 1] : uint32_t(a.sentence_starts.size());
    if (s0 >= s1) continue;
    uint32_t w0 = a.sentence_starts[s0], w1 = a.sentence_end(s1 - 1);
    if (w0 >= w1) continue;
    uint32_t b0 = a.words[w0].begin, b1 = a.words[w1 - 1].end;
    Analysis doc;
    for (uint32_t w = w0; w < w1; ++w) {
      doc.tokens.push_back({a.words[w].begin - b0, a.words[w].end - b0});
      doc.words.push_back(doc.tokens.back());
      doc.word_token.push_back(w - w0);
    }
    for (uint32_t s = s0; s < s1; ++s) doc.sentence_starts.push_back(a.sentence_starts[s] - w0);
    model.annotate(std::string_view(text).substr(b0, b1 - b0), doc);
    for (EntitySpan e : doc.entities) {
      e.word_begin += w0, e.word_end += w0;
      a.entities.push_back(e);
    }
  }
  using Key = std::tuple<uint32_t, uint32_t, int>;
  std::set<Key> g, p;
  for (const auto& e : gold) g.insert({e.word_begin, e.word_end, int(e.type)});
  for (const auto& e : a.entities) p.insert({e.word_begin, e.word_end, int(e.type)});
  NerEvaluation r;
  r.sentences = sents.value().size();
  auto span_text = [&](const Key& k) {
    std::string t;
    for (uint32_t w = std::get<0>(k); w < std::get<1>(k); ++w)
      t += (t.empty() ? "" : " ") + text.substr(a.words[w].begin, a.words[w].end - a.words[w].begin);
    return std::string(entity_name(EntityType(std::get<2>(k)))) + " [" + t + "]";
  };
  for (size_t s = 0; s < a.sentence_starts.size(); ++s) {
    uint32_t b = a.sentence_starts[s], e = s + 1 < a.sentence_starts.size() ? a.sentence_starts[s + 1] : uint32_t(a.words.size());
    std::string line;
    for (auto it = g.lower_bound({b, 0, 0}); it != g.end() && std::get<0>(*it) < e; ++it)
      if (!p.count(*it)) line += "missed " + span_text(*it) + " | ";
    for (auto it = p.lower_bound({b, 0, 0}); it != p.end() && std::get<0>(*it) < e; ++it)
      if (!g.count(*it)) line += "spurious " + span_text(*it) + " | ";
    if (line.empty() || b >= e) continue;
    line += "\t";
    for (uint32_t w = b; w < e; ++w) line += text.substr(a.words[w].begin, a.words[w].end - a.words[w].begin) + " ";
    r.errors.push_back(line);
  }
  size_t all_g = 0, all_p = 0, all_c = 0;
  for (int t = 0; t < kEntityTypeCount; ++t) {
    size_t ng = 0, np = 0, nc = 0;
    for (const auto& k : g)
      if (std::get<2>(k) == t) ++ng, nc += p.count(k);
    for (const auto& k : p)
      if (std::get<2>(k) == t) ++np;
    r.by_type[std::string(entity_name(EntityType(t)))] = prf(ng, np, nc);
    all_g += ng, all_p += np, all_c += nc;
  }
  r.overall = prf(all_g, all_p, all_c);
  return r;
}

namespace {
nlohmann::json prf_json(const Prf& p) {
  return {{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1},
          {"gold", p.gold},           {"predicted", p.predicted}, {"correct", p.correct}};
}
}  // namespace

std::string to_json(const NerEvaluation& e) {
  nlohmann::json j = {{"sentences", e.sentences}, {"overall", prf_json(e.overall)}};
  for (const auto& [k, v] : e.by_type) j["by_type"][k] = prf_json(v);
  return j.dump(2);
}

std::string to_text(const NerEvaluation& e) {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(2);
  o << "type      precision  recall      F1   gold  predicted\n";
  auto row = [&](const std::string& name, const Prf& p) {
    o << name << std::string(10 - std::min<size_t>(name.size(), 9), ' ') << p.precision << "  " << p.recall << "  "
      << p.f1 << "  " << p.gold << "  " << p.predicted << "\n";
  };
  for (const auto& [k, v] : e.by_type) row(k, v);
  row("overall", e.overall);
  return o.str();
}

}  // namespace sitrep::nlp

// Golden Rules: a rule passes when the split gives exactly the expected sentences.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nlp/eval.h"

namespace sitrep::nlp {
namespace {
std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}
}  // namespace

Expected<SbdEvaluation> evaluate_sbd(const std::string& path, const Model* model) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot open"};
  nlohmann::json rules;
  try {
    rules = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    return Error{path, "", std::string("bad JSON: ") + e.what()};
  }
  SbdEvaluation r;
  r.learned = model != nullptr;
  for (const auto& rule : rules) {
    if (!rule.contains("text") || !rule.contains("expected")) return Error{path, "", "rule without text/expected"};
    std::string text = rule["text"].get<std::string>();
    Analysis a = model ? model->segment(text) : segment(text);
    std::vector<std::string> got, expected;
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
      if (b < e) got.push_back(text.substr(a.tokens[a.word_token[b]].begin,
                                           a.tokens[a.word_token[e - 1]].end - a.tokens[a.word_token[b]].begin));
    }
    for (const auto& x : rule["expected"]) expected.push_back(trim(x.get<std::string>()));
    ++r.total;
    if (got == expected) ++r.passed;
    else r.failures.push_back({rule.value("id", 0), expected, got});
  }
  r.accuracy = r.total ? 100.0 * double(r.passed) / double(r.total) : 0;
  return r;
}

std::string to_json(const SbdEvaluation& e) {
  nlohmann::json j = {{"accuracy", e.accuracy},
                      {"passed", e.passed},
                      {"total", e.total},
                      {"splitter", e.learned ? "rules_and_model" : "rules"}};
  j["failures"] = nlohmann::json::array();
  for (const auto& f : e.failures) j["failures"].push_back({{"id", f.id}, {"expected", f.expected}, {"got", f.got}});
  return j.dump(2);
}

std::string to_text(const SbdEvaluation& e) {
  std::ostringstream o;
  o << "Golden Rules (" << (e.learned ? "rules and the model's sentence ends" : "rules alone") << "): " << e.passed << "/" << e.total << " passed (" << e.accuracy << " %)\n";
  for (const auto& f : e.failures) {
    o << "  rule " << f.id << " failed\n";
    for (const auto& s : f.expected) o << "    expected: " << s << "\n";
    for (const auto& s : f.got) o << "    got:      " << s << "\n";
  }
  return o.str();
}

}  // namespace sitrep::nlp

#include "code/eval_petrarch.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "code/code.h"
#include "kb/compile.h"
#include "kb/kb.h"
#include "kb/linker.h"
#include "kb/petrarch.h"
#include "nlp/nlp.h"

namespace sitrep::code {
namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = char(std::toupper(uint8_t(c)));
  return s;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (sp) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string tag_name(const GumboNode* n) {
  GumboStringPiece piece = n->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string s(piece.data ? piece.data : "", piece.length);
  for (auto& c : s) c = char(std::tolower(uint8_t(c)));
  return s;
}

std::string attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : "";
}

void text_of(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) out += n->v.text.text;
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& ch = n->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) text_of(static_cast<const GumboNode*>(ch.data[i]), out);
}

// Pre-order walk; each part belongs to the <Sentence> opened last. HTML parsing leaves the
// self-closed <EventCoding/> open and may nest later records inside earlier ones, so document
// order, not the tree, says which record a part belongs to.
void walk(const GumboNode* n, PetrarchSuite& suite) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  std::string tag = tag_name(n);
  if (tag == "parse") return;  // the CoNLL-U parse is UD-PETRARCH's input, not ours
  if (tag == "sentence") {
    PetrarchRecord rec;
    rec.id = attr(n, "id");
    rec.category = attr(n, "category");
    rec.date = attr(n, "date");
    rec.evaluate = upper(attr(n, "evaluate")) != "FALSE";
    suite.records.push_back(std::move(rec));
  } else if (!suite.records.empty() && tag == "eventcoding" && !attr(n, "eventcode").empty()) {
    suite.records.back().expected.push_back(
        {upper(attr(n, "sourcecode")), upper(attr(n, "targetcode")), attr(n, "eventcode")});
  } else if (!suite.records.empty() && tag == "eventcoding" && !attr(n, "error").empty()) {
    suite.records.back().error = attr(n, "error");
  } else if (!suite.records.empty() && tag == "text") {
    std::string t;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      auto* c = static_cast<const GumboNode*>(ch.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) t += c->v.text.text;
    }
    suite.records.back().text = collapse_space(t);
  } else if (tag == "actorfile" || tag == "agentfile" || tag == "verbfile" || tag == "discardfile" ||
             tag == "picofile") {
    std::string t;
    text_of(n, t);
    (tag == "actorfile"     ? suite.actor_file
     : tag == "agentfile"   ? suite.agent_file
     : tag == "verbfile"    ? suite.verb_file
     : tag == "discardfile" ? suite.discard_file
                            : suite.pico_file) = collapse_space(t);
  }
  const GumboVector& ch = n->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) walk(static_cast<const GumboNode*>(ch.data[i]), suite);
}

bool is_country_code(const std::string& c) {
  return c.size() == 3 && std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; });
}

}  // namespace

Expected<PetrarchSuite> read_petrarch_suite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", "cannot open the validation file"};
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str();
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, xml.data(), xml.size());
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> guard(
      out, [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  PetrarchSuite suite;
  walk(out->root, suite);
  if (suite.records.empty()) return Error{path, "", "no <Sentence> records"};
  return suite;
}

Expected<std::shared_ptr<const kb::Linker>> petrarch_linker(const std::vector<std::string>& dictionary_files) {
  kb::PetrarchImport imp;
  for (const auto& f : dictionary_files) {
    auto r = kb::read_petrarch_file(f, imp);
    if (!r) return r.error();
  }
  kb::KbSource src;
  std::set<std::string> countries;
  auto add_country = [&](const std::string& code, std::vector<std::string> names) {
    if (!countries.insert(code).second) {
      for (auto& c : src.countries)
        if (c.cameo == code) c.names.insert(c.names.end(), names.begin(), names.end());
      return;
    }
    kb::SourceCountry c;
    c.iso2 = c.iso3 = c.cameo = code;
    c.names = std::move(names);
    src.countries.push_back(std::move(c));
  };
  for (auto& o : imp.orgs) {
    std::string code = upper(o.code);
    if (is_country_code(code)) {
      std::vector<std::string> names{o.name};
      names.insert(names.end(), o.aliases.begin(), o.aliases.end());
      add_country(code, std::move(names));
    }
  }
  for (auto& o : imp.orgs) {
    std::string code = upper(o.code);
    if (is_country_code(code)) continue;
    o.code = code;
    // "WASHINGTON [USAGOV]", "CIRITH_UNGOL [MORMIL]": a body of a country's state, whose
    // people ("Washington security officials") are that body.
    if (code.size() > 3 && countries.count(code.substr(0, 3))) {
      o.kind = code.substr(3, 3) == "MIL" ? "mil" : "gov";
      o.country = code.substr(0, 3);
    }
    src.orgs.push_back(o);
  }
  for (auto& r : imp.roles)
    if (!countries.count(r.of)) add_country(r.of, {});
  src.people = imp.people;
  src.roles = imp.roles;
  src.agents = imp.agents;
  // The importer writes every dated role as title "official"; its sector is in each role's code.
  kb::SourceTitle official;
  official.key = "official";
  official.sector = "GOV";
  official.rank = 9;
  src.titles.push_back(official);
  // The few function words the linker's rules read (data/kb/words*.tsv holds the full set for
  // sitrep's own KB; this KB stands alone so the suite runs without the source tree).
  for (const char* w : {"in", "at", "near", "from", "to"}) src.words.push_back({{"", 0}, w, "locative"});
  for (const char* w : {"his", "her", "their", "its"}) src.words.push_back({{"", 0}, w, "possessive"});
  src.words.push_back({{"", 0}, "counterpart", "counterpart"});
  src.words.push_back({{"", 0}, "and", "coordinator"});
  src.words.push_back({{"", 0}, "the", "article"});
  auto kb = kb::Kb::from_bytes(kb::compile_kb(src));
  if (!kb) return kb.error();
  return std::make_shared<const kb::Linker>(kb.value());
}

Expected<std::map<std::string, std::string>> read_pico_negations(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", "cannot open the PICO file"};
  std::map<std::string, std::string> by_value, negation_value;  // value -> code, code -> value
  auto lower = [](std::string v) {
    for (auto& c : v) c = char(std::tolower(uint8_t(c)));
    return v;
  };
  auto is_hex = [](const std::string& v) {
    return v.size() > 2 && v.starts_with("0x") &&
           std::all_of(v.begin() + 2, v.end(), [](char c) { return std::isxdigit(uint8_t(c)) != 0; });
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || !std::isdigit(uint8_t(line[0]))) continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string code = line.substr(0, colon);
    std::vector<std::string> fields;
    std::stringstream ss(line.substr(colon + 1));
    for (std::string f; std::getline(ss, f, '#');) fields.push_back(collapse_space(f));
    if (fields.empty()) continue;
    std::string value = lower(fields[0]);
    if (is_hex(value) && !by_value.count(value)) by_value[value] = code;
    // "0xFFFF+0x0080" or "0x0087+0xFFFF": the value of the negation
    if (fields.size() > 1) {
      std::string f = lower(fields[1]);
      size_t plus = f.find('+');
      if (plus != std::string::npos) {
        std::string a = f.substr(0, plus), b = f.substr(plus + 1);
        if (a == "0xffff" && is_hex(b)) negation_value[code] = b;
        else if (b == "0xffff" && is_hex(a)) negation_value[code] = a;
      }
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& [code, v] : negation_value)
    if (auto it = by_value.find(v); it != by_value.end()) out[code] = it->second;
  return out;
}

double PrfCounts::precision() const { return tp + fp ? 100.0 * double(tp) / double(tp + fp) : 0.0; }
double PrfCounts::recall() const { return tp + fn ? 100.0 * double(tp) / double(tp + fn) : 0.0; }
double PrfCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

// Matches coded against expected triples one to one; `same` decides equality.
template <class Same>
void count(const std::vector<PetrarchTriple>& expected, const std::vector<PetrarchTriple>& coded, PrfCounts& c,
           Same same) {
  std::vector<bool> used(expected.size(), false);
  for (const auto& t : coded) {
    bool hit = false;
    for (size_t i = 0; i < expected.size() && !hit; ++i)
      if (!used[i] && same(expected[i], t)) used[i] = hit = true;
    (hit ? c.tp : c.fp)++;
  }
  c.fn += size_t(std::count(used.begin(), used.end(), false));
}

}  // namespace

PetrarchScores score_petrarch(const PetrarchSuite& suite, CoderOptions options,
                              const std::map<std::string, std::string>& negations) {
  PetrarchScores s;
  options.agent_country_from_context = false;  // PETRARCH leaves an agent of no actor alone
  options.unknown_organizations = false;       // ... and codes only its dictionaries' actors
  options.actorless_events = false;            // ... and only events between them
  auto coder = Coder::create(std::move(options));
  if (!coder) return s;
  std::unordered_map<std::string, std::string> realized;  // pattern origin -> its code
  const Lexicon& lex = coder.value()->lexicon();
  for (size_t i = 0; i < lex.size(); ++i)
    if (lex.pattern(uint32_t(i)).kind == PatternKind::Event) realized.emplace(lex.pattern(uint32_t(i)).origin, lex.pattern(uint32_t(i)).code);
  for (const auto& rec : suite.records) {
    if (!rec.evaluate) {
      ++s.skipped;
      continue;
    }
    if (rec.error == "bad_input_parse") {
      ++s.not_applicable;
      continue;
    }
    ++s.records;
    Doc d;
    d.id = rec.id;
    d.body = rec.text;
    if (rec.date.size() == 8) {
      d.meta.date.year = std::atoi(rec.date.substr(0, 4).c_str());
      d.meta.date.month = std::atoi(rec.date.substr(4, 2).c_str());
      d.meta.date.day = std::atoi(rec.date.substr(6, 2).c_str());
      d.meta.date.precision = DatePrecision::Day;
    }
    CodedDoc out = coder.value()->code(d);
    PetrarchRecordResult r;
    r.id = rec.id;
    r.expected = rec.expected;
    for (const auto& e : out.events) {
      if (!e.source || !e.target || e.source->code.empty() || e.target->code.empty()) continue;
      // An agent of no known actor ("the government", "officials") is not an actor to PETRARCH.
      auto bare = [](const ActorRef& a) { return a.country.empty() && a.code == a.agent; };
      if (bare(*e.source) || bare(*e.target)) continue;
      // PETRARCH does not code futurity: "Arnor will abandon ties" is the abandoning, where
      // sitrep codes the intent to. A planned mention is scored with its pattern's own code.
      std::string code = e.cameo->code;
      if (e.modality == Modality::Planned || e.modality == Modality::Negated) {
        auto it = realized.find(e.pattern);
        if (it != realized.end()) code = it->second;
      }
      if (e.modality == Modality::Negated) {
        auto neg = negations.find(code);
        if (neg == negations.end()) continue;
        code = neg->second;
      } else if (e.modality != Modality::Asserted && e.modality != Modality::Planned) {
        continue;
      }
      PetrarchTriple t{upper(e.source->code), upper(e.target->code), code};
      if (std::find(r.coded.begin(), r.coded.end(), t) == r.coded.end()) r.coded.push_back(std::move(t));
    }
    count(r.expected, r.coded, s.exact, [](const auto& a, const auto& b) { return a == b; });
    count(r.expected, r.coded, s.root, [](const auto& a, const auto& b) {
      return a.source == b.source && a.target == b.target && a.code.substr(0, 2) == b.code.substr(0, 2);
    });
    PrfCounts one;
    count(r.expected, r.coded, one, [](const auto& a, const auto& b) { return a == b; });
    std::set<std::tuple<std::string, std::string, std::string>> ex, co;
    for (const auto& t : r.expected) ex.emplace(t.source, t.target, t.code);
    for (const auto& t : r.coded) co.emplace(t.source, t.target, t.code);
    r.fully_right = ex == co;
    s.fully_right += r.fully_right;
    s.coded_events += r.coded.size();
    s.false_positives += one.fp;
    s.details.push_back(std::move(r));
  }
  return s;
}

}  // namespace sitrep::code

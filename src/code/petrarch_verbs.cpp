#include "code/petrarch_verbs.h"

#include "code/tsv.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace sitrep::code {
namespace {

using Words = std::vector<std::string>;  // a fixed phrase: words that stand next to each other

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && std::isspace(uint8_t(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(uint8_t(s.back()))) s.remove_suffix(1);
  return s;
}

// A comment starts at '#' outside a [code] (the suites use codes such as [###]).
std::string_view strip_comment(std::string_view line) {
  bool in_code = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') in_code = true;
    else if (line[i] == ']') in_code = false;
    else if (line[i] == '#' && !in_code) return line.substr(0, i);
  }
  return line;
}

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(uint8_t(c))) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// One dictionary word to lexicon words: lower case, '_' inside joins words of one phrase, a
// final '_' asks for the exact form. Empty when the word has characters the lexicon does not
// take.
Words to_words(std::string_view w) {
  bool exact = !w.empty() && w.back() == '_';
  if (exact) w.remove_suffix(1);
  Words out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  };
  for (char c : w) {
    if (c == '_') {
      flush();
      continue;
    }
    char l = char(std::tolower(uint8_t(c)));
    if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '\'' || l == '-')) return {};
    cur.push_back(l);
  }
  flush();
  if (exact && !out.empty()) out.back() = "=" + out.back();
  return out;
}

// "[037:037]" -> "037"; "" when there is no code.
std::string bracket_code(std::string_view s) {
  size_t a = s.find('['), b = s.find(']', a == std::string_view::npos ? 0 : a);
  if (a == std::string_view::npos || b == std::string_view::npos) return "";
  std::string_view c = trim_view(s.substr(a + 1, b - a - 1));
  size_t colon = c.find(':');
  if (colon != std::string_view::npos) c = trim_view(c.substr(0, colon));
  return std::string(c);
}

// The words around the verb match as written, as in PETRARCH ("MEET" is not "meeting"; plurals
// are spelled out: "TIES", "RELATIONS"); only the verb itself is inflected.
void exact_forms(Words& ws) {
  for (auto& w : ws)
    if (!w.empty() && w.front() != '=') w = "=" + w;
}

struct Verb {
  Words words;       // "cordon off"
  std::string code;  // its own code, "" for the block's
};

struct Element {
  std::vector<Words> alternatives;
  bool gap_before = true;
};

class Importer {
 public:
  Importer(const std::string& name, const Ontology& onto) : name_(name), onto_(onto) {}

  void line(std::string_view raw, int number) {
    std::string_view l = trim_view(strip_comment(raw));
    if (l.empty()) {
      set_.clear();
      return;
    }
    if (l.starts_with("---")) {
      set_.clear();
      in_block_ = true;
      ++blocks_;
      verbs_.clear();
      std::string_view inner = l;
      while (!inner.empty() && (inner.front() == '-' || inner.front() == ' ')) inner.remove_prefix(1);
      block_code_ = bracket_code(inner);
      return;
    }
    if (l.front() == '&') {
      auto toks = split_ws(l);
      set_ = toks[0].substr(1);
      sets_[set_];  // a set may be declared twice; members accumulate
      return;
    }
    if (!set_.empty() && l.front() == '+') {
      std::string_view member = trim_view(l.substr(1));
      size_t brace = member.find('{');
      if (brace != std::string_view::npos) member = trim_view(member.substr(0, brace));
      Words ws;
      bool ok = true;
      for (const auto& t : split_ws(member)) {
        Words part = to_words(t);
        if (part.empty()) ok = false;
        ws.insert(ws.end(), part.begin(), part.end());
      }
      if (ok && !ws.empty()) sets_[set_].push_back(std::move(ws));
      return;
    }
    if (!in_block_) return;  // headers and notes before the first verb block
    if (l.front() == '-' || l.front() == '*') {
      pattern(l.front() == '-' ? l.substr(1) : l, number);
      return;
    }
    verb(l, number);
  }

  PetrarchVerbImport finish() {
    out_.patterns_tsv = "code\tpattern\tflags\torigin\n";
    for (const auto& r : rows_)
      out_.patterns_tsv += r.code + "\t" + r.text + "\t" + (r.symmetric ? "sym" : "") + "\t" + r.origin + "\n";
    for (const auto& [lemma, forms] : forms_) {
      out_.forms_tsv += lemma + "\t";
      bool first = true;
      for (const auto& f : forms) {
        if (!first) out_.forms_tsv += ",";
        out_.forms_tsv += f;
        first = false;
      }
      out_.forms_tsv += "\n";
    }
    return out_;
  }

  size_t blocks() const { return blocks_; }

 private:
  // "BREAK { BROKE BROKEN }", "DOWNPLAY [014]", "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}"
  void verb(std::string_view l, int number) {
    std::string code = bracket_code(l);
    size_t cut = std::min(l.find('{'), l.find('['));
    std::string_view head = trim_view(l.substr(0, cut));
    if (!head.empty() && head.front() == '+') head.remove_prefix(1);
    auto toks = split_ws(head);
    if (toks.size() != 1 || toks[0].find('+') != std::string::npos) {
      ++out_.skipped_syntax;
      return;
    }
    Words ws = to_words(toks[0]);
    if (ws.empty() || ws.front().front() == '=') {
      ++out_.skipped_syntax;
      return;
    }
    // Irregular forms: of a phrasal verb, the forms of its first word.
    size_t a = l.find('{'), b = l.find('}');
    if (a != std::string_view::npos && b != std::string_view::npos && b > a) {
      for (auto f : split_ws(l.substr(a + 1, b - a - 1))) {
        if (!f.empty() && f.front() == '+') f.erase(0, 1);
        Words fw = to_words(f);
        if (!fw.empty() && fw.front().front() != '=' && fw.front() != ws.front()) forms_[ws.front()].insert(fw.front());
      }
    }
    ++out_.verbs;
    verbs_.push_back({ws, code});
    // The bare verb, with its own code or the block's.
    std::string c = code.empty() ? block_code_ : code;
    emit(c, join(ws), false, number);
  }

  void pattern(std::string_view body, int number) {
    std::string code = bracket_code(body);
    size_t br = body.find('[');
    if (br != std::string_view::npos) body = body.substr(0, br);
    // Brackets and braces as tokens of their own.
    std::string spaced;
    for (char c : body) {
      if (c == '(' || c == ')' || c == '{' || c == '}') {
        spaced += ' ';
        spaced += c;
        spaced += ' ';
      } else {
        spaced += c;
      }
    }
    std::vector<Element> elements;
    bool star = false, symmetric = false, in_phrase = false, phrase_started = false;
    for (const auto& t : split_ws(spaced)) {
      if (t == "(" || t == ")") continue;
      if (t == "{") {
        in_phrase = true;
        phrase_started = false;
        continue;
      }
      if (t == "}") {
        in_phrase = false;
        continue;
      }
      if (t == "*") {
        star = true;
        continue;
      }
      if (t == "%") {
        symmetric = true;
        continue;
      }
      if (t == "$" || t == "+" || t == "^") continue;  // actor positions and skips: sitrep's own
      Element e;
      e.gap_before = !(in_phrase && phrase_started);
      if (in_phrase) phrase_started = true;
      if (t.front() == '&') {
        auto it = sets_.find(t.substr(1));
        if (it == sets_.end() || it->second.empty()) {
          ++out_.skipped_syntax;
          return;
        }
        e.alternatives = it->second;
        for (auto& alt : e.alternatives) exact_forms(alt);
      } else {
        Words ws = to_words(t);
        if (ws.empty()) {
          ++out_.skipped_syntax;
          return;
        }
        exact_forms(ws);
        e.alternatives.push_back(std::move(ws));
      }
      if (!star) {
        ++out_.skipped_pre_verb;
        return;
      }
      elements.push_back(std::move(e));
    }
    if (!star || verbs_.empty()) {
      ++out_.skipped_syntax;
      return;
    }
    // Every combination of set members, up to a bound (sets of currencies times sets of
    // treaties would otherwise explode).
    constexpr size_t kMaxExpansions = 64;
    std::vector<std::string> tails{""};
    for (const auto& e : elements) {
      std::vector<std::string> next;
      for (const auto& t : tails)
        for (const auto& alt : e.alternatives) {
          if (next.size() >= kMaxExpansions) break;
          next.push_back(t + (e.gap_before ? " .. " : " ") + join(alt));
        }
      tails = std::move(next);
    }
    for (const auto& v : verbs_)
      for (const auto& t : tails) emit(code, join(v.words) + t, symmetric, number);
  }

  void emit(const std::string& code, const std::string& text, bool symmetric, int number) {
    if (code.empty() || code == "---") {
      ++out_.skipped_null;
      return;
    }
    if (!onto_.find(code)) {
      bool digits = code.size() >= 3 && code.size() <= 4 &&
                    std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) {
        ++out_.skipped_code;
        return;
      }
      if (std::find(out_.extra_codes.begin(), out_.extra_codes.end(), code) == out_.extra_codes.end())
        out_.extra_codes.push_back(code);
    }
    auto [it, fresh] = seen_.emplace(text, rows_.size());
    if (!fresh) {
      // The first meaning stands; a restatement for compound actors ("- % * ...") still says
      // the phrase is symmetric.
      ++out_.duplicates;
      rows_[it->second].symmetric |= symmetric;
      return;
    }
    ++out_.patterns;
    rows_.push_back({code, text, name_ + ":" + std::to_string(number), symmetric});
  }

  static std::string join(const Words& ws) {
    std::string s;
    for (const auto& w : ws) {
      if (!s.empty()) s += ' ';
      s += w;
    }
    return s;
  }

  std::string name_;
  const Ontology& onto_;
  PetrarchVerbImport out_;
  std::map<std::string, std::vector<Words>> sets_;
  std::map<std::string, std::set<std::string>> forms_;
  struct Row {
    std::string code, text, origin;
    bool symmetric = false;
  };
  std::map<std::string, size_t> seen_;  // pattern text -> row
  std::vector<Row> rows_;
  std::string set_, block_code_;
  std::vector<Verb> verbs_;
  bool in_block_ = false;
  size_t blocks_ = 0;
};

}  // namespace

Expected<PetrarchVerbImport> import_petrarch_verbs(std::string_view text, const std::string& name,
                                                   const Ontology& ontology) {
  Importer imp(name, ontology);
  for_each_line(text, [&](std::string_view l, int number) { imp.line(l, number); });
  if (imp.blocks() == 0) return Error{name, "", "no verb block (\"--- VERB [code] ---\"): not a PETRARCH verb dictionary"};
  return imp.finish();
}

namespace {

Expected<std::string> read_dictionary(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", std::string("cannot open the ") + what};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string file_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

}  // namespace

Expected<PetrarchVerbImport> import_petrarch_verbs_file(const std::string& path, const Ontology& ontology) {
  auto text = read_dictionary(path, "verb dictionary");
  if (!text) return text.error();
  return import_petrarch_verbs(text.value(), file_name(path), ontology);
}

Expected<PetrarchLexicon> petrarch_lexicon(const std::string& verbs_path) {
  auto onto = Ontology::load_embedded();
  if (!onto) return onto.error();
  auto verbs = import_petrarch_verbs_file(verbs_path, *onto.value());
  if (!verbs) return verbs.error();
  PetrarchLexicon out;
  out.import = std::move(verbs.value());
  out.ontology = onto.value()->extended(out.import.extra_codes);
  auto lex = Lexicon::load_with_events(*out.ontology, {{file_name(verbs_path), out.import.patterns_tsv}},
                                       out.import.forms_tsv);
  if (!lex) return lex.error();
  out.lexicon = lex.value();
  return out;
}

std::vector<DiscardPhrase> import_petrarch_discards(std::string_view text) {
  std::vector<DiscardPhrase> out;
  for_each_line(text, [&](std::string_view line, int) {
    std::string_view l = trim_view(strip_comment(line));
    DiscardPhrase d;
    if (!l.empty() && l.front() == '+') d.story = true, l = trim_view(l.substr(1));
    for (char c : l) {
      char x = c == '_' ? ' ' : char(std::tolower(uint8_t(c)));
      if (x == ' ' && (d.phrase.empty() || d.phrase.back() == ' ')) continue;
      d.phrase.push_back(x);
    }
    while (!d.phrase.empty() && d.phrase.back() == ' ') d.phrase.pop_back();
    if (!d.phrase.empty()) out.push_back(std::move(d));
  });
  return out;
}

Expected<std::vector<DiscardPhrase>> import_petrarch_discards_file(const std::string& path) {
  auto text = read_dictionary(path, "discards dictionary");
  if (!text) return text.error();
  return import_petrarch_discards(text.value());
}

}  // namespace sitrep::code

#include "nlp/conllu.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <string_view>

namespace sitrep::nlp {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t t = line.find('\t', b);
    out.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
    if (t == std::string_view::npos) return out;
    b = t + 1;
  }
}

bool parse_int(std::string_view s, int& v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool comment_value(std::string_view line, std::string_view key, std::string& out) {
  if (!line.starts_with("# ")) return false;
  line.remove_prefix(2);
  if (!line.starts_with(key)) return false;
  line.remove_prefix(key.size());
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.empty() || line.front() != '=') return false;
  line.remove_prefix(1);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  out = std::string(line);
  return true;
}

}  // namespace

Expected<std::vector<UdSentence>> read_conllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot open"};
  std::vector<UdSentence> out;
  UdSentence cur;
  std::string line, doc;
  size_t lineno = 0, sentence_line = 0;
  auto err = [&](size_t l, std::string msg) { return Error{path, "line " + std::to_string(l), std::move(msg)}; };
  auto finish = [&]() -> std::string {
    if (cur.words.empty()) return {};
    for (size_t i = 0; i < cur.words.size(); ++i) {
      int h = cur.words[i].head;
      if (h < 0 || h > int(cur.words.size())) return "head " + std::to_string(h) + " outside the sentence";
    }
    cur.doc_id = doc;
    out.push_back(std::move(cur));
    cur = UdSentence{};
    return {};
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (auto e = finish(); !e.empty()) return err(sentence_line, e);
      continue;
    }
    if (line[0] == '#') {
      std::string v;
      if (comment_value(line, "newdoc id", v)) doc = v, cur.new_doc = true;
      else if (line.starts_with("# newdoc")) cur.new_doc = true;
      if (line.starts_with("# newpar")) cur.new_par = true;
      if (comment_value(line, "sent_id", v)) cur.sent_id = v;
      if (comment_value(line, "text", v)) cur.text = v;
      continue;
    }
    if (cur.words.empty() && cur.multiword.empty()) sentence_line = lineno;
    auto f = split_tabs(line);
    if (f.size() != 10) return err(lineno, "expected 10 tab-separated columns, found " + std::to_string(f.size()));
    std::string_view id = f[0];
    bool no_space = f[9].find("SpaceAfter=No") != std::string_view::npos;
    if (id.find('.') != std::string_view::npos) continue;  // empty nodes of enhanced UD
    if (auto dash = id.find('-'); dash != std::string_view::npos) {
      UdToken t;
      if (!parse_int(id.substr(0, dash), t.first) || !parse_int(id.substr(dash + 1), t.last) || t.last < t.first)
        return err(lineno, "bad multi-word token range '" + std::string(id) + "'");
      t.form = std::string(f[1]);
      t.space_after = !no_space;
      cur.multiword.push_back(std::move(t));
      continue;
    }
    int idx, head;
    if (!parse_int(id, idx) || idx != int(cur.words.size()) + 1)
      return err(lineno, "word id '" + std::string(id) + "' out of sequence (expected " +
                             std::to_string(cur.words.size() + 1) + ")");
    if (!parse_int(f[6], head)) return err(lineno, "head '" + std::string(f[6]) + "' is not a number");
    if (f[1].empty() || f[3].empty()) return err(lineno, "empty FORM or UPOS");
    UdWord w{std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]), std::string(f[7]), head, !no_space, {}};
    if (auto e = f[9].find("Entity="); e != std::string_view::npos) {
      std::string_view v = f[9].substr(e + 7);
      w.entity = std::string(v.substr(0, v.find('|')));
    }
    cur.words.push_back(std::move(w));
  }
  if (auto e = finish(); !e.empty()) return err(sentence_line, e);
  return out;
}

Expected<std::vector<NerSentence>> read_iob2(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot open"};
  std::vector<NerSentence> out;
  NerSentence cur;
  std::string line;
  size_t lineno = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = NerSentence{};
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      std::string v;
      if (comment_value(line, "text", v)) cur.text = v;
      if (line.starts_with("# newdoc")) cur.new_doc = true;
      continue;
    }
    auto f = split_tabs(line);
    if (f.size() < 3)
      return Error{path, "line " + std::to_string(lineno), "expected at least 3 tab-separated columns (id, word, tag)"};
    std::string tag(f[2]);
    bool ok = tag == "O" || ((tag.starts_with("B-") || tag.starts_with("I-")) && tag.size() > 2);
    if (!ok) return Error{path, "line " + std::to_string(lineno), "bad IOB2 tag '" + tag + "'"};
    std::string type = tag == "O" ? "" : tag.substr(2);
    if (tag != "O" && type != "PER" && type != "ORG" && type != "LOC") tag = "O";  // OTH, O: not our types
    cur.words.emplace_back(f[1]);
    cur.tags.push_back(std::move(tag));
  }
  flush();
  return out;
}

namespace {

// One mention of GUM's entity layer: words [first, last] (0-based, inclusive) and its type.
struct GumMention {
  int first = 0, last = 0;
  std::string type;
};

// The mentions of one sentence from its words' Entity= values: "(ID-TYPE-..." opens mention ID,
// "ID)" closes the latest open one with that ID, and "(ID-TYPE-...)" is a one-word mention.
// Brackets left open at the end of the sentence are dropped.
std::vector<GumMention> gum_mentions(const UdSentence& s) {
  struct Open {
    std::string id, type;
    int first;
  };
  std::vector<Open> open;
  std::vector<GumMention> out;
  for (int i = 0; i < int(s.words.size()); ++i) {
    std::string_view v = s.words[size_t(i)].entity;
    size_t p = 0;
    while (p < v.size()) {
      if (v[p] == '(') {
        size_t q = v.find_first_of("()", p + 1);
        std::string_view attrs = v.substr(p + 1, q == std::string_view::npos ? std::string_view::npos : q - p - 1);
        size_t d1 = attrs.find('-');
        std::string id(attrs.substr(0, d1)), type;
        if (d1 != std::string_view::npos) {
          size_t d2 = attrs.find('-', d1 + 1);
          type = std::string(attrs.substr(d1 + 1, d2 == std::string_view::npos ? std::string_view::npos : d2 - d1 - 1));
        }
        if (q != std::string_view::npos && v[q] == ')') {
          out.push_back({i, i, type});
          p = q + 1;
        } else {
          open.push_back({id, type, i});
          p = q;
        }
      } else {
        size_t q = v.find(')', p);
        if (q == std::string_view::npos) break;
        std::string_view id = v.substr(p, q - p);
        for (size_t k = open.size(); k-- > 0;)
          if (open[k].id == id) {
            out.push_back({open[k].first, i, open[k].type});
            open.erase(open.begin() + std::ptrdiff_t(k));
            break;
          }
        p = q + 1;
      }
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool in_list(std::string_view form, std::initializer_list<std::string_view> list) {
  std::string l = lower(form);
  return std::find(list.begin(), list.end(), l) != list.end();
}

// A word of a name: a proper noun, or (past the sentence's first word, whose capital says
// nothing) a capitalized noun, adjective or verb ("Supreme Court", GUM's "United" Kingdom).
bool name_word(const UdSentence& s, int i) {
  const UdWord& w = s.words[size_t(i)];
  if (w.upos == "PROPN") return true;
  if (i == 0 || w.form.empty() || !std::isupper(static_cast<unsigned char>(w.form[0]))) return false;
  return w.upos == "NOUN" || w.upos == "ADJ" || w.upos == "VERB" || w.upos == "X";
}

// Words UNER keeps inside a name when they stand between two name words ("Bank of America",
// "People 's Party", "Al - Zaman", "Jafar the Pilot"). "and" and "," are left out: GUM's
// coordinated mentions ("John and Mary") would become one name.
bool connector(const UdSentence& s, int i) {
  return in_list(s.words[size_t(i)].form, {"of", "the", "'s", "'", "&", "-", "for", "de", "du", "des", "la", "le",
                                           "al", "el", "bin", "ibn", "van", "von", "der", "den", "da", "di"});
}

// Titles UNER leaves outside a person's name ("Mr. Smith", "President Bush").
bool title(const UdSentence& s, int i) {
  return in_list(s.words[size_t(i)].form,
                 {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor",
                  "president", "vice", "senator", "sen.", "rep.", "representative", "gov.", "governor", "general",
                  "gen.", "captain", "capt.", "lt.", "colonel", "col.", "sgt.", "sergeant", "judge", "justice",
                  "chief", "secretary", "minister", "prime", "chairman", "rev.", "reverend", "sir", "dame", "lord",
                  "lady", "king", "queen", "prince", "princess", "mayor", "chancellor", "emperor", "duke", "uncle",
                  "aunt", "officer", "detective", "coach", "former", "late", "madam", "speaker"});
}

// The name inside mention m, or false: [l, r] around m's head, which must be a proper noun and
// for a person neither a title nor plural; or, when the head is a common noun, the name that ends the mention
// right after a noun or adjective ("illustrator Johnnie Christmas") unless another mention
// covers part of it ("the president of France": France is a place of its own).
bool narrow_to_name(const UdSentence& s, const GumMention& m, const std::vector<GumMention>& all, bool person,
                    int& l, int& r) {
  int head = -1;
  for (int i = m.first; i <= m.last && head < 0; ++i) {
    int h = s.words[size_t(i)].head - 1;  // -1 = root
    if (h < m.first || h > m.last) head = i;
  }
  if (head < 0) return false;
  if (s.words[size_t(head)].upos != "PROPN") {
    int k = m.last;
    while (k >= m.first && name_word(s, k)) --k;
    if (k == m.last || k < m.first) return false;
    const std::string& before = s.words[size_t(k)].upos;
    if (before != "NOUN" && before != "ADJ") return false;
    for (const auto& o : all)
      if (o.last - o.first < m.last - m.first && o.last > k && o.first <= m.last) return false;
    head = m.last;
  } else if (person && (title(s, head) || s.words[size_t(head)].xpos == "NNPS")) {
    return false;  // "Malaysia 's Prime Minister"; "Americans", "Democrats" are groups (UNER: OTH)
  }
  l = r = head;
  for (;;) {  // leftwards: name words, or up to two connectors followed by a name word
    int k = l - 1;
    while (k >= m.first && k >= l - 2 && !name_word(s, k) && connector(s, k)) --k;
    if (k < m.first || !name_word(s, k)) break;
    l = k;
  }
  for (;;) {
    int k = r + 1;
    while (k <= m.last && k <= r + 2 && !name_word(s, k) && connector(s, k)) ++k;
    if (k > m.last || !name_word(s, k)) break;
    r = k;
  }
  if (person) {
    while (l <= r && title(s, l)) ++l;
    if (l > r || !name_word(s, l) || connector(s, l)) return false;  // "President of France" names no person
  }
  return true;
}

}  // namespace

std::vector<NerSentence> gum_named_entities(const std::vector<UdSentence>& sentences) {
  std::vector<NerSentence> out;
  for (const auto& s : sentences) {
    NerSentence n;
    n.text = s.text;
    n.new_doc = s.new_doc;
    for (const auto& w : s.words) n.words.push_back(w.form), n.tags.push_back("O");
    auto mentions = gum_mentions(s);
    // Outermost first: the longer mention, then the earlier one.
    std::stable_sort(mentions.begin(), mentions.end(), [](const GumMention& a, const GumMention& b) {
      return a.last - a.first != b.last - b.first ? a.last - a.first > b.last - b.first : a.first < b.first;
    });
    for (const auto& m : mentions) {
      const char* type = m.type == "person" ? "PER" : m.type == "place" ? "LOC" : m.type == "organization" ? "ORG" : nullptr;
      int l, r;
      if (!type || !narrow_to_name(s, m, mentions, m.type == "person", l, r)) continue;
      bool free = true;
      for (int i = l; i <= r && free; ++i) free = n.tags[size_t(i)] == "O";
      if (!free) continue;
      for (int i = l; i <= r; ++i) n.tags[size_t(i)] = std::string(i == l ? "B-" : "I-") + type;
    }
    out.push_back(std::move(n));
  }
  return out;
}

std::string sentence_text(const UdSentence& s) {
  if (!s.text.empty()) return s.text;
  std::string text;
  for (const auto& w : s.words) text += w.form + (w.space_after ? " " : "");
  return text;
}

std::string joined_text(std::span<const UdSentence* const> sents, std::vector<std::pair<size_t, size_t>>* spans) {
  std::string text;
  if (spans) spans->clear();
  for (size_t i = 0; i < sents.size(); ++i) {
    if (i > 0) text += (sents[i]->new_doc || sents[i]->new_par) ? "\n\n" : " ";
    size_t begin = text.size();
    text += sentence_text(*sents[i]);
    if (spans) spans->emplace_back(begin, text.size());
  }
  return text;
}

}  // namespace sitrep::nlp

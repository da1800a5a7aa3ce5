#include "nlp/conllu.h"

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

}  // namespace sitrep::nlp

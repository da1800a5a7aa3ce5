#include "time/timeml.h"

#include <fstream>
#include <sstream>

namespace sitrep {
namespace {

struct Tag {
  std::string name;
  bool closing = false, self_closing = false;
  std::vector<std::pair<std::string, std::string>> attrs;
};

int line_at(std::string_view s, size_t pos) {
  int line = 1;
  for (size_t i = 0; i < pos && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

void decode_entities(std::string_view in, std::string& out) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '&') {
      out += in[i];
      continue;
    }
    size_t semi = in.find(';', i);
    std::string_view ent = semi == std::string_view::npos || semi - i > 10 ? std::string_view{} : in.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      long cp = ent[1] == 'x' || ent[1] == 'X' ? std::strtol(std::string(ent.substr(2)).c_str(), nullptr, 16)
                                               : std::strtol(std::string(ent.substr(1)).c_str(), nullptr, 10);
      // Keep one byte per character where possible so offsets stay close to the source.
      if (cp > 0 && cp < 0x80) out += static_cast<char>(cp);
      else out += '?';
    } else {
      out += '&';
      continue;
    }
    i = semi;
  }
}

// Parses "<...>" at s[pos] (pos at '<'); returns false with a message on malformed input.
bool parse_tag(std::string_view s, size_t& pos, Tag& tag, std::string& err) {
  size_t end = s.find('>', pos);
  size_t next_open = s.find('<', pos + 1);
  if (end == std::string_view::npos || (next_open != std::string_view::npos && next_open < end)) {
    err = "unterminated tag";
    return false;
  }
  std::string_view body = s.substr(pos + 1, end - pos - 1);
  pos = end + 1;
  tag = {};
  if (!body.empty() && (body[0] == '?' || body[0] == '!')) return true;  // declaration, comment
  if (!body.empty() && body[0] == '/') tag.closing = true, body.remove_prefix(1);
  if (!body.empty() && body.back() == '/') tag.self_closing = true, body.remove_suffix(1);
  size_t i = 0;
  while (i < body.size() && !isspace(static_cast<unsigned char>(body[i]))) ++i;
  tag.name = std::string(body.substr(0, i));
  if (tag.name.empty()) {
    err = "empty tag name";
    return false;
  }
  while (i < body.size()) {
    while (i < body.size() && isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i >= body.size()) break;
    size_t eq = body.find('=', i);
    if (eq == std::string_view::npos) {
      err = "attribute without value in <" + tag.name + ">";
      return false;
    }
    std::string key(body.substr(i, eq - i));
    while (!key.empty() && isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
    size_t q = eq + 1;
    while (q < body.size() && isspace(static_cast<unsigned char>(body[q]))) ++q;
    if (q >= body.size() || (body[q] != '"' && body[q] != '\'')) {
      err = "unquoted attribute '" + key + "' in <" + tag.name + ">";
      return false;
    }
    size_t close = body.find(body[q], q + 1);
    if (close == std::string_view::npos) {
      err = "unclosed quote in attribute '" + key + "' of <" + tag.name + ">";
      return false;
    }
    std::string value;
    decode_entities(body.substr(q + 1, close - q - 1), value);
    tag.attrs.emplace_back(std::move(key), std::move(value));
    i = close + 1;
  }
  return true;
}

const std::string* attr(const Tag& t, std::string_view key) {
  for (const auto& [k, v] : t.attrs)
    if (k == key) return &v;
  return nullptr;
}

DocTime parse_dct(const std::string& v) {
  DocTime d;
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') {
    d.year = std::atoi(v.substr(0, 4).c_str());
    d.month = std::atoi(v.substr(5, 2).c_str());
    d.day = std::atoi(v.substr(8, 2).c_str());
  } else if (v.size() == 8 && v.find_first_not_of("0123456789") == std::string::npos) {
    d.year = std::atoi(v.substr(0, 4).c_str());
    d.month = std::atoi(v.substr(4, 2).c_str());
    d.day = std::atoi(v.substr(6, 2).c_str());
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return {};
  return d;
}

}  // namespace

Expected<TimemlDoc> parse_timeml(std::string_view xml, const std::string& name) {
  TimemlDoc doc;
  doc.name = name;
  auto fail = [&](size_t pos, std::string msg) {
    return Error{name, "line " + std::to_string(line_at(xml, pos)), std::move(msg)};
  };
  struct Open {
    std::string name;
    size_t pos, text_begin;
    Tag tag;
  };
  std::vector<Open> stack;
  bool in_text = false, seen_text = false, have_dct = false;
  size_t pos = 0;
  while (pos < xml.size()) {
    size_t lt = xml.find('<', pos);
    std::string_view chunk = xml.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos);
    if (in_text) decode_entities(chunk, doc.text);
    if (lt == std::string_view::npos) break;
    size_t tag_pos = lt;
    Tag tag;
    std::string err;
    pos = lt;
    if (!parse_tag(xml, pos, tag, err)) return fail(tag_pos, err);
    if (tag.name.empty()) continue;
    if (tag.closing) {
      if (stack.empty() || stack.back().name != tag.name) {
        std::string open = stack.empty() ? "no open element" : "open <" + stack.back().name + "> from line " +
                                                                    std::to_string(line_at(xml, stack.back().pos));
        return fail(tag_pos, "mismatched </" + tag.name + "> (" + open + ")");
      }
      Open o = std::move(stack.back());
      stack.pop_back();
      if (tag.name == "TEXT") in_text = false;
      if (tag.name == "TIMEX3" && in_text) {
        const std::string* fn = attr(o.tag, "functionInDocument");
        if (!(fn && *fn == "CREATION_TIME")) {
          GoldTimex g;
          g.span = {static_cast<uint32_t>(o.text_begin), static_cast<uint32_t>(doc.text.size())};
          g.type = *attr(o.tag, "type");
          g.value = *attr(o.tag, "value");
          g.line = line_at(xml, o.pos);
          doc.timexes.push_back(std::move(g));
        }
      }
      continue;
    }
    if (tag.name == "TIMEX3") {
      if (!attr(tag, "type")) return fail(tag_pos, "TIMEX3 without type");
      if (!attr(tag, "value")) return fail(tag_pos, "TIMEX3 without value");
      for (const auto& o : stack)
        if (o.name == "TIMEX3") return fail(tag_pos, "TIMEX3 nested inside TIMEX3");
      const std::string* fn = attr(tag, "functionInDocument");
      if (fn && *fn == "CREATION_TIME" && !have_dct) {
        doc.dct = parse_dct(*attr(tag, "value"));
        if (!doc.dct.known()) return fail(tag_pos, "unreadable CREATION_TIME value '" + *attr(tag, "value") + "'");
        have_dct = true;
      }
    }
    if (tag.self_closing) continue;
    if (tag.name == "TEXT") {
      if (seen_text) return fail(tag_pos, "second <TEXT> element");
      in_text = seen_text = true;
    }
    stack.push_back({tag.name, tag_pos, doc.text.size(), std::move(tag)});
  }
  if (!stack.empty())
    return fail(stack.back().pos, "<" + stack.back().name + "> is never closed");
  if (!seen_text) return Error{name, "", "no <TEXT> element"};
  if (!have_dct) return Error{name, "", "no TIMEX3 with functionInDocument=\"CREATION_TIME\" (document creation time)"};
  return doc;
}

Expected<TimemlDoc> read_timeml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", "cannot open"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_timeml(ss.str(), path);
}

void TimexCounts::add(const TimexCounts& o) {
  gold += o.gold, system += o.system;
  strict_gold += o.strict_gold, strict_system += o.strict_system;
  relaxed_gold += o.relaxed_gold, relaxed_system += o.relaxed_system;
  pairs += o.pairs, type_ok += o.type_ok, value_ok += o.value_ok;
}

TimexCounts count_matches(const std::vector<GoldTimex>& gold, const std::vector<Timex>& system) {
  TimexCounts c;
  c.gold = static_cast<long>(gold.size());
  c.system = static_cast<long>(system.size());
  auto overlaps = [](Span a, Span b) { return a.begin < b.end && b.begin < a.end; };
  auto same = [](Span a, Span b) { return a.begin == b.begin && a.end == b.end; };
  std::vector<bool> used(system.size(), false);
  for (const auto& g : gold) {
    bool strict = false, relaxed = false;
    size_t best = system.size();
    for (size_t s = 0; s < system.size(); ++s) {
      if (!overlaps(g.span, system[s].span)) continue;
      relaxed = true;
      if (same(g.span, system[s].span)) strict = true;
      if (!used[s] && (best == system.size() || same(g.span, system[s].span))) best = s;
    }
    c.strict_gold += strict;
    c.relaxed_gold += relaxed;
    if (best < system.size()) {
      used[best] = true;
      ++c.pairs;
      c.type_ok += g.type == to_string(system[best].type);
      c.value_ok += g.value == system[best].value;
    }
  }
  for (const auto& s : system) {
    bool strict = false, relaxed = false;
    for (const auto& g : gold) {
      if (overlaps(g.span, s.span)) relaxed = true;
      if (same(g.span, s.span)) strict = true;
    }
    c.strict_system += strict;
    c.relaxed_system += relaxed;
  }
  return c;
}

TimexScores score(const TimexCounts& c) {
  auto pct = [](long a, long b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  TimexScores s;
  s.strict_precision = pct(c.strict_system, c.system);
  s.strict_recall = pct(c.strict_gold, c.gold);
  s.strict_f1 = f1(s.strict_precision, s.strict_recall);
  s.relaxed_precision = pct(c.relaxed_system, c.system);
  s.relaxed_recall = pct(c.relaxed_gold, c.gold);
  s.relaxed_f1 = f1(s.relaxed_precision, s.relaxed_recall);
  double type_acc = c.pairs ? static_cast<double>(c.type_ok) / static_cast<double>(c.pairs) : 0.0;
  double value_acc = c.pairs ? static_cast<double>(c.value_ok) / static_cast<double>(c.pairs) : 0.0;
  s.type_f1 = type_acc * s.relaxed_f1;
  s.value_f1 = value_acc * s.relaxed_f1;
  return s;
}

}  // namespace sitrep

#include "kb/petrarch.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <tuple>

namespace sitrep::kb {
namespace {

// "VLADIMIR_PUTIN_" -> "Vladimir Putin": dictionary phrases are upper case with _ for spaces.
std::string phrase_text(std::string s, bool title_case) {
  while (!s.empty() && (s.back() == '_' || s.back() == ' ')) s.pop_back();
  std::replace(s.begin(), s.end(), '_', ' ');
  bool start = true;
  for (char& c : s) {
    if (title_case && !start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (!title_case && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    start = c == ' ' || c == '-' || c == '(';
  }
  return s;
}

std::string slug(const std::string& name) {
  std::string s;
  for (char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) s += c;
    else if (c >= 'A' && c <= 'Z') s += static_cast<char>(c + 32);
    else if (!s.empty() && s.back() != '_') s += '_';
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  return s;
}

// PETRARCH dates are YYMMDD (two-digit years below 50 are this century) or YYYYMMDD.
bool petrarch_day(const std::string& s, int& day) {
  if (s.size() == 8) return parse_day(s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2), day);
  if (s.size() != 6) return false;
  int yy = std::stoi(s.substr(0, 2));
  std::string iso = std::to_string(yy < 50 ? 2000 + yy : 1900 + yy) + "-" + s.substr(2, 2) + "-" + s.substr(4, 2);
  return parse_day(iso, day);
}

std::string strip_comment(const std::string& line) {
  size_t h = line.find('#');
  return h == std::string::npos ? line : line.substr(0, h);
}

struct Code {
  std::string code;
  int start = 0, end = INT32_MAX;
  bool dated = false;
};

// "[RUSGOV 991231-080507]", "[RUSGOV >080508]", "[RUSELI <990809]", "[AFG]", and with
// four-digit years and spaces: "[HOB < 950601]", "[HOBGOV 19950601 - 19990815]"
std::vector<Code> parse_codes(const std::string& text) {
  static const std::regex re(R"(\[\s*([A-Z~]+)(?:\s+([<>]?)\s*(\d{8}|\d{6})(?:\s*-\s*(\d{8}|\d{6}))?)?\s*\])");
  std::vector<Code> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
    Code c;
    c.code = (*it)[1];
    if ((*it)[3].matched) {
      c.dated = true;
      int d = 0;
      if (!petrarch_day((*it)[3], d)) continue;
      std::string op = (*it)[2];
      if (op == ">") c.start = d;
      else if (op == "<") c.start = 0, c.end = d;
      else {
        c.start = d;
        int e = 0;
        if ((*it)[4].matched && petrarch_day((*it)[4], e)) c.end = e;
      }
    }
    out.push_back(c);
  }
  return out;
}

struct Entry {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<Code> codes;
  int line = 0;
};

const std::set<std::string> kNonCountry = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS"};

// An actor's codes over time: a dated code holds over its range, and where ranges overlap the
// one that starts later holds ("this should override the next restriction"); an undated code
// is the default wherever no dated one does. The result does not overlap.
std::vector<Code> paint_codes(const std::vector<Code>& codes) {
  std::vector<Code> dated;
  const Code* fallback = nullptr;
  for (const auto& c : codes) {
    if (c.dated) dated.push_back(c);
    else if (!fallback) fallback = &c;
  }
  std::stable_sort(dated.begin(), dated.end(), [](const Code& a, const Code& b) { return a.start < b.start; });
  std::set<int> cuts = {0, INT32_MAX};
  for (const auto& c : dated) cuts.insert(c.start), cuts.insert(c.end);
  std::vector<Code> out;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    int a = *it, b = *std::next(it);
    const Code* holder = fallback;
    for (const auto& c : dated)
      if (c.start <= a && c.end >= b) holder = &c;  // later starts come later: they win
    if (!holder) continue;
    if (!out.empty() && out.back().code == holder->code && out.back().end == a) {
      out.back().end = b;
      continue;
    }
    Code piece = *holder;
    piece.start = a, piece.end = b, piece.dated = true;
    out.push_back(piece);
  }
  return out;
}

void flush(Entry& e, const std::string& path, PetrarchImport& imp, std::set<std::string>& ids) {
  if (e.name.empty()) return;
  std::string name = phrase_text(e.name, true);
  std::string id = "pt:" + slug(name);
  for (int n = 2; ids.count(id); ++n) id = "pt:" + slug(name) + "_" + std::to_string(n);
  bool dated = std::any_of(e.codes.begin(), e.codes.end(), [](const Code& c) { return c.dated; });
  if (e.codes.empty()) {
    ++imp.skipped;
  } else if (dated) {
    ids.insert(id);
    SourcePerson p;
    p.file = path, p.line = e.line, p.id = id, p.name = name;
    for (const auto& a : e.aliases) p.aliases.push_back(phrase_text(a, true));
    imp.people.push_back(p);
    for (const auto& c : paint_codes(e.codes)) {
      std::string country = c.code.substr(0, 3);
      if (c.code.size() < 3 || kNonCountry.count(country)) continue;
      SourceRole r;
      r.file = path, r.line = e.line, r.person = id, r.title = "official", r.of = country, r.code = c.code;
      r.start = c.dated ? c.start : 0;
      r.end = c.dated ? c.end : INT32_MAX;
      imp.roles.push_back(r);
    }
  } else {
    ids.insert(id);
    SourceOrg o;
    o.file = path, o.line = e.line, o.id = id, o.name = name, o.kind = "petrarch", o.code = e.codes.front().code;
    for (const auto& a : e.aliases) o.aliases.push_back(phrase_text(a, true));
    imp.orgs.push_back(o);
  }
  e = Entry{};
}

// Agent phrases may carry !MACRO! parts ("CATTLE!PERSON!") and {plural} forms.
void read_agent(const std::string& line, const std::vector<std::pair<std::string, std::vector<std::string>>>& macros,
                PetrarchImport& imp, const std::string& path, int n) {
  auto codes = parse_codes(line);
  if (codes.empty() || codes.front().code.empty() || codes.front().code[0] != '~') {
    ++imp.skipped;
    return;
  }
  std::string sector = codes.front().code.substr(1);
  std::string head = line.substr(0, line.find_first_of("[{"));
  std::vector<std::string> phrases = {head};
  size_t b = line.find('{'), e = line.find('}');
  if (b != std::string::npos && e != std::string::npos && e > b + 1) {
    phrases.push_back(line.substr(b + 1, e - b - 1));
  } else if (b == std::string::npos) {
    // No {plural}: the regular one ("STUDENT" -> "STUDENTS"); "{}" says there is none.
    std::string w = head;
    while (!w.empty() && (w.back() == ' ' || w.back() == '\t' || w.back() == '_')) w.pop_back();
    if (!w.empty() && w.back() != '!') {
      char last = w.back(), prev = w.size() > 1 ? w[w.size() - 2] : ' ';
      bool vowel = prev == 'A' || prev == 'E' || prev == 'I' || prev == 'O' || prev == 'U';
      if (last == 'S' || last == 'X' || last == 'Z' || w.ends_with("CH") || w.ends_with("SH")) w += "ES";
      else if (last == 'Y' && !vowel) w = w.substr(0, w.size() - 1) + "IES";
      else w += "S";
      phrases.push_back(w);
    }
  }
  for (auto& p : phrases) {
    std::vector<std::string> forms = {p};
    for (const auto& [macro, alts] : macros) {
      std::vector<std::string> next;
      for (const auto& f : forms) {
        size_t at = f.find(macro);
        if (at == std::string::npos) {
          next.push_back(f);
          continue;
        }
        for (const auto& a : alts) next.push_back(f.substr(0, at) + a + f.substr(at + macro.size()));
      }
      forms = next;
    }
    for (const auto& f : forms) {
      std::string text = phrase_text(f, false);
      if (text.empty()) continue;
      SourceAgent a;
      a.file = path, a.line = n, a.phrase = text, a.sector = sector;
      imp.agents.push_back(a);
    }
  }
}

}  // namespace

void normalize_roles(std::vector<SourceRole>& roles);

Expected<bool> read_petrarch_file(const std::string& path, PetrarchImport& imp) {
  std::ifstream in(path);
  if (!in) return Error{path, "", "cannot open the dictionary"};
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  bool agents = std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("[~") != std::string::npos; });
  std::set<std::string> ids;
  for (const auto& p : imp.people) ids.insert(p.id);
  for (const auto& o : imp.orgs) ids.insert(o.id);
  std::vector<std::pair<std::string, std::vector<std::string>>> macros;
  Entry cur;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string l = strip_comment(lines[i]);
    if (l.find_first_not_of(" \t") == std::string::npos) continue;
    if (agents) {
      static const std::regex macro_re(R"(^(![A-Z]+!)\s*=\s*(.*)$)");
      std::smatch m;
      if (std::regex_match(l, m, macro_re)) {
        std::vector<std::string> alts;
        std::string rest = m[2];
        for (size_t b = 0; b < rest.size();) {
          size_t e = rest.find(',', b);
          if (e == std::string::npos) e = rest.size();
          std::string a = rest.substr(b, e - b);
          a.erase(0, a.find_first_not_of(' '));
          a.erase(a.find_last_not_of(' ') + 1);
          if (!a.empty()) alts.push_back(a);
          b = e + 1;
        }
        macros.emplace_back(m[1], alts);
      } else {
        read_agent(l, macros, imp, path, static_cast<int>(i + 1));
      }
      continue;
    }
    if (l[0] == '+') {
      std::string alias = l.substr(1);
      alias = alias.substr(0, alias.find('['));
      alias.erase(alias.find_last_not_of(" \t") + 1);
      if (!alias.empty()) cur.aliases.push_back(alias);
      auto codes = parse_codes(l);
      cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
    } else if (l[0] == ' ' || l[0] == '\t' || l[0] == '[') {
      auto codes = parse_codes(l);
      cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
    } else {
      flush(cur, path, imp, ids);
      cur.line = static_cast<int>(i + 1);
      std::string name = l.substr(0, l.find('['));
      name.erase(name.find_last_not_of(" \t") + 1);
      cur.name = name;
      cur.codes = parse_codes(l);
    }
  }
  flush(cur, path, imp, ids);
  normalize_roles(imp.roles);
  return true;
}

// PETRARCH date ranges of one actor often overlap (a code restated with new dates); sitrep's
// checker rejects overlaps, so same-code ranges merge and a new code ends the previous one.
void normalize_roles(std::vector<SourceRole>& roles) {
  std::stable_sort(roles.begin(), roles.end(), [](const SourceRole& a, const SourceRole& b) {
    return std::tie(a.person, a.of, a.start) < std::tie(b.person, b.of, b.start);
  });
  std::vector<SourceRole> out;
  for (auto& r : roles) {
    if (!out.empty() && out.back().person == r.person && out.back().of == r.of && r.start < out.back().end) {
      if (out.back().code == r.code) {
        out.back().end = std::max(out.back().end, r.end);
        continue;
      }
      out.back().end = r.start;
      if (out.back().end <= out.back().start) out.pop_back();
    }
    out.push_back(r);
  }
  roles = std::move(out);
}

Expected<bool> write_petrarch_tables(const PetrarchImport& imp, const std::string& dir, const std::string& prefix) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "|") + x;
    return s;
  };
  auto iso = [](int day) -> std::string {
    if (day == INT32_MAX || day == 0) return "";
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{day}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
  };
  auto open = [&](const std::string& table, std::ofstream& f) {
    f.open(dir + "/" + table + "-" + prefix + ".tsv");
    f << "# imported by sitrep kb import-petrarch\n";
    return static_cast<bool>(f);
  };
  std::ofstream people, roles, orgs, agents;
  if (!open("people", people) || !open("roles", roles) || !open("orgs", orgs) || !open("agents", agents))
    return Error{dir, "", "cannot write the tables"};
  for (const auto& p : imp.people) people << p.id << '\t' << p.name << '\t' << join(p.aliases) << "\t\n";
  for (const auto& r : imp.roles)
    roles << r.person << '\t' << r.title << '\t' << r.of << '\t' << (r.start ? iso(r.start) : "1900-01-01") << '\t'
          << iso(r.end) << '\t' << r.code << '\n';
  for (const auto& o : imp.orgs)
    orgs << o.id << '\t' << o.kind << '\t' << o.code << "\t\t" << o.name << '\t' << join(o.aliases) << '\n';
  for (const auto& a : imp.agents) agents << a.phrase << '\t' << a.sector << '\n';
  return true;
}

}  // namespace sitrep::kb

#include "clean/boilerplate.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <emmintrin.h>
#include <unordered_map>

#include "core/embedded.h"

namespace sitrep {
namespace {

enum class Match { Exact, Prefix, Contains };
enum class Action { Drop, End, Caption };

struct Rule {
  Match match;
  Action action;
  std::string pattern, reason;
};

struct Outlet {
  std::string name;
  std::vector<std::string> aliases;
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  for (;;) {
    size_t e = s.find(sep, pos);
    out.push_back(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  return out;
}

template <class F>
void for_each_data_line(std::string_view file, F&& f) {
  for (auto line : split(embedded_data(file), '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(split(line, '\t'));
  }
}

const std::vector<Rule>& rules() {
  static const std::vector<Rule> table = [] {
    std::vector<Rule> t;
    for_each_data_line("clean/boilerplate.tsv", [&](const std::vector<std::string_view>& f) {
      if (f.size() < 4) return;
      Rule r;
      r.match = f[0] == "exact" ? Match::Exact : f[0] == "prefix" ? Match::Prefix : Match::Contains;
      r.action = f[1] == "end" ? Action::End : f[1] == "caption" ? Action::Caption : Action::Drop;
      r.pattern = normalize_for_match(f[2]);
      r.reason = f[3];
      t.push_back(std::move(r));
    });
    return t;
  }();
  return table;
}

// The rules indexed for matching: exact patterns by value, prefix patterns by their first two
// bytes, contains patterns in file order. The first rule in file order that matches wins.
class RuleIndex {
 public:
  RuleIndex() {
    const auto& all = rules();
    for (size_t i = 0; i < all.size(); ++i) {
      const Rule& r = all[i];
      if (r.match == Match::Exact) exact_.emplace(r.pattern, i);  // keeps the first of equals
      else if (r.match == Match::Prefix && r.pattern.size() >= 2) prefix_[key(r.pattern)].push_back(i);
      else if (r.match == Match::Prefix) short_prefix_.push_back(i);
      else contains_.push_back(i);
    }
  }
  const Rule* first_match(std::string_view norm) const {
    const auto& all = rules();
    size_t best = all.size();
    if (auto it = exact_.find(std::string(norm)); it != exact_.end()) best = it->second;
    if (auto it = prefix_.find(key(norm)); it != prefix_.end())
      for (size_t i : it->second) {
        if (i >= best) break;
        if (norm.starts_with(all[i].pattern)) {
          best = i;
          break;
        }
      }
    for (size_t i : short_prefix_) {
      if (i >= best) break;
      if (norm.starts_with(all[i].pattern)) {
        best = i;
        break;
      }
    }
    for (size_t i : contains_) {
      if (i >= best) break;
      if (all[i].pattern.size() <= norm.size() && norm.find(all[i].pattern) != std::string_view::npos) {
        best = i;
        break;
      }
    }
    return best < all.size() ? &all[best] : nullptr;
  }

 private:
  static uint16_t key(std::string_view s) {
    return static_cast<uint16_t>((s.empty() ? 0 : uint8_t(s[0])) << 8 | (s.size() < 2 ? 0 : uint8_t(s[1])));
  }
  std::unordered_map<std::string, size_t> exact_;
  std::unordered_map<uint16_t, std::vector<size_t>> prefix_;
  std::vector<size_t> short_prefix_, contains_;
};

const RuleIndex& rule_index() {
  static const RuleIndex index;
  return index;
}

const std::vector<Outlet>& outlets() {
  static const std::vector<Outlet> table = [] {
    std::vector<Outlet> t;
    for_each_data_line("clean/outlets.tsv", [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2) return;
      Outlet o{std::string(f[0]), {}};
      for (auto a : split(f[1], '|')) o.aliases.push_back(normalize_for_match(a));
      t.push_back(std::move(o));
    });
    return t;
  }();
  return table;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

bool contains_word(std::string_view hay, std::string_view needle) {
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
    bool left = p == 0 || !word_char(hay[p - 1]);
    size_t e = p + needle.size();
    bool right = e >= hay.size() || !word_char(hay[e]);
    if (left && right) return true;
  }
  return false;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "0 $", "2,500 $", "0 2,238", "1.2k": numbers and currency signs only.
bool is_counter(std::string_view norm) {
  bool digit = false;
  for (char c : norm) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (!(c == ',' || c == '.' || c == ' ' || c == '$' || c == '%' || c == '+' || c == 'k' || c == '-' ||
               (c & 0x80)))
      return false;
  }
  return digit;
}

bool has_lower(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

// A photo credit closing a caption, "(AP Photo/Pavel Golovkin, Pool)", "(Photo Credit: ...)".
bool ends_with_credit(std::string_view norm) {
  if (norm.empty() || norm.back() != ')') return false;
  size_t open = norm.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string_view inside = norm.substr(open);
  return inside.find("photo") != std::string_view::npos || inside.find("getty") != std::string_view::npos ||
         inside.find("image") != std::string_view::npos || inside.find("credit") != std::string_view::npos;
}

// "Ugur Can/DHA via AP", "Photo: Reuters", "John Smith/Getty Images": a short credit line.
bool is_credit_line(std::string_view norm, size_t words) {
  if (words > 8 || ends_with_terminal(norm)) return false;
  static const std::string_view agencies[] = {"ap", "afp", "reuters", "getty images", "tass", "dha", "epa",
                                              "anadolu", "sputnik", "xinhua", "ria novosti", "shutterstock", "pool"};
  bool slash = norm.find('/') != std::string_view::npos;
  bool via = norm.find(" via ") != std::string_view::npos;
  if (!slash && !via) return false;
  for (auto a : agencies)
    if (contains_word(norm, a)) return true;
  return false;
}

// "BVINEWS.COM", "www.example.org": a site's name alone on a line, not article text.
bool is_bare_domain(std::string_view norm) {
  size_t dot = norm.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || norm.size() - dot < 3 || norm.size() - dot > 7) return false;
  for (size_t i = dot + 1; i < norm.size(); ++i)
    if (norm[i] < 'a' || norm[i] > 'z') return false;
  for (char c : norm)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
  return true;
}

// "Roman Prymula, photo:", "Foto:": the caption's credit, its name in the next element.
bool ends_with_photo_label(std::string_view norm, size_t words) {
  return words <= 8 && (norm.ends_with(" photo:") || norm.ends_with(", photo:") || norm.ends_with(" foto:") ||
                        norm == "photo:" || norm == "foto:");
}

}  // namespace

namespace {

// 16-bit population count without the POPCNT instruction (not in the x86-64 baseline).
inline uint32_t popcount16(uint32_t v) {
  v = v - ((v >> 1) & 0x5555u);
  v = (v & 0x3333u) + ((v >> 2) & 0x3333u);
  v = (v + (v >> 4)) & 0x0F0Fu;
  return (v + (v >> 8)) & 0x1Fu;
}

}  // namespace

std::string normalize_for_match(std::string_view s) {
  std::string out;
  out.resize(s.size());
  size_t o = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const __m128i space = _mm_set1_epi8(' '), upper_a = _mm_set1_epi8('A' - 1), upper_z = _mm_set1_epi8('Z' + 1),
                ctrl = _mm_set1_epi8(0x21), case_bit = _mm_set1_epi8(0x20);
  for (size_t i = 0; i < s.size();) {
    // Sixteen plain bytes at a time: ASCII, no control or doubled whitespace (the common case);
    // upper case folded with one compare and an add.
    if (i + 16 <= s.size() && o > 0 && out[o - 1] != ' ') {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // bytes < 0x21 as unsigned: ' ' and controls; bytes >= 0x80 are negative as signed
      uint32_t low = uint32_t(_mm_movemask_epi8(_mm_cmplt_epi8(x, ctrl)));  // includes >= 0x80
      uint32_t sp = uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(x, space)));
      if ((low & ~sp) == 0 && (sp & (sp >> 1)) == 0 && !(sp & 0x8000u)) {
        __m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, upper_a), _mm_cmplt_epi8(x, upper_z));
        x = _mm_add_epi8(x, _mm_and_si128(up, case_bit));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(&out[o]), x);
        o += 16;
        i += 16;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c == 0xE2 && i + 2 < s.size() && p[i + 1] == 0x80) {
      unsigned char d = p[i + 2];
      char repl = 0;
      if (d == 0x98 || d == 0x99) repl = '\'';
      else if (d == 0x9C || d == 0x9D) repl = '"';
      else if (d == 0x93 || d == 0x94) repl = '-';
      if (repl) {
        out[o++] = repl;
        i += 3;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() && p[i + 1] == 0xA0) {  // no-break space
      c = ' ';
      ++i;
    }
    ++i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (o > 0 && out[o - 1] != ' ') out[o++] = ' ';
      continue;
    }
    out[o++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
  }
  while (o > 0 && out[o - 1] == ' ') --o;
  out.resize(o);
  return out;
}

size_t count_words(std::string_view s, size_t stop_at) {
  // A word starts at a non-space after a space (or the start): sixteen bytes at a time from a
  // space bit mask; stop_at is checked per block.
  size_t n = 0;
  uint32_t prev_space = 1;  // the byte before the block was a space
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n');
  for (size_t pos = 0; pos < s.size(); pos += 16) {
    size_t len = std::min<size_t>(16, s.size() - pos);
    __m128i x;
    if (len == 16) {
      x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    } else {
      alignas(16) unsigned char tail[16];
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, p + pos, len);
      x = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    }
    uint32_t space = uint32_t(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, tab)), _mm_cmpeq_epi8(x, nl))));
    uint32_t after_space = ((space << 1) | prev_space) & 0xFFFFu;
    n += popcount16(~space & after_space & 0xFFFFu);
    prev_space = (space >> 15) & 1u;
    if (n >= stop_at) return stop_at;
  }
  return n;
}

bool ends_with_terminal(std::string_view s) {
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99" ||
                           s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

bool is_prose(const Block& b) {
  size_t w = count_words(b.text, 20);
  return (w >= 8 && ends_with_terminal(b.text)) || w >= 20;
}

std::string find_known_outlet(std::string_view s) {
  std::string norm = normalize_for_match(s);
  for (const auto& o : outlets())
    for (const auto& a : o.aliases)
      if (contains_word(norm, a)) return o.name;
  return "";
}

// A slideshow's captions run into one paragraph: "Photos: Terror attacks in Brussels An injured
// woman leaves the airport ... Hide Caption 1 of 22 Photos: ...".
bool is_gallery(std::string_view text) {
  for (size_t at = text.find("Hide Caption "); at != std::string_view::npos; at = text.find("Hide Caption ", at + 1)) {
    size_t i = at + 13, d = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i > d && text.substr(i, 4) == " of " && i + 4 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 4])))
      return true;
  }
  return false;
}

void mark_boilerplate(std::vector<Block>& blocks, BoilerplateFindings& found) {
  bool seen_prose = false;
  int since_counter = 100;
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (!b.reason.empty() || b.caption) continue;
    ++since_counter;
    size_t words = count_words(b.text, 26);
    if (is_gallery(b.text)) {
      b.caption = true;
      continue;
    }
    // Long paragraphs are article text unless they end in a photo credit (long captions).
    if (words > 25 && (b.text.empty() || b.text.back() != ')' || !ends_with_credit(normalize_for_match(b.text)))) {
      seen_prose = true;
      continue;
    }
    std::string norm = normalize_for_match(b.text);
    if (is_counter(norm)) {
      b.reason = "counter (donations, views or comments)";
      since_counter = 0;
      continue;
    }
    if (since_counter <= 3 && !has_lower(b.text) && words >= 2) {
      b.reason = "donation banner";
      continue;
    }
    if (ends_with_credit(norm) || is_credit_line(norm, words) || ends_with_photo_label(norm, words)) {
      b.caption = true;
      continue;
    }
    if (words <= 25) {
      const Rule* hit = rule_index().first_match(norm);
      // "8 Comments", "23 comments": the head of a comment section.
      if (!hit && words == 2 && std::isdigit(static_cast<unsigned char>(norm[0])) &&
          (norm.ends_with(" comments") || norm.ends_with(" comment") || norm.ends_with(" responses"))) {
        static const Rule comments{Match::Exact, Action::End, "", "reader comments"};
        hit = &comments;
      }
      if (hit) {
        if (hit->action == Action::Caption) {
          b.caption = true;
        } else if (hit->action == Action::End && seen_prose) {
          for (size_t j = i; j < blocks.size(); ++j)
            if (blocks[j].reason.empty()) blocks[j].reason = hit->reason;
          return;
        } else {
          b.reason = hit->reason;
        }
        continue;
      }
      if (words <= 4 && starts_with(norm, "support ") && std::isupper(static_cast<unsigned char>(b.text[8]))) {
        b.reason = "donation prompt";
        if (found.outlet.empty()) {
          found.outlet = b.text.substr(8);
          found.outlet_evidence = "text: '" + b.text + "'";
        }
        continue;
      }
      if (words <= 12 && starts_with(norm, "source") && norm.size() > 7 && norm.find(':') != std::string::npos &&
          norm.find(':') <= 8) {
        b.reason = "source line (kept as metadata)";
        found.source_line = b.text;
        continue;
      }
      if (words == 1 && is_bare_domain(norm)) {
        b.reason = "site name";
        continue;
      }
      if (words <= 4 && !found.outlet.empty() && normalize_for_match(found.outlet) == norm) {
        b.reason = "outlet name";
        continue;
      }
    }
    // is_prose(b), with the words already counted (at most 26 here, is_prose stops at 20).
    if ((words >= 8 && ends_with_terminal(b.text)) || words >= 20) seen_prose = true;
  }
}

void strip_link_previews(std::string& text, std::vector<std::string>& cut) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto letter = [&](char c) { return upper(c) || lower(c); };
  // [b, e) holds capitalized name words only ("Charles (Charlie) Wieder ", "Jean-Michel ").
  auto name_run = [&](size_t b, size_t e) {
    if (e < b || e - b > 60) return false;
    for (size_t k = b; k < e; ++k)
      if ((k == b || text[k - 1] == ' ' || text[k - 1] == '(') && !upper(text[k]) && text[k] != '(' && text[k] != ' ')
        return false;
    return true;
  };
  size_t from = 0;
  for (;;) {
    size_t more = text.find(" MORE", from);
    if (more == std::string::npos) return;
    size_t end = more + 5;
    from = end;
    if (end < text.size() && letter(text[end])) continue;  // "MOREover"
    // The preview's first headline is glued to the full name: "...PelosiOn The Money",
    // "...Clinton2020 Democrats".
    size_t window = more > 900 ? more - 900 : 0;
    for (size_t p = window + 1; p < more; ++p) {
      if (!(lower(text[p - 1]) && (upper(text[p]) || digit(text[p])))) continue;
      size_t w = p - 1;
      while (w > 0 && (letter(text[w - 1]) || (text[w - 1] == '-' && w > 1 && letter(text[w - 2])))) --w;  // "Ocasio-Cortez"
      std::string surname = text.substr(w, p - w);
      // (not a name's own capital: "McConnell", "DeSantis", "MacArthur")
      if (surname.size() < 3 || surname == "Mac" || !upper(surname[0]) || w == 0) continue;
      size_t cut_from = std::string::npos;
      // "Speaker Nancy Pelosi Nancy PelosiOn ...": the name as written ends with the same
      // surname just before the full name.
      if (text[w - 1] == ' ') {
        size_t look = w > 120 ? w - 120 : 0;
        size_t q = std::string_view(text.data() + look, w - look).rfind(surname + " ");
        if (q != std::string_view::npos && look + q + surname.size() < w && name_run(look + q + surname.size() + 1, w))
          cut_from = look + q + surname.size();
      }
      // "Jason CrowJason CrowHouse ...": the full name glued to the name as written.
      if (cut_from == std::string::npos && upper(text[p])) {
        size_t r = text.find(surname, p);
        if (r != std::string::npos && r - p <= 60 && r + surname.size() < more &&
            (upper(text[r + surname.size()]) || digit(text[r + surname.size()])) && name_run(p, r))
          cut_from = p;
      }
      if (cut_from == std::string::npos) continue;
      // Headlines hold no sentences (a "U.S. " may pass).
      int sentences = 0;
      for (size_t k = text.find(". ", p); k < more; k = text.find(". ", k + 2)) sentences += k + 2 < more && upper(text[k + 2]);
      if (sentences > 1) continue;
      size_t lead = text[cut_from] == ' ' ? 1 : 0;
      cut.push_back(text.substr(cut_from + lead, end - cut_from - lead));
      text.erase(cut_from, end - cut_from);
      from = cut_from;
      break;
    }
  }
}

}  // namespace sitrep

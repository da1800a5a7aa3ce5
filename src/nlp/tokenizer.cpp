#include "nlp/tokenizer.h"

#include <cctype>

#include <algorithm>
#include <array>
#include <string>

#include "nlp/text_chars.h"

namespace sitrep::nlp {
namespace {

// Lists are short and fixed by English orthography; kept sorted for binary search.
constexpr std::array kAbbreviations = {
    "a.m", "adm", "al", "ala", "approx", "apr", "ariz", "ark", "assn", "aug", "ave", "bldg", "blvd",
    "bros", "ca", "calif", "capt", "cf", "cmdr", "co", "col", "colo", "conn", "corp", "cpl", "d.c",
    "dec", "del", "dept", "det", "dr", "drs", "e.g", "esp", "est", "etc", "feb", "fig", "fla", "fr", "fri",
    "ft", "ga", "gen", "gov", "govt", "hon", "i.e", "ill", "inc", "ind", "insp", "jan", "jr", "jul",
    "jun", "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md", "messrs", "mich", "minn",
    "miss", "mo", "mon", "mont", "mr", "mrs", "ms", "mt", "neb", "nev", "no", "nos", "nov", "oct",
    "okla", "ore", "p", "p.m", "pa", "ph.d", "pp", "pres", "prof", "pvt", "rep", "rev", "rd", "sat",
    "sen", "sep", "sept", "sgt", "sr", "st", "sun", "supt", "tenn", "tex", "thu", "thurs", "tue",
    "tues", "u.k", "u.n", "u.s", "u.s.a", "univ", "va", "vol", "vs", "vt", "wash", "wed", "wis",
    "wyo"};
constexpr std::array kTitles = {"adm",  "capt", "cmdr", "col", "cpl", "det",  "dr", "drs", "fr", "gen",
                                "gov",  "hon",  "insp", "lt",  "maj", "messrs", "mr", "mrs", "ms",
                                "mt",   "pres", "prof", "pvt", "rep", "rev",  "sen", "sgt", "st",
                                "supt"};
// Prefixes EWT keeps attached to the word after a hyphen ("e-mail", "co-workers").
constexpr std::array kHyphenPrefixes = {"anti",  "bi",    "co",  "counter", "cross", "de",   "e",
                                        "ex",    "inter", "intra", "mid", "mis",   "multi", "neo", "non",
                                        "over",  "post",  "pre",   "pro", "re",    "semi",  "sub", "un",
                                        "vice"};

template <size_t N>
bool in_sorted(const std::array<const char*, N>& list, std::string_view w) {
  return std::binary_search(list.begin(), list.end(), w,
                            [](auto a, auto b) { return std::string_view(a) < std::string_view(b); });
}

bool is_dash(int32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212; }

struct Cp {
  uint32_t begin, end;
  int32_t c;
};

struct Builder {
  std::string_view text;
  Analysis& a;
  void token(uint32_t b, uint32_t e) {
    a.tokens.push_back({b, e});
    split_clitics(b, e);
  }
  void word(uint32_t b, uint32_t e) {
    a.words.push_back({b, e});
    a.word_token.push_back(uint32_t(a.tokens.size() - 1));
  }
  // Is the next word one that follows "it is" but never the possessive "its"? (Not "very" or
  // "only": "its very existence", "its only path"; nor one joined by a hyphen, "its all-time high".)
  bool it_is_before(uint32_t e) const {
    static constexpr std::string_view kAfterItIs[] = {
        "a",      "about",  "all",    "also",   "always", "an",   "at",    "been",    "because", "between",
        "by",     "definitely", "from", "getting", "going", "gonna", "in",  "just",    "like",    "not",
        "nothing", "now",   "on",     "pretty", "really", "simply", "so",     "still",   "the",
        "this",   "to",     "too",    "what",   "when",  "where", "with"};
    size_t i = e;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && j - i < 12 && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i || (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '-'))) return false;
    std::string next = to_lower(text.substr(i, j - i));
    for (std::string_view w : kAfterItIs)
      if (next == w) return true;
    return false;
  }
  // Splits "don't" -> do + n't, "Bush's" -> Bush + 's, "cannot" -> can + not (EWT words).
  void split_clitics(uint32_t b, uint32_t e) {
    std::string_view t = text.substr(b, e - b);
    if (t.size() >= 2) {
      std::string low = to_lower(t.size() > 12 ? t.substr(t.size() - 12) : t);
      auto ends = [&](std::string_view suf) {
        return low.size() >= suf.size() && std::string_view(low).substr(low.size() - suf.size()) == suf;
      };
      // Apostrophe clitics; the curly apostrophe is 3 bytes long.
      for (std::string_view apo : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        std::string nt = "n" + std::string(apo) + "t";
        if (ends(nt) && t.size() > nt.size()) {
          word(b, e - uint32_t(nt.size()));
          word(e - uint32_t(nt.size()), e);
          return;
        }
        for (std::string_view cl : {"s", "m", "d", "ll", "re", "ve"}) {
          std::string suf = std::string(apo) + std::string(cl);
          if (ends(suf) && t.size() > suf.size() && is_letter(last_code_point(t.substr(0, t.size() - suf.size())))) {
            word(b, e - uint32_t(suf.size()));
            word(e - uint32_t(suf.size()), e);
            return;
          }
        }
      }
      struct Fused {
        const char* whole;
        uint32_t first;
      };
      // Contractions written without their apostrophe, as web text does (EWT splits them too);
      // the ambiguous ones ("its", "ill", "id", "lets", "were") stay whole. "alot" is "a lot".
      static constexpr Fused kFused[] = {
          {"cannot", 3}, {"gonna", 3},   {"wanna", 3},  {"gotta", 3},    {"outta", 3},   {"gimme", 3},
          {"lemme", 3},  {"dont", 2},    {"didnt", 3},  {"doesnt", 4},   {"isnt", 2},    {"cant", 2},
          {"wont", 2},   {"arent", 3},   {"wasnt", 3},  {"werent", 4},   {"havent", 4},  {"hasnt", 3},
          {"hadnt", 3},  {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"im", 1},      {"ive", 1},
          {"youre", 3},  {"theyre", 4},  {"thats", 4},  {"whats", 4},    {"theres", 5},  {"hes", 2},
          {"shes", 3},   {"youve", 3},   {"theyve", 4}, {"youll", 3},    {"theyll", 4},  {"alot", 1}};
      for (const auto& f : kFused)
        if (low == f.whole) {
          word(b, b + f.first);
          word(b + f.first, e);
          return;
        }
      // "its" before a word no possessive takes ("its not", "its a", "its really") is "it's".
      if (low == "its" && it_is_before(e)) {
        word(b, b + 2);
        word(b + 2, e);
        return;
      }
    }
    word(b, e);
  }
};

bool looks_like_url_or_email(std::string_view s) {
  if (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") ||
      s.starts_with("ftp://"))
    return s.size() > 6;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  // A name and its address written together ("Ryan"<ryan@example.org>) are not one address.
  if (s.substr(0, at).find_first_of("\"<>()") != std::string_view::npos) return false;
  auto dot = s.find('.', at);
  return dot != std::string_view::npos && dot + 1 < s.size() && dot > at + 1;
}

bool is_closing_url_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
         c == '"' || c == '\'' || c == '>';
}

// Whether the characters around an internal symbol keep one token ("2,500", "U.S", "AT&T");
// `after` is the character after `next` (0 at the end of the chunk).
bool joins(int32_t prev, int32_t sym, int32_t next, int32_t after, std::string_view left_word) {
  if (!is_alnum(prev) || !is_alnum(next)) return false;
  switch (sym) {
    case '.':
    case '_':
    case '@':
    case '&':
      return true;
    case ',':
    case ':':
      return is_digit(prev) && is_digit(next);
    case '/':  // "24/7"; "b/c", "w/o" (one letter before the slash), not "and/or"
      return (is_digit(prev) && is_digit(next)) || (left_word.size() == 1 && is_letter(prev) && is_letter(next));
    case '\'':
    case 0x2019:
      // A number's plural is one word in EWT ("the 70's", "1990's", "under 12's").
      if (is_digit(prev) && (next == 's' || next == 'S') && !is_alnum(after)) return true;
      return is_letter(prev) && is_letter(next);
    case '-':
    case 0x2010: {
      if (is_digit(prev) && is_digit(next)) return true;
      std::string low = to_lower(left_word);
      return in_sorted(kHyphenPrefixes, low);
    }
    default:
      return false;
  }
}

bool repeatable_punct(int32_t c) {
  return c == '.' || c == '!' || c == '?' || c == '`' || c == '$' || c == '<' || c == '>' || c == '#' || c == '+';
}
// Characters that draw lines in e-mail and forum text; a run of them, mixed, is one token ("----==").
bool line_punct(int32_t c) { return c == '-' || c == '=' || c == '_' || c == '*' || c == '~'; }

// The length of an emoticon at the end of the chunk (":)", ";-)", ":D"), 0 if none.
size_t emoticon_at(const std::vector<Cp>& cps, size_t i) {
  size_t n = cps.size();
  if (cps[i].c != ':' && cps[i].c != ';') return 0;
  size_t j = i + 1;
  if (j < n && cps[j].c == '-') ++j;
  if (j >= n) return 0;
  int32_t m = cps[j].c;
  bool mouth = m == ')' || m == '(' || m == 'D' || m == 'P' || m == 'p' || m == '/' || m == '|';
  return mouth && j + 1 == n ? j + 1 - i : 0;
}

// Where the unit begins in a token [b, e) of digits (with "," and ".") and then only letters,
// when the letters are a unit or multiplier rather than an ordinal, a plural or a code; else 0.
size_t unit_after_number(const std::vector<Cp>& cps, size_t b, size_t e) {
  if (!is_digit(cps[b].c)) return 0;
  size_t k = b;
  while (k < e && (is_digit(cps[k].c) || cps[k].c == ',' || cps[k].c == '.')) ++k;
  if (k == e || !is_digit(cps[k - 1].c)) return 0;
  std::string unit;
  for (size_t x = k; x < e; ++x) {
    if (cps[x].c >= 0x80 || !std::isalpha(cps[x].c)) return 0;
    unit += char(std::tolower(cps[x].c));
  }
  static constexpr std::string_view kWhole[] = {"th", "st", "nd", "rd", "s", "d"};
  for (std::string_view w : kWhole)
    if (unit == w) return 0;
  static constexpr std::string_view kSingle[] = {"m", "k", "b", "x", "p"};
  if (unit.size() == 1 && std::find(std::begin(kSingle), std::end(kSingle), unit) == std::end(kSingle)) return 0;
  return k;
}

void tokenize_chunk(Builder& out, const std::vector<Cp>& cps) {
  size_t n = cps.size(), i = 0;
  std::string_view text = out.text;
  while (i < n) {
    // A hashtag ("#audiobooks") or a number's plus sign ("+1 212 ...") at the start of a chunk
    // (or after an opening bracket) is one token with what follows.
    if ((cps[i].c == '#' || cps[i].c == '+') && i + 1 < n && (i == 0 || cps[i - 1].c == '(') &&
        (cps[i].c == '#' ? is_letter(cps[i + 1].c) : is_digit(cps[i + 1].c))) {
      size_t e = i + 1;
      while (e < n && (cps[i].c == '#' ? is_alnum(cps[e].c) || cps[e].c == '_' : is_digit(cps[e].c))) ++e;
      out.token(cps[i].begin, cps[e - 1].end);
      i = e;
      continue;
    }
    // URLs and e-mail addresses: one token, minus closing punctuation.
    if (is_alnum(cps[i].c) || cps[i].c == '<') {
      size_t s = cps[i].c == '<' ? i + 1 : i;
      if (s < n) {
        std::string_view rest = text.substr(cps[s].begin, cps[n - 1].end - cps[s].begin);
        if (looks_like_url_or_email(rest)) {
          if (s != i) out.token(cps[i].begin, cps[i].end);
          size_t e = n;
          while (e > s + 1 && cps[e - 1].c < 0x80 && is_closing_url_punct(char(cps[e - 1].c))) --e;
          out.token(cps[s].begin, cps[e - 1].end);
          i = e;
          continue;
        }
      }
    }
    if (is_alnum(cps[i].c)) {
      // A word: alphanumerics glued by internal symbols.
      size_t j = i + 1, word_start = i;
      while (j < n) {
        if (is_alnum(cps[j].c)) {
          ++j;
          continue;
        }
        if (j + 1 < n) {
          std::string_view left = text.substr(cps[word_start].begin, cps[j].begin - cps[word_start].begin);
          if (cps[j].c == '-' || cps[j].c == 0x2010) {
            // the prefix test looks at the part since the last hyphen only
            size_t k = j;
            while (k > word_start && cps[k - 1].c != '-') --k;
            left = text.substr(cps[k].begin, cps[j].begin - cps[k].begin);
          }
          if (joins(cps[j - 1].c, cps[j].c, cps[j + 1].c, j + 2 < n ? cps[j + 2].c : 0, left)) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // A final period stays with abbreviations, initials and dotted acronyms ("U.S.", "E.").
      if (j < n && cps[j].c == '.' && (j + 1 == n || cps[j + 1].c != '.')) {
        std::string_view w = text.substr(cps[i].begin, cps[j - 1].end - cps[i].begin);
        bool dotted = w.find('.') != std::string_view::npos && !is_digit(cps[j - 1].c);
        for (size_t p = 0, q; dotted && p <= w.size(); p = q + 1) {  // "U.S", "Ph.D", not "site.com"
          q = std::min(w.find('.', p), w.size());
          dotted = q - p <= 2 || (q - p == 3 && p == 0 && w[1] != '.' && w.size() == 4);
        }
        bool initial = (j - i == 1) && is_letter(cps[i].c);
        if (is_abbreviation(w) || dotted || initial) ++j;
      }
      // A number with its unit or multiplier written on ("375mm", "650k", "$5bn", "10am") is two
      // tokens, as EWT writes them; ordinals and plurals ("4th", "1990s") and codes ("3D") stay whole.
      if (size_t unit = unit_after_number(cps, i, j)) {
        out.token(cps[i].begin, cps[unit - 1].end);
        out.token(cps[unit].begin, cps[j - 1].end);
        i = j;
        continue;
      }
      out.token(cps[i].begin, cps[j - 1].end);
      i = j;
      continue;
    }
    // Punctuation and symbols: runs of the same mark ("...", "!!", "--") or "?!" stay together.
    size_t j = i + 1;
    if (size_t e = emoticon_at(cps, i)) {
      j = i + e;
    } else if (line_punct(cps[i].c)) {
      while (j < n && line_punct(cps[j].c)) ++j;
    } else if (repeatable_punct(cps[i].c)) {
      bool terminal = cps[i].c == '!' || cps[i].c == '?';
      while (j < n && (cps[j].c == cps[i].c || (terminal && (cps[j].c == '!' || cps[j].c == '?')))) ++j;
    } else if (cps[i].c == '\'' && j < n && cps[j].c == '\'') {
      ++j;
    }
    out.token(cps[i].begin, cps[j - 1].end);
    i = j;
  }
}

}  // namespace

bool is_abbreviation(std::string_view w) {
  if (w.empty() || w.size() > 8) return false;
  return in_sorted(kAbbreviations, to_lower(w));
}

bool is_title_abbreviation(std::string_view w) {
  if (w.empty() || w.size() > 8) return false;
  return in_sorted(kTitles, to_lower(w));
}

void tokenize(std::string_view text, Analysis& a) {
  Builder out{text, a};
  std::vector<Cp> cps;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    int32_t c = next_code_point(text, i);
    if (is_space(c)) continue;
    cps.clear();
    // A chunk is a run of non-space characters; dashes always stand alone.
    size_t pos = start;
    while (pos < text.size()) {
      size_t b = pos;
      int32_t d = next_code_point(text, pos);
      if (is_space(d)) {
        pos = b;
        break;
      }
      cps.push_back({uint32_t(b), uint32_t(pos), d});
    }
    size_t s = 0;
    for (size_t k = 0; k <= cps.size(); ++k) {
      if (k == cps.size() || is_dash(cps[k].c)) {
        if (k > s) tokenize_chunk(out, std::vector<Cp>(cps.begin() + s, cps.begin() + k));
        if (k < cps.size()) out.token(cps[k].begin, cps[k].end);
        s = k + 1;
      }
    }
    i = pos;
  }
}

}  // namespace sitrep::nlp

#include "time/scan.h"

namespace sitrep::timescan {
namespace {

inline bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Multi-byte UTF-8 sequences that are punctuation or space in news text (curly quotes, dashes,
// ellipsis, no-break space): they separate words, so "“Today" still finds "today".
size_t utf8_punct_len(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80) return 3;
  return 0;
}

// A word that a period after it does not end the sentence: a title before a name, "vs", an initial.
bool title_or_initial(const Tokens& out, const Tok& w) {
  if (w.kind != TokKind::Word) return false;
  std::string_view s{out.lower.data() + w.b, w.e - w.b};
  if (s.size() == 1) return w.cap;
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "dr", "st", "vs", "gen", "sen", "rep", "gov",
                                                 "lt", "col", "sgt", "capt", "prof", "rev", "sens", "reps", "messrs"};
  for (std::string_view t : kTitles)
    if (s == t) return true;
  return false;
}

// Words that open a noun phrase or an amount: after "to" they make it a preposition, not an
// infinitive ("tied to the introduction", "amounted to more than 13%").
bool determiner(std::string_view w) {
  static constexpr std::string_view kDeterminers[] = {
      "the", "a",  "an",     "his",    "her",    "its",     "their", "this",   "that", "these", "those",
      "our", "my", "your",   "any",    "some",   "all",     "each",  "every",  "no",   "him",   "them",
      "us",  "me", "it",     "more",   "less",   "about",   "over",  "nearly", "almost", "around", "roughly",
      "just", "only", "as", "record", "one",    "two",     "three", "several", "many", "most"};
  for (std::string_view d : kDeterminers)
    if (w == d) return true;
  return false;
}

}  // namespace

Tokens tokenize(std::string_view text) {
  Tokens out;
  out.lower.assign(text);
  for (char& c : out.lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  out.toks.reserve(text.size() / 5);
  bool space = true, newline = false;
  uint32_t sentence = 0;
  size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
      if (c == '\n') {
        // A blank line ends a sentence; so does a line break after a short line (headlines).
        if (newline) ++sentence;
        newline = true;
      }
      space = true;
      ++i;
      continue;
    }
    if (size_t u = utf8_punct_len(text, i)) {
      if (u == 2) {
        space = true;
        i += u;
        continue;
      }
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.space = space;
    t.newline = newline;
    if (is_digit(c)) {
      size_t j = i;
      bool plain = true;
      while (j < n) {
        if (is_digit(text[j])) ++j;
        else if ((text[j] == ',' || text[j] == '.') && j + 1 < n && is_digit(text[j + 1]))
          plain = false, ++j;  // 1,000 and 2.5 are quantities, never years or days
        else break;
      }
      t.kind = TokKind::Number;
      t.e = static_cast<uint32_t>(j);
      if (plain && j - i <= 9) {
        int v = 0;
        for (size_t k = i; k < j; ++k) v = v * 10 + (text[k] - '0');
        t.num = v;
      }
    } else if (is_alpha(c) || c >= 0x80) {
      size_t j = i;
      while (j < n && (is_alpha(text[j]) || ((unsigned char)text[j] >= 0x80 && !utf8_punct_len(text, j)))) ++j;
      if (j == i) j = i + 1;
      t.kind = TokKind::Word;
      t.e = static_cast<uint32_t>(j);
      t.cap = c >= 'A' && c <= 'Z';
      if (j - i <= 16) t.lex = timelex::lookup({out.lower.data() + i, j - i});
    } else {
      size_t u = utf8_punct_len(text, i);
      t.kind = TokKind::Punct;
      t.e = static_cast<uint32_t>(i + (u ? u : 1));
    }
    // Sentence ends: . ! ? followed by a capitalized word after a space, or by a line break; not
    // the period of a title or an initial ("Mr. Bush", "Roe vs. Wade", "George W. Bush", "U.S. Embassy").
    if (!out.toks.empty()) {
      const Tok& p = out.toks.back();
      char pc = text[p.b];
      bool abbreviation = pc == '.' && !newline && out.toks.size() >= 2 && !out.toks[out.toks.size() - 1].space &&
                          title_or_initial(out, out.toks[out.toks.size() - 2]);
      if (p.kind == TokKind::Punct && (pc == '.' || pc == '!' || pc == '?') && t.space &&
          (t.cap || newline || t.kind == TokKind::Punct) && !abbreviation)
        ++sentence;
    }
    t.sentence = sentence;
    out.toks.push_back(t);
    i = t.e;
    space = false;
    newline = false;
  }
  return out;
}

namespace {
// Word i (an -ed word) after an article, a possessive determiner or a noun's "'s", with at most
// two -ly adverbs between: an adjective before its noun, no verb of the clause.
bool attributive(const Tokens& t, size_t i) {
  const uint32_t s = t.toks[i].sentence;
  size_t j = i;
  for (int k = 0; k < 2 && j > 0 && t.toks[j - 1].sentence == s && t.toks[j - 1].kind == TokKind::Word &&
                  t.word(j - 1).size() > 3 && t.word(j - 1).ends_with("ly");
       ++k)
    --j;
  if (j == 0 || t.toks[j - 1].sentence != s || t.toks[j - 1].kind != TokKind::Word) return false;
  std::string_view p = t.word(j - 1);
  static constexpr std::string_view kBefore[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"};
  for (std::string_view d : kBefore)
    if (p == d) return true;
  // a noun's "'s" ("Tuesday's"), not a pronoun's ("it's", "he's": is or has)
  if (p == "s" && j >= 3 && t.toks[j - 2].kind == TokKind::Punct && t.toks[j - 3].kind == TokKind::Word &&
      t.toks[j - 3].sentence == s) {
    static constexpr std::string_view kPronouns[] = {"it", "he", "she", "that", "what", "there", "who", "here", "where", "this"};
    std::string_view o = t.word(j - 3);
    for (std::string_view pr : kPronouns)
      if (o == pr) return false;
    return true;
  }
  return false;
}
}  // namespace

timelex::Tense tense_around(const Tokens& t, size_t b, size_t e) {
  using timelex::Tense;
  if (b >= t.toks.size()) return Tense::Unknown;
  const uint32_t s = t.toks[b].sentence;
  auto cue = [&](size_t i) -> Tense {
    const Tok& k = t.toks[i];
    if (k.kind != TokKind::Word) return Tense::Unknown;
    std::string_view w = t.word(i);
    // "set" looks ahead only as an arrangement ("is set to", "was set for"); after its subject it is
    // a past: "whose panel set the rules Tuesday"
    if (w == "set" && i > 0) {
      std::string_view p = t.word(i - 1);
      bool arranged = p == "is" || p == "are" || p == "am" || p == "be" || p == "been" || p == "being" || p == "was" ||
                      p == "were" || p == "s" || p == "now" || p == "all" || p == "also";
      if (!arranged) return Tense::Past;
    }
    if (k.lex && (k.lex->kinds & timelex::kTense)) return k.lex->tense;
    // a present of coming into force looks ahead: "the rules take effect in June", "enter into force"
    if ((w == "take" || w == "come" || w == "enter") && i + 1 < t.toks.size() && t.toks[i + 1].sentence == s &&
        (t.word(i + 1) == "effect" || (t.word(i + 1) == "into" && i + 2 < t.toks.size() && t.word(i + 2) == "force")))
      return Tense::Future;
    // a modal of possibility or obligation looks ahead ("may not meet the criteria effective Dec. 7"),
    // unless a perfect follows it ("may have left on Monday"); lower case, so not the month May
    if ((w == "may" || w == "might" || w == "must" || w == "should" || w == "can") && !k.cap) {
      bool perfect = i + 1 < t.toks.size() && (t.word(i + 1) == "have" || (t.word(i + 1) == "not" && i + 2 < t.toks.size() &&
                                                                        t.word(i + 2) == "have"));
      return perfect ? Tense::Past : Tense::Future;
    }
    // -ed words are past participles, except the negated adjectives ("an unspecified date") and
    // the participles a determiner or a possessive puts before a noun ("for Tuesday's highly
    // anticipated address", "the revised plan")
    if (w.size() > 4 && w.ends_with("ed") && !k.cap && !w.starts_with("un") && !attributive(t, i)) return Tense::Past;
    // and the four-letter ones of verbs ending in -e: tied, died, used, owed, sued (not need, seed)
    if (w.size() == 4 && w.ends_with("ed") && w[1] != 'e' && !k.cap) return Tense::Past;
    return Tense::Unknown;
  };
  // A participle after a future auxiliary is future: "will be held", "is to be signed".
  auto verb_group = [&](size_t i, Tense x) {
    // An auxiliary before a word of intention is future: "were planning", "is expected", "was due".
    if (x == Tense::Past || x == Tense::Present) {
      std::string_view w = t.word(i);
      bool aux = w == "was" || w == "were" || w == "is" || w == "are" || w == "am" || w == "had" || w == "has" ||
                 w == "have";
      if (aux && i + 1 < t.toks.size() && t.toks[i + 1].sentence == s) {
        const Tok& n = t.toks[i + 1];
        std::string_view nw = t.word(i + 1);
        if ((n.lex && (n.lex->kinds & timelex::kTense) && n.lex->tense == Tense::Future) || nw == "planning" ||
            nw == "preparing" || nw == "poised" || nw == "slated")
          return Tense::Future;
        // "the leaders are meeting Friday", "he is leaving Tuesday": a progressive of an arrangement
        static constexpr std::string_view kArranged[] = {"meeting",  "visiting",  "leaving",   "traveling", "travelling",
                                                         "arriving", "returning", "heading",   "flying",    "hosting"};
        if (w == "is" || w == "are" || w == "am")
          for (std::string_view a : kArranged)
            if (nw == a) return Tense::Future;
        // "the court is to rule in March", "talks are to begin Monday": an arrangement ahead
        if (nw == "to" && (w == "is" || w == "are" || w == "am") && i + 2 < t.toks.size() && t.toks[i + 2].sentence == s &&
            t.toks[i + 2].kind == TokKind::Word && !determiner(t.word(i + 2)))
          return Tense::Future;
      }
    }
    // a scheduling verb after "did" is a past: "the talks did not begin until Monday" (but "did not
    // plan to remove him on Thursday" still looks ahead)
    if (x == Tense::Future && (t.word(i) == "begin" || t.word(i) == "resume" || t.word(i) == "convene")) {
      for (size_t d = 1; d <= 3 && i >= d && t.toks[i - d].sentence == s; ++d) {
        std::string_view w = t.word(i - d);
        if (w == "did" || w == "didn") return Tense::Past;
        if (w != "not" && w != "t" && w != "'" && w != "never") break;
      }
    }
    // a plan in the past perfect is over: "had been scheduled to expire at midnight Friday"
    if (x == Tense::Future && t.word(i).ends_with("ed")) {
      for (size_t d = 1; d <= 2 && i >= d && t.toks[i - d].sentence == s; ++d) {
        std::string_view w = t.word(i - d);
        if (w == "had") return Tense::Past;
        if (w != "been" && w != "previously" && w != "originally") break;
      }
    }
    if (x != Tense::Past) return x;
    // a decision or obligation toward a later act: "has decided to admit", "are supposed to conclude"
    // (not the attempts and phases of a past act: "tried to", "continued to")
    // (and "to" must start a verb, not a noun phrase: "problems tied to the introduction", "linked to Iraq")
    if (i + 2 < t.toks.size() && t.toks[i + 1].sentence == s && t.word(i + 1) == "to" && t.word(i).ends_with("ed") &&
        t.toks[i + 2].kind == TokKind::Word && !t.word(i + 2).ends_with("ed") && !t.toks[i + 2].cap &&
        !determiner(t.word(i + 2))) {
      static constexpr std::string_view kDone[] = {"tried",   "attempted", "failed",  "refused",   "declined", "used",
                                                   "seemed",  "appeared",  "started", "continued", "managed",  "happened",
                                                   "wanted", "helped", "moved", "rushed", "forced", "compelled"};
      std::string_view w = t.word(i);
      bool done = false;
      for (std::string_view d : kDone) done |= w == d;
      if (!done) return Tense::Future;
    }
    bool perfect = false;
    for (size_t d = 1; d <= 3 && i >= d && t.toks[i - d].sentence == s; ++d) {
      std::string_view w = t.word(i - d);
      if (w == "will" || w == "shall" || w == "ll" || w == "to" || w == "would") return Tense::Future;
      // "can be shipped", "may be delayed": a modal looks ahead; "may have been shipped" looks back
      // ("could" is also the past of "can": "could not be located Wednesday")
      if (w == "can" || w == "may" || w == "might" || w == "must" || w == "should")
        return perfect ? Tense::Past : Tense::Future;
      perfect |= w == "have";
      // a present passive: "when the case is heard in May", "talks are held in Geneva"
      if (w == "is" || w == "are" || w == "am") return Tense::Present;
      if (w != "be" && w != "have" && w != "been" && w != "not" && w != "still" && w != "also" && w != "now" &&
          w != "never" && !(w.size() > 4 && w.ends_with("ly")))
        break;
    }
    return x;
  };
  // A fronted adverbial ("In January, a week after ..., a bombing killed") dates the main verb,
  // which may come long after it: look further right.
  bool opens = b <= 1 || t.toks[b - 1].sentence != s || t.toks[b - 2].sentence != s;  // at most one word before
  bool fronted = opens && e < t.toks.size() && t.toks[e].kind == TokKind::Punct && t.lower[t.toks[e].b] == ',';
  const size_t reach = fronted ? 40 : 14;
  // A reporting verb not next to the expression ("... in early March, an official said") is the
  // tense of the report, not of what it reports: a cue of the reported clause comes first.
  auto reporting = [&](size_t i) {
    std::string_view w = t.word(i);
    return w == "said" || w == "says" || w == "told" || w == "tells" || w == "added" || w == "adds";
  };
  Tense report = Tense::Unknown;
  // The expression's own clause first, as far as a comma, semicolon, colon, parenthesis or a word
  // opening a subordinate clause either way ("talks that are supposed to conclude by May, invited
  // Sinn Fein", "told a news conference on Tuesday that the blockade might be extended"); then the
  // sentence.
  auto boundary = [&](size_t i) {
    if (t.toks[i].kind == TokKind::Word) {
      std::string_view w = t.word(i);
      return w == "that" || w == "which" || w == "who" || w == "whom" || w == "because" || w == "if" ||
             w == "whether" || w == "while" || w == "although" || w == "though" || w == "unless";
    }
    if (t.toks[i].kind != TokKind::Punct) return false;
    char c = t.lower[t.toks[i].b];
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')';
  };
  bool left_open = true, right_open = true;
  for (size_t d = 1; d <= 14 && (left_open || right_open); ++d) {
    if (left_open && b >= d && t.toks[b - d].sentence == s && !boundary(b - d)) {
      Tense x = cue(b - d);
      if (x != Tense::Unknown) return verb_group(b - d, x);
    } else {
      left_open = false;
    }
    size_t r = e - 1 + d;
    if (right_open && r < t.toks.size() && t.toks[r].sentence == s && !boundary(r)) {
      Tense x = cue(r);
      if (x != Tense::Unknown) return verb_group(r, x);
    } else {
      right_open = false;
    }
  }
  for (size_t d = 1; d <= reach; ++d) {
    if (b >= d && t.toks[b - d].sentence == s) {
      Tense x = cue(b - d);
      if (x != Tense::Unknown && d > 2 && reporting(b - d)) {
        if (report == Tense::Unknown) report = verb_group(b - d, x);
      } else if (x != Tense::Unknown) {
        return verb_group(b - d, x);
      }
    }
    size_t r = e - 1 + d;
    if (r < t.toks.size() && t.toks[r].sentence == s) {
      Tense x = cue(r);
      if (x != Tense::Unknown && d > 2 && reporting(r)) {
        if (report == Tense::Unknown) report = verb_group(r, x);
      } else if (x != Tense::Unknown) {
        return verb_group(r, x);
      }
    }
  }
  return report;
}

}  // namespace sitrep::timescan

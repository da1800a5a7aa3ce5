#include "nlp/asides.h"

#include <algorithm>

#include "nlp/parser.h"

namespace sitrep::nlp {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Whether w, ASCII letters folded to lower case, is one of the lower-case words of the set (no
// copy: this runs on most words of every sentence).
bool in_lower(std::string_view w, std::initializer_list<std::string_view> set) {
  auto folded_equal = [&](std::string_view l) {
    if (l.size() != w.size()) return false;
    for (size_t k = 0; k < l.size(); ++k)
      if ((w[k] >= 'A' && w[k] <= 'Z' ? char(w[k] - 'A' + 'a') : w[k]) != l[k]) return false;
    return true;
  };
  return std::any_of(set.begin(), set.end(), folded_equal);
}

bool capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool weekday(std::string_view w) {
  return in(w, {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"});
}

bool month(std::string_view w) {
  return in(w, {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."});
}

bool part_of_day(std::string_view w) { return in_lower(w, {"morning", "afternoon", "evening", "night"}); }

bool day_number(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return false;
  std::string_view rest = w.substr(digits);
  return rest.empty() || in(rest, {"st", "nd", "rd", "th"});
}

bool year(std::string_view w) {
  return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The end of a time phrase that starts at word i ("on Monday", "late Tuesday night", "last
// week", "earlier this month", "on February 19", "in March", "in 2019", "yesterday"), or i.
size_t time_phrase_end(std::span<const std::string_view> forms, size_t i) {
  size_t n = forms.size(), j = i;
  auto word = [&](size_t k) { return k < n ? forms[k] : std::string_view(); };
  bool on = in_lower(word(j), {"on"}), in_ = in_lower(word(j), {"in"});
  if (on || in_) ++j;
  bool modifier = in_lower(word(j), {"early", "late", "earlier", "later"});
  if (modifier) ++j;
  bool relative = in_lower(word(j), {"last", "this", "next"});
  if (relative) ++j;
  if (j >= n) return i;
  std::string_view w = forms[j];
  if (weekday(w)) {
    if (in_) return i;
    ++j;
    if (part_of_day(word(j))) ++j;
    return j;
  }
  if (month(w)) {
    ++j;
    bool day = j < n && day_number(forms[j]);
    if (day) ++j;
    if (on && !day) return i;
    if (j < n && year(forms[j])) ++j;
    return j;
  }
  if (on || in_) return in_ && !relative && !modifier && year(w) ? j + 1 : i;
  if (relative)
    return in_lower(w, {"week", "weekend", "month", "year", "night", "morning", "evening", "spring", "summer", "fall",
                        "autumn", "winter"})
               ? j + 1
               : i;
  if (in_lower(w, {"yesterday", "today", "tonight"})) {
    ++j;
    if (!in_lower(w, {"tonight"}) && part_of_day(word(j))) ++j;
    return j;
  }
  return i;
}

bool finite(std::string_view xpos) { return in(xpos, {"VBD", "VBZ", "VBP", "MD", "VBN"}); }

bool title(std::string_view w) {
  return in(w, {"President", "Minister", "Secretary", "Chancellor", "King", "Queen", "Prince", "General", "Gen.",
                "Senator", "Sen.", "Governor", "Gov.", "Mayor", "Ambassador", "Spokesman", "Spokeswoman", "Premier",
                "Chairman", "Leader", "Speaker", "Commander", "Envoy", "Admiral", "Adm.", "Colonel", "Col.", "Emir",
                "Sheikh", "Pope", "Patriarch", "Ayatollah", "Judge", "Justice", "Mufti", "Rep.", "Representative",
                "Adviser", "Advisor", "Director", "Chief", "Commissioner", "Lt.", "Maj.", "Capt.", "Sgt."});
}

// A country's adjective ("Russian", "Turkish", "Israeli", "Chinese", "French") or initials ("US",
// "U.S.", "UN", "EU").
bool country_word(std::string_view w, Upos upos) {
  if (w.size() >= 2 && w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    return true;
  if (upos != Upos::ADJ && upos != Upos::PROPN) return false;
  for (std::string_view end : {"an", "ese", "ish", "i", "ch", "ek", "ss", "ai"})
    if (w.size() > end.size() + 2 && w.ends_with(end)) return true;
  return false;
}

// The aside of titles ending just before a name that starts at word e ("Russian President" before
// "Vladimir Putin", "US Secretary of State" before "Mike Pompeo"), as [b, e), or b == e; t is set
// to the title word.
size_t title_begin(std::span<const std::string_view> forms, std::span<const Upos> upos, size_t e, size_t& t) {
  // (A title is no name: "Chief" before "Justice John Roberts".)
  if (e < 2 || upos[e] != Upos::PROPN || !capitalized(forms[e]) || title(forms[e])) return e;
  t = e - 1;
  if (!title(forms[t])) {
    // "Secretary of State", "Minister of Defence"
    if (e < 3 || !capitalized(forms[t]) || forms[t - 1] != "of" || !title(forms[t - 2])) return e;
    t -= 2;
  }
  auto former = [&](size_t k) { return in_lower(forms[k], {"former", "acting", "then"}); };
  size_t b = t;
  while (b > 0 && !former(b) && ((capitalized(forms[b - 1]) && (upos[b - 1] == Upos::ADJ || upos[b - 1] == Upos::PROPN ||
                                                               upos[b - 1] == Upos::NOUN)) ||
                                 former(b - 1)))
    --b;
  // The run starts with "former", a country's adjective or initials ("Russian", "U.S.", "UN"),
  // or anything before an abbreviated or unambiguous title ("Maryland Gov.", "House
  // Intelligence Committee Chairman"): a first name before a surname
  // such as "King" starts none. A bare title before a name the parser reads well.
  // (Titles that are also names or plain words keep the stricter start: "Melanie King", "Army
  // General".)
  bool abbreviated = forms[t].ends_with(".") ||
                     !in(forms[t], {"King", "Queen", "Prince", "General", "Justice", "Judge", "Leader", "Speaker", "Chief",
                                    "Pope", "Director", "Commander", "Sheikh", "Emir", "Mufti"});
  while (b < t && !former(b) && !abbreviated && !country_word(forms[b], upos[b])) ++b;
  return b < t ? b : e;
}

}  // namespace

AsideLabels AsideLabels::find(const LabelNames& names) {
  AsideLabels r;
  bool ok = true;
  auto id = [&](std::string_view name) -> uint16_t {
    auto it = std::find(names.deprel.begin(), names.deprel.end(), name);
    if (it == names.deprel.end()) {
      ok = false;
      return 0;
    }
    return uint16_t(it - names.deprel.begin());
  };
  r.obl = id("obl");
  r.obl_unmarked = id("obl:unmarked");
  r.nmod_desc = id("nmod:desc");
  r.aux = id("aux");
  r.aux_pass = id("aux:pass");
  r.cop = id("cop");
  r.case_ = id("case");
  r.advmod = id("advmod");
  r.amod = id("amod");
  r.det = id("det");
  r.compound = id("compound");
  r.nmod = id("nmod");
  r.acl_relcl = id("acl:relcl");
  r.punct = id("punct");
  r.acl = id("acl");
  r.obj = id("obj");
  r.nsubj = id("nsubj");
  r.nsubj_pass = id("nsubj:pass");
  r.mark = id("mark");
  r.xcomp = id("xcomp");
  r.expl = id("expl");
  r.appos = id("appos");
  r.ccomp = id("ccomp");
  r.parataxis = id("parataxis");
  r.advcl = id("advcl");
  r.iobj = id("iobj");
  r.ok = ok;
  return r;
}

std::vector<Aside> find_asides(std::span<const std::string_view> forms, std::span<const Upos> upos,
                               std::span<const std::string_view> xpos) {
  std::vector<Aside> out;
  size_t n = forms.size();
  auto verb_after = [&](size_t e) {  // a finite verb at e, after up to two adverbs, or n
    size_t v = e;
    while (v < n && v < e + 2 && upos[v] == Upos::ADV && !in_lower(forms[v], {"not"})) ++v;
    return v < n && (upos[v] == Upos::VERB || upos[v] == Upos::AUX) && finite(xpos[v]) ? v : n;
  };
  for (size_t i = 1; i < n; ++i) {
    // ", who ... ," between a name and its verb: the clause has no comma of its own.
    // (A capitalized word the tagger misread is a name too: "Abrams, who".)
    if (forms[i] == "," && i + 2 < n && in_lower(forms[i + 1], {"who", "which"}) &&
        (upos[i - 1] == Upos::NOUN || upos[i - 1] == Upos::PROPN ||
         (capitalized(forms[i - 1]) && upos[i - 1] != Upos::PRON && upos[i - 1] != Upos::PUNCT))) {
      size_t j = i + 2;
      while (j < n && forms[j] != "," && upos[j] != Upos::PUNCT) ++j;
      if (j < n && forms[j] == "," && verb_after(j + 1) < n && (out.empty() || out.back().end <= i - 1)) {
        out.push_back({uint32_t(i), uint32_t(j + 1), uint32_t(i - 1), Aside::kRelative});
        i = j;
        continue;
      }
    }
    // ", the world benchmark ," or "— both California Republicans —" between a name and its
    // verb: a noun phrase (no verb, preposition first, or punctuation; a determiner, adjective,
    // number or adverb first, or a common noun in it, so that lists of names stay lists).
    if ((forms[i] == "," || forms[i] == "\u2014" || forms[i] == "\u2013" || forms[i] == "--") && i + 2 < n &&
        (upos[i - 1] == Upos::NOUN || upos[i - 1] == Upos::PROPN) && !weekday(forms[i - 1]) && !month(forms[i - 1]) &&
        !in_lower(forms[i - 1], {"today", "yesterday", "tomorrow", "week", "month", "year", "morning", "afternoon",
                                 "evening", "night", "weekend"}) &&
        (out.empty() || out.back().end <= i - 1)) {
      size_t j = i + 1;
      bool common = false, nominal = false;
      while (j < n && upos[j] != Upos::VERB && upos[j] != Upos::AUX && upos[j] != Upos::PUNCT &&
             !in_lower(forms[j], {"who", "which", "that", "whose", "whom"})) {
        common |= upos[j] == Upos::NOUN;
        nominal |= upos[j] == Upos::NOUN || upos[j] == Upos::PROPN || upos[j] == Upos::NUM || upos[j] == Upos::PRON;
        ++j;
      }
      // A relative clause of the phrase's noun, up to the closing comma ("a former FBI lawyer
      // who worked on the inquiry").
      if (j < n && j > i + 1 && in_lower(forms[j], {"who", "which", "that"}) &&
          (upos[j - 1] == Upos::NOUN || upos[j - 1] == Upos::PROPN))
        while (j < n && upos[j] != Upos::PUNCT) ++j;
      // (Not an adverb alone, ", however,", nor a time, ", last week,", nor a pronoun's clause.)
      Upos first = upos[i + 1];
      bool phrase = j > i + 1 && nominal && (first != Upos::PRON || xpos[i + 1] == "PRP$" || forms[i + 1].ends_with("self")) &&
                    (first != Upos::CCONJ || in_lower(forms[i + 1], {"both"})) &&
                    !(j == i + 2 && in_lower(forms[i + 1], {"meanwhile", "however", "though", "too", "moreover",
                                                             "therefore", "instead", "also", "furthermore", "thus",
                                                             "nevertheless", "today", "now", "again", "then"})) &&
                    time_phrase_end(forms, i + 1) < j && first != Upos::ADP && first != Upos::SCONJ &&
                    (common || first == Upos::DET || first == Upos::ADJ || first == Upos::NUM || first == Upos::ADV ||
                     first == Upos::CCONJ ||
                     xpos[i + 1] == "PRP$" || upos[i - 1] == Upos::NOUN);  // a name after a common noun:
                                                                            // "the group's leader, Abu Bakr,"
      if (phrase && j < n && forms[j] == forms[i] && verb_after(j + 1) < n) {
        out.push_back({uint32_t(i), uint32_t(j + 1), uint32_t(i - 1), Aside::kAppos});
        i = j;
        continue;
      }
    }
    // ", the Russians said ," or ", she argued ," between a subject and its verb: a short clause
    // of a reporting verb, no punctuation in it.
    if (forms[i] == "," && i + 2 < n &&
        (upos[i - 1] == Upos::NOUN || upos[i - 1] == Upos::PROPN || upos[i - 1] == Upos::PRON) &&
        (out.empty() || out.back().end <= i - 1)) {
      size_t j = i + 1;
      bool reports = false;
      while (j < n && j < i + 8 && upos[j] != Upos::PUNCT) {
        reports |= j > i + 1 && (upos[j] == Upos::VERB || upos[j] == Upos::AUX) &&
                   in_lower(forms[j], {"said", "says", "say", "added", "adds", "noted", "notes", "argued", "argues",
                                       "wrote", "writes", "told", "believe", "believes", "insisted", "claimed",
                                       "claims", "explained", "stressed", "acknowledged", "suggested", "think",
                                       "thinks", "reported", "reports", "contend", "contends", "contended",
                                       "maintained", "maintains", "recalled", "observed", "asserted", "conceded"});
        ++j;
      }
      Upos first = upos[i + 1];
      size_t v = j < n && forms[j] == "," ? verb_after(j + 1) : n;
      if (reports && v < n &&
          (first == Upos::PRON || first == Upos::PROPN || first == Upos::DET || first == Upos::NOUN || first == Upos::ADJ)) {
        out.push_back({uint32_t(i), uint32_t(j + 1), uint32_t(v), Aside::kReport});
        i = j;
        continue;
      }
    }
    // A title before a name.
    size_t t = 0;
    if (size_t b = title_begin(forms, upos, i, t); b < i) {
      if (!out.empty() && out.back().end > b) continue;
      out.push_back({uint32_t(b), uint32_t(i), uint32_t(i), Aside::kTitle, uint32_t(t)});
      continue;
    }
    // A time phrase between a subject and its verb, up to two adverbs before the verb.
    if (upos[i - 1] != Upos::NOUN && upos[i - 1] != Upos::PROPN && upos[i - 1] != Upos::PRON) continue;
    size_t e = time_phrase_end(forms, i);
    if (e == i) continue;
    size_t v = verb_after(e);
    if (v >= n) continue;
    if (!out.empty() && out.back().end > i) continue;
    out.push_back({uint32_t(i), uint32_t(e), uint32_t(v), Aside::kTime});
    i = e - 1;
  }
  return out;
}

void parse_with_asides(const Parser& parser, std::span<const WordKeys> words, std::span<const uint16_t> tags,
                       std::span<const Upos> upos, std::span<const Aside> asides, const AsideLabels& rel,
                       std::span<int32_t> heads, std::span<uint16_t> labels) {
  size_t n = words.size();
  if (asides.empty() || !rel.ok) return parser.parse(words, tags, heads, labels);
  // The sentence without its asides.
  std::vector<uint32_t> kept;
  std::vector<WordKeys> sub_words;
  std::vector<uint16_t> sub_tags;
  size_t a = 0;
  for (size_t i = 0; i < n; ++i) {
    while (a < asides.size() && asides[a].end <= i) ++a;
    if (a < asides.size() && asides[a].begin <= i) continue;
    kept.push_back(uint32_t(i));
    sub_words.push_back(words[i]);
    sub_tags.push_back(tags[i]);
  }
  if (kept.empty()) return parser.parse(words, tags, heads, labels);
  std::vector<int32_t> sub_heads(kept.size());
  std::vector<uint16_t> sub_labels(kept.size());
  parser.parse(sub_words, sub_tags, sub_heads, sub_labels);
  for (size_t k = 0; k < kept.size(); ++k) {
    heads[kept[k]] = sub_heads[k] < 0 ? -1 : int32_t(kept[sub_heads[k]]);
    labels[kept[k]] = sub_labels[k];
  }
  std::vector<bool> aside_word(n, false);
  for (const Aside& as : asides)
    for (size_t k = as.begin; k < as.end; ++k) aside_word[k] = true;
  // An apposition stands between a subject and its verb: where the sentence without it does not
  // make the noun phrase before it a subject, it was something else (a list: "strength and
  // energy, joint health, improved mood"), and the sentence is parsed again without it. It hangs
  // on that subject, reached from the word before it through the phrase's heads to the left
  // ("secretary" of "the secretary of state, Mike Pompeo,"; "Ayelet" of "Ayelet Shaked").
  // A reporting clause likewise.
  std::vector<int32_t> subject_of(asides.size(), -1);
  for (size_t k = 0; k < asides.size(); ++k) {
    const Aside& as = asides[k];
    if (as.kind != Aside::kAppos && as.kind != Aside::kReport) continue;
    int32_t w = int32_t(as.begin) - 1;
    while (w >= 0 && labels[size_t(w)] != rel.nsubj && labels[size_t(w)] != rel.nsubj_pass) {
      int32_t h = heads[size_t(w)];
      w = h >= 0 && h < w && !aside_word[size_t(h)] && upos[size_t(h)] != Upos::VERB && upos[size_t(h)] != Upos::AUX ? h : -1;
    }
    if (w < 0) {
      std::vector<Aside> rest(asides.begin(), asides.end());
      rest.erase(rest.begin() + std::ptrdiff_t(k));
      return parse_with_asides(parser, words, tags, upos, rest, rel, heads, labels);
    }
    subject_of[k] = w;
  }
  // The head of the name at word w, a run of proper nouns outside every aside going right from
  // w (a title's name) or left (a relative clause's): the first of its words whose head lies
  // outside it, however the parse hangs the name ("Vladimir" of "Vladimir Putin"); else w.
  auto name_head = [&](size_t w, bool rightwards) {
    if (upos[w] != Upos::PROPN) return int32_t(w);
    size_t rb = w, re = w + 1;
    auto name_word = [&](size_t k) { return upos[k] == Upos::PROPN && !aside_word[k]; };
    if (rightwards)
      while (re < n && name_word(re)) ++re;
    else
      while (rb > 0 && name_word(rb - 1)) --rb;
    for (size_t k = rb; k < re; ++k)
      if (heads[k] < int32_t(rb) || heads[k] >= int32_t(re)) return int32_t(k);
    return int32_t(w);
  };
  // Each aside on its own, its root attached to its anchor.
  for (size_t k = 0; k < asides.size(); ++k) {
    const Aside& as = asides[k];
    size_t b = as.begin, e = as.end;
    if (as.kind == Aside::kRelative || as.kind == Aside::kAppos || as.kind == Aside::kReport) ++b, --e;  // its commas
    size_t root = b;
    if (as.kind == Aside::kTitle) {
      // "Russian Defense Minister", "US Secretary of State": the title heads its modifiers
      // (amod, or compound) and an "of" phrase after it (nmod, its preposition case).
      root = as.head;
      for (size_t k = b; k < root; ++k) {
        heads[k] = int32_t(root);
        labels[k] = upos[k] == Upos::ADJ ? rel.amod : rel.compound;
      }
      if (root + 1 < e) {
        heads[root + 1] = int32_t(e - 1), labels[root + 1] = rel.case_;
        heads[e - 1] = int32_t(root), labels[e - 1] = rel.nmod;
      }
    } else {
      parser.parse(words.subspan(b, e - b), tags.subspan(b, e - b), heads.subspan(b, e - b), labels.subspan(b, e - b));
      for (size_t k = b; k < e; ++k) {
        if (heads[k] < 0) root = k;
        else heads[k] += int32_t(b);
      }
    }
    auto nominal = [&](size_t k) { return upos[k] == Upos::NOUN || upos[k] == Upos::PROPN || upos[k] == Upos::NUM; };
    if ((as.kind == Aside::kTime || as.kind == Aside::kAppos) && !nominal(root)) {
      // "on February 19", "early Tuesday", ", now the acting secretary,": the phrase's noun heads
      // it, its preposition or adverb depends on it.
      size_t noun = root;
      for (size_t k = b; k < e; ++k)
        if (nominal(k) && heads[k] == int32_t(root)) noun = k;
      if (noun != root) {
        for (size_t k = b; k < e; ++k)
          if (heads[k] == int32_t(root)) heads[k] = int32_t(noun);
        heads[root] = int32_t(noun);
        labels[root] = upos[root] == Upos::ADP   ? rel.case_
                       : upos[root] == Upos::ADV ? rel.advmod
                       : upos[root] == Upos::DET ? rel.det
                                                 : rel.amod;
        root = noun;
      }
    }
    int32_t anchor = int32_t(as.anchor);
    if (as.kind == Aside::kTime || as.kind == Aside::kReport) {
      // An auxiliary or copula's clause is its head's.
      if ((labels[anchor] == rel.aux || labels[anchor] == rel.aux_pass || labels[anchor] == rel.cop) && heads[anchor] >= 0)
        anchor = heads[anchor];
      labels[root] = as.kind == Aside::kReport ? rel.parataxis : upos[b] == Upos::ADP ? rel.obl : rel.obl_unmarked;
      if (as.kind == Aside::kReport) {
        heads[as.begin] = heads[as.end - 1] = int32_t(root);
        labels[as.begin] = labels[as.end - 1] = rel.punct;
      }
    } else if (as.kind == Aside::kTitle) {
      anchor = name_head(as.anchor, true);
      labels[root] = rel.nmod_desc;
    } else {
      // (A description after a name within a common noun's phrase is the name's, "the
      // co-director of the Dream Action Coalition, a group that ..."; else the subject's, "the
      // secretary of state, Mike Pompeo", "Rep. Eliot Engel of New York, chairman of ...".)
      bool described_name = as.kind == Aside::kAppos && upos[as.anchor] == Upos::PROPN &&
                            upos[as.begin + 1] != Upos::PROPN && subject_of[k] >= 0 &&
                            upos[size_t(subject_of[k])] == Upos::NOUN;
      anchor = as.kind == Aside::kAppos && !described_name ? subject_of[k] : name_head(as.anchor, false);
      labels[root] = as.kind == Aside::kAppos ? rel.appos : rel.acl_relcl;
      // (The comma that closes an apposition is its anchor's, as the treebanks have it.)
      heads[as.begin] = int32_t(root);
      heads[as.end - 1] = as.kind == Aside::kAppos ? anchor : int32_t(root);
      labels[as.begin] = labels[as.end - 1] = rel.punct;
    }
    heads[root] = anchor;
  }
}

int reduced_relative_verb(std::span<const std::string_view> forms, std::span<const Upos> upos,
                          std::span<const std::string_view> xpos, std::span<const int32_t> heads,
                          std::span<const uint16_t> labels, const AsideLabels& rel) {
  size_t n = forms.size();
  size_t root = n;
  for (size_t i = 0; i < n; ++i)
    if (heads[i] < 0) root = i;
  if (root == n || !(upos[root] == Upos::NOUN || upos[root] == Upos::PROPN || upos[root] == Upos::PRON)) return -1;
  for (size_t i = 0; i < n; ++i)
    if (heads[i] == int32_t(root) && (labels[i] == rel.cop || labels[i] == rel.nsubj || labels[i] == rel.nsubj_pass))
      return -1;
  // A sentence with a full stop and no finite verb at all ("At least 150 cars crossed back into
  // Austria.") needs no object: its participle on the root is its verb.
  bool verbless = n >= 6 && forms[n - 1] == ".";
  for (size_t i = 0; i < n && verbless; ++i) verbless = !in(xpos[i], {"VBD", "VBZ", "VBP", "MD"});
  for (size_t v = root + 1; v < n; ++v) {
    if (heads[v] != int32_t(root) || labels[v] != rel.acl || upos[v] != Upos::VERB || !in(xpos[v], {"VBN", "VBD"}))
      continue;
    // A plain lower-case word, not the end of a hyphenated modifier ("the GOP-held Senate").
    bool plain = !forms[v].empty() && (v == 0 || forms[v - 1] != "-");
    for (char c : forms[v]) plain &= c >= 'a' && c <= 'z';
    if (!plain) continue;
    // The root's own punctuation between the two: an inverted quote ("'...,' tweeted Sen. Murphy").
    // (Without an object, any punctuation between: "Great repair store, highly recommended.")
    bool apart = false, object = false, complement = false, own = false, punct = false;
    for (size_t i = root + 1; i < v; ++i) {
      apart |= heads[i] == int32_t(root) && labels[i] == rel.punct;
      punct |= upos[i] == Upos::PUNCT;
    }
    for (size_t i = 0; i < n; ++i) {
      if (heads[i] != int32_t(v)) continue;
      uint16_t l = labels[i];
      // An object, or a clause with "that" ("the page confirmed that all were saved").
      bool that = false;
      for (size_t t = v + 1; t < i && l == rel.ccomp; ++t) that |= heads[t] == int32_t(i) && in_lower(forms[t], {"that"});
      object |= i > v && (l == rel.obj || that);
      complement |= l == rel.xcomp;
      own |= l == rel.nsubj || l == rel.nsubj_pass || l == rel.aux || l == rel.aux_pass || l == rel.mark ||
             l == rel.expl || l == rel.cop;
    }
    if (apart || !(object || (verbless && !punct)) || own) continue;
    // Participles that keep an object or a that-clause in the passive: giving, telling, naming
    // ("called" only after a name or with a complement: "Lavrov called the test unacceptable" is
    // an act, "a group called Hamas" a name).
    if (in_lower(forms[v], {"given", "granted", "awarded", "denied", "handed", "offered", "shown", "told", "asked",
                            "sent", "paid", "promised", "allowed", "taught", "assigned", "issued", "lent", "owed",
                            "refused", "charged", "fined", "named", "titled", "entitled", "dubbed", "nicknamed",
                            "labeled", "labelled", "termed", "headlined", "headed", "known", "sentenced", "spared",
                            "billed", "left", "saved", "served", "guaranteed", "afforded", "accorded", "sold",
                            "warned", "informed", "assured", "reminded", "notified", "convinced", "persuaded",
                            "advised"}) ||
        (in_lower(forms[v], {"called"}) && !complement && !capitalized(forms[root])))
      continue;
    return int(v);
  }
  return -1;
}

int garden_path_past(std::span<const std::string_view> forms, std::span<const Upos> upos,
                     std::span<const std::string_view> xpos, std::span<const int32_t> heads,
                     std::span<const uint16_t> labels, const AsideLabels& rel) {
  size_t n = forms.size();
  auto finite = [&](size_t i) { return in(xpos[i], {"VBD", "VBZ", "VBP", "MD"}); };
  auto under = [&](size_t i, size_t top) {  // whether word i is in top's subtree
    for (int h = int32_t(i), steps = 0; h >= 0 && steps <= int(n); h = heads[size_t(h)], ++steps)
      if (h == int32_t(top)) return true;
    return false;
  };
  for (size_t v = 1; v + 1 < n; ++v) {
    if (upos[v] != Upos::VERB || xpos[v] != "VBD") continue;
    bool plain = !forms[v].empty();
    for (char c : forms[v]) plain &= c >= 'a' && c <= 'z';
    size_t s = v - 1;
    if (!plain || heads[s] != int32_t(v) || labels[s] != rel.nsubj || !(upos[s] == Upos::NOUN || upos[s] == Upos::PROPN))
      continue;
    bool object = false;
    for (size_t i = 0; i < n; ++i)
      object |= heads[i] == int32_t(v) && (labels[i] == rel.obj || labels[i] == rel.iobj || labels[i] == rel.ccomp ||
                                          labels[i] == rel.xcomp);
    if (object) continue;
    for (size_t u = v + 1; u < n; ++u) {
      if (heads[u] != int32_t(v) || !(labels[u] == rel.advcl || labels[u] == rel.parataxis)) continue;
      bool own = false;
      size_t fin = n;  // u's first finite word: an auxiliary or copula before it, or u itself
      for (size_t i = 0; i < n; ++i) {
        if (heads[i] != int32_t(u)) continue;
        own |= labels[i] == rel.nsubj || labels[i] == rel.nsubj_pass || labels[i] == rel.mark || labels[i] == rel.expl;
        if (i > v && i < fin && finite(i) && (labels[i] == rel.aux || labels[i] == rel.aux_pass || labels[i] == rel.cop))
          fin = i;
      }
      if (fin == n && finite(u)) fin = u;
      if (own || fin == n) continue;
      bool clean = true;
      for (size_t i = v + 1; i < fin && clean; ++i)
        clean = under(i, v) && !under(i, u) &&
                !(upos[i] == Upos::PUNCT || upos[i] == Upos::CCONJ || upos[i] == Upos::SCONJ ||
                  in(xpos[i], {"WDT", "WP", "WP$", "WRB"}));
      if (clean) return int(v);
    }
  }
  return -1;
}

}  // namespace sitrep::nlp

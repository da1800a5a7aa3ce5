// UD evaluation in the sense of the CoNLL 2018 shared task: system and gold words are aligned
// through their character spans in the raw text; inside multi-word tokens the words are
// aligned by the longest common subsequence of their lower-cased forms. Every metric is an
// F1 over aligned words (with gold tokenization it equals accuracy). LAS compares the
// universal part of the relation only (the shared task's rule).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nlp/conllu.h"
#include "nlp/eval.h"
#include "nlp/output.h"
#include "nlp/text_chars.h"

namespace sitrep::nlp {
namespace {

struct GoldWord {
  const UdWord* w;
  int head;  // global gold word index, -1 root
};
struct TokenSpan {
  Span span;
  uint32_t first_word, last_word;  // inclusive
};

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string universal(std::string_view rel) { return std::string(rel.substr(0, rel.find(':'))); }

double f1(size_t correct, size_t gold, size_t sys) { return gold + sys ? 200.0 * double(correct) / double(gold + sys) : 0; }

UdScores score(const std::vector<GoldWord>& gold, const Analysis& a, std::string_view text,
               const std::vector<int>& align /* gold -> system or -1 */) {
  UdScores s;
  s.gold_words = gold.size();
  s.system_words = a.words.size();
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  for (size_t g = 0; g < gold.size(); ++g) {
    int k = align[g];
    if (k < 0) continue;
    ++words;
    const UdWord& w = *gold[g].w;
    bool u = upos_name(a.upos[size_t(k)]) == w.upos;
    upos += u;
    xpos += a.xpos_name(size_t(k)) == w.xpos;
    lemma += a.lemma[size_t(k)] == w.lemma;
    int gh = gold[g].head, sh = a.head[size_t(k)];
    bool head_ok = gh < 0 ? sh < 0 : (sh >= 0 && align[size_t(gh)] == sh);
    uas += head_ok;
    las += head_ok && universal(a.deprel_name(size_t(k))) == universal(w.deprel);
  }
  s.words = f1(words, gold.size(), a.words.size());
  s.upos = f1(upos, gold.size(), a.words.size());
  s.xpos = f1(xpos, gold.size(), a.words.size());
  s.lemma = f1(lemma, gold.size(), a.words.size());
  s.uas = f1(uas, gold.size(), a.words.size());
  s.las = f1(las, gold.size(), a.words.size());
  return s;
}

std::vector<GoldWord> gold_words(const std::vector<UdSentence>& sents) {
  std::vector<GoldWord> out;
  for (const auto& s : sents) {
    int base = int(out.size());
    for (const auto& w : s.words) out.push_back({&w, w.head == 0 ? -1 : base + w.head - 1});
  }
  return out;
}

// The breakdown behind the scores (words aligned one to one, as with gold tokenization).
std::vector<std::string> error_summary(const std::vector<GoldWord>& gold, const Analysis& a) {
  std::map<std::pair<std::string, std::string>, size_t> confusions;
  struct Rel {
    size_t count = 0, attached = 0, labelled = 0;
  };
  std::map<std::string, Rel> rels;
  for (size_t g = 0; g < gold.size(); ++g) {
    const UdWord& w = *gold[g].w;
    std::string sys(upos_name(a.upos[g]));
    if (sys != w.upos) ++confusions[{w.upos, sys}];
    Rel& r = rels[universal(w.deprel)];
    ++r.count;
    int gh = gold[g].head, sh = a.head[g];
    bool head_ok = gh == sh || (gh < 0 && sh < 0);
    r.attached += head_ok;
    r.labelled += head_ok && universal(a.deprel_name(g)) == universal(w.deprel);
  }
  std::vector<std::pair<size_t, std::string>> lines;
  for (const auto& [k, n] : confusions) lines.push_back({n, k.first + " -> " + k.second});
  std::sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::string> out;
  out.push_back("UPOS confusions (gold -> system, words), gold tokenization:");
  for (size_t i = 0; i < lines.size() && i < 25; ++i) out.push_back("  " + lines[i].second + "  " + std::to_string(lines[i].first));
  std::vector<std::pair<std::string, Rel>> by_count(rels.begin(), rels.end());
  std::sort(by_count.begin(), by_count.end(), [](const auto& x, const auto& y) { return x.second.count > y.second.count; });
  out.push_back("relation (gold)   words    UAS    LAS, gold tokenization:");
  char buf[96];
  for (const auto& [name, r] : by_count) {
    std::snprintf(buf, sizeof buf, "  %-14s %6zu %6.2f %6.2f", name.c_str(), r.count, 100.0 * double(r.attached) / double(r.count),
                  100.0 * double(r.labelled) / double(r.count));
    out.push_back(buf);
  }
  return out;
}

UdScores gold_tokenization(const Model& model, const std::vector<UdSentence>& sents,
                           std::vector<std::string>* errors = nullptr, std::string* conllu = nullptr) {
  std::string text;
  Analysis a;
  for (const auto& s : sents) {
    a.sentence_starts.push_back(uint32_t(a.words.size()));
    for (const auto& w : s.words) {
      a.tokens.push_back({uint32_t(text.size()), uint32_t(text.size() + w.form.size())});
      a.words.push_back(a.tokens.back());
      a.word_token.push_back(uint32_t(a.tokens.size() - 1));
      text += w.form;
      text += ' ';
    }
    text.back() = '\n';
  }
  std::clock_t t0 = std::clock();  // CPU time: the figure means "on one core", even on a shared machine
  model.annotate(text, a);
  double secs = double(std::clock() - t0) / CLOCKS_PER_SEC;
  auto gold = gold_words(sents);
  std::vector<int> align(gold.size());
  for (size_t i = 0; i < align.size(); ++i) align[i] = int(i);
  UdScores s = score(gold, a, text, align);
  if (errors) *errors = error_summary(gold, a);
  if (conllu) {
    std::ostringstream o;
    write_conllu(text, a, o);
    *conllu = o.str();
  }
  s.tokens = s.sentences = 100;
  s.words_per_s = secs > 0 ? double(gold.size()) / secs : 0;
  return s;
}

// LCS alignment of word forms inside one token (or a run of overlapping tokens).
void align_lcs(const std::vector<std::string>& g, const std::vector<std::string>& s, uint32_t g0, uint32_t s0,
               std::vector<int>& align) {
  size_t n = g.size(), m = s.size();
  std::vector<std::vector<int>> L(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;) L[i][j] = g[i] == s[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (g[i] == s[j]) align[g0 + i] = int(s0 + j), ++i, ++j;
    else if (L[i + 1][j] >= L[i][j + 1]) ++i;
    else ++j;
  }
}

// The text around [b, e) on one line, for error lists: up to 40 bytes either side, line breaks
// shown as " / ", `mark` between the left context and the span.
std::string around(const std::string& text, size_t b, size_t e, const char* mark) {
  size_t l = b > 40 ? b - 40 : 0, r = std::min(text.size(), e + 40);
  while (l > 0 && l < b && (static_cast<unsigned char>(text[l]) & 0xC0) == 0x80) --l;  // whole code points
  while (r < text.size() && (static_cast<unsigned char>(text[r]) & 0xC0) == 0x80) ++r;
  std::string out = text.substr(l, b - l) + mark + text.substr(b, r - b);
  std::string flat;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') flat += out[i];
    else if (flat.size() < 3 || flat.compare(flat.size() - 3, 3, " / ") != 0) flat += " / ";
  }
  return flat;
}

// Raw-text segmentation errors for eval ud --errors: each run of gold tokens the system did not
// reproduce exactly, with the system's tokens over the same text; then each gold sentence end
// the system missed and each end it added.
std::vector<std::string> segmentation_errors(const std::string& text, const std::vector<TokenSpan>& gold_tokens,
                                             const std::vector<TokenSpan>& sys_tokens,
                                             const std::vector<Span>& gold_sentences,
                                             const std::vector<std::pair<uint32_t, uint32_t>>& sys_sentences) {
  std::vector<std::string> tok_lines, end_lines;
  auto form = [&](const Span& sp) { return text.substr(sp.begin, sp.end - sp.begin); };
  size_t i = 0, j = 0;
  while (i < gold_tokens.size() || j < sys_tokens.size()) {
    if (i < gold_tokens.size() && j < sys_tokens.size() && gold_tokens[i].span.begin == sys_tokens[j].span.begin &&
        gold_tokens[i].span.end == sys_tokens[j].span.end) {
      ++i, ++j;
      continue;
    }
    // A differing run ends where a gold and a system token next end at the same offset.
    std::string g, sy;
    uint32_t b = std::min(i < gold_tokens.size() ? gold_tokens[i].span.begin : ~0u,
                          j < sys_tokens.size() ? sys_tokens[j].span.begin : ~0u);
    uint32_t e = b;
    do {
      bool take_gold = j >= sys_tokens.size() ||
                       (i < gold_tokens.size() && gold_tokens[i].span.end <= sys_tokens[j].span.end);
      const Span& sp = take_gold ? gold_tokens[i++].span : sys_tokens[j++].span;
      std::string& into = take_gold ? g : sy;
      into += (into.empty() ? "" : " | ") + form(sp);
      e = std::max(e, sp.end);
    } while ((i < gold_tokens.size() && gold_tokens[i].span.begin < e) ||
             (j < sys_tokens.size() && sys_tokens[j].span.begin < e));
    tok_lines.push_back("  token  gold [" + g + "]  system [" + sy + "]  in: " + around(text, b, e, ""));
  }
  std::vector<uint32_t> gold_ends, sys_ends;
  for (const auto& sp : gold_sentences) gold_ends.push_back(sp.end);
  for (const auto& sp : sys_sentences) sys_ends.push_back(sp.second);
  std::sort(sys_ends.begin(), sys_ends.end());
  size_t missed = 0, added = 0;
  for (uint32_t end : gold_ends)
    if (!std::binary_search(sys_ends.begin(), sys_ends.end(), end))
      ++missed, end_lines.push_back("  sentence end missed   " + around(text, end, end, " <|> "));
  std::sort(gold_ends.begin(), gold_ends.end());
  for (uint32_t end : sys_ends)
    if (!std::binary_search(gold_ends.begin(), gold_ends.end(), end))
      ++added, end_lines.push_back("  sentence end added    " + around(text, end, end, " <|> "));
  std::vector<std::string> out;
  out.push_back("raw text: " + std::to_string(tok_lines.size()) + " token runs differ, " + std::to_string(missed) +
                " sentence ends missed, " + std::to_string(added) + " added:");
  out.insert(out.end(), tok_lines.begin(), tok_lines.end());
  out.insert(out.end(), end_lines.begin(), end_lines.end());
  return out;
}

UdScores raw_text(const Model& model, const std::vector<UdSentence>& sents, std::vector<std::string>* errors = nullptr) {
  std::vector<const UdSentence*> ptrs;
  for (const auto& s : sents) ptrs.push_back(&s);
  std::vector<std::pair<size_t, size_t>> spans;
  std::string text = joined_text(ptrs, &spans);
  std::vector<TokenSpan> gold_tokens;
  std::vector<Span> gold_sentences;
  uint32_t word_base = 0;
  for (size_t si = 0; si < sents.size(); ++si) {
    const auto& s = sents[si];
    size_t start = spans[si].first;
    // Locate each gold token in the sentence text.
    size_t cur = start;
    size_t mw = 0;
    uint32_t first_token = uint32_t(gold_tokens.size());
    for (uint32_t w = 1; w <= s.words.size();) {
      std::string form;
      uint32_t last = w;
      if (mw < s.multiword.size() && s.multiword[mw].first == int(w)) {
        form = s.multiword[mw].form;
        last = uint32_t(s.multiword[mw].last);
        ++mw;
      } else {
        form = s.words[w - 1].form;
      }
      while (cur < text.size() && is_space(static_cast<unsigned char>(text[cur]))) ++cur;
      size_t at = text.compare(cur, form.size(), form) == 0 ? cur : text.find(form, cur);
      if (at == std::string::npos) at = cur;  // text and forms disagree: keep going, count as miss
      gold_tokens.push_back({{uint32_t(at), uint32_t(std::min(at + form.size(), text.size()))}, word_base + w - 1,
                             word_base + last - 1});
      cur = std::min(at + form.size(), text.size());
      w = last + 1;
    }
    if (gold_tokens.size() > first_token)
      gold_sentences.push_back({gold_tokens[first_token].span.begin, gold_tokens.back().span.end});
    word_base += uint32_t(s.words.size());
  }
  std::clock_t t0 = std::clock();
  Analysis a = model.analyze(text);
  double secs = double(std::clock() - t0) / CLOCKS_PER_SEC;
  auto gold = gold_words(sents);
  std::vector<int> align(gold.size(), -1);
  // System tokens with their word ranges.
  std::vector<TokenSpan> sys_tokens;
  for (uint32_t w = 0; w < a.words.size(); ++w) {
    if (w > 0 && a.word_token[w] == a.word_token[w - 1]) sys_tokens.back().last_word = w;
    else sys_tokens.push_back({a.tokens[a.word_token[w]], w, w});
  }
  auto lower_form = [&](uint32_t sw) { return to_lower(text.substr(a.words[sw].begin, a.words[sw].end - a.words[sw].begin)); };
  size_t tokens_ok = 0;
  std::vector<std::string> split_lines;  // tokens both found whose words differ ("its" read as one word, gold "it s")
  for (size_t i = 0, j = 0; i < gold_tokens.size() && j < sys_tokens.size();) {
    const auto &g = gold_tokens[i], &s = sys_tokens[j];
    if (g.span.begin == s.span.begin && g.span.end == s.span.end) {
      ++tokens_ok;
      if (g.first_word == g.last_word && s.first_word == s.last_word) {
        align[g.first_word] = int(s.first_word);
      } else {
        std::vector<std::string> gf, sf;
        for (uint32_t w = g.first_word; w <= g.last_word; ++w) gf.push_back(to_lower(gold[w].w->form));
        for (uint32_t w = s.first_word; w <= s.last_word; ++w) sf.push_back(lower_form(w));
        align_lcs(gf, sf, g.first_word, s.first_word, align);
        if (gf != sf) split_lines.push_back("  words  gold [" + join(gf, " | ") + "]  system [" + join(sf, " | ") +
                                            "]  in: " + around(text, g.span.begin, g.span.end, ""));
      }
      ++i, ++j;
    } else if (g.span.end < s.span.end) {
      ++i;
    } else if (s.span.end < g.span.end) {
      ++j;
    } else {
      ++i, ++j;
    }
  }
  UdScores sc = score(gold, a, text, align);
  sc.tokens = f1(tokens_ok, gold_tokens.size(), a.tokens.size());
  // Sentences match when their character extents do.
  std::vector<std::pair<uint32_t, uint32_t>> sys_sent;
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
    if (b < e) sys_sent.push_back({a.tokens[a.word_token[b]].begin, a.tokens[a.word_token[e - 1]].end});
  }
  size_t sent_ok = 0;
  for (const auto& g : gold_sentences)
    sent_ok += std::binary_search(sys_sent.begin(), sys_sent.end(), std::make_pair(g.begin, g.end));
  sc.sentences = f1(sent_ok, gold_sentences.size(), sys_sent.size());
  if (errors) {
    *errors = segmentation_errors(text, gold_tokens, sys_tokens, gold_sentences, sys_sent);
    errors->push_back("raw text: " + std::to_string(split_lines.size()) + " tokens found whose words differ:");
    errors->insert(errors->end(), split_lines.begin(), split_lines.end());
  }
  sc.words_per_s = secs > 0 ? double(a.words.size()) / secs : 0;
  return sc;
}

nlohmann::json scores_json(const UdScores& s) {
  return {{"tokens", s.tokens}, {"sentences", s.sentences}, {"words", s.words}, {"upos", s.upos},
          {"xpos", s.xpos},     {"lemma", s.lemma},         {"uas", s.uas},     {"las", s.las},
          {"gold_words", s.gold_words}, {"system_words", s.system_words}, {"words_per_s", s.words_per_s}};
}

}  // namespace

Expected<UdEvaluation> evaluate_ud(const Model& model, const std::string& path, bool keep_output) {
  auto sents = read_conllu(path);
  if (!sents) return sents.error();
  UdEvaluation e;
  e.sentences = sents.value().size();
  e.gold_tokenization = gold_tokenization(model, sents.value(), &e.errors, keep_output ? &e.system_conllu : nullptr);
  std::vector<std::string> raw_errors;
  e.raw_text = raw_text(model, sents.value(), &raw_errors);
  e.errors.insert(e.errors.end(), raw_errors.begin(), raw_errors.end());
  return e;
}

std::string to_json(const UdEvaluation& e) {
  nlohmann::json j = {{"sentences", e.sentences},
                      {"gold_tokenization", scores_json(e.gold_tokenization)},
                      {"raw_text", scores_json(e.raw_text)}};
  return j.dump(2);
}

std::string to_text(const UdEvaluation& e) {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(2);
  o << "setting            tokens sentences  words   UPOS   XPOS  lemma    UAS    LAS   words/s\n";
  for (auto [name, s] : {std::pair{"gold tokenization", &e.gold_tokenization}, std::pair{"raw text", &e.raw_text}}) {
    o.width(18);
    o << std::left << name << std::right;
    for (double v : {s->tokens, s->sentences, s->words, s->upos, s->xpos, s->lemma, s->uas, s->las}) {
      o.width(7);
      o << v;
    }
    o.precision(0);
    o.width(10);
    o << s->words_per_s << "\n";
    o.precision(2);
  }
  return o.str();
}

}  // namespace sitrep::nlp

// Tokenizer and sentence splitter: news-style sentences written for these tests, plus
// invariants checked on the seed articles in ../shared/seeds (skipped when absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nlp/nlp.h"
#include "nlp/scorer.h"
#include "nlp/sentences.h"

using namespace sitrep::nlp;

namespace {

std::vector<std::string> words_of(const std::string& text) {
  Analysis a = segment(text);
  std::vector<std::string> out;
  for (auto w : a.words) out.push_back(text.substr(w.begin, w.end - w.begin));
  return out;
}

std::vector<std::string> tokens_of(const std::string& text) {
  Analysis a = segment(text);
  std::vector<std::string> out;
  for (auto t : a.tokens) out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<std::string> sentences_of(const std::string& text) {
  Analysis a = segment(text);
  std::vector<std::string> out;
  for (size_t s = 0; s < a.sentence_count(); ++s) {
    uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
    uint32_t cb = a.tokens[a.word_token[b]].begin, ce = a.tokens[a.word_token[e - 1]].end;
    out.push_back(text.substr(cb, ce - cb));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(NlpTokenizer, AbbreviationsNumbersCurrencies) {
  EXPECT_EQ(words_of("The U.S. Navy paid $2,500 on Feb. 3, up 1.5%."),
            (V{"The", "U.S.", "Navy", "paid", "$", "2,500", "on", "Feb.", "3", ",", "up", "1.5", "%", "."}));
  EXPECT_EQ(words_of("Gen. Mark Lee met Mr. Ortiz at 10:30 a.m. Tuesday."),
            (V{"Gen.", "Mark", "Lee", "met", "Mr.", "Ortiz", "at", "10:30", "a.m.", "Tuesday", "."}));
}

TEST(NlpTokenizer, CliticsAreWordsInsideOneToken) {
  std::string text = "Officials don't think Ankara's offer can't wait.";
  EXPECT_EQ(words_of(text), (V{"Officials", "do", "n't", "think", "Ankara", "'s", "offer", "ca", "n't", "wait", "."}));
  EXPECT_EQ(tokens_of(text), (V{"Officials", "don't", "think", "Ankara's", "offer", "can't", "wait", "."}));
  EXPECT_EQ(words_of("Russia\u2019s envoy cannot say."), (V{"Russia", "\u2019s", "envoy", "can", "not", "say", "."}));
  // Web text drops the apostrophe; the unambiguous contractions still split, the others stay.
  EXPECT_EQ(words_of("im sure thats why it wont work"), (V{"i", "m", "sure", "that", "s", "why", "it", "wo", "nt", "work"}));
  EXPECT_EQ(tokens_of("im sure thats why it wont work"), (V{"im", "sure", "thats", "why", "it", "wont", "work"}));
  EXPECT_EQ(words_of("its tail, ill will, an id card"), (V{"its", "tail", ",", "ill", "will", ",", "an", "id", "card"}));
}

TEST(NlpTokenizer, QuotesDashesHyphensEllipses) {
  EXPECT_EQ(words_of("\u201CWe will respond,\u201D she said \u2014 then left..."),
            (V{"\u201C", "We", "will", "respond", ",", "\u201D", "she", "said", "\u2014", "then", "left", "..."}));
  EXPECT_EQ(words_of("a well-known anti-war e-mail campaign -- again"),
            (V{"a", "well", "-", "known", "anti-war", "e-mail", "campaign", "--", "again"}));
  // "its" is "it's" only before words no possessive takes.
  EXPECT_EQ(words_of("Its a deal and its not far, but its only port hit its all-time high"),
            (V{"It", "s", "a", "deal", "and", "it", "s", "not", "far", ",", "but", "its", "only", "port", "hit", "its",
               "all", "-", "time", "high"}));
  // Prefixes EWT keeps with their word; "alot" is "a lot".
  EXPECT_EQ(words_of("an over-rated counter-attack, mis-matches and cross-border raids alot"),
            (V{"an", "over-rated", "counter-attack", ",", "mis-matches", "and", "cross-border", "raids", "a", "lot"}));
  EXPECT_EQ(words_of("\"Never,\" he said."), (V{"\"", "Never", ",", "\"", "he", "said", "."}));
  // A number's plural is one word, as EWT writes it; a possessive after a letter is not; "vice-".
  EXPECT_EQ(words_of("the 70's and 1990's, under 12's; Russia's vice-president's '90s"),
            (V{"the", "70's", "and", "1990's", ",", "under", "12's", ";", "Russia", "'s", "vice-president", "'s", "'",
               "90s"}));
}

TEST(NlpTokenizer, WebTextSymbolsEmoticonsAndSlashes) {
  // Lines drawn with symbols, repeated symbols, emoticons at the end of a chunk, one-letter
  // slash abbreviations: one token each (they were split into one token per character).
  EXPECT_EQ(tokens_of("Thanks :) see ____ and ----== here"),
            (std::vector<std::string>{"Thanks", ":)", "see", "____", "and", "----==", "here"}));
  EXPECT_EQ(tokens_of("It's all about the $$$ << File: a.doc >> ;-)"),
            (std::vector<std::string>{"It's", "all", "about", "the", "$$$", "<<", "File", ":", "a.doc", ">>", ";-)"}));
  EXPECT_EQ(tokens_of("b/c w/o and/or 24/7"), (std::vector<std::string>{"b/c", "w/o", "and", "/", "or", "24/7"}));
  // A number and its unit or multiplier are two tokens; ordinals, plurals and codes one.
  EXPECT_EQ(tokens_of("a 375mm gun, $5bn at 10am on the 4th, 1990s 3D G20 2.5km"),
            (std::vector<std::string>{"a", "375", "mm", "gun", ",", "$", "5", "bn", "at", "10", "am", "on", "the", "4th",
                                      ",", "1990s", "3D", "G20", "2.5", "km"}));
  // A hashtag and a number's plus sign are one token; a sum's plus and "#1" are not joined.
  EXPECT_EQ(tokens_of("join #audiobooks (+1 212-848-8400) or +44 20; 3+4 is #1"),
            (std::vector<std::string>{"join", "#audiobooks", "(", "+1", "212-848-8400", ")", "or", "+44", "20", ";", "3",
                                      "+", "4", "is", "#", "1"}));
  // Not emoticons: a colon before a word, a price, a time.
  EXPECT_EQ(tokens_of("Note:Delay costs $5 at 10:30."),
            (std::vector<std::string>{"Note", ":", "Delay", "costs", "$", "5", "at", "10:30", "."}));
}

TEST(NlpTokenizer, UrlsAndEmails) {
  // A name written against its address in angle brackets is no part of the address.
  EXPECT_EQ(words_of("Email: \"Ryan Reynolds\"<rreynol...@cogeco.ca>"),
            (V{"Email", ":", "\"", "Ryan", "Reynolds", "\"", "<", "rreynol...@cogeco.ca", ">"}));
  EXPECT_EQ(words_of("See https://example.org/a-b_c.html, or write to press@example.org."),
            (V{"See", "https://example.org/a-b_c.html", ",", "or", "write", "to", "press@example.org", "."}));
}

TEST(NlpTokenizer, OffsetsPointIntoTextUnicode) {
  std::string text = "Erdo\u011Fan and \u0130stanbul\u2019s mayor \u2013 Ekrem \u0130mamo\u011Flu.";
  Analysis a = segment(text);
  ASSERT_FALSE(a.words.empty());
  EXPECT_EQ(text.substr(a.words[0].begin, a.words[0].end - a.words[0].begin), "Erdo\u011Fan");
  for (size_t i = 1; i < a.tokens.size(); ++i) EXPECT_LE(a.tokens[i - 1].end, a.tokens[i].begin);
  EXPECT_EQ(words_of(text).back(), ".");
  EXPECT_EQ(words_of(text)[5], "\u2013");
}

TEST(NlpSentences, NewsCases) {
  EXPECT_EQ(sentences_of("Mr. Blinken arrived in Kyiv on Monday. He met Gen. Zaluzhny."),
            (V{"Mr. Blinken arrived in Kyiv on Monday.", "He met Gen. Zaluzhny."}));
  EXPECT_EQ(sentences_of("\u201CWe are ready,\u201D the minister said. Talks resume today."),
            (V{"\u201CWe are ready,\u201D the minister said.", "Talks resume today."}));
  EXPECT_EQ(sentences_of("\u201CWe are ready.\u201D Talks resume today."),
            (V{"\u201CWe are ready.\u201D", "Talks resume today."}));
  EXPECT_EQ(sentences_of("Troops left the U.S. base in Qatar. It closed in 2021."),
            (V{"Troops left the U.S. base in Qatar.", "It closed in 2021."}));
  EXPECT_EQ(sentences_of("Aid reached the U.S. The rest went to Chad."),
            (V{"Aid reached the U.S.", "The rest went to Chad."}));
  EXPECT_EQ(sentences_of("Ceasefire Holds in Gaza\n\nThe truce held overnight, officials said."),
            (V{"Ceasefire Holds in Gaza", "The truce held overnight, officials said."}));
  EXPECT_EQ(sentences_of("Storm hits coast\nThousands were evacuated."),
            (V{"Storm hits coast", "Thousands were evacuated."}));
  EXPECT_EQ(sentences_of("Demands: 1. End the siege. 2. Free the prisoners."),
            (V{"Demands:", "1. End the siege.", "2. Free the prisoners."}));
  EXPECT_EQ(sentences_of("Was it a deal? No! Not yet."), (V{"Was it a deal?", "No!", "Not yet."}));
}

// A dateline opening a paragraph is a segment of its own; a headline with a hyphen is not.
TEST(NlpSentences, DatelinesStandApart) {
  EXPECT_EQ(sentences_of("MOSCOW (Reuters) - Russia said it would talk."),
            (V{"MOSCOW (Reuters) -", "Russia said it would talk."}));
  EXPECT_EQ(sentences_of("ANKARA, Feb 28 (Reuters) - Turkey vowed to respond."),
            (V{"ANKARA, Feb 28 (Reuters) -", "Turkey vowed to respond."}));
  EXPECT_EQ(sentences_of("Intro.\n\nBEIRUT, Lebanon (AP) \u2014 Israel struck."),
            (V{"Intro.", "BEIRUT, Lebanon (AP) \u2014", "Israel struck."}));
  EXPECT_EQ(sentences_of("ISTANBUL \u2013 Talks resumed."), (V{"ISTANBUL \u2013", "Talks resumed."}));
  EXPECT_EQ(sentences_of("US - Turkey relations are bad."), (V{"US - Turkey relations are bad."}));
  EXPECT_EQ(sentences_of("NATO \u2013 Russia talks resumed."), (V{"NATO \u2013 Russia talks resumed."}));
  EXPECT_EQ(sentences_of("They met. MOSCOW (Reuters) - no."), (V{"They met.", "MOSCOW (Reuters) - no."}));
}

// Web text (UD English-EWT dev): lower-case sentence starts after "?", initials inside names,
// and numbers in one message are no list with numbers in another.
TEST(NlpSentences, WebTextCases) {
  EXPECT_EQ(sentences_of("where did you grow up? india? just curious"),
            (V{"where did you grow up?", "india?", "just curious"}));
  EXPECT_EQ(sentences_of("the food was great! the staff too."), (V{"the food was great!", "the staff too."}));
  EXPECT_EQ(sentences_of("go to famoso. seriously. the U.S. team won 3.5 to 1."),
            (V{"go to famoso.", "seriously.", "the U.S. team won 3.5 to 1."}));
  EXPECT_EQ(sentences_of("She works at Yahoo! in the accounting department."),
            (V{"She works at Yahoo! in the accounting department."}));
  EXPECT_EQ(sentences_of("Bush also nominated A. Noel Kramer for a term."), (V{"Bush also nominated A. Noel Kramer for a term."}));
  EXPECT_EQ(sentences_of("I bring my son. Drs. Ali and Smith work wonders."),
            (V{"I bring my son.", "Drs. Ali and Smith work wonders."}));
  auto s = sentences_of("Please sign the changes in Section 7. Kelly called me.\n\nGo down one block to Super 8. Great fun.");
  for (const auto& x : s) {
    EXPECT_FALSE(x.ends_with("Section")) << x;
    EXPECT_FALSE(x.ends_with("Super")) << x;
  }
}

TEST(NlpSentences, SeedArticlesInvariants) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SHARED_DIR) / "seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "../shared/seeds absent";
  size_t files = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(f.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    Analysis a = segment(text);
    ++files;
    ASSERT_FALSE(a.words.empty()) << f.path();
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      ASSERT_LT(a.tokens[i].begin, a.tokens[i].end);
      if (i) {
        ASSERT_LE(a.tokens[i - 1].end, a.tokens[i].begin);
      }
    }
    for (size_t w = 0; w < a.words.size(); ++w) {
      sitrep::Span t = a.tokens[a.word_token[w]];
      ASSERT_TRUE(a.words[w].begin >= t.begin && a.words[w].end <= t.end);
    }
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
      ASSERT_LT(b, e);
      EXPECT_LT(e - b, 200u) << "run-on sentence in " << f.path();
      std::string last = text.substr(a.words[e - 1].begin, a.words[e - 1].end - a.words[e - 1].begin);
      // A title never ends a sentence; a possessive clitic never starts one.
      EXPECT_NE(last, "Mr.");
      EXPECT_NE(last, "Dr.");
      std::string first = text.substr(a.words[b].begin, a.words[b].end - a.words[b].begin);
      EXPECT_NE(first, "\u2019s");
      EXPECT_NE(first, "'s");
    }
  }
  EXPECT_GT(files, 0u);
}

// The learned sentence ends only act where the rules left a gap open: never after a mark the
// rules judged ("Yahoo! in"), inside brackets or quotes, right after square brackets, or
// before a lower-case word.
TEST(NlpSentences, LearnedEndsOnlyWhereTheRulesLeaveAGapOpen) {
  struct AlwaysEnds : Scorer {
    uint32_t classes() const override { return 2; }
    void score(std::span<const FeatureKey>, std::span<float> s) const override { s[0] = 0, s[1] = 100; }
  } always;
  std::string text = "Hello There Yahoo! in Town (A B) [US] Steve \u201CC D\u201D End and more";
  Analysis a = segment(text);
  std::vector<char> open = open_gaps(text, a.tokens);
  auto open_after = [&](std::string_view tok) {
    for (size_t k = 0; k < a.tokens.size(); ++k)
      if (text.substr(a.tokens[k].begin, a.tokens[k].end - a.tokens[k].begin) == tok) return bool(open[k]);
    ADD_FAILURE() << "no token " << tok;
    return false;
  };
  EXPECT_TRUE(open_after("Hello"));
  EXPECT_TRUE(open_after("in"));
  EXPECT_FALSE(open_after("Yahoo"));  // no space before "!"
  EXPECT_FALSE(open_after("!"));
  EXPECT_FALSE(open_after("A"));  // inside the brackets
  EXPECT_TRUE(open_after(")"));
  EXPECT_FALSE(open_after("]"));
  EXPECT_FALSE(open_after("C"));    // inside the quotes
  EXPECT_FALSE(open_after("End"));  // before a lower-case word
  EXPECT_FALSE(open_after("more"));  // the last token has no gap
  split_sentences(text, a, &always);
  size_t open_count = 0;
  for (char c : open) open_count += c;
  EXPECT_EQ(a.sentence_count(), open_count + 1);
}

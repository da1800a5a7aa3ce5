// NER classes and decoding: IOB2 -> BILOU conversion, spans, transitions, the beam's early
// update, and the rejection of model files whose NER part is older than the recognizer.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <sstream>

#include "nlp/model_file.h"
#include "nlp/ner.h"
#include "nlp/scorer.h"
#include "nlp/train_parts.h"

using namespace sitrep::nlp;

namespace {

// IOB2 classes as the readers produce them: 0 O, 1+2t B, 2+2t I.
uint16_t B(int t) { return uint16_t(1 + 2 * t); }
uint16_t I(int t) { return uint16_t(2 + 2 * t); }

std::vector<std::tuple<uint32_t, uint32_t, int>> flat(const std::vector<EntitySpan>& v) {
  std::vector<std::tuple<uint32_t, uint32_t, int>> out;
  for (const auto& e : v) out.emplace_back(e.word_begin, e.word_end, int(e.type));
  return out;
}

}  // namespace

TEST(NerClasses, BioToBilouMarksLastAndUnitWords) {
  // B-PER I-PER I-PER O B-LOC B-LOC I-LOC I-ORG(stray)
  std::vector<uint16_t> bio = {B(0), I(0), I(0), 0, B(2), B(2), I(2), I(1)};
  std::vector<uint16_t> out(bio.size());
  bio_to_bilou(bio, out);
  std::vector<uint16_t> want = {uint16_t(ner_class(0, 0)), uint16_t(ner_class(0, 1)), uint16_t(ner_class(0, 2)), 0,
                                uint16_t(ner_class(2, 3)), uint16_t(ner_class(2, 0)), uint16_t(ner_class(2, 2)),
                                uint16_t(ner_class(1, 3))};
  EXPECT_EQ(out, want);
}

TEST(NerClasses, BilouSpansEqualBioSpansOnRandomSequences) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<uint16_t> bio(1 + rng() % 12);
    for (auto& c : bio) c = uint16_t(rng() % (1 + 2 * kEntityTypeCount));
    std::vector<uint16_t> bilou(bio.size());
    bio_to_bilou(bio, bilou);
    std::vector<EntitySpan> a, b;
    bio_to_spans(bio, 5, a);
    bilou_to_spans(bilou, 5, b);
    ASSERT_EQ(flat(a), flat(b)) << "round " << round;
  }
}

TEST(NerClasses, UnfinishedSpansAreClosed) {
  // B-ORG I-ORG then O: no L, the span still ends before the O; a B-PER at the end stands alone.
  std::vector<uint16_t> cls = {uint16_t(ner_class(1, 0)), uint16_t(ner_class(1, 1)), 0, uint16_t(ner_class(0, 0))};
  std::vector<EntitySpan> spans;
  bilou_to_spans(cls, 0, spans);
  EXPECT_EQ(flat(spans), (std::vector<std::tuple<uint32_t, uint32_t, int>>{{0, 2, 1}, {3, 4, 0}}));
}

TEST(NerClasses, TransitionsConstrainOnlyInsideAndLast) {
  uint32_t bper = ner_class(0, 0), iper = ner_class(0, 1), lper = ner_class(0, 2), uper = ner_class(0, 3);
  uint32_t iorg = ner_class(1, 1);
  EXPECT_TRUE(ner_transition_ok(bper, iper));
  EXPECT_TRUE(ner_transition_ok(iper, lper));
  EXPECT_FALSE(ner_transition_ok(bper, iorg));    // I of another type
  EXPECT_FALSE(ner_transition_ok(kNerStart, iper));  // I at the start
  EXPECT_FALSE(ner_transition_ok(lper, iper));    // I after a closed span
  EXPECT_FALSE(ner_transition_ok(0, lper));
  EXPECT_TRUE(ner_transition_ok(bper, 0));        // O, B, U close an open span
  EXPECT_TRUE(ner_transition_ok(iper, uper));
  EXPECT_TRUE(ner_transition_ok(kNerStart, bper));
}

TEST(NerBeamSearch, FollowsTheScoresWithinTheTransitions) {
  std::vector<WordKeys> words = {word_keys("Ada"), word_keys("Lovelace"), word_keys("wrote")};
  std::vector<Upos> upos = {Upos::PROPN, Upos::PROPN, Upos::VERB};
  std::vector<std::string_view> forms = {"Ada", "Lovelace", "wrote"};
  NerSentenceInfo info;
  ner_sentence_info(words, forms, Gazetteer(), info);
  // A scorer preferring I-LOC everywhere, then B-PER: I-LOC is never allowed after B-PER or at
  // the start, so the best allowed sequence is B-PER, B-PER, B-PER.
  NerBeam::ScoreFn score = [](std::span<const FeatureKey>, std::span<float> s) {
    std::fill(s.begin(), s.end(), 0.f);
    s[ner_class(2, 1)] = 3.f;
    s[ner_class(0, 0)] = 2.f;
  };
  NerBeam beam(1);
  EXPECT_EQ(beam.run(words, upos, info, score, nullptr), 3u);
  std::vector<uint16_t> out(3);
  beam.best(out);
  uint16_t bper = uint16_t(ner_class(0, 0));
  EXPECT_EQ(out, (std::vector<uint16_t>{bper, bper, bper}));
  // Training: the gold (B-PER L-PER O) leaves the width-1 beam at the second word.
  std::vector<uint16_t> gold = {bper, uint16_t(ner_class(0, 2)), 0};
  EXPECT_EQ(beam.run(words, upos, info, score, gold.data()), 2u);
  // A gold sequence the scores agree with stays in the beam to the end.
  EXPECT_EQ(beam.run(words, upos, info, score, out.data()), 3u);
}

TEST(NerFeatures, SentenceCasingIsSeen) {
  auto info_of = [](std::vector<std::string_view> forms) {
    std::vector<WordKeys> words;
    for (auto f : forms) words.push_back(word_keys(f));
    NerSentenceInfo info;
    ner_sentence_info(words, forms, Gazetteer(), info);
    return info.sentence_case;
  };
  EXPECT_EQ(info_of({"where", "can", "i", "get", "food", "in", "tampa"}), 1u);
  EXPECT_EQ(info_of({"Bomb", "Suspect", "Changed", "After", "Trip", "Abroad"}), 2u);
  EXPECT_EQ(info_of({"PLEASE", "CALL", "ME", "TODAY"}), 3u);
  EXPECT_EQ(info_of({"I", "met", "Ada", "in", "London", "yesterday"}), 0u);
}

TEST(NerFeatures, OrganizationCueWords) {
  EXPECT_EQ(ner_org_cue("Inc."), 1);
  EXPECT_EQ(ner_org_cue("CORP"), 1);
  EXPECT_EQ(ner_org_cue("University"), 2);
  EXPECT_EQ(ner_org_cue("authority"), 2);
  EXPECT_EQ(ner_org_cue("Energy"), 3);
  EXPECT_EQ(ner_org_cue("academy"), 2);  // the table's first word
  // armed and security forces head the organizations conflict news names most
  EXPECT_EQ(ner_org_cue("Forces"), 2);
  EXPECT_EQ(ner_org_cue("Army"), 2);
  EXPECT_EQ(ner_org_cue("Observatory"), 2);
  EXPECT_EQ(ner_org_cue("Ada"), 0);
  EXPECT_EQ(ner_org_cue(""), 0);
  EXPECT_EQ(ner_org_cue("."), 0);
}

TEST(NerFeatures, OrganizationCuesOfTheNameRun) {
  std::vector<std::string_view> forms = {"He", "works", "for", "the", "Housing", "Authority", "of",
                                         "New", "Orleans", "and", "Google", ",", "Inc."};
  std::vector<WordKeys> words;
  for (auto f : forms) words.push_back(word_keys(f));
  NerSentenceInfo info;
  ner_sentence_info(words, forms, Gazetteer(), info);
  EXPECT_EQ(info.cue[5], 2);        // Authority
  EXPECT_EQ(info.cue_right[4], 2 + 8);  // Housing: the next word
  EXPECT_EQ(info.cue_left[7], 2);   // New: "Authority of" before it
  EXPECT_EQ(info.cue_left[8], 2);   // Orleans
  EXPECT_EQ(info.cue_right[10], 1);  // Google: ", Inc." after it
  EXPECT_EQ(info.cue_right[0], 0);  // He: "works" ends the run
  EXPECT_EQ(info.cue_right[1], 0);  // works: lower-case, "for the" do not join it to the name
  EXPECT_EQ(info.cue_right[8], 1);  // Orleans: "and" joins it to "Google , Inc."
  EXPECT_EQ(info.cue_left[4], 0);   // Housing: "for the" after a lower-case word
  EXPECT_EQ(ner_org_cue("Street"), 4);
  EXPECT_EQ(ner_org_cue("valley"), 4);  // the table's last word
}

TEST(NerFeatures, CueWordsAreFeatures) {
  // Word 0's features change when the cue of the next word or of its run is taken away, word 3's
  // when the cue of its run to the left is.
  std::vector<std::string_view> forms = {"Acme", "Energy", "of", "Ohio"};
  std::vector<WordKeys> words;
  for (auto f : forms) words.push_back(word_keys(f));
  std::vector<Upos> upos = {Upos::PROPN, Upos::PROPN, Upos::ADP, Upos::PROPN};
  NerSentenceInfo info;
  ner_sentence_info(words, forms, Gazetteer(), info);
  ASSERT_EQ(info.cue_right[0], 3 + 8);
  ASSERT_EQ(info.cue_left[3], 3);
  auto features = [&](const NerSentenceInfo& in, size_t i) {
    std::vector<FeatureKey> f;
    ner_static_features(words, upos, in, i, f);
    return f;
  };
  NerSentenceInfo no_cue = info, no_right = info, no_left = info;
  no_cue.cue.assign(4, 0);
  no_right.cue_right.assign(4, 0);
  no_left.cue_left.assign(4, 0);
  EXPECT_NE(features(info, 0), features(no_cue, 0));
  EXPECT_NE(features(info, 0), features(no_right, 0));
  EXPECT_NE(features(info, 3), features(no_left, 3));
  EXPECT_EQ(features(info, 0), features(no_left, 0));
}

// In a sentence of mixed case, words in lower case throughout that no gazetteer name covers are
// outside any name when the word before is: the recognizer does not score them. Not in a
// sentence without capitals, not for a lower-case name the gazetteer knows ("malaysia"), not for
// a word with letters outside ASCII.
TEST(NerBeamSearch, PlainWordsAfterAnOutsideWordAreNotScored) {
  auto words_of = [](const std::vector<std::string_view>& forms) {
    std::vector<WordKeys> w;
    for (auto f : forms) w.push_back(word_keys(f));
    return w;
  };
  std::vector<std::string_view> forms = {"I", "met", "Ada", "in", "malaysia", "at", "l'école", "yesterday"};
  auto words = words_of(forms);
  std::string_view malaysia[] = {"malaysia"};
  Gazetteer gaz = Gazetteer::build({{gazetteer_key(malaysia), kGazCountry | kGazLowerCase}});
  NerSentenceInfo info;
  ner_sentence_info(words, forms, gaz, info);
  std::vector<char> plain;
  ner_plain_words(forms, info, plain);
  EXPECT_EQ(plain, (std::vector<char>{0, 1, 0, 1, 0, 1, 0, 1}));

  std::vector<Upos> upos(forms.size(), Upos::NOUN);
  int calls = 0;
  NerBeam::ScoreFn outside = [&](std::span<const FeatureKey>, std::span<float> s) {
    ++calls;
    std::fill(s.begin(), s.end(), 0.f);
    s[0] = 1.f;
  };
  NerBeam beam(1);
  beam.run(words, upos, info, outside, nullptr, plain);
  EXPECT_EQ(calls, 4);  // I, Ada, malaysia, l'école
  std::vector<uint16_t> out(forms.size(), 99);
  beam.best(out);
  EXPECT_EQ(out, std::vector<uint16_t>(forms.size(), 0));
  // After a word inside a name, a plain word is scored like any other.
  calls = 0;
  uint16_t uper = uint16_t(ner_class(0, 3));
  NerBeam::ScoreFn person = [&](std::span<const FeatureKey>, std::span<float> s) {
    ++calls;
    std::fill(s.begin(), s.end(), 0.f);
    s[uper] = 1.f;
  };
  beam.run(words, upos, info, person, nullptr, plain);
  EXPECT_EQ(calls, int(forms.size()));
  beam.best(out);
  EXPECT_EQ(out, std::vector<uint16_t>(forms.size(), uper));

  std::vector<std::string_view> lower = {"we", "met", "ada", "in", "london"};
  auto lw = words_of(lower);
  NerSentenceInfo li;
  ner_sentence_info(lw, lower, Gazetteer(), li);
  ner_plain_words(lower, li, plain);
  EXPECT_TRUE(plain.empty());
}

// Each kind of a gazetteer name is a feature of its own: a word the gazetteer knows as an
// organization shares features with a word it knows as an organization, a surname and a town
// (a combination training may never have seen) that it does not share with a known person.
TEST(NerFeatures, GazetteerKindsAreSeenOneByOne) {
  std::vector<std::string_view> forms = {"Toyota", "fell"};
  std::vector<WordKeys> words = {word_keys("Toyota"), word_keys("fell")};
  std::vector<Upos> upos = {Upos::PROPN, Upos::VERB};
  auto features = [&](uint32_t kinds) {
    NerSentenceInfo info;
    ner_sentence_info(words, forms, Gazetteer(), info);
    info.has_gaz = true;
    info.gaz.span = {kinds * 4 + 3, 0};
    info.gaz.word = {kinds, 0};
    std::vector<FeatureKey> f;
    ner_static_features(words, upos, info, 0, f);
    std::sort(f.begin(), f.end());
    return f;
  };
  auto org = features(kGazOrg), mixed = features(kGazOrg | kGazSurname | kGazSmallPlace), person = features(kGazPerson);
  std::vector<FeatureKey> org_mixed, org_person, only;
  std::set_intersection(org.begin(), org.end(), mixed.begin(), mixed.end(), std::back_inserter(org_mixed));
  std::set_intersection(org.begin(), org.end(), person.begin(), person.end(), std::back_inserter(org_person));
  std::set_difference(org_mixed.begin(), org_mixed.end(), org_person.begin(), org_person.end(), std::back_inserter(only));
  EXPECT_GE(only.size(), 3u);
}

namespace {
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}
using Flat = std::vector<std::tuple<uint32_t, uint32_t, int>>;
// The spans after the document pass over `text`'s words (split at spaces).
Flat resolved(std::string_view text, std::vector<EntitySpan> spans) {
  resolve_document_names(words_of(text), spans);
  return flat(spans);
}
}  // namespace

TEST(NerAcronyms, AnAcronymInParenthesesAfterANameTakesItsTypeLaterOn) {
  // the defined acronym, inside the parentheses and later; not before the definition, not an
  // unrelated one
  EXPECT_EQ(resolved("IUCN : the World Conservation Union ( IUCN ) said . Later IUCN and ACME met .",
                     {{3, 6, EntityType::ORG}}),
            (Flat{{3, 6, int(EntityType::ORG)}, {7, 8, int(EntityType::ORG)}, {12, 13, int(EntityType::ORG)}}));
}

TEST(NerAcronyms, InitialsOfAnEarlierOrganizationSkippingLinkWords) {
  // HANO spells H-A-(of)-N-O; CPA and HA (a prefix of the initials) spell nothing named here
  EXPECT_EQ(resolved("the Housing Authority of New Orleans said so . HANO and the CPA agree . HA !",
                     {{1, 6, EntityType::ORG}}),
            (Flat{{1, 6, int(EntityType::ORG)}, {9, 10, int(EntityType::ORG)}}));
}

TEST(NerAcronyms, NotFromPersonsNorInsideNames) {
  // a person's initials are too often something else; "CPA" inside a name stays part of it
  EXPECT_EQ(resolved("JS spoke . John Smith and the CPA Group met . JS left .",
                     {{3, 5, EntityType::PER}, {7, 9, EntityType::ORG}}),
            (Flat{{3, 5, int(EntityType::PER)}, {7, 9, int(EntityType::ORG)}}));
}

TEST(NerDocumentNames, ANameTakesTheTypeMostOfItsMentionsHave) {
  // Iguazu: two LOC against one PER; Bob: one ORG, one PER, a tie that keeps each its own
  EXPECT_EQ(resolved("Iguazu is far . I saw Iguazu and Iguazu falls . Ann met Bob . Bob met Ann .",
                     {{0, 1, EntityType::PER},
                      {6, 7, EntityType::LOC},
                      {8, 9, EntityType::LOC},
                      {11, 12, EntityType::PER},
                      {13, 14, EntityType::ORG},
                      {15, 16, EntityType::PER},
                      {17, 18, EntityType::PER}}),
            (Flat{{0, 1, int(EntityType::LOC)},
                  {6, 7, int(EntityType::LOC)},
                  {8, 9, int(EntityType::LOC)},
                  {11, 12, int(EntityType::PER)},
                  {13, 14, int(EntityType::ORG)},
                  {15, 16, int(EntityType::PER)},
                  {17, 18, int(EntityType::PER)}}));
}

TEST(NerAcronyms, AnUnreadOrganizationIsReadFromTheAcronymItDefines) {
  // the recognizer found only the city inside the organization's name
  // "Center" makes it an organization; a vehicle's name spelled the same way stays unnamed
  EXPECT_EQ(resolved("The Greater New Orleans Fair Housing Action Center ( GNOFHAC ) sued . GNOFHAC said . "
                     "the Crew Exploration Vehicle ( CEV ) flew .",
                     {{2, 4, EntityType::LOC}}),
            (Flat{{1, 8, int(EntityType::ORG)}, {9, 10, int(EntityType::ORG)}, {13, 14, int(EntityType::ORG)}}));
}

TEST(NerDocumentNames, ATownAndItsStateCode) {
  // the recognizer found Lawrence and Harry Preuss, nothing else
  // a person before the code stays a person, and a code before a capitalized word is left alone
  EXPECT_EQ(resolved("live around the Chillicothe , OH area . Lawrence , KS 66044 . with Harry Preuss , MD , a "
                     "Professor . Fort Smith , AR Police said .",
                     {{8, 9, EntityType::LOC}, {14, 16, EntityType::PER}}),
            (Flat{{3, 4, int(EntityType::LOC)},
                  {5, 6, int(EntityType::LOC)},
                  {8, 9, int(EntityType::LOC)},
                  {10, 11, int(EntityType::LOC)},
                  {14, 16, int(EntityType::PER)}}));
}

TEST(NerDocumentNames, AQuotedSurnameCommaFirstNameIsOnePerson) {
  // the recognizer found the first names alone
  // "Yes , Sir !" is closed by no quote after its capitalized words: left alone
  EXPECT_EQ(resolved("\" Townsend , George \" < g@x.net > wrote : \" Lindh , Frank ( Law ) \" and \" Yes , Sir ! \"",
                     {{3, 4, EntityType::PER}, {13, 14, EntityType::PER}}),
            (Flat{{1, 4, int(EntityType::PER)}, {11, 14, int(EntityType::PER)}}));
}

// The lexicon's readings as features (version 6): trained on sentences whose capitalized first
// word is a person's name the lexicon lacks or a common noun it knows, the recognizer tells an
// unseen name from an unseen noun by the lexicon alone; trained and run without the lexicon, it
// cannot (every other feature of the two words is alike).
TEST(NerLexicon, TellsAnUnseenNameFromAKnownNoun) {
  const char* nouns[] = {"Bread", "Cheese", "Coffee", "Garlic", "Honey", "Lemon", "Melon", "Onion", "Pepper", "Salad",
                         "Sugar", "Tomato", "Bacon", "Cream"};
  const char* names[] = {"Rask", "Tolm", "Brek", "Vosk", "Darn", "Kelp", "Murk", "Zorn", "Pank", "Hulk", "Wend", "Gusk",
                         "Fross", "Jent"};
  const char* verbs[] = {"arrived", "left", "stayed", "waited"};
  std::vector<Lexicon::Entry> entries;
  for (const char* w : nouns) entries.push_back({word_keys(w).lower, kLexNoun | kLexNounUsed});
  entries.push_back({word_keys("Butter").lower, kLexNoun | kLexNounUsed});  // the unseen noun
  Lexicon lexicon(entries);
  std::vector<NerTrainSentence> data;
  auto sentence = [](std::initializer_list<const char*> words, uint16_t first) {
    NerTrainSentence s;
    for (const char* w : words) {
      s.forms.push_back(w);
      s.keys.push_back(word_keys(w));
      s.upos.push_back(s.upos.empty() ? Upos::PROPN : Upos::VERB);
      s.gold.push_back(s.gold.empty() ? first : 0);
    }
    s.upos.back() = Upos::PUNCT;
    return s;
  };
  for (size_t i = 0; i < std::size(nouns); ++i)
    for (size_t v = 0; v < std::size(verbs); ++v) {
      data.push_back(sentence({nouns[i], verbs[v], "."}, 0));
      data.push_back(sentence({names[i], verbs[v], "."}, B(int(EntityType::PER))));
    }
  for (size_t i = 0; i < data.size(); ++i) data[i].doc = uint32_t(i);
  auto first_is_person = [&](const Lexicon* lex, const char* word) {
    Rng rng(1);
    std::ostringstream log;
    std::string bytes = train_ner(data, Gazetteer{}, 8, rng, 0.0, log, lex);
    PartReader in(bytes.data(), bytes.size());
    Gazetteer gaz;
    EXPECT_TRUE(gaz.read(in));
    EntityRecognizer ner(read_scorer(in), std::move(gaz));
    ner.set_lexicon(lex);
    std::vector<WordKeys> keys = {word_keys(word), word_keys("arrived"), word_keys(".")};
    std::vector<std::string_view> forms = {word, "arrived", "."};
    std::vector<Upos> upos = {Upos::PROPN, Upos::VERB, Upos::PUNCT};
    std::vector<uint16_t> out(3);
    ner.tag(keys, forms, upos, out);
    return out[0] == ner_class(uint32_t(EntityType::PER), 3);  // U-PER
  };
  EXPECT_TRUE(first_is_person(&lexicon, "Vell"));
  EXPECT_FALSE(first_is_person(&lexicon, "Butter"));
  EXPECT_EQ(first_is_person(nullptr, "Vell"), first_is_person(nullptr, "Butter"));
}

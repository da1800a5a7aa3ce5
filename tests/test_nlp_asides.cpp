// Asides the parser reads apart: a time phrase between a subject and its verb, a title with its
// modifiers before a name. What find_asides marks on hand-tagged sentences, and what the
// committed model's parse makes of the news sentences that motivated them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/asides.h"
#include "nlp/nlp.h"
#include "test_support.h"

using namespace sitrep::nlp;

namespace {

// "word/UPOS/XPOS ..." -> the asides as "begin-end>anchor" (titles "T:begin-end>anchor^head").
std::string asides_of(const std::string& tagged) {
  std::vector<std::string> forms_s, xpos_s;
  std::vector<Upos> upos;
  std::istringstream in(tagged);
  std::string tok;
  while (in >> tok) {
    size_t a = tok.find('/'), b = tok.rfind('/');
    forms_s.push_back(tok.substr(0, a));
    Upos u = Upos::X;
    EXPECT_TRUE(parse_upos(tok.substr(a + 1, b - a - 1), u)) << tok;
    upos.push_back(u);
    xpos_s.push_back(tok.substr(b + 1));
  }
  std::vector<std::string_view> forms(forms_s.begin(), forms_s.end()), xpos(xpos_s.begin(), xpos_s.end());
  std::string out;
  for (const Aside& a : find_asides(forms, upos, xpos)) {
    if (!out.empty()) out += ' ';
    if (a.kind == Aside::kTitle) out += "T:";
    if (a.kind == Aside::kAppos) out += "A:";
    if (a.kind == Aside::kReport) out += "R:";
    out += std::to_string(a.begin) + "-" + std::to_string(a.end) + ">" + std::to_string(a.anchor);
    if (a.kind == Aside::kTitle) out += "^" + std::to_string(a.head);
  }
  return out;
}

// "word/UPOS/XPOS/head/relation ..." (head -1 for the root) -> reduced_relative_verb's answer.
// The word reduced_relative_verb (or, with `garden`, garden_path_past) picks in a parse written
// as form/UPOS/XPOS/head/label words.
int relative_verb_of(const std::string& parsed, bool garden = false) {
  static const LabelNames names{{}, {"root", "obl", "obl:unmarked", "nmod:desc", "aux", "aux:pass", "cop", "case",
                                     "advmod", "amod", "det", "compound", "nmod", "acl:relcl", "punct", "acl", "obj",
                                     "nsubj", "nsubj:pass", "mark", "xcomp", "expl", "appos", "iobj", "nummod", "ccomp",
                                     "parataxis", "advcl"}};
  AsideLabels rel = AsideLabels::find(names);
  EXPECT_TRUE(rel.ok);
  std::vector<std::string> forms_s, xpos_s;
  std::vector<Upos> upos;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  std::istringstream in(parsed);
  std::string tok;
  while (in >> tok) {
    std::vector<std::string> f;
    for (size_t a = 0, b; a <= tok.size(); a = b + 1) {
      b = tok.find('/', a);
      if (b == std::string::npos) b = tok.size();
      f.push_back(tok.substr(a, b - a));
    }
    EXPECT_EQ(f.size(), 5u) << tok;
    if (f.size() != 5) return -2;
    forms_s.push_back(f[0]);
    Upos u = Upos::X;
    EXPECT_TRUE(parse_upos(f[1], u)) << tok;
    upos.push_back(u);
    xpos_s.push_back(f[2]);
    heads.push_back(std::stoi(f[3]));
    auto it = std::find(names.deprel.begin(), names.deprel.end(), f[4]);
    EXPECT_NE(it, names.deprel.end()) << tok;
    labels.push_back(uint16_t(it - names.deprel.begin()));
  }
  std::vector<std::string_view> forms(forms_s.begin(), forms_s.end()), xpos(xpos_s.begin(), xpos_s.end());
  return garden ? garden_path_past(forms, upos, xpos, heads, labels, rel)
                : reduced_relative_verb(forms, upos, xpos, heads, labels, rel);
}

}  // namespace

TEST(ParserAsides, TimePhrasesBetweenSubjectAndVerb) {
  EXPECT_EQ(asides_of("Putin/PROPN/NNP on/ADP/IN Monday/PROPN/NNP called/VERB/VBD Erdogan/PROPN/NNP"), "1-3>3");
  EXPECT_EQ(asides_of("Israeli/ADJ/JJ troops/NOUN/NNS last/ADJ/JJ week/NOUN/NN killed/VERB/VBD three/NUM/CD"),
            "2-4>4");
  // Adverbs before the verb, and the verb an auxiliary.
  EXPECT_EQ(asides_of("Turkey/PROPN/NNP on/ADP/IN Thursday/PROPN/NNP also/ADV/RB accused/VERB/VBD Syria/PROPN/NNP"),
            "1-3>4");
  EXPECT_EQ(asides_of("Ankara/PROPN/NNP late/ADV/RB Tuesday/PROPN/NNP night/NOUN/NN will/AUX/MD send/VERB/VB"),
            "1-4>4");
  EXPECT_EQ(asides_of("he/PRON/PRP on/ADP/IN February/PROPN/NNP 19/NUM/CD said/VERB/VBD"), "1-4>4");
  EXPECT_EQ(asides_of("Congress/PROPN/NNP in/ADP/IN 2019/NUM/CD passed/VERB/VBD"), "1-3>3");
  EXPECT_EQ(asides_of("Putin/PROPN/NNP yesterday/NOUN/NN met/VERB/VBD Erdogan/PROPN/NNP"), "1-2>2");
}

TEST(ParserAsides, NoAsideWhereTheParserReadsWell) {
  // After the verb, before a noun, at the start of the sentence, no verb after it.
  EXPECT_EQ(asides_of("Putin/PROPN/NNP called/VERB/VBD Erdogan/PROPN/NNP on/ADP/IN Monday/PROPN/NNP"), "");
  EXPECT_EQ(asides_of("talks/NOUN/NNS on/ADP/IN Monday/PROPN/NNP night/NOUN/NN failed/NOUN/NN"), "");
  EXPECT_EQ(asides_of("On/ADP/IN Monday/PROPN/NNP Putin/PROPN/NNP called/VERB/VBD"), "");
  EXPECT_EQ(asides_of("the/DET/DT meeting/NOUN/NN on/ADP/IN Monday/PROPN/NNP ./PUNCT/."), "");
  // "on May" names no day; "in Monday" is no English; "not" is no adverb to skip.
  EXPECT_EQ(asides_of("Putin/PROPN/NNP on/ADP/IN May/PROPN/NNP said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Putin/PROPN/NNP in/ADP/IN Monday/PROPN/NNP said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Putin/PROPN/NNP today/NOUN/NN not/PART/RB said/VERB/VBD"), "");
}

TEST(ParserAsides, TitlesBeforeANameWithACountryWord) {
  EXPECT_EQ(asides_of("Russian/ADJ/JJ President/PROPN/NNP Vladimir/PROPN/NNP Putin/PROPN/NNP said/VERB/VBD"),
            "T:0-2>2^1");
  EXPECT_EQ(asides_of("He/PRON/PRP met/VERB/VBD Russian/PROPN/NNP Defense/PROPN/NNP Minister/PROPN/NNP "
                      "Sergei/PROPN/NNP Shoigu/PROPN/NNP"),
            "T:2-5>5^4");
  EXPECT_EQ(asides_of("US/PROPN/NNP Secretary/PROPN/NNP of/ADP/IN State/PROPN/NNP Mike/PROPN/NNP Pompeo/PROPN/NNP"),
            "T:0-4>4^1");
  // "former", and any modifier of an abbreviated title; a title is never the name after one.
  EXPECT_EQ(asides_of("Former/ADJ/JJ President/PROPN/NNP Barack/PROPN/NNP Obama/PROPN/NNP created/VERB/VBD"),
            "T:0-2>2^1");
  EXPECT_EQ(asides_of("Maryland/PROPN/NNP Gov./PROPN/NNP Martin/PROPN/NNP O'Malley/PROPN/NNP"), "T:0-2>2^1");
  EXPECT_EQ(asides_of("U.S./PROPN/NNP Supreme/PROPN/NNP Court/PROPN/NNP Chief/ADJ/NNP Justice/PROPN/NNP "
                      "John/PROPN/NNP Roberts/PROPN/NNP"),
            "T:0-5>5^4");
  // A bare title, and a first name before a surname that is also a title, are no asides.
  EXPECT_EQ(asides_of("President/PROPN/NNP Vladimir/PROPN/NNP Putin/PROPN/NNP said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Coach/NOUN/NN :/PUNCT/: Melanie/PROPN/NNP King/PROPN/NNP Brandon/PROPN/NNP Luna/PROPN/NNP"),
            "");
  // Both kinds in one sentence.
  EXPECT_EQ(asides_of("Turkish/ADJ/JJ President/PROPN/NNP Erdogan/PROPN/NNP on/ADP/IN Friday/PROPN/NNP "
                      "called/VERB/VBD Putin/PROPN/NNP"),
            "T:0-2>2^1 3-5>5");
}

TEST(ParserAsides, RelativeClausesInCommasBetweenANameAndItsVerb) {
  EXPECT_EQ(asides_of("Abrams/INTJ/UH ,/PUNCT/, who/PRON/WP said/VERB/VBD it/PRON/PRP ,/PUNCT/, called/VERB/VBD "
                      "it/PRON/PRP"),
            "1-6>0");
  EXPECT_EQ(asides_of("The/DET/DT treaty/NOUN/NN ,/PUNCT/, which/PRON/WDT aims/VERB/VBZ high/ADV/RB ,/PUNCT/, "
                      "is/AUX/VBZ dead/ADJ/JJ"),
            "2-7>1");
  // No verb after the clause, a comma inside it, or no name before it.
  EXPECT_EQ(asides_of("He/PRON/PRP met/VERB/VBD Johnson/PROPN/NNP ,/PUNCT/, who/PRON/WP arrived/VERB/VBD ./PUNCT/."),
            "");
  EXPECT_EQ(asides_of("Agency/PROPN/NNP ,/PUNCT/, which/PRON/WDT ,/PUNCT/, of/ADP/IN course/NOUN/NN ,/PUNCT/, "
                      "had/AUX/VBD designed/VERB/VBN"),
            "");
  EXPECT_EQ(asides_of("said/VERB/VBD ,/PUNCT/, which/PRON/WDT hurt/VERB/VBD ,/PUNCT/, was/AUX/VBD"), "");
}

TEST(ParserAsides, AppositionsInCommasBetweenANameAndItsVerb) {
  EXPECT_EQ(asides_of("Brent/PROPN/NNP crude/NOUN/NN ,/PUNCT/, the/DET/DT benchmark/NOUN/NN ,/PUNCT/, "
                      "fell/VERB/VBD"),
            "A:2-6>1");
  EXPECT_EQ(asides_of("Peskov/PROPN/NNP ,/PUNCT/, now/ADV/RB the/DET/DT spokesman/NOUN/NN ,/PUNCT/, also/ADV/RB "
                      "said/VERB/VBD"),
            "A:1-6>0");
  EXPECT_EQ(asides_of("Lavrov/PROPN/NNP \u2014/PUNCT/: Russia/PROPN/NNP 's/PART/POS envoy/NOUN/NN \u2014/PUNCT/: "
                      "has/AUX/VBZ said/VERB/VBN"),
            "A:1-6>0");
  // With a relative clause of its noun, and a name after a common noun.
  EXPECT_EQ(asides_of("Page/PROPN/NNP ,/PUNCT/, a/DET/DT lawyer/NOUN/NN who/PRON/WP worked/VERB/VBD there/ADV/RB "
                      ",/PUNCT/, told/VERB/VBD"),
            "A:1-8>0");
  EXPECT_EQ(asides_of("The/DET/DT secretary/NOUN/NN ,/PUNCT/, Mike/PROPN/NNP Pompeo/PROPN/NNP ,/PUNCT/, "
                      "refused/VERB/VBD"),
            "A:2-6>1");
  // An adverb, a time, a list of names, a pronoun's words, a preposition first, unmatched
  // punctuation, no verb after, a time word before: none.
  EXPECT_EQ(asides_of("Trump/PROPN/NNP ,/PUNCT/, meanwhile/ADV/RB ,/PUNCT/, said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Trump/PROPN/NNP ,/PUNCT/, last/ADJ/JJ week/NOUN/NN ,/PUNCT/, denied/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Russia/PROPN/NNP ,/PUNCT/, Turkey/PROPN/NNP ,/PUNCT/, Iran/PROPN/NNP agreed/VERB/VBD"), "");
  EXPECT_EQ(asides_of("person/NOUN/NN ,/PUNCT/, he/PRON/PRP and/CCONJ/CC his/PRON/PRP$ wife/NOUN/NN ,/PUNCT/, "
                      "introduced/VERB/VBD"),
            "");
  EXPECT_EQ(asides_of("Meza/PROPN/NNP ,/PUNCT/, of/ADP/IN RAICES/PROPN/NNP ,/PUNCT/, said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("Smith/PROPN/NNP ,/PUNCT/, the/DET/DT envoy/NOUN/NN \u2014/PUNCT/: said/VERB/VBD"), "");
  EXPECT_EQ(asides_of("met/VERB/VBD Smith/PROPN/NNP ,/PUNCT/, the/DET/DT envoy/NOUN/NN ,/PUNCT/, in/ADP/IN "
                      "Paris/PROPN/NNP"),
            "");
  EXPECT_EQ(asides_of("Late/ADJ/JJ Wednesday/PROPN/NNP ,/PUNCT/, Lebanon/PROPN/NNP 's/PART/POS "
                      "president/NOUN/NN ,/PUNCT/, said/VERB/VBD"),
            "");
}

TEST(ParserAsides, ReportingClausesInCommasBetweenASubjectAndItsVerb) {
  EXPECT_EQ(asides_of("Its/PRON/PRP$ pilots/NOUN/NNS ,/PUNCT/, the/DET/DT Russians/PROPN/NNPS said/VERB/VBD ,/PUNCT/, "
                      "appear/VERB/VBP"),
            "R:2-7>7");
  EXPECT_EQ(asides_of("Netanyahu/PROPN/NNP ,/PUNCT/, Shoval/PROPN/NNP argued/VERB/VBD ,/PUNCT/, may/AUX/MD "
                      "only/ADV/RB have/AUX/VB"),
            "R:1-5>5");
  // No reporting verb, no verb after, a verb first, punctuation inside: none.
  EXPECT_EQ(asides_of("Netanyahu/PROPN/NNP ,/PUNCT/, Shoval/PROPN/NNP left/VERB/VBD ,/PUNCT/, may/AUX/MD"), "");
  EXPECT_EQ(asides_of("Netanyahu/PROPN/NNP ,/PUNCT/, she/PRON/PRP said/VERB/VBD ,/PUNCT/, in/ADP/IN 2019/NUM/CD"), "");
  EXPECT_EQ(asides_of("Netanyahu/PROPN/NNP ,/PUNCT/, said/VERB/VBD Shoval/PROPN/NNP ,/PUNCT/, may/AUX/MD"), "");
  EXPECT_EQ(asides_of("Netanyahu/PROPN/NNP ,/PUNCT/, she/PRON/PRP said/VERB/VBD :/PUNCT/: yes/INTJ/UH ,/PUNCT/, "
                      "may/AUX/MD"),
            "");
}

TEST(ParserAsides, APastTenseBeforeItsClausesOwnVerbIsTheParticiple) {
  // "the man detained on Monday was released", read as "the man detained" + "was released".
  const char* garden =
      "man/NOUN/NN/1/nsubj detained/VERB/VBD/-1/root on/ADP/IN/3/case Monday/PROPN/NNP/1/obl "
      "was/AUX/VBD/5/aux:pass released/VERB/VBN/1/advcl ./PUNCT/./1/punct";
  EXPECT_EQ(relative_verb_of(garden, true), 1);
  // The later verb itself finite: "the soldier wounded in the raid remains in hospital".
  EXPECT_EQ(relative_verb_of("soldier/NOUN/NN/1/nsubj wounded/VERB/VBD/-1/root in/ADP/IN/3/case raid/NOUN/NN/1/obl "
                             "remains/VERB/VBZ/1/parataxis",
                             true),
            1);
  // An object, a pronoun subject, the later verb's own subject or marker, a comma or a conjunction
  // between: a real past tense.
  EXPECT_EQ(relative_verb_of("police/NOUN/NN/1/nsubj detained/VERB/VBD/-1/root man/NOUN/NN/1/obj "
                             "was/AUX/VBD/4/aux:pass released/VERB/VBN/1/advcl",
                             true),
            -1);
  EXPECT_EQ(relative_verb_of("he/PRON/PRP/1/nsubj detained/VERB/VBD/-1/root on/ADP/IN/3/case Monday/PROPN/NNP/1/obl "
                             "was/AUX/VBD/5/aux:pass released/VERB/VBN/1/advcl",
                             true),
            -1);
  EXPECT_EQ(relative_verb_of("man/NOUN/NN/1/nsubj left/VERB/VBD/-1/root when/ADV/WRB/4/mark he/PRON/PRP/4/nsubj "
                             "was/AUX/VBD/1/advcl",
                             true),
            -1);
  EXPECT_EQ(relative_verb_of("man/NOUN/NN/1/nsubj left/VERB/VBD/-1/root ,/PUNCT/,/4/punct "
                             "was/AUX/VBD/4/aux:pass seen/VERB/VBN/1/parataxis",
                             true),
            -1);
  EXPECT_EQ(relative_verb_of(garden, false), -1);
}

TEST(ParserAsides, ReducedRelativeWithAnObjectOnANominalRootIsThePastTense) {
  EXPECT_EQ(relative_verb_of("Democrats/PROPN/NNPS/-1/root blasted/VERB/VBN/0/acl Trump/PROPN/NNP/1/obj"), 1);
  EXPECT_EQ(relative_verb_of("About/ADV/RB/2/advmod 500/NUM/CD/2/nummod protesters/NOUN/NNS/-1/root in/ADP/IN/5/case "
                             "the/DET/DT/5/det capital/NOUN/NN/2/nmod stormed/VERB/VBD/2/acl the/DET/DT/8/det "
                             "embassy/NOUN/NN/6/obj"),
            6);
  // "called" with a complement is an act; without one, a name.
  EXPECT_EQ(relative_verb_of("Lavrov/PROPN/NNP/-1/root called/VERB/VBN/0/acl it/PRON/PRP/1/obj "
                             "unacceptable/ADJ/JJ/1/xcomp"),
            1);
  EXPECT_EQ(relative_verb_of("group/NOUN/NN/-1/root called/VERB/VBN/0/acl Hamas/PROPN/NNP/1/obj"), -1);
  EXPECT_EQ(relative_verb_of("Lavrov/NOUN/NN/-1/root called/VERB/VBN/0/acl it/PRON/PRP/1/obj"), 1);
  // A clause with "that" is an object too; a sentence with a full stop and no finite verb needs none.
  EXPECT_EQ(relative_verb_of("page/NOUN/NN/-1/root confirmed/VERB/VBN/0/acl on/ADP/IN/3/case Tuesday/PROPN/NNP/1/obl "
                             "that/SCONJ/IN/6/mark all/PRON/DT/6/nsubj:pass saved/VERB/VBN/1/ccomp"),
            1);
  EXPECT_EQ(relative_verb_of("At/ADP/IN/1/case least/ADJ/JJS/2/nmod 150/NUM/CD/3/nummod cars/NOUN/NNS/-1/root "
                             "crossed/VERB/VBN/3/acl into/ADP/IN/6/case Austria/PROPN/NNP/4/obl ./PUNCT/./3/punct"),
            4);
  EXPECT_EQ(relative_verb_of("Great/ADJ/JJ/2/amod repair/NOUN/NN/2/compound store/NOUN/NN/-1/root ,/PUNCT/,/5/punct "
                             "highly/ADV/RB/5/advmod recommended/VERB/VBN/2/acl ./PUNCT/./2/punct"),
            -1);
  EXPECT_EQ(relative_verb_of("Troops/NOUN/NNS/-1/root stationed/VERB/VBN/0/acl in/ADP/IN/3/case Mali/PROPN/NNP/1/obl "
                             "had/VERB/VBD/0/acl:relcl leave/NOUN/NN/4/obj ./PUNCT/./0/punct"),
            -1);
  // Participles that keep an object in the passive, no object, the verb's own subject or
  // auxiliary, a verbal root, a hyphenated modifier, the root's own comma between (an inverted
  // quote): none.
  EXPECT_EQ(relative_verb_of("refugees/NOUN/NNS/-1/root denied/VERB/VBN/0/acl asylum/NOUN/NN/1/obj"), -1);
  EXPECT_EQ(relative_verb_of("documents/NOUN/NNS/-1/root released/VERB/VBN/0/acl by/ADP/IN/3/case "
                             "Congress/PROPN/NNP/1/obl"),
            -1);
  EXPECT_EQ(relative_verb_of("fact/NOUN/NN/-1/root he/PRON/PRP/2/nsubj stated/VERB/VBD/0/acl it/PRON/PRP/2/obj"),
            -1);
  EXPECT_EQ(relative_verb_of("Democrats/PROPN/NNPS/1/nsubj blasted/VERB/VBD/-1/root Trump/PROPN/NNP/1/obj"), -1);
  EXPECT_EQ(relative_verb_of("tallies/NOUN/NNS/-1/root GOP/PROPN/NNP/3/compound -/PUNCT/HYPH/3/punct "
                             "held/VERB/VBN/0/acl Senate/PROPN/NNP/3/obj"),
            -1);
  EXPECT_EQ(relative_verb_of("cult/NOUN/NN/-1/root ,/PUNCT/,/0/punct tweeted/VERB/VBN/0/acl "
                             "Murphy/PROPN/NNP/2/obj"),
            -1);
}

namespace {
struct Parsed {
  std::string text;
  Analysis a;
  size_t word(std::string_view w) const {
    for (size_t i = 0; i < a.words.size(); ++i)
      if (std::string_view(text).substr(a.words[i].begin, a.words[i].end - a.words[i].begin) == w) return i;
    return a.words.size();
  }
  // "relation>head form" of the first word spelled `w`.
  std::string arc(std::string_view w) const {
    size_t i = word(w);
    if (i >= a.words.size()) return "missing";
    int32_t h = a.head[i];
    std::string head = h < 0 ? "ROOT" : text.substr(a.words[h].begin, a.words[h].end - a.words[h].begin);
    return a.labels->deprel[a.deprel[i]] + ">" + head;
  }
};
// The committed model's analysis of `text` (the model loaded once for all the tests here; a
// model that does not load fails the test, and every arc reads "missing").
Parsed parsed(std::string text) {
  static const auto model = Model::load(Model::default_path());
  Parsed p{std::move(text), {}};
  if (!model) {
    ADD_FAILURE() << model.error().message;
    return p;
  }
  p.a = model.value()->analyze(p.text);
  return p;
}
}  // namespace

// The committed model alone made "Russian" the root, "Monday" a modifier of "Putin" and "called"
// a clause on "Monday": the call lost its caller.
TEST(CommittedModel, NewsSubjectsKeepTheirVerbAcrossTitlesAndTimePhrases) {
  auto p = parsed("Russian President Vladimir Putin on Monday called Turkish President Recep Tayyip Erdogan.");
  EXPECT_EQ(p.arc("Vladimir"), "nsubj>called");
  EXPECT_EQ(p.arc("called"), "root>ROOT");
  EXPECT_EQ(p.arc("Monday"), "obl>called");
  EXPECT_EQ(p.arc("on"), "case>Monday");
  EXPECT_EQ(p.arc("Russian"), "amod>President");
  EXPECT_EQ(p.arc("President"), "nmod:desc>Vladimir");
  auto q = parsed("Israeli troops last week killed three Palestinians in Gaza.");
  EXPECT_EQ(q.arc("troops"), "nsubj>killed");
  EXPECT_EQ(q.arc("week"), "obl:unmarked>killed");
}

// "Abrams, who said ..., called it": the parse alone hung "called" on the clause's verb as its
// conjunct, and a title's name of one word once made the title its own head.
TEST(CommittedModel, RelativeClauseInCommasKeepsTheSubjectsVerb) {
  auto p = parsed("Abrams, who said she distributed meals to furloughed workers during the shutdown, called it a "
                  "disgrace.");
  EXPECT_EQ(p.arc("Abrams"), "nsubj>called");
  EXPECT_EQ(p.arc("said"), "acl:relcl>Abrams");
  EXPECT_EQ(p.arc("called"), "root>ROOT");
  auto q = parsed("Bree Prime Minister Romendacil did not clash over the efforts.");
  EXPECT_EQ(q.arc("Minister"), "nmod:desc>Romendacil");
  EXPECT_EQ(q.arc("Romendacil"), "nsubj>clash");
}

// The parse alone hung the verb on the apposition ("told" an apposition of "party", "fell" a
// conjunct of "benchmark"): the subject lost its verb.
TEST(CommittedModel, AppositionInCommasKeepsTheSubjectsVerb) {
  auto p = parsed("Brent crude, the international benchmark, fell 3% to $60 a barrel.");
  EXPECT_EQ(p.arc("crude"), "nsubj>fell");
  EXPECT_EQ(p.arc("benchmark"), "appos>crude");
  EXPECT_EQ(p.arc("fell"), "root>ROOT");
  auto r = parsed("The US secretary of state, Mike Pompeo, initially refused to say whether he had heard it.");
  EXPECT_EQ(r.arc("secretary"), "nsubj>refused");  // the phrase's head, not the word before the comma
  EXPECT_EQ(r.arc("Mike"), "appos>secretary");
  auto w = parsed("Paul Manafort, a veteran operative who took over in the spring from Corey Lewandowski, "
                  "apparently has been shoved aside for a new team.");
  EXPECT_EQ(w.arc("shoved"), "root>ROOT");  // the parse alone: "Paul" the root
  EXPECT_EQ(w.arc("operative"), "appos>Paul");
  EXPECT_EQ(w.arc("took"), "acl:relcl>operative");
  auto q = parsed("Justice Minister Ayelet Shaked, a member of the staunchly nationalist Jewish Home party, told "
                  "Army Radio that the plan was dead.");
  EXPECT_EQ(q.arc("told"), "root>ROOT");
  EXPECT_EQ(q.arc("member"), "appos>Ayelet");
  EXPECT_EQ(q.arc("Ayelet"), "nsubj>told");
}

// "Its pilots, the Russians said, appear": the parse alone made "pilots" the root and "appear"
// a clause under "said".
TEST(CommittedModel, ReportingClauseInCommasKeepsTheSubjectsVerb) {
  auto p = parsed("Its pilots, the Russians said, appear to have ejected.");
  EXPECT_EQ(p.arc("pilots"), "nsubj>appear");
  EXPECT_EQ(p.arc("said"), "parataxis>appear");
  EXPECT_EQ(p.arc("appear"), "root>ROOT");
  auto q = parsed("His actions, she said, made him vulnerable to foreign governments.");
  EXPECT_EQ(q.arc("actions"), "nsubj>made");
  EXPECT_EQ(q.arc("said"), "parataxis>made");
}

// "Democrats blasted Trump": the tagger read a participle, the parser a reduced relative on
// "Democrats", and the sentence had no verb.
TEST(CommittedModel, PastTenseMisreadAsAReducedRelativeIsTheVerb) {
  auto p = parsed("Democrats blasted Trump for failing to live up to his own plea to \"heal old wounds.\"");
  EXPECT_EQ(p.arc("blasted"), "root>ROOT");
  EXPECT_EQ(p.arc("Democrats"), "nsubj>blasted");
  EXPECT_EQ(p.arc("Trump"), "obj>blasted");
  auto q = parsed("The cable networks televised the hearing live.");
  EXPECT_EQ(q.arc("televised"), "root>ROOT");
  EXPECT_EQ(q.arc("networks"), "nsubj>televised");
}

// Every sentence of the seeds parses to a tree: one root, every other word
// reached from it, none its own head (a title's one-word name once made the title head itself).
TEST(CommittedModel, ParsesWithAsidesAreTrees) {
  if (!sitrep::testing::have_shared()) GTEST_SKIP() << "../shared absent";
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  size_t sentences = 0, asides = 0;
  for (const auto& f : std::filesystem::directory_iterator(sitrep::testing::shared_dir() / "seeds")) {
    std::ifstream in(f.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto a = m.value()->analyze(text);
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      int32_t b = int32_t(a.sentence_begin(s)), e = int32_t(a.sentence_end(s));
      if (b >= e) continue;
      ++sentences;
      int roots = 0;
      for (int32_t i = b; i < e; ++i) {
        if (a.head[i] < 0) {
          ++roots;
          continue;
        }
        ASSERT_NE(a.head[i], i) << f.path() << " sentence " << s;
        ASSERT_GE(a.head[i], b);
        ASSERT_LT(a.head[i], e);
        int32_t w = i, steps = 0;  // no cycle: the root within the sentence's length
        while (w >= 0 && steps <= e - b) w = a.head[w], ++steps;
        ASSERT_LT(w, 0) << f.path() << " sentence " << s << " word " << i - b;
      }
      EXPECT_EQ(roots, 1) << f.path() << " sentence " << s;
      std::vector<std::string_view> forms, xpos;
      for (int32_t i = b; i < e; ++i) {
        forms.push_back(std::string_view(text).substr(a.words[i].begin, a.words[i].end - a.words[i].begin));
        xpos.push_back(a.labels->xpos[a.xpos[i]]);
      }
      asides += find_asides(forms, std::span<const Upos>(a.upos.data() + b, size_t(e - b)), xpos).size();
    }
  }
  EXPECT_GT(sentences, 50u);
  EXPECT_GT(asides, 5u);  // the seeds do write these constructions
}

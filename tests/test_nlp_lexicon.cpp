// The tagger's WordNet lexicon: reading WordNet's database files (a
// hand-written miniature in the same format), the forms made from its lemmas,
// the table stored in the tagger part, and a tagger that tags words it never
// saw in training by what the lexicon says they are.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "nlp/features.h"
#include "nlp/lexicon.h"
#include "nlp/model_file.h"
#include "nlp/nlp.h"
#include "nlp/train.h"

using namespace sitrep::nlp;
namespace fs = std::filesystem;

namespace {

// WordNet 3.0's file formats: a license header of lines starting with two
// spaces; data lines "offset lex_filenum ss_type w_cnt(hex) word lex_id ... |
// gloss"; index lines "lemma pos synset_cnt p_cnt [ptr...] sense_cnt
// tagsense_cnt offsets"; exception lines "form base".
void write_wordnet(const fs::path& dir) {
  fs::create_directories(dir);
  const char* header = "  1 This is a miniature of the WordNet database format.\n";
  std::ofstream(dir / "data.noun") << header
                                   << "00000001 03 n 09 blick 0 dreck 0 sarn 0 gorp 0 mib 0 tosk 0 vell 0 "
                                      "yarb 0 zung 0 000 | made-up nouns\n"
                                      "00000002 03 n 01 encryption 0 000 | a noun\n"
                                      "00000003 15 n 01 Tampa 0 000 | a city\n"
                                      "00000004 03 n 02 mouse 0 computer_mouse 0 000 | a noun\n";
  std::ofstream(dir / "data.verb") << header
                                   << "00000001 29 v 02 stop 0 free 0 000 | verbs\n"
                                      "00000002 29 v 01 eat 0 000 | a verb\n";
  std::ofstream(dir / "data.adj") << header
                                  << "00000001 00 a 0a flom 0 plav 0 quen 0 brin 0 ceff 0 dwip 0 glux 0 "
                                     "hesk 0 jolp 0 upset(p) 0 000 | adjectives\n"
                                     "00000002 00 a 01 good 0 000 | an adjective\n";
  std::ofstream(dir / "data.adv") << header << "00000001 02 r 01 well 0 000 | an adverb\n";
  std::ofstream(dir / "index.noun") << header << "blick n 1 0 1 1 00000001\nencryption n 1 1 @ 1 0 00000002\n";
  std::ofstream(dir / "index.verb") << header << "stop v 1 0 1 3 00000001\neat v 1 0 1 2 00000002\n";
  std::ofstream(dir / "index.adj") << header << "good a 1 0 1 4 00000002\n";
  std::ofstream(dir / "index.adv") << header << "well r 1 0 1 9 00000001\n";
  std::ofstream(dir / "noun.exc") << "mice mouse\n";
  std::ofstream(dir / "verb.exc") << "ate eat\neaten eat\n";
  std::ofstream(dir / "adj.exc") << "better good\n";
  std::ofstream(dir / "adv.exc") << "";
}

class WordNetLexicon : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("sitrep_lexicon_test_" + std::to_string(::getpid()));
    write_wordnet(dir_ / "wordnet");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static inline fs::path dir_;
};

}  // namespace

TEST_F(WordNetLexicon, ReadsLemmasAndMakesTheirForms) {
  auto entries = wordnet_lexicon((dir_ / "wordnet").string());
  ASSERT_TRUE(entries) << entries.error().message;
  Lexicon lex(entries.value());
  auto bits = [&](const char* form) { return lex.bits(word_keys(form).lower); };
  EXPECT_EQ(bits("blick"), kLexNoun | kLexNounUsed);
  EXPECT_EQ(bits("blicks"), kLexNounPlural | kLexNounUsed);
  EXPECT_EQ(bits("encryption"), kLexNoun);  // no sense in the tagged corpus
  EXPECT_EQ(bits("mice"), kLexNounPlural);  // the exception list
  EXPECT_EQ(bits("tampa"), kLexProper);
  EXPECT_EQ(bits("Tampa"), kLexProper);  // looked up lower-cased
  EXPECT_EQ(bits("stop"), kLexVerb | kLexVerbUsed);
  EXPECT_EQ(bits("stops"), kLexVerbS | kLexVerbUsed);
  EXPECT_EQ(bits("stopped"), kLexVerbEd | kLexVerbUsed);
  EXPECT_EQ(bits("stopping"), kLexVerbIng | kLexVerbUsed);
  EXPECT_EQ(bits("freed"), kLexVerbEd);
  EXPECT_EQ(bits("freeing"), kLexVerbIng);
  EXPECT_EQ(bits("ate"), kLexVerbEd | kLexVerbUsed);
  EXPECT_EQ(bits("eaten"), kLexVerbEd | kLexVerbUsed);
  EXPECT_EQ(bits("upset"), kLexAdj);  // the adjective's "(p)" marker dropped
  EXPECT_EQ(bits("better"), kLexAdj | kLexAdjUsed);
  EXPECT_EQ(bits("well"), kLexAdv | kLexAdvUsed);
  EXPECT_EQ(bits("computer_mouse"), 0);  // multiword lemmas are no single word
  EXPECT_EQ(bits("frobnicate"), 0);
}

TEST_F(WordNetLexicon, AMissingFileIsAnErrorNamingIt) {
  fs::path partial = dir_ / "partial";
  write_wordnet(partial);
  fs::remove(partial / "index.verb");
  auto entries = wordnet_lexicon(partial.string());
  ASSERT_FALSE(entries);
  EXPECT_EQ(entries.error().file, (partial / "index.verb").string());
  EXPECT_NE(entries.error().message.find("wordnet-base"), std::string::npos);
}

TEST(LexiconTable, RoundTripsThroughAPartAndRefusesADamagedOne) {
  std::vector<Lexicon::Entry> entries;
  for (uint64_t i = 1; i <= 100; ++i) entries.push_back({i * 0x9E3779B97F4A7C15ULL, uint16_t(i)});
  Lexicon lex(entries);
  EXPECT_EQ(lex.size(), 100u);
  PartWriter w;
  lex.write(w);
  std::string bytes = w.bytes();
  Lexicon back;
  PartReader in(bytes.data(), bytes.size());
  ASSERT_TRUE(back.read(in));
  for (const auto& e : entries) EXPECT_EQ(back.bits(e.key), e.bits);
  EXPECT_EQ(back.bits(12345), 0);
  // A count that does not match the table's filled slots.
  std::string bad = bytes;
  bad[0] = char(bad[0] + 1);
  Lexicon damaged;
  PartReader bad_in(bad.data(), bad.size());
  EXPECT_FALSE(damaged.read(bad_in));
}

// Training sentences where made-up words, each seen once, are nouns or
// adjectives in the same context: only the lexicon tells the unseen "sarn" (a
// noun) from the unseen "quen" (an adjective).
TEST_F(WordNetLexicon, TheTaggerReadsUnseenWordsFromTheLexicon) {
  std::ostringstream conllu, iob2;
  const std::pair<const char*, bool> words[] = {{"blick", true}, {"flom", false}, {"dreck", true}, {"plav", false},
                                                {"gorp", true},  {"brin", false}, {"mib", true},   {"ceff", false},
                                                {"tosk", true},  {"dwip", false}, {"vell", true},  {"glux", false},
                                                {"yarb", true},  {"hesk", false}, {"zung", true},  {"jolp", false}};
  for (auto [w, noun] : words) {
    conllu << "# text = it is " << w << " .\n1\tit\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
           << "2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n3\t" << w << "\t" << w << "\t" << (noun ? "NOUN\tNN" : "ADJ\tJJ")
           << "\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
    iob2 << "1\tit\tO\t-\t-\n2\tis\tO\t-\t-\n3\t" << w << "\tO\t-\t-\n4\t.\tO\t-\t-\n\n";
  }
  std::ofstream(dir_ / "made_up.conllu") << conllu.str();
  std::ofstream(dir_ / "made_up.iob2") << iob2.str();
  auto tags_of_unseen = [&](const std::string& lexicon_dir, const std::string& name) {
    TrainOptions o;
    o.ud_files = {(dir_ / "made_up.conllu").string()};
    o.ner_file = (dir_ / "made_up.iob2").string();
    o.output = (dir_ / name).string();
    o.tagger_epochs = o.parser_epochs = o.ner_epochs = 10;
    o.jackknife = 0;
    o.lexicon_dir = lexicon_dir;
    std::ostringstream log;
    auto r = train_model(o, log);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    auto m = Model::load(o.output);
    EXPECT_TRUE(m) << (m ? "" : m.error().message);
    if (!m) return std::string();
    std::string out;
    for (const char* text : {"it is sarn .", "it is quen ."}) {
      Analysis a = m.value()->analyze(text);
      out += std::string(upos_name(a.upos[2])) + " ";
    }
    return out;
  };
  EXPECT_EQ(tags_of_unseen((dir_ / "wordnet").string(), "with.sitrep"), "NOUN ADJ ");
  // Without the lexicon nothing tells them apart: they take one class.
  std::string without = tags_of_unseen("", "without.sitrep");
  EXPECT_NE(without, "NOUN ADJ ");
}

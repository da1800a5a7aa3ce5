// Model training, file format and loading: a tiny training run must overfit its data, the
// same seed must give the same bytes, and damaged files must be rejected with an Error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "nlp/conllu.h"
#include "nlp/irregular.h"
#include "nlp/lemmatizer.h"
#include "nlp/model_file.h"
#include "nlp/ner.h"
#include "nlp/nlp.h"
#include "nlp/output.h"
#include "nlp/parser.h"
#include "nlp/perceptron.h"
#include "nlp/scorer.h"
#include "nlp/tagger.h"
#include "nlp/train.h"
#include "nlp/train_parts.h"

using namespace sitrep::nlp;
namespace fs = std::filesystem;

namespace {

// Three hand-written sentences in CoNLL-U, and the same words with entity tags in IOB2.
const char* kConllu =
    "# text = Turkey warned Greece on Monday.\n"
    "1\tTurkey\tTurkey\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tGreece\tGreece\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The ministers met in Ankara.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tministers\tminister\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tAnkara\tAnkara\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Erdogan called Putin.\n"
    "1\tErdogan\tErdogan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tPutin\tPutin\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";
const char* kIob2 =
    "1\tTurkey\tB-LOC\t-\t-\n2\twarned\tO\t-\t-\n3\tGreece\tB-LOC\t-\t-\n4\ton\tO\t-\t-\n5\tMonday\tO\t-\t-\n6\t.\tO\t-\t-\n\n"
    "1\tThe\tO\t-\t-\n2\tministers\tO\t-\t-\n3\tmet\tO\t-\t-\n4\tin\tO\t-\t-\n5\tAnkara\tB-LOC\t-\t-\n6\t.\tO\t-\t-\n\n"
    "1\tErdogan\tB-PER\t-\t-\n2\tcalled\tO\t-\t-\n3\tPutin\tB-PER\t-\t-\n4\t.\tO\t-\t-\n\n";

class TinyModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("sitrep_nlp_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "tiny.conllu") << kConllu;
    std::ofstream(dir_ / "tiny.iob2") << kIob2;
    model_path_ = (dir_ / "tiny.sitrep").string();
    ASSERT_TRUE(train(model_path_));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  // The tiny data's options: every part trained 15 epochs, no held-out taggers.
  static TrainOptions tiny_options(const std::string& out) {
    TrainOptions o;
    o.ud_files = {(dir_ / "tiny.conllu").string()};
    o.ner_file = (dir_ / "tiny.iob2").string();
    o.output = out;
    o.tagger_epochs = o.parser_epochs = o.ner_epochs = 15;
    o.jackknife = 0;
    return o;
  }
  static bool train(const std::string& out) {
    TrainOptions o = tiny_options(out);
    std::ostringstream log;
    auto r = train_model(o, log);
    if (!r) ADD_FAILURE() << r.error().message;
    return r.ok();
  }
  static std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  static inline fs::path dir_;
  static inline std::string model_path_;
};

const char* kText = "Turkey warned Greece on Monday. The ministers met in Ankara. Erdogan called Putin.";

}  // namespace

TEST_F(TinyModel, OverfitsItsTrainingSentences) {
  auto m = Model::load(model_path_);
  ASSERT_TRUE(m) << m.error().message;
  Analysis a = m.value()->analyze(kText);
  ASSERT_EQ(a.sentence_count(), 3u);
  ASSERT_EQ(a.words.size(), 16u);
  std::vector<std::string> upos, lemma, rel;
  for (size_t i = 0; i < a.words.size(); ++i) {
    upos.emplace_back(upos_name(a.upos[i]));
    lemma.push_back(a.lemma[i]);
    rel.emplace_back(a.head[i] < 0 ? "root" : std::string(a.deprel_name(i)));
  }
  EXPECT_EQ(upos, (std::vector<std::string>{"PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB",
                                            "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"}));
  EXPECT_EQ(lemma[1], "warn");
  EXPECT_EQ(lemma[7], "minister");
  EXPECT_EQ(lemma[8], "meet");
  EXPECT_EQ(rel, (std::vector<std::string>{"nsubj", "root", "obj", "case", "obl", "punct", "det", "nsubj", "root",
                                           "case", "obl", "punct", "nsubj", "root", "obj", "punct"}));
  EXPECT_EQ(a.head[0], 1);
  EXPECT_EQ(a.head[1], -1);
  ASSERT_EQ(a.entities.size(), 5u);
  EXPECT_EQ(a.entities[3].type, EntityType::PER);
  EXPECT_EQ(a.entities[3].word_begin, 12u);
}

// The beam's softmax temperature is set in units of the scorer's own weights, so a model whose
// weights are three times larger or smaller than the committed one's still parses as it learned:
// with a fixed temperature this tiny model's beam lost its training trees.
TEST_F(TinyModel, BeamSearchKeepsItsTrainingParses) {
  auto greedy = Model::load(model_path_);
  ModelOptions wide;
  wide.parser_beam = 4;
  auto beam = Model::load(model_path_, wide);
  ASSERT_TRUE(greedy && beam);
  Analysis g = greedy.value()->analyze(kText), b = beam.value()->analyze(kText);
  ASSERT_EQ(b.words.size(), 16u);
  EXPECT_EQ(b.head, g.head);
  EXPECT_EQ(b.deprel, g.deprel);
  EXPECT_EQ(b.head[1], -1);
  EXPECT_EQ(b.head[8], -1);
}

TEST_F(TinyModel, SameSeedSameBytesAndRoundTrip) {
  std::string again = (dir_ / "again.sitrep").string();
  ASSERT_TRUE(train(again));
  EXPECT_EQ(slurp(again), slurp(model_path_));
  auto m1 = Model::load(model_path_), m2 = Model::load(again);
  ASSERT_TRUE(m1 && m2);
  std::ostringstream o1, o2;
  write_conllu(kText, m1.value()->analyze(kText), o1);
  write_conllu(kText, m2.value()->analyze(kText), o2);
  EXPECT_EQ(o1.str(), o2.str());
  EXPECT_NE(m1.value()->description().find("sitrep train"), std::string::npos);
}

// A file whose NER part is older than the recognizer's (other classes and features) is refused
// with a message that says to retrain, not read with the wrong features.
TEST_F(TinyModel, OlderNerPartIsRejected) {
  auto file = MappedModelFile::open(model_path_);
  ASSERT_TRUE(file) << file.error().message;
  std::vector<ModelPart> parts;
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner}) {
    const auto* p = file.value()->find(id);
    ASSERT_NE(p, nullptr);
    parts.push_back({id, p->version, std::string(p->data, p->size)});
  }
  EXPECT_EQ(parts.back().version, kNerPartVersion);
  std::string old_path = (dir_ / "old_ner.sitrep").string();
  parts.back().version = uint8_t(kNerPartOldestVersion - 1);
  ASSERT_TRUE(write_model_file(old_path, parts));
  auto m = Model::load(old_path);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("retrain"), std::string::npos) << m.error().message;
}

// A tagger part without the tag dictionary (version 1, as before ambiguity classes) is still
// read: its tagger computes no ambiguity-class features. A version from the future is refused.
TEST_F(TinyModel, VersionOneTaggerPartIsReadAndAFutureOneRefused) {
  auto file = MappedModelFile::open(model_path_);
  ASSERT_TRUE(file) << file.error().message;
  std::vector<ModelPart> parts;
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner}) {
    const auto* p = file.value()->find(id);
    ASSERT_NE(p, nullptr);
    parts.push_back({id, p->version, std::string(p->data, p->size)});
  }
  EXPECT_EQ(parts[1].version, kTaggerPartVersion);
  const std::string& v2 = parts[1].bytes;
  PartReader in(v2.data(), v2.size());
  in.array<TagClass>();
  size_t classes_end = v2.size() - in.remaining();
  TagDictionary dict;
  ASSERT_TRUE(dict.read(in));
  EXPECT_GT(dict.size(), 5u);
  size_t dict_end = v2.size() - in.remaining();
  std::vector<ModelPart> old = parts;
  old[1] = {Component::Tagger, 1, v2.substr(0, classes_end) + v2.substr(dict_end)};
  std::string old_path = (dir_ / "v1_tagger.sitrep").string();
  ASSERT_TRUE(write_model_file(old_path, old));
  auto m = Model::load(old_path);
  ASSERT_TRUE(m) << m.error().message;
  Analysis a = m.value()->analyze(kText);
  ASSERT_EQ(a.words.size(), 16u);
  EXPECT_EQ(a.upos[5], Upos::PUNCT);
  // The same bytes read as version 2 are damaged (the scorer is not a dictionary).
  old[1].version = kTaggerPartVersion;
  ASSERT_TRUE(write_model_file(old_path, old));
  EXPECT_FALSE(Model::load(old_path));
  parts[1].version = uint8_t(kTaggerPartVersion + 1);
  ASSERT_TRUE(write_model_file(old_path, parts));
  auto future = Model::load(old_path);
  ASSERT_FALSE(future);
  EXPECT_NE(future.error().message.find("tagger"), std::string::npos) << future.error().message;
}

// Every part of the model file `b` has `a`'s version and bytes, except `changed` (other bytes).
static void expect_same_parts(const std::string& a_path, const std::string& b_path, std::optional<Component> changed) {
  auto a = MappedModelFile::open(a_path), b = MappedModelFile::open(b_path);
  ASSERT_TRUE(a && b);
  for (Component id : {Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner, Component::Sentences}) {
    auto *pa = a.value()->find(id), *pb = b.value()->find(id);
    ASSERT_TRUE(pa && pb);
    EXPECT_EQ(pa->version, pb->version);
    EXPECT_EQ(std::string(pa->data, pa->size) == std::string(pb->data, pb->size), changed != id) << int(id);
  }
}

// The sentence part learns where the training text's sentences end without punctuation, and
// --sentences-only retrains it alone: a chat-like text ("see you soon thanks We met ...").
TEST_F(TinyModel, SentencePartLearnsEndsWithoutPunctuation) {
  std::string conllu;
  const char* a[] = {"see", "you", "soon", "thanks"};
  const char* b[] = {"We", "met", "in", "Ankara", "today"};
  auto sentence = [&](const char* const* w, size_t n, const char* root_tag) {
    std::string text, rows;
    for (size_t i = 0; i < n; ++i) {
      text += std::string(i ? " " : "") + w[i];
      rows += std::to_string(i + 1) + "\t" + w[i] + "\t" + w[i] + "\t" + (i ? "NOUN\tNN" : root_tag) + "\t_\t" +
              (i ? "1" : "0") + "\t" + (i ? "obj" : "root") + "\t_\t_\n";
    }
    return "# text = " + text + "\n" + rows + "\n";
  };
  for (int i = 0; i < 20; ++i) conllu += sentence(a, 4, "VERB\tVB") + sentence(b, 5, "PRON\tPRP");
  std::ofstream(dir_ / "chat.conllu") << conllu;
  // Before: the rules see one sentence.
  auto before = Model::load(model_path_);
  ASSERT_TRUE(before);
  std::string text = "see you soon thanks We met in Ankara today";
  EXPECT_EQ(before.value()->segment(text).sentence_count(), 1u);

  TrainOptions o = tiny_options((dir_ / "chat.sitrep").string());
  o.ud_files = {(dir_ / "chat.conllu").string()};
  o.sentences_only_from = model_path_;
  o.sentence_epochs = 10;
  std::ostringstream log;
  auto r = train_model(o, log);
  ASSERT_TRUE(r) << r.error().message;
  auto m = Model::load(o.output);
  ASSERT_TRUE(m) << m.error().message;
  Analysis an = m.value()->segment(text);
  ASSERT_EQ(an.sentence_count(), 2u) << log.str();
  EXPECT_EQ(an.sentence_begin(1), 4u);  // "We"
  EXPECT_NE(m.value()->description().find("sentence part retrained"), std::string::npos);
  // The whole training writes a sentence part too; prune_model keeps it.
  EXPECT_NE(MappedModelFile::open(model_path_).value()->find(Component::Sentences), nullptr);
  std::string pruned = (dir_ / "chat_pruned.sitrep").string();
  ASSERT_TRUE(prune_model(o.output, pruned, 0.02, log));
  EXPECT_NE(MappedModelFile::open(pruned).value()->find(Component::Sentences), nullptr);
}

// --tagger-only: a new tagger part (other epochs: other bytes), the other parts copied; the
// result loads, tags, and prunes. A model whose XPOS list differs from the data's is refused.
TEST_F(TinyModel, TaggerOnlyKeepsTheOtherParts) {
  TrainOptions o;
  o.ud_files = {(dir_ / "tiny.conllu").string()};
  o.ner_file = (dir_ / "tiny.iob2").string();
  o.output = (dir_ / "tagger_only.sitrep").string();
  o.tagger_epochs = 3;
  o.tagger_only_from = model_path_;
  std::ostringstream log;
  auto r = train_model(o, log);
  ASSERT_TRUE(r) << r.error().message;
  expect_same_parts(model_path_, o.output, Component::Tagger);
  auto m = Model::load(o.output);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_NE(m.value()->description().find("tagger retrained"), std::string::npos);
  Analysis an = m.value()->analyze(kText);
  EXPECT_EQ(an.upos[7], Upos::NOUN);  // "ministers"
  std::string pruned = (dir_ / "tagger_only_pruned.sitrep").string();
  ASSERT_TRUE(prune_model(o.output, pruned, 0.02, log));
  EXPECT_TRUE(Model::load(pruned));

  std::ofstream(dir_ / "other.conllu") << "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
  o.ud_files = {(dir_ / "other.conllu").string()};
  auto bad = train_model(o, log);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("XPOS"), std::string::npos) << bad.error().message;
}

// --ner-lower: the NER also learns from lower-cased copies of its sentences, so names in text
// written all in lower case are found; the option is recorded in the model's description.
TEST_F(TinyModel, LowerCasedCopiesTeachLowerCaseNames) {
  auto names_in = [](const std::string& path, const std::string& text) {
    auto m = Model::load(path);
    EXPECT_TRUE(m) << m.error().message;
    return m ? m.value()->analyze(text).entities.size() : size_t(0);
  };
  const std::string lower = "erdogan called putin. the ministers met in ankara.";
  ASSERT_EQ(names_in(model_path_, kText), 5u);
  TrainOptions o = tiny_options((dir_ / "ner_lower.sitrep").string());
  o.ner_lower = 1.0;
  std::ostringstream log;
  auto r = train_model(o, log);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(log.str().find("3 lower-cased copies"), std::string::npos) << log.str();
  EXPECT_EQ(names_in(o.output, lower), 3u);
  EXPECT_EQ(names_in(o.output, kText), 5u);  // cased text still read as before
  auto m = Model::load(o.output);
  ASSERT_TRUE(m);
  EXPECT_NE(m.value()->description().find("--ner-lower 1"), std::string::npos);
}

// --lemmatizer-only: a lemmatizer part of the present version from the data's gold tags, the
// other parts copied; the result loads and lemmatizes.
TEST_F(TinyModel, LemmatizerOnlyKeepsTheOtherParts) {
  TrainOptions o;
  o.ud_files = {(dir_ / "tiny.conllu").string()};
  o.ner_file = (dir_ / "tiny.iob2").string();
  o.output = (dir_ / "lemmatizer_only.sitrep").string();
  o.lemmatizer_only_from = model_path_;
  std::ostringstream log;
  auto r = train_model(o, log);
  ASSERT_TRUE(r) << r.error().message;
  auto file = MappedModelFile::open(o.output);
  ASSERT_TRUE(file);
  ASSERT_TRUE(file.value()->find(Component::Lemmatizer));
  EXPECT_EQ(file.value()->find(Component::Lemmatizer)->version, kLemmatizerPartVersion);
  auto from = MappedModelFile::open(model_path_);
  ASSERT_TRUE(from);
  for (Component id : {Component::Tagger, Component::Parser, Component::Ner}) {
    auto* a = from.value()->find(id);
    auto* b = file.value()->find(id);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(std::string_view(a->data, a->size), std::string_view(b->data, b->size)) << int(id);
  }
  auto m = Model::load(o.output);
  ASSERT_TRUE(m) << m.error().message;
  Analysis an = m.value()->analyze(kText);
  EXPECT_EQ(an.lemma[7], "minister");  // "ministers"
}

// --parser-only: the parser the whole training makes (same data, tags and generator: same
// bytes), the other parts copied; the result loads and parses. Other epochs give other bytes; a
// model whose relations differ from the data's is refused.
TEST_F(TinyModel, ParserOnlyRetrainsTheWholeTrainingsParser) {
  TrainOptions o;
  o.ud_files = {(dir_ / "tiny.conllu").string()};
  o.ner_file = (dir_ / "tiny.iob2").string();
  o.output = (dir_ / "parser_only.sitrep").string();
  o.tagger_epochs = o.parser_epochs = o.ner_epochs = 15;
  o.jackknife = 0;
  o.parser_only_from = model_path_;
  std::ostringstream log;
  auto r = train_model(o, log);
  ASSERT_TRUE(r) << r.error().message;
  expect_same_parts(model_path_, o.output, std::nullopt);
  auto b = MappedModelFile::open(o.output);
  ASSERT_TRUE(b);
  EXPECT_EQ(b.value()->find(Component::Parser)->version, kParserPartVersion);
  auto m = Model::load(o.output);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_NE(m.value()->description().find("parser retrained"), std::string::npos);
  Analysis an = m.value()->analyze(kText);
  ASSERT_EQ(an.words.size(), 16u);
  EXPECT_EQ(an.head[0], 1);
  EXPECT_EQ(an.deprel_name(0), "nsubj");

  o.parser_epochs = 2;
  o.output = (dir_ / "parser_only2.sitrep").string();
  ASSERT_TRUE(train_model(o, log));
  expect_same_parts(model_path_, o.output, Component::Parser);

  // Same words, tags and XPOS, one relation renamed: the model's relation ids would not fit.
  std::string renamed = kConllu;
  renamed.replace(renamed.find("\tobl\t"), 5, "\tiobj\t");
  std::ofstream(dir_ / "renamed.conllu") << renamed;
  o.ud_files = {(dir_ / "renamed.conllu").string()};
  auto bad = train_model(o, log);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("relations"), std::string::npos) << bad.error().message;
}

TEST_F(TinyModel, TruncatedOrCorruptedFileIsRejected) {
  std::string bytes = slurp(model_path_);
  std::string bad = (dir_ / "bad.sitrep").string();
  for (size_t cut : {size_t(0), size_t(10), size_t(40), bytes.size() / 2, bytes.size() - 1}) {
    std::ofstream(bad, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(cut));
    auto m = Model::load(bad);
    EXPECT_FALSE(m) << "cut at " << cut;
  }
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << flipped;
  auto m = Model::load(bad);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("checksum"), std::string::npos);
  std::string foreign = "NOTAMODELFILE AT ALL, JUST TEXT THAT IS LONG ENOUGH";
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << foreign;
  EXPECT_FALSE(Model::load(bad));
  EXPECT_FALSE(Model::load((dir_ / "missing.sitrep").string()));
}

TEST(NlpReaders, MalformedConlluNamesTheLine) {
  fs::path p = fs::temp_directory_path() / ("sitrep_bad_" + std::to_string(::getpid()) + ".conllu");
  auto expect_error = [&](const std::string& content, const std::string& line, const std::string& what) {
    std::ofstream(p, std::ios::trunc) << content;
    auto r = read_conllu(p.string());
    ASSERT_FALSE(r) << content;
    EXPECT_EQ(r.error().locator, line);
    EXPECT_NE(r.error().message.find(what), std::string::npos) << r.error().message;
  };
  expect_error("# text = a b\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\n", "line 3", "10 tab-separated");
  expect_error("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", "line 2", "out of sequence");
  expect_error("1\ta\ta\tX\tX\t_\tzero\troot\t_\t_\n", "line 1", "not a number");
  expect_error("\n\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t7\tdep\t_\t_\n\n", "line 3", "outside the sentence");
  fs::remove(p);
}

TEST(NlpReaders, MalformedIob2NamesTheLine) {
  fs::path p = fs::temp_directory_path() / ("sitrep_bad_" + std::to_string(::getpid()) + ".iob2");
  std::ofstream(p, std::ios::trunc) << "# text = x\n1\tTurkey\tB-LOC\n2\twarned\tX-PER\n";
  auto r = read_iob2(p.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().locator, "line 3");
  std::ofstream(p, std::ios::trunc) << "1\tTurkey\tB-LOC\n\n1 Turkey B-LOC\n";
  r = read_iob2(p.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().locator, "line 3");
  std::ofstream(p, std::ios::trunc) << "1\tAl\tB-OTH\n2\tJazeera\tI-OTH\n3\tsaid\tB-O\n";
  r = read_iob2(p.string());
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value()[0].tags, (std::vector<std::string>{"O", "O", "O"}));
  fs::remove(p);
}

TEST(NlpReaders, GumEntitiesBecomeUnerStyleNames) {
  // GUM's entity layer marks every mention; only the proper names of persons, places and
  // organizations may come out, flattened outermost first, as UNER would mark them.
  auto row = [](int id, const char* form, const char* upos, int head, const char* rel, const char* entity) {
    return std::to_string(id) + "\t" + form + "\t" + form + "\t" + upos + "\t_\t_\t" + std::to_string(head) + "\t" + rel +
           "\t_\t" + (*entity ? std::string("Entity=") + entity : std::string("_")) + "\n";
  };
  std::string c = "# newdoc id = GUM_news_test\n# text = President Barack Obama's wife visited ...\n";
  c += row(1, "President", "PROPN", 3, "compound", "(1-person-new-nnnnn-cf1-5-coref(2-person-new-nnnnn-cf2-3-coref");
  c += row(2, "Barack", "PROPN", 3, "compound", "");
  c += row(3, "Obama", "PROPN", 5, "nmod:poss", "");
  c += row(4, "'s", "PART", 3, "case", "2)");
  c += row(5, "wife", "NOUN", 6, "nsubj", "1)");
  c += row(6, "visited", "VERB", 0, "root", "");
  c += row(7, "the", "DET", 8, "det", "(3-organization-new-nnnnn-cf3-2-sgl-University_of_Portsmouth");
  c += row(8, "University", "PROPN", 6, "obj", "");
  c += row(9, "of", "ADP", 10, "case", "");
  c += row(10, "Portsmouth", "PROPN", 8, "nmod", "(4-place-new-nnnnn-cf4-1-sgl-Portsmouth)");
  c += row(11, ",", "PUNCT", 13, "punct", "");
  c += row(12, "United", "VERB", 13, "amod", "(5-place-new-nnnnn-cf5-1,2-sgl-United_Kingdom");
  c += row(13, "Kingdom", "PROPN", 8, "appos", "5)3)");
  c += row(14, ".", "PUNCT", 6, "punct", "");
  c += "\n# text = The president met Smith and Jones.\n";
  c += row(1, "The", "DET", 2, "det", "(6-person-new-nnnnn-cf1-2-coref");
  c += row(2, "president", "NOUN", 3, "nsubj", "6)");
  c += row(3, "met", "VERB", 0, "root", "");
  c += row(4, "Smith", "PROPN", 3, "obj", "(7-person-new-nnnnn-cf2-1-sgl(8-person-new-nnnnn-cf3-1-sgl)");
  c += row(5, "and", "CCONJ", 6, "cc", "");
  c += row(6, "Jones", "PROPN", 4, "conj", "(9-person-new-nnnnn-cf4-1-sgl)7)");
  c += row(7, ".", "PUNCT", 3, "punct", "");
  c += "\n# text = Mr. Key met illustrator Johnnie Christmas and the president of France.\n";
  c += row(1, "Mr.", "PROPN", 2, "compound", "(10-person-new-nnnnn-cf1-2-coref");
  c += row(2, "Key", "PROPN", 3, "nsubj", "10)");
  c += row(3, "met", "VERB", 0, "root", "");
  c += row(4, "illustrator", "NOUN", 3, "obj", "(11-person-new-nnnnn-cf2-1-sgl");
  c += row(5, "Johnnie", "PROPN", 4, "appos", "");
  c += row(6, "Christmas", "PROPN", 5, "flat", "11)");
  c += row(7, "and", "CCONJ", 9, "cc", "");
  c += row(8, "the", "DET", 9, "det", "(12-person-new-nnnnn-cf3-2-sgl");
  c += row(9, "president", "NOUN", 4, "conj", "");
  c += row(10, "of", "ADP", 11, "case", "");
  c += row(11, "France", "PROPN", 9, "nmod", "(13-place-new-nnnnn-cf4-1-sgl)12)");
  c += row(12, ".", "PUNCT", 3, "punct", "");
  c += "\n";
  fs::path p = fs::temp_directory_path() / ("sitrep_gum_" + std::to_string(::getpid()) + ".conllu");
  std::ofstream(p, std::ios::trunc) << c;
  auto r = read_conllu(p.string());
  fs::remove(p);
  ASSERT_TRUE(r) << r.error().message;
  auto n = gum_named_entities(r.value());
  ASSERT_EQ(n.size(), 3u);
  EXPECT_TRUE(n[0].new_doc);
  using V = std::vector<std::string>;
  EXPECT_EQ(n[0].tags, (V{"O", "B-PER", "I-PER", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "O"}));
  EXPECT_EQ(n[1].tags, (V{"O", "O", "O", "B-PER", "O", "B-PER", "O"}));
  EXPECT_EQ(n[2].tags, (V{"O", "B-PER", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O"}));
  EXPECT_EQ(n[2].words[4], "Johnnie");
}

TEST(IrregularForms, ParsesRowsMarksAmbiguousFormsAndNamesBadLines) {
  std::string error;
  auto t = sitrep::nlp::IrregularForms::parse(
      "# comment\nV\tflee\tfled\tfled\nV\tsee\tsaw~\tseen\nN\tgoose\tgeese\nV\tget\tgot\tgotten|got\nV\tbroken\n", &error);
  using namespace sitrep::nlp;
  ASSERT_NE(t.find("fled"), nullptr);
  EXPECT_EQ(t.find("fled")->lemma, "flee");
  EXPECT_EQ(t.find("fled")->tags, kIrrPast | kIrrParticiple);
  EXPECT_TRUE(t.find("fled")->restrict);
  ASSERT_NE(t.find("saw"), nullptr);
  EXPECT_FALSE(t.find("saw")->restrict);  // also a noun: lemma only
  EXPECT_TRUE(t.find("seen")->restrict);
  EXPECT_EQ(t.find("geese")->tags, kIrrPlural);
  EXPECT_EQ(t.find("got")->tags, kIrrPast | kIrrParticiple);
  EXPECT_EQ(t.find("see"), nullptr);
  EXPECT_NE(error.find("line 6"), std::string::npos) << error;
  EXPECT_GT(IrregularForms::english().size(), 250u);
}

TEST(CommittedModel, IrregularPastFormsAreVerbsWithTheirLemma) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  std::string text = "Troops withdrew from the town and civilians fled.";
  auto a = m.value()->analyze(text);
  auto word = [&](std::string_view w) -> size_t {
    for (size_t i = 0; i < a.words.size(); ++i)
      if (text.substr(a.words[i].begin, a.words[i].end - a.words[i].begin) == w) return i;
    return a.words.size();
  };
  size_t withdrew = word("withdrew"), fled = word("fled");
  ASSERT_LT(withdrew, a.words.size());
  ASSERT_LT(fled, a.words.size());
  // The statistical tagger alone made "withdrew" a preposition, and training data taught
  // "fled" -> "flead".
  EXPECT_EQ(a.labels->xpos[a.xpos[withdrew]], "VBD");
  EXPECT_EQ(a.lemma[withdrew], "withdraw");
  EXPECT_EQ(a.lemma[fled], "flee");
}

// A past participle the training data shows only as a past tense takes that lemma: the suffix
// rules cut unseen VBN "freed" to "fre".
TEST(CommittedModel, PastParticipleSeenAsPastTenseKeepsItsLemma) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  std::string text = "They have freed the hostages. Police freed 20 people.";
  auto a = m.value()->analyze(text);
  int freed = 0;
  for (size_t i = 0; i < a.words.size(); ++i)
    if (text.substr(a.words[i].begin, a.words[i].end - a.words[i].begin) == "freed") {
      ++freed;
      EXPECT_EQ(a.lemma[i], "free") << a.labels->xpos[a.xpos[i]];
    }
  EXPECT_EQ(freed, 2);
}

// A sentence with no finite verb takes its likeliest participle as the past tense when that was
// a close second: greedy tagging read "fired", "threatened" and "demanded" as participles
// because nothing left of them says a verb is still to come. Fragments keep their participles.
TEST(CommittedModel, ASentenceWithoutAVerbTakesItsParticipleAsThePast) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  auto xpos_of = [&](const std::string& text, std::string_view w) {
    auto a = m.value()->analyze(text);
    for (size_t i = 0; i < a.words.size(); ++i)
      if (text.substr(a.words[i].begin, a.words[i].end - a.words[i].begin) == w) return a.labels->xpos[a.xpos[i]];
    return std::string("(missing)");
  };
  EXPECT_EQ(xpos_of("The soldiers fired into the angry crowd near the bridge, wounding six.", "fired"), "VBD");
  EXPECT_EQ(xpos_of("Rebels threatened to kill the mayor of Homs in retaliation for the raid.", "threatened"), "VBD");
  EXPECT_EQ(xpos_of("Jan Egeland, the United Nations Emergency Relief Coordinator, demanded parties to the war "
                    "in Yemen to allow aid workers freedom of movement.",
                    "demanded"),
            "VBD");
  // A fragment, and a sentence with a verb elsewhere, keep the participle.
  EXPECT_EQ(xpos_of("A very well established service with a friendly staff.", "established"), "VBN");
  EXPECT_EQ(xpos_of("The police said the man detained on Monday was released.", "detained"), "VBN");
}

// Suffix keys of different tags must not meet: version 1 seeded the string hash with the tag, and
// XXH3 keys strings of 1-3 bytes by XOR with secret + seed, so "ief" under one tag shared the key
// of "ies" under another (tags 1 and 14 here) and an unknown proper name "Brief" became "bry".
TEST(Lemmatizer, ShortSuffixesOfDifferentTagsKeepTheirOwnRules) {
  std::vector<TrainSentence> data(2);
  data[0].forms = {"studies", "flies", "tries"};
  data[0].lemmas = {"study", "fly", "try"};
  data[0].xpos = {14, 14, 14};
  data[1].forms = {"Chief", "Thief"};
  data[1].lemmas = {"Chief", "Thief"};
  data[1].xpos = {1, 1};
  std::string bytes = train_lemmatizer(data);
  PartReader in(bytes.data(), bytes.size());
  auto l = Lemmatizer::read(in);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->lemma("Brief", 1), "Brief");
  EXPECT_EQ(l->lemma("carries", 14), "carry");
  for (uint16_t a = 0; a < 64; ++a)
    for (uint16_t b = 0; b < 64; ++b) {
      EXPECT_NE(lemma_suffix_key("ief", a), lemma_suffix_key("ies", b)) << a << " " << b;
      EXPECT_NE(lemma_form_key("ief", a), lemma_suffix_key("ief", b)) << a << " " << b;
    }
}

// Lemma rules cut bytes: a cut inside a multi-byte character would print invalid UTF-8 (the
// shipped model made "Juárez" "Ju\xC3erez", and `analyze --format json` then failed on
// allsides_intl). Such a rule leaves the word alone, and JSON output never fails on bad bytes.
TEST(Lemmatizer, RulesNeverSplitACharacter) {
  EXPECT_EQ(apply_lemma_rule("Juárez", "F4|erez"), "Juárez");
  EXPECT_EQ(apply_lemma_rule("Juárez", "F3|z"), "Juáz");
  EXPECT_EQ(apply_lemma_rule("studies", "L3|y"), "study");
}

TEST(CommittedModel, LemmasAndJsonStayValidUtf8) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  std::string text = "The government runs a shelter in Ciudad Juárez, near El Paso.";
  auto a = m.value()->analyze(text);
  auto valid = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (n == 0 || i + n > s.size()) return false;
      for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      i += n;
    }
    return true;
  };
  for (size_t i = 0; i < a.words.size(); ++i) EXPECT_TRUE(valid(a.lemma[i])) << i << ": " << a.lemma[i];
  std::string bad = "Turkey warned \xff\xfe Greece.";
  auto b = m.value()->analyze(bad);
  std::string json;
  EXPECT_NO_THROW(json = analysis_json(bad, b, "bad"));
  EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD in place of the bad bytes
}

// News puts a title and what qualifies it before a name; the recognizer's person span took them
// in (46 of 12,829 PER spans over 400 allsides_intl stories). The name after the title stays.
TEST(NerSpans, TitlesBeforeANameAreTrimmed) {
  std::vector<std::string_view> forms = {"Wisconsin", "Gov.", "Scott", "Walker", "met", "Crown", "Prince", "Mohammed",
                                         "bin", "Salman", "and", "Peter", "T.", "King", "Prince", "Harry"};
  std::vector<EntitySpan> spans = {{10, 14, EntityType::PER}, {15, 20, EntityType::PER}, {21, 24, EntityType::PER},
                                   {24, 26, EntityType::PER}, {10, 12, EntityType::LOC}};
  trim_titles(forms, 10, spans, 0);
  EXPECT_EQ(spans[0].word_begin, 12u);  // Scott Walker
  EXPECT_EQ(spans[1].word_begin, 17u);  // Mohammed bin Salman
  EXPECT_EQ(spans[2].word_begin, 21u);  // Peter T. King: no title inside
  EXPECT_EQ(spans[3].word_begin, 24u);  // Prince Harry: the title is the span's first word
  EXPECT_EQ(spans[4].word_begin, 10u);  // not a person
}

namespace {
// The texts of the entities of one type the model finds in `text`.
std::vector<std::string> entity_texts(const Model& m, const std::string& text, EntityType type) {
  auto a = m.analyze(text);
  std::vector<std::string> out;
  for (const auto& e : a.entities)
    if (e.type == type)
      out.push_back(text.substr(a.words[e.word_begin].begin, a.words[e.word_end - 1].end - a.words[e.word_begin].begin));
  return out;
}
}  // namespace

TEST(CommittedModel, ThePersonAfterATitleIsTheName) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(entity_texts(*m.value(), "Florida Sen. Marco Rubio said the vote would fail.", EntityType::PER),
            std::vector<std::string>{"Marco Rubio"});
}

// GUM tags the participle of a name ("the United Nations") VERB with lemma "Unite"; EWT, the
// test set, ADJ with the form as lemma. Training brings GUM to EWT; other words stay.
TEST(NlpReaders, NameParticiplesTakeEwtsTagForTraining) {
  UdSentence s;
  auto word = [](const char* form, const char* lemma, const char* upos, const char* xpos) {
    UdWord w;
    w.form = form, w.lemma = lemma, w.upos = upos, w.xpos = xpos;
    return w;
  };
  s.words = {word("the", "the", "DET", "DT"), word("United", "Unite", "VERB", "NNP"),
             word("Nations", "Nation", "PROPN", "NNPS"), word("Keep", "keep", "VERB", "NNP"),
             word("united", "unite", "VERB", "VBN")};
  EXPECT_EQ(harmonize_to_ewt(s), 1u);
  EXPECT_EQ(s.words[1].upos, "ADJ");
  EXPECT_EQ(s.words[1].lemma, "United");
  EXPECT_EQ(s.words[2].upos, "PROPN");
  EXPECT_EQ(s.words[3].upos, "VERB");
  EXPECT_EQ(s.words[4].upos, "VERB");
}

// The runtime scorer rebuilds the file's table in memory (compact slots, dense rows for
// features that touch many classes, sparse runs for the rest): what it scores must be what the
// trainer's averaged weights say, for dense, sparse, repeated and unknown features alike.
TEST(LinearScorer, ScoresWhatTheAveragedWeightsSay) {
  constexpr uint32_t kClasses = 40;
  AveragedPerceptron p(kClasses);
  const FeatureKey dense = fkey(1, 1), sparse = fkey(1, 2), pair = fkey(1, 3), unknown = fkey(1, 4);
  for (uint32_t c = 0; c < kClasses; ++c) p.add(std::span<const FeatureKey>(&dense, 1), c, float(c) - 20.f);
  p.add(std::span<const FeatureKey>(&sparse, 1), 5, 10.f);
  p.add(std::span<const FeatureKey>(&pair, 1), 7, -3.f);
  p.add(std::span<const FeatureKey>(&pair, 1), 9, 4.f);
  // Enough other features that lookups probe past occupied slots.
  for (uint64_t k = 0; k < 5000; ++k) {
    FeatureKey f = fkey(2, k);
    p.add(std::span<const FeatureKey>(&f, 1), uint32_t(k % kClasses), float(k % 7) + 1.f);
  }
  p.tick();  // averages are half the weights: every weight was added one tick before the end
  PartWriter w;
  p.write(w, 0.0);
  PartReader r(w.bytes().data(), w.bytes().size());
  auto scorer = read_scorer(r);
  ASSERT_NE(scorer, nullptr);
  ASSERT_EQ(scorer->classes(), kClasses);
  const float step = 10.f / 32767.f;  // the largest average, 20 / 2, is quantized to 32767
  std::vector<std::vector<FeatureKey>> inputs = {
      {dense}, {sparse}, {pair}, {unknown}, {dense, sparse, pair, unknown, sparse}, {fkey(2, 41), fkey(2, 4999), dense}};
  for (const auto& in : inputs) {
    std::vector<float> got(kClasses), want(kClasses);
    scorer->score(in, got);
    p.score(in, want);
    for (uint32_t c = 0; c < kClasses; ++c) EXPECT_NEAR(got[c], want[c] / 2.f, 4 * step) << "class " << c;
  }
  std::vector<float> got(kClasses);
  std::vector<FeatureKey> none = {unknown, fkey(3, 9)};
  scorer->score(none, got);
  for (float v : got) EXPECT_EQ(v, 0.f);
}

// Parameter mixing (sitrep train --mix): one perceptron trained alone gives the weights it always
// did; several give the mean of their averaged weights, each perceptron on its own generator (so
// their orders differ) and the whole deterministic given the seed.
TEST(LinearScorer, MixedPerceptronsAverageTheirWeights) {
  constexpr uint32_t kClasses = 4;
  const FeatureKey f = fkey(1, 1);
  // Each perceptron adds 1 to the class its generator draws first, 3 times, ticking once at the end.
  auto train = [&](AveragedPerceptron& model, Rng& order, std::ostream& log) {
    for (int k = 0; k < 3; ++k) model.add(std::span<const FeatureKey>(&f, 1), uint32_t(order() % kClasses), 1.f);
    model.tick();
    log << "trained\n";
  };
  auto weight_of = [&](const AveragedPerceptron::Averaged& a, uint16_t cls) {
    double w = 0;
    for (auto [c, v] : a.at(f))
      if (c == cls) w += v;
    return w;
  };
  std::ostringstream log;
  Rng one(7), alone(7);
  auto single = train_mixed(kClasses, 1, one, log, train);
  AveragedPerceptron reference(kClasses);
  train(reference, alone, log);
  AveragedPerceptron::Averaged want;
  reference.accumulate(want, 1.0);
  for (uint16_t c = 0; c < kClasses; ++c) EXPECT_DOUBLE_EQ(weight_of(single, c), weight_of(want, c));
  // Three perceptrons: the mean of what each would give on its own generator.
  Rng mixing(7), seeds(7);
  auto mixed = train_mixed(kClasses, 3, mixing, log, train);
  AveragedPerceptron::Averaged sum;
  double total = 0;
  for (int m = 0; m < 3; ++m) {
    Rng own(seeds());
    AveragedPerceptron p(kClasses);
    train(p, own, log);
    p.accumulate(sum, 1.0 / 3);
  }
  for (uint16_t c = 0; c < kClasses; ++c) {
    EXPECT_NEAR(weight_of(mixed, c), weight_of(sum, c), 1e-12) << "class " << c;
    total += weight_of(mixed, c);
  }
  EXPECT_NEAR(total, 1.5, 1e-12);  // three additions a perceptron, made one tick before its end of two
  EXPECT_NE(log.str().find("perceptron 3/3"), std::string::npos);
  Rng again(7);
  auto repeat = train_mixed(kClasses, 3, again, log, train);
  for (uint16_t c = 0; c < kClasses; ++c) EXPECT_DOUBLE_EQ(weight_of(repeat, c), weight_of(mixed, c));
}

// The shipped model's sentence part ends web text's unpunctuated sentences and leaves news
// sentences whole. (Short chat lines such as "thanks I have tried calling them" it leaves
// whole: what it learned from EWT is mostly mail headers, signatures and colons.)
// A garden path for the greedy parser: it reads "strike" as the root and "is still continuing"
// as a clause of "began"; the beam keeps the parse that ends better.
TEST(CommittedModel, BeamSearchLeavesAGardenPath) {
  ModelOptions wide;
  wide.parser_beam = 4;
  auto m = Model::load(Model::default_path(), wide);
  ASSERT_TRUE(m) << m.error().message;
  const std::string text = "A national seamen's strike which began on February 27 is still continuing.";
  Analysis a = m.value()->analyze(text);
  std::vector<std::string> forms;
  for (const auto& w : a.words) forms.push_back(text.substr(w.begin, w.end - w.begin));
  auto at = [&](const char* f) { return int(std::find(forms.begin(), forms.end(), f) - forms.begin()); };
  ASSERT_LT(at("continuing"), int(forms.size()));
  EXPECT_EQ(a.head[size_t(at("continuing"))], -1);
  EXPECT_EQ(a.head[size_t(at("strike"))], at("continuing"));
  EXPECT_EQ(a.deprel_name(size_t(at("strike"))), "nsubj");
  EXPECT_EQ(a.head[size_t(at("began"))], at("strike"));
}

TEST(CommittedModel, UnpunctuatedSentenceEndsAreFound) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  auto starts = [&](const std::string& text) {
    auto a = m.value()->analyze(text);
    std::vector<std::string> first;
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      const auto& w = a.words[a.sentence_begin(s)];
      first.push_back(text.substr(w.begin, w.end - w.begin));
    }
    return first;
  };
  // An e-mail's signature and date line, a colon before a new sentence (EWT's web text).
  EXPECT_EQ(starts("Kay Mann 04/26/2001 07:17 AM Will you be providing an execution version with the blanks filled in?"),
            (std::vector<std::string>{"Kay", "04/26/2001", "Will"}));
  EXPECT_EQ(starts("He announced this in January: As of January 10, 2005, my source of income changed."),
            (std::vector<std::string>{"He", "As"}));
  EXPECT_EQ(starts("Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin discussed Idlib "
                   "in a phone call on Friday, the Kremlin said in a statement."),
            std::vector<std::string>{"Turkish"});
}

// Companies the gazetteer knows under several kinds of name (Toyota is also a surname and a
// Japanese town) or that open the sentence are organizations (stop 36's per-kind features:
// before them "Toyota" was a person and the first-word "Google" no name at all).
TEST(CommittedModel, KnownCompaniesAreOrganizations) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  for (std::string text : {"Google bought a company.", "Shares of Toyota fell."}) {
    EXPECT_EQ(entity_texts(*m.value(), text, EntityType::ORG).size(), 1u) << text;
    EXPECT_EQ(m.value()->analyze(text).entities.size(), 1u) << text;
  }
}

// Armed forces are organizations (stop 37: "army", "forces", "front" among the institution cue
// words; before them "Israeli Defense Forces", tagged ADJ NOUN NOUN, was no name at all).
TEST(CommittedModel, ArmedForcesAreOrganizations) {
  auto m = Model::load(Model::default_path());
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(entity_texts(*m.value(),
                         "The Israeli Defense Forces struck Gaza on Monday, and Turkish Armed Forces shelled Afrin.",
                         EntityType::ORG),
            (std::vector<std::string>{"Israeli Defense Forces", "Turkish Armed Forces"}));
}

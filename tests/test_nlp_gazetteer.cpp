// The NER gazetteer: longest-match annotation, its storage in the model file, the names it takes
// from the knowledge base, and retraining only the NER of a model.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kb/kb.h"
#include "nlp/gazetteer.h"
#include "nlp/ner.h"
#include "nlp/model_file.h"
#include "nlp/nlp.h"
#include "nlp/train.h"
#include "nlp/train_parts.h"

using namespace sitrep::nlp;
namespace fs = std::filesystem;

namespace {

uint64_t key_of(std::vector<std::string_view> words) { return gazetteer_key(words); }

Gazetteer small_gazetteer() {
  return Gazetteer::build({{key_of({"Bank"}), kGazPrefix},
                           {key_of({"Bank", "of"}), kGazPrefix},
                           {key_of({"Bank", "of", "America"}), kGazOrg},
                           {key_of({"America"}), kGazCountry},
                           {key_of({"Recep"}), kGazFirstName},
                           {key_of({"Erdogan"}), kGazSurname},
                           {key_of({"Erdoğan"}), kGazPerson},  // folds to the same key: bits merge
                           {key_of({"Reading"}), kGazSmallPlace}});
}

GazCodes annotate(const Gazetteer& g, std::vector<std::string_view> words) {
  std::vector<WordKeys> keys;
  for (auto w : words) keys.push_back(word_keys(w));
  GazCodes out;
  g.annotate(words, keys, out);
  return out;
}

}  // namespace

TEST(Gazetteer, LongestNameFromACapitalizedWordWithPositions) {
  Gazetteer g = small_gazetteer();
  auto c = annotate(g, {"He", "works", "at", "Bank", "of", "America", "with", "Recep", "Erdogan", "."});
  EXPECT_EQ(c.span[3], kGazOrg * 4 + 0);  // begin
  EXPECT_EQ(c.span[4], kGazOrg * 4 + 1);  // inside
  EXPECT_EQ(c.span[5], kGazOrg * 4 + 2);  // last: not the country on its own
  EXPECT_EQ(c.span[0], 0u);
  EXPECT_EQ(c.span[7], kGazFirstName * 4 + 3);
  EXPECT_EQ(c.span[8], (kGazSurname | kGazPerson) * 4 + 3);
  EXPECT_EQ(c.word[5], kGazCountry);  // the word alone is still a country
  EXPECT_EQ(c.word[3], 0u);           // a prefix only is not a kind
}

TEST(Gazetteer, LowerCaseStartsOnlyForCountriesAndBigPlaces) {
  Gazetteer g = small_gazetteer();
  auto c = annotate(g, {"i", "live", "in", "america", "near", "reading", "bank", "of", "america"});
  EXPECT_EQ(c.span[3], (kGazCountry | kGazLowerCase) * 4 + 3);
  EXPECT_EQ(c.span[5], 0u);  // a small place in lower case is the verb
  EXPECT_EQ(c.span[6], 0u);  // "bank of america" in lower case is not matched as the bank
  EXPECT_EQ(c.span[8], (kGazCountry | kGazLowerCase) * 4 + 3);
  auto cap = annotate(g, {"Reading"});
  EXPECT_EQ(cap.span[0], kGazSmallPlace * 4 + 3);
}

TEST(Gazetteer, RoundTripsThroughAModelPart) {
  Gazetteer g = small_gazetteer();
  PartWriter w;
  g.write(w);
  const std::string& bytes = w.bytes();
  PartReader in(bytes.data(), bytes.size());
  Gazetteer back;
  ASSERT_TRUE(back.read(in));
  EXPECT_EQ(back.size(), g.size());
  EXPECT_EQ(back.lookup(key_of({"Bank", "of", "America"})), uint32_t(kGazOrg));
  EXPECT_EQ(back.lookup(key_of({"Nowhere"})), 0u);
  std::string cut = bytes.substr(0, bytes.size() - 3);
  PartReader short_in(cut.data(), cut.size());
  Gazetteer damaged;
  EXPECT_FALSE(damaged.read(short_in));
}

TEST(Gazetteer, TakesNamesFromTheKnowledgeBase) {
  auto kb = sitrep::kb::Kb::open(sitrep::kb::Kb::default_path());
  ASSERT_TRUE(kb) << kb.error().message;
  Gazetteer g = gazetteer_from_kb(*kb.value());
  EXPECT_GT(g.size(), 10000u);
  EXPECT_TRUE(g.lookup(key_of({"Erdogan"})) & kGazSurname);
  EXPECT_TRUE(g.lookup(key_of({"Recep"})) & kGazFirstName);
  EXPECT_TRUE(g.lookup(key_of({"Turkey"})) & kGazCountry);
  EXPECT_TRUE(g.lookup(key_of({"Turkish"})) & kGazDemonym);
  EXPECT_TRUE(g.lookup(key_of({"NATO"})) & kGazOrg);
  EXPECT_TRUE(g.lookup(key_of({"Idlib"})) & (kGazBigPlace | kGazSmallPlace));
  EXPECT_TRUE(g.lookup(key_of({"Vladimir", "Putin"})) & kGazPerson);
  EXPECT_TRUE(g.lookup(key_of({"Vladimir"})) & kGazPrefix);
}

namespace {

const char* kConllu =
    "# text = Erdogan called Putin.\n"
    "1\tErdogan\tErdogan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tPutin\tPutin\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "# text = Ankara warned Moscow.\n"
    "1\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
const char* kIob2 =
    "1\tErdogan\tB-PER\n2\tcalled\tO\n3\tPutin\tB-PER\n4\t.\tO\n\n"
    "1\tAnkara\tB-LOC\n2\twarned\tO\n3\tMoscow\tB-LOC\n4\t.\tO\n\n";

// Writes `conllu` (and the IOB2 names) into a fresh folder named after `tag` and returns options
// that train a whole tiny model there without the KB gazetteer.
TrainOptions tiny_options(const std::string& tag, const std::string& conllu, int epochs, fs::path& dir) {
  dir = fs::temp_directory_path() / ("sitrep_" + tag + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "t.conllu") << conllu;
  std::ofstream(dir / "t.iob2") << kIob2;
  TrainOptions o;
  o.ud_files = {(dir / "t.conllu").string()};
  o.ner_file = (dir / "t.iob2").string();
  o.output = (dir / "full.sitrep").string();
  o.tagger_epochs = o.parser_epochs = o.ner_epochs = epochs;
  o.jackknife = 0;
  o.gazetteer = false;
  return o;
}

}  // namespace

TEST(NerRetrain, KeepsTheOtherPartsAndWritesAGazetteerPart) {
  fs::path dir;
  TrainOptions o = tiny_options("gaz", kConllu, 10, dir);
  std::ostringstream log;
  ASSERT_TRUE(train_model(o, log));
  o.gazetteer = true;
  o.output = (dir / "ner.sitrep").string();
  auto r = retrain_ner(o, (dir / "full.sitrep").string(), log);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().ner_sentences, 2u);
  auto a = MappedModelFile::open((dir / "full.sitrep").string());
  auto b = MappedModelFile::open((dir / "ner.sitrep").string());
  ASSERT_TRUE(a && b);
  for (Component id : {Component::Tagger, Component::Lemmatizer, Component::Parser}) {
    auto *pa = a.value()->find(id), *pb = b.value()->find(id);
    ASSERT_TRUE(pa && pb);
    EXPECT_EQ(std::string(pa->data, pa->size), std::string(pb->data, pb->size));
  }
  const auto* ner = b.value()->find(Component::Ner);
  ASSERT_TRUE(ner);
  EXPECT_EQ(ner->version, kNerPartVersion);
  PartReader in(ner->data, ner->size);
  Gazetteer g;
  ASSERT_TRUE(g.read(in));
  EXPECT_GT(g.size(), 10000u);
  auto m = Model::load((dir / "ner.sitrep").string());
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_NE(m.value()->description().find("NER retrained"), std::string::npos);
  Analysis an = m.value()->analyze("Erdogan called Putin.");
  ASSERT_EQ(an.entities.size(), 2u);
  EXPECT_EQ(an.entities[0].type, EntityType::PER);

  // A model written before the gazetteer (NER part version 1: the scorer alone, IOB2 classes and
  // other features) is refused with a message to retrain, not read with the wrong features.
  PartReader skip(ner->data, ner->size);
  Gazetteer ignored;
  ASSERT_TRUE(ignored.read(skip));
  size_t used = ner->size - skip.remaining();
  std::vector<ModelPart> parts;
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser}) {
    auto* p = b.value()->find(id);
    parts.push_back({id, p->version, std::string(p->data, p->size)});
  }
  parts.push_back({Component::Ner, 1, std::string(ner->data + used, ner->size - used)});
  ASSERT_TRUE(write_model_file((dir / "v1.sitrep").string(), parts));
  auto old = Model::load((dir / "v1.sitrep").string());
  ASSERT_FALSE(old);
  EXPECT_NE(old.error().message.find("retrain"), std::string::npos) << old.error().message;
  fs::remove_all(dir);
}

// Retraining the NER of a model whose tagger part is version 2 (no frequent forms) brings that
// part to the present version: the same bytes, then the frequent forms of the training sentences.
TEST(NerRetrain, UpgradesAVersionTwoTaggerPart) {
  std::string conllu;
  for (int i = 0; i < kFrequentMinCount; ++i) conllu += kConllu;  // each form 20 times
  fs::path dir;
  TrainOptions o = tiny_options("up", conllu, 2, dir);
  std::ostringstream log;
  ASSERT_TRUE(train_model(o, log));
  std::vector<ModelPart> parts;
  {
    auto full = MappedModelFile::open(o.output);
    ASSERT_TRUE(full);
    for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner}) {
      auto* p = full.value()->find(id);
      ASSERT_TRUE(p);
      parts.push_back({id, p->version, std::string(p->data, p->size)});
    }
  }
  ASSERT_EQ(parts[1].version, kTaggerPartVersion);
  PartReader in(parts[1].bytes.data(), parts[1].bytes.size());
  in.array<TagClass>();
  TagDictionary dict;
  ASSERT_TRUE(dict.read(in));
  ASSERT_TRUE(read_scorer(in));
  std::string v2 = parts[1].bytes.substr(0, parts[1].bytes.size() - in.remaining());
  parts[1] = {Component::Tagger, 2, v2};
  std::string old_path = (dir / "v2.sitrep").string();
  ASSERT_TRUE(write_model_file(old_path, parts));
  ASSERT_TRUE(Model::load(old_path));  // still read, scoring every word
  o.output = (dir / "up.sitrep").string();
  auto r = retrain_ner(o, old_path, log);
  ASSERT_TRUE(r) << r.error().message;
  auto up = MappedModelFile::open(o.output);
  ASSERT_TRUE(up);
  const auto* t = up.value()->find(Component::Tagger);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->version, 3);  // version 2 and the frequent forms; no lexicon (version 4)
  std::string bytes(t->data, t->size);
  ASSERT_GT(bytes.size(), v2.size());
  EXPECT_EQ(bytes.substr(0, v2.size()), v2);
  PartReader tail(bytes.data() + v2.size(), bytes.size() - v2.size());
  TagDictionary frequent;
  ASSERT_TRUE(frequent.read(tail));
  EXPECT_NE(frequent.exact(word_keys("called").form), nullptr);
  EXPECT_EQ(frequent.exact(word_keys("xyzzy").form), nullptr);
  auto m = Model::load(o.output);
  ASSERT_TRUE(m) << m.error().message;
  Analysis a = m.value()->analyze("Erdogan called Putin.");
  ASSERT_EQ(a.upos.size(), 4u);
  EXPECT_EQ(a.upos[1], Upos::VERB);
  fs::remove_all(dir);
}

// The runtime model: the mapped file and the components read from it.
#include <cstdlib>
#include <filesystem>

#include "nlp/irregular.h"
#include "nlp/lemmatizer.h"
#include "nlp/model_file.h"
#include "nlp/ner.h"
#include "nlp/nlp.h"
#include "nlp/parser.h"
#include "nlp/sentences.h"
#include "nlp/tagger.h"
#include "nlp/tokenizer.h"

namespace sitrep::nlp {
namespace {

class LoadedModel final : public Model {
 public:
  std::shared_ptr<const MappedModelFile> file;
  std::shared_ptr<const LabelNames> names;
  std::string info;
  std::unique_ptr<const Tagger> tagger;
  std::unique_ptr<const Lemmatizer> lemmatizer;
  std::unique_ptr<const Parser> parser;
  std::unique_ptr<const EntityRecognizer> ner;
  std::unique_ptr<const Scorer> boundaries;  // the sentence part; null in models without one
  std::vector<uint8_t> xpos_bits;   // IrregularTag bits of each XPOS tag
  std::vector<uint8_t> lemma_bits;  // the same without JJ (an adjective is its own lemma)

  Analysis analyze(std::string_view text) const override {
    Analysis a = segment(text);
    annotate(text, a);
    return a;
  }

  Analysis segment(std::string_view text) const override {
    Analysis a;
    tokenize(text, a);
    split_sentences(text, a, boundaries.get());
    return a;
  }

  void annotate(std::string_view text, Analysis& a) const override {
    size_t n = a.words.size();
    a.labels = names;
    a.upos.assign(n, Upos::X);
    a.xpos.assign(n, 0);
    a.lemma.assign(n, {});
    a.head.assign(n, -1);
    a.deprel.assign(n, 0);
    a.entities.clear();
    std::vector<WordKeys> keys(n);
    std::vector<std::string_view> forms(n);
    // Irregular forms: an all-lower-case "withdrew" is a past tense whatever the scores say.
    const IrregularForms& irregular = IrregularForms::english();
    std::vector<const IrregularForms::Entry*> irr(n);
    std::vector<uint8_t> allowed(n);
    for (size_t i = 0; i < n; ++i) {
      forms[i] = text.substr(a.words[i].begin, a.words[i].end - a.words[i].begin);
      keys[i] = word_keys(forms[i]);
      std::string_view f = forms[i];
      bool lower = !f.empty() && f.size() <= 20;
      for (char ch : f) lower = lower && ch >= 'a' && ch <= 'z';
      if (lower && (irr[i] = irregular.find(f)) && irr[i]->restrict) allowed[i] = irr[i]->tags;
    }
    std::vector<uint16_t> cls(n), ner_cls(n);
    std::vector<int32_t> heads(n);
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
      if (b >= e) continue;
      std::span<const WordKeys> wk(keys.data() + b, e - b);
      std::span<uint16_t> c(cls.data() + b, e - b);
      tagger->tag(wk, c, std::span<const uint8_t>(allowed.data() + b, e - b));
      for (uint32_t i = b; i < e; ++i) {
        const TagClass& tc = tagger->tag_class(cls[i]);
        a.upos[i] = Upos(tc.upos);
        a.xpos[i] = tc.xpos;
        // (A listed form that is nothing else takes the listed lemma even over training data,
        // which has slips such as "fled" -> "flead"; adjectives keep their own form.)
        if (irr[i] && (irr[i]->tags & lemma_bits[tc.xpos]) && (irr[i]->restrict || !lemmatizer->seen(forms[i], tc.xpos)))
          a.lemma[i] = irr[i]->lemma;
        else
          a.lemma[i] = lemmatizer->lemma(forms[i], tc.xpos);
      }
      parser->parse(wk, c, std::span<int32_t>(heads.data() + b, e - b), std::span<uint16_t>(a.deprel.data() + b, e - b));
      for (uint32_t i = b; i < e; ++i) a.head[i] = heads[i] < 0 ? -1 : int32_t(b) + heads[i];
      ner->tag(wk, std::span<const std::string_view>(forms.data() + b, e - b), std::span<const Upos>(a.upos.data() + b, e - b),
               std::span<uint16_t>(ner_cls.data() + b, e - b));
      size_t first = a.entities.size();
      bilou_to_spans(std::span<const uint16_t>(ner_cls.data() + b, e - b), b, a.entities);
      trim_titles(std::span<const std::string_view>(forms.data() + b, e - b), b, a.entities, first);
    }
  }

  std::shared_ptr<const LabelNames> labels() const override { return names; }
  std::string description() const override { return info; }
};

}  // namespace

Expected<std::shared_ptr<const Model>> Model::load(const std::string& path) {
  auto file = MappedModelFile::open(path);
  if (!file) return file.error();
  auto m = std::make_shared<LoadedModel>();
  m->file = file.value();
  auto part = [&](Component id) -> const MappedModelFile::Part* { return m->file->find(id); };
  auto bad = [&](const char* what) { return Error{path, "", std::string("model part '") + what + "' missing or damaged"}; };
  auto names = std::make_shared<LabelNames>();
  if (auto p = part(Component::Info); p && p->version == 1) {
    PartReader in(p->data, p->size);
    m->info = std::string(in.string());
    names->xpos = in.strings();
    names->deprel = in.strings();
    if (!in.ok() || names->xpos.empty() || names->deprel.empty()) return bad("info");
  } else {
    return bad("info");
  }
  m->names = names;
  // Version 2: the classes, the tag dictionary, the scorer; version 1 has no dictionary.
  if (auto p = part(Component::Tagger); p && (p->version == 1 || p->version == kTaggerPartVersion)) {
    PartReader in(p->data, p->size);
    auto classes = in.array<TagClass>();
    if (!in.ok()) return bad("tagger");
    for (const auto& c : classes)
      if (c.upos >= kUposCount || c.xpos >= names->xpos.size()) return bad("tagger");
    auto tagger = Tagger::read(in, std::vector<TagClass>(classes.begin(), classes.end()), p->version);
    if (!tagger) return bad("tagger");
    for (const auto& x : names->xpos) {
      m->xpos_bits.push_back(irregular_bits_of_xpos(x));
      m->lemma_bits.push_back(x == "JJ" ? 0 : irregular_bits_of_xpos(x));
    }
    std::vector<uint8_t> class_bits;
    for (const auto& c : classes) class_bits.push_back(m->xpos_bits[c.xpos]);
    tagger->set_class_bits(std::move(class_bits));
    std::vector<Tagger::ClauseRole> roles;
    int past = -1;
    for (size_t c = 0; c < classes.size(); ++c) {
      const std::string& x = names->xpos[classes[c].xpos];
      bool verb = classes[c].upos == uint16_t(Upos::VERB) || classes[c].upos == uint16_t(Upos::AUX);
      roles.push_back(verb && (x == "VB" || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") ? Tagger::ClauseRole::Verb
                      : classes[c].upos == uint16_t(Upos::VERB) && x == "VBN"                     ? Tagger::ClauseRole::Participle
                      : x == "."                                                                  ? Tagger::ClauseRole::FullStop
                      : x == "TO"                                                                 ? Tagger::ClauseRole::To
                                                                                                  : Tagger::ClauseRole::Other);
      if (classes[c].upos == uint16_t(Upos::VERB) && x == "VBD") past = int(c);
    }
    tagger->set_clause_roles(std::move(roles), past);
    m->tagger = std::move(tagger);
  } else {
    return bad("tagger");
  }
  if (auto p = part(Component::Lemmatizer)) {
    PartReader in(p->data, p->size);
    m->lemmatizer = Lemmatizer::read(in, p->version);
    if (!m->lemmatizer) return bad("lemmatizer");
  } else {
    return bad("lemmatizer");
  }
  if (auto p = part(Component::Parser); p && p->version == kParserPartVersion) {
    PartReader in(p->data, p->size);
    uint64_t labels = in.u64();
    auto scorer = read_scorer(in);
    if (!in.ok() || !scorer || labels != names->deprel.size() || scorer->classes() != 1 + 2 * labels) return bad("parser");
    m->parser = std::make_unique<Parser>(std::move(scorer), uint32_t(labels));
  } else {
    return bad("parser");
  }
  // Version 4: the gazetteer, then the scorer over BILOU classes. Versions 1 and 2 (IOB2 classes,
  // other features) and 3 (no cue-word features: its weights would be read wrongly) cannot be
  // read by this recognizer: the model's NER must be retrained.
  if (auto p = part(Component::Ner); p && p->version < kNerPartVersion) {
    return Error{path, "", "model part 'ner' is version " + std::to_string(p->version) + ", this program reads version " +
                               std::to_string(kNerPartVersion) + ": retrain it (sitrep train --ner-only)"};
  } else if (p && p->version == kNerPartVersion) {
    PartReader in(p->data, p->size);
    Gazetteer gaz;
    if (!gaz.read(in)) return bad("ner");
    auto scorer = read_scorer(in);
    if (!in.ok() || !scorer || scorer->classes() != kNerClasses) return bad("ner");
    m->ner = std::make_unique<EntityRecognizer>(std::move(scorer), std::move(gaz));
  } else {
    return bad("ner");
  }
  if (auto p = part(Component::Sentences); p && p->version == kSentencePartVersion) {
    PartReader in(p->data, p->size);
    m->boundaries = read_scorer(in);
    if (!in.ok() || !m->boundaries || m->boundaries->classes() != 2) return bad("sentences");
  } else if (p) {
    return bad("sentences");
  }
  return std::shared_ptr<const Model>(std::move(m));
}

Analysis Model::segment(std::string_view text) const { return nlp::segment(text); }

std::string Model::default_path() {
  if (const char* env = std::getenv("SITREP_MODEL"); env && *env) return env;
  std::string src = std::string(SITREP_SOURCE_DIR) + "/models/en.sitrep";
  if (std::filesystem::exists(src)) return src;
  return "models/en.sitrep";
}

}  // namespace sitrep::nlp

// The runtime model: the mapped file and the components read from it.
#include <cstdlib>
#include <filesystem>

#include "nlp/asides.h"
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
  AsideLabels aside_labels;          // the relations the parser's asides attach with
  int participle = -1;               // the tagger's class of VERB VBN, if any

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
    // Features, forms and tag restrictions are computed a sentence at a time into buffers that
    // stay in cache while the tagger, parser and recognizer read them (a document's worth of
    // word keys is 88 bytes a word).
    const IrregularForms& irregular = IrregularForms::english();
    std::vector<WordKeys> keys;
    std::vector<std::string_view> forms;
    std::vector<const IrregularForms::Entry*> irr;
    std::vector<uint8_t> allowed;
    std::vector<uint16_t> cls, ner_cls;
    std::vector<int32_t> heads;
    std::vector<std::string_view> xpos;
    for (size_t s = 0; s < a.sentence_count(); ++s) {
      uint32_t b = a.sentence_begin(s), e = a.sentence_end(s);
      if (b >= e) continue;
      size_t len = e - b;
      keys.resize(len);
      forms.resize(len);
      irr.assign(len, nullptr);
      allowed.assign(len, 0);
      cls.resize(len);
      ner_cls.resize(len);
      heads.resize(len);
      for (size_t k = 0; k < len; ++k) {
        const auto& w = a.words[b + k];
        std::string_view f = text.substr(w.begin, w.end - w.begin);
        forms[k] = f;
        keys[k] = word_keys(f);
        // Irregular forms: an all-lower-case "withdrew" is a past tense whatever the scores say.
        bool lower = !f.empty() && f.size() <= 20;
        for (char ch : f) lower = lower && ch >= 'a' && ch <= 'z';
        if (lower && (irr[k] = irregular.find(f)) && irr[k]->restrict) allowed[k] = irr[k]->tags;
      }
      tagger->tag(keys, cls, allowed);
      for (size_t k = 0; k < len; ++k) {
        size_t i = b + k;
        const TagClass& tc = tagger->tag_class(cls[k]);
        a.upos[i] = Upos(tc.upos);
        a.xpos[i] = tc.xpos;
        // (A listed form that is nothing else takes the listed lemma even over training data,
        // which has slips such as "fled" -> "flead"; adjectives keep their own form.)
        if (irr[k] && (irr[k]->tags & lemma_bits[tc.xpos]) && (irr[k]->restrict || !lemmatizer->seen(forms[k], tc.xpos)))
          a.lemma[i] = irr[k]->lemma;
        else
          a.lemma[i] = lemmatizer->lemma(forms[k], tc.xpos);
      }
      std::span<uint16_t> deprel(a.deprel.data() + b, len);
      std::span<const Upos> upos(a.upos.data() + b, len);
      if (aside_labels.ok) {
        xpos.resize(len);
        for (size_t k = 0; k < len; ++k) xpos[k] = names->xpos[a.xpos[b + k]];
        parse_with_asides(*parser, keys, cls, upos, find_asides(forms, upos, xpos), aside_labels, heads, deprel);
        // Retags word v as class c and reparses; keeps the new reading if keep() holds of it, else
        // restores the old one.
        auto retag = [&](size_t v, uint16_t c, auto keep) {
          uint16_t old_cls = cls[v];
          std::string_view old_xpos = xpos[v];
          std::vector<int32_t> old_heads(heads.begin(), heads.end());
          std::vector<uint16_t> old_deprel(deprel.begin(), deprel.end());
          const TagClass& tc = tagger->tag_class(c);
          cls[v] = c;
          xpos[v] = names->xpos[tc.xpos];
          parse_with_asides(*parser, keys, cls, upos, find_asides(forms, upos, xpos), aside_labels, heads, deprel);
          if (keep()) {
            a.xpos[b + v] = tc.xpos;
            a.lemma[b + v] = lemmatizer->lemma(forms[v], tc.xpos);
            return;
          }
          cls[v] = old_cls;
          xpos[v] = old_xpos;
          std::copy(old_heads.begin(), old_heads.end(), heads.begin());
          std::copy(old_deprel.begin(), old_deprel.end(), deprel.begin());
        };
        // A form the irregular list allows as class c (or any regular form).
        auto may_be = [&](size_t v, int c) {
          return c >= 0 && (!irr[v] || (irr[v]->tags & xpos_bits[tagger->tag_class(uint16_t(c)).xpos]));
        };
        // A reduced relative on a nominal root that reads as the sentence's verb (asides.h) is the
        // past tense: retag, reparse, and keep the new reading if the verb is now the root.
        // (Not a form that is only a participle: "Jom, grown taller, moaned".)
        int past = tagger->past_class();
        if (int v = reduced_relative_verb(forms, upos, xpos, heads, deprel, aside_labels); v >= 0 && may_be(size_t(v), past))
          retag(size_t(v), uint16_t(past), [&] { return heads[size_t(v)] < 0; });
        // A participle read as the past tense after its noun, before the clause's own verb
        // (asides.h): the participle, if it then no longer has a subject.
        if (int v = garden_path_past(forms, upos, xpos, heads, deprel, aside_labels);
            v >= 0 && may_be(size_t(v), participle)) {
          retag(size_t(v), uint16_t(participle), [&] {
            if (heads[size_t(v)] < 0) return false;
            for (size_t k = 0; k < len; ++k)
              if (heads[k] == v && (deprel[k] == aside_labels.nsubj || deprel[k] == aside_labels.nsubj_pass)) return false;
            return true;
          });
        }
      } else {
        parser->parse(keys, cls, heads, deprel);
      }
      for (size_t k = 0; k < len; ++k) a.head[b + k] = heads[k] < 0 ? -1 : int32_t(b) + heads[k];
      ner->tag(keys, forms, std::span<const Upos>(a.upos.data() + b, len), ner_cls);
      size_t first = a.entities.size();
      bilou_to_spans(ner_cls, b, a.entities);
      trim_titles(forms, b, a.entities, first);
    }
    forms.resize(n);
    for (size_t i = 0; i < n; ++i) forms[i] = text.substr(a.words[i].begin, a.words[i].end - a.words[i].begin);
    resolve_document_names(forms, a.entities);
  }

  std::shared_ptr<const LabelNames> labels() const override { return names; }
  std::string description() const override { return info; }
};

}  // namespace

Expected<std::shared_ptr<const Model>> Model::load(const std::string& path, const ModelOptions& options) {
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
  // Version 3: the classes, the tag dictionary, the scorer, the frequent forms; version 2 has no
  // frequent forms, version 1 no dictionary either.
  if (auto p = part(Component::Tagger); p && p->version >= 1 && p->version <= kTaggerPartVersion) {
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
      if (classes[c].upos == uint16_t(Upos::VERB) && x == "VBN") m->participle = int(c);
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
    m->parser = std::make_unique<Parser>(std::move(scorer), uint32_t(labels), options.parser_beam);
    m->aside_labels = AsideLabels::find(*m->names);
    m->aside_labels.ok &= options.parser_asides;
  } else {
    return bad("parser");
  }
  // The gazetteer, then the scorer over BILOU classes. Parts older than version 5 (other classes
  // or features: their weights would be read wrongly) cannot be read by this recognizer: the
  // model's NER must be retrained.
  if (auto p = part(Component::Ner); p && p->version < kNerPartOldestVersion) {
    return Error{path, "", "model part 'ner' is version " + std::to_string(p->version) + ", this program reads version " +
                               std::to_string(kNerPartOldestVersion) + " to " + std::to_string(kNerPartVersion) +
                               ": retrain it (sitrep train --ner-only)"};
  } else if (p && p->version <= kNerPartVersion) {
    PartReader in(p->data, p->size);
    Gazetteer gaz;
    if (!gaz.read(in)) return bad("ner");
    auto scorer = read_scorer(in);
    if (!in.ok() || !scorer || scorer->classes() != kNerClasses) return bad("ner");
    auto ner = std::make_unique<EntityRecognizer>(std::move(scorer), std::move(gaz));
    // Version 6 reads the tagger's lexicon, as it was trained to.
    if (p->version >= 6 && m->tagger) ner->set_lexicon(m->tagger->lexicon());
    m->ner = std::move(ner);
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

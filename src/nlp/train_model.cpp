#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "kb/kb.h"
#include "nlp/conllu.h"
#include "nlp/model_file.h"
#include "nlp/lemmatizer.h"
#include "nlp/lexicon.h"
#include "nlp/ner.h"
#include "nlp/nlp.h"
#include "nlp/parser.h"
#include "nlp/scorer.h"
#include "nlp/tagger.h"
#include "nlp/text_chars.h"
#include "nlp/train.h"
#include "nlp/sentences.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {
namespace {

// Builds a tagger from a trained payload, for tagging held-out folds and the NER data.
std::unique_ptr<Tagger> tagger_from(const std::string& bytes, const std::vector<TagClass>& classes) {
  PartReader in(bytes.data(), bytes.size());
  return Tagger::read(in, classes, kTaggerPartVersion);
}

// The tagger's lexicon (lexicon.h) from opt.lexicon_dir; none when that is empty.
Expected<std::vector<Lexicon::Entry>> tagger_lexicon(const TrainOptions& opt, std::ostream& log) {
  if (opt.lexicon_dir.empty()) return std::vector<Lexicon::Entry>{};
  auto lexicon = wordnet_lexicon(opt.lexicon_dir);
  if (lexicon) log << opt.lexicon_dir << ": " << lexicon.value().size() << " lexicon forms\n";
  return lexicon;
}

bool excluded(const std::string& doc, const std::vector<std::string>& genres) {
  for (const auto& g : genres)
    if (doc.find("_" + g + "_") != std::string::npos) return true;
  return false;
}

// The NER training sentences, tagged by `tagger`, and the NER part trained on them with the
// gazetteer of the knowledge base (none when kb.bin cannot be opened: said in the log).
// Tags every sentence of `data` with a tagger trained on the other folds (sentence i is in fold
// i % folds), into predicted_class: tags as noisy as the ones met at run time.
void jackknife_tags(std::vector<TrainSentence>& data, const std::vector<TagClass>& classes, const TrainOptions& opt,
                    std::ostream& log, const std::vector<Lexicon::Entry>& lexicon) {
  for (int fold = 0; fold < opt.jackknife; ++fold) {
    std::vector<const TrainSentence*> train;
    for (size_t i = 0; i < data.size(); ++i)
      if (int(i % size_t(opt.jackknife)) != fold) train.push_back(&data[i]);
    log << "jackknife fold " << fold + 1 << "/" << opt.jackknife << "\n";
    Rng fold_rng(opt.seed + 1000 + uint64_t(fold));
    std::ostringstream quiet;
    // The scorer views its payload's bytes: they must outlive it.
    std::string bytes =
        train_tagger(train, uint32_t(classes.size()), opt.tagger_epochs, fold_rng, opt.prune, quiet, lexicon);
    auto t = tagger_from(bytes, classes);
    for (size_t i = size_t(fold); i < data.size(); i += size_t(opt.jackknife)) {
      data[i].predicted_class.resize(data[i].keys.size());
      t->tag(data[i].keys, data[i].predicted_class);
    }
  }
}

// GUM gives a country acting as a body ("North Korea said", "Sweden won") the type
// organization; UNER keeps such names LOC. An ORG span whose words the gazetteer knows as a
// country and not as an organization becomes LOC.
void countries_as_places(NerSentence& s, const Gazetteer& gaz) {
  for (size_t b = 0; b < s.tags.size(); ++b) {
    if (s.tags[b] != "B-ORG") continue;
    size_t e = b + 1;
    while (e < s.tags.size() && s.tags[e] == "I-ORG") ++e;
    std::vector<std::string_view> words(s.words.begin() + std::ptrdiff_t(b), s.words.begin() + std::ptrdiff_t(e));
    uint32_t kinds = gaz.lookup(gazetteer_key(words));
    if ((kinds & kGazCountry) && !(kinds & kGazOrg))
      for (size_t i = b; i < e; ++i) s.tags[i] = i == b ? "B-LOC" : "I-LOC";
  }
}

std::string words_key(const std::vector<std::string>& words) {
  std::string k;
  for (const auto& w : words) k += w, k += '\x1f';
  return k;
}

// The NER training sentences, tagged by `tagger`, and the NER part trained on them with the
// gazetteer of the knowledge base (none when kb.bin cannot be opened: said in the log). A
// sentence that is also in `ud` (jackknifed: predicted_class set) takes its jackknifed tags
// instead, since `tagger` was trained on it and tags it far better than unseen text.
Expected<std::string> train_ner_part(const TrainOptions& opt, const Tagger& tagger, const std::vector<TagClass>& classes,
                                     const std::vector<TrainSentence>& ud, Rng& rng, std::ostream& log,
                                     size_t* sentences) {
  std::unordered_map<std::string, size_t> ud_index;
  for (size_t i = 0; i < ud.size(); ++i)
    if (!ud[i].predicted_class.empty()) ud_index.emplace(words_key(ud[i].forms), i);
  size_t jackknifed = 0;
  // The gazetteer also tells GUM's countries (countries_as_places), with or without opt.gazetteer.
  Gazetteer gaz;
  if (opt.gazetteer || !opt.ner_gum_files.empty()) {
    std::string kb_path = opt.kb_path.empty() ? kb::Kb::default_path() : opt.kb_path;
    auto kb = kb::Kb::open(kb_path);
    if (!kb)
      return Error{kb_path, "", "the NER gazetteer and --ner-gum need the knowledge base: " + kb.error().message};
    gaz = gazetteer_from_kb(*kb.value());
    if (opt.gazetteer) log << "ner gazetteer: " << gaz.size() << " keys from " << kb_path << "\n";
  }
  std::vector<NerTrainSentence> nd;
  uint32_t doc = 0;
  size_t lower_every = opt.ner_lower > 0 ? size_t(1.0 / opt.ner_lower + 0.5) : 0, counted = 0, lowered = 0;
  // Adds s, as the first sentence of a new document when new_doc.
  auto add = [&](const NerSentence& s, bool new_doc) {
    NerTrainSentence t;
    if (new_doc && !nd.empty()) ++doc;
    t.doc = doc;
    for (size_t i = 0; i < s.words.size(); ++i) {
      t.forms.push_back(s.words[i]);
      t.keys.push_back(word_keys(s.words[i]));
      const std::string& tag = s.tags[i];
      uint16_t c = 0;
      if (tag != "O") {
        EntityType et;
        parse_entity_type(tag.substr(2), et);
        c = uint16_t((tag[0] == 'B' ? 1 : 2) + 2 * int(et));
      }
      t.gold.push_back(c);
    }
    std::vector<uint16_t> cls(t.keys.size());
    if (auto it = ud_index.find(words_key(t.forms)); it != ud_index.end()) cls = ud[it->second].predicted_class, ++jackknifed;
    else tagger.tag(t.keys, cls);
    for (uint16_t c : cls) t.upos.push_back(Upos(classes[c].upos));
    nd.push_back(std::move(t));
    // Every k-th sentence again, lower-cased and tagged as such (the tagger saw it cased only).
    if (lower_every && ++counted % lower_every == 0) {
      NerTrainSentence l;
      l.doc = doc;
      l.gold = nd.back().gold;
      for (const std::string& f : nd.back().forms) {
        l.forms.push_back(to_lower(f));
        l.keys.push_back(word_keys(l.forms.back()));
      }
      std::vector<uint16_t> lc(l.keys.size());
      tagger.tag(l.keys, lc);
      for (uint16_t c : lc) l.upos.push_back(Upos(classes[c].upos));
      nd.push_back(std::move(l));
      ++lowered;
    }
  };
  auto ner = read_iob2(opt.ner_file);
  if (!ner) return ner.error();
  for (const auto& s : ner.value()) add(s, s.new_doc);
  // GUM's named entities, as further documents; a GUM training sentence is also in `ud`, so it
  // takes its jackknifed tags like the UNER (EWT) ones.
  size_t gum = 0;
  for (const auto& path : opt.ner_gum_files) {
    auto sents = read_conllu(path);
    if (!sents) return sents.error();
    std::vector<UdSentence> kept;
    for (auto& s : sents.value())
      if (!excluded(s.doc_id, opt.exclude_genres) && !excluded(s.sent_id, opt.exclude_genres)) kept.push_back(std::move(s));
    bool first = true;
    for (auto& s : gum_named_entities(kept)) {
      countries_as_places(s, gaz);
      add(s, s.new_doc || first);
      first = false;
      ++gum;
    }
  }
  if (!opt.ner_gum_files.empty())
    log << "ner: " << ner.value().size() << " UNER sentences, " << gum << " from GUM's entity layer\n";
  if (sentences) *sentences = nd.size() - lowered;  // the copies are no sentences of the data
  if (!opt.gazetteer) gaz = Gazetteer{};
  log << "ner on " << nd.size() << " sentences, " << jackknifed << " with jackknifed tags, " << lowered
      << " lower-cased copies\n";
  return train_ner(nd, gaz, opt.ner_epochs, rng, opt.prune, log, tagger.lexicon(), opt.mix);
}

Expected<TrainSummary> write_parts(const TrainOptions& opt, const std::vector<ModelPart>& parts, TrainSummary sum,
                                   std::chrono::steady_clock::time_point t0, std::ostream& log) {
  auto w = write_model_file(opt.output, parts);
  if (!w) return w.error();
  std::ifstream f(opt.output, std::ios::binary | std::ios::ate);
  sum.model_bytes = size_t(f.tellg());
  log << "wrote " << opt.output << " (" << sum.model_bytes << " bytes) in "
      << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
  return sum;
}

// The parts of model `from` with `part` in place of its component `id`; the model's XPOS and
// relation lists must be `xpos_names` and `deprel_names`, which the new part's classes index.
// `what` ("tagger", "parser") goes into the model's record.
Expected<std::vector<ModelPart>> keep_parts(const TrainOptions& opt, const std::string& from,
                                            const std::vector<std::string>& xpos_names,
                                            const std::vector<std::string>& deprel_names, const ModelPart& part,
                                            const char* what) {
  auto file = MappedModelFile::open(from);
  if (!file) return file.error();
  std::vector<ModelPart> parts;
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner,
                       Component::Sentences}) {
    const auto* p = file.value()->find(id);
    if (id == part.id) {
      parts.push_back(part);
      continue;
    }
    if (!p && id == Component::Sentences) continue;  // models before 2026-12-07 have none
    if (!p) return Error{from, "", "model part missing"};
    std::string bytes(p->data, p->size);
    if (id == Component::Info) {
      PartReader in(p->data, p->size);
      std::string desc(in.string());
      auto xpos = in.strings(), deprel = in.strings();
      if (!in.ok()) return Error{from, "", "model part 'info' damaged"};
      // (The sentence part reads no tags.)
      if (xpos != xpos_names && part.id != Component::Sentences)
        return Error{from, "", "the model's XPOS tags differ from the training data's: train the whole model"};
      if (part.id == Component::Parser && deprel != deprel_names)
        return Error{from, "", "the model's relations differ from the training data's: train the whole model"};
      PartWriter out;
      out.string(desc + "\n" + what + " retrained: " + describe(opt));
      out.strings(xpos);
      out.strings(deprel);
      bytes = out.bytes();
    }
    parts.push_back({id, p->version, bytes});
  }
  return parts;
}

// The tagger of model `from`, whose classes must be `classes` (the training data's).
Expected<std::unique_ptr<Tagger>> model_tagger(const std::string& from, const MappedModelFile& file,
                                               const std::vector<TagClass>& classes) {
  const auto* tp = file.find(Component::Tagger);
  if (!tp) return Error{from, "", "model part 'tagger' missing"};
  PartReader in(tp->data, tp->size);
  auto cls = in.array<TagClass>();
  bool same = in.ok() && cls.size() == classes.size();
  for (size_t i = 0; same && i < cls.size(); ++i) same = cls[i].upos == classes[i].upos && cls[i].xpos == classes[i].xpos;
  if (!same) return Error{from, "", "the model's tag classes differ from the training data's: train the whole model"};
  auto t = Tagger::read(in, classes, tp->version);
  if (!t) return Error{from, "", "model part 'tagger' damaged or of another version"};
  return t;
}

}  // namespace

size_t harmonize_to_ewt(UdSentence& s) {
  size_t changed = 0;
  for (auto& w : s.words) {
    bool name = w.xpos == "NNP" || w.xpos == "NNPS";
    bool participle = w.form.size() > 3 && (w.form.ends_with("ed") || w.form.ends_with("ED"));
    if (!name || w.upos != "VERB" || !participle) continue;
    w.upos = "ADJ";
    w.lemma = w.form;
    ++changed;
  }
  return changed;
}

std::string describe(const TrainOptions& opt) {
  std::ostringstream rec;
  rec << "sitrep train --ud";
  for (const auto& f : opt.ud_files) rec << " " << f;
  rec << " --ner " << opt.ner_file << " --exclude-genres";
  for (const auto& g : opt.exclude_genres) rec << " " << g;
  rec << " --tagger-epochs " << opt.tagger_epochs << " --parser-epochs " << opt.parser_epochs << " --ner-epochs "
      << opt.ner_epochs << " --jackknife " << opt.jackknife << " --prune " << opt.prune << " --seed " << opt.seed
      << (opt.mix > 1 ? " --mix " + std::to_string(opt.mix) : std::string());
  rec << " --sentence-epochs " << opt.sentence_epochs;
  if (!opt.gazetteer) rec << " --no-gazetteer";
  rec << " --lexicon \"" << opt.lexicon_dir << "\"";
  if (opt.ner_lower > 0) rec << " --ner-lower " << opt.ner_lower;
  if (opt.ner_gum_files.empty()) rec << " --no-ner-gum";
  else {
    rec << " --ner-gum";
    for (const auto& f : opt.ner_gum_files) rec << " " << f;
  }
  return rec.str();
}

Expected<TrainSummary> train_model(const TrainOptions& opt, std::ostream& log) {
  auto t0 = std::chrono::steady_clock::now();
  TrainSummary sum;
  std::vector<TrainSentence> data;
  std::map<std::string, uint16_t> xpos_id, deprel_id, class_id;
  std::vector<std::string> xpos_names, deprel_names;
  std::vector<TagClass> classes;
  // Label ids follow sorted order so the file does not depend on the order of the input.
  std::vector<std::vector<UdSentence>> files;
  for (const auto& path : opt.ud_files) {
    auto sents = read_conllu(path);
    if (!sents) return sents.error();
    size_t kept = 0, harmonized = 0;
    for (auto& s : sents.value()) {
      if (excluded(s.doc_id, opt.exclude_genres) || excluded(s.sent_id, opt.exclude_genres)) continue;
      harmonized += harmonize_to_ewt(s);
      for (const auto& w : s.words) {
        xpos_id.emplace(w.xpos, 0);
        std::string rel = w.deprel;
        deprel_id.emplace(rel, 0);
        class_id.emplace(w.upos + "\t" + w.xpos, 0);
      }
      ++kept;
    }
    log << path << ": " << kept << " of " << sents.value().size() << " sentences used, " << harmonized
        << " words brought to EWT's tags\n";
    files.push_back(std::move(sents.value()));
  }
  for (auto& [k, v] : xpos_id) v = uint16_t(xpos_names.size()), xpos_names.push_back(k);
  for (auto& [k, v] : deprel_id) v = uint16_t(deprel_names.size()), deprel_names.push_back(k);
  for (auto& [k, v] : class_id) {
    v = uint16_t(classes.size());
    Upos u;
    std::string up = k.substr(0, k.find('\t'));
    if (!parse_upos(up, u)) return Error{opt.ud_files.front(), "", "unknown UPOS '" + up + "'"};
    classes.push_back({uint16_t(u), xpos_id[k.substr(k.find('\t') + 1)]});
  }
  for (const auto& sents : files)
    for (const auto& s : sents) {
      if (excluded(s.doc_id, opt.exclude_genres) || excluded(s.sent_id, opt.exclude_genres)) continue;
      TrainSentence t;
      for (const auto& w : s.words) {
        t.forms.push_back(w.form);
        t.lemmas.push_back(w.lemma);
        t.keys.push_back(word_keys(w.form));
        t.tag_class.push_back(class_id[w.upos + "\t" + w.xpos]);
        t.xpos.push_back(xpos_id[w.xpos]);
        t.deprel.push_back(deprel_id[w.deprel]);
        t.head.push_back(w.head - 1);
      }
      sum.words += t.forms.size();
      data.push_back(std::move(t));
    }
  sum.sentences = data.size();
  log << "training on " << sum.sentences << " sentences, " << sum.words << " words; " << classes.size()
      << " tag classes, " << deprel_names.size() << " relations\n";
  // The sentence part reads each file's kept sentences as one raw text.
  std::vector<std::vector<const UdSentence*>> raw_files;
  for (const auto& sents : files) {
    raw_files.emplace_back();
    for (const auto& s : sents)
      if (!excluded(s.doc_id, opt.exclude_genres) && !excluded(s.sent_id, opt.exclude_genres)) raw_files.back().push_back(&s);
  }
  auto sentence_part = [&] {
    Rng sentence_rng(opt.seed + 3000);
    return ModelPart{Component::Sentences, kSentencePartVersion,
                     train_boundaries(raw_files, opt.sentence_epochs, sentence_rng, 0.0, log)};
  };
  if (!opt.sentences_only_from.empty()) {
    auto parts = keep_parts(opt, opt.sentences_only_from, xpos_names, deprel_names, sentence_part(), "sentence part");
    if (!parts) return parts.error();
    return write_parts(opt, parts.value(), sum, t0, log);
  }
  if (!opt.lemmatizer_only_from.empty()) {
    log << "lemmatizer\n";
    auto parts = keep_parts(opt, opt.lemmatizer_only_from, xpos_names, deprel_names,
                            {Component::Lemmatizer, kLemmatizerPartVersion, train_lemmatizer(data)}, "lemmatizer");
    if (!parts) return parts.error();
    return write_parts(opt, parts.value(), sum, t0, log);
  }
  Rng rng(opt.seed);
  // The parser has its own generator, so --parser-only trains the same parser as the whole training.
  Rng parser_rng(opt.seed + 2000);
  uint32_t labels = uint32_t(deprel_names.size());
  auto lexicon = tagger_lexicon(opt, log);
  if (!lexicon) return lexicon.error();

  if (!opt.parser_only_from.empty()) {
    // The parser's input tags: jackknifed as in the whole training (the fold taggers do not
    // depend on the whole tagger), else the model's own tagger, which the whole training made.
    const std::string& from = opt.parser_only_from;
    auto file = MappedModelFile::open(from);
    if (!file) return file.error();
    // The other parts first: a model that does not fit the data is refused before training.
    auto parts = keep_parts(opt, from, xpos_names, deprel_names, {Component::Parser, kParserPartVersion, {}}, "parser");
    if (!parts) return parts.error();
    auto tagger = model_tagger(from, *file.value(), classes);
    if (!tagger) return tagger.error();
    if (opt.jackknife > 1) {
      jackknife_tags(data, classes, opt, log, lexicon.value());
    } else {
      for (auto& s : data) {
        s.predicted_class.resize(s.keys.size());
        tagger.value()->tag(s.keys, s.predicted_class);
      }
    }
    log << "parser\n";
    for (auto& p : parts.value())
      if (p.id == Component::Parser) p.bytes = train_parser(data, labels, opt.parser_epochs, parser_rng, opt.prune, log, opt.mix);
    return write_parts(opt, parts.value(), sum, t0, log);
  }

  // Tagger on everything; parser input tags from jackknifed taggers, so the parser learns on
  // tags as noisy as it will see at run time.
  std::vector<const TrainSentence*> all;
  for (const auto& s : data) all.push_back(&s);
  log << "tagger\n";
  std::string tagger_bytes =
      train_tagger(all, uint32_t(classes.size()), opt.tagger_epochs, rng, opt.prune, log, lexicon.value(), opt.mix);
  PartWriter tag_part;
  tag_part.array(classes);
  std::string tagger_part = tag_part.bytes() + tagger_bytes;
  if (!opt.tagger_only_from.empty()) {
    auto parts = keep_parts(opt, opt.tagger_only_from, xpos_names, deprel_names,
                            {Component::Tagger, kTaggerPartVersion, tagger_part}, "tagger");
    if (!parts) return parts.error();
    return write_parts(opt, parts.value(), sum, t0, log);
  }
  auto tagger = tagger_from(tagger_bytes, classes);
  if (opt.jackknife > 1) {
    jackknife_tags(data, classes, opt, log, lexicon.value());
  } else {
    for (auto& s : data) {
      s.predicted_class.resize(s.keys.size());
      tagger->tag(s.keys, s.predicted_class);
    }
  }
  log << "lemmatizer\n";
  std::string lemma_bytes = train_lemmatizer(data);
  log << "parser\n";
  std::string parser_bytes = train_parser(data, labels, opt.parser_epochs, parser_rng, opt.prune, log, opt.mix);

  std::vector<TrainSentence> none;
  auto ner_bytes = train_ner_part(opt, *tagger, classes, opt.jackknife > 1 ? data : none, rng, log, &sum.ner_sentences);
  if (!ner_bytes) return ner_bytes.error();

  PartWriter info;
  info.string(describe(opt) + (opt.record.empty() ? "" : "\n" + opt.record));
  info.strings(xpos_names);
  info.strings(deprel_names);
  std::vector<ModelPart> parts = {{Component::Info, 1, info.bytes()},
                                  {Component::Tagger, kTaggerPartVersion, tagger_part},
                                  {Component::Lemmatizer, kLemmatizerPartVersion, lemma_bytes},
                                  {Component::Parser, kParserPartVersion, parser_bytes},
                                  {Component::Ner, kNerPartVersion, ner_bytes.value()},
                                  sentence_part()};
  return write_parts(opt, parts, sum, t0, log);
}

Expected<TrainSummary> retrain_ner(const TrainOptions& opt, const std::string& from, std::ostream& log) {
  auto file = MappedModelFile::open(from);
  if (!file) return file.error();
  std::vector<ModelPart> parts;
  std::vector<std::string> xpos_names;
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser}) {
    const auto* p = file.value()->find(id);
    if (!p) return Error{from, "", "model part missing"};
    std::string bytes(p->data, p->size);
    if (id == Component::Info) {
      PartReader in(p->data, p->size);
      std::string desc(in.string());
      auto xpos = in.strings(), deprel = in.strings();
      xpos_names = xpos;
      PartWriter out;
      out.string(desc + "\nNER retrained: " + describe(opt));
      out.strings(xpos);
      out.strings(deprel);
      bytes = out.bytes();
    }
    parts.push_back({id, p->version, bytes});
  }
  const auto* tp = file.value()->find(Component::Tagger);
  PartReader in(tp->data, tp->size);
  auto cls = in.array<TagClass>();
  std::vector<TagClass> classes(cls.begin(), cls.end());
  auto tagger_ptr = Tagger::read(in, classes, tp->version);
  if (!tagger_ptr) return Error{from, "", "model part 'tagger' damaged or of another version"};
  const Tagger& tagger = *tagger_ptr;
  TrainSummary sum;
  // The UD training sentences, with the model's tag classes, jackknifed for the NER's input tags.
  std::vector<TrainSentence> ud;
  bool upgrade_tagger = tp->version == 2;
  if (opt.jackknife > 1 || upgrade_tagger) {
    std::map<std::string, uint16_t> class_id;
    for (size_t c = 0; c < classes.size(); ++c)
      if (classes[c].xpos < xpos_names.size())
        class_id.emplace(std::string(upos_name(Upos(classes[c].upos))) + "\t" + xpos_names[classes[c].xpos], uint16_t(c));
    for (const auto& path : opt.ud_files) {
      auto sents = read_conllu(path);
      if (!sents) return sents.error();
      for (const auto& s : sents.value()) {
        if (excluded(s.doc_id, opt.exclude_genres) || excluded(s.sent_id, opt.exclude_genres)) continue;
        TrainSentence t;
        for (const auto& w : s.words) {
          auto it = class_id.find(w.upos + "\t" + w.xpos);
          t.forms.push_back(w.form);
          t.keys.push_back(word_keys(w.form));
          t.tag_class.push_back(it == class_id.end() ? 0 : it->second);
        }
        ud.push_back(std::move(t));
      }
    }
  }
  if (upgrade_tagger) {
    // A version-2 tagger part gains the frequent unambiguous forms of the same training sentences
    // (tagger.h); its weights and tag dictionary stay as they are.
    std::vector<const TrainSentence*> all;
    for (const auto& t : ud) all.push_back(&t);
    auto frequent = frequent_form_entries(all);
    PartWriter w;  // (parts are padded to 8 bytes, so the table can follow the old part's bytes)
    TagDictionary(frequent).write(w);
    std::string old(tp->data, tp->size);
    old.resize((old.size() + 7) & ~size_t(7), '\0');
    parts[1] = {Component::Tagger, 3, old + w.bytes()};  // version 3: version 2 and the forms
    log << "tagger part version 2 -> 3: " << frequent.size() << " frequent unambiguous forms\n";
  }
  if (opt.jackknife > 1) {
    log << "tagger folds on " << ud.size() << " UD sentences for the NER's input tags\n";
    auto lexicon = tagger_lexicon(opt, log);
    if (!lexicon) return lexicon.error();
    jackknife_tags(ud, classes, opt, log, lexicon.value());
  }
  Rng rng(opt.seed);
  auto ner_bytes = train_ner_part(opt, tagger, classes, ud, rng, log, &sum.ner_sentences);
  if (!ner_bytes) return ner_bytes.error();
  parts.push_back({Component::Ner, kNerPartVersion, ner_bytes.value()});
  if (const auto* p = file.value()->find(Component::Sentences)) parts.push_back({Component::Sentences, p->version, std::string(p->data, p->size)});
  auto w = write_model_file(opt.output, parts);
  if (!w) return w.error();
  return sum;
}

}  // namespace sitrep::nlp

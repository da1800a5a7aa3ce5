// sitrep train: trains the language-analysis model (src/nlp/train.h) from ../shared/data.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/registry.h"
#include "nlp/lexicon.h"
#include "nlp/train.h"

namespace sitrep::cli {
namespace {

void add_train(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("train", "Train the language-analysis model (tagger, lemmatizer, parser, NER)");
  auto opt = std::make_shared<nlp::TrainOptions>();
  std::string shared = std::string(SITREP_SOURCE_DIR) + "/../shared/data";
  opt->ud_files = {shared + "/ud/UD_English-EWT/en_ewt-ud-train.conllu", shared + "/ud/UD_English-GUM/en_gum-ud-train.conllu"};
  opt->ner_file = shared + "/ner/UNER_English-EWT/en_ewt-ud-train.PRELIMINARY-0c7ce0d.iob2";
  opt->output = "models/en.sitrep";
  cmd->add_option("--ud", opt->ud_files, "CoNLL-U training files")->capture_default_str();
  cmd->add_option("--ner", opt->ner_file, "IOB2 NER training file")->capture_default_str();
  opt->ner_gum_files = {shared + "/ud/UD_English-GUM/en_gum-ud-train.conllu"};
  cmd->add_option("--ner-gum", opt->ner_gum_files,
                  "Also train the NER on the named persons, places and organizations of these GUM CoNLL-U files' "
                  "entity layer (without the --exclude-genres documents)")
      ->capture_default_str();
  auto no_gum = std::make_shared<bool>(false);
  cmd->add_flag("--no-ner-gum", *no_gum, "Train the NER on the --ner file only");
  cmd->add_option("-o,--output", opt->output, "Model file to write")->capture_default_str();
  cmd->add_option("--exclude-genres", opt->exclude_genres, "Skip documents whose id contains _GENRE_")
      ->capture_default_str();
  cmd->add_option("--tagger-epochs", opt->tagger_epochs)->capture_default_str();
  cmd->add_option("--parser-epochs", opt->parser_epochs)->capture_default_str();
  cmd->add_option("--ner-epochs", opt->ner_epochs)->capture_default_str();
  cmd->add_option("--sentence-epochs", opt->sentence_epochs)->capture_default_str();
  cmd->add_option("--ner-lower", opt->ner_lower,
                  "Also train the NER on lower-cased copies of this fraction of its sentences (0-1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--jackknife", opt->jackknife, "Folds for the parser's and the NER's training tags (0 = none)")->capture_default_str();
  cmd->add_option("--prune", opt->prune, "Drop weights below this fraction of the largest")->capture_default_str();
  cmd->add_option("--seed", opt->seed)->capture_default_str();
  cmd->add_option("--mix", opt->mix, "Perceptrons trained on different orders of the data and averaged into each of the tagger, parser and NER")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  cmd->add_flag("!--no-gazetteer", opt->gazetteer, "NER without the knowledge base's names as features");
  cmd->add_option("--kb", opt->kb_path, "kb.bin for the NER gazetteer (default: the one beside the binary)");
  opt->lexicon_dir = nlp::kWordNetDir;
  cmd->add_option("--lexicon", opt->lexicon_dir,
                  "WordNet database folder for the tagger's lexicon (Debian package wordnet-base; \"\" for none)")
      ->capture_default_str();
  auto ner_from = std::make_shared<std::string>();
  cmd->add_option("--ner-only", *ner_from, "Keep this model's tagger, lemmatizer and parser; retrain only the NER");
  cmd->add_option("--tagger-only", opt->tagger_only_from,
                  "Train only the tagger; keep this model's lemmatizer, parser and NER (for measuring the tagger)");
  cmd->add_option("--parser-only", opt->parser_only_from,
                  "Train only the parser (same files, jackknifed tags); keep this model's tagger, lemmatizer and NER");
  cmd->add_option("--lemmatizer-only", opt->lemmatizer_only_from,
                  "Train only the lemmatizer (gold tags); keep this model's tagger, parser and NER");
  cmd->add_option("--sentences-only", opt->sentences_only_from,
                  "Train only the learned sentence ends (seconds); keep this model's other parts");
  auto prune_from = std::make_shared<std::string>();
  cmd->add_option("--prune-from", *prune_from, "Do not train: copy this model to --output, dropping weights below --prune");
  cmd->callback([opt, prune_from, ner_from, no_gum, &exit_code] {
    if (*no_gum) opt->ner_gum_files.clear();
    if (!ner_from->empty()) {
      auto r = nlp::retrain_ner(*opt, *ner_from, std::cerr);
      if (!r) std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
      exit_code = r ? kOk : kFatal;
      return;
    }
    if (!prune_from->empty()) {
      auto r = nlp::prune_model(*prune_from, opt->output, opt->prune, std::cerr);
      if (!r) std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
      exit_code = r ? kOk : kFatal;
      return;
    }
    auto r = nlp::train_model(*opt, std::cerr);
    if (!r) {
      std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("", "train", add_train);

}  // namespace
}  // namespace sitrep::cli

// code: importer for PETRARCH / TABARI verb (and discard) dictionaries, so users who maintain those (and the
// PETRARCH validation suites, whose expected codes follow their own verb file) can code with
// them instead of sitrep's lexicon. The dictionary becomes lexicon rows in data/lexicon's
// format (code, pattern, flags, origin) plus irregular verb forms.
//
// What is read: synonym sets (&NAME followed by +MEMBER lines), verb blocks ("--- NAME [code]
// ---" then the verbs, each optionally with {irregular forms} and its own [code], phrasal verbs
// as +VERB_PARTICLE), and patterns "- words * words [code]". In patterns, {A B} is a fixed
// phrase, (PREP NOUN) a prepositional phrase, &SET any member of a set, WORD_ an exact form;
// the actor markers $ + ^ are left to sitrep's own argument finding and % (compound actor)
// marks the pattern symmetric. Not carried over, each counted: patterns with words before the
// verb (sitrep's patterns start at their predicate), null codes [---], and codes that are not
// digits ("075A", "xxy"); all-digit codes outside CAMEO are the dictionary's own (extra_codes).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <vector>

#include "code/code.h"
#include "code/lexicon.h"
#include "code/ontology.h"
#include "core/error.h"

namespace sitrep::code {

struct PetrarchVerbImport {
  std::string patterns_tsv;  // "code<TAB>pattern<TAB>flags<TAB>origin" rows, with a header
  std::string forms_tsv;     // "lemma<TAB>form,form" rows, with a header
  size_t verbs = 0, patterns = 0;
  // Codes the dictionary uses beyond the ontology (all digits, as "1951" or "345"): their rows
  // are kept, so the caller must compile them with Ontology::extended(extra_codes).
  std::vector<std::string> extra_codes;
  size_t skipped_pre_verb = 0, skipped_null = 0, skipped_code = 0, skipped_syntax = 0, duplicates = 0;
};

// `name` is used in origins ("PETR_Validate_verbs_2_02.txt:585"). Returns an Error naming the
// line only when the text is not a verb dictionary at all (no verb block); single bad lines
// are counted and skipped, as PETRARCH does.
Expected<PetrarchVerbImport> import_petrarch_verbs(std::string_view text, const std::string& name,
                                                   const Ontology& ontology);
Expected<PetrarchVerbImport> import_petrarch_verbs_file(const std::string& path, const Ontology& ontology);

// A verb dictionary file compiled for the coder: the lexicon (sitrep's cue phrases plus the
// dictionary's event patterns) over the ontology extended with the dictionary's own codes.
struct PetrarchLexicon {
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const Ontology> ontology;
  PetrarchVerbImport import;
};
Expected<PetrarchLexicon> petrarch_lexicon(const std::string& verbs_path);

// A discards dictionary: one phrase a line, '+' in front for a story-level discard, '#'
// comments; upper case and '_' as in the other dictionaries.
std::vector<DiscardPhrase> import_petrarch_discards(std::string_view text);
Expected<std::vector<DiscardPhrase>> import_petrarch_discards_file(const std::string& path);

}  // namespace sitrep::code

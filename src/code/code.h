// code: the event-coding stage's face. An analyzed, linked and dated document in; the events it
// reports out, one EventMention per (predicate, source, target), in CAMEO and PLOVER, with
// modality, date, place, confidence and provenance; and its direct quotations with speakers.
//
//   auto coder = Coder::create(CoderOptions{...});   // immutable, shared by threads
//   CodedDoc coded = coder.value()->code(doc);
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "code/lexicon.h"
#include "code/ontology.h"
#include "core/doc.h"
#include "core/error.h"

namespace sitrep::kb {
class Linker;
}
namespace sitrep::nlp {
class Model;
}

namespace sitrep::code {

struct ActorRef {
  std::string name, kb_id, code, country, agent;  // code: CAMEO actor code ("TURGOV")
  Span span;                                       // where the text names it
};

struct PlaceRef {
  std::string name, country, admin1;
  uint32_t geonames_id = 0;
  double lat = 0, lon = 0;
};

enum class Modality { Asserted, Planned, Negated, Hypothetical };
const char* to_string(Modality m);

struct EventMention {
  uint32_t sentence = 0;
  Span span;               // the sentence, bytes in Doc::body
  Span predicate;          // the words the lexicon matched
  std::string text;        // the sentence
  std::string date;        // "YYYY-MM-DD", "YYYY-MM", "YYYY" or ""
  std::string date_basis;  // explicit, relative, document, unknown
  std::optional<ActorRef> source, target, attributed_to;
  const CameoCode* cameo = nullptr;
  Modality modality = Modality::Asserted;
  std::optional<PlaceRef> location;
  double confidence = 0;
  std::string pattern;  // lexicon origin, e.g. "lexicon/verbs.tsv:812"
};

struct Quote {
  Span span;  // the quoted words, bytes in Doc::body, without the quote marks
  std::string text;
  std::optional<ActorRef> speaker;
};

struct CodedDoc {
  std::vector<EventMention> events;
  std::vector<Quote> quotes;
  bool parsed = false;  // true when a dependency parse was available (else windowed heuristics)
};

// A phrase whose mention takes a sentence (or, for a story-level one, the whole document) out
// of coding: sports, weather and other stories that read like politics ("Manchester United
// attacked"). Lower-case words, matched whole and case-insensitively.
struct DiscardPhrase {
  std::string phrase;
  bool story = false;
};

struct CoderOptions {
  std::shared_ptr<const kb::Linker> linker;  // null: no actors, so no events (reported once)
  std::shared_ptr<const nlp::Model> model;   // null: tokens and sentences only (nlp::segment)
  bool keep_unasserted = true;               // also emit planned/negated/hypothetical mentions
  std::shared_ptr<const Lexicon> lexicon;    // null: sitrep's own (data/lexicon)
  std::shared_ptr<const Ontology> ontology;  // null: CAMEO (data/ontology); else one extended
                                             // with a dictionary's own codes
  std::vector<DiscardPhrase> discards;
  // An agent of no country ("police", "the government") takes the dateline's country, else the
  // one country its sentence names ("protesters in Baku": AZEOPP). Off for suites whose gold
  // leaves such agents alone (PETRARCH's).
  bool agent_country_from_context = true;
  // Capitalized organization names the KB lacks ("the Ceasefire Violations Committee") are
  // actors coded by their head word (code/org_names.h). Off for suites whose gold knows only
  // their own dictionaries' actors (PETRARCH's).
  bool unknown_organizations = true;
  // A predicate whose actors are unnamed or unknown ("Two suspects were arrested", "Protests
  // erupted in the capital") is still an event of its type, coded with no source (and no target
  // when none is named), less confident than one with actors. Off for suites whose gold codes
  // only events between known actors (PETRARCH's).
  bool actorless_events = true;
};

class OrgHeads;

class Coder {
 public:
  static Expected<std::shared_ptr<const Coder>> create(CoderOptions options);
  CodedDoc code(const Doc& doc) const;
  const Ontology& ontology() const { return *ontology_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  Coder() = default;
  CoderOptions options_;
  std::shared_ptr<const Ontology> ontology_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const OrgHeads> org_heads_;
};

}  // namespace sitrep::code

// code: scoring the coder against PETRARCH validation records (UD-PETRARCH's XML suites). Each
// record is a sentence with the (source, target, CAMEO code) triples it should yield. The
// suites' actors are fictional (Arnor, Gondor, ...), so the coder runs with a knowledge base
// built in memory from the suite's own actor and agent dictionaries (kb/petrarch.h importer),
// and with the suite's verb dictionary (code/petrarch_verbs.h) in place of sitrep's lexicon
// when the caller passes one: the suites' expected codes follow their own verb file.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "code/code.h"
#include "core/error.h"

namespace sitrep::kb {
class Linker;
}
namespace sitrep::nlp {
class Model;
}

namespace sitrep::code {

class Lexicon;

struct PetrarchTriple {
  std::string source, target, code;
  bool operator==(const PetrarchTriple&) const = default;
};

struct PetrarchRecord {
  std::string id, category, date;  // date as written: YYYYMMDD
  std::string text;
  std::vector<PetrarchTriple> expected;  // empty with noevents / error
  std::string error;                     // <EventCoding error="...">: what PETRARCH must refuse
  bool evaluate = true;
};

struct PetrarchSuite {
  std::string actor_file, agent_file, verb_file, discard_file, pico_file;  // as named by <Environment>
  std::vector<PetrarchRecord> records;
};

// Reads a validation XML file. The suites are not well-formed XML (comments with "--", bare
// attributes), so the reader is HTML5's lenient parser (gumbo), which PETRARCH's files survive.
Expected<PetrarchSuite> read_petrarch_suite(const std::string& path);

// A linker over a KB compiled in memory from PETRARCH actor and agent dictionaries. Actors with
// a bare three-letter code (ARN) become countries, so "Arnor government" links as ARNGOV.
Expected<std::shared_ptr<const kb::Linker>> petrarch_linker(const std::vector<std::string>& dictionary_files);

struct PrfCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct PetrarchRecordResult {
  std::string id;
  std::vector<PetrarchTriple> expected, coded;
  bool fully_right = false;
};

struct PetrarchScores {
  size_t records = 0, skipped = 0, fully_right = 0;  // skipped: evaluate="false"
  size_t not_applicable = 0;  // error="bad_input_parse": a malformed parse given as input
  size_t coded_events = 0, false_positives = 0;      // false: coded triples not expected (exact)
  PrfCounts exact, root;
  std::vector<PetrarchRecordResult> details;
};

// Codes every evaluated record (asserted and planned mentions with both actors count, as
// PETRARCH's require_dyad does) and scores triples as sets per record.
// The negations a PETRARCH internal coding ontology (PICO) file defines: "110:0x1007f#0xFFFF+0x0080"
// says a negated 110 (disapprove) is the code whose value is 0x0080 (050). Code -> code.
Expected<std::map<std::string, std::string>> read_pico_negations(const std::string& path);

// `options` carries the linker (petrarch_linker), the model, and the suite's lexicon and
// discards when coding with its dictionaries. Records that test PETRARCH's handling of a
// malformed input parse do not apply to sitrep, which parses the text itself.
// A negated mention whose code `negations` maps counts with the mapped code, as PETRARCH codes
// "did not criticize" as cooperation; other negated mentions are not events.
PetrarchScores score_petrarch(const PetrarchSuite& suite, CoderOptions options,
                              const std::map<std::string, std::string>& negations = {});

}  // namespace sitrep::code

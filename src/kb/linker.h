// The linker: from the text of one document and its date to the actors and places it mentions,
// each with the KB entry it resolved to, the CAMEO actor code for that date, and the rule that
// decided (so `sitrep link` can say why). Works from dictionary matching alone: a multi-pattern
// scan over folded tokens finds names, aliases, titles, demonyms, agents and places.
//
// Rules, in the order they are tried at a position:
//   name / alias          "Recep Tayyip Erdoğan", "Erdogan"         -> the person, code for the date
//   title at date         "Russian President" (2009 Medvedev, 2020 Putin)
//   counterpart           "his Turkish counterpart" -> the holder of the previous speaker's office
//   leader in document    "the Turkish leader" -> a Turkish leader already named in the document
//   surname in document   "Putin" after "Vladimir Putin"
//   metonym               "the Kremlin", "Ankara said" -> the government (not after "in", "to", ...)
//   demonym + agent       "Turkish soldiers" -> TURMIL, "Syrian government forces" -> SYRMIL
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "kb/kb.h"

namespace sitrep::kb {

enum class MentionKind : uint8_t { Person, Organization, Country, Agent, Place };
enum class LinkRule : uint8_t {
  Name, Surname, SurnameInDoc, TitleAtDate, Counterpart, LeaderInDoc, Metonym, DemonymAgent, Agent, Country, Place,
  OrgInDoc,  // "the alliance" after NATO, "the group" after Hezbollah
  OrgName,   // a capitalized organization name the KB lacks, coded by its head word (code/org_names.h)
  BasedIn,   // "Britain-based", "US-made": a place that says where something is from, not where it happens
  Demonym,   // "Russian airstrikes", "the Iraqi demands": a national adjective on a noun, the country's
  PersonsCountry,  // "her country", "his government": the country of the person last named
  SpeakerLabel     // "SECRETARY BLINKEN:" opening a paragraph of a transcript
};
const char* to_string(MentionKind k);
const char* to_string(LinkRule r);

struct LinkedMention {
  uint32_t begin = 0, end = 0;  // bytes in the linked text
  MentionKind kind = MentionKind::Person;
  LinkRule rule = LinkRule::Name;
  uint32_t entry = kNone;  // person, organization or country entry in the KB
  uint32_t place = kNone;  // place in the KB (places, capitals used as places, countries)
  std::string code;        // CAMEO actor code on the document's date; empty for places
};

// "Ottawa planned to...": the capital city a metonym (a capital read as its government) is
// named after, found by the mention's `name`; kNone for any other mention.
uint32_t metonym_capital(const Kb& kb, const LinkedMention& m, std::string_view name);

// A transcript's speaker labels: a paragraph opening with capitals and a colon ("PRESIDENT
// BIDEN:", "MS. JEAN-PIERRE:", "Q:"), at most 60 bytes; the spans of the labels without the
// colon, in text order.
std::vector<std::pair<uint32_t, uint32_t>> speaker_labels(std::string_view text);

class Linker {
 public:
  explicit Linker(std::shared_ptr<const Kb> kb);
  const Kb& kb() const { return *kb_; }

  // Every mention the KB knows in `text`, in text order. `day`: the document's date (days since
  // 1970-01-01) or kNoDate.
  // `named_places`: byte spans an NER tagged as locations; a gazetteer name inside one is read
  // as a place even where dictionary matching alone would not dare ("Residents of Aleppo").
  // `named_people`: byte spans an NER tagged as persons; a name inside one is no place ("Nawaf
  // Khalil" is a spokesman, not Hebron, alias al-Khalil), and a known name that opens a longer
  // one is someone else's given name ("Nawaf" there is not Kuwait's emir). Both in text order.
  std::vector<LinkedMention> link_text(std::string_view text, int day,
                                       std::span<const std::pair<uint32_t, uint32_t>> named_places = {},
                                       std::span<const std::pair<uint32_t, uint32_t>> named_people = {}) const;

  // "THE PRESIDENT:", "THE VICE PRESIDENT:", "THE PRIME MINISTER:" labelling a transcript's turns
  // name the office holder, on `day`, of the country of the body that published it (`outlet`,
  // "The White House"). Adds a person mention over each such label that names no one yet;
  // `mentions` stay in text order.
  void link_office_labels(std::string_view text, std::string_view outlet, int day,
                          std::vector<LinkedMention>& mentions) const;

  // One mention found by another component (an NER span), with the people already named in the
  // document for within-document references. nullopt when the KB does not know it.
  std::optional<LinkedMention> link_span(std::string_view surface, int day,
                                         const std::vector<uint32_t>& people_in_doc = {}) const;

  // Is this folded word the first word of two or more KB people's names ("paul", "charles")?
  // Such a surname alone is a given name more often than it is the one person.
  bool given_name(std::string_view folded_word) const;

 private:
  std::shared_ptr<const Kb> kb_;
  std::vector<uint64_t> given_names_;  // key hashes, sorted
};

}  // namespace sitrep::kb

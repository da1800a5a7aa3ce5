// code: organizations the knowledge base does not know, found by the shape of their names: two
// or more capitalized words with a head word that says what kind of body it is ("the Ceasefire
// Violations Committee", "Association of African Jurists"). Each becomes an actor mention coded
// by a country the name contains and the head word's sector (data/lexicon/organizations.tsv).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "kb/linker.h"
#include "nlp/analysis.h"

namespace sitrep::code {

class OrgHeads {
 public:
  static Expected<std::shared_ptr<const OrgHeads>> load_embedded();
  static Expected<std::shared_ptr<const OrgHeads>> parse(std::string_view tsv);
  // The sector a head word gives ("committee" -> NGO), "" for none; `lower` in lower case.
  std::string_view sector(std::string_view lower) const;
  // The sector a word inside the name gives whatever its head ("House" in "the House Foreign
  // Affairs Committee" -> LEG), "" for none. Such a word alone makes no name an organization.
  std::string_view modifier(std::string_view lower) const;

 private:
  std::unordered_map<std::string, std::string> sector_, modifier_;
};

// Adds a mention for every such name in `body` that no actor mention already covers, keeping
// `mentions` in text order. Country and place mentions inside the name give its country and
// make way for it.
void add_unknown_organizations(std::string_view body, const nlp::Analysis& an, const OrgHeads& heads,
                               const kb::Kb& kb, std::vector<kb::LinkedMention>& mentions);

}  // namespace sitrep::code

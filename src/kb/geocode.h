// The geocoder: a place name and what the document says about where it is (its countries, the
// places already resolved) to one place: GeoNames id, coordinates, country, first-level region.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/kb.h"

namespace sitrep::kb {

struct GeoContext {
  std::vector<uint32_t> countries;  // country entries the document mentions, repeats = weight
  std::vector<uint32_t> people_countries;  // those of `countries` implied by a person named, not by a name of the country
  std::vector<uint32_t> places;     // places already resolved in the document
  std::vector<uint32_t> region_countries;  // the country of each first-level region the document names
  std::vector<std::string> said_regions;   // folded names the text calls a state ("Washington state")
  std::vector<std::string> said_countries;  // folded names the text lists among countries
  std::vector<std::pair<std::string, uint16_t>> said_in;  // folded name, region it is said in ("Cordova, Tennessee")
  std::vector<std::pair<std::string, std::string>> owned_by;  // folded name, folded place it belongs to ("Cairo's Abbasiya")
  bool focus_fallback = true;  // geocode_document: a name the gazetteer lacks goes to the document's focus
};

// The best place among a key's meanings (place, country and capital hits); kNone if none.
uint32_t best_place(const Kb& kb, std::span<const KeyRec> hits, const GeoContext& ctx);

// Folds `name` and resolves it; kNone when the KB has no place of that name.
uint32_t geocode(const Kb& kb, std::string_view name, const GeoContext& ctx);

// A document's place names resolved together: a first reading of each in text order, then each
// again with the first readings of all the other names as context, so that a place named late
// ("Enfield") still decides an earlier one ("Edmonton"). With ctx.focus_fallback, a name the
// gazetteer lacks (a village, a county) is placed at the document's most named town.
std::vector<uint32_t> geocode_document(const Kb& kb, const std::vector<std::string>& names, const GeoContext& ctx);

// The same over meanings the caller has chosen already (the linker's, filtered by its rules):
// `keys` are the folded names, `stripped` marks a name whose own meaning is not among its hits.
std::vector<uint32_t> geocode_hits(const Kb& kb, const std::vector<std::string>& keys,
                                   std::vector<std::vector<KeyRec>> hits, std::vector<char> stripped,
                                   const GeoContext& ctx);

// What the text says about where `name` is, added to ctx: "Washington state" / "the state of
// Washington" (said_regions), "Cordova, Tennessee" (said_in), "Azerbaijan, Georgia, Iraq"
// (said_countries), "Toronto's Pearson International Airport" (owned_by).
void read_text_cues(const Kb& kb, std::string_view text, std::string_view name, GeoContext& ctx);

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace sitrep::kb

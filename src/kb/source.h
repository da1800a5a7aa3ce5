// The authored knowledge base as read from data/kb/*.tsv (+ iso-codes + GeoNames cities), before
// compilation. `sitrep kb check` and the compiler both start here.
#pragma once
#include <string>
#include <vector>

#include "core/error.h"

namespace sitrep::kb {

struct SourceRow {
  std::string file;
  int line = 0;
};

struct SourceCountry : SourceRow {
  std::string iso2, iso3, cameo, name, capital;
  double lat = 0, lon = 0;
  std::vector<std::string> names, adjectives;  // adjectives include demonyms
};
struct SourcePerson : SourceRow {
  std::string id, name, surname;
  std::vector<std::string> aliases;
};
struct SourceRole : SourceRow {
  std::string person, title, of, code;  // `of`: a country's CAMEO/ISO3 code or an organization id
  int start = 0, end = 0;               // days since 1970-01-01, end exclusive
};
struct SourceOrg : SourceRow {
  std::string id, name, code, kind, country;
  std::vector<std::string> aliases;
};
struct SourceTitle : SourceRow {
  std::string key, sector;
  bool single_holder = false;
  int rank = 0;
  std::vector<std::string> phrases;
};
struct SourceAgent : SourceRow {
  std::string phrase, sector;
};
struct SourcePlace : SourceRow {
  std::string id, name, country, admin1, feature;
  std::vector<std::string> aliases;
  double lat = 0, lon = 0;
  long population = 0;
  long geonameid = 0;
};
struct SourceWord : SourceRow {
  std::string word, word_class;
};
struct SourceCode : SourceRow {
  std::string code, kind, meaning;
};
struct IsoSubdivision {
  std::string code, name, type, parent;
};

struct KbSource {
  std::vector<SourceCountry> countries;
  std::vector<SourcePerson> people;
  std::vector<SourceRole> roles;
  std::vector<SourceOrg> orgs;
  std::vector<SourceTitle> titles;
  std::vector<SourceAgent> agents;
  std::vector<SourcePlace> places;  // authored places, then GeoNames cities
  std::vector<SourceWord> words;
  std::vector<SourceCode> codes;
  std::vector<IsoSubdivision> subdivisions;
  std::vector<std::pair<std::string, std::string>> iso_alpha;  // (alpha_2, alpha_3) from iso-codes
  std::vector<std::string> iso_names;                          // parallel: common or plain name
  size_t authored_places = 0;
  bool has_cities = false;
  std::vector<Error> errors;  // malformed lines; check_source adds consistency errors
};

struct SourcePaths {
  std::string data_dir;  // data/kb: every *.tsv in it, its table named by the file name prefix
  std::string iso_dir;   // /usr/share/iso-codes/json; empty to skip
  std::string cities;    // cities1000.txt; empty or missing to skip (warning)
};

KbSource read_source(const SourcePaths& paths);

// Appends to parse errors: duplicate ids, unknown codes and references, overlapping roles.
std::vector<Error> check_source(const KbSource& src);

// "2020-03-05", "2020-03" (first of the month) or "2020" (1 January) to days since 1970-01-01.
bool parse_day(std::string_view s, int& day);

}  // namespace sitrep::kb

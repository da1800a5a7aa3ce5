// Importer for PETRARCH / Phoenix (TABARI-format) actor and agent dictionaries, so users who
// maintain those can bring them: actors with dated codes become people with roles, undated
// actors become organizations, agents become agents. The output is data/kb TSV tables.
#pragma once
#include <string>
#include <vector>

#include "core/error.h"
#include "kb/source.h"

namespace sitrep::kb {

struct PetrarchImport {
  std::vector<SourcePerson> people;
  std::vector<SourceRole> roles;
  std::vector<SourceOrg> orgs;
  std::vector<SourceAgent> agents;
  size_t skipped = 0;  // entries without a usable code
};

// Reads one dictionary file; agents files are recognised by their [~CODE] entries. Overlapping
// date ranges of one actor are merged (same code) or cut at the newer code.
Expected<bool> read_petrarch_file(const std::string& path, PetrarchImport& into);

// Writes people-<prefix>.tsv, roles-<prefix>.tsv, orgs-<prefix>.tsv, agents-<prefix>.tsv.
Expected<bool> write_petrarch_tables(const PetrarchImport& imp, const std::string& dir, const std::string& prefix);

}  // namespace sitrep::kb

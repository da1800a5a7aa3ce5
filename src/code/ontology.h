// code: the event ontology. CAMEO codes with name, Goldstein value and QuadClass, the PLOVER
// types and modes, and the CAMEO -> PLOVER map, read from data/ontology/*.tsv (compiled into the
// binary). Immutable once loaded; one instance is shared by every thread.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace sitrep::code {

struct CameoCode {
  std::string code;         // "041", "0211"
  std::string name;         // "discuss by telephone"
  double goldstein = 0;     // [-10, 10]
  int quad_class = 0;       // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover_type;  // "CONSULT"
  std::string plover_mode;  // "phone" or ""
  std::string root() const { return code.substr(0, 2); }
};

class Ontology {
 public:
  // The tables compiled into the binary (data/ontology). Errors name file:line.
  static Expected<std::shared_ptr<const Ontology>> load_embedded();
  // From the texts of cameo.tsv, plover.tsv and cameo_plover.tsv (tests feed broken tables).
  static Expected<std::shared_ptr<const Ontology>> parse(std::string_view cameo, std::string_view plover,
                                                         std::string_view map);

  const CameoCode* find(std::string_view code) const;  // nullptr when not a CAMEO code
  // A copy that also knows codes a user's dictionary defines beyond CAMEO ("1951", "345"); each
  // takes Goldstein value, QuadClass and PLOVER type from its longest CAMEO prefix, if any.
  std::shared_ptr<const Ontology> extended(const std::vector<std::string>& extra) const;
  const std::vector<CameoCode>& codes() const { return codes_; }
  bool has_plover(std::string_view type, std::string_view mode) const;
  // Consistency problems ("ontology/cameo.tsv: 0211: ..."); empty when the tables are sound.
  std::vector<std::string> check() const;

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::pair<std::string, std::string>> plover_;  // (type, mode); mode "" = the type
};

}  // namespace sitrep::code

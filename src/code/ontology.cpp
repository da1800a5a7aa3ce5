#include "code/ontology.h"

#include <charconv>
#include <set>

#include "code/tsv.h"
#include "core/embedded.h"

namespace sitrep::code {
namespace {

Error bad(const char* file, int line, const std::string& msg) {
  return Error{std::string("data/ontology/") + file, "line " + std::to_string(line), msg};
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

Expected<std::shared_ptr<const Ontology>> Ontology::load_embedded() {
  return parse(embedded_data("ontology/cameo.tsv"), embedded_data("ontology/plover.tsv"),
               embedded_data("ontology/cameo_plover.tsv"));
}

Expected<std::shared_ptr<const Ontology>> Ontology::parse(std::string_view cameo, std::string_view plover,
                                                          std::string_view map) {
  auto o = std::make_shared<Ontology>();
  if (cameo.empty() || plover.empty() || map.empty())
    return Error{"data/ontology", "", "ontology tables missing from the build"};
  for (const auto& r : read_tsv(cameo)) {
    if (r.cells.size() != 4) return bad("cameo.tsv", r.line, "expected 4 columns: code, name, goldstein, quad_class");
    CameoCode c;
    c.code = r.cells[0];
    c.name = r.cells[1];
    if (!all_digits(c.code) || c.code.size() < 2 || c.code.size() > 4)
      return bad("cameo.tsv", r.line, "not a CAMEO code: '" + c.code + "'");
    std::string_view g = r.cells[2], q = r.cells[3];
    auto [p1, e1] = std::from_chars(g.data(), g.data() + g.size(), c.goldstein);
    auto [p2, e2] = std::from_chars(q.data(), q.data() + q.size(), c.quad_class);
    if (e1 != std::errc() || p1 != g.data() + g.size()) return bad("cameo.tsv", r.line, "bad Goldstein value");
    if (e2 != std::errc() || p2 != q.data() + q.size()) return bad("cameo.tsv", r.line, "bad QuadClass");
    if (o->index_.count(c.code)) return bad("cameo.tsv", r.line, "duplicate code " + c.code);
    o->index_[c.code] = o->codes_.size();
    o->codes_.push_back(std::move(c));
  }
  for (const auto& r : read_tsv(plover)) {
    if (r.cells.size() < 2) return bad("plover.tsv", r.line, "expected type, mode, description");
    o->plover_.emplace_back(std::string(r.cells[0]), std::string(r.cells[1]));
  }
  std::set<std::string> mapped;
  for (const auto& r : read_tsv(map)) {
    if (r.cells.size() < 2) return bad("cameo_plover.tsv", r.line, "expected cameo, type, mode");
    auto it = o->index_.find(std::string(r.cells[0]));
    if (it == o->index_.end()) return bad("cameo_plover.tsv", r.line, "unknown CAMEO code " + std::string(r.cells[0]));
    std::string type(r.cells[1]), mode(r.cells.size() > 2 ? r.cells[2] : std::string_view());
    if (!o->has_plover(type, "")) return bad("cameo_plover.tsv", r.line, "unknown PLOVER type " + type);
    if (!o->has_plover(type, mode)) return bad("cameo_plover.tsv", r.line, "mode '" + mode + "' is not a mode of " + type);
    if (!mapped.insert(it->first).second) return bad("cameo_plover.tsv", r.line, "code mapped twice: " + it->first);
    o->codes_[it->second].plover_type = type;
    o->codes_[it->second].plover_mode = mode;
  }
  return std::shared_ptr<const Ontology>(std::move(o));
}

std::shared_ptr<const Ontology> Ontology::extended(const std::vector<std::string>& extra) const {
  auto o = std::make_shared<Ontology>(*this);
  for (const auto& code : extra) {
    if (code.empty() || o->index_.count(code)) continue;
    CameoCode c;
    c.code = code;
    c.name = "dictionary code " + code;
    for (size_t n = code.size() - 1; n >= 2; --n)
      if (const CameoCode* parent = find(std::string_view(code).substr(0, n))) {
        c.goldstein = parent->goldstein;
        c.quad_class = parent->quad_class;
        c.plover_type = parent->plover_type;
        c.plover_mode = parent->plover_mode;
        break;
      }
    o->index_[c.code] = o->codes_.size();
    o->codes_.push_back(std::move(c));
  }
  return o;
}

const CameoCode* Ontology::find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

bool Ontology::has_plover(std::string_view type, std::string_view mode) const {
  for (const auto& [t, m] : plover_)
    if (t == type && m == mode) return true;
  return false;
}

std::vector<std::string> Ontology::check() const {
  std::vector<std::string> problems;
  for (const auto& c : codes_) {
    std::string where = "ontology/cameo.tsv: " + c.code + ": ";
    if (c.goldstein < -10 || c.goldstein > 10) problems.push_back(where + "Goldstein value outside [-10, 10]");
    if (c.quad_class < 1 || c.quad_class > 4) problems.push_back(where + "QuadClass outside 1-4");
    if (c.plover_type.empty()) problems.push_back(where + "no PLOVER type in cameo_plover.tsv");
    if (c.code.size() > 2 && !find(c.code.substr(0, 2))) problems.push_back(where + "its root is missing");
    if (c.code.size() == 4 && !find(c.code.substr(0, 3))) problems.push_back(where + "its 3-digit parent is missing");
    int root = std::stoi(c.code.substr(0, 2));
    int expect_quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    if (c.quad_class != expect_quad) problems.push_back(where + "QuadClass does not match its root");
  }
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    if (!find(root)) problems.push_back("ontology/cameo.tsv: root " + root + " missing");
  }
  static const char* kTypes[] = {"AGREE",  "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
                                 "RETREAT", "REQUEST", "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
                                 "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
  for (const char* t : kTypes)
    if (!has_plover(t, "")) problems.push_back(std::string("ontology/plover.tsv: type ") + t + " missing");
  return problems;
}

}  // namespace sitrep::code

// Reading the authored TSV tables. Each file's name says its table (countries*.tsv,
// people*.tsv, roles*.tsv, ...) so a table can be split by region without code changes.
#include "kb/source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

namespace sitrep::kb {
namespace fs = std::filesystem;

bool parse_day(std::string_view s, int& day) {
  int y = 0, m = 1, d = 1;
  auto num = [](std::string_view t, int& v) {
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
  };
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    if (!num(s.substr(0, 4), y) || !num(s.substr(5, 2), m) || !num(s.substr(8, 2), d)) return false;
  } else if (s.size() == 7 && s[4] == '-') {
    if (!num(s.substr(0, 4), y) || !num(s.substr(5, 2), m)) return false;
  } else if (s.size() == 4) {
    if (!num(s, y)) return false;
  } else {
    return false;
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  day = static_cast<int>(sys_days(ymd).time_since_epoch().count());
  return true;
}

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::vector<std::string> list(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto& x : split(s, '|'))
    if (!x.empty()) out.push_back(std::move(x));
  return out;
}

struct TableReader {
  KbSource& src;
  std::string file;
  int line = 0;

  void error(const std::string& msg) { src.errors.push_back({file, "line " + std::to_string(line), msg}); }
  SourceRow row() const { return {file, line}; }
  bool number(const std::string& s, double& v) {
    try {
      size_t n = 0;
      v = std::stod(s, &n);
      if (n == s.size()) return true;
    } catch (...) {
    }
    error("not a number: '" + s + "'");
    return false;
  }
  bool day(const std::string& s, int& v, int if_empty) {
    if (s.empty()) {
      v = if_empty;
      return true;
    }
    if (parse_day(s, v)) return true;
    error("not a date (YYYY-MM-DD, YYYY-MM or YYYY): '" + s + "'");
    return false;
  }

  // Dispatches one line of the table `table` split into columns `c`.
  void add(const std::string& table, std::vector<std::string>& c) {
    auto need = [&](size_t n) {
      if (c.size() >= n) return true;
      error(table + ": expected at least " + std::to_string(n) + " columns, found " + std::to_string(c.size()));
      return false;
    };
    c.resize(std::max<size_t>(c.size(), 10));
    if (table == "countries") {
      SourceCountry x;
      static_cast<SourceRow&>(x) = row();
      x.iso2 = c[0], x.iso3 = c[1], x.cameo = c[2], x.capital = c[5];
      if (!number(c[3], x.lat) || !number(c[4], x.lon)) return;
      x.names = list(c[6]);
      x.adjectives = list(c[7]);
      src.countries.push_back(std::move(x));
    } else if (table == "people") {
      SourcePerson x;
      static_cast<SourceRow&>(x) = row();
      x.id = c[0], x.name = c[1], x.aliases = list(c[2]), x.surname = c[3];
      if (x.id.empty() || x.name.empty()) return error("people: id and name are required");
      src.people.push_back(std::move(x));
    } else if (table == "roles") {
      SourceRole x;
      static_cast<SourceRow&>(x) = row();
      x.person = c[0], x.title = c[1], x.of = c[2], x.code = c[5];
      if (c[3].empty()) return error("roles: a start date is required");
      if (!day(c[3], x.start, 0) || !day(c[4], x.end, INT32_MAX)) return;
      src.roles.push_back(std::move(x));
    } else if (table == "orgs") {
      SourceOrg x;
      static_cast<SourceRow&>(x) = row();
      x.id = c[0], x.kind = c[1], x.code = c[2], x.country = c[3], x.name = c[4], x.aliases = list(c[5]);
      if (x.id.empty() || x.name.empty()) return error("orgs: id and name are required");
      src.orgs.push_back(std::move(x));
    } else if (table == "titles") {
      SourceTitle x;
      static_cast<SourceRow&>(x) = row();
      x.key = c[0], x.sector = c[1], x.single_holder = c[2] == "1", x.rank = std::atoi(c[3].c_str());
      x.phrases = list(c[4]);
      src.titles.push_back(std::move(x));
    } else if (table == "agents") {
      if (!need(2)) return;
      SourceAgent x;
      static_cast<SourceRow&>(x) = row();
      x.phrase = c[0], x.sector = c[1];
      src.agents.push_back(std::move(x));
    } else if (table == "places") {
      SourcePlace x;
      static_cast<SourceRow&>(x) = row();
      x.id = c[0], x.feature = c[1], x.country = c[2], x.name = c[5], x.aliases = list(c[6]);
      if (!number(c[3], x.lat) || !number(c[4], x.lon)) return;
      x.population = std::atol(c[7].c_str());
      x.admin1 = c[8];
      src.places.push_back(std::move(x));
    } else if (table == "words") {
      SourceWord x;
      static_cast<SourceRow&>(x) = row();
      x.word = c[0], x.word_class = c[1];
      src.words.push_back(std::move(x));
    } else if (table == "codes") {
      SourceCode x;
      static_cast<SourceRow&>(x) = row();
      x.code = c[0], x.kind = c[1], x.meaning = c[2];
      src.codes.push_back(std::move(x));
    } else {
      error("unknown table '" + table + "' (the file name must start with a table name)");
    }
  }
};

const char* const kTables[] = {"countries", "people", "roles", "orgs", "titles", "agents", "places", "words", "codes"};

void read_table(KbSource& src, const fs::path& path) {
  std::string name = path.filename().string();
  std::string table;
  for (const char* t : kTables)
    if (name.rfind(t, 0) == 0) table = t;
  TableReader r{src, path.string()};
  if (table.empty()) {
    r.error("unknown table: the file name must start with one of countries, people, roles, orgs, titles, agents, places, words, codes");
    return;
  }
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    ++r.line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    r.add(table, cols);
  }
}

void read_iso(KbSource& src, const std::string& dir) {
  try {
    std::ifstream in1(dir + "/iso_3166-1.json");
    if (!in1) {
      src.errors.push_back({dir, "", "iso-codes not found (install the Debian package iso-codes)", Severity::Warning});
      return;
    }
    auto j1 = nlohmann::json::parse(in1);
    for (const auto& c : j1["3166-1"]) {
      src.iso_alpha.emplace_back(c["alpha_2"].get<std::string>(), c["alpha_3"].get<std::string>());
      src.iso_names.push_back(c.contains("common_name") ? c["common_name"].get<std::string>() : c["name"].get<std::string>());
    }
    std::ifstream in2(dir + "/iso_3166-2.json");
    if (in2) {
      auto j2 = nlohmann::json::parse(in2);
      for (const auto& c : j2["3166-2"])
        src.subdivisions.push_back({c["code"].get<std::string>(), c["name"].get<std::string>(),
                                    c["type"].get<std::string>(), c.value("parent", std::string())});
    }
  } catch (const std::exception& e) {
    src.errors.push_back({dir, "", std::string("iso-codes unreadable: ") + e.what()});
  }
}

// GeoNames cities1000: geonameid, name, asciiname, alternatenames, lat, lon, feature class,
// feature code, country, cc2, admin1, admin2, admin3, admin4, population, ...
void read_cities(KbSource& src, const std::string& path) {
  std::ifstream in(path);
  if (path.empty() || !in) {
    src.errors.push_back({path.empty() ? "cities1000.txt" : path, "",
                          "GeoNames cities not available: the KB has no cities (geocoding is limited)", Severity::Warning});
    return;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto c = split(line, '\t');
    if (c.size() < 15) continue;
    SourcePlace p;
    p.file = path;
    p.line = n;
    p.geonameid = std::atol(c[0].c_str());
    p.id = "gn:" + c[0];
    p.name = c[1];
    if (c[2] != c[1]) p.aliases.push_back(c[2]);
    for (auto& a : split(c[3], ',')) {
      // Only Latin-script alternates: the linker reads English news.
      bool latin = !a.empty();
      for (unsigned char ch : a)
        if (ch >= 0x80 && ch < 0xC0) continue;
        else if (ch >= 0xD0) latin = false;  // beyond Latin Extended in UTF-8 lead bytes
      if (latin && a != c[1] && a != c[2]) p.aliases.push_back(std::move(a));
    }
    p.lat = std::atof(c[4].c_str());
    p.lon = std::atof(c[5].c_str());
    p.feature = c[7];
    p.country = c[8];
    p.admin1 = c[10];
    p.population = std::atol(c[14].c_str());
    src.places.push_back(std::move(p));
  }
  src.has_cities = true;
}

}  // namespace

KbSource read_source(const SourcePaths& paths) {
  KbSource src;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(paths.data_dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec) src.errors.push_back({paths.data_dir, "", "cannot read the KB data folder: " + ec.message()});
  // By table, the base file first: roles.tsv declares an office-holder's primary roles, which
  // win ties over the regional files' (the British monarch is GBR before Canada's head of state).
  auto order = [](const fs::path& p) {
    std::string stem = p.stem().string();
    size_t dash = stem.find('-');
    return std::make_tuple(stem.substr(0, dash), dash != std::string::npos, stem);
  };
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) { return order(a) < order(b); });
  for (const auto& f : files) read_table(src, f);
  src.authored_places = src.places.size();
  if (!paths.iso_dir.empty()) read_iso(src, paths.iso_dir);
  read_cities(src, paths.cities);
  return src;
}

}  // namespace sitrep::kb

// kb check on the shipped data and on hand-made bad data; kb.bin loading of bad files; the
// PETRARCH importer on the Phoenix dictionaries; the seed articles' actors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "kb/compile.h"
#include "kb/kb.h"
#include "kb/linker.h"
#include "kb/petrarch.h"
#include "kb/source.h"

namespace sitrep::kb {
namespace {
namespace fs = std::filesystem;

size_t fatal_count(const std::vector<Error>& errs, const std::string& containing, std::string* all = nullptr) {
  size_t n = 0;
  for (const auto& e : errs) {
    if (all) *all += e.where() + ": " + e.message + "\n";
    if (e.severity != Severity::Warning && e.message.find(containing) != std::string::npos) ++n;
  }
  return n;
}

// A small, valid KB folder; tests append bad lines to it.
class TinyKb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_kb_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("codes.tsv", "GOV\trole\tgovernment\nMIL\trole\tmilitary\n");
    write("titles.tsv", "president\tGOV\t1\t1\tpresident\nleader\tGOV\t0\t0\tleader\n");
    write("countries.tsv", "AA\tAAA\tAAA\t10\t10\tAcity\tAland\tAlandish\nBB\tBBB\tBBB\t20\t20\tBcity\tBland\tBlandish\n");
    write("people.tsv", "p1\tAnna Alpha\t\np2\tBert Beta\t\n");
    write("roles.tsv", "p1\tpresident\tAAA\t2000-01-01\t2010-01-01\np2\tpresident\tAAA\t2010-01-01\t\n");
    write("agents.tsv", "soldiers\tMIL\n");
    write("orgs.tsv", "o:x\tgov\tAAAGOV\tAAA\tAlpha Palace\t\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text, bool append = false) {
    std::ofstream f(dir_ / name, append ? std::ios::app : std::ios::trunc);
    f << text;
  }
  std::vector<Error> check() { return check_source(read_source({dir_.string(), "", ""})); }
  fs::path dir_;
};

TEST_F(TinyKb, CleanDataPasses) {
  std::string all;
  EXPECT_EQ(fatal_count(check(), "", &all), 0u) << all;
}

TEST_F(TinyKb, RejectsTwoHoldersOfOneOffice) {
  write("roles.tsv", "p2\tpresident\tAAA\t2009-06-01\t2009-07-01\n", true);
  EXPECT_EQ(fatal_count(check(), "two holders of one office"), 1u);
}

TEST_F(TinyKb, RejectsOverlappingRolesOfOnePerson) {
  write("roles.tsv", "p1\tleader\tBBB\t2001-01-01\t2003-01-01\np1\tleader\tBBB\t2002-01-01\t2004-01-01\n", true);
  EXPECT_EQ(fatal_count(check(), "overlapping roles"), 1u);
}

TEST_F(TinyKb, RejectsUnknownCodes) {
  write("orgs.tsv", "o:y\tgov\tAAAXYZ\tAAA\tBad Org\t\n", true);
  write("roles.tsv", "p1\tpresident\tZZZ\t1990-01-01\t1991-01-01\n", true);
  write("agents.tsv", "police\tCOP\n", true);
  write("roles.tsv", "p1\tmayor\tAAA\t1980-01-01\t1981-01-01\n", true);
  EXPECT_EQ(fatal_count(check(), "unknown code 'AAAXYZ'"), 1u);
  EXPECT_EQ(fatal_count(check(), "unknown country or organization 'ZZZ'"), 1u);
  EXPECT_EQ(fatal_count(check(), "unknown sector code 'COP'"), 1u);
  EXPECT_EQ(fatal_count(check(), "unknown title 'mayor'"), 1u);
}

TEST_F(TinyKb, RejectsDuplicateIds) {
  write("people.tsv", "p1\tAnna Again\t\n", true);
  write("orgs.tsv", "p2\tgov\tAAAGOV\tAAA\tClash\t\n", true);
  EXPECT_EQ(fatal_count(check(), "duplicate id"), 2u);
}

TEST_F(TinyKb, RejectsBadDates) {
  write("roles.tsv", "p1\tleader\tAAA\t2001-13-01\t\np1\tleader\tBBB\t2005-01-01\t2004-01-01\n", true);
  EXPECT_EQ(fatal_count(check(), "not a date"), 1u);
  EXPECT_EQ(fatal_count(check(), "before it starts"), 1u);
}

TEST_F(TinyKb, CompiledKbResolvesTitlesByDate) {
  auto bytes = compile_kb(read_source({dir_.string(), "", ""}));
  auto kb = Kb::from_bytes(bytes);
  ASSERT_TRUE(kb) << kb.error().message;
  Linker linker(kb.value());
  int d2005 = 0, d2015 = 0;
  parse_day("2005-05-05", d2005);
  parse_day("2015-05-05", d2015);
  auto a = linker.link_text("The Alandish president spoke.", d2005);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(kb.value()->str(kb.value()->entries()[a[0].entry].id), "p1");
  auto b = linker.link_text("The Alandish president spoke; Blandish soldiers left.", d2015);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(kb.value()->str(kb.value()->entries()[b[0].entry].id), "p2");
  EXPECT_EQ(b[1].code, "BBBMIL");
}

TEST_F(TinyKb, TruncatedOrCorruptKbIsRejected) {
  std::string bytes = compile_kb(read_source({dir_.string(), "", ""}));
  ASSERT_TRUE(Kb::from_bytes(bytes));
  for (size_t cut : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = Kb::from_bytes(bytes.substr(0, cut));
    EXPECT_FALSE(r) << "cut at " << cut;
  }
  std::string longer = bytes + "x";
  EXPECT_FALSE(Kb::from_bytes(longer));
  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x55;
  auto r = Kb::from_bytes(flipped);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("checksum"), std::string::npos);
  std::string magic = bytes;
  magic[0] = 'X';
  EXPECT_FALSE(Kb::from_bytes(magic));
  // The same through the file loader.
  fs::path f = dir_ / "truncated.bin";
  std::ofstream(f, std::ios::binary) << bytes.substr(0, bytes.size() - 8);
  auto opened = Kb::open(f.string());
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("truncated"), std::string::npos);
  EXPECT_FALSE(Kb::open((dir_ / "missing.bin").string()));
}

TEST(KbShipped, CheckIsClean) {
  auto src = read_source({std::string(SITREP_SOURCE_DIR) + "/data/kb", "/usr/share/iso-codes/json", ""});
  std::string all;
  EXPECT_EQ(fatal_count(check_source(src), "", &all), 0u) << all;
  EXPECT_GE(src.countries.size(), 249u);
}

TEST(KbShipped, LoadsAndHasCities) {
  auto kb = Kb::open(SITREP_KB_FILE);
  if (!kb) GTEST_SKIP() << kb.error().message;
  size_t cities = 0;
  for (const auto& p : kb.value()->places()) cities += p.geonameid != 0;
  if (cities == 0) GTEST_SKIP() << "kb.bin built without GeoNames cities (npm unavailable)";
  EXPECT_GT(cities, 100000u);
}

TEST(KbImport, ReadsPhoenixDictionaries) {
  std::string dir = std::string(SITREP_SHARED_DIR) + "/data/events/phoenix-dictionaries";
  if (!fs::exists(dir)) GTEST_SKIP() << "../shared absent: " << dir;
  PetrarchImport imp;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
                        "Phoenix.agents.txt"}) {
    auto r = read_petrarch_file(dir + "/" + f, imp);
    ASSERT_TRUE(r) << r.error().message;
  }
  EXPECT_GT(imp.people.size(), 1000u);
  EXPECT_GT(imp.roles.size(), 1000u);
  EXPECT_GT(imp.orgs.size(), 500u);
  EXPECT_GT(imp.agents.size(), 500u);
  auto putin = std::find_if(imp.people.begin(), imp.people.end(), [](const auto& p) { return p.name == "Vladimir Putin"; });
  ASSERT_NE(putin, imp.people.end());
  int d = 0;
  parse_day("2020-03-05", d);
  bool gov_now = false;
  for (const auto& r : imp.roles)
    if (r.person == putin->id && r.code == "RUSGOV" && r.start <= d && d < r.end) gov_now = true;
  EXPECT_TRUE(gov_now);
  bool police = false, fishermen = false;
  for (const auto& a : imp.agents) {
    police |= a.phrase == "police" && a.sector == "COP";
    fishermen |= a.phrase == "fishermen" && a.sector == "AGR";  // expanded from FISHER!PERSON!
  }
  EXPECT_TRUE(police);
  EXPECT_TRUE(fishermen);
  // The written tables read back as a KB source.
  fs::path out = fs::temp_directory_path() / ("sitrep_petrarch_" + std::to_string(::getpid()));
  fs::create_directories(out);
  ASSERT_TRUE(write_petrarch_tables(imp, out.string(), "phoenix"));
  auto back = read_source({out.string(), "", ""});
  EXPECT_EQ(back.people.size(), imp.people.size());
  EXPECT_EQ(back.agents.size(), imp.agents.size());
  fs::remove_all(out);
}

// The seed articles' actors get the right code for the article's date. Dates are the
// articles' own (facts about them); the text is read from ../shared at test time.
TEST(KbSeeds, ActorsResolvedForTheirDate) {
  std::string dir = std::string(SITREP_SHARED_DIR) + "/seeds";
  if (!fs::exists(dir)) GTEST_SKIP() << "../shared absent: " << dir;
  auto kb = Kb::open(SITREP_KB_FILE);
  if (!kb) GTEST_SKIP() << kb.error().message;
  Linker linker(kb.value());
  struct Seed {
    const char* prefix;
    const char* date;
    std::map<std::string, std::string> expect;  // surface -> code
  };
  const Seed seeds[] = {
      {"000_", "2020-07-14",
       {{"Vladimir Putin", "RUSGOV"}, {"Recep Tayyip Erdogan", "TURGOV"}, {"Kremlin", "RUSGOV"},
        {"Russian Defense Ministry", "RUSGOVMIL"}, {"UN Security Council", "IGOUNO"}, {"Moscow", "RUSGOV"}}},
      {"001_", "2018-09-17",
       {{"Dmitry Peskov", "RUSGOV"}, {"Hassan Rouhani", "IRNGOV"}, {"Vladimir Putin", "RUSGOV"},
        {"Recep Tayyip Erdogan", "TURGOV"}, {"Staffan de Mistura", "IGOUNO"}, {"Damascus", "SYRGOV"},
        {"Jabhat al-Nusra", "SYRREBIMGMOSALQ"}, {"Al-Qaeda terror groups", "IMGMOSALQ"}, {"Ankara", "TURGOV"},
        {"militants", "REB"}, {"terrorists", "REB"}}},
      {"002_", "2020-02-28",
       {{"Sergey Lavrov", "RUSGOV"}, {"Angela Merkel", "DEUGOV"}, {"Emmanuel Macron", "FRAGOV"}, {"NATO", "IGONAT"},
        {"Turkish soldiers", "TURMIL"}, {"Turkish leader", "TURGOV"}}},
      {"003_", "2020-02-28",
       {{"Syrian government forces", "SYRMIL"}, {"Turkish soldiers", "TURMIL"}, {"Russian Defense Ministry", "RUSGOVMIL"},
        {"Russia’s Aerospace Forces", "RUSMIL"}, {"Turkish armed forces", "TURMIL"}, {"Syrian troops", "SYRMIL"}}},
      {"004_", "2020-03-05", {{"Turkish troops", "TURMIL"}, {"Russian leader", "RUSGOV"}, {"Syrian army", "SYRMIL"}}},
  };
  for (const auto& s : seeds) {
    std::string path;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().rfind(s.prefix, 0) == 0) path = e.path().string();
    ASSERT_FALSE(path.empty()) << s.prefix;
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int d = 0;
    parse_day(s.date, d);
    auto ms = linker.link_text(text, d);
    for (const auto& [surface, code] : s.expect) {
      bool found = false;
      for (const auto& m : ms)
        if (text.substr(m.begin, m.end - m.begin) == surface) {
          found = true;
          EXPECT_EQ(m.code, code) << s.prefix << " " << surface;
        }
      EXPECT_TRUE(found) << s.prefix << " " << surface << " not linked";
    }
  }
}

}  // namespace
}  // namespace sitrep::kb

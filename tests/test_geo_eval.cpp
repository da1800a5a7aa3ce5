// The geocoder's document context and the geo evaluation's dev/test split, against the shipped kb.bin.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <tuple>

#include "kb/eval_geo.h"
#include "kb/fold.h"
#include "kb/geocode.h"

namespace sitrep::kb {
namespace {

std::shared_ptr<const Kb> shipped_kb() {
  static std::shared_ptr<const Kb> kb = [] {
    auto r = Kb::open(SITREP_KB_FILE);
    return r ? r.value() : nullptr;
  }();
  return kb;
}

class GeoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!shipped_kb()) GTEST_SKIP() << "kb.bin not built at " << SITREP_KB_FILE;
  }
  const PlaceRec& place(uint32_t pi) { return shipped_kb()->places()[pi]; }
  // Scores `xml` written as a dataset file named `file` (GeoVirus.xml or TR-News.xml: the name
  // says the format), every article.
  Expected<GeoEvalResult> eval_articles(const char* file, const std::string& xml) {
    auto dir = std::filesystem::temp_directory_path() /
               (std::string("sitrep_geo_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir);
    auto path = (dir / file).string();
    std::ofstream(path) << xml;
    Linker linker(shipped_kb());
    auto r = eval_geo_file(linker, path, GeoSplit::All);
    std::filesystem::remove_all(dir);
    return r;
  }
};

// A place named after an ambiguous one still decides it: Edmonton beside Cairns is in Queensland.
TEST_F(GeoTest, LaterPlaceDecidesEarlierOne) {
  auto placed = geocode_document(*shipped_kb(), {"Edmonton", "Cairns"}, {});
  ASSERT_EQ(placed.size(), 2u);
  ASSERT_NE(placed[0], kNone);
  EXPECT_LT(place(placed[0]).lat, -10.0);  // Edmonton, Queensland, not Alberta
  auto alone = geocode_document(*shipped_kb(), {"Edmonton"}, {});
  ASSERT_NE(alone[0], kNone);
  EXPECT_GT(place(alone[0]).lat, 50.0);  // the big Edmonton without context
}

// Authored London districts: Edmonton beside Enfield is the London one.
TEST_F(GeoTest, LondonEdmontonBesideEnfield) {
  auto placed = geocode_document(*shipped_kb(), {"Edmonton", "Enfield", "Tottenham", "Heathrow"}, {});
  for (uint32_t pi : placed) {
    ASSERT_NE(pi, kNone);
    EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, 51.5, -0.12), 50.0) << shipped_kb()->str(place(pi).name);
  }
}

// A US county seat (PPLA2) is no more notable than its population: Torrington, Connecticut
// (35,000) over Torrington, Wyoming (7,000, a county seat).
TEST_F(GeoTest, CountySeatDoesNotOutweighPopulation) {
  uint32_t pi = geocode(*shipped_kb(), "Torrington", {});
  ASSERT_NE(pi, kNone);
  EXPECT_GT(place(pi).lon, -80.0);
}

// An authored site outranks a GeoNames town of the same name (White House, Tennessee).
TEST_F(GeoTest, AuthoredSiteOverNamesakeTown) {
  uint32_t pi = geocode_document(*shipped_kb(), {"White House", "Washington"}, {})[0];
  ASSERT_NE(pi, kNone);
  EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, 38.90, -77.04), 20.0);
}

// "Fars Province", "Los Angeles County": unknown as such, resolved without the administrative word.
TEST_F(GeoTest, AdministrativeSuffixFallsBack) {
  uint32_t fars = geocode(*shipped_kb(), "Fars Province", {});
  ASSERT_NE(fars, kNone);
  EXPECT_EQ(shipped_kb()->str(place(fars).admin1).substr(0, 2), "IR");
  uint32_t la = geocode(*shipped_kb(), "Los Angeles County", {});
  ASSERT_NE(la, kNone);
  EXPECT_LT(distance_km(place(la).lat, place(la).lon, 34.05, -118.24), 100.0);
  EXPECT_EQ(geocode(*shipped_kb(), "Zzyzxq County", {}), kNone);
}

// A repeated name does not vote for its own first reading.
TEST_F(GeoTest, RepeatedNameIsNotItsOwnContext) {
  auto placed = geocode_document(*shipped_kb(), {"Edmonton", "Edmonton", "Cairns"}, {});
  ASSERT_NE(placed[1], kNone);
  EXPECT_LT(place(placed[0]).lat, -10.0);
  EXPECT_LT(place(placed[1]).lat, -10.0);
}

TEST_F(GeoTest, SplitTakesEvenArticlesForDevOddForTest) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_geo_split";
  std::filesystem::create_directories(dir);
  auto path = (dir / "GeoVirus.xml").string();
  {
    std::ofstream out(path);
    out << "<articles>\n";
    for (const char* city : {"Cairo", "Paris", "Nairobi"})
      out << "<article><text>News from " << city << ".</text><locations><location><name>" << city
          << "</name><lat>0</lat><lon>0</lon></location></locations></article>\n";
    out << "</articles>\n";
  }
  Linker linker(shipped_kb());
  auto all = eval_geo_file(linker, path, GeoSplit::All);
  auto dev = eval_geo_file(linker, path, GeoSplit::Dev);
  auto test = eval_geo_file(linker, path, GeoSplit::Test);
  ASSERT_TRUE(all && dev && test);
  EXPECT_EQ(all.value().articles, 3u);
  EXPECT_EQ(dev.value().articles, 2u);  // articles 0 and 2
  EXPECT_EQ(test.value().articles, 1u);
  ASSERT_EQ(test.value().misses.size(), 1u);
  EXPECT_NE(test.value().misses[0].find("#1 Paris"), std::string::npos) << test.value().misses[0];
  std::filesystem::remove_all(dir);
}

// Subdivisions and regions the press names carry their own coordinates, not the country's
// centroid or a same-named village.
TEST_F(GeoTest, AuthoredSubdivisionsHaveTheirOwnPoint) {
  for (auto [name, lat, lon] : {std::tuple{"KwaZulu-Natal", -29.0, 31.0}, {"Sindh", 26.1, 68.8}, {"Pangasinan", 15.9, 120.3},
                                 {"Luzon", 16.0, 121.0}, {"Fort Detrick", 39.43, -77.42}, {"Kibera", -1.31, 36.78}}) {
    uint32_t pi = geocode(*shipped_kb(), name, {});
    ASSERT_NE(pi, kNone) << name;
    EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, lat, lon), 161.0) << name;
  }
}

// "Georgia" among US states: the country name does not make the text about the Caucasus.
TEST_F(GeoTest, AmbiguousCountryNameIsNotCountryContext) {
  auto r = eval_articles("GeoVirus.xml",
      "<articles><article><text>Flu cases rose in Georgia, Alabama, Florida and Tennessee, the United States "
      "health agency said.</text><locations><location><name>Georgia</name><lat>33</lat><lon>-83.5</lon>"
      "</location></locations></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().correct, 1u) << (r.value().misses.empty() ? "" : r.value().misses[0]);
}

// "London Police" links to the UK government (the capital as metonym), but "London" names towns
// in several countries: it must not make the text about the UK.
TEST_F(GeoTest, CapitalMetonymOfAmbiguousNameIsNotCountryContext) {
  auto r = eval_articles("TR-News.xml",
      "<articles><article><text>LONDON, Ky. (WKYT) - London Police have arrested two people on theft charges at the Wal-Mart on Kentucky 192. "
      "London Police say the suspect had four warrants.</text><toponyms><toponym><phrase>London</phrase>"
      "<gaztag><lat>37.129</lat><lon>-84.0833</lon></gaztag></toponym></toponyms></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().toponyms, 1u);
  EXPECT_LT(r.value().mean_error_km, 1000.0) << (r.value().misses.empty() ? "" : r.value().misses[0]);  // a US London
}

}  // namespace
// "England" in an American story is England, not England, Arkansas: a first-level region
// outweighs a small namesake town of the document's country.
TEST_F(GeoTest, ConstituentCountryOverSmallTownOfTheStorysCountry) {
  const Kb& kb = *shipped_kb();
  GeoContext ctx;
  for (const auto& h : kb.find_key(fold_key("United States")))
    if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) ctx.countries.assign(3, h.target);
  ASSERT_FALSE(ctx.countries.empty());
  auto placed = geocode_document(kb, {"Texas", "England"}, ctx);
  ASSERT_NE(placed[1], kNone);
  EXPECT_LT(distance_km(place(placed[1]).lat, place(placed[1]).lon, 52.16, -0.7), 161.0);
}

// "North London", "Central Luzon": a compass part of a place unknown as such is near the place;
// a part of an ocean is no town named like it, and an alternate name is no part of anything.
TEST_F(GeoTest, CompassPartFallsBackToThePlace) {
  for (auto [name, lat, lon] : {std::tuple{"North London", 51.55, -0.12}, {"Central Luzon", 15.47, 120.75}}) {
    uint32_t pi = geocode(*shipped_kb(), name, {});
    ASSERT_NE(pi, kNone) << name;
    EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, lat, lon), 161.0) << name;
  }
  EXPECT_EQ(geocode(*shipped_kb(), "South Pacific", {}), kNone);
  EXPECT_EQ(geocode(*shipped_kb(), "West Prince", {}), kNone);
}

// A first-level region contains its places: the dateline's "VICTORIA" beside "British Columbia"
// is the provincial capital (the province is in one country, and Victoria is inside it), not the
// Australian state.
TEST_F(GeoTest, RegionContainsItsPlaces) {
  auto placed = geocode_document(*shipped_kb(), {"VICTORIA", "British Columbia", "B.C."}, {});
  ASSERT_NE(placed[0], kNone);
  EXPECT_LT(distance_km(place(placed[0]).lat, place(placed[0]).lon, 48.43, -123.37), 50.0);
  const PlaceRec& bc = place(placed[1]);
  EXPECT_NE(bc.region, 0);
  EXPECT_EQ(bc.region, place(placed[0]).region);  // CA-BC is GeoNames' CA.02
}

// A passing mention of a country does not carry a world city's name to its small namesake there.
TEST_F(GeoTest, CountryShareOfTheDocumentWeighs) {
  const Kb& kb = *shipped_kb();
  auto country = [&](const char* name) {
    for (const auto& h : kb.find_key(fold_key(name)))
      if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) return h.target;
    return kNone;
  };
  GeoContext ctx;
  ctx.countries = {country("Iraq"), country("Iraq"), country("United States"), country("Turkey"), country("Turkey")};
  auto placed = geocode_document(kb, {"Iraq", "United States", "Cairo", "UK", "Turkey"}, ctx);
  ASSERT_NE(placed[2], kNone);
  EXPECT_LT(distance_km(place(placed[2]).lat, place(placed[2]).lon, 30.04, 31.23), 50.0);
}

// "ACT", "WA", "NSW" are Australian only in capitals: "the Expropriation Act" names no place.
TEST_F(GeoTest, AllCapsRegionAbbreviationsAreExactCase) {
  Linker linker(shipped_kb());
  for (const auto& m : linker.link_text("The family home will be seized under the Expropriation Act, wa said.", kNoDate))
    EXPECT_NE(m.kind, MentionKind::Place) << m.begin;
}

// "Washington" alone is the capital; in a list of states, or where the text says "Washington
// state", it is the state, at the state's point (not that of Washington, Utah).
TEST_F(GeoTest, WashingtonTheStateWhenTheTextSaysSo) {
  auto near_state = [&](uint32_t pi) { return pi != kNone && distance_km(place(pi).lat, place(pi).lon, 47.5, -120.5) < 161.0; };
  EXPECT_FALSE(near_state(geocode_document(*shipped_kb(), {"Washington", "Canada"}, {})[0]));
  GeoContext said;
  said.said_regions = {"washington"};
  EXPECT_TRUE(near_state(geocode_document(*shipped_kb(), {"Washington", "Canada"}, said)[0]));
  auto listed = geocode_document(*shipped_kb(), {"Texas", "Utah", "Virginia", "Washington", "Oregon", "Wyoming"}, {});
  EXPECT_TRUE(near_state(listed[3]));
}

// A county the gazetteer lacks, whose namesake towns lie outside the regions the story names, is
// placed at the story's town; so is a village the gazetteer lacks. Without the fallback neither is.
TEST_F(GeoTest, UnknownCountyAndVillageAtTheDocumentsFocus) {
  std::vector<std::string> names = {"EDMONTON", "Ky.", "Metcalfe County", "Kentucky", "Edmonton", "Zzyzxq"};
  auto placed = geocode_document(*shipped_kb(), names, {});
  for (size_t i : {2, 5}) {
    ASSERT_NE(placed[i], kNone) << names[i];
    EXPECT_LT(distance_km(place(placed[i]).lat, place(placed[i]).lon, 36.99, -85.63), 50.0) << names[i];
  }
  GeoContext off;
  off.focus_fallback = false;
  auto unplaced = geocode_document(*shipped_kb(), names, off);
  EXPECT_EQ(unplaced[5], kNone);
  ASSERT_NE(unplaced[2], kNone);
  EXPECT_GT(distance_km(place(unplaced[2]).lat, place(unplaced[2]).lon, 36.99, -85.63), 161.0);
}

// "NY" and "D.C." are places too.
TEST_F(GeoTest, PostalAbbreviations) {
  for (auto [name, lat, lon] : {std::tuple{"NY", 43.0, -75.5}, {"D.C.", 38.9, -77.03}}) {
    uint32_t pi = geocode(*shipped_kb(), name, {});
    ASSERT_NE(pi, kNone) << name;
    EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, lat, lon), 161.0) << name;
  }
}

// Inside a region the story names outweighs a bigger namesake: Austin in an Indiana story about
// Scott County is Austin, Indiana, not the capital of Texas.
TEST_F(GeoTest, InsideANamedRegionOverABiggerNamesake) {
  auto placed = geocode_document(*shipped_kb(), {"Indiana", "Austin", "Scott County", "Indiana", "Evansville",
                                                 "Louisville", "Kentucky", "Austin", "United States"}, {});
  ASSERT_NE(placed[1], kNone);
  EXPECT_LT(distance_km(place(placed[1]).lat, place(placed[1]).lon, 38.74, -85.8), 50.0);
}

// A facility named after its town is near the town.
TEST_F(GeoTest, FacilityFallsBackToItsTown) {
  uint32_t pi = geocode(*shipped_kb(), "Da Nang International Airport", {});
  ASSERT_NE(pi, kNone);
  EXPECT_LT(distance_km(place(pi).lat, place(pi).lon, 16.04, 108.19), 50.0);
}

// "Portland, Maine": the region named after the comma decides between two towns of one country;
// in a list of states ("Virginia, Washington, West Virginia") a state is not said to be in the next.
TEST_F(GeoTest, TownCommaRegion) {
  auto r = eval_articles("GeoVirus.xml",
      "<articles><article><text>The ship docked in Portland, Maine, on Friday. Cases were found in Oregon, Virginia, "
      "Washington, West Virginia and Wyoming.</text><locations>"
      "<location><name>Portland</name><lat>43.66</lat><lon>-70.26</lon></location>"
      "<location><name>Oregon</name><lat>44</lat><lon>-120.5</lon></location>"
      "<location><name>Virginia</name><lat>37.5</lat><lon>-79</lon></location>"
      "<location><name>Washington</name><lat>47.5</lat><lon>-120.5</lon></location>"
      "<location><name>West Virginia</name><lat>38.5</lat><lon>-80.5</lon></location>"
      "<location><name>Wyoming</name><lat>43</lat><lon>-107.5</lon></location>"
      "</locations></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().correct, 6u) << (r.value().misses.empty() ? "" : r.value().misses[0]);
}

// "Armenia, Azerbaijan, Georgia, Iraq": listed among countries, Georgia is the country; beside a
// university ("the universities of Georgia and Glasgow") it keeps its usual reading.
TEST_F(GeoTest, NameListedAmongCountriesIsTheCountry) {
  auto r = eval_articles("GeoVirus.xml",
      "<articles><article><text>The FAO asked countries neighbouring Turkey, specifically Armenia, Azerbaijan, Georgia, "
      "Iraq, Iran and Syria, to take measures.</text><locations>"
      "<location><name>Georgia</name><lat>42</lat><lon>43.5</lon></location>"
      "</locations></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().correct, 1u) << (r.value().misses.empty() ? "" : r.value().misses[0]);
}

// A village the gazetteer lacks goes to the most named town; between towns named as often, to
// the one in the country the document names most.
TEST_F(GeoTest, FocusPrefersTheDocumentsCountry) {
  auto placed = geocode_document(*shipped_kb(), {"Algeria", "England", "London", "Algiers", "Zzyzxq", "Algeria", "France"}, {});
  ASSERT_NE(placed[4], kNone);
  EXPECT_LT(distance_km(place(placed[4]).lat, place(placed[4]).lon, 36.75, 3.05), 50.0);
}

// Without a town to go by, an unknown village goes to the country the document names; a country
// misspelt by one letter is the country.
TEST_F(GeoTest, UnknownNameWithoutTownsAndMisspeltCountry) {
  auto placed = geocode_document(*shipped_kb(), {"Rwanda", "Zzyzxq", "Rwanda", "Mauritious"}, {});
  ASSERT_NE(placed[1], kNone);
  EXPECT_LT(distance_km(place(placed[1]).lat, place(placed[1]).lon, -2.0, 30.0), 161.0);
  ASSERT_NE(placed[3], kNone);
  EXPECT_LT(distance_km(place(placed[3]).lat, place(placed[3]).lon, -20.2, 57.5), 161.0);
}

// In a story that names its state, a county known only through a namesake town is at the story's
// town: Seminole County beside Orlando, not Seminole, Florida, 180 km away.
TEST_F(GeoTest, CountyAtTheStorysTownOverANamesake) {
  auto placed = geocode_document(*shipped_kb(), {"Orlando", "Florida", "Orlando", "Seminole County"}, {});
  ASSERT_NE(placed[3], kNone);
  EXPECT_LT(distance_km(place(placed[3]).lat, place(placed[3]).lon, 28.72, -81.24), 50.0);
}

// The capital of a country the story names is that capital, even in a story whose home state
// has a town of the name (Paris, Kentucky); within the home country the usual weights decide.
TEST_F(GeoTest, CapitalOfANamedCountryAbroad) {
  const Kb& kb = *shipped_kb();
  auto country = [&](const char* name) {
    for (const auto& h : kb.find_key(fold_key(name)))
      if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) return h.target;
    return kNone;
  };
  GeoContext ctx;
  uint32_t us = country("United States"), fr = country("France");
  ctx.countries = {us, us, us, us, us, fr, fr, fr};
  auto placed = geocode_document(kb, {"GEORGETOWN", "Ky", "Pikeville", "Paris", "Georgetown", "Paris", "Kentucky"}, ctx);
  ASSERT_NE(placed[3], kNone);
  EXPECT_LT(distance_km(place(placed[3]).lat, place(placed[3]).lon, 48.85, 2.35), 50.0);
}

// "Toronto's Pearson International Airport", "Paris' iconic Champs-Elysees", "Cairo's Abbasiya":
// the place named in the possessive holds a name the gazetteer lacks or places elsewhere.
TEST_F(GeoTest, PossessiveOwnerHoldsTheName) {
  const Kb& kb = *shipped_kb();
  std::string text =
      "Flights were cancelled at Toronto's Pearson International Airport. A gunman fired on Paris' iconic "
      "Champs-Elysees. A church in Cairo's Abbasiya district was hit; Cairo police said. Toronto, Paris.";
  std::vector<std::string> names = {"Pearson International Airport", "Champs-Elysees", "Cairo", "Abbasiya", "Toronto",
                                    "Paris"};
  GeoContext ctx;
  ctx.focus_fallback = false;
  for (const char* c : {"Canada", "France", "Egypt"})
    for (const auto& h : kb.find_key(fold_key(c)))
      if (h.kind == static_cast<uint8_t>(format::HitKind::CountryName)) ctx.countries.push_back(h.target);
  for (const auto& n : names) read_text_cues(kb, text, n, ctx);
  auto placed = geocode_document(kb, names, ctx);
  std::tuple<size_t, double, double> want[] = {{0, 43.7, -79.4}, {1, 48.85, 2.35}, {3, 30.05, 31.25}};
  for (auto [i, lat, lon] : want) {
    ASSERT_NE(placed[i], kNone) << names[i];
    EXPECT_LT(distance_km(place(placed[i]).lat, place(placed[i]).lon, lat, lon), 50.0) << names[i];
  }
  // A person's possessive places nothing that has a reading of its own.
  GeoContext person;
  read_text_cues(kb, "Steele's Texas based company held its shipments.", "Texas", person);
  auto texas = geocode_document(kb, {"Texas"}, person);
  ASSERT_NE(texas[0], kNone);
  EXPECT_LT(distance_km(place(texas[0]).lat, place(texas[0]).lon, 31.0, -100.0), 400.0);
}

// End to end, a demonym inside an actor the linker found ("Russian Foreign Ministry") is found
// at the actor's country; the gold offsets count characters, so a curly apostrophe before it
// must not shift the span. Unrelated actors around a name do not count.
TEST_F(GeoTest, EndToEndDemonymInsideAnActor) {
  // "Russia\u2019s" is 8 characters and 10 bytes: "Russian" starts at character 34, byte 36.
  auto r = eval_articles("TR-News.xml",
      "<articles><article><text>Russia\u2019s envoy was shot, said the Russian Foreign Ministry.</text><toponyms>"
      "<toponym><phrase>Russian</phrase><start>34</start><end>41</end><gaztag><lat>60</lat><lon>100</lon></gaztag>"
      "</toponym></toponyms></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().linked_found, 1u) << (r.value().linked_misses.empty() ? "" : r.value().linked_misses[0]);
  EXPECT_EQ(r.value().linked_correct, 1u);
}

// End to end, a capital the linker reads as its government ("Ottawa planned") is found at the
// capital city.
TEST_F(GeoTest, EndToEndCapitalReadAsItsGovernment) {
  auto r = eval_articles("TR-News.xml",
      "<articles><article><text>Ottawa planned to raise health transfers, the ministers said.</text><toponyms>"
      "<toponym><phrase>Ottawa</phrase><start>0</start><end>6</end><gaztag><lat>45.41</lat><lon>-75.7</lon></gaztag>"
      "</toponym></toponyms></article></articles>\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().linked_correct, 1u) << (r.value().linked_misses.empty() ? "" : r.value().linked_misses[0]);
}

}  // namespace sitrep::kb

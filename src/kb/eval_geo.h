// Geocoding evaluation on the geoparsing gold sets (GeoVirus.xml, TR-News.xml): each gold
// toponym is geocoded with its article as context; correct when within 161 km (100 miles) of the
// gold coordinates, the field's standard threshold.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "kb/linker.h"

namespace sitrep::kb {

struct GeoEvalResult {
  std::string dataset;
  size_t articles = 0, toponyms = 0, resolved = 0, correct = 0;
  double mean_error_km = 0;  // over resolved toponyms
  std::vector<std::string> misses;  // "#article name: gold lat,lon -> chosen place (km)", for --errors
  double accuracy() const { return toponyms ? 100.0 * correct / toponyms : 0; }
  // End to end from the raw text: gold toponyms the linker found as a place (or country) of the
  // same name, and those it placed within 161 km.
  size_t linked_found = 0, linked_correct = 0;
  std::vector<std::string> linked_misses;  // "#article name -> not found / found as KIND / place (km)"
  double linked_recall() const { return toponyms ? 100.0 * linked_found / toponyms : 0; }
  double linked_accuracy() const { return toponyms ? 100.0 * linked_correct / toponyms : 0; }
};

// Which articles to score: dev = the even-numbered ones in file order (0, 2, 4, ...), test = the
// odd-numbered ones, all = every article. Rules are developed on dev; test is the held-out check.
enum class GeoSplit { All, Dev, Test };

// Reads either format (GeoVirus <location>, TR-News <toponym>) and scores the geocoder;
// focus_fallback off leaves names the gazetteer lacks unplaced (see geocode_document).
// `named_places`, when set, gives an article's NER location and person spans to the linker
// (end-to-end figures only: the gold names are geocoded either way).
struct NamedSpans {
  std::vector<std::pair<uint32_t, uint32_t>> places, people;
};
using NamedPlaces = std::function<NamedSpans(std::string_view text)>;
Expected<GeoEvalResult> eval_geo_file(const Linker& linker, const std::string& path, GeoSplit split = GeoSplit::All,
                                      bool focus_fallback = true, const NamedPlaces& named_places = {});

}  // namespace sitrep::kb

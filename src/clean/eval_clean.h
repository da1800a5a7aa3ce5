// clean: the main-content evaluator, scored as trafilatura's benchmark scores it. Each
// page of the dataset (evaldata.json: url -> {file, with: [...], without: [...]}, pages
// gzipped under html/) runs through the whole clean stage (clean_record); a "with"
// snippet found in the output is a true positive, else a false negative; a "without"
// snippet found is a false positive, else a true negative. Matching is substring matching
// after collapsing whitespace on both sides. The output text is the Doc's title and body;
// captions count only with include_captions. A page that fails to clean is empty output.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace sitrep {

enum class EvalSplit { All, Dev, Test };  // dev: even index in sorted url order; test: odd

struct EvalCleanOptions {
  EvalSplit split = EvalSplit::All;
  size_t limit = 0;              // score only the first N pages of the split (0 = all)
  bool include_captions = false;
  bool collect_misses = false;   // keep the snippets each page got wrong
};

struct PageMisses {
  std::string url, file;
  std::vector<std::string> missed, leaked;  // with-snippets not found, without-snippets found
  std::string error;                        // why clean_record failed, if it did
};

struct EvalCleanResult {
  std::string dataset, split;
  size_t pages = 0, failed = 0;
  uint64_t tp = 0, fp = 0, fn = 0, tn = 0;
  double clean_seconds = 0;  // CPU time inside clean_record only, not reading or gunzip
  std::vector<PageMisses> misses;
  double precision() const;
  double recall() const;
  double f1() const;
  double accuracy() const;
  double pages_per_second() const;
};

Expected<EvalCleanResult> eval_clean(const std::string& dir, const EvalCleanOptions& options);

// One JSON object, scores as percentages: {"dataset":..,"split":..,"pages":..,"failed":..,
// "precision":..,"recall":..,"f1":..,"accuracy":..,"tp":..,...,"seconds":..,"pages_per_s":..}
std::string eval_clean_json(const EvalCleanResult& r);

// Whitespace runs (ASCII and Unicode) to one space, trimmed: the matching normal form.
std::string normalize_spaces(std::string_view s);

}  // namespace sitrep

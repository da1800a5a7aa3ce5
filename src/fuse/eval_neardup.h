// fuse: measures near-duplicate detection on a test set built from a JSONL corpus: each
// article of the chosen split gets an edited copy (new headline, other boilerplate, a changed
// or dropped paragraph, a few words changed); copies must find their original, and distinct
// articles must not find each other.
#pragma once
#include <cstdint>
#include <string>

namespace sitrep {

struct NearDupEvalOptions {
  std::string corpus;           // JSONL with a "text" field
  std::string split = "test";  // dev: even articles, test: odd ones (tune on dev only)
  uint64_t limit = 4000;        // articles read from the corpus (both splits)
  double threshold = -1;        // < 0: the shipped kNearDupJaccard
  uint64_t seed = 42;
};

struct NearDupEvalResult {
  uint64_t originals = 0, copies = 0, true_positives = 0, false_positives = 0, false_negatives = 0;
  double threshold = 0, seconds = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  std::string error;  // non-empty if the corpus could not be read
};

NearDupEvalResult evaluate_near_duplicates(const NearDupEvalOptions& options);

}  // namespace sitrep

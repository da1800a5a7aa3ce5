// cli: a one-line progress bar with rate and ETA on a terminal; silent otherwise.
#pragma once
#include <cstdio>
#include <string>

#include "pipeline/pipeline.h"

namespace sitrep::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  void update(const PipelineProgress& p);
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace sitrep::cli

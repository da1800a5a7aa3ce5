#include "cli/progress.h"

#include <unistd.h>

namespace sitrep::cli {

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}

void ProgressBar::update(const PipelineProgress& p) {
  if (!enabled_) return;
  double frac = p.bytes_total ? std::min(1.0, double(p.bytes_done) / double(p.bytes_total)) : 0.0;
  double mbps = p.seconds > 0 ? double(p.bytes_done) / 1e6 / p.seconds : 0;
  double eta = frac > 0 ? p.seconds * (1 - frac) / frac : 0;
  int width = 30, filled = static_cast<int>(frac * width);
  std::string bar(filled, '#');
  bar.resize(width, '.');
  std::fprintf(stderr, "\r[%s] %3.0f%%  %llu records  %.1f MB/s  %llu errors  ETA %d:%02d ", bar.c_str(), frac * 100,
               static_cast<unsigned long long>(p.records), mbps, static_cast<unsigned long long>(p.errors),
               static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) std::fprintf(stderr, "\r%*s\r", 100, "");
}

}  // namespace sitrep::cli

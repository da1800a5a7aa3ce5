#include "pipeline/pipeline.h"

#include <time.h>

#include "clean/clean.h"
#include "fuse/near_dup.h"
#include "pipeline/pipeline_run.h"

namespace sitrep {

namespace pipeline_detail {

std::variant<Doc, Error> clean_and_sign(const RawRecord& r) {
  auto doc = clean_record(r);
  if (!doc) return doc.error();
  MinHash sig = minhash(doc->body);
  doc->minhash.assign(sig.begin(), sig.end());
  return std::move(doc.value());
}

}  // namespace pipeline_detail

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PipelineSinks& sinks) {
  PreparedSinks<Doc> prepared;
  prepared.prepare = [](Doc&& d) { return std::move(d); };
  prepared.on_result = [&](Doc& d) { sinks.on_doc(std::move(d)); };
  prepared.on_error = sinks.on_error;
  prepared.on_progress = sinks.on_progress;
  return run_pipeline(inputs, options, prepared);
}

}  // namespace sitrep

// pipeline: runs read -> clean over many inputs on threads. One thread reads, N workers
// clean, and the caller's thread receives every Doc and Error in turn (the single writer).
// With one worker everything runs on the caller's thread, in input order.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/doc.h"
#include "core/error.h"
#include "read/reader.h"

namespace sitrep {

struct PipelineOptions {
  unsigned threads = 0;  // cleaning workers; 0 = all cores; 1 = no threads at all
  bool ordered = false;  // deliver results in input order (costs a reorder buffer)
  // Ordered mode: a worker starts no record this many places past the next one due, so one
  // record slow to clean (a 50 MB line) does not let the others' results pile up behind it.
  uint32_t max_ahead = 4096;
  // Workers run this much nicer than the caller's thread (Linux: per thread), so the single
  // consumer is not kept waiting for a core while the workers fill its queue.
  int worker_nice = 0;
  ReadOptions read;
};

struct PipelineProgress {
  uint64_t bytes_done = 0, bytes_total = 0, records = 0, errors = 0;
  double seconds = 0;
  // CPU time of the reader thread and of all cleaning workers together (final report only;
  // 0 with one worker, where everything runs on the caller's thread).
  double reader_cpu_seconds = 0, worker_cpu_seconds = 0;
  uint64_t max_waiting = 0;  // ordered mode: the most results held back at once for their turn
};

// CPU seconds the calling thread has used so far.
double thread_cpu_seconds();

struct PipelineSinks {
  std::function<void(Doc&&)> on_doc;
  std::function<void(const Error&)> on_error;
  std::function<void(const PipelineProgress&)> on_progress;  // optional, called often
};

// Returns the final progress (records read, bytes, time).
PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PipelineSinks& sinks);

// The same with one more step on the workers: `prepare` turns each clean Doc into what the
// caller's thread needs (for ingest, a store row), so that thread does only the serial part.
// Each result is lent to `on_result` and destroyed afterwards on a worker, so not even freeing
// it costs the caller (with one worker, all of it happens on the caller's thread).
template <class T>
struct PreparedSinks {
  std::function<T(Doc&&)> prepare;
  std::function<void(T&)> on_result;
  std::function<void(const Error&)> on_error;
  std::function<void(const PipelineProgress&)> on_progress;  // optional, called often
};

// Defined in pipeline/pipeline_run.h: include it where T is instantiated.
template <class T>
PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PreparedSinks<T>& sinks);

}  // namespace sitrep

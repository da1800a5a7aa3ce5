#include "cli/ingest_run.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include "cli/progress.h"
#include "cli/registry.h"
#include "pipeline/pipeline_run.h"
#include "store/store.h"

namespace sitrep::cli {

int run_ingest(const IngestArgs& args, const std::string& command, std::ostream& out) {
  auto opened = Store::open(args.db);
  if (!opened) {
    std::cerr << "sitrep: " << opened.error().where() << ": " << opened.error().message << "\n";
    return kFatal;
  }
  std::unique_ptr<Store> owned = std::move(opened.value());
  Store& store = *owned;
  store.checkpoint_in_background();
  int64_t run = store.begin_run(command);
  RunCounts counts;
  std::vector<Error> pre_errors;
  auto inputs = expand_inputs(args.paths, [&](Error&& e) { pre_errors.push_back(std::move(e)); });

  // Batches commit together: a run killed at any point leaves whole batches, and a second
  // run skips what is already stored.
  const uint64_t batch = 2000;
  uint64_t in_batch = 0;
  auto last_commit = std::chrono::steady_clock::now();
  store.begin();
  auto maybe_commit = [&] {
    if (++in_batch < batch && std::chrono::steady_clock::now() - last_commit < std::chrono::seconds(2)) return;
    store.commit();
    store.begin();
    in_batch = 0;
    last_commit = std::chrono::steady_clock::now();
  };
  auto report = [&](const Error& e) {
    if (e.severity == Severity::Warning) ++counts.warnings;
    else ++counts.rejected;
    store.record_error(e, run);
    if (!args.quiet)
      std::cerr << "sitrep: " << (e.severity == Severity::Warning ? "warning: " : "rejected: ") << e.where() << ": "
                << e.message << "\n";
    maybe_commit();
  };
  ProgressBar bar(!args.quiet);
  for (const auto& e : pre_errors) report(e);

  // Articles run ~2.8 KB of input each in the corpus: room for one per 2 KB is enough.
  store.expect_documents(input_bytes(inputs) / 2048);
  PipelineOptions popts;
  popts.threads = args.threads;
  // Rows reach the store in input order whatever the threads: the first copy of a story is the
  // one stored as the original, and the database is the same with any --threads.
  popts.ordered = true;
  // The writer is the serial stage (about a third of the CPU time): with its workers a little
  // nicer it gets a core whenever it has rows, and workers no longer block on its full queue
  // (measured: blocked 0.4-0.8 -> 0.0-0.05 thread-seconds per corpus run).
  popts.worker_nice = 5;
  // The workers turn each Doc into its store row (and free what the row does not need); this
  // thread only stores rows. Rows travel boxed: a pointer moves through the queues, not the
  // row's twenty strings and signature.
  PreparedSinks<std::unique_ptr<StoreRow>> sinks;
  sinks.prepare = [](Doc&& d) { return std::make_unique<StoreRow>(prepare_row(std::move(d))); };
  sinks.on_result = [&](std::unique_ptr<StoreRow>& row) {
    const StoreRow& d = *row;
    ++counts.records;
    if (d.invalid_bytes > 0)
      report(Error{d.origin, "", std::to_string(d.invalid_bytes) + " invalid bytes replaced or removed", Severity::Warning});
    switch (store.put(d, run)) {
      case Store::PutResult::Stored: ++counts.stored; break;
      case Store::PutResult::AlreadyStored: ++counts.already_stored; break;
      case Store::PutResult::Duplicate: ++counts.stored; ++counts.duplicates; break;
      case Store::PutResult::NearDuplicate: ++counts.stored; ++counts.near_duplicates; break;
    }
    maybe_commit();
  };
  sinks.on_error = [&](const Error& e) {
    if (e.severity != Severity::Warning) ++counts.records;
    report(e);
  };
  sinks.on_progress = [&](const PipelineProgress& p) { bar.update(p); };
  PipelineProgress p = run_pipeline(inputs, popts, sinks);
  store.commit();
  bar.finish();
  std::string status = counts.rejected ? "finished with rejections" : "ok";
  store.finish_run(run, counts, status);

  // Closing checkpoints the WAL into the database: part of the run's cost, on this thread.
  auto close_start = std::chrono::steady_clock::now();
  double close_cpu = thread_cpu_seconds();
  owned.reset();
  double close_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - close_start).count();
  close_cpu = thread_cpu_seconds() - close_cpu;

  double mb = double(p.bytes_done) / 1e6;
  // CPU time, total and per thread: throughput per core even on a busy machine. This thread is
  // the single writer (with one worker it also reads and cleans).
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  double cpu_total = double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  double cpu_writer = thread_cpu_seconds();
  if (args.json) {
    nlohmann::json j = {{"command", command},   {"db", args.db},
                        {"inputs", inputs.size()}, {"records", counts.records},
                        {"stored", counts.stored}, {"already_stored", counts.already_stored},
                        {"duplicates", counts.duplicates}, {"near_duplicates", counts.near_duplicates},
                        {"rejected", counts.rejected},
                        {"warnings", counts.warnings}, {"megabytes", mb},
                        {"seconds", p.seconds},   {"mb_per_s", p.seconds > 0 ? mb / p.seconds : 0.0},
                        {"cpu_seconds", cpu_total}, {"writer_cpu_seconds", cpu_writer},
                        {"reader_cpu_seconds", p.reader_cpu_seconds}, {"worker_cpu_seconds", p.worker_cpu_seconds},
                        {"close_seconds", close_seconds}, {"close_cpu_seconds", close_cpu},
                        {"mb_per_cpu_s", cpu_total > 0 ? mb / cpu_total : 0.0},
                        {"exit_code", counts.rejected ? kSomeRejected : kOk}};
    out << j.dump() << "\n";
  } else if (!args.quiet) {
    out << "ingested " << counts.records << " records from " << inputs.size() << " inputs into " << args.db << ": "
        << counts.stored << " stored (" << counts.duplicates << " exact and " << counts.near_duplicates
        << " near duplicates of stored articles), "
        << counts.already_stored << " already stored, " << counts.rejected << " rejected, " << counts.warnings
        << " warnings; " << mb << " MB in " << p.seconds << " s\n";
  }
  return counts.rejected ? kSomeRejected : kOk;
}

}  // namespace sitrep::cli

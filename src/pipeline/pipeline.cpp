#include "pipeline/pipeline.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <variant>

#include "clean/clean.h"
#include "pipeline/queue.h"

namespace sitrep {

PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PipelineSinks& sinks) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  BoundedQueue<RawRecord> records(256);
  BoundedQueue<std::variant<Doc, Error>> results(256);
  std::atomic<uint64_t> bytes_read{0}, n_records{0};
  std::atomic<unsigned> workers_left{workers};

  std::thread reader([&] {
    for (const auto& path : inputs) {
      read_input(
          path,
          [&](RawRecord&& r) {
            bytes_read += r.bytes.size();
            ++n_records;
            records.push(std::move(r));
          },
          [&](Error&& e) { results.push(std::move(e)); }, options.read);
    }
    records.close();
  });
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < workers; ++i) {
    pool.emplace_back([&] {
      while (auto r = records.pop()) {
        auto doc = clean_record(*r);
        if (doc) results.push(std::move(doc.value()));
        else results.push(doc.error());
      }
      if (--workers_left == 0) results.close();
    });
  }

  PipelineProgress p;
  p.bytes_total = input_bytes(inputs);
  auto last = Clock::now();
  while (auto item = results.pop()) {
    if (auto* d = std::get_if<Doc>(&*item)) {
      sinks.on_doc(std::move(*d));
    } else {
      ++p.errors;
      sinks.on_error(std::get<Error>(*item));
    }
    if (sinks.on_progress && Clock::now() - last > std::chrono::milliseconds(200)) {
      last = Clock::now();
      p.bytes_done = bytes_read;
      p.records = n_records;
      p.seconds = std::chrono::duration<double>(last - start).count();
      sinks.on_progress(p);
    }
  }
  reader.join();
  for (auto& t : pool) t.join();
  p.bytes_done = bytes_read;
  p.records = n_records;
  p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return p;
}

}  // namespace sitrep

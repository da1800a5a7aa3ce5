#include "pipeline/pipeline.h"

#include <time.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

#include "clean/clean.h"
#include "fuse/near_dup.h"
#include "pipeline/queue.h"

namespace sitrep {
namespace {

// A record cleaned into a Doc with its near-duplicate signature (for the store), or its Error.
std::variant<Doc, Error> clean_and_sign(const RawRecord& r) {
  auto doc = clean_record(r);
  if (!doc) return doc.error();
  MinHash sig = minhash(doc->body);
  doc->minhash.assign(sig.begin(), sig.end());
  return std::move(doc.value());
}

}  // namespace

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PipelineSinks& sinks) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Every record and reader error carries its input position, so results can be put back in
  // order when asked.
  struct Item {
    uint64_t seq;
    std::variant<Doc, Error> value;
  };
  PipelineProgress p;
  p.bytes_total = input_bytes(inputs);
  auto last = Clock::now();
  auto progress = [&](uint64_t bytes, uint64_t recs) {
    if (!sinks.on_progress || Clock::now() - last <= std::chrono::milliseconds(200)) return;
    last = Clock::now();
    p.bytes_done = bytes;
    p.records = recs;
    p.seconds = std::chrono::duration<double>(last - start).count();
    sinks.on_progress(p);
  };
  auto deliver = [&](std::variant<Doc, Error>& v) {
    if (auto* d = std::get_if<Doc>(&v)) {
      sinks.on_doc(std::move(*d));
    } else {
      ++p.errors;
      sinks.on_error(std::get<Error>(v));
    }
  };
  if (workers == 1) {
    // One worker: read, clean and deliver on this thread, in input order, with no hand-offs
    // between threads (on one core those cost more than they overlap).
    uint64_t bytes = 0, recs = 0;
    for (const auto& path : inputs) {
      read_input(
          path,
          [&](RawRecord&& r) {
            bytes += r.bytes.size();
            ++recs;
            auto result = clean_and_sign(r);
            deliver(result);
            progress(bytes, recs);
          },
          [&](Error&& e) {
            ++p.errors;
            sinks.on_error(e);
          },
          options.read);
    }
    p.bytes_done = bytes;
    p.records = recs;
    p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return p;
  }
  BoundedQueue<std::pair<uint64_t, RawRecord>> records(256);
  BoundedQueue<Item> results(256);
  uint64_t next_seq = 0;
  std::atomic<uint64_t> bytes_read{0}, n_records{0};
  std::atomic<unsigned> workers_left{workers};
  std::mutex cpu_mutex;
  double reader_cpu = 0, worker_cpu = 0;

  std::thread reader([&] {
    for (const auto& path : inputs) {
      read_input(
          path,
          [&](RawRecord&& r) {
            bytes_read += r.bytes.size();
            ++n_records;
            records.push({next_seq++, std::move(r)});
          },
          [&](Error&& e) { results.push(Item{next_seq++, std::move(e)}); }, options.read);
    }
    records.close();
    reader_cpu = thread_cpu_seconds();
  });
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < workers; ++i) {
    pool.emplace_back([&] {
      std::vector<std::pair<uint64_t, RawRecord>> batch;
      while (records.pop_batch(batch, 8)) {
        for (auto& r : batch) results.push(Item{r.first, clean_and_sign(r.second)});
      }
      {
        std::lock_guard lock(cpu_mutex);
        worker_cpu += thread_cpu_seconds();
      }
      if (--workers_left == 0) results.close();
    });
  }

  std::map<uint64_t, std::variant<Doc, Error>> waiting;  // ordered mode: results ahead of their turn
  uint64_t expected = 0;
  std::vector<Item> batch;
  while (results.pop_batch(batch, 64)) {
    for (auto& item : batch) {
      if (!options.ordered) {
        deliver(item.value);
      } else {
        waiting.emplace(item.seq, std::move(item.value));
        for (auto it = waiting.begin(); it != waiting.end() && it->first == expected; it = waiting.erase(it), ++expected)
          deliver(it->second);
      }
    }
    progress(bytes_read, n_records);
  }
  reader.join();
  for (auto& t : pool) t.join();
  p.bytes_done = bytes_read;
  p.records = n_records;
  p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  p.reader_cpu_seconds = reader_cpu;
  p.worker_cpu_seconds = worker_cpu;
  return p;
}

}  // namespace sitrep

// pipeline: the threads behind run_pipeline, as a template over what the workers hand to the
// caller's thread. Included by pipeline.cpp (results are Docs) and by callers with their own
// result type (ingest: store rows).
#pragma once
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

#include "pipeline/pipeline.h"
#include "pipeline/queue.h"

namespace sitrep {
namespace pipeline_detail {

// A record cleaned into a Doc with its near-duplicate signature (for the store), or its Error.
std::variant<Doc, Error> clean_and_sign(const RawRecord& r);

// Results the caller's thread is done with, waiting for a worker to destroy them.
template <class Batch>
class SpentBatches {
 public:
  void push(Batch&& b) {
    std::lock_guard lock(m_);
    spent_.push_back(std::move(b));
  }
  // Destroys everything waiting, on the calling thread.
  void destroy_waiting() {
    std::vector<Batch> taken;
    {
      std::lock_guard lock(m_);
      taken.swap(spent_);
    }
  }

 private:
  std::mutex m_;
  std::vector<Batch> spent_;
};

}  // namespace pipeline_detail

template <class T>
PipelineProgress run_pipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                              const PreparedSinks<T>& sinks) {
  using Clock = std::chrono::steady_clock;
  using Result = std::variant<T, Error>;
  auto start = Clock::now();
  unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Every record and reader error carries its input position, so results can be put back in
  // order when asked.
  struct Item {
    uint64_t seq;
    Result value;
  };
  auto finish = [&](const RawRecord& r) -> Result {
    auto cleaned = pipeline_detail::clean_and_sign(r);
    if (auto* e = std::get_if<Error>(&cleaned)) return std::move(*e);
    return sinks.prepare(std::get<Doc>(std::move(cleaned)));
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
  auto deliver = [&](Result& v) {
    if (auto* t = std::get_if<T>(&v)) {
      sinks.on_result(*t);
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
            auto result = finish(r);
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
  // Room for the writer's pauses (a commit, the near-duplicate index growing) so that workers
  // keep working through them instead of blocking on a full queue.
  BoundedQueue<Item> results(1024);
  pipeline_detail::SpentBatches<std::vector<Item>> spent;
  uint64_t next_seq = 0;
  std::atomic<uint64_t> bytes_read{0}, n_records{0};
  std::atomic<unsigned> workers_left{workers};
  std::mutex cpu_mutex;
  double reader_cpu = 0, worker_cpu = 0;
  std::atomic<uint64_t> due{0};  // ordered mode: the sequence number the caller's thread waits for

  std::thread reader([&] {
    pthread_setname_np(pthread_self(), "sitrep-read");
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
      pthread_setname_np(pthread_self(), "sitrep-clean");
      // The caller's thread is the serial stage: when it has work it should get a core rather
      // than wait its turn behind workers that only fill its queue.
      if (options.worker_nice > 0) {
        auto tid = static_cast<id_t>(syscall(SYS_gettid));
        errno = 0;
        int nice = getpriority(PRIO_PROCESS, tid);
        if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, nice + options.worker_nice));
      }
      std::vector<std::pair<uint64_t, RawRecord>> batch;
      for (;;) {
        spent.destroy_waiting();
        if (!records.pop_batch(batch, 8, 16)) break;
        for (auto& r : batch) {
          // (The record that is due is never held here: it is this one or an earlier one.)
          while (options.ordered && r.first >= due.load(std::memory_order_acquire) + options.max_ahead)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
          results.push(Item{r.first, finish(r.second)});
        }
      }
      {
        std::lock_guard lock(cpu_mutex);
        worker_cpu += thread_cpu_seconds();
      }
      if (--workers_left == 0) results.close();
    });
  }

  std::map<uint64_t, Result> waiting;  // ordered mode: results ahead of their turn
  uint64_t expected = 0;
  std::vector<Item> batch;
  while (results.pop_batch(batch, 64, 32)) {
    if (!options.ordered) {
      for (auto& item : batch) deliver(item.value);
    } else {
      std::vector<Item> delivered;
      for (auto& item : batch) {
        waiting.emplace(item.seq, std::move(item.value));
        for (auto it = waiting.begin(); it != waiting.end() && it->first == expected; it = waiting.erase(it), ++expected) {
          deliver(it->second);
          delivered.push_back(Item{it->first, std::move(it->second)});
        }
        p.max_waiting = std::max<uint64_t>(p.max_waiting, waiting.size());
      }
      due.store(expected, std::memory_order_release);
      batch.swap(delivered);
    }
    spent.push(std::move(batch));
    batch = std::vector<Item>();
    batch.reserve(64);
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

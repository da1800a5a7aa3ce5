// pipeline: a bounded blocking queue between threads; close() lets consumers drain and stop.
// Items move in batches: a consumer takes everything waiting (up to a limit) under one lock,
// and a sleeping thread is woken only when there is work for it, so a record costs no
// context switch of its own when reader, workers and writer share one core. A producer blocked
// on a full queue sleeps until it is half empty, and a consumer may ask to sleep until a few
// items have gathered: each wake-up then moves many items, not one.
#pragma once
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace sitrep {

template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void push(T item) {
    std::unique_lock lock(m_);
    if (items_.size() >= capacity_) {
      ++full_waiters_;
      not_full_.wait(lock, [&] { return items_.size() < capacity_; });
      --full_waiters_;
    }
    items_.push_back(std::move(item));
    if (empty_waiters_ && items_.size() >= wake_at_) not_empty_.notify_one();
  }
  std::optional<T> pop() {
    std::unique_lock lock(m_);
    wait_for_items(lock, 1);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    wake_producers();
    return item;
  }
  // Up to `max` items into `out` (cleared first); false when the queue is closed and drained.
  // With `gather` > 1 a sleeping consumer is woken once that many items wait (or after
  // kGatherWait, or at close) rather than at the first.
  bool pop_batch(std::vector<T>& out, size_t max, size_t gather = 1) {
    out.clear();
    std::unique_lock lock(m_);
    wait_for_items(lock, gather);
    if (items_.empty()) return false;
    while (!items_.empty() && out.size() < max) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
    wake_producers();
    return true;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  static constexpr auto kGatherWait = std::chrono::milliseconds(20);

  void wait_for_items(std::unique_lock<std::mutex>& lock, size_t gather) {
    if (!items_.empty() || closed_) return;
    ++empty_waiters_;
    if (gather > 1) {
      // A few items may wait up to kGatherWait when producers pause (a slow input).
      wake_at_ = std::min(gather, capacity_);
      not_empty_.wait_for(lock, kGatherWait, [&] { return items_.size() >= wake_at_ || closed_; });
      wake_at_ = 1;
    }
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    --empty_waiters_;
  }
  void wake_producers() {
    if (full_waiters_ && items_.size() <= capacity_ / 2) not_full_.notify_all();
  }

  size_t capacity_;
  size_t wake_at_ = 1;  // a sleeping consumer is woken when this many items wait
  std::deque<T> items_;
  bool closed_ = false;
  unsigned empty_waiters_ = 0, full_waiters_ = 0;
  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
};

}  // namespace sitrep

// pipeline: a bounded blocking queue between threads; close() lets consumers drain and stop.
// Items move in batches: a consumer takes everything waiting (up to a limit) under one lock,
// and a sleeping thread is woken only when there is work for it, so a record costs no
// context switch of its own when reader, workers and writer share one core.
#pragma once
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
    if (empty_waiters_) not_empty_.notify_one();
  }
  std::optional<T> pop() {
    std::unique_lock lock(m_);
    wait_for_items(lock);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    if (full_waiters_) not_full_.notify_one();
    return item;
  }
  // Up to `max` items into `out` (cleared first); false when the queue is closed and drained.
  bool pop_batch(std::vector<T>& out, size_t max) {
    out.clear();
    std::unique_lock lock(m_);
    wait_for_items(lock);
    if (items_.empty()) return false;
    while (!items_.empty() && out.size() < max) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
    if (full_waiters_) not_full_.notify_all();
    return true;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  void wait_for_items(std::unique_lock<std::mutex>& lock) {
    if (!items_.empty() || closed_) return;
    ++empty_waiters_;
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    --empty_waiters_;
  }

  size_t capacity_;
  std::deque<T> items_;
  bool closed_ = false;
  unsigned empty_waiters_ = 0, full_waiters_ = 0;
  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
};

}  // namespace sitrep

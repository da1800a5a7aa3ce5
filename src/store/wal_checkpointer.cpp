#include "store/wal_checkpointer.h"

#include <pthread.h>
#include <sqlite3.h>

namespace sitrep {

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return nullptr;
  }
  // A connection sees the WAL only after its first read; until then it checkpoints nothing.
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return nullptr;
  }
  return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(db));
}

WalCheckpointer::WalCheckpointer(sqlite3* db) : db_(db) { thread_ = std::thread([this] { loop(); }); }

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
  // Not the last connection (the writer's is still open): closing does not checkpoint.
  sqlite3_close(db_);
}

void WalCheckpointer::committed() {
  {
    std::lock_guard lock(m_);
    pending_ = true;
  }
  cv_.notify_one();
}

void WalCheckpointer::loop() {
  pthread_setname_np(pthread_self(), "sitrep-ckpt");
  std::unique_lock lock(m_);
  for (;;) {
    cv_.wait(lock, [&] { return pending_ || stop_; });
    if (stop_) return;
    pending_ = false;
    lock.unlock();
    // SQLITE_BUSY (another checkpoint under way) only means this one is skipped.
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
}

}  // namespace sitrep

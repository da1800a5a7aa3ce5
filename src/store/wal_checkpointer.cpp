#include "store/wal_checkpointer.h"

#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <unistd.h>

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
  auto c = std::unique_ptr<WalCheckpointer>(new WalCheckpointer(db));
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    c->frame_bytes_ = 24 + sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  c->wal_path_ = sqlite3_filename_wal(sqlite3_db_filename(db, "main"));
  c->thread_ = std::thread([raw = c.get()] { raw->loop(); });
  return c;
}

WalCheckpointer::WalCheckpointer(sqlite3* db) : db_(db) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
  if (wal_fd_ >= 0) close(wal_fd_);
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
    int frames = 0, copied = 0;
    if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied) == SQLITE_OK)
      drop_copied_frames(copied);
    lock.lock();
  }
}

// Frames copied into the database (and synced before they were) are never read again: new
// read transactions take those pages from the database file. Dropping them from the page cache
// here, while the writer works, spares the writer's close the cost of freeing the whole WAL's
// cache when it deletes the file. Only the cache is affected, never the file.
void WalCheckpointer::drop_copied_frames(int copied) {
  if (copied <= 0 || frame_bytes_ <= 24 || wal_path_.empty()) return;
  if (wal_fd_ < 0) wal_fd_ = open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (wal_fd_ < 0) return;
  posix_fadvise(wal_fd_, 0, static_cast<off_t>(32 + int64_t(copied) * frame_bytes_), POSIX_FADV_DONTNEED);
}

}  // namespace sitrep

// store: copies committed WAL frames into the database file on a thread of its own, so the
// single writer neither stops to checkpoint during a run nor at its close (where the whole WAL
// used to be copied, synced and deleted while every other thread had finished). Checkpoints
// are PASSIVE: they never wait for, nor block, the writer or readers, and SQLite keeps them
// crash-safe (a kill at any point leaves the database and WAL consistent).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace sitrep {

class WalCheckpointer {
 public:
  // Opens a connection of its own to `path`; nullptr when it cannot (the writer then keeps
  // checkpointing itself).
  static std::unique_ptr<WalCheckpointer> start(const std::string& path);
  ~WalCheckpointer();  // finishes the checkpoint under way, then stops
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // New frames were committed: checkpoint them when the thread is free.
  void committed();

 private:
  explicit WalCheckpointer(sqlite3* db);
  void loop();
  void drop_copied_frames(int copied);
  sqlite3* db_;
  std::string wal_path_;
  int64_t frame_bytes_ = 0;  // frame header + page
  int wal_fd_ = -1;
  std::mutex m_;
  std::condition_variable cv_;
  bool pending_ = false, stop_ = false;
  std::thread thread_;
};

}  // namespace sitrep

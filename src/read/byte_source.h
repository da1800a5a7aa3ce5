// read: a buffered byte stream over a file (plain or gzip, decided by zlib) or memory,
// with line and exact-length reads for the container formats.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sitrep {

class ByteStream {
 public:
  static std::unique_ptr<ByteStream> open_file(const std::string& path, std::string& error);
  static std::unique_ptr<ByteStream> from_stdin(std::string& error);
  static std::unique_ptr<ByteStream> from_memory(std::string data);
  ~ByteStream();

  enum class Line { Ok, TooLong, End };
  // Reads up to '\n' (dropped, with a trailing '\r'). A line over max_len is skipped
  // through its end and reported as TooLong.
  Line next_line(std::string& line, size_t max_len);
  // Reads exactly n bytes unless the stream ends first (returns false).
  bool read_exact(uint64_t n, std::string& out);
  bool skip(uint64_t n);
  // Reads everything left, up to max_len (returns false if there was more).
  bool read_all(std::string& out, uint64_t max_len);
  bool at_end();
  // Non-empty after a read failure (e.g. "unexpected end of file" in a truncated gzip).
  const std::string& error() const { return error_; }
  uint64_t lines_read() const { return lines_; }

 private:
  ByteStream() = default;
  bool fill();
  void* gz_ = nullptr;  // gzFile; zlib reads plain files transparently
  std::string memory_;
  bool from_memory_ = false, eof_ = false;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t lines_ = 0;
  std::string error_;
};

}  // namespace sitrep

#include "read/byte_source.h"

#include <zlib.h>

#include <cstring>
#include <unistd.h>

namespace sitrep {

namespace {
constexpr size_t kChunk = 1 << 20;
}

std::unique_ptr<ByteStream> ByteStream::open_file(const std::string& path, std::string& error) {
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  gzbuffer(gz, 1 << 17);
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->gz_ = gz;
  return s;
}

std::unique_ptr<ByteStream> ByteStream::from_stdin(std::string& error) {
  gzFile gz = gzdopen(dup(STDIN_FILENO), "rb");
  if (!gz) {
    error = "cannot read standard input";
    return nullptr;
  }
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->gz_ = gz;
  return s;
}

std::unique_ptr<ByteStream> ByteStream::from_memory(std::string data) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->from_memory_ = true;
  s->buf_ = std::move(data);
  s->eof_ = true;
  return s;
}

ByteStream::~ByteStream() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

bool ByteStream::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  int n = gzread(static_cast<gzFile>(gz_), buf_.data() + old, kChunk);
  // A truncated gzip member returns its data first and reports Z_BUF_ERROR beside it.
  int code = Z_OK;
  const char* msg = gzerror(static_cast<gzFile>(gz_), &code);
  if (code != Z_OK && error_.empty()) error_ = msg && *msg ? msg : "read error";
  if (n <= 0) {
    buf_.resize(old);
    eof_ = true;
    return false;
  }
  buf_.resize(old + static_cast<size_t>(n));
  return true;
}

ByteStream::Line ByteStream::next_line(std::string& line, size_t max_len) {
  line.clear();
  bool too_long = false;
  size_t scan_from = 0;  // relative to pos_, which fill() may move
  for (;;) {
    size_t avail = buf_.size() - pos_;
    const char* base = buf_.data() + pos_;
    const void* nl = std::memchr(base + scan_from, '\n', avail - scan_from);
    if (nl) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - base);
      if (!too_long) {
        if (len > max_len) too_long = true;
        else line.assign(base, len);
      }
      pos_ += len + 1;
      break;
    }
    if (avail > max_len) {  // drop what we have of an overlong line, keep scanning
      too_long = true;
      pos_ = buf_.size();
      scan_from = 0;
    } else {
      scan_from = avail;
    }
    if (!fill()) {
      size_t rest = buf_.size() - pos_;
      if (rest == 0 && !too_long) return Line::End;
      if (!too_long) line.assign(buf_.data() + pos_, rest);
      pos_ = buf_.size();
      break;
    }
  }
  ++lines_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return too_long ? Line::TooLong : Line::Ok;
}

bool ByteStream::read_exact(uint64_t n, std::string& out) {
  out.clear();
  while (buf_.size() - pos_ < n) {
    if (!fill()) {
      out.assign(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
      return false;
    }
  }
  out.assign(buf_, pos_, n);
  pos_ += n;
  return true;
}

bool ByteStream::skip(uint64_t n) {
  while (buf_.size() - pos_ < n) {
    n -= buf_.size() - pos_;
    pos_ = buf_.size();
    if (!fill()) return false;
  }
  pos_ += n;
  return true;
}

bool ByteStream::read_all(std::string& out, uint64_t max_len) {
  while (!eof_ && buf_.size() - pos_ <= max_len) fill();
  bool fits = buf_.size() - pos_ <= max_len;
  out.assign(buf_, pos_, fits ? std::string::npos : max_len);
  pos_ = buf_.size();
  return fits;
}

bool ByteStream::at_end() { return pos_ == buf_.size() && !fill(); }

}  // namespace sitrep

// The model file: one memory-mapped file holding every component.
//
//   header  "SITREPNL" | u32 format version | u32 part count | u64 payload bytes | u64 XXH64
//   part    u8 component id | u8 part version | u16 0 | u32 0 | u64 length | payload (8-aligned)
//
// Payloads are sequences of length-prefixed arrays (PartWriter / PartReader), 8-byte aligned so
// the loader hands out spans straight into the mapping. Every read is bounds-checked: a short,
// truncated or corrupted file is an Error at load time, never a crash later.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sitrep::nlp {

constexpr uint32_t kModelFormatVersion = 1;
enum class Component : uint8_t { Info = 1, Tagger = 2, Lemmatizer = 3, Parser = 4, Ner = 5, Sentences = 6 };

class PartWriter {
 public:
  template <class T>
  void array(std::span<const T> v) {
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  template <class T>
  void array(const std::vector<T>& v) { array(std::span<const T>(v)); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void string(std::string_view s) { array(std::span<const char>(s.data(), s.size())); }
  void strings(const std::vector<std::string>& v);
  const std::string& bytes() const { return buf_; }

 private:
  void raw(const void* p, size_t n);
  std::string buf_;
};

// Whether an open-addressing table read from a part can be probed: `slots` a power of two, `used`
// of them filled, as many as the entries the part claims, and at least one empty, so every probe ends.
inline bool sound_open_table(size_t slots, size_t used, size_t entries) {
  return slots > 0 && (slots & (slots - 1)) == 0 && used == entries && used < slots;
}

// Reads what PartWriter wrote; after the first failure every call returns empty and ok() is false.
class PartReader {
 public:
  PartReader(const char* begin, size_t size) : p_(begin), end_(begin + size) {}
  template <class T>
  std::span<const T> array() {
    uint64_t n = u64();
    if (n > uint64_t(end_ - p_) / (sizeof(T) ? sizeof(T) : 1)) return fail<T>();
    const T* data = reinterpret_cast<const T*>(p_);
    if (!skip(n * sizeof(T))) return fail<T>();
    return {data, size_t(n)};
  }
  uint64_t u64();
  std::string_view string();
  std::vector<std::string> strings();
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return size_t(end_ - p_); }

 private:
  bool skip(size_t n);
  template <class T>
  std::span<const T> fail() {
    ok_ = false;
    p_ = end_;
    return {};
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

struct ModelPart {
  Component id;
  uint8_t version;
  std::string bytes;  // for writing
};

// Writes the parts atomically (temp file + rename).
Expected<bool> write_model_file(const std::string& path, const std::vector<ModelPart>& parts);

// A read-only mapping of a checked model file; parts point into it.
class MappedModelFile {
 public:
  static Expected<std::shared_ptr<const MappedModelFile>> open(const std::string& path);
  ~MappedModelFile();
  MappedModelFile(const MappedModelFile&) = delete;
  MappedModelFile& operator=(const MappedModelFile&) = delete;

  struct Part {
    Component id;
    uint8_t version;
    const char* data;
    size_t size;
  };
  const Part* find(Component id) const;
  const std::string& path() const { return path_; }

 private:
  MappedModelFile() = default;
  std::string path_;
  void* map_ = nullptr;
  size_t size_ = 0;
  std::vector<Part> parts_;
};

}  // namespace sitrep::nlp

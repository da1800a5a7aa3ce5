#include "nlp/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <fstream>

namespace sitrep::nlp {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'N', 'L'};
constexpr size_t kHeaderSize = 32;

size_t pad8(size_t n) { return (n + 7) & ~size_t(7); }

}  // namespace

void PartWriter::raw(const void* p, size_t n) {
  buf_.append(static_cast<const char*>(p), n);
  buf_.resize(pad8(buf_.size()), '\0');
}

void PartWriter::strings(const std::vector<std::string>& v) {
  u64(v.size());
  for (const auto& s : v) string(s);
}

bool PartReader::skip(size_t n) {
  size_t padded = pad8(n);
  if (padded < n || padded > size_t(end_ - p_)) return false;
  p_ += padded;
  return true;
}

uint64_t PartReader::u64() {
  if (!ok_ || end_ - p_ < 8) {
    fail<char>();
    return 0;
  }
  uint64_t v;
  std::memcpy(&v, p_, 8);
  p_ += 8;
  return v;
}

std::string_view PartReader::string() {
  auto s = array<char>();
  return {s.data(), s.size()};
}

std::vector<std::string> PartReader::strings() {
  uint64_t n = u64();
  std::vector<std::string> out;
  if (n > uint64_t(end_ - p_) / 8) {
    fail<char>();
    return out;
  }
  out.reserve(n);
  for (uint64_t i = 0; i < n && ok_; ++i) out.emplace_back(string());
  return out;
}

Expected<bool> write_model_file(const std::string& path, const std::vector<ModelPart>& parts) {
  std::string payload;
  for (const auto& p : parts) {
    char head[16] = {};
    head[0] = char(p.id);
    head[1] = char(p.version);
    uint64_t len = p.bytes.size();
    std::memcpy(head + 8, &len, 8);
    payload.append(head, 16);
    payload.append(p.bytes);
    payload.resize(pad8(payload.size()), '\0');
  }
  char header[kHeaderSize];
  std::memcpy(header, kMagic, 8);
  uint32_t version = kModelFormatVersion, count = uint32_t(parts.size());
  uint64_t size = payload.size(), sum = XXH64(payload.data(), payload.size(), 0);
  std::memcpy(header + 8, &version, 4);
  std::memcpy(header + 12, &count, 4);
  std::memcpy(header + 16, &size, 8);
  std::memcpy(header + 24, &sum, 8);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(header, kHeaderSize);
    out.write(payload.data(), std::streamsize(payload.size()));
    if (!out) return Error{path, "", "cannot write model file"};
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Error{path, "", "cannot rename " + tmp};
  return true;
}

Expected<std::shared_ptr<const MappedModelFile>> MappedModelFile::open(const std::string& path) {
  auto fail = [&](std::string msg) { return Error{path, "", std::move(msg)}; };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot open model file");
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size < off_t(kHeaderSize)) {
    ::close(fd);
    return fail("not a sitrep model: file too short");
  }
  size_t size = size_t(st.st_size);
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return fail("cannot map model file");
  std::shared_ptr<MappedModelFile> m(new MappedModelFile());  // private constructor
  m->path_ = path;
  m->map_ = map;
  m->size_ = size;
  const char* base = static_cast<const char*>(map);
  if (std::memcmp(base, kMagic, 8) != 0) return fail("not a sitrep model: bad magic");
  uint32_t version, count;
  uint64_t payload, sum;
  std::memcpy(&version, base + 8, 4);
  std::memcpy(&count, base + 12, 4);
  std::memcpy(&payload, base + 16, 8);
  std::memcpy(&sum, base + 24, 8);
  if (version != kModelFormatVersion)
    return fail("model format version " + std::to_string(version) + ", this build reads " +
                std::to_string(kModelFormatVersion));
  if (payload != size - kHeaderSize)
    return fail("model file has " + std::to_string(size - kHeaderSize) + " payload bytes, header says " +
                std::to_string(payload) + " (truncated?)");
  if (XXH64(base + kHeaderSize, payload, 0) != sum) return fail("model file checksum mismatch (corrupted)");
  const char* p = base + kHeaderSize;
  const char* end = base + size;
  for (uint32_t i = 0; i < count; ++i) {
    if (end - p < 16) return fail("model part " + std::to_string(i) + " header cut short");
    uint64_t len;
    std::memcpy(&len, p + 8, 8);
    if (len > uint64_t(end - p - 16) || pad8(len) > size_t(end - p - 16)) return fail("model part " + std::to_string(i) + " longer than the file");
    m->parts_.push_back({Component(uint8_t(p[0])), uint8_t(p[1]), p + 16, size_t(len)});
    p += 16 + pad8(len);
  }
  if (p != end) return fail("model file has trailing bytes after its parts");
  return std::shared_ptr<const MappedModelFile>(std::move(m));
}

MappedModelFile::~MappedModelFile() {
  if (map_) munmap(map_, size_);
}

const MappedModelFile::Part* MappedModelFile::find(Component id) const {
  for (const auto& p : parts_)
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace sitrep::nlp

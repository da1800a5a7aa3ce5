#include "kb/kb.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "kb/fold.h"

namespace sitrep::kb {
using namespace format;

std::string day_to_iso(int day) {
  if (day == INT32_MAX) return "open";
  if (day == kNoDate) return "unknown";
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

struct Kb::Mapping {
  void* addr = MAP_FAILED;
  size_t size = 0;
  ~Mapping() {
    if (addr != MAP_FAILED) munmap(addr, size);
  }
};

Kb::~Kb() = default;

std::string Kb::default_path() {
  if (const char* env = std::getenv("SITREP_KB"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "kb.bin";
  return (exe.parent_path() / "kb.bin").string();
}

Expected<std::shared_ptr<const Kb>> Kb::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{path, "", std::string("cannot open the knowledge base: ") + std::strerror(errno)};
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return Error{path, "", "not a sitrep knowledge base: file shorter than its header"};
  }
  auto m = std::make_unique<Mapping>();
  m->size = static_cast<size_t>(st.st_size);
  m->addr = mmap(nullptr, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m->addr == MAP_FAILED) return Error{path, "", std::string("cannot map the knowledge base: ") + std::strerror(errno)};
  std::shared_ptr<Kb> kb(new Kb());  // private constructor: make_shared cannot reach it
  const char* data = static_cast<const char*>(m->addr);
  size_t size = m->size;
  kb->mapping_ = std::move(m);
  return adopt(std::move(kb), data, size, path);
}

Expected<std::shared_ptr<const Kb>> Kb::from_bytes(std::string bytes) {
  std::shared_ptr<Kb> kb(new Kb());
  kb->owned_ = std::move(bytes);
  const char* data = kb->owned_.data();
  size_t size = kb->owned_.size();
  return adopt(std::move(kb), data, size, "<memory>");
}

Expected<std::shared_ptr<const Kb>> Kb::adopt(std::shared_ptr<Kb> kb, const char* data, size_t size,
                                             const std::string& origin) {
  auto fail = [&](const std::string& msg) { return Error{origin, "", "invalid knowledge base: " + msg}; };
  if (size < sizeof(Header)) return fail("shorter than its header");
  Header h;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return fail("wrong magic (not a kb.bin)");
  if (h.version != kVersion)
    return fail("version " + std::to_string(h.version) + ", this sitrep reads version " + std::to_string(kVersion) + "; rebuild it");
  if (h.file_size != size)
    return fail("size " + std::to_string(size) + " bytes, header says " + std::to_string(h.file_size) + " (truncated?)");
  if (h.n_sections > 64 || sizeof(Header) + h.n_sections * sizeof(SectionRec) > size) return fail("bad section table");
  if (XXH3_64bits(data + sizeof(Header), size - sizeof(Header)) != h.checksum) return fail("checksum mismatch (corrupt)");
  std::vector<SectionRec> secs(h.n_sections);
  std::memcpy(secs.data(), data + sizeof(Header), secs.size() * sizeof(SectionRec));
  auto section = [&]<class T>(SectionId id, std::span<const T>& out) -> bool {
    for (const auto& s : secs)
      if (s.id == id) {
        if (s.elem_size != sizeof(T) || s.offset % alignof(T) != 0 || s.offset > size ||
            s.count > (size - s.offset) / sizeof(T))
          return false;
        out = {reinterpret_cast<const T*>(data + s.offset), static_cast<size_t>(s.count)};
        return true;
      }
    return false;
  };
  std::span<const char> strings;
  if (!section(kStrings, strings) || !section(kEntries, kb->entries_) || !section(kRoles, kb->roles_) ||
      !section(kTitleIndex, kb->title_index_) || !section(kTitles, kb->titles_) || !section(kAgents, kb->agents_) ||
      !section(kPlaces, kb->places_) || !section(kKeys, kb->keys_) || !section(kKeyDir, kb->key_dir_) ||
      !section(kCodes, kb->codes_))
    return fail("a section is missing or out of bounds");
  if (kb->key_dir_.size() != (size_t{1} << kDirBits) + 1 || kb->key_dir_.back() != kb->keys_.size())
    return fail("key directory does not match the keys");
  kb->strings_ = strings.data();
  return std::shared_ptr<const Kb>(std::move(kb));
}

std::span<const KeyRec> Kb::find(uint64_t h) const {
  size_t bucket = h >> (64 - kDirBits);
  const KeyRec* b = keys_.data() + key_dir_[bucket];
  const KeyRec* e = keys_.data() + key_dir_[bucket + 1];
  while (b < e && b->hash < h) ++b;  // buckets hold a handful of keys: a scan beats bisection
  const KeyRec* f = b;
  while (f < e && f->hash == h) ++f;
  return {b, static_cast<size_t>(f - b)};
}

std::span<const KeyRec> Kb::find_key(std::string_view folded_key) const { return find(key_hash(folded_key)); }

const RoleRec* Kb::active_role(uint32_t person, int day) const {
  if (person >= entries_.size()) return nullptr;
  const EntryRec& e = entries_[person];
  const RoleRec* best = nullptr;
  auto rank = [&](const RoleRec& r) {
    int k = titles_[r.title].rank;
    return k == 0 ? 100 : k;
  };
  for (uint32_t i = e.role_begin; i < e.role_begin + e.role_count; ++i) {
    const RoleRec& r = roles_[i];
    bool active = day == kNoDate ? r.end == INT32_MAX : (r.start <= day && day < r.end);
    if (active && (!best || rank(r) < rank(*best))) best = &r;
  }
  return best;
}

std::span<const RoleRec> Kb::roles_of(uint32_t person) const {
  if (person >= entries_.size()) return {};
  const EntryRec& e = entries_[person];
  return roles_.subspan(e.role_begin, e.role_count);
}

const RoleRec* Kb::holder(uint32_t title, uint32_t of, int day) const {
  auto lo = std::lower_bound(title_index_.begin(), title_index_.end(), std::pair{title, of}, [&](uint32_t i, auto key) {
    return std::pair{roles_[i].title, roles_[i].of} < key;
  });
  const RoleRec* found = nullptr;
  for (auto it = lo; it != title_index_.end() && roles_[*it].title == title && roles_[*it].of == of; ++it) {
    const RoleRec& r = roles_[*it];
    if (day == kNoDate ? r.end == INT32_MAX : (r.start <= day && day < r.end)) found = &r;
  }
  return found;
}

uint32_t Kb::title_index(std::string_view key) const {
  for (uint32_t i = 0; i < titles_.size(); ++i)
    if (str(titles_[i].key) == key) return i;
  return kNone;
}

std::string Kb::actor_code(uint32_t entry, int day) const {
  if (entry >= entries_.size()) return {};
  const EntryRec& e = entries_[entry];
  if (e.kind != static_cast<uint8_t>(EntryKind::Person)) return std::string(str(e.code));
  if (const RoleRec* r = active_role(entry, day)) return std::string(str(r->code));
  const RoleRec* last = nullptr;
  for (uint32_t i = e.role_begin; i < e.role_begin + e.role_count; ++i)
    if (day != kNoDate && roles_[i].end <= day) last = &roles_[i];
  if (last) {
    const EntryRec& of = entries_[last->of];
    if (of.kind == static_cast<uint8_t>(EntryKind::Country)) return std::string(str(of.code)) + "ELI";
    return std::string(str(last->code));
  }
  if (e.country != kNone) return std::string(str(entries_[e.country].code));
  return e.role_count ? std::string(str(roles_[e.role_begin].code)) : std::string();
}

}  // namespace sitrep::kb

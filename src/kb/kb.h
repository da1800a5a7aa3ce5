// The knowledge base stage's face. A Kb is the compiled data/kb (countries, people with dated
// roles, organizations, agents, places), memory-mapped from kb.bin and immutable: one instance is
// shared by every thread. The linker (linker.h) and geocoder (geocode.h) read it.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "kb/format.h"

namespace sitrep::kb {

using format::EntryRec;
using format::KeyRec;
using format::PlaceRec;
using format::RoleRec;
using format::TitleRec;
using format::kNone;

// Days since 1970-01-01; kNoDate when the document date is unknown (latest roles win).
inline constexpr int kNoDate = INT32_MIN;
std::string day_to_iso(int day);  // "2020-03-05"; "open" for INT32_MAX

class Kb {
 public:
  // Maps a kb.bin file; a wrong magic, version, size or checksum is an Error, never a crash.
  static Expected<std::shared_ptr<const Kb>> open(const std::string& path);
  // Loads from bytes held in memory (tests, the compiler's self-check).
  static Expected<std::shared_ptr<const Kb>> from_bytes(std::string bytes);
  // $SITREP_KB, else kb.bin next to the running executable.
  static std::string default_path();

  ~Kb();
  Kb(const Kb&) = delete;
  Kb& operator=(const Kb&) = delete;

  std::string_view str(format::Str s) const { return {strings_ + s.off, s.len}; }
  std::span<const EntryRec> entries() const { return entries_; }
  std::span<const RoleRec> roles() const { return roles_; }
  // The offices a person entry held, in the order of the KB.
  std::span<const RoleRec> roles_of(uint32_t person) const;
  std::span<const TitleRec> titles() const { return titles_; }
  std::span<const format::AgentRec> agents() const { return agents_; }
  std::span<const PlaceRec> places() const { return places_; }
  std::span<const format::CodeRec> codes() const { return codes_; }
  std::span<const KeyRec> keys() const { return keys_; }  // every folded key, sorted by hash

  // Every meaning of a folded key (see fold.h), prefix markers included.
  std::span<const KeyRec> find(uint64_t key_hash) const;
  std::span<const KeyRec> find_key(std::string_view folded_key) const;

  // The role a person held on `day` that says most about them (head of state before minister);
  // nullptr when none.
  const RoleRec* active_role(uint32_t person, int day) const;
  // Who held title `title` of entry `of` on `day`; nullptr when nobody in the KB.
  const RoleRec* holder(uint32_t title, uint32_t of, int day) const;
  uint32_t title_index(std::string_view key) const;  // kNone if absent
  // The actor code for an entry on a day: a person's role code, an org's or country's code. A
  // person with no role that day is coded by the last role before it with the ELI (former
  // elite) suffix, or by the country alone.
  std::string actor_code(uint32_t entry, int day) const;

 private:
  Kb() = default;
  static Expected<std::shared_ptr<const Kb>> adopt(std::shared_ptr<Kb> kb, const char* data, size_t size,
                                                   const std::string& origin);
  struct Mapping;
  std::unique_ptr<Mapping> mapping_;
  std::string owned_;
  const char* strings_ = nullptr;
  std::span<const EntryRec> entries_;
  std::span<const RoleRec> roles_;
  std::span<const uint32_t> title_index_;
  std::span<const TitleRec> titles_;
  std::span<const format::AgentRec> agents_;
  std::span<const PlaceRec> places_;
  std::span<const KeyRec> keys_;
  std::span<const uint32_t> key_dir_;
  std::span<const format::CodeRec> codes_;
};

}  // namespace sitrep::kb

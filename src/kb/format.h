// The kb.bin layout shared by the compiler (compile.cpp) and the loader (kb.cpp). Records are
// plain little-endian structs so the loader can view them in place through a memory map.
// Layout: Header, SectionRec[n_sections], then the sections, each 8-byte aligned.
#pragma once
#include <cstdint>

namespace sitrep::kb::format {

inline constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'K', 'B'};
inline constexpr uint32_t kVersion = 3;
inline constexpr uint32_t kNone = 0xffffffffu;
inline constexpr int kDirBits = 16;  // key directory: first index per top-16-bit hash prefix

struct Str {
  uint32_t off = 0, len = 0;  // into the strings section
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t n_sections;
  uint64_t file_size;  // exact: a longer or shorter file is rejected
  uint64_t checksum;   // XXH3-64 of every byte after the header
};

enum SectionId : uint32_t {
  kStrings = 1, kEntries, kRoles, kTitleIndex, kTitles, kAgents, kPlaces, kKeys, kKeyDir, kCodes, kWords
};

struct SectionRec {
  uint32_t id, elem_size;
  uint64_t offset, count;
};

enum class EntryKind : uint8_t { Country = 1, Person = 2, Org = 3 };

struct EntryRec {
  Str id, name, code, extra;  // extra: iso2 for countries, org kind for orgs, surname for people
  uint32_t country;           // entry index of the country it belongs to, or kNone
  uint32_t role_begin, role_count;
  uint32_t place;  // place index (countries: centroid; orgs: seat) or kNone
  uint8_t kind;
  uint8_t pad[3];
};

struct RoleRec {
  uint32_t person, title, of;  // entry, title index, entry (country or organization)
  Str code;
  int32_t start, end;  // days since 1970-01-01; end is exclusive, INT32_MAX when ongoing
};

struct TitleRec {
  Str key, sector;
  uint8_t single_holder, rank;  // rank 1 head of state, 2 head of government, 0 other
  uint8_t pad[2];
};

struct AgentRec {
  Str phrase, sector;
};

// Admin1: an authored first-level region; IsoSubdivision: one known only from ISO 3166-2.
enum class Feature : uint8_t { Other = 0, Country, Admin1, CapitalCity, AdminSeat, City, Region, Base, Crossing, Sea, IsoSubdivision };

struct PlaceRec {
  Str name, admin1;
  float lat, lon;
  uint32_t geonameid;  // 0 for authored places and ISO subdivisions
  uint32_t population;
  uint32_t country;  // entry index or kNone
  uint8_t feature;
  uint8_t pad;
  uint16_t region;  // first-level region shared with the places inside it (GeoNames admin1), 0 unknown
};

// What a folded key means. Prefix keys exist so the scanner can stop extending an n-gram early.
enum class HitKind : uint8_t {
  Prefix = 0, Person, Surname, Org, Capital, CountryName, CountryAdj, Title, Agent, Place, Word
};
// kAltName: a GeoNames alternate name; kHomeOnly: an organization's alias that names it only in
// a text naming its country or no other ("Senate" is the US Senate, not Nigeria's).
enum HitFlag : uint8_t { kExactCase = 1, kNeedsCap = 2, kAltName = 4, kHomeOnly = 8 };

struct KeyRec {
  uint64_t hash;
  uint32_t target;  // index in the table the kind names; for Word: a WordClass
  uint8_t kind, flags;
  uint16_t pad;
  Str exact;  // surface form when kExactCase
};

enum class WordClass : uint32_t { Locative = 1, Possessive, Counterpart, Coordinator, Article, EventNoun, IgoAnaphor, GroupAnaphor, Calendar, HomeAnaphor };

struct WordRec {
  Str word;
  uint32_t word_class;
  uint32_t pad;
};

struct CodeRec {
  Str code, kind, meaning;
};

}  // namespace sitrep::kb::format

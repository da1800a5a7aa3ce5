// fuse: near-duplicate documents. Syndicated and lightly edited copies (other boilerplate,
// another headline, a changed paragraph) share most of their word 5-shingles; a MinHash
// signature estimates that overlap (Jaccard) and LSH banding finds candidates in O(1).
// Parameters and their measured precision/recall: `sitrep eval neardup` and the README.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/huge_pages.h"

namespace sitrep {

constexpr int kMinHashSize = 64;      // permutations
constexpr int kLshBands = 32;         // 32 bands x 2 rows: P(candidate) = 1-(1-J^2)^32, 99.99 % at J = 0.5
constexpr int kLshRows = kMinHashSize / kLshBands;
constexpr double kNearDupJaccard = 0.5;   // estimated Jaccard at or above this = near-duplicate

using MinHash = std::array<uint32_t, kMinHashSize>;

// Signature of a body over lower-cased alphanumeric word 5-shingles. Bodies under 5 words
// get a signature of their whole text (every slot the same value).
MinHash minhash(std::string_view body);
double estimated_jaccard(const MinHash& a, const MinHash& b);
// The band keys used for LSH lookup, one per band.
std::array<uint64_t, kLshBands> lsh_bands(const MinHash& sig);

// An in-memory LSH index over signatures with caller-chosen integer ids. Index only the
// first document of each near-duplicate cluster (callers add a document only when it matched
// nothing): a thousand copies of one template then cost one entry, not a quadratic search.
class NearDupIndex {
 public:
  using Bands = std::array<uint64_t, kLshBands>;
  void add(int64_t id, const MinHash& sig) { add(id, sig, lsh_bands(sig)); }
  // The same with the signature's band keys computed beforehand (`lsh_bands(sig)`, e.g. on
  // another thread).
  void add(int64_t id, const MinHash& sig, const Bands& bands);
  // The most similar indexed document at or above the threshold, if any.
  std::optional<std::pair<int64_t, double>> best_match(const MinHash& sig, double threshold = kNearDupJaccard) const {
    return best_match(sig, lsh_bands(sig), threshold);
  }
  std::optional<std::pair<int64_t, double>> best_match(const MinHash& sig, const Bands& bands,
                                                       double threshold = kNearDupJaccard) const;
  size_t size() const { return ids_.size(); }
  // Room for `docs` documents in all: adding up to that many grows no table (each growth
  // rehashed the band table and faulted in fresh memory, ~7 % of a corpus ingest's CPU).
  void reserve(size_t docs);
  size_t table_slots() const { return slots_.size(); }

 private:
  static constexpr size_t kMaxCandidates = 4096;  // bound on work per lookup
  static constexpr uint32_t kNil = UINT32_MAX;
  static uint32_t tag_of(uint64_t key) { return static_cast<uint32_t>(key ^ (key >> 32)); }
  size_t slot_of(uint32_t tag) const;  // the tag's slot, or the empty slot where it would go
  size_t home_of(uint32_t tag) const;  // where probing for the tag starts
  void prefetch(const std::array<uint64_t, kLshBands>& keys) const;
  void grow();
  void rehash(size_t cap);  // the band table at `cap` slots (a power of two)
  // Documents in the order they were added: their ids and signatures.
  // (Growing arrays of a few MiB to tens of MiB: on huge pages their reallocations and first
  // touches cost a fraction.)
  std::vector<int64_t, HugePageAllocator<int64_t>> ids_;
  std::vector<MinHash, HugePageAllocator<MinHash>> sigs_;
  // Band buckets in one open-addressing table: band key -> newest entry; entries chain to the
  // older ones with the same key. One flat table instead of 32 node-based multimaps; a slot
  // holds a 32-bit tag of the key beside the head, 8 bytes, so a probe touches one cache line and
  // the table stays small (its cache misses were most of the cost). Two keys with one tag merely
  // share a chain: candidates are checked against their signatures.
  struct Slot {
    uint32_t tag;  // tag_of(band key)
    uint32_t head;
  };
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<uint32_t, HugePageAllocator<uint32_t>> entry_doc_, entry_next_;
  size_t used_ = 0;
};

}  // namespace sitrep

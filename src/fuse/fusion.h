// fuse: event mentions from many articles -> one record per real-world event. Mentions join an
// event when they agree on the actors (either direction for symmetric codes, data/fuse/
// symmetric.tsv), on a compatible code (same 3-digit base code, or a root-level code with one
// of its children), on a date compatible with both precisions (an event dated "--02-28" can
// join 2020-02-28), and on a compatible place. Incremental: adding a mention that is already
// fused changes nothing, so running fusion twice is a no-op.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sitrep {

// A date with what the text told: year, month or day may be 0 (unknown).
struct PartialDate {
  int year = 0, month = 0, day = 0;
  static PartialDate parse(const std::string& s);  // "2020-02-28", "2020-02", "2020", "--02-28", ""
  std::string str() const;
  bool known() const { return year || month; }
};
bool dates_compatible(const PartialDate& a, const PartialDate& b);

// What fusion needs to know about one coded mention.
struct FusionMention {
  int64_t id = 0;                // the mention's id in the store (unique)
  std::string doc_id;            // the article
  std::string anchor;            // where in the article ("sentence:offset"); with doc_id and the
                                 // codes, the seed of a founded event's id (independent of store ids)
  std::string article_group;     // the near-duplicate cluster head (doc_id when none)
  std::string outlet;            // the source that published it
  std::string report_date;       // the article's publication date (first/last report)
  std::string source, target;    // CAMEO actor codes ("RUSGOV"); may be empty
  std::string cameo;             // "041"
  PartialDate date;
  std::string country;           // ISO alpha-3 of the event location, or ""
  int64_t geonames_id = 0;       // 0 when unknown
  double confidence = 0;
};

struct FusedEvent {
  std::string id;                 // stable: derived from the first mention that founded it
  std::vector<int64_t> mentions;  // in the order they joined
  // Canonical fields, from the best evidence (highest confidence, then most precise date).
  std::string source, target, cameo, country;
  PartialDate date;
  int64_t geonames_id = 0;
  int64_t best_mention = 0;
  double best_confidence = -1;
  // Counts as GDELT defines them, but over fused mentions.
  uint32_t num_mentions = 0, num_sources = 0, num_articles = 0;
  std::string first_report, last_report;
};

class EventFuser {
 public:
  EventFuser();
  // Adds the mention; returns the index of the event it joined or founded.
  size_t add(const FusionMention& m);
  const std::vector<FusedEvent>& events() const { return events_; }
  bool symmetric(const std::string& cameo) const;

 private:
  struct Tally {
    std::vector<std::string> outlets, groups;
  };
  std::string block_key(const FusionMention& m) const;
  bool compatible(const FusedEvent& e, const FusionMention& m) const;

  std::vector<std::string> symmetric_prefixes_;
  std::vector<FusedEvent> events_;
  std::vector<Tally> tallies_;
  std::unordered_map<std::string, std::vector<size_t>> blocks_;  // actors + root -> events
  std::unordered_map<int64_t, size_t> fused_;                    // mention id -> event
  std::unordered_set<std::string> ids_;                          // event ids given so far
};

}  // namespace sitrep

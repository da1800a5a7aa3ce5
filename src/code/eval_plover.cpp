#include "code/eval_plover.h"

#include <nlohmann/json.hpp>

#include "code/code.h"

namespace sitrep::code {

const char* to_string(PloverSplit s) {
  switch (s) {
    case PloverSplit::Dev: return "dev";
    case PloverSplit::Test: return "test";
    case PloverSplit::All: return "all";
  }
  return "all";
}

std::optional<PloverSplit> parse_plover_split(std::string_view s) {
  if (s == "all") return PloverSplit::All;
  if (s == "dev") return PloverSplit::Dev;
  if (s == "test") return PloverSplit::Test;
  return std::nullopt;
}

bool in_plover_split(size_t index, PloverSplit split) {
  switch (split) {
    case PloverSplit::Dev: return index % 2 == 0;
    case PloverSplit::Test: return index % 2 == 1;
    case PloverSplit::All: return true;
  }
  return true;
}

std::string plover_2021(const std::string& t) {
  if (t == "DEMAND") return "REQUEST";
  if (t == "DISAPPROVE" || t == "INVESTIGATE") return "ACCUSE";
  if (t == "FIGHT") return "ASSAULT";
  return t;
}

std::vector<size_t> plover_records(const nlohmann::json& gold, PloverSplit split) {
  std::vector<size_t> out;
  if (!gold.is_array()) return out;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& r = gold[i];
    if (!r.is_object() || !r.contains("text") || !r["text"].is_string() || r.value("event", "") == "DOCUMENT") continue;
    if (in_plover_split(i, split)) out.push_back(i);
  }
  return out;
}

const EventMention* record_event(const std::vector<EventMention>& events) {
  const EventMention* best = nullptr;
  for (const auto& e : events)
    if (!best || (e.modality == Modality::Asserted && best->modality != Modality::Asserted) ||
        (e.modality == best->modality && e.confidence > best->confidence))
      best = &e;
  return best;
}

namespace {

// Whether any gold actor shares the coded actor's country (or the first three letters of its
// code, for international and non-state actors).
void country_match(const nlohmann::json& actors, const std::optional<ActorRef>& a, size_t& checked, size_t& right) {
  if (!actors.is_array() || actors.empty()) return;
  ++checked;
  if (!a) return;
  for (const auto& g : actors) {
    std::string c = g.value("code", "").substr(0, 3);
    if (c == a->country || c == a->code.substr(0, 3)) {
      ++right;
      return;
    }
  }
}

}  // namespace

PloverScores score_plover(const Coder& coder, const nlohmann::json& gold, PloverSplit split, std::ostream* details) {
  PloverScores s;
  for (size_t i : plover_records(gold, split)) {
    const auto& r = gold[i];
    ++s.records;
    Doc d;
    d.id = r.value("id", "");
    d.body = r["text"].get<std::string>();
    auto out = coder.code(d);
    const EventMention* best = record_event(out.events);
    std::string want = plover_2021(r.value("event", ""));
    bool right = best && best->cameo->plover_type == want;
    if (details) {
      *details << (right ? "ok   " : "miss ") << want << "\t"
               << (best ? best->cameo->plover_type + " " + best->cameo->code : "-") << "\t";
      if (best)
        *details << (best->source ? best->source->code : "-") << ">" << (best->target ? best->target->code : "-")
                 << " " << to_string(best->modality) << " " << best->pattern;
      auto codes = [](const nlohmann::json& actors) {
        std::string out;
        if (actors.is_array())
          for (const auto& g : actors) out += (out.empty() ? "" : ",") + g.value("code", "");
        return out.empty() ? std::string("-") : out;
      };
      *details << "\tgold " << codes(r.value("source", nlohmann::json())) << ">" << codes(r.value("target", nlohmann::json()))
               << "\t" << d.body << "\n";
      for (const auto& e : out.events)
        *details << "      " << (&e == best ? "* " : "  ") << e.cameo->code << " " << e.cameo->plover_type << " "
                 << (e.source ? e.source->code : "-") << ">" << (e.target ? e.target->code : "-") << " "
                 << to_string(e.modality) << " " << e.confidence << " " << e.pattern << "\n";
    }
    if (!best) continue;
    ++s.coded;
    if (right) ++s.type_right;
    country_match(r.value("source", nlohmann::json()), best->source, s.src_checked, s.src_right);
    country_match(r.value("target", nlohmann::json()), best->target, s.tgt_checked, s.tgt_right);
  }
  return s;
}

}  // namespace sitrep::code

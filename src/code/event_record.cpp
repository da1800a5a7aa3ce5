#include "code/event_record.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace sitrep::code {
namespace {

using nlohmann::json;

json actor_json(const std::optional<ActorRef>& a) {
  if (!a) return nullptr;
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"name", a->name}, {"kb_id", opt(a->kb_id)}, {"code", opt(a->code)}, {"country", opt(a->country)},
          {"agent", opt(a->agent)}};
}

json place_json(const std::optional<PlaceRef>& p) {
  if (!p) return nullptr;
  return {{"name", p->name},
          {"geonames_id", p->geonames_id ? json(p->geonames_id) : json(nullptr)},
          {"country", p->country.empty() ? json(nullptr) : json(p->country)},
          {"admin1", p->admin1.empty() ? json(nullptr) : json(p->admin1)},
          {"lat", p->lat},
          {"lon", p->lon}};
}

std::string clean_tsv(std::string s) {
  for (auto& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string event_to_json(const Doc& doc, const EventMention& e) {
  json j;
  j["doc"] = doc.id;
  j["path"] = doc.origin;
  j["sentence"] = e.sentence;
  j["span"] = {e.span.begin, e.span.end};
  j["text"] = e.text;
  j["date"] = e.date.empty() ? json(nullptr) : json(e.date);
  j["date_basis"] = e.date_basis;
  j["source"] = actor_json(e.source);
  j["target"] = actor_json(e.target);
  j["cameo"] = e.cameo->code;
  j["cameo_root"] = e.cameo->root();
  j["plover"] = e.cameo->plover_type;
  j["plover_mode"] = e.cameo->plover_mode.empty() ? json(nullptr) : json(e.cameo->plover_mode);
  j["goldstein"] = e.cameo->goldstein;
  j["quad_class"] = e.cameo->quad_class;
  j["location"] = place_json(e.location);
  j["modality"] = to_string(e.modality);
  j["attributed_to"] = actor_json(e.attributed_to);
  j["confidence"] = std::round(e.confidence * 100) / 100;
  j["predicate"] = {e.predicate.begin, e.predicate.end};
  j["pattern"] = e.pattern;
  return j.dump();
}

std::string quote_to_json(const Doc& doc, const Quote& q) {
  json j{{"doc", doc.id}, {"path", doc.origin}, {"quote", q.text}, {"span", {q.span.begin, q.span.end}},
         {"speaker", actor_json(q.speaker)}};
  return j.dump();
}

std::string event_tsv_header() {
  return "doc\tpath\tsentence\tdate\tsource\ttarget\tcameo\tplover\tplover_mode\tgoldstein\tquad_class\tlocation\t"
         "modality\tattributed_to\tconfidence\ttext";
}

std::string event_to_tsv(const Doc& doc, const EventMention& e) {
  auto code = [](const std::optional<ActorRef>& a) { return a ? (a->code.empty() ? a->name : a->code) : ""; };
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", e.confidence);
  char gold[16];
  std::snprintf(gold, sizeof gold, "%.1f", e.cameo->goldstein);
  return clean_tsv(doc.id) + "\t" + clean_tsv(doc.origin) + "\t" + std::to_string(e.sentence) + "\t" + e.date + "\t" +
         code(e.source) + "\t" + code(e.target) + "\t" + e.cameo->code + "\t" + e.cameo->plover_type + "\t" +
         e.cameo->plover_mode + "\t" + gold + "\t" + std::to_string(e.cameo->quad_class) + "\t" +
         (e.location ? clean_tsv(e.location->name) : "") + "\t" + to_string(e.modality) + "\t" + code(e.attributed_to) +
         "\t" + conf + "\t" + clean_tsv(e.text);
}

}  // namespace sitrep::code

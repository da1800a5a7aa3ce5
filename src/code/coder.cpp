// The coder: lexicon matches over a sentence's words become events; actors come from the
// linker's mentions placed by the sentence's structure. Without a parse (the default until a
// model is present) structure is read from windows: the clause around the predicate, bounded
// by punctuation, subordinators and reporting verbs.
#include "code/code.h"
#include "code/coder.h"
#include "code/org_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "kb/linker.h"
#include "kb/source.h"
#include "nlp/nlp.h"
#include "time/event_date.h"
#include "time/timex.h"

namespace sitrep::code {

const char* to_string(Modality m) {
  switch (m) {
    case Modality::Asserted: return "asserted";
    case Modality::Planned: return "planned";
    case Modality::Negated: return "negated";
    case Modality::Hypothetical: return "hypothetical";
  }
  return "asserted";
}

Expected<std::shared_ptr<const Coder>> Coder::create(CoderOptions options) {
  auto onto = options.ontology ? Expected<std::shared_ptr<const Ontology>>(options.ontology) : Ontology::load_embedded();
  if (!onto) return onto.error();
  auto lex = options.lexicon ? Expected<std::shared_ptr<const Lexicon>>(options.lexicon)
                             : Lexicon::load_embedded(*onto.value());
  if (!lex) return lex.error();
  auto heads = OrgHeads::load_embedded();
  if (!heads) return heads.error();
  std::shared_ptr<Coder> c(new Coder());
  c->org_heads_ = heads.value();
  c->options_ = std::move(options);
  c->ontology_ = onto.value();
  c->lexicon_ = lex.value();
  return std::shared_ptr<const Coder>(std::move(c));
}

namespace {

int doc_day(const Doc& d) {
  const auto& pd = d.meta.date;
  if (pd.precision == DatePrecision::Unknown || pd.year == 0) return kb::kNoDate;
  int day = kb::kNoDate;
  std::string iso = pd.iso();
  if (pd.precision == DatePrecision::Month) iso += "-15";
  if (pd.precision == DatePrecision::Year) iso += "-07-01";
  kb::parse_day(iso, day);
  return day;
}

// `surface`: how the text writes the place, when it names it as a place. That is the name a
// reader of the article knows ("Hama", "Geneva"), where GeoNames' own is local or transliterated
// ("Ḩamāh", "Genève"); the GeoNames id keeps the identity. A dateline in capitals ("GENEVA") is
// written in title case; other spellings (with digits, dots) keep the gazetteer's.
PlaceRef place_of(const kb::Kb& kb, uint32_t place, std::string_view surface = {}) {
  const auto& p = kb.places()[place];
  PlaceRef r;
  bool written = std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  bool capitals = !written && !surface.empty() &&
                  std::all_of(surface.begin(), surface.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; });
  if (written) {
    r.name = std::string(surface);
  } else if (capitals) {  // a dateline's "GENEVA", "NEW YORK": Geneva, New York
    r.name = std::string(surface);
    for (size_t i = 1; i < r.name.size(); ++i)
      if (r.name[i - 1] != ' ') r.name[i] = char(std::tolower(static_cast<unsigned char>(r.name[i])));
  } else {
    r.name = std::string(kb.str(p.name));
  }
  r.admin1 = std::string(kb.str(p.admin1));
  r.geonames_id = p.geonameid;
  r.lat = p.lat;
  r.lon = p.lon;
  if (p.country != kb::kNone) r.country = std::string(kb.str(kb.entries()[p.country].code));
  return r;
}

std::string date_value(const EventDate& d) {
  // TimeML values may carry weeks or times; the record wants YYYY[-MM[-DD]].
  const std::string& v = d.value;
  // "XXXX-02-28": no year known (no document date). The record carries it as ISO 8601's
  // "--02-28" so that fusion can join it with a dated report of the same event.
  if (v.size() >= 7 && v.compare(0, 5, "XXXX-") == 0 && std::isdigit(uint8_t(v[5])) && std::isdigit(uint8_t(v[6]))) {
    if (v.size() >= 10 && v[7] == '-' && std::isdigit(uint8_t(v[8])) && std::isdigit(uint8_t(v[9])))
      return "--" + v.substr(5, 5);
    return "--" + v.substr(5, 2);
  }
  if (v.size() < 4 || !std::isdigit(uint8_t(v[0])) || !std::isdigit(uint8_t(v[1])) || !std::isdigit(uint8_t(v[2])))
    return "";
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && std::isdigit(uint8_t(v[8]))) return v.substr(0, 10);
  if (v.size() >= 7 && v[4] == '-' && std::isdigit(uint8_t(v[5])) && std::isdigit(uint8_t(v[6]))) return v.substr(0, 7);
  if (v.size() >= 4 && std::isdigit(uint8_t(v[0])) && std::isdigit(uint8_t(v[3]))) return v.substr(0, 4);
  return "";
}

struct WordAt {
  uint32_t begin, end;
  std::string lower;
};

std::vector<WordAt> ascii_words(std::string_view body) {
  std::vector<WordAt> out;
  for (size_t i = 0; i < body.size();) {
    if (!std::isalpha(uint8_t(body[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string w;
    while (j < body.size() && std::isalpha(uint8_t(body[j]))) w.push_back(char(std::tolower(uint8_t(body[j++]))));
    out.push_back({uint32_t(i), uint32_t(j), std::move(w)});
    i = j;
  }
  return out;
}

}  // namespace

std::vector<int> resolve_pairs(std::string_view body, std::vector<kb::LinkedMention>& mentions) {
  // How far back the two antecedents may be: a few sentences.
  constexpr uint32_t kWindow = 1200;
  struct Pair {
    kb::LinkedMention a, b;  // a over the number word, b over the noun
  };
  std::vector<Pair> pairs;
  std::vector<WordAt> words = ascii_words(body);
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& noun = words[i].lower;
    bool people = noun == "leaders" || noun == "presidents" || noun == "ministers";
    bool states = noun == "countries" || noun == "nations" || noun == "sides" || noun == "governments";
    if (!people && !states) continue;
    const std::string& det = words[i - 1].lower;
    bool two = det == "two" || det == "both";
    // "the presidents" alone refers to a pair only for heads of state.
    bool the = det == "the" && (noun == "leaders" || noun == "presidents");
    if (!two && !the) continue;
    uint32_t from = words[i - 1].begin, to = words[i].end;
    // Words between them ("the two leaders", not "two ... leaders").
    if (to - from > det.size() + noun.size() + 2) continue;
    bool taken = std::any_of(mentions.begin(), mentions.end(),
                             [&](const kb::LinkedMention& m) { return m.begin < to && m.end > from; });
    if (taken) continue;
    std::vector<const kb::LinkedMention*> found;
    for (auto it = mentions.rbegin(); it != mentions.rend() && found.size() < 2; ++it) {
      if (it->end > from) continue;
      if (from - it->end > kWindow) break;
      if (it->code.empty() || it->kind == kb::MentionKind::Place) continue;
      if (people && it->kind != kb::MentionKind::Person) continue;
      if (states && it->kind != kb::MentionKind::Country && it->kind != kb::MentionKind::Person) continue;
      bool seen = std::any_of(found.begin(), found.end(), [&](const kb::LinkedMention* f) {
        return f->code.compare(0, 3, it->code, 0, 3) == 0 || (f->entry == it->entry && f->entry != kb::kNone);
      });
      if (!seen) found.push_back(&*it);
    }
    if (found.size() < 2) continue;
    Pair p{*found[1], *found[0]};
    p.a.begin = words[i - 1].begin;
    p.a.end = words[i - 1].end;
    p.b.begin = words[i].begin;
    p.b.end = words[i].end;
    pairs.push_back(std::move(p));
  }
  std::vector<int> partner(mentions.size(), -1);
  if (pairs.empty()) return partner;
  // Merge in text order, remembering where each half went.
  std::vector<kb::LinkedMention> merged;
  std::vector<int> out_partner;
  merged.reserve(mentions.size() + 2 * pairs.size());
  size_t m = 0;
  for (auto& p : pairs) {
    while (m < mentions.size() && mentions[m].begin < p.a.begin) {
      merged.push_back(std::move(mentions[m++]));
      out_partner.push_back(-1);
    }
    int ia = int(merged.size());
    merged.push_back(std::move(p.a));
    merged.push_back(std::move(p.b));
    out_partner.push_back(ia + 1);
    out_partner.push_back(ia);
  }
  while (m < mentions.size()) {
    merged.push_back(std::move(mentions[m++]));
    out_partner.push_back(-1);
  }
  mentions = std::move(merged);
  return out_partner;
}

ActorRef actor_of(const kb::Kb& kb, const kb::LinkedMention& m, std::string_view text) {
  ActorRef a;
  a.span = {m.begin, m.end};
  a.code = m.code;
  a.name = std::string(text.substr(m.begin, m.end - m.begin));
  if (m.kind == kb::MentionKind::Agent && m.entry == kb::kNone) {
    a.agent = a.code;  // "police": a sector of no known country
    return a;
  }
  if (m.entry != kb::kNone) {
    const auto& e = kb.entries()[m.entry];
    a.name = std::string(kb.str(e.name));
    a.kb_id = std::string(kb.str(e.id));
    if (e.kind == uint8_t(kb::format::EntryKind::Country)) a.country = std::string(kb.str(e.code));
    else if (e.country != kb::kNone) a.country = std::string(kb.str(kb.entries()[e.country].code));
  }
  // CAMEO's non-state prefixes name no country ("IGONAT" is NATO, not a country "IGO" with an
  // agent "NAT").
  static const char* const kNoCountry[] = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS"};
  bool stateless = std::any_of(std::begin(kNoCountry), std::end(kNoCountry),
                               [&](const char* p) { return a.code.compare(0, 3, p) == 0; });
  if (stateless) return a;
  if (a.country.empty() && a.code.size() >= 3) a.country = a.code.substr(0, 3);
  if (a.code.size() > 3) a.agent = a.code.substr(3);
  return a;
}

namespace {

// Whether `text` names `phrase` (lower case) as whole words, ignoring case.
bool names_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty() || text.size() < phrase.size()) return false;
  auto alnum = [](char c) { return std::isalnum(uint8_t(c)) != 0; };
  for (size_t i = 0; i + phrase.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < phrase.size() && std::tolower(uint8_t(text[i + k])) == phrase[k]) ++k;
    if (k < phrase.size()) continue;
    if ((i == 0 || !alnum(text[i - 1])) && (i + k == text.size() || !alnum(text[i + k]))) return true;
  }
  return false;
}

// A sports report: its words of matches, clubs and scores make up a good share of the text
// ("Mauritius who beat them 2-0", "Birmingham manager Steve Bruce admitted"). Three kinds at
// least, five in all, one word in eighty.
bool sports_story(std::string_view body) {
  static const std::set<std::string_view> kWords = {
      "striker", "strikers", "midfielder", "midfielders", "defender", "goalkeeper", "premiership", "league",
      "cup", "match", "matches", "goal", "goals", "scored", "scorer", "club", "clubs", "coach", "tournament",
      "championship", "fixture", "fixtures", "penalty", "referee", "squad", "football", "soccer", "cricket",
      "rugby", "tennis", "golf", "olympic", "olympics", "medal", "stadium", "playoff", "playoffs", "innings",
      "wicket", "wickets", "semi-final", "quarter-final", "semi-finals", "quarter-finals", "unbeaten", "draw",
      "uefa", "fifa", "nba", "nfl", "athletics", "sprinter", "champions", "title", "season", "winger", "midfield",
      "free-kick", "tackle", "fans", "boss", "premier", "transfer", "striker's", "goalless", "win", "defeat"};
  std::set<std::string_view> kinds;
  size_t words = 0, hits = 0;
  std::string w;
  for (size_t i = 0; i <= body.size(); ++i) {
    char c = i < body.size() ? body[i] : ' ';
    if (std::isalpha(uint8_t(c)) || (c == '-' && !w.empty())) {
      w.push_back(char(std::tolower(uint8_t(c))));
      continue;
    }
    if (w.empty()) continue;
    ++words;
    if (auto it = kWords.find(w); it != kWords.end()) ++hits, kinds.insert(*it);
    w.clear();
  }
  return kinds.size() >= 3 && hits >= 5 && hits * 80 >= words;
}

}  // namespace

CodedDoc Coder::code(const Doc& doc) const {
  CodedDoc out;
  const std::string& body = doc.body;
  for (const auto& d : options_.discards)
    if (d.story && names_phrase(body, d.phrase)) return out;
  nlp::Analysis an = options_.model ? options_.model->analyze(body) : nlp::segment(body);
  out.parsed = !an.head.empty();
  int day = doc_day(doc);
  std::vector<kb::LinkedMention> mentions;
  // The NER's locations let the linker read a town's name as a place without a cue word; its
  // persons keep a spokesman's surname from being read as a town.
  if (options_.linker)
    mentions = options_.linker->link_text(body, day, an.entity_bytes(nlp::EntityType::LOC),
                                          an.entity_bytes(nlp::EntityType::PER));
  if (options_.linker) options_.linker->link_office_labels(body, doc.meta.outlet, day, mentions);
  if (options_.linker && options_.unknown_organizations)
    add_unknown_organizations(body, an, *org_heads_, options_.linker->kb(), mentions);
  std::vector<int> partner = resolve_pairs(body, mentions);
  DocTime dct = anchor_from(doc.meta.date);
  std::vector<Timex> timexes = tag_timexes(body, dct);

  // The dateline's place, the fallback location.
  std::optional<PlaceRef> dateline_place;
  if (options_.linker && !doc.meta.dateline.empty()) {
    for (const auto& m : options_.linker->link_text(doc.meta.dateline, day)) {
      std::string_view written = std::string_view(doc.meta.dateline).substr(m.begin, m.end - m.begin);
      // A capital alone ("MOSCOW") may be read as its government: the dateline is the city.
      uint32_t city = kb::metonym_capital(options_.linker->kb(), m, written);
      if (m.place == kb::kNone && city == kb::kNone) continue;
      std::string_view surface = m.kind == kb::MentionKind::Place || city != kb::kNone ? written : std::string_view();
      dateline_place = place_of(options_.linker->kb(), city != kb::kNone ? city : m.place, surface);
      break;
    }
  }

  DocContext ctx{body, an, mentions, *lexicon_, *ontology_, options_.linker ? &options_.linker->kb() : nullptr, &partner};
  const bool sports = sports_story(body);
  ctx.actorless = options_.actorless_events && options_.linker != nullptr;
  std::vector<std::pair<uint32_t, int>> turns;
  const auto labels = kb::speaker_labels(body);
  for (auto [b, e] : labels) {
    int who = -1;
    auto first = std::lower_bound(mentions.begin(), mentions.end(), b,
                                  [](const kb::LinkedMention& m, uint32_t at) { return m.begin < at; });
    for (auto it = first; it != mentions.end() && it->begin < e && who < 0; ++it)
      if (it->end <= e && it->kind == kb::MentionKind::Person && !it->code.empty()) who = int(it - mentions.begin());
    turns.push_back({b, who});
  }
  ctx.turns = &turns;
  std::optional<ActorRef> last_speaker;
  // The country a mention names: a country, a place's country, an agent of a country.
  auto country_named = [&](const kb::LinkedMention& m) -> std::string {
    const kb::Kb& kb = *ctx.kb;
    uint32_t c = kb::kNone;
    if (m.kind == kb::MentionKind::Place && m.place != kb::kNone) c = kb.places()[m.place].country;
    else if ((m.kind == kb::MentionKind::Country || m.kind == kb::MentionKind::Agent) && m.entry != kb::kNone) c = m.entry;
    if (c == kb::kNone || kb.entries()[c].kind != uint8_t(kb::format::EntryKind::Country)) return "";
    return std::string(kb.str(kb.entries()[c].code));
  };
  // ... or, for a person or an organization, the country of its actor code.
  auto mention_country = [&](const kb::LinkedMention& m) -> std::string {
    std::string c = country_named(m);
    if (c.empty() && m.kind != kb::MentionKind::Place && m.entry != kb::kNone) c = actor_of(*ctx.kb, m, body).country;
    return c;
  };
  // The document's country (for agents of none): the one it names most, counting countries,
  // places and actors, the dateline among them and winning ties. (The dateline alone would
  // make a GENEVA story about Libya's commanders Swiss.) No country when two others tie.
  std::string doc_country;
  uint32_t dateline_id = dateline_place ? dateline_place->geonames_id : 0;
  if (ctx.kb && options_.agent_country_from_context) {
    std::map<std::string, int> named;
    std::string dateline_country = dateline_place ? dateline_place->country : "";
    if (!dateline_country.empty()) ++named[dateline_country];
    for (const auto& m : mentions) {
      // The dateline's own place named again ("talks resumed in Geneva") is the same voice.
      if (dateline_id && m.kind == kb::MentionKind::Place && m.place != kb::kNone &&
          ctx.kb->places()[m.place].geonameid == dateline_id)
        continue;
      // "a Britain-based monitoring group" says where a body sits, not what the story is about.
      if (m.rule == kb::LinkRule::BasedIn) continue;
      if (std::string c = mention_country(m); !c.empty()) ++named[c];
    }
    int best = 0, at_best = 0;
    for (const auto& [c, k] : named) best = std::max(best, k);
    if (!dateline_country.empty() && named[dateline_country] == best) {
      doc_country = dateline_country;
    } else {
      for (const auto& [c, k] : named)
        if (k == best) doc_country = c, ++at_best;
      if (at_best != 1) doc_country.clear();
    }
  }
  // "Iran said its forces had ...": an agent after a possessive pronoun belongs to the nearest
  // actor named before it in the sentence; any other to `fallback`.
  auto owner_country = [&](int mention, const SentenceView& sv, const std::string& fallback) -> std::string {
    if (mention < 0 || !ctx.kb || !options_.agent_country_from_context) return fallback;
    size_t b = mentions[mention].begin;
    size_t w = b;
    while (w > sv.begin && body[w - 1] == ' ') --w;
    size_t ws = w;
    while (ws > sv.begin && std::isalpha(uint8_t(body[ws - 1]))) --ws;
    std::string prev = body.substr(ws, w - ws);
    for (auto& c : prev) c = char(std::tolower(uint8_t(c)));
    if (prev != "its" && prev != "their" && prev != "his" && prev != "her") {
      // "doctors from two American aid groups", "officials of the Iraqi ministry": people from
      // or of a country's body are that country's.
      size_t e = mentions[mention].end;
      std::string_view after = std::string_view(body).substr(e, std::min<size_t>(48, sv.end > e ? sv.end - e : 0));
      if (!after.starts_with(" from ") && !after.starts_with(" of ")) return fallback;
      for (int other : sv.mentions) {
        const auto& om = mentions[other];
        if (om.begin <= e) continue;
        if (om.begin > e + after.size() || after.substr(0, om.begin - e).find_first_of(",.;:") != std::string_view::npos)
          break;
        if (std::string c = mention_country(om); !c.empty()) return c;
        break;
      }
      return fallback;
    }
    for (auto it = sv.mentions.rbegin(); it != sv.mentions.rend(); ++it) {
      if (*it == mention || mentions[*it].end > ws) continue;
      if (std::string c = mention_country(mentions[*it]); !c.empty()) return c;
    }
    return fallback;
  };
  auto give_country = [&](std::optional<ActorRef>& a, const std::string& country) {
    if (!a || !a->country.empty() || a->agent.empty() || a->code != a->agent || country.empty()) return;
    a->country = country;
    a->code = country + a->agent;
  };
  for (size_t s = 0; s < an.sentence_count(); ++s) {
    SentenceView sv = build_sentence(ctx, s);
    std::string_view sentence(body.data() + sv.begin, sv.end - sv.begin);
    bool discarded = std::any_of(options_.discards.begin(), options_.discards.end(),
                                 [&](const DiscardPhrase& d) { return !d.story && names_phrase(sentence, d.phrase); });
    std::vector<Predicate> preds = discarded ? std::vector<Predicate>{} : find_events(ctx, sv);
    // The one country of the places the sentence names ("protesters blocked the road near
    // Nayrab in Idlib"): home to its bare civilian agents (protesters, police, residents, the
    // government), who act where they live; soldiers, rebels and refugees are often far from
    // home, and communities ("Kurds") have none: they keep the story's.
    std::string sentence_country;
    if (ctx.kb && options_.agent_country_from_context && !preds.empty())
      for (int mi : sv.mentions) {
        const auto& m = mentions[mi];
        if (m.kind != kb::MentionKind::Place || m.place == kb::kNone) continue;
        if (m.rule == kb::LinkRule::BasedIn) continue;  // "a Britain-based monitoring group": no venue
        if (dateline_id && ctx.kb->places()[m.place].geonameid == dateline_id) continue;  // where the reporter is
        std::string c = country_named(m);
        if (c.empty()) continue;
        if (sentence_country.empty()) {
          sentence_country = c;
        } else if (c != sentence_country) {
          sentence_country.clear();
          break;
        }
      }
    for (auto& p : preds) {
      if (p.modality != Modality::Asserted && !options_.keep_unasserted) continue;
      EventMention e;
      e.sentence = uint32_t(s);
      e.span = {sv.begin, sv.end};
      e.text = body.substr(sv.begin, sv.end - sv.begin);
      e.cameo = ontology_->find(p.code);
      if (!e.cameo) continue;
      e.predicate = {sv.words[p.begin].span.begin, sv.words[p.end - 1].span.end};
      e.modality = p.modality;
      e.pattern = lexicon_->pattern(p.pattern).origin;
      if (ctx.kb) {
        if (p.source >= 0) e.source = actor_of(*ctx.kb, mentions[p.source], body);
        if (p.target >= 0) e.target = actor_of(*ctx.kb, mentions[p.target], body);
        if (p.speaker >= 0) e.attributed_to = actor_of(*ctx.kb, mentions[p.speaker], body);
        if (p.place >= 0 && mentions[p.place].place != kb::kNone) {
          const auto& pm = mentions[p.place];
          std::string_view surface;
          if (pm.kind == kb::MentionKind::Place) surface = std::string_view(body).substr(pm.begin, pm.end - pm.begin);
          e.location = place_of(*ctx.kb, pm.place, surface);
        }
        // "Haftar's forces besieged Tripoli", "shelled Aleppo": force used on a city named for
        // its government happens in that city.
        if (!e.location && e.cameo->quad_class == 4 && p.target >= 0) {
          const auto& tm = mentions[p.target];
          std::string_view name = std::string_view(body).substr(tm.begin, tm.end - tm.begin);
          if (uint32_t city = kb::metonym_capital(*ctx.kb, tm, name); city != kb::kNone)
            e.location = place_of(*ctx.kb, city, name);
        }
        // not when the other side is that very country ("police arrested Iranians")
        std::string src_code = e.source ? e.source->code : "", tgt_code = e.target ? e.target->code : "";
        auto home = [&](const std::optional<ActorRef>& a) -> const std::string& {
          static const std::set<std::string_view> kLocal = {"CVL", "OPP", "COP", "LAB", "EDU", "BUS", "MED",
                                                             "HLH", "JUD", "LEG", "GOV", "CRM", "AGR"};
          static const std::string kNone;
          // Aid groups and refugees unnamed are of no country unless the sentence says whose
          // ("American aid groups", "Syrian refugees"): refugees in a story are mostly in its
          // country, not of it.
          if (a && (a->agent == "NGO" || a->agent == "REF")) return kNone;
          // "government aircraft dropped bombs on Douma": a government's forces, named so, act
          // in their own country as its civilians do.
          auto government_s = [&](const ActorRef& x) {
            std::string_view head = std::string_view(body).substr(0, x.span.begin);
            return x.name.starts_with("government") || x.name.starts_with("Government") ||
                   head.ends_with("government ") || head.ends_with("Government ");
          };
          bool local = a && (kLocal.count(a->agent) || (a->agent == "MIL" && government_s(*a)));
          return local && !sentence_country.empty() ? sentence_country : doc_country;
        };
        // Nor when it would make the two sides one ("warplanes struck Syrian forces" in a story
        // about Syria: the warplanes are not Syria's forces attacking themselves).
        auto give_unless_other = [&](std::optional<ActorRef>& a, const std::string& country, const std::string& other) {
          if (a && a->code == a->agent && country + a->agent == other) return;
          give_country(a, country);
        };
        if (tgt_code != home(e.source)) give_unless_other(e.source, owner_country(p.source, sv, home(e.source)), tgt_code);
        if (src_code != home(e.target)) give_unless_other(e.target, owner_country(p.target, sv, home(e.target)), src_code);
        // "Australia boosted its pledge, with Prime Minister Tony Abbott pledging ...": a country
        // and its own government are one side, no event between them.
        if (e.source && e.target && !e.source->country.empty() && e.source->country == e.target->country &&
            ((e.source->code == e.source->country && e.target->code == e.target->country + "GOV") ||
             (e.target->code == e.target->country && e.source->code == e.source->country + "GOV")))
          e.target.reset();
      }
      // "Thousands of civilians fled the town", "refugees who fled to Idlib": people running
      // from fighting are news but no military retreat (0874), which only armed sides make.
      // (A bare country "fleeing" is a misread relative clause: "refugees from Syria who fled";
      // a country may still abandon positions.)
      if (e.cameo->code == "0874" &&
          (!e.source || e.source->agent == "CVL" || e.source->agent == "REF" ||
           (e.source->agent.empty() && e.source->kb_id.starts_with("country:") &&
            lexicon_->pattern(p.pattern).text == "flee")))
        continue;
      // In a sports report, teams and players named by their country or not at all play games:
      // only acts of governments, forces, police, courts or bodies of states are news there
      // ("police battled with fans" is; "Mauritius beat them 2-0" is not).
      if (sports) {
        auto state = [](const std::optional<ActorRef>& x) {
          if (!x) return false;
          for (std::string_view a : {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "IGO"})
            if (x->code.find(a) != std::string::npos) return true;
          return false;
        };
        if (!state(e.source) && !state(e.target)) continue;
      }
      // "Millions of refugees crossed the border into Poland": an 'armed' pattern (an incursion)
      // is no act of civilians or refugees.
      if (lexicon_->pattern(p.pattern).armed && e.source && (e.source->agent == "CVL" || e.source->agent == "REF"))
        continue;
      // "talked with reporters", "Speaking with journalists, he said": meeting the press is the
      // setting of a statement, no consultation between two sides.
      auto press = [](const std::optional<ActorRef>& a) { return a && a->agent == "MED" && a->kb_id.empty(); };
      if (e.cameo->code.starts_with("04") && (press(e.source) || press(e.target))) continue;
      if (!e.location) e.location = dateline_place;
      // Date: the predicate's governing timex; stated intents and statements by the report verb.
      std::vector<Span> spans;
      std::vector<int> heads;
      for (const auto& w : sv.words) spans.push_back(w.span);
      if (out.parsed)
        for (const auto& w : sv.words) heads.push_back(w.head);
      size_t anchor = p.date_word >= 0 ? size_t(p.date_word) : p.anchor;
      EventDate d = date_event(SentenceTokens{spans, heads}, anchor, timexes, dct, body);
      e.date = date_value(d);
      e.date_basis = to_string(d.basis);
      // The rules add and take off evidence; the record's contract is a value in 0..1 (an
      // actorless, deeply embedded mention could go below 0).
      e.confidence = std::clamp(p.confidence, 0.0, 1.0);
      out.events.push_back(std::move(e));
    }
    find_quotes(ctx, sv, out.quotes, last_speaker);
  }
  // A transcript's turns are its speakers' own words: each paragraph of a turn whose speaker is
  // known is a quote of theirs (unless quotation marks inside it made quotes already).
  if (ctx.kb) {
    for (size_t t = 0; t < labels.size(); ++t) {
      if (turns[t].second < 0) continue;
      ActorRef speaker = actor_of(*ctx.kb, mentions[size_t(turns[t].second)], body);
      size_t at = labels[t].second + 1, stop = t + 1 < labels.size() ? labels[t + 1].first : body.size();
      while (at < stop) {
        size_t nl = body.find('\n', at);
        size_t end = std::min(nl == std::string::npos ? body.size() : nl, stop);
        size_t b = at, e = end;
        while (b < e && std::isspace(uint8_t(body[b]))) ++b;
        while (e > b && std::isspace(uint8_t(body[e - 1]))) --e;
        bool quoted = std::any_of(out.quotes.begin(), out.quotes.end(),
                                  [&](const Quote& q) { return q.span.begin < e && q.span.end > b; });
        if (e - b >= 20 && !quoted) {
          Quote q;
          q.span = {uint32_t(b), uint32_t(e)};
          q.text = body.substr(b, e - b);
          q.speaker = speaker;
          out.quotes.push_back(std::move(q));
        }
        at = end + 1;
      }
    }
    std::stable_sort(out.quotes.begin(), out.quotes.end(),
                     [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  }
  return out;
}

}  // namespace sitrep::code

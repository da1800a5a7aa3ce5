// Predicate arguments from the dependency parse (UD relations). The window rules guess the
// clause from punctuation and subordinators; the tree says it: the subject of "agreed to
// restore ties" is the subject of "agreed" (xcomp), "Arnor and Gondor" are one subject (conj),
// "ties with Osgiliath" names the target on the object's own modifier.
#include <algorithm>

#include "code/coder.h"

namespace sitrep::code {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool is_obl(std::string_view rel) { return rel == "obl" || rel == "nmod" || rel.starts_with("obl:") || rel.starts_with("nmod:"); }
bool is_target_case(std::string_view w) {
  return one_of(w, {"with", "against", "to", "on", "toward", "towards", "into", "upon", "at", "from"});
}
bool is_place_case(std::string_view w) { return one_of(w, {"in", "near", "at", "inside", "outside", "across", "throughout"}); }

class Tree {
 public:
  Tree(const DocContext& ctx, const SentenceView& sv) : ctx_(ctx), sv_(sv), children_(sv.words.size()) {
    for (size_t w = 0; w < sv.words.size(); ++w)
      if (sv.words[w].head >= 0 && sv.words[w].head < int(sv.words.size())) children_[sv.words[w].head].push_back(int(w));
  }
  const std::vector<int>& children(int w) const { return children_[w]; }
  std::string_view rel(int w) const { return sv_.words[w].deprel; }
  int head(int w) const { return sv_.words[w].head; }
  // The preposition marking a nominal ("with" in "with Gondor").
  std::string_view case_of(int w) const {
    for (int c : children_[w])
      if (rel(c) == "case") return sv_.words[c].lower;
    return "";
  }
  bool is_actor(int m) const {
    const auto& lm = ctx_.mentions[m];
    return lm.kind != kb::MentionKind::Place && !lm.code.empty();
  }
  // The actor a nominal names: its own mention, else one in its modifiers ("the government of
  // Arnor", "Arnor's troops"), never in clauses or phrases that name other participants.
  int actor_in(int w, int depth = 0) const {
    int m = sv_.words[w].mention;
    if (m >= 0 && !is_actor(m)) return -1;
    if (m >= 0) {
      // "Bree Prime Minister Romendacil": the title before a name (nmod:desc) says which of its
      // country's sectors the person acts for, when it names the same country.
      for (int c : children_[w])
        if (rel(c) == "nmod:desc" && depth < 3)
          if (int t = actor_in(c, depth + 1); t >= 0 && t != m && ctx_.mentions[t].code.size() > ctx_.mentions[m].code.size() &&
                                               ctx_.mentions[t].code.starts_with(ctx_.mentions[m].code))
            return t;
      return m;
    }
    if (depth >= 3) return -1;
    for (int c : children_[w]) {
      std::string_view r = rel(c);
      if (!(r == "compound" || r == "nmod:poss" || r == "amod" || r == "flat" || r == "appos" || r == "nmod" || r == "nmod:desc"))
        continue;
      if (r == "nmod" && !one_of(case_of(c), {"of", ""})) continue;
      if (int a = actor_in(c, depth + 1); a >= 0) return a;
    }
    return -1;
  }
  // An actor and those joined to it by "and" ("Arnor and Gondor", "Arnor, Gondor and Rohan").
  void with_conjuncts(int w, std::vector<int>& out) const {
    int m = actor_in(w);
    if (m >= 0 && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    // "the two leaders": the other half of a resolved plural reference.
    if (m >= 0 && ctx_.partner && m < int(ctx_.partner->size()) && (*ctx_.partner)[m] >= 0 &&
        std::find(out.begin(), out.end(), (*ctx_.partner)[m]) == out.end())
      out.push_back((*ctx_.partner)[m]);
    for (int c : children_[w]) {
      if (rel(c) == "conj" && subject_stolen_by(c) < 0) with_conjuncts(c, out);
      // "the ambassadors of Arnor, Osgiliath and Gondor": the list hangs on a word of the
      // mention ("Arnor"), not on its head.
      if (m >= 0 && sv_.words[c].mention == m)
        for (int cc : children_[c])
          if (rel(cc) == "conj") with_conjuncts(cc, out);
      // "the Russian and Turkish leaders": "Russian" (a mention of its own) modifies the head
      // of the other and is coordinated with a word of it.
      int mc = sv_.words[c].mention;
      if (m >= 0 && mc >= 0 && mc != m && rel(c) == "amod" && is_actor(mc) &&
          std::find(out.begin(), out.end(), mc) == out.end())
        for (int cc : children_[c])
          if (rel(cc) == "conj" && sv_.words[cc].mention == m) {
            out.push_back(mc);
            break;
          }
    }
  }
  // Whether word w lies in the subtree of word top.
  bool below(int w, int top) const {
    for (int k = 0; w >= 0 && k < 64; ++k, w = head(w))
      if (w == top) return true;
    return false;
  }
  int subject_word(int v) const {
    for (int c : children_[v])
      if (rel(c) == "nsubj" || rel(c) == "nsubj:pass" || rel(c) == "csubj") return c;
    return -1;
  }
  // The sentence has XPOS tags (and UPOS with them).
  bool tagged() const { return ctx_.an.labels && ctx_.an.xpos.size() == ctx_.an.words.size(); }
  uint32_t first() const { return ctx_.an.sentence_begin(sv_.index); }
  bool has_child(int w, std::string_view r) const {
    return std::any_of(children_[w].begin(), children_[w].end(), [&](int c) { return rel(c) == r; });
  }
  // The last word of w's subtree.
  int right_edge(int w, int depth = 0) const {
    int edge = w;
    if (depth < 32)
      for (int c : children_[w]) edge = std::max(edge, right_edge(c, depth + 1));
    return edge;
  }
  // "Syrian forces shelled Turkish posts and Russian jets bombed the town": the parse may join
  // "Russian jets" to the object and "bombed" to "shelled", leaving "bombed" without a subject.
  // A noun joined by "and" that runs right up to a finite verb hung on an earlier verb, with no
  // "and", subordinator or subject of its own, is that verb's subject: returns the verb, else -1.
  int subject_stolen_by(int n) const {
    if (rel(n) != "conj" || !has_child(n, "cc")) return -1;
    if (!tagged() || ctx_.an.upos.size() != ctx_.an.words.size()) return -1;
    nlp::Upos pos = ctx_.an.upos[first() + uint32_t(n)];
    if (pos != nlp::Upos::NOUN && pos != nlp::Upos::PROPN && pos != nlp::Upos::PRON) return -1;
    int v = right_edge(n) + 1;
    if (v >= int(sv_.words.size()) || !one_of(rel(v), {"conj", "advcl", "parataxis"}) || head(v) >= n ||
        has_child(v, "cc") || has_child(v, "mark") || subject_word(v) >= 0)
      return -1;
    std::string_view tag = ctx_.an.xpos_name(first() + uint32_t(v));
    return tag == "VBD" || tag == "VBZ" || tag == "VBP" ? v : -1;
  }
  // The inverse: the noun phrase a verb's subject was taken into.
  int stolen_subject(int v) const {
    if (v <= 0) return -1;
    int n = v - 1;
    for (int k = 0; k < 8 && head(n) > n && head(n) < v; ++k) n = head(n);
    return subject_stolen_by(n) == v ? n : -1;
  }

 private:
  const DocContext& ctx_;
  const SentenceView& sv_;
  std::vector<std::vector<int>> children_;
};

}  // namespace

// Participles whose passive subject is the one harmed: headlines drop their auxiliary.
static bool harm_participle(std::string_view w) {
  return one_of(w, {"killed", "injured", "wounded", "hurt", "shot", "slain", "murdered", "massacred", "executed",
                    "beheaded", "tortured", "abducted", "kidnapped", "arrested", "detained", "jailed", "imprisoned",
                    "captured", "displaced", "deported", "expelled", "assassinated"});
}

TreeArgs tree_arguments(const DocContext& ctx, const SentenceView& sv, uint32_t begin, uint32_t end, uint32_t anchor,
                        const Pattern* pat) {
  const bool done_to = pat && pat->code >= "16" && pat->code < "21";
  const bool topic = pat && pat->topic;
  TreeArgs a;
  if (!sv.parsed || anchor >= sv.words.size()) return a;
  Tree t(ctx, sv);
  int v = int(anchor);
  // A passive's agent phrase ("by rebels").
  auto agent_phrase = [&](int c) { return t.rel(c) == "obl:agent" || (is_obl(t.rel(c)) && t.case_of(c) == "by"); };
  for (int c : t.children(v))
    if (t.rel(c) == "nsubj:pass" || t.rel(c) == "aux:pass") a.passive = true;
  // Headlines drop the auxiliary: "Five Turkish soldiers killed by Syrian shelling", "10
  // civilians killed in rocket attacks". A participle of harm with a subject of its own but no
  // auxiliary and no object is passive: its subject is the victim.
  if (!a.passive && harm_participle(sv.words[v].lower)) {
    bool subject = false, active = false;
    for (int c : t.children(v)) {
      std::string_view r = t.rel(c);
      if (r == "nsubj") subject = true;
      if (r.starts_with("aux") || r == "obj" || r == "iobj" || r == "ccomp" || r == "xcomp" || r == "expl" ||
          (r == "compound:prt"))
        active = true;
    }
    a.passive = a.reduced_passive = subject && !active;
  }

  // Subject: the verb's own, else the controlling or coordinated verb's ("agreed to restore",
  // "met and signed"), climbing a few levels at most.
  int subj = t.stolen_subject(v), at = v;
  const bool stolen = subj >= 0;
  for (int hops = 0; hops < 4 && at >= 0 && subj < 0; ++hops) {
    subj = t.subject_word(at);
    if (subj >= 0) break;
    std::string_view r = t.rel(at);
    // (An infinitive of purpose is its subject's at any depth: "arrived in Nepal to help deliver
    // aid" is the troops' delivery.)
    bool purpose = r == "advcl" && std::any_of(t.children(at).begin(), t.children(at).end(), [&](int c) {
      return t.rel(c) == "mark" && sv.words[c].lower == "to";
    });
    if (r != "xcomp" && r != "conj" && !(r == "advcl" && (hops == 0 || purpose))) break;
    at = t.head(at);
  }
  // "Believers are attacked, persecuted and killed": a participle coordinated with a passive
  // verb, with no auxiliary or object of its own, shares its passive: the subject is the victim.
  // Only for acts done to someone (coercion and force): "were defeated and fled" fled themselves.
  bool shared_passive = false;
  if (done_to && !a.passive && subj >= 0 && at != v) {
    bool chain = true;
    for (int w = v; w != at && chain; w = t.head(w)) chain = w >= 0 && t.rel(w) == "conj";
    bool head_passive = false, own = false;
    for (int c : t.children(at)) head_passive |= t.rel(c) == "nsubj:pass" || t.rel(c) == "aux:pass";
    for (int c : t.children(v)) {
      std::string_view r = t.rel(c);
      own |= r.starts_with("aux") || r == "obj" || r == "iobj" || r == "ccomp" || r == "xcomp" || r.starts_with("nsubj");
    }
    // (a participle, not a past tense)
    bool participle = t.tagged() ? ctx.an.xpos_name(t.first() + uint32_t(v)) == "VBN"
                             : sv.words[v].lower.ends_with("ed") || sv.words[v].lower.ends_with("en");
    shared_passive = a.passive = a.reduced_passive = chain && head_passive && !own && participle;
  }
  // "Five Turkish soldiers killed by Syrian shelling": a participle modifying a noun (acl) with an
  // agent, a participle of harm, or a past participle on a noun that has a verb of its own ("the
  // man accused of shooting 50 people appeared", "diplomats expelled last week arrived") is a
  // reduced passive clause: the noun is its subject, so the one acted on.
  if (subj < 0 && t.rel(v) == "acl" && t.head(v) >= 0 && sv.words[v].lower.size() > 2) {
    bool agent = false, object = false, clause = false;
    for (int c : t.children(v)) {
      agent |= agent_phrase(c);
      object |= t.rel(c) == "obj";
      clause |= t.rel(c) == "xcomp" || t.rel(c) == "ccomp";
    }
    // (Only when the noun, or the noun it is part of, is a verb's subject: the tagger takes past
    // tenses for participles, and a parse that hangs such a "participle" on the sentence's root
    // noun or on an object is mostly wrong, "Doctors from two aid groups donated ...",
    // "..., prosecutors alleged in an indictment". Nor when it takes a clause: "a woman believed
    // linked to Al-Qaeda" is not the one believed.)
    int noun = t.head(v);
    for (int steps = 0; noun >= 0 && steps < 8 && one_of(t.rel(noun), {"nmod", "appos", "conj", "compound", "flat"}); ++steps)
      noun = t.head(noun);
    bool participle = t.tagged() && ctx.an.xpos_name(t.first() + uint32_t(v)) == "VBN" &&
                      noun >= 0 && t.head(noun) >= 0 && t.rel(noun).starts_with("nsubj") && !clause;
    if (!object && (agent || participle || harm_participle(sv.words[v].lower))) {
      a.passive = a.reduced_passive = true;
      subj = t.head(v);
      at = v;
    }
  }
  // "gave a toll of 31 people killed": a participle of harm right after the noun it tells of,
  // with no subject or object of its own, is a reduced passive however the parse hangs it.
  // (So is one the parse joins to the verb before it with no "and": "gave a toll of 31 people
  // killed" as "gave .. and killed".)
  bool joined_bare = at != v && t.rel(v) == "conj" && !t.has_child(v, "cc");
  if ((subj < 0 || joined_bare) && v > 0 && harm_participle(sv.words[v].lower) && sv.words[v - 1].mention >= 0) {
    bool own = false;
    for (int c : t.children(v)) own |= t.rel(c).starts_with("nsubj") || t.rel(c) == "obj";
    if (!own) {
      a.passive = a.reduced_passive = true;
      subj = v - 1;
      at = v;
    }
  }
  // "Syria, which has rejected all offers": a relative pronoun stands for the noun its clause
  // modifies.
  int antecedent = -1;
  if (subj >= 0 && one_of(sv.words[subj].lower, {"which", "who", "that"}) && t.rel(at) == "acl:relcl" && t.head(at) >= 0)
    antecedent = t.head(at);
  // "Putin and Turkish President Erdogan who arrived in Moscow": a relative clause right after
  // the last of joined names tells of that one, though the parse hangs it on the first.
  bool nearest_only = false;
  if (antecedent >= 0 && antecedent < subj) {
    int last = -1;
    for (int c : t.children(antecedent))
      if (t.rel(c) == "conj" && c < subj) last = std::max(last, c);
    if (last >= 0) {
      nearest_only = true;
      for (int w = last + 1; w < subj; ++w) nearest_only &= t.below(w, last);
      if (nearest_only) antecedent = last;
    }
  }
  a.subject = antecedent >= 0 ? antecedent : subj;
  bool pattern_word[64] = {};
  for (uint32_t w = begin; w < end && w - begin < 64; ++w) pattern_word[w - begin] = true;
  auto in_pattern = [&](int w) { return w >= int(begin) && w < int(end) && w - int(begin) < 64 && pattern_word[w - begin]; };

  std::vector<int> targets;
  auto add_targets = [&](int w) {
    std::vector<int> ms;
    t.with_conjuncts(w, ms);
    for (int m : ms)
      if (std::find(targets.begin(), targets.end(), m) == targets.end()) targets.push_back(m);
  };
  if (a.passive) {
    for (int c : t.children(v))
      if (agent_phrase(c)) t.with_conjuncts(c, a.sources);
    // A misparsed agent phrase: "by" hangs on the verb itself with the agent below it ("were
    // agreed by Presidents Putin and Erdogan": by <-advmod, Presidents <-obj of "by").
    if (a.sources.empty())
      for (int c : t.children(v))
        if (sv.words[c].lower == "by" && t.children(c).size() <= 2)
          for (int cc : t.children(c)) t.with_conjuncts(cc, a.sources);
    // "were attacked and killed by rebels": the agent the parse hangs on the first verb is the
    // agent of the participles joined to it.
    if (a.sources.empty() && shared_passive)
      for (int c : t.children(at))
        if (agent_phrase(c)) t.with_conjuncts(c, a.sources);
    if (subj >= 0 && (at == v || shared_passive)) add_targets(subj);
    else if (subj >= 0 && a.sources.empty()) t.with_conjuncts(subj, a.sources);
  } else if (antecedent >= 0) {
    if (int m = nearest_only ? t.actor_in(antecedent) : -1; m >= 0) a.sources.push_back(m);
    else t.with_conjuncts(antecedent, a.sources);
  } else if (stolen) {
    t.with_conjuncts(subj, a.sources);  // the subject the parse took into an object
  } else if (subj >= 0) {
    // Every subject of the verb: a misparsed coordination may leave two ("Putin and his
    // counterpart Erdogan held").
    for (int c : t.children(at))
      if (t.rel(c) == "nsubj") t.with_conjuncts(c, a.sources);
  }

  // Targets: objects first, then with/against/to/on phrases, on every word of the pattern and
  // on an object the pattern names ("restore ties with Gondor", "held talks with Gondor").
  std::vector<int> heads;
  for (uint32_t w = begin; w < end; ++w)
    if (in_pattern(int(w))) heads.push_back(int(w));
  for (size_t i = 0; i < heads.size(); ++i)
    for (int c : t.children(heads[i]))
      // (An actor inside the pattern's span sits in its gap: "accused Russia of violating the
      // ceasefire"; no pattern names an actor.)
      if ((t.rel(c) == "obj" || t.rel(c) == "iobj") && (!in_pattern(c) || sv.words[c].mention >= 0) &&
          !topic && t.actor_in(c) >= 0)
        add_targets(c);
  for (size_t i = 0; i < heads.size(); ++i) {
    for (int c : t.children(heads[i])) {
      std::string_view r = t.rel(c);
      if ((r == "obj" || r == "iobj") && t.actor_in(c) < 0 && heads.size() < 8) heads.push_back(c);
      if (!is_obl(r)) continue;
      std::string_view cs = t.case_of(c);
      int m = t.actor_in(c);
      if (is_place_case(cs) && sv.words[c].mention >= 0 && ctx.mentions[sv.words[c].mention].place != kb::kNone) {
        if (a.place < 0) a.place = sv.words[c].mention;
        continue;
      }
      if (m < 0) continue;
      if (is_target_case(cs) && !(cs == "at" && ctx.mentions[m].place != kb::kNone) && cs != "from") add_targets(c);
    }
  }
  for (int m : targets)
    if (std::find(a.sources.begin(), a.sources.end(), m) == a.sources.end()) a.targets.push_back(m);
  // No target on the pattern's own words: the first actor named inside what the predicate acts
  // on ("welcomed a resumption of ties with Osgiliath", "clashed over the efforts of Eriador",
  // "left for Minas Tirith"), never inside a clause of its own, whose actors are its own. (Not
  // for talk: what was discussed is the matter, not a party to it.)
  if (a.targets.empty() && !topic) {
    int best = -1, best_word = int(sv.words.size());
    std::vector<std::pair<int, int>> stack;  // (word, depth)
    for (uint32_t w = begin; w < end; ++w)
      if (in_pattern(int(w)))
        for (int c : t.children(int(w)))
          if (c > int(anchor) && !in_pattern(c) &&
              (t.rel(c) == "obj" || t.rel(c) == "iobj" || is_obl(t.rel(c)) || t.rel(c) == "acl"))
            stack.push_back({c, 0});
    while (!stack.empty()) {
      auto [w, depth] = stack.back();
      stack.pop_back();
      int m = sv.words[w].mention;
      if (m >= 0 && t.is_actor(m) && std::find(a.sources.begin(), a.sources.end(), m) == a.sources.end() &&
          w < best_word) {
        best = w, best_word = w;
        continue;
      }
      if (depth >= 4) continue;
      for (int c : t.children(w)) {
        std::string_view r = t.rel(c);
        // "according to a report by RIA Novosti": who says so is no target.
        if (t.case_of(c) == "according") continue;
        // "acl": a participle's phrase on a noun ("the roads leading into Mordor", "memos sent by
        // Bree") describes the thing acted on; a relative clause ("acl:relcl") has its own actors.
        if (r == "obj" || r == "iobj" || is_obl(r) || r == "compound" || r == "amod" || r == "nmod:poss" || r == "flat" ||
            r == "appos" || r == "acl")
          stack.push_back({c, depth + 1});
      }
    }
    // Last, the subject of a complement clause: "allowed that Mordor is no pleasant place",
    // "warned that Russia would pay" (never for a reporting verb: those are cues, not events).
    if (best < 0)
      for (uint32_t w = begin; w < end && best < 0; ++w)
        if (in_pattern(int(w)))
          for (int c : t.children(int(w)))
            if (t.rel(c) == "ccomp" && c > int(anchor)) {
              int s = t.subject_word(c);
              int m = s >= 0 ? t.actor_in(s) : -1;
              if (m >= 0 && std::find(a.sources.begin(), a.sources.end(), m) == a.sources.end()) {
                best = s;
                break;
              }
            }
    if (best >= 0) {
      std::vector<int> ms;
      t.with_conjuncts(best, ms);
      for (int m : ms)
        if (std::find(a.sources.begin(), a.sources.end(), m) == a.sources.end()) a.targets.push_back(m);
    }
  }
  a.found = !a.sources.empty();
  return a;
}

}  // namespace sitrep::code

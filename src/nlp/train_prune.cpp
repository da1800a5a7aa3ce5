// Pruning a trained model file: drops tagger and parser weights whose magnitude is below a
// fraction of the table's largest, rebuilds the hash tables, copies everything else. Lets the
// committed model be made smaller without retraining; the record notes the pruning.
#include <cmath>
#include <ostream>

#include "nlp/linear_tables.h"
#include "nlp/model_file.h"
#include "nlp/scorer.h"
#include "nlp/tagger.h"
#include "nlp/train.h"

namespace sitrep::nlp {
namespace {

bool prune_scorer(PartReader& in, PartWriter& out, double fraction, size_t& kept, size_t& dropped) {
  if (ScorerKind(in.u64()) != ScorerKind::Linear) return false;
  uint64_t classes = in.u64();
  auto scale = in.array<float>();
  auto slots = in.array<LinearSlot>();
  auto entries = in.array<LinearEntry>();
  if (!in.ok() || scale.size() != 1) return false;
  int cut = int(std::lround(fraction * 32767.0));
  std::vector<LinearEntry> new_entries;
  std::vector<LinearSlot> runs;
  for (const auto& s : slots) {
    if (s.key == 0) continue;
    uint32_t begin = uint32_t(new_entries.size());
    for (uint32_t e = s.begin; e < s.begin + s.count && e < entries.size(); ++e) {
      if (std::abs(int(entries[e].weight)) >= cut) new_entries.push_back(entries[e]);
      else ++dropped;
    }
    if (new_entries.size() > begin) runs.push_back({s.key, begin, uint32_t(new_entries.size() - begin)});
  }
  kept += new_entries.size();
  size_t cap = 16;
  while (cap < runs.size() * 3 / 2 + 1) cap <<= 1;
  std::vector<LinearSlot> table(cap, LinearSlot{0, 0, 0});
  for (const auto& r : runs) {
    size_t i = r.key & (cap - 1);
    while (table[i].key) i = (i + 1) & (cap - 1);
    table[i] = r;
  }
  out.u64(uint64_t(ScorerKind::Linear));
  out.u64(classes);
  out.array(std::vector<float>(scale.begin(), scale.end()));
  out.array(table);
  out.array(new_entries);
  return true;
}

}  // namespace

Expected<bool> prune_model(const std::string& input, const std::string& output, double fraction, std::ostream& log) {
  auto file = MappedModelFile::open(input);
  if (!file) return file.error();
  std::vector<ModelPart> parts;
  size_t kept = 0, dropped = 0;
  auto bad = [&](const char* what) { return Error{input, "", std::string("cannot prune part ") + what}; };
  for (Component id : {Component::Info, Component::Tagger, Component::Lemmatizer, Component::Parser, Component::Ner,
                       Component::Sentences}) {
    const auto* p = file.value()->find(id);
    if (!p && id == Component::Sentences) continue;  // optional
    if (!p) return bad("(missing)");
    PartReader in(p->data, p->size);
    PartWriter out;
    switch (id) {
      case Component::Info: {
        std::string desc(in.string());
        auto xpos = in.strings(), deprel = in.strings();
        out.string(desc + "\npruned: weights below " + std::to_string(fraction) + " of the largest dropped (tagger, parser)");
        out.strings(xpos);
        out.strings(deprel);
        break;
      }
      case Component::Tagger: {
        auto classes = in.array<uint32_t>();  // TagClass is two uint16: copied as opaque words
        out.array(std::vector<uint32_t>(classes.begin(), classes.end()));
        if (p->version >= 2 && p->version <= kTaggerPartVersion) {
          TagDictionary dict;
          if (!dict.read(in)) return bad("tagger");
          dict.write(out);
        } else if (p->version != 1) {
          return bad("tagger (of an unknown version)");
        }
        if (!prune_scorer(in, out, fraction, kept, dropped)) return bad("tagger");
        if (p->version >= 3) {  // the frequent forms, as they are
          TagDictionary frequent;
          if (!frequent.read(in)) return bad("tagger");
          frequent.write(out);
        }
        if (p->version >= 4) {  // the lexicon, as it is
          Lexicon lexicon;
          if (!lexicon.read(in)) return bad("tagger");
          lexicon.write(out);
        }
        break;
      }
      case Component::Parser:
        out.u64(in.u64());
        if (!prune_scorer(in, out, fraction, kept, dropped)) return bad("parser");
        break;
      case Component::Ner:  // few features with large weights: pruning it by the same rule wrecks it
      case Component::Lemmatizer:
      case Component::Sentences:
        parts.push_back({id, p->version, std::string(p->data, p->size)});
        continue;
    }
    if (!in.ok()) return bad("(damaged)");
    parts.push_back({id, p->version, out.bytes()});
  }
  log << "kept " << kept << " weights, dropped " << dropped << "\n";
  return write_model_file(output, parts);
}

}  // namespace sitrep::nlp

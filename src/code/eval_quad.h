// code: scoring the coder on sentences labelled with the class of their main event
// (ConfliBERT's cameo_class.*.tsv: sentence TAB label 0-4). The labels are Phoenix's PentaClass,
// CAMEO's QuadClass with statements and appeals split off: 0 statements and appeals (CAMEO roots
// 01-02), 1 the rest of verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13, and 16 reduce relations), 4 material conflict (14, 15, 17-20). Every sentence
// reports an event, so a sentence the coder codes nothing in counts as a miss. Lines split by
// parity (even: dev, odd: test).
#pragma once
#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "code/eval_plover.h"
#include "core/error.h"

namespace sitrep::code {

class Coder;
struct CameoCode;

constexpr int kPentaClasses = 5;
constexpr int kNoClass = kPentaClasses;  // the coder coded no event

// "statement_appeal", "verbal_cooperation", ..., "none" for kNoClass.
const char* penta_class_name(int c);
// The class of a CAMEO code: 0 for roots 01-02, 3 for 16, else its QuadClass.
int penta_class(const CameoCode& code);

struct QuadSentence {
  std::string text;
  int label = 0;    // 0-4
  size_t line = 0;  // 0-based line in the file: the split is drawn by it
};

// One sentence per line (a final '\r' dropped, blank lines skipped); an Error names the line
// whose label is missing or outside 0-4.
Expected<std::vector<QuadSentence>> read_quad_tsv(std::string_view tsv, const std::string& file = "");

struct QuadScores {
  // confusion[gold][coded]; coded == kNoClass when the coder coded nothing.
  std::array<std::array<size_t, kPentaClasses + 1>, kPentaClasses> confusion{};

  void add(int gold, int coded) { ++confusion[gold][coded]; }
  size_t records() const;
  size_t coded() const;  // sentences with an event
  size_t right() const;
  size_t gold(int c) const;       // sentences labelled c
  size_t predicted(int c) const;  // sentences coded c
  // Percentages 0-100 (0 when undefined).
  double accuracy() const;
  double precision(int c) const;
  double recall(int c) const;
  double f1(int c) const;
  double macro_f1() const;  // mean F1 of the five classes
};

// Codes each sentence and scores the class of its event (record_event). With `errors`, one line
// per wrong sentence: line, gold and coded class, code, actors, modality, pattern, sentence.
QuadScores score_quad(const Coder& coder, const std::vector<QuadSentence>& sentences, PloverSplit split,
                      std::ostream* errors = nullptr);

}  // namespace sitrep::code

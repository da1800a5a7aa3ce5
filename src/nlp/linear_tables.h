// On-disk layout of the linear scorer (shared by the reader and the trainer's writer).
#pragma once
#include <cstdint>

namespace sitrep::nlp {

struct LinearSlot {
  uint64_t key;  // feature key, 0 = empty
  uint32_t begin, count;  // run in the entry array
};
struct LinearEntry {
  uint16_t cls;
  int16_t weight;  // quantized; the scorer multiplies by the table's scale
};
static_assert(sizeof(LinearSlot) == 16 && sizeof(LinearEntry) == 4);

}  // namespace sitrep::nlp

// Golden expectations on the five seed articles (read from ../shared at test time).
#include <gtest/gtest.h>

#include <cstdlib>

#include "clean/clean.h"
#include "code/code.h"
#include "kb/linker.h"
#include "read/reader.h"
#include "test_support.h"

namespace sitrep::code {
namespace {

struct Coded {
  Doc doc;
  CodedDoc coded;
};

std::optional<Coded> code_seed(const std::string& prefix) {
  if (!testing::have_shared()) return std::nullopt;
  std::string path = SITREP_KB_FILE;
  if (const char* env = std::getenv("SITREP_KB")) path = env;
  auto kb = kb::Kb::open(path);
  if (!kb) return std::nullopt;
  CoderOptions o;
  o.linker = std::make_shared<const kb::Linker>(kb.value());
  auto coder = Coder::create(o);
  if (!coder) return std::nullopt;
  for (const auto& f : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) {
    if (!f.path().filename().string().starts_with(prefix)) continue;
    std::optional<Coded> out;
    read_input(
        f.path().string(),
        [&](RawRecord&& r) {
          auto d = clean_record(r);
          if (d) out = Coded{d.value(), coder.value()->code(d.value())};
        },
        [](Error&&) {});
    return out;
  }
  return std::nullopt;
}

bool has(const Coded& c, const std::string& code, const std::string& src, const std::string& tgt,
         Modality m = Modality::Asserted, const std::string& date = "") {
  for (const auto& e : c.coded.events)
    if (e.cameo->code == code && e.source && e.source->code == src && (tgt.empty() || (e.target && e.target->code == tgt)) &&
        e.modality == m && (date.empty() || e.date == date))
      return true;
  return false;
}

#define SEED(prefix)                      \
  auto seed = code_seed(prefix);          \
  if (!seed) GTEST_SKIP() << "seeds or kb.bin not available"

TEST(CodeSeeds, KremlinReportsPutinErdoganCall) {
  SEED("000_");
  EXPECT_TRUE(has(*seed, "041", "RUSGOV", "TURGOV", Modality::Asserted, "2020-07-13"));
  EXPECT_TRUE(has(*seed, "041", "TURGOV", "RUSGOV", Modality::Asserted, "2020-07-13"));
}

TEST(CodeSeeds, ScheduledMeetingAndNoPlannedCallAreNotRealized) {
  SEED("001_");
  for (const auto& e : seed->coded.events) {
    if (e.text.find("scheduled to hold a meeting") != std::string::npos ||
        e.text.find("no plans to arrange a new conversation") != std::string::npos) {
      EXPECT_FALSE(e.cameo->code.starts_with("04") && e.modality == Modality::Asserted) << e.text;
    }
  }
}

TEST(CodeSeeds, PhoneCallOfFebruary28) {
  SEED("002_");
  EXPECT_TRUE(has(*seed, "041", "RUSGOV", "TURGOV"));
  EXPECT_TRUE(has(*seed, "041", "TURGOV", "RUSGOV"));
}

TEST(CodeSeeds, ThreatAndAirstrike) {
  SEED("003_");
  EXPECT_TRUE(has(*seed, "138", "TURGOV", "", Modality::Asserted, "2020-02-19"));
  EXPECT_TRUE(has(*seed, "195", "SYRMIL", "TURMIL"));
  for (const auto& e : seed->coded.events)
    if (e.cameo->code == "195") {
      EXPECT_EQ(e.cameo->plover_type, "ASSAULT");
    }
}

TEST(CodeSeeds, NothingFromRemovedBlocks) {
  for (const char* p : {"000_", "001_", "002_", "003_", "004_"}) {
    auto seed = code_seed(p);
    if (!seed) GTEST_SKIP() << "seeds or kb.bin not available";
    for (const auto& e : seed->coded.events) {
      EXPECT_EQ(seed->doc.body.substr(e.span.begin, e.span.end - e.span.begin), e.text);
      for (const auto& r : seed->doc.removed) EXPECT_EQ(r.text.find(e.text), std::string::npos) << p;
    }
  }
}

}  // namespace
}  // namespace sitrep::code

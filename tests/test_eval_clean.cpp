// The main-content evaluator: exact scoring on a tiny synthetic dataset, and a smoke run on
// the first pages of the trafilatura benchmark when ../shared is present.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "clean/eval_clean.h"

using namespace sitrep;
namespace fs = std::filesystem;

namespace {

void write_gzip(const fs::path& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
}

}  // namespace

TEST(EvalClean, ScoresSnippetsLikeTrafilatura) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_eval_clean_" + std::to_string(::getpid()));
  fs::create_directories(dir / "html");
  write_gzip(dir / "html" / "a.html.gz",
             "<html><head><title>Peace talks resume</title></head><body><nav><a href='/'>Home</a> "
             "<a href='/x'>Impressum</a></nav><article><h1>Peace talks resume</h1><p>Delegations met in "
             "Geneva on Tuesday,\n  resuming talks that had stalled for a week, officials said.</p>"
             "<p>No agreement was reached on the timetable, but further rounds are planned.</p></article>"
             "<footer>Impressum</footer></body></html>");
  write_gzip(dir / "html" / "b.html.gz", "");  // fails to clean: all its snippets are misses
  std::ofstream(dir / "evaldata.json") << R"({
    "https://a.example/1": {"file": "a.html", "with": ["Delegations met in Geneva on Tuesday, resuming",
        "Peace talks resume", "not in the page"], "without": ["Impressum", "Home page"]},
    "https://b.example/2": {"file": "b.html", "with": ["anything"], "without": ["nothing"]}})";

  auto r = eval_clean(dir.string(), {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->pages, 2u);
  EXPECT_EQ(r->failed, 1u);
  EXPECT_EQ(r->tp, 2u);  // whitespace-normalised match, title counts
  EXPECT_EQ(r->fn, 2u);  // "not in the page" + the failed page's snippet
  EXPECT_EQ(r->fp, 0u);
  EXPECT_EQ(r->tn, 3u);
  EXPECT_DOUBLE_EQ(r->precision(), 100.0);
  EXPECT_DOUBLE_EQ(r->recall(), 50.0);

  auto dev = eval_clean(dir.string(), {EvalSplit::Dev});
  ASSERT_TRUE(dev.ok());
  EXPECT_EQ(dev->pages, 1u);
  auto j = nlohmann::json::parse(eval_clean_json(r.value()));
  for (const char* key : {"dataset", "split", "pages", "failed", "precision", "recall", "f1", "accuracy", "pages_per_s"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["split"], "all");
  EXPECT_EQ(j["pages"], 2);
  fs::remove_all(dir);
}

TEST(EvalClean, MissingDatasetIsAnError) {
  auto r = eval_clean("/nonexistent/sitrep-dataset", {});
  EXPECT_FALSE(r.ok());
}

TEST(EvalClean, TrafilaturaSubsetSmoke) {
  fs::path dir = fs::path(SITREP_SHARED_DIR) / "data" / "html" / "trafilatura-eval";
  if (!fs::exists(dir / "evaldata.json")) GTEST_SKIP() << "no " << dir;
  EvalCleanOptions o;
  o.split = EvalSplit::Test;
  o.limit = 60;
  auto r = eval_clean(dir.string(), o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->pages, 60u);
  EXPECT_LE(r->failed, 3u);
  // A floor well under the full-corpus score: catches a broken extractor, not noise.
  EXPECT_GT(r->f1(), 80.0) << eval_clean_json(r.value());
}

#include "cli/code_run.h"

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/registry.h"
#include "code/code.h"
#include "kb/linker.h"
#include "nlp/nlp.h"
#include "store/events_store.h"
#include "store/sql.h"
#include "store/store.h"

namespace sitrep::cli {

namespace {

int code_and_fuse(const CodeArgs& a, std::ostream& out) {
  auto st = Store::open(a.db);
  if (!st) {
    std::cerr << "sitrep: " << st.error().where() << ": " << st.error().message << "\n";
    return kFatal;
  }
  sqlite3* db = st.value()->handle();
  code::CoderOptions opts;
  auto kb = kb::Kb::open(a.kb.empty() ? kb::Kb::default_path() : a.kb);
  if (kb) opts.linker = std::make_shared<const kb::Linker>(kb.value());
  else std::cerr << "sitrep: warning: no knowledge base (" << kb.error().message << "): no actors, no events\n";
  auto model = nlp::Model::load(a.model.empty() ? nlp::Model::default_path() : a.model);
  if (model) opts.model = model.value();
  else std::cerr << "sitrep: warning: no nlp model (" << model.error().message << "): tokens and sentences only\n";
  auto coder = code::Coder::create(std::move(opts));
  if (!coder) {
    std::cerr << "sitrep: " << coder.error().where() << ": " << coder.error().message << "\n";
    return kFatal;
  }
  auto start = std::chrono::steady_clock::now();
  unsigned threads = a.threads ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  uint64_t docs = 0, mentions = 0, quotes = 0;
  for (;;) {
    std::vector<Doc> batch = load_uncoded_documents(db, 256);
    if (batch.empty()) break;
    std::vector<code::CodedDoc> coded(batch.size());
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (size_t i = t; i < batch.size(); i += threads) coded[i] = coder.value()->code(batch[i]);
      });
    for (auto& th : pool) th.join();
    // One transaction per batch: a killed run leaves whole documents coded or not at all.
    sql_exec(db, "BEGIN IMMEDIATE");
    for (size_t i = 0; i < batch.size(); ++i) {
      save_coded_document(db, batch[i], coded[i]);
      mentions += coded[i].events.size();
      quotes += coded[i].quotes.size();
    }
    sql_exec(db, "COMMIT");
    docs += batch.size();
  }
  FusionSummary f = fuse_stored_mentions(db);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (a.json) {
    nlohmann::json j = {{"command", "code"},      {"db", a.db},           {"documents_coded", docs},
                        {"mentions", mentions},   {"quotes", quotes},     {"asserted_mentions_fused", f.mentions},
                        {"events", f.events},     {"stories", f.stories}, {"seconds", secs},
                        {"fusion_seconds", f.seconds}};
    out << j.dump() << "\n";
  } else {
    out << "coded " << docs << " documents: " << mentions << " event mentions, " << quotes
              << " quotes; fused " << f.mentions << " asserted mentions into " << f.events << " events in "
              << f.stories << " stories (" << secs << " s)\n";
  }
  return kOk;
}

}  // namespace

int run_code(const CodeArgs& a, std::ostream& out) {
  try {
    return code_and_fuse(a, out);
  } catch (const std::exception& e) {  // SQL errors: the store is left as the last batch committed
    std::cerr << "sitrep: " << a.db << ": " << e.what() << "\n";
    return kFatal;
  }
}

}  // namespace sitrep::cli

// sitrep clean FILE [--format text|json]: what the cleaner keeps, drops and why.
#include <CLI/CLI.hpp>

#include <iostream>

#include "pipeline/pipeline.h"
#include "cli/registry.h"
#include "out/doc_json.h"

namespace sitrep::cli {
namespace {

void print_text(const Doc& d, std::ostream& out) {
  out << "== " << d.origin << "\n";
  out << "title:    " << d.meta.title << "\n";
  out << "date:     " << (d.meta.date.iso().empty() ? "unknown" : d.meta.date.iso()) << " ("
      << to_string(d.meta.date.precision) << "; " << d.meta.date.evidence << ")\n";
  out << "outlet:   " << d.meta.outlet << "\n";
  out << "byline:   " << d.meta.byline << "\n";
  out << "dateline: " << d.meta.dateline << "\n";
  if (d.invalid_bytes) out << "invalid bytes replaced: " << d.invalid_bytes << " (" << d.charset << ")\n";
  out << "\n-- body (" << d.paragraphs.size() << " paragraphs)\n";
  for (const auto& p : d.paragraphs) out << d.body.substr(p.begin, p.end - p.begin) << "\n\n";
  if (!d.captions.empty()) {
    out << "-- captions\n";
    for (const auto& c : d.captions) out << "  " << c << "\n";
  }
  if (!d.removed.empty()) {
    out << "-- removed\n";
    for (const auto& r : d.removed) {
      std::string t = r.text.size() > 90 ? r.text.substr(0, 87) + "..." : r.text;
      out << "  [" << r.reason << "] " << t << "\n";
    }
  }
}

void add_clean(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("clean", "Show what the cleaner keeps, drops and why, with the metadata");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("file", *file, "An article file (.txt .html .jsonl .warc[.gz]) or - for stdin")->required();
  cmd->add_option("--format", *format, "text or json (one JSON object per record)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([file, format, &exit_code] {
    bool json = *format == "json";
    uint64_t rejected = 0;
    PipelineOptions opts;
    opts.ordered = true;
    PipelineSinks sinks;
    sinks.on_doc = [&](Doc&& d) {
      if (json) std::cout << doc_to_json(d, -1) << "\n";
      else print_text(d, std::cout);
    };
    sinks.on_error = [&](const Error& e) {
      if (e.severity != Severity::Warning) ++rejected;
      std::cerr << "sitrep: " << (e.severity == Severity::Warning ? "warning: " : "rejected: ") << e.where() << ": "
                << e.message << "\n";
    };
    run_pipeline({*file}, opts, sinks);
    exit_code = rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("", "clean", add_clean);

}  // namespace
}  // namespace sitrep::cli

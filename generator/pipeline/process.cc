// The per-document pipeline (see process.h).
#include "pipeline/process.h"

#include <utility>

#include "checks/check.h"
#include "metrics/metrics.h"
#include "parse/parser.h"
#include "years/facts.h"

namespace gongkai::pipeline {

namespace {

bool HasError(const std::vector<model::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == model::Diagnostic::Severity::kError) return true;
  return false;
}

// Parses `doc` (with the identity the caller read, or none) and, when parsing found no
// error, checks and measures it.
Processed Analyse(ingest::Document doc, const parse::TextIdentity* identity) {
  Processed p;
  p.read = true;
  p.doc = std::move(doc);
  p.disclosure = parse::ParseDocument(p.doc, identity);
  p.diagnostics = p.disclosure.diagnostics;
  if (!HasError(p.diagnostics)) {
    checks::RunChecks(p.disclosure);
    metrics::ComputeMetrics(p.disclosure);
    years::ComputeYearFacts(p.disclosure);
  }
  return p;
}

}  // namespace

bool Processed::Failed() const { return !read || HasError(diagnostics); }

Processed Process(const std::string& path, const std::string& root) {
  ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  if (!ingest::ReadDisclosure(path, doc, diagnostics, root))
    return Unread(path, std::move(diagnostics));
  return Process(std::move(doc), diagnostics);
}

Processed Process(ingest::Document doc, const std::vector<model::Diagnostic>& read_diagnostics,
                  const parse::TextIdentity* identity) {
  Processed p = Analyse(std::move(doc), identity);
  p.diagnostics.insert(p.diagnostics.begin(), read_diagnostics.begin(), read_diagnostics.end());
  return p;
}

Processed Process(ingest::Document doc) { return Analyse(std::move(doc), nullptr); }

Processed Unread(const std::string& path, std::vector<model::Diagnostic> diagnostics) {
  Processed p;
  p.disclosure.source.path = ingest::PrintableName(path);
  p.diagnostics = std::move(diagnostics);
  return p;
}

}  // namespace gongkai::pipeline

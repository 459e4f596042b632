// Injects one inconsistency into a generated disclosure and confirms that its rule fires.
#include "corpus/injection.h"

#include <map>

#include "corpus/numbers.h"
#include "ingest/document.h"
#include "model/money.h"
#include "pipeline/process.h"

namespace gongkai::corpus {

std::map<std::string, int> CheckText(const std::vector<std::string>& lines,
                                     model::Disclosure* out) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  std::map<std::string, int> errors;
  if (!ingest::LoadDocument("generated.txt", text, doc, diagnostics)) return errors;
  pipeline::Processed p = pipeline::Process(std::move(doc));
  for (const auto& f : p.disclosure.findings)
    if (f.severity == model::Diagnostic::Severity::kError) ++errors[f.rule];
  if (out) *out = std::move(p.disclosure);
  return errors;
}

namespace {

struct Candidate {
  int line = 0;  // 1-based
  model::Money amount;
};

constexpr int kMaxAttempts = 8;

}  // namespace

std::map<std::string, int> ErrorsByRule(const std::vector<std::string>& lines) {
  return CheckText(lines, nullptr);
}

Injection InjectionFor(uint64_t index) {
  if (index % 17 != 7) return Injection::kNone;
  switch ((index / 17) % 3) {
    case 0: return Injection::kBalance;
    case 1: return Injection::kThreePublic;
    default: return Injection::kNarrativeAmount;
  }
}

std::string Inject(std::vector<std::string>& lines, Injection kind) {
  if (kind == Injection::kNone) return "";
  model::Disclosure d;
  std::map<std::string, int> before = CheckText(lines, &d);
  std::string rule;
  std::vector<Candidate> candidates;
  switch (kind) {
    case Injection::kBalance:
      if (d.summary.table.empty() || !d.summary.income_total) return "";
      rule = d.summary.table == "summary" ? "summary-balance" : "fiscal-summary-balance";
      candidates.push_back({d.summary.income_total->line, d.summary.income_total->amount});
      break;
    case Injection::kThreePublic:
      if (!d.three_public.total) return "";
      rule = "three-public-sum";
      candidates.push_back({d.three_public.total->line, d.three_public.total->amount});
      break;
    case Injection::kNarrativeAmount:
      rule = "narrative-amount";
      for (const auto& c : d.claims)
        if (c.kind == model::Claim::Kind::kAmount && c.status == model::ClaimStatus::kConsistent && !c.amount.IsZero())
          candidates.push_back({c.line, c.amount});
      break;
    case Injection::kNone:
      return "";
  }
  std::vector<NumberSpan> spans = FindNumbers(lines);
  int attempts = 0;
  for (const Candidate& c : candidates) {
    for (const NumberSpan& s : spans) {
      if (s.kind != NumberSpan::Kind::kAmount || static_cast<int>(s.line) + 1 != c.line) continue;
      // The figure as printed in 万元, or in 元 (then 1.00 万元 is 10000).
      int64_t add = 0;
      if (auto m = model::Money::Parse(s.text); m && *m == c.amount) add = 1;
      else if (auto y = model::Money::Parse(s.text, model::Unit::kYuan); y && *y == c.amount)
        add = 10000;
      if (!add) continue;
      if (++attempts > kMaxAttempts) return "";
      std::vector<std::string> changed = lines;
      ReplaceSpan(changed, s, ScaleFigure(s.text, 1, add));
      std::map<std::string, int> after = ErrorsByRule(changed);
      if (after[rule] > before[rule]) {
        lines = std::move(changed);
        return rule;
      }
    }
  }
  return "";
}

}  // namespace gongkai::corpus

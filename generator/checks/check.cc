// Rule context and the run over the catalogue.
#include "checks/check.h"

#include <algorithm>
#include <cstdlib>

#include "checks/corroboration.h"

namespace gongkai::checks {

std::string Wan(const model::Money& m) { return m.WanYuan(2) + " 万元"; }

std::string ChangeText(const model::Claim& c) {
  if (c.direction == 0) return "与上年相同";
  return (c.direction > 0 ? "增加 " : "减少 ") + Wan(c.amount);
}

void Context::Report(std::string message, std::vector<int> lines) {
  Report(rule_.severity, std::move(message), std::move(lines));
}

void Context::Report(Severity severity, std::string message, std::vector<int> lines) {
  lines.erase(std::remove(lines.begin(), lines.end(), 0), lines.end());
  std::vector<int> unique;
  for (int l : lines)
    if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(l);
  lines = std::move(unique);
  if (lines.empty()) lines.push_back(1);
  d_.findings.push_back({rule_.id, severity, std::move(message), std::move(lines), {}, {}});
}

int64_t Comparison::ToleranceFen() const {
  std::vector<model::Money> all = {actual.amount};
  for (const auto& f : inputs) all.push_back(f.amount);
  return checks::ToleranceFen(all);
}

Agreement Comparison::Agree() const { return Compare(expected, actual.amount, ToleranceFen()); }

Agreement Context::CheckEqual(const std::string& what, const model::Figure& actual,
                              const model::Money& expected,
                              const std::vector<model::Figure>& inputs, std::vector<int> lines) {
  return CheckEqual(what, Comparison{actual, expected, inputs}, std::move(lines));
}

Agreement Context::CheckEqual(const std::string& what, const Comparison& c,
                              std::vector<int> lines) {
  int64_t tolerance = c.ToleranceFen();
  Agreement a = c.Agree();
  if (a == Agreement::kExact) return a;
  model::Money diff = model::Money::FromFen(std::llabs(c.actual.amount.fen() - c.expected.fen()));
  std::string message = what + "：应为 " + Wan(c.expected) + "，实为 " + Wan(c.actual.amount) +
                        "，相差 " + Wan(diff);
  if (a == Agreement::kWithinRounding) {
    Report(Severity::kNotice,
           message + "（在尾数误差 " + Wan(model::Money::FromFen(tolerance)) + " 以内）",
           std::move(lines));
  } else {
    Report(beyond_.value_or(rule_.severity),
           message + "（超出尾数误差 " + Wan(model::Money::FromFen(tolerance)) + "）",
           std::move(lines));
  }
  std::vector<model::Figure>& figures = d_.findings.back().figures;
  figures.push_back(c.actual);
  figures.insert(figures.end(), c.inputs.begin(), c.inputs.end());
  return a;
}

void RunChecks(model::Disclosure& d) {
  d.findings.clear();
  for (auto& c : d.claims) {
    c.status = model::ClaimStatus::kUnchecked;
    c.note.clear();
  }
  for (const Rule& rule : AllRules()) {
    Context ctx(d, rule.info);
    rule.run(ctx);
  }
  // A PDF is read from positions, and a misreading must not be published as the department's
  // error: only corroborated figures make an error (checks/corroboration.h).
  if (!d.source.page_starts.empty()) ApplyCorroboration(d);
  // Errors first, then by line.
  std::stable_sort(d.findings.begin(), d.findings.end(), [](const auto& a, const auto& b) {
    if (a.severity != b.severity) return a.severity < b.severity;
    return a.lines.front() < b.lines.front();
  });
}

}  // namespace gongkai::checks

// Checks between years (see cross_year.h).
#include "years/cross_year.h"

#include <algorithm>
#include <cstdlib>

#include "checks/check.h"
#include "checks/rounding.h"
#include "checks/subjects.h"
#include "years/timeline.h"

namespace gongkai::years {

namespace {

using Severity = model::Diagnostic::Severity;

std::string Line(int line) { return "第 " + std::to_string(line) + " 行"; }

std::string Year(const model::Disclosure& d) { return std::to_string(d.year) + " 年"; }

// The table figure of `subject` in `d`, when d states it without doubt (years/facts.h).
model::MaybeFigure SureFigure(const model::Disclosure& d, const std::string& subject) {
  const auto& sure = d.year_facts.sure;
  if (std::find(sure.begin(), sure.end(), subject) == sure.end()) return std::nullopt;
  return HeadlineFigure(d, subject);
}

// Silent when equal, a notice within rounding, a warning beyond (rounding.h).
std::optional<Severity> Judge(const model::Money& a, const model::Money& b,
                              std::initializer_list<model::Money> figures) {
  switch (checks::Compare(a, b, checks::ToleranceFen(figures))) {
    case checks::Agreement::kExact: return std::nullopt;
    case checks::Agreement::kWithinRounding: return Severity::kNotice;
    case checks::Agreement::kBeyondRounding: return Severity::kWarning;
  }
  return std::nullopt;
}

void Add(CrossYearFindings& out, const char* rule, Severity severity, const std::string& message,
         std::vector<model::Figure> current, std::vector<model::Figure> previous) {
  auto finding = [&](std::vector<model::Figure> figures) {
    model::Finding f{rule, severity, message, {}, figures, ""};
    for (const auto& fig : figures) f.lines.push_back(fig.line);
    return f;
  };
  // The same change stated twice in a narrative is one finding.
  for (const auto& f : out.current)
    if (f.message == message) return;
  out.current.push_back(finding(std::move(current)));
  out.previous.push_back(finding(std::move(previous)));
}

constexpr const char* kOriginal =
    "（上年公开的是年初预算；预算年中可能调整，故为提示或警告）";

void CheckFigure(const model::Disclosure& previous, const model::Disclosure& current,
                 const model::Claim& c, const model::Figure& before, CrossYearFindings& out) {
  model::Money stated = c.kind == model::Claim::Kind::kChange ? *c.base : c.amount;
  int stated_line = c.kind == model::Claim::Kind::kChange ? c.base_line : c.line;
  auto severity = Judge(stated, before.amount, {stated, before.amount});
  if (!severity) return;
  std::string name = checks::SubjectName(current, c.subject);
  // A table's figure says which table and block it stands in.
  std::string where = c.table.empty() ? "" : "（表" + c.table + "）";
  Add(out, kPriorYearFigure, *severity,
      Year(current) + "公开" + Line(stated_line) + where + "所说上年" + name + "为 " +
          checks::Wan(stated) + "，" + Year(previous) + "公开（" + previous.id + "）" +
          Line(before.line) + "为 " + checks::Wan(before.amount) + kOriginal,
      {{stated, stated_line}}, {before});
}

void CheckChange(const model::Disclosure& previous, const model::Disclosure& current,
                 const model::Claim& c, const model::Figure& before, const model::Figure& now,
                 CrossYearFindings& out) {
  model::Money diff = now.amount - before.amount;
  int direction = diff.fen() > 0 ? 1 : diff.fen() < 0 ? -1 : 0;
  model::Money expected = model::Money::FromFen(std::llabs(diff.fen()));
  auto severity = Judge(c.amount, expected, {c.amount, now.amount, before.amount});
  if (!severity && (direction == 0 || direction == c.direction)) return;
  if (!severity) severity = Severity::kWarning;  // the right amount, the wrong direction
  std::string name = checks::SubjectName(current, c.subject);
  Add(out, kPriorYearChange, *severity,
      Year(current) + "公开" + Line(c.line) + "说" + name + (c.direction != 0 ? "比上年" : "") +
          checks::ChangeText(c) + "；两年公开的数字之差（" +
          checks::Wan(now.amount) + " − " + Year(previous) + "公开 " + previous.id + " " +
          Line(before.line) + "的 " + checks::Wan(before.amount) + "）为" +
          (direction > 0 ? "增加 " : direction < 0 ? "减少 " : "相差 ") + checks::Wan(expected) +
          kOriginal,
      {model::Figure{c.amount, c.line}, now}, {before});
}

}  // namespace

bool IsCrossYearRule(const std::string& rule) {
  return rule == kPriorYearFigure || rule == kPriorYearChange;
}

CrossYearFindings CheckAcrossYears(const model::Disclosure& previous,
                                   const model::Disclosure& current) {
  CrossYearFindings out;
  if (previous.year + 1 != current.year) return out;
  for (const auto& c : current.year_facts.prior) {
    bool change = c.kind == model::Claim::Kind::kChange;
    auto before = SureFigure(previous, c.subject);
    if (!before) continue;
    if (!change || c.base) CheckFigure(previous, current, c, *before, out);
    if (change)
      if (auto now = SureFigure(current, c.subject))
        CheckChange(previous, current, c, *before, *now, out);
  }
  return out;
}

void RemoveCrossYearFindings(model::Disclosure& d) {
  d.findings.erase(std::remove_if(d.findings.begin(), d.findings.end(),
                                  [](const auto& f) { return IsCrossYearRule(f.rule); }),
                   d.findings.end());
}

}  // namespace gongkai::years

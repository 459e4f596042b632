// Timeline figures and changes (see timeline.h).
#include "years/timeline.h"

#include <set>

#include "checks/rounding.h"
#include "checks/subjects.h"

namespace gongkai::years {

namespace {

const char* const kHeadline[] = {
    "income_total",     "expenditure_total",           "basic",
    "project",          "personnel",                   "public",
    "three_public.total", "three_public.overseas",     "three_public.vehicle_total",
    "three_public.vehicle_purchase", "three_public.vehicle_operation", "three_public.reception"};

// The 类 codes a disclosure states, in its summary or its 支出总表.
void AddClassCodes(const model::Disclosure& d, std::set<std::string>& codes) {
  for (const auto& [subject, figure] : d.year_facts.headline)
    if (subject.rfind("class:", 0) == 0) codes.insert(subject.substr(6));
  for (const auto& c : d.summary.expenditure_classes)
    if (c.code.size() == 3) codes.insert(c.code);
  for (const auto& f : d.functional)
    if (f.level == 1 && f.code.size() == 3) codes.insert(f.code);
}

std::vector<std::string> Subjects(const std::set<std::string>& codes) {
  std::vector<std::string> subjects(std::begin(kHeadline), std::end(kHeadline));
  for (const auto& code : codes) subjects.push_back("class:" + code);
  return subjects;
}

}  // namespace

model::MaybeFigure HeadlineFigure(const model::Disclosure& d, const std::string& subject) {
  if (!d.year_facts.headline.empty()) {
    for (const auto& [s, figure] : d.year_facts.headline)
      if (s == subject) return figure;
    return std::nullopt;
  }
  // The 支出总表 of some templates (江苏) is the 财政拨款 one only: its 类 leave out other funds.
  if (subject.rfind("class:", 0) == 0)
    for (const auto& c : d.summary.expenditure_classes)
      if ("class:" + c.code == subject) return c.amount;
  return checks::PrimaryFigure(d, subject);
}

std::vector<std::string> HeadlineSubjects(const model::Disclosure& d) {
  std::set<std::string> codes;
  AddClassCodes(d, codes);
  return Subjects(codes);
}

std::vector<TimelineFigure> Timeline(const Series& series) {
  std::set<std::string> codes;
  for (const auto* d : series.years) AddClassCodes(*d, codes);
  const std::vector<std::string> subjects = Subjects(codes);
  std::vector<TimelineFigure> out;
  for (const auto& subject : subjects) {
    TimelineFigure f;
    f.subject = subject;
    bool any = false;
    for (const auto* d : series.years) {
      f.values.push_back(HeadlineFigure(*d, subject));
      any |= f.values.back().has_value();
    }
    if (!any) continue;
    f.label = checks::SubjectName(*series.years.back(), subject);
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<Change> ChangeBetween(const model::MaybeFigure& before,
                                    const model::MaybeFigure& after) {
  if (!before || !after) return std::nullopt;
  Change c;
  c.amount = after->amount - before->amount;
  if (!before->amount.IsZero()) {
    int64_t tenths = checks::PercentScaled(c.amount, before->amount, 1);
    bool negative = (c.amount.fen() < 0) != (before->amount.fen() < 0);
    c.percent_tenths = negative ? -tenths : tenths;
  }
  return c;
}

std::string SignedWan(const model::Money& m) {
  if (m.fen() < 0) return "−" + model::Money::FromFen(-m.fen()).WanYuan(2);
  return (m.fen() > 0 ? "+" : "") + m.WanYuan(2);
}

std::string SignedPercent(int64_t tenths) {
  std::string digits = checks::FormatScaled(tenths < 0 ? -tenths : tenths, 1);
  return (tenths < 0 ? "−" : tenths > 0 ? "+" : "") + digits + "%";
}

}  // namespace gongkai::years

// Metrics from the model.
#include "metrics/metrics.h"

#include "checks/rounding.h"

namespace gongkai::metrics {

namespace {

using model::MaybeFigure;
using model::Metric;

Metric Share(const std::string& key, const std::string& label, const MaybeFigure& part,
             const MaybeFigure& whole) {
  Metric m{key, label, std::nullopt, "%", {}};
  if (part && whole && !whole->amount.IsZero()) {
    int64_t scaled = checks::PercentScaled(part->amount, whole->amount, 2);
    if (part->amount.fen() < 0) scaled = -scaled;
    m.value = static_cast<double>(scaled) / 100.0;
    m.lines = {part->line, whole->line};
  }
  return m;
}

Metric PerStaff(const std::string& key, const std::string& label, const MaybeFigure& amount,
                const model::Disclosure& d) {
  Metric m{key, label, std::nullopt, "万元/人", {}};
  if (amount && d.staff && *d.staff > 0) {
    // Rounded half up to 0.01 万元 (100 元).
    int64_t fen = amount->amount.fen();
    int64_t per = (2 * fen + *d.staff) / (2 * *d.staff);
    int64_t cents_of_wan = (per + 5000) / 10000;  // fen -> 0.01 万元
    m.value = static_cast<double>(cents_of_wan) / 100.0;
    m.lines = {amount->line, d.staff_line};
  }
  return m;
}

}  // namespace

void ComputeMetrics(model::Disclosure& d) {
  const auto& e = d.expenditure;
  MaybeFigure total = e.total ? e.total : d.summary.expenditure_total;
  d.metrics.clear();
  d.metrics.push_back(Share("basic_share", "基本支出占支出合计", e.basic, total));
  d.metrics.push_back(Share("project_share", "项目支出占支出合计", e.project, total));
  d.metrics.push_back(Share("personnel_share", "人员经费占基本支出", e.personnel, e.basic));
  d.metrics.push_back(Share("public_share", "公用经费占基本支出", e.public_, e.basic));
  d.metrics.push_back(
      Share("carryover_share", "上年结转占收入总计", d.summary.carryover_in, d.summary.income_total));
  d.metrics.push_back(Share("three_public_share", "“三公”经费占支出合计", d.three_public.total, total));
  for (const auto& c : d.summary.expenditure_classes)
    if (!c.amount.amount.IsZero())
      d.metrics.push_back(Share("class_share_" + c.code, c.name + "占支出合计",
                              MaybeFigure(c.amount), total));
  d.metrics.push_back(PerStaff("total_per_staff", "人均支出", total, d));
  d.metrics.push_back(PerStaff("basic_per_staff", "人均基本支出", e.basic, d));
  d.metrics.push_back(PerStaff("personnel_per_staff", "人均人员经费", e.personnel, d));
}

}  // namespace gongkai::metrics

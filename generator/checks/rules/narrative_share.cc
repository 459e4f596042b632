// narrative-share: a stated share (“占 93.57%”) is recomputed from its part and the whole it is
// a share of, and must round to the same value at the decimals shown.
#include "checks/rules/rules.h"

#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

bool TotalSubject(const std::string& s) {
  return s == "income_total" || s == "expenditure_total" || s == "fiscal_total" ||
         s == "general_appropriation" || s == "basic" || s == "project" ||
         s == "three_public.total";
}

void Run(Context& ctx) {
  auto& d = ctx.d();
  for (size_t i = 0; i < d.claims.size(); ++i) {
    auto& c = d.claims[i];
    if (c.kind != model::Claim::Kind::kShare || c.ref < 0) continue;
    const auto& part = d.claims[c.ref];
    // Candidate wholes, nearest first: the amount that introduced the parts (…万元，其中：),
    // then the last total named before, then the document's totals.
    std::vector<std::pair<model::Money, int>> wholes;
    for (int k = c.ref - 1; k >= 0 && part.sentence - d.claims[k].sentence <= 2; --k) {
      const auto& w = d.claims[k];
      if (w.kind == model::Claim::Kind::kAmount && w.introduces_parts && !w.previous_year &&
          !(w.amount < part.amount) && w.amount != part.amount) {
        wholes.push_back({w.amount, w.line});
        break;
      }
    }
    for (int k = c.ref - 1; k >= 0 && part.sentence - d.claims[k].sentence <= 6; --k) {
      const auto& w = d.claims[k];
      if (w.kind == model::Claim::Kind::kAmount && TotalSubject(w.subject) && !w.previous_year &&
          !(w.amount < part.amount) && w.amount != part.amount) {
        wholes.push_back({w.amount, w.line});
        break;
      }
    }
    for (const auto& f : {d.summary.income_total, d.summary.current_income, d.expenditure.total})
      if (f && !(f->amount < part.amount) && !f->amount.IsZero()) wholes.push_back({f->amount, f->line});
    if (wholes.empty()) {
      c.note = "找不到这个比例的分母";
      continue;
    }
    bool matched = false;
    for (const auto& [whole, line] : wholes) {
      if (whole.IsZero()) continue;
      int64_t v = PercentScaled(part.amount, whole, c.percent_decimals);
      if (v == c.percent_scaled) {
        c.status = model::ClaimStatus::kConsistent;
        c.note = Wan(part.amount) + " ÷ " + Wan(whole) + "（第 " + std::to_string(line) +
                 " 行）= " + FormatScaled(v, c.percent_decimals) + "%";
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const auto& [whole, line] = wholes.front();
    int64_t v = PercentScaled(part.amount, whole, c.percent_decimals);
    c.status = model::ClaimStatus::kInconsistent;
    c.note = "按 " + Wan(part.amount) + " ÷ " + Wan(whole) + " 计算应为 " +
             FormatScaled(v, c.percent_decimals) + "%";
    ctx.Report("第 " + std::to_string(c.line) + " 行说" + SubjectName(d, part.subject) +
                   Wan(part.amount) + "，占 " + c.value_text + "%，但 " + Wan(part.amount) + " ÷ " +
                   Wan(whole) + "（第 " + std::to_string(line) + " 行）= " +
                   FormatScaled(v, c.percent_decimals) + "%",
               {c.line, part.line, line});
  }
}
}  // namespace

Rule NarrativeShareRule() {
  return {{"narrative-share", Severity::kWarning, "说明中的比例可以重新算出",
           "说明常写“某项收入 X 万元，占 Y%”。用该项金额除以总额，按说明给出的小数位四舍五入，"
           "应得到同一个百分比；得不到，说明比例算错了（例如为了让各项加起来凑成 100% 而改动了"
           "其中一项）。"},
          &Run};
}

}  // namespace gongkai::checks

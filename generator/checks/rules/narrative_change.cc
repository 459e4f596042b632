// narrative-change: a stated year-on-year change is recomputed. With the base given
// ("较 2021年预算 1536.36万元增加 390.80万元"): now − before = the change. A percentage
// ("增加 25%", "同比增长 10.77%") = change ÷ base on the stated base, or on the base derived from
// now and the change where the text gives none. "与上年预算数相同" prints no figure of its own
// (the parser takes the amount before it as both years' figure): nothing here recomputes it;
// the checks between years compare it with the previous year's disclosure.
#include "checks/rules/rules.h"

#include <cstdlib>

#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  auto& d = ctx.d();
  for (size_t i = 0; i < d.claims.size(); ++i) {
    auto& c = d.claims[i];
    if (c.kind != model::Claim::Kind::kChange) continue;
    std::string name = SubjectName(d, c.subject);
    // The current figure: stated with the change, else the table's.
    std::optional<model::Figure> now;
    if (c.now) now = model::Figure{*c.now, c.now_line};
    if (!now && !c.subject.empty()) now = PrimaryFigure(d, c.subject);
    std::optional<model::Money> base = c.base;
    if (c.direction == 0 && c.value_text.empty() && base) {
      c.note = "说与上年相同：上年数即本年数 " + Wan(*base);
    } else if (base && now) {
      model::Money diff = now->amount - *base;
      int dir = diff.fen() > 0 ? 1 : diff.fen() < 0 ? -1 : 0;
      model::Money expected = model::Money::FromFen(std::llabs(diff.fen()));
      model::Figure stated{c.amount, c.line};
      Agreement a = ctx.CheckEqual(
          "第 " + std::to_string(c.line) + " 行所说" + name + "的变动额（" + Wan(now->amount) +
              " 与上年 " + Wan(*base) + " 之差）",
          stated, expected, {*now, model::Figure{*base, c.base_line}},
          {c.line, now->line, c.base_line});
      if (a != Agreement::kBeyondRounding && dir != 0 && c.direction != 0 && dir != c.direction) {
        ctx.Report("第 " + std::to_string(c.line) + " 行说" + name + (c.direction > 0 ? "增加" : "减少") +
                       "，但从 " + Wan(*base) + " 到 " + Wan(now->amount) + " 是" +
                       (dir > 0 ? "增加" : "减少"),
                   {c.line});
        a = Agreement::kBeyondRounding;
      }
      c.status = a == Agreement::kBeyondRounding ? model::ClaimStatus::kInconsistent
                                                 : model::ClaimStatus::kConsistent;
      c.note = Wan(now->amount) + " − " + Wan(*base) + " = " + Wan(expected);
    } else if (!base && now) {
      base = now->amount - model::Money::FromFen(c.direction * c.amount.fen());
      c.note = "上年数按 " + Wan(now->amount) + (c.direction > 0 ? " − " : " + ") + Wan(c.amount) +
               " = " + Wan(*base) + " 推算";
    } else {
      c.note = c.subject.empty() ? "未能确定变动的是什么" : "没有本年数可以比较";
    }
    // The percentage stated with it.
    for (size_t k = i + 1; k < d.claims.size(); ++k) {
      auto& p = d.claims[k];
      if (p.kind != model::Claim::Kind::kChangePct || p.ref != static_cast<int>(i)) continue;
      if (!base) {
        p.note = "没有上年数，无法计算变动比例";
        continue;
      }
      if (base->IsZero()) {
        p.note = "上年为零，变动比例没有意义";
        ctx.Report(Severity::kNotice,
                   "第 " + std::to_string(p.line) + " 行给出" + name + "的变动比例 " +
                       p.value_text + "%，但上年数为零，比例无从计算",
                   {p.line});
        continue;
      }
      int64_t v = PercentScaled(c.amount, *base, p.percent_decimals);
      std::string computed = FormatScaled(v, p.percent_decimals);
      if (v == p.percent_scaled) {
        p.status = model::ClaimStatus::kConsistent;
        p.note = Wan(c.amount) + " ÷ " + Wan(*base) + " = " + computed + "%";
        if (c.status == model::ClaimStatus::kUnchecked && !c.base)
          c.status = model::ClaimStatus::kConsistent;
      } else {
        p.status = model::ClaimStatus::kInconsistent;
        p.note = "按 " + Wan(c.amount) + " ÷ " + Wan(*base) + " 计算应为 " + computed + "%";
        ctx.Report(Severity::kWarning,
                   "第 " + std::to_string(p.line) + " 行说" + name + "变动 " + p.value_text +
                       "%，但 " + Wan(c.amount) + " ÷ " + (c.base ? "上年 " : "推算的上年 ") +
                       Wan(*base) + " = " + computed + "%",
                   {p.line, c.line});
      }
    }
  }
}
}  // namespace

Rule NarrativeChangeRule() {
  return {{"narrative-change", Severity::kError, "说明中的增减变动可以重新算出",
           "说明写“比上年增加 X 万元，增长 Y%”时，本年数减上年数应等于 X；X 除以上年数应等于 Y%"
           "（按给出的小数位四舍五入）。文字没有给出上年数时，用本年数和变动额推算上年数再核对"
           "比例。金额不符是错误，比例不符是警告。"},
          &Run};
}

}  // namespace gongkai::checks

// narrative-amount: each amount the narrative states matches the table figure it names.
//   "卫生健康支出 147.39 万元" -> the 210 rows of the tables; "公务接待费 0.94 万元" -> the “三公”表.
#include "checks/rules/rules.h"

#include <cstdlib>

#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  auto& d = ctx.d();
  for (auto& c : d.claims) {
    if (c.kind != model::Claim::Kind::kAmount) continue;
    if (c.previous_year) {
      c.note = "上一年度的数字，不与本年的表比较";
      continue;
    }
    if (c.subject.empty()) {
      c.note = "未能确定这个数字说的是什么";
      continue;
    }
    auto candidates = CandidateFigures(d, c.subject);
    std::string name = SubjectName(d, c.subject);
    if (candidates.empty()) {
      bool three = c.subject.rfind("three_public.", 0) == 0;
      if (three && c.amount.IsZero() && d.three_public.total) {
        c.status = model::ClaimStatus::kConsistent;
        c.note = "“三公”经费表中这一项为空，即为零";
      } else {
        c.note = "表中没有" + name + "可以比较";
      }
      continue;
    }
    const model::Figure* exact = nullptr;
    const model::Figure* near = nullptr;
    int64_t near_diff = 0;
    for (const auto& f : candidates) {
      if (f.amount == c.amount) {
        exact = &f;
        break;
      }
      int64_t diff = std::llabs(f.amount.fen() - c.amount.fen());
      if (diff <= ToleranceFen({f.amount, c.amount}) && (!near || diff < near_diff)) {
        near = &f;
        near_diff = diff;
      }
    }
    if (exact) {
      c.status = model::ClaimStatus::kConsistent;
      c.note = "与第 " + std::to_string(exact->line) + " 行的表格数字一致";
      continue;
    }
    if (near) {
      c.status = model::ClaimStatus::kConsistent;
      c.note = "与第 " + std::to_string(near->line) + " 行的 " + Wan(near->amount) +
               " 相差在尾数误差以内";
      ctx.Report(Severity::kNotice,
                 "第 " + std::to_string(c.line) + " 行说明" + name + "为 " + Wan(c.amount) +
                     "，表中（第 " + std::to_string(near->line) + " 行）为 " + Wan(near->amount) +
                     "，相差 " + Wan(model::Money::FromFen(near_diff)) + "，在尾数误差以内",
                 {c.line, near->line});
      continue;
    }
    c.status = model::ClaimStatus::kInconsistent;
    model::MaybeFigure primary = PrimaryFigure(d, c.subject);
    const model::Figure& ref = primary ? *primary : candidates.front();
    c.note = "表中为 " + Wan(ref.amount) + "（第 " + std::to_string(ref.line) + " 行）";
    // 机关运行经费 is 公用经费 by definition only for administrative bodies: a warning.
    Severity sev = c.subject == "running_costs" ? Severity::kWarning : ctx.rule().severity;
    ctx.Report(sev,
               "第 " + std::to_string(c.line) + " 行说明" + name + "为 " + Wan(c.amount) +
                   "，但表中为 " + Wan(ref.amount) + "（第 " + std::to_string(ref.line) + " 行）",
               {c.line, ref.line});
  }
}
}  // namespace

Rule NarrativeAmountRule() {
  return {{"narrative-amount", Severity::kError, "说明中的金额与表格一致",
           "预算说明用文字重述表中的数字（“卫生健康支出 147.39 万元”）。每一个这样的数字都应当能在"
           "表里找到：同一类支出、同一个科目、同一个项目的金额。找不到一致的数字，说明文字或表格有一"
           "处写错了。"},
          &Run};
}

}  // namespace gongkai::checks

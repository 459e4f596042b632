// narrative-change-parts: a change the text breaks into parts adds up.
//   "增加 390.80万元 ... 其中：基本支出增加 150.48万元 ... 项目支出增加 240.32万元"
#include "checks/rules/rules.h"

#include <algorithm>

#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  auto& d = ctx.d();
  for (size_t i = 0; i < d.claims.size(); ++i) {
    const auto& c = d.claims[i];
    if (c.kind != model::Claim::Kind::kChange || c.subject.empty()) continue;
    auto kids = PartSubjects(c.subject);
    if (kids.empty()) continue;
    // The parts: changes of the part subjects in this sentence or the next, before the subject
    // itself comes up again.
    std::vector<const model::Claim*> parts;
    for (size_t k = i + 1; k < d.claims.size(); ++k) {
      const auto& p = d.claims[k];
      if (p.sentence - c.sentence > 1) break;
      if (p.subject == c.subject && p.kind == model::Claim::Kind::kChange) break;
      if (p.kind != model::Claim::Kind::kChange) continue;
      bool is_class = p.subject.rfind("class:", 0) == 0;
      bool wanted = std::find(kids.begin(), kids.end(), p.subject) != kids.end() ||
                    (is_class && std::find(kids.begin(), kids.end(), "class:*") != kids.end());
      if (!wanted) continue;
      // One breakdown at a time: by basic/project or by functional class, not both.
      if (!parts.empty() && (parts.front()->subject.rfind("class:", 0) == 0) != is_class) continue;
      bool seen = false;
      for (const auto* q : parts) seen |= q->subject == p.subject;
      if (!seen) parts.push_back(&p);
    }
    if (parts.size() < 2 && !(parts.size() == 1 && c.introduces_parts)) continue;
    model::Money sum;
    std::vector<model::Figure> inputs;
    std::vector<int> lines = {c.line};
    // In the direction of the whole; a whole unchanged (与上年相同) is 0 = the parts' net change.
    const int whole = c.direction == 0 ? 1 : c.direction;
    for (const auto* p : parts) {
      sum += model::Money::FromFen(p->direction * whole * p->amount.fen());
      inputs.push_back({p->amount, p->line});
      lines.push_back(p->line);
    }
    std::string names;
    for (const auto* p : parts) names += (names.empty() ? "" : "、") + SubjectName(d, p->subject);
    // A breakdown introduced by 其中 must be complete; one introduced by 主要是 may leave a
    // remainder, so a difference there is a warning.
    Context::Scoped scoped(ctx, c.introduces_parts ? ctx.rule().severity : Severity::kWarning);
    ctx.CheckEqual("第 " + std::to_string(c.line) + " 行" + SubjectName(d, c.subject) +
                       "的变动应等于其组成部分（" + names + "）的变动之和",
                   model::Figure{c.amount, c.line}, sum, inputs, lines);
  }
}
}  // namespace

Rule NarrativeChangePartsRule() {
  return {{"narrative-change-parts", Severity::kError, "分解开的变动加起来相符",
           "说明常把总的增减分解开：“增加 390.80 万元，其中基本支出增加 150.48 万元，项目支出增加"
           " 240.32 万元”。各部分的变动加起来应等于总的变动。"},
          &Run};
}

}  // namespace gongkai::checks

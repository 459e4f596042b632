// The overview fields of a department page (see overview.h); department.md holds the sentences.
#include "render/overview.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "checks/rounding.h"
#include "checks/subjects.h"
#include "render/markdown.h"
#include "render/context.h"

namespace gongkai::render {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

/// Errors and warnings listed under the checks' sentence; the rest are in 核对结果 below.
constexpr size_t kFirstScreenFindings = 5;

// part / whole in percent to one decimal, exactly (checks/rounding.h); whole is not zero.
std::string ShareText(const model::Money& part, const model::Money& whole) {
  return (part.fen() < 0 ? "-" : "") +
         checks::FormatScaled(checks::PercentScaled(part, whole, 1), 1);
}

// Items of an enumeration ("A、B、C"): `sep` is empty on the first.
void PushItem(list& items, data item) {
  PutText(item, "sep", items.empty() ? "" : "、");
  items.push_back(std::move(item));
}

// The first change the narrative states of one of `subjects` (支出总计 比上年增加 …), with the
// previous year's figure and the rate where stated beside it; false when it states none.
data StatedChange(const model::Disclosure& d, std::initializer_list<std::string_view> subjects,
                  const std::string& src) {
  for (size_t i = 0; i < d.claims.size(); ++i) {
    const model::Claim& c = d.claims[i];
    bool about = false;
    for (auto s : subjects) about |= c.subject == s;
    // "比上年持平 0.00 万元" says nothing: a change of 0 (与上年相同) is not told here.
    if (c.kind != model::Claim::Kind::kChange || !about || c.direction == 0) continue;
    data change;
    PutText(change, "subject", EscapeMarkdown(checks::SubjectName(d, c.subject)));
    PutText(change, "direction", c.direction < 0 ? "减少" : "增加");
    PutText(change, "amount", FigureLink(model::Figure{c.amount, c.line}, src));
    change.set("has_base", Bool(c.base.has_value()));
    PutText(change, "base", c.base ? FigureLink(model::Figure{*c.base, c.base_line}, src) : "");
    change.set("has_pct", Bool(false));
    for (const auto& p : d.claims)
      if (p.kind == model::Claim::Kind::kChangePct && p.ref == static_cast<int>(i)) {
        change.set("has_pct", Bool(true));
        PutText(change, "pct_direction", p.direction < 0 ? "下降" : "增长");
        PutText(change, "pct", p.value_text);
        break;
      }
    change.set("inconsistent", Bool(c.status == model::ClaimStatus::kInconsistent));
    return change;
  }
  return Bool(false);
}

// 基本支出 / 项目支出 and the other parts by use the document prints, each with its share.
void AddSplit(const model::Disclosure& d, const model::Figure& total, const std::string& src,
              data& ctx) {
  const auto& e = d.expenditure;
  const std::pair<const char*, const model::MaybeFigure*> parts[] = {
      {"基本支出", &e.basic},           {"项目支出", &e.project},
      {"单位预留机动经费", &e.reserve}, {"上缴上级支出", &e.to_superior},
      {"事业单位经营支出", &e.operating}, {"对附属单位补助支出", &e.to_subsidiaries}};
  list split;
  for (const auto& [label, f] : parts) {
    if (!*f || total.amount.IsZero()) continue;
    data item;
    PutText(item, "label", label);
    PutText(item, "amount", FigureLink(*f, src));
    PutText(item, "share", ShareText((*f)->amount, total.amount));
    PushItem(split, std::move(item));
  }
  ctx.set("has_split", Bool(!split.empty()));
  PutList(ctx, "split", std::move(split));
}

// The largest functional class (类) of the summary, or of the 支出总表 where the summary lists
// none; false when neither does.
data LargestClass(const model::Disclosure& d, const model::Figure& total, const std::string& src) {
  std::vector<model::ClassAmount> classes = d.summary.expenditure_classes;
  if (classes.empty())
    for (const auto& r : d.functional)
      if (r.level == 1 && r.total) classes.push_back({r.code, r.name, *r.total});
  if (classes.empty() || total.amount.IsZero()) return Bool(false);
  // The first of the largest, in the document's order.
  const model::ClassAmount& best = *std::max_element(
      classes.begin(), classes.end(), [](const auto& a, const auto& b) { return a.amount.amount < b.amount.amount; });
  data largest;
  PutText(largest, "name", EscapeMarkdown(best.name));
  PutText(largest, "code", "[" + best.code + "](../codes/" + best.code + ".html)");
  PutText(largest, "amount", FigureLink(best.amount, src));
  PutText(largest, "share", ShareText(best.amount.amount, total.amount));
  return largest;
}

// “三公”经费: the total, its parts as printed, and a stated change; false without a total.
data ThreePublicSentence(const model::Disclosure& d, const std::string& src) {
  const auto& t = d.three_public;
  if (!t.total) return Bool(false);
  list parts;
  auto part = [&](const char* label, const model::MaybeFigure& f) {
    if (!f) return;
    data item;
    PutText(item, "label", label);
    PutText(item, "amount", FigureLink(f, src));
    PushItem(parts, std::move(item));
  };
  part("因公出国（境）费", t.overseas);
  if (t.vehicle_total) {
    part("公务用车购置及运行维护费", t.vehicle_total);
  } else {
    part("公务用车购置费", t.vehicle_purchase);
    part("公务用车运行维护费", t.vehicle_operation);
  }
  part("公务接待费", t.reception);
  data sentence;
  PutText(sentence, "amount", FigureLink(t.total, src));
  sentence.set("has_parts", Bool(!parts.empty()));
  PutList(sentence, "parts", std::move(parts));
  Put(sentence, "change", StatedChange(d, {"three_public.total"}, src));
  return sentence;
}

// The checks' result: how many findings of each severity, and the first errors and warnings,
// each with its main line and its rule.
void AddChecks(const model::Disclosure& d, const std::string& src, data& ctx) {
  using Severity = model::Diagnostic::Severity;
  list counts;
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kNotice}) {
    int n = 0;
    for (const auto& f : d.findings) n += f.severity == s;
    if (n == 0) continue;
    data item;
    PutText(item, "count", std::to_string(n));
    PutText(item, "label", SeverityLabel(s));
    PushItem(counts, std::move(item));
  }
  list items;
  size_t listed = 0, more = 0;
  for (Severity s : {Severity::kError, Severity::kWarning})
    for (const auto& f : d.findings) {
      if (f.severity != s) continue;
      if (listed == kFirstScreenFindings) {
        ++more;
        continue;
      }
      data item;
      PutText(item, "severity", SeverityLabel(s));
      PutText(item, "message", EscapeMarkdown(f.message));
      PutText(item, "rule", f.rule);
      item.set("has_line", Bool(!f.lines.empty() && f.lines.front() > 0));
      PutText(item, "line", f.lines.empty() ? std::string()
                                       : "[" + std::to_string(f.lines.front()) + "](" + src +
                                             "#L" + std::to_string(f.lines.front()) + ")");
      items.push_back(std::move(item));
      ++listed;
    }
  PutList(ctx, "check_counts", std::move(counts));
  PutList(ctx, "check_items", std::move(items));
  ctx.set("has_check_items", Bool(listed > 0));
  ctx.set("has_more_findings", Bool(more > 0));
  PutText(ctx, "more_findings", std::to_string(more));
}

}  // namespace

Spending SpendingOf(const model::Disclosure& d) {
  if (d.expenditure.total) return {"支出合计", d.expenditure.total};
  if (d.summary.current_expenditure) return {"本年支出合计", d.summary.current_expenditure};
  return {"支出总计", d.summary.expenditure_total};
}

void AddOverview(const model::Disclosure& d, const std::string& source_href, data& ctx) {
  Spending spending = SpendingOf(d);
  ctx.set("has_spending", Bool(spending.figure.has_value()));
  PutText(ctx, "spending_label", spending.label);
  PutText(ctx, "spending", FigureLink(spending.figure, source_href));
  if (spending.figure) {
    AddSplit(d, *spending.figure, source_href, ctx);
    Put(ctx, "largest_class", LargestClass(d, *spending.figure, source_href));
  } else {
    ctx.set("has_split", Bool(false));
    ctx.set("largest_class", Bool(false));
  }
  Put(ctx, "change", StatedChange(d, {"expenditure_total", "income_total"}, source_href));
  Put(ctx, "three_public_sentence", ThreePublicSentence(d, source_href));
  AddChecks(d, source_href, ctx);
}

}  // namespace gongkai::render

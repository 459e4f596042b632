// functional-economic-pairs: items that appear in both classifications agree —
//   2080505 机关事业单位基本养老保险缴费支出 ↔ 30108 机关事业单位基本养老保险缴费
//   2080506 机关事业单位职业年金缴费支出     ↔ 30109 职业年金缴费
//   2101101 + 2101102 行政/事业单位医疗       ↔ 30110 职工基本医疗保险缴费
//   2101103 公务员医疗补助                   ↔ 30111 公务员医疗补助缴费
//   2210201 住房公积金                       ↔ 30113 住房公积金
// The functional side is taken at its 基本支出 (these are basic expenditure); compared only
// where both sides are stated.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {

struct Pair {
  std::vector<std::string> functional;
  std::string economic;
  const char* name;
};

void Run(Context& ctx) {
  const auto& d = ctx.d();
  const Pair pairs[] = {{{"2080505"}, "30108", "基本养老保险缴费"},
                        {{"2080506"}, "30109", "职业年金缴费"},
                        {{"2101101", "2101102"}, "30110", "职工基本医疗保险缴费"},
                        {{"2101103"}, "30111", "公务员医疗补助"},
                        {{"2210201"}, "30113", "住房公积金"}};
  for (const auto& p : pairs) {
    const model::EconomicRow* econ = nullptr;
    for (const auto& r : d.economic)
      if (r.code == p.economic) econ = &r;
    if (!econ || !econ->total) continue;
    std::vector<model::Figure> side;
    for (const auto& code : p.functional)
      for (const auto& f : d.functional)
        if (f.code == code) {
          const auto& v = f.basic ? f.basic : f.total;
          if (v) side.push_back(*v);
        }
    if (side.empty()) continue;
    auto lines = LinesOf(side);
    lines.insert(lines.begin(), econ->line);
    std::string codes;
    for (const auto& c : p.functional) codes += (codes.empty() ? "" : "+") + c;
    ctx.CheckEqual(std::string(p.name) + "：经济分类 " + p.economic + " 应与功能分类 " + codes +
                       " 的基本支出一致",
                   *econ->total, SumOf(side), side, lines);
  }
}
}  // namespace

Rule FunctionalEconomicPairsRule() {
  return {{"functional-economic-pairs", Severity::kWarning, "功能分类与经济分类中的同一事项",
           "有些支出在两种分类里都单独列出：养老保险缴费、职业年金、医疗保险缴费、住房公积金既是"
           "功能分类的“项”，也是经济分类的“款”。同一笔钱在两张表中应当一样多。"},
          &Run};
}

}  // namespace gongkai::checks

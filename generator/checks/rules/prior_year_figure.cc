// prior-year-figure: a figure a disclosure states for the previous year (the 上年 base of a
// stated change, "比上年预算 1536.36 万元增加 …"; an amount about 上年) = the same subject's figure
// in the previous year's own disclosure. It compares two documents, so it runs when the site
// relates the years (years/cross_year.cc), not on one document: Run does nothing.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {

void Run(Context&) {}

}  // namespace

Rule PriorYearFigureRule() {
  return {{"prior-year-figure", Severity::kWarning, "所说上年数与上年公开一致",
           "一份预算公开说到上年的数字（如“比上年预算 1536.36 万元增加 390.80 万元”中的 1536.36 万元），"
           "应与同一部门上一年度公开的同一数字一致（同一项目：同一总数、同一功能分类“类”）。上一年度"
           "公开的是年初预算，预算在年中可能调整，所以不一致时是警告，在尾数误差以内是提示，不是错误。"
           "只比较两份公开都明确的数字：表中的数字须经本表的合计关系印证。"},
          &Run};
}

}  // namespace gongkai::checks

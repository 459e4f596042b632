// prior-year-change: a change a disclosure states against the previous year ("比上年增加
// 390.80 万元") = its figure − the previous year's own disclosure's figure of the same subject.
// It compares two documents, so it runs when the site relates the years
// (years/cross_year.cc), not on one document: Run does nothing.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {

void Run(Context&) {}

}  // namespace

Rule PriorYearChangeRule() {
  return {{"prior-year-change", Severity::kWarning, "所说变动与两年公开之差一致",
           "一份预算公开说某项比上年增加或减少多少，应等于本年公开的数字减去同一部门上一年度公开的"
           "同一数字。上一年度公开的是年初预算，预算在年中可能调整，所以不一致时是警告，在尾数误差"
           "以内是提示，不是错误。只比较两份公开都明确、经各自表中合计关系印证的数字。"},
          &Run};
}

}  // namespace gongkai::checks

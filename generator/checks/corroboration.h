// Corroboration: which figures of a reading are confirmed by the document's own arithmetic, so
// that an error finding (which names a department's mistake in public) rests only on them.
//
// A figure read from a PDF is corroborated when an identity it takes part in holds within the
// rounding policy (rounding.h), or when a second table states the same figure:
//   收入总计 = 支出总计; 本年收入合计 + 上年结转 = 收入总计; 本年支出合计 + 结转下年 = 支出总计;
//   Σ收入项目 = 本年收入合计; Σ类 (收支总表) = 本年支出合计; 合计 = 基本 + 项目 (+ 预留);
//   Σ类 = 合计; 类 = Σ款, 款 = Σ项 (支出总表); a row's 合计 = 基本 + 项目; 人员 + 公用 = 基本;
//   “三公” 合计 = 出国 + 接待 + 车, 车 = 购置 + 运行 (three_public.h; in each block the table
//   prints: the budget year's, the previous year's, the change); a 类 in the 收支总表 = the same 类 in the
//   支出总表; the 支出总表's 合计 = 本年支出合计.
// A finding of error severity keeps it only when every figure it compares is corroborated;
// otherwise it becomes a warning whose `downgraded` says why. A finding that compares no
// figures of a table (a narrative claim's subject, read from reflowed PDF text) is at most a
// warning: who a sentence speaks of is not confirmed by any sum.
#pragma once

#include <cstdint>
#include <set>
#include <utility>

#include "model/disclosure.h"

namespace gongkai::checks {

/// The figures, as (line, fen), that an identity of the document confirms.
std::set<std::pair<int, int64_t>> CorroboratedFigures(const model::Disclosure& d);

/// Lowers every error finding of `d` whose figures are not all corroborated to a warning.
void ApplyCorroboration(model::Disclosure& d);

}  // namespace gongkai::checks

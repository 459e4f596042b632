// The first screen of a department page: how much it spends, how that splits, what changed,
// the “三公” total and what the checks found, as the fields department.md writes its sentences from.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"

namespace gongkai::render {

/// The figure a reader takes for a department's spending, with its name: the 部门支出总表's
/// 支出合计, else the summary's 本年支出合计, else its 支出总计; no figure when none is stated.
struct Spending {
  const char* label = "支出合计";
  model::MaybeFigure figure;
};
Spending SpendingOf(const model::Disclosure& d);

/// Sets the overview's fields on a department page's context (department.md, top): every
/// amount a link to its source line (FigureLink), shares in percent to one decimal computed
/// exactly from the figures shown. A sentence's fields are missing (its flag false) when the
/// document does not state its figures; nothing is estimated.
void AddOverview(const model::Disclosure& d, const std::string& source_href,
                 kainjow::mustache::data& ctx);

}  // namespace gongkai::render

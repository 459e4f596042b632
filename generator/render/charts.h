// Static SVG charts (no JavaScript needed to see them).
#pragma once

#include <string>

#include "model/disclosure.h"

namespace gongkai::render {

/// Horizontal bars: expenditure by functional class (类), each with its amount and share.
/// Empty string when the document states no classes (HasClassesChart is false).
std::string ClassesChartSvg(const model::Disclosure& d);
/// Whether ClassesChartSvg draws a chart, without drawing it.
bool HasClassesChart(const model::Disclosure& d);

/// One stacked bar: 基本支出 vs 项目支出. Empty when either is missing (HasSplitChart is false).
std::string SplitChartSvg(const model::Disclosure& d);
/// Whether SplitChartSvg draws a chart, without drawing it.
bool HasSplitChart(const model::Disclosure& d);

}  // namespace gongkai::render

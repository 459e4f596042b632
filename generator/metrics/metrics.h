// Derived figures: shares of the total, per-staff amounts, computed from stated figures.
#pragma once

#include "model/disclosure.h"

namespace gongkai::metrics {

/// Fills d.metrics: 基本/项目支出 shares of the total, 人员/公用经费 shares of 基本支出,
/// 上年结转 share of income, “三公” share of the total, each functional class's share, and per
/// person amounts where the document states its staff. Percentages are exact to 0.01 (computed
/// in integers, rounded half up); a metric whose inputs the document does not state is null.
void ComputeMetrics(model::Disclosure& d);

}  // namespace gongkai::metrics

// A department's headline figures year by year, and the change from each year to the next.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "years/series.h"

namespace gongkai::years {

/// One headline figure across a series: the figure each year states, or none.
struct TimelineFigure {
  std::string subject;  ///< as in checks/subjects.h: "expenditure_total", "class:201", ...
  std::string label;    ///< 支出总计, 一般公共服务支出（201）
  std::vector<model::MaybeFigure> values;  ///< one per year of the series, in its order
};

/// The figure of a headline subject: a 类 (class:201) from the 收支总表 (all the department's
/// funds), else from the 支出总表; any other subject as checks::PrimaryFigure takes it (the one
/// the narrative's claims about it are checked against: expenditure_total is 支出总计).
model::MaybeFigure HeadlineFigure(const model::Disclosure& d, const std::string& subject);

/// The headline subjects of one disclosure, in the timeline's order: the twelve totals and
/// parts (收入总计 … 公务接待费), then the 类 codes it states.
std::vector<std::string> HeadlineSubjects(const model::Disclosure& d);

/// The headline figures of a series, in this order: 收入总计, 支出总计, 基本支出, 项目支出,
/// 人员经费, 公用经费, “三公”经费 and its parts, then every 类 any year states (by code); each
/// year's HeadlineFigure. A row that no year states is left out.
std::vector<TimelineFigure> Timeline(const Series& series);

/// The change between two years' figures: after − before in 万元 (exact), and in percent of
/// before to one decimal, rounded half up on the magnitude as the site's shares are (none when
/// before is zero).
struct Change {
  model::Money amount;                 ///< signed
  std::optional<int64_t> percent_tenths;  ///< signed, 12.3 % -> 123
};
std::optional<Change> ChangeBetween(const model::MaybeFigure& before,
                                    const model::MaybeFigure& after);

/// "+1,234.56" style: the change in 万元 with its sign ("0.00" for none), and "+12.3%".
std::string SignedWan(const model::Money& m);
std::string SignedPercent(int64_t tenths);

}  // namespace gongkai::years

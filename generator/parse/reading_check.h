// The arithmetic as the checksum of a reading: a classified table whose own sums fail on most
// of its rows was misread, and its rows are not published as the department's figures.
#pragma once

#include "model/disclosure.h"

namespace gongkai::parse {

/// Counts the identities inside the functional table (合计 = Σ类, 类 = Σ款, 款 = Σ项 in every
/// figure column; a row's 合计 = 基本 + 项目) and inside the economic table (类 = Σ款; a row's
/// 合计 = 人员 + 公用). Where at least 4 can be checked and more than half fail beyond the
/// rounding policy, the table was misread: a `table-misread` warning says so with the counts,
/// and its rows are dropped (their figures become no findings). Used on PDF readings.
void CheckReading(model::Disclosure& d);

/// Keeps what the tables state for the previous year (d.previous_year) only where its own sums
/// hold within the rounding policy, as a reading's checksum: the “三公” block where 合计 = 出国 +
/// 接待 + 车 (and 车 = 购置 + 运行) hold, its change block likewise (else the change block is
/// dropped), the column by 功能分类 where 合计 = Σ类, 类 = Σ款, 款 = Σ项 all hold and 合计 and
/// a 类 are read. What is dropped is said in a `previous-year-unread` notice. Used on PDF readings.
void CheckPreviousYearReading(model::Disclosure& d);

}  // namespace gongkai::parse

// The narrative's own sections shown on a department page — 主要职能, 机构设置, 名词解释 — and the
// staff count the text states.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/text.h"

namespace gongkai::parse {

/// Reads, from the narrative lines (`narrative[i]` true for lines outside the tables):
/// the functions and organisation sections (headings with 职能/职责, 机构/单位构成; the most
/// specific heading wins), the 名词解释 entries ("1.基本支出：指……", wrapped over lines), and
/// the staff count ("实有在编人员 19 人", "实有工作人员 25 名").
void ReadNarrativeSections(const std::vector<std::string>& lines, const CleanLines& clean,
                           const std::vector<bool>& narrative, model::Disclosure& d);

}  // namespace gongkai::parse

// Signs that a document was cut off, or that a table lost its columns: errors, not silent gaps.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/sections.h"

namespace gongkai::parse {

/// Appends an error diagnostic to `d` when the document ends inside a table that is plainly
/// incomplete ("truncated"): the table has no figures yet, or it is the 收支总表 and its 总计
/// rows are missing, or the document has its 收支总表 but none of the (at least three) standard
/// tables that follow the one it ends in.
/// Appends one ("table-columns") for each 支出 table by classification (部门支出总表,
/// 一般公共预算支出表, 基本支出表) that prints a single column of figures under a header naming
/// none of its part columns (基本支出/项目支出, 人员经费/公用经费). A document cut at a line
/// end after its last table is complete cannot be told from a whole one.
void CheckCompleteness(const std::vector<std::string>& lines,
                       const std::vector<Section>& sections, model::Disclosure& d);

}  // namespace gongkai::parse

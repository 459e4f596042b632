// The national classification (政府收支分类科目): functional class (类) names and codes.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::model {

/// The 3-digit functional class code (类) for a class name as summary tables print it
/// ("社会保障和就业支出", "卫生健康支出", "预备费"), accepting the older and variant names
/// (医疗卫生与计划生育支出, 债务利息支出). "" if the name is not a functional class.
std::string FunctionalClassCode(const std::string& name);

/// The standard name of a 3-digit functional class code, or "".
std::string FunctionalClassName(const std::string& code);

/// The codes that stand above another row of `rows`: a proper prefix of another row's code (201
/// over 20101, 20101 over 2010101). A row whose code is not among them is a leaf. Linear in
/// the rows, so that a table of 10^4 rows costs no 10^8 comparisons.
std::set<std::string> ParentCodes(const std::vector<FunctionalRow>& rows);

}  // namespace gongkai::model

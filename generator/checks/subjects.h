// What the tables say about a claim's subject: the figures a stated amount may restate.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::checks {

/// Every table figure that a narrative amount about `subject` may restate: for "class:210"
/// the 支出总表's 合计/基本/项目 of 210, the summary's 卫生健康支出, and any other table row
/// with code 210 or that name. Empty when no table states the subject.
std::vector<model::Figure> CandidateFigures(const model::Disclosure& d, const std::string& subject);

/// The main table figure of a subject (the current-year amount a change is measured against):
/// income_total -> 收入总计, basic -> 基本支出, class:210 -> the 支出总表's 210 合计, ...
model::MaybeFigure PrimaryFigure(const model::Disclosure& d, const std::string& subject);

/// The subjects a subject's change may be broken into: expenditure_total -> basic, project;
/// basic -> personnel, public; three_public.total -> its parts.
std::vector<std::string> PartSubjects(const std::string& subject);

/// A readable name for a subject: "基本支出", "卫生健康支出（210）".
std::string SubjectName(const model::Disclosure& d, const std::string& subject);

}  // namespace gongkai::checks

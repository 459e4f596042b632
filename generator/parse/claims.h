// Figures the narrative states: amounts, shares, year-on-year changes, and what each is about.
#pragma once

#include <vector>

#include "model/disclosure.h"
#include "parse/narrative.h"

namespace gongkai::parse {

/// Extracts the claims of the narrative text `text` (the document outside its tables).
/// Recognises, sentence by sentence:
///   amounts   "卫生健康支出 147.39 万元" (subject: class:210)
///   shares    "一般公共预算拨款收入 431.10 万元，占 93.57%" (share of the amount before it)
///   changes   "比 2021 年减少 87.96 万元", "较 2021年预算 1536.36万元增加 390.80万元"
///             (base 1536.36), "比 2021年度 60.48增长 9.77万元"
///   change %  "增加 25%", "同比增长 10.77%", "下降 3.09%"
///   no change "90 万元，与上年预算数相同", "与上年持平", "与上年数一致": a change of 0 (direction
///             0, no value_text) of that amount's subject, the amount its current and 上年
///             figure; so is "减少 0 万元"
/// The subject is the last subject phrase before the figure: totals (收入总计, 收支总预算),
/// 一般公共预算拨款, 基本支出, 项目支出, 人员经费, 公用经费, “三公” and its parts, 机关运行经费,
/// 政府采购, functional classes and items (社会保障和就业支出（类）...（项）), economic items and
/// project names known from the tables.
std::vector<model::Claim> ExtractClaims(const JoinedText& text, const model::Disclosure& d);

}  // namespace gongkai::parse

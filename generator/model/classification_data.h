// The national budget classification lists as data: generator/data/functional.tsv and
// economic.tsv (code, name, variants), compiled in by CMake (classification_data.cc.in).
#pragma once

namespace gongkai::model {

/// The text of generator/data/functional.tsv: 支出功能分类科目, 类 / 款 / 项.
extern const char* const kFunctionalTsv;
/// The text of generator/data/economic.tsv: 部门预算 and 政府预算 支出经济分类科目.
extern const char* const kEconomicTsv;

}  // namespace gongkai::model

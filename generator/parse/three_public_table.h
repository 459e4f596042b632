// The “三公”经费 table: 合计, 因公出国（境）费, 公务用车购置及运行费 (小计, 购置费, 运行费),
// 公务接待费 — laid out as one row of columns, or one row per part.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/narrative.h"
#include "parse/tokens.h"

namespace gongkai::parse {

/// The parts as the narrative states them (“三公”经费 ... 其中：因公出国（境）费 0.00 万元 ...).
struct StatedThreePublic {
  StatedAmount total, overseas, vehicle_purchase, vehicle_operation, reception;
  bool has_total = false, has_overseas = false, has_purchase = false, has_operation = false,
       has_reception = false;
};

/// Finds the narrative's statement of the “三公” parts in `text`.
StatedThreePublic FindStatedThreePublic(const JoinedText& text);

/// The first of `clean`'s lines (0-based; their count if none) in which a “三公” of their
/// joined text (JoinedText) may begin: 三 followed by 公 (spaces or tabs between) or by the
/// line's end. FindStatedThreePublic looks forwards only, and each line is joined on its own,
/// so it finds the same statement in the lines joined from there on as in all of them.
size_t FirstThreePublicLine(const CleanLines& clean);

/// Reads the table. Where a space-separated row prints fewer figures than the table has
/// columns, the column of each figure is decided from `stated` (which part the narrative
/// gives that value) and `three.note` says so; parts left undecided stay null.
void ParseThreePublicTable(const std::vector<TokenLine>& lines, model::Unit unit,
                           const StatedThreePublic& stated, model::ThreePublic& three);

/// Whether a header cell (white space removed) names the previous year's figures: 上年 alone,
/// 上年预算数 / 上年执行数 / 上年数, or the year before `year` by number (2025年预算数; 0: no
/// number checked); not money carried over from it, which is this year's (上年结转, 上年结余,
/// 西安's 上年实户资金余额).
bool NamesPreviousYear(const std::string& cell, int year);

/// Which year's block of a table that prints several side by side.
enum class YearBlock { kBudget, kPrevious, kChange, kOther };

/// A tab table's previous-year block and change block beside the budget year's (重庆 `2021年预算数
/// | 2022年预算数`, 西安 `上年 | 当年 | 增减变化情况`), named by a header line; read as the budget
/// year's block is, into out.three_public (with its header) and out.three_public_change.
/// Nothing where the table names no previous-year block. Whether they are kept is decided by
/// CheckPreviousYearReading (reading_check.h).
void ParsePreviousThreePublic(const std::vector<TokenLine>& lines, model::Unit unit,
                              model::PreviousYear& out);

}  // namespace gongkai::parse

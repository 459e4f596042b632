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

/// Reads the table. Where a space-separated row prints fewer figures than the table has
/// columns, the column of each figure is decided from `stated` (which part the narrative
/// gives that value) and `three.note` says so; parts left undecided stay null.
void ParseThreePublicTable(const std::vector<TokenLine>& lines, model::Unit unit,
                           const StatedThreePublic& stated, model::ThreePublic& three);

}  // namespace gongkai::parse

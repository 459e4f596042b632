// The “三公” table's previous-year block in a series document: where the source prints its
// “三公” table as a tab table under one year's header (綦江 `2022年预算数` over 合计 | 因公出国（境）费
// | 公务用车购置及运行费 | 公务接待费), document t of a series prints document t-1's block beside
// its own, as 重庆 2026 does (`2025年预算数 | 2026年预算数`); a series may plant an inconsistency
// in it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/series.h"

namespace gongkai::corpus {

/// The 0-based lines of a one-year “三公” tab table: its block header and its data row.
struct ThreePublicBlock {
  size_t header = 0, data = 0;
};

/// The source's “三公” table where it has that shape (a title naming “三公”, within 8 lines a
/// line whose only cell is `NNNN年预算数`, tab header lines, then a row of figures); else none.
std::optional<ThreePublicBlock> FindThreePublicBlock(const std::vector<std::string>& lines);

/// Prints the previous document's block (the same lines of `previous`, a document of the same
/// source with the previous year's factor and year) before the document's own, cell for cell.
void AddPreviousBlock(const ThreePublicBlock& at, const std::vector<std::string>& previous,
                      std::vector<std::string>& lines);

/// Plants a prior-year-figure in the previous-year block AddPreviousBlock printed: a part the
/// block leaves blank (因公出国（境）费 or 公务接待费, the parts without sub-columns) gets
/// max(1 万元, 5% of 合计) and 合计 grows by as much, so the block still adds up while its 合计
/// no longer is the previous document's. False, changing nothing, where no such part is blank.
bool PlantInPreviousBlock(const ThreePublicBlock& at, std::vector<std::string>& lines, Plant& out);

}  // namespace gongkai::corpus

// Series: one synthetic department over consecutive years. Document t of a series is its source
// with every amount × k_t; where the source states figures of the previous year (the base of
// "较上年 1536.36 万元增加 390.80 万元", the change of "比上年增加 X 万元" with its percentage,
// "上年收入总计 2321.3 万元"), document t states document t-1's own figures instead (the
// source's current figure × k_(t-1)), so that the years agree, except where a cross-year
// inconsistency is planted.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "corpus/numbers.h"
#include "model/disclosure.h"

namespace gongkai::corpus {

/// The two cross-year rules a series plants (the ids of the checks between years).
inline constexpr const char* kPriorYearFigure = "prior-year-figure";
inline constexpr const char* kPriorYearChange = "prior-year-change";

/// A statement of the source about the previous year, found through the parser (its claims),
/// that a series restates in every document.
struct PriorYearStatement {
  enum class Kind { kChange, kPriorAmount };
  Kind kind = Kind::kChange;
  std::string subject;  ///< the checks' subject id: income_total, basic, three_public.total …
  model::Money now;     ///< the source's current figure of the subject (checks::PrimaryFigure)
  int line = 0;         ///< 1-based line of the change or of the previous-year amount
  size_t value = 0;     ///< span (into SeriesText::spans) of the change or previous-year amount
  int base = -1;        ///< change: span of the previous-year figure stated with it, or -1
  int word = -1;        ///< change: span of its direction word (增加, 减少, 增长, 下降 …), or -1
  int direction = 0;    ///< change: +1 or -1 as the source's word states it (also for 0 万元)
  int percent = -1;     ///< change: span of the percentage stated with it, or -1
  int percent_word = -1;  ///< change: span of the percentage's direction word (同比增长), or -1
  int percent_decimals = 0;
};

/// The source's numbers, with the percentages and direction words of its statements about the
/// previous year (kText spans), in text order, and those statements.
struct SeriesText {
  std::vector<NumberSpan> spans;
  std::vector<PriorYearStatement> statements;
  /// Statements about a subject with a current figure that could not be restated (the number
  /// or its direction word not found in the text): a series made from this source would carry
  /// cross-year inconsistencies nobody planted, so the source is not used for series.
  int unusable = 0;
};

/// The statements of `lines` (a source; `numbers` = FindNumbers(lines)) as parsed and checked
/// into `d`.
SeriesText FindPriorYearStatements(const std::vector<std::string>& lines,
                                   const std::vector<NumberSpan>& numbers,
                                   const model::Disclosure& d);

/// The text of every statement in a document whose amounts are the source's × `factor` and whose
/// previous year's document has them × `previous`: span index -> replacement, for
/// RewriteNumbers over `text.spans`.
std::map<size_t, std::string> RestatePriorYear(const SeriesText& text, int64_t factor,
                                               int64_t previous);

/// What a plant adds to a figure: max(1 万元, 5% of `figure`), in whole 万元.
model::Money PlantedDifference(model::Money figure);

/// A planted cross-year inconsistency, as the manifest lists it.
struct Plant {
  std::string rule;     ///< kPriorYearFigure or kPriorYearChange
  std::string subject;  ///< the figure: income_total, basic, …
  int line = 0;         ///< 1-based line of the planted number
  model::Money stated;    ///< what the document now says (the change unsigned)
  model::Money expected;  ///< what the previous document's own figures give
};

/// Plants `rule` into `overrides` (from RestatePriorYear with the same factors): the
/// `candidate`-th previous-year amount (prior-year-figure) or change stated without its base
/// (prior-year-change; a percentage stated with it is recomputed on the base the document's own
/// check derives) is raised by max(1 万元, 5% of the previous-year figure, in whole 万元).
/// Returns false, changing nothing, when the source has no such candidate. (A raised change may
/// still break the document's own sums of changes, 基本 = 人员 + 公用: the caller checks.)
bool PlantInconsistency(const SeriesText& text, const std::string& rule, size_t candidate,
                        int64_t factor, int64_t previous,
                        std::map<size_t, std::string>& overrides, Plant& out);

}  // namespace gongkai::corpus

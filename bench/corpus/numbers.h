// Which numbers of a disclosure's text are amounts and which are years, so that a generated
// disclosure can scale every amount by one factor and shift every year by one delta.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::corpus {

/// One number of the text that the generator changes. Offsets are bytes into `lines[line]`.
/// A number the PDF broke over two lines ("8132" / ".86", "8132." / "86", "0.0" / "0") is one
/// span with a second piece on a later line.
struct NumberSpan {
  /// kText: a percentage or a direction word a series rewrites (never found by FindNumbers);
  /// RewriteNumbers leaves it as it is unless told what to put there.
  enum class Kind { kAmount, kYear, kText };
  Kind kind = Kind::kAmount;
  size_t line = 0;
  size_t begin = 0, end = 0;
  bool broken = false;  ///< the number continues at (line2, begin2, end2)
  size_t line2 = 0;
  size_t begin2 = 0, end2 = 0;
  std::string text;  ///< as printed, both pieces joined: "8132.86", "3,688.46", "2022"
};

/// Finds the amounts and years in `lines` (UTF-8, one string per source line), in text order.
///
/// Amounts: numbers with a decimal point or thousands separators (each 2-decimal piece of a
/// glued run such as 8,132.86385.86360.62); integers followed by 万元, 万, 元 or 亿元; integers
/// after the last Chinese character of a line (table rows: "合计 96", "工作经费 10"); integers
/// on a line of figures only, next to figures with a decimal point (PDF column blocks).
/// Not amounts: percentages (25%, 3.09％), counts (3 人, 0 辆, 7 名, 2 个, 53 万人),
/// ordinals (第 3), codes and row numbers standing before a line's name (208, 2080505,
/// 322-, 447, 9 210 …), codes with a leading zero (032), numbers inside ASCII words (A020,
/// 50011022T000000087978), telephone numbers, column numbers (栏次 1 2 3).
/// Years: a 4-digit integer 2000–2039 that is not an amount by the rules above (2022年,
/// 预算年度：2022, 比 2021 / 年减少 broken over lines, 〔2019〕).
std::vector<NumberSpan> FindNumbers(const std::vector<std::string>& lines);

/// `printed` × factor + add, where `add` is in whole units of the printed figure (add = 1
/// turns "552.80" into "553.80"), printed the same way: same decimals, thousands separators
/// where the original had them. "3,688.46" × 3 -> "11,065.38"; "96" × 2 -> "192";
/// "552.8" × 4 -> "2211.2". Returns "" for text that is not a plain decimal number.
std::string ScaleFigure(std::string_view printed, int64_t factor, int64_t add = 0);

/// Rewrites every span: amounts × factor, years + year_delta, except the spans `overrides`
/// names (by index into `spans`), which get the text it gives. Spans must come from
/// FindNumbers on the same lines (or be kText spans on them), in text order.
void RewriteNumbers(std::vector<std::string>& lines, const std::vector<NumberSpan>& spans,
                    int64_t factor, int year_delta,
                    const std::map<size_t, std::string>& overrides = {});

/// Replaces one span's number by `replacement` (printed as a whole: for a broken span the
/// text is divided over the two lines as the original was).
void ReplaceSpan(std::vector<std::string>& lines, const NumberSpan& span,
                 const std::string& replacement);

}  // namespace gongkai::corpus

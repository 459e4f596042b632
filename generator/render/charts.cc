// SVG charts. Text in the SVG is XML-escaped; sizes are integers computed from fen.
#include "render/charts.h"

#include <vector>

#include "checks/rounding.h"
#include "render/markdown.h"

namespace gongkai::render {

namespace {

std::string Header(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" + EscapeHtml(title) +
         "\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n<title>" + EscapeHtml(title) +
         "</title>\n";
}

std::string Text(int x, int y, const std::string& s, const char* anchor = "start") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
         anchor + "\">" + EscapeHtml(s) + "</text>\n";
}

// The classes the classes chart shows (those above 0), the largest amount and their sum, in fen.
struct ChartClasses {
  std::vector<const model::ClassAmount*> classes;
  int64_t max = 0, sum = 0;
  bool Drawn() const { return !classes.empty() && sum != 0; }
};

ChartClasses ClassesOf(const model::Disclosure& d) {
  ChartClasses out;
  for (const auto& c : d.summary.expenditure_classes)
    if (c.amount.amount.fen() > 0) {
      out.classes.push_back(&c);
      out.max = std::max(out.max, c.amount.amount.fen());
      out.sum += c.amount.amount.fen();
    }
  return out;
}

}  // namespace

bool HasClassesChart(const model::Disclosure& d) { return ClassesOf(d).Drawn(); }

bool HasSplitChart(const model::Disclosure& d) {
  const auto& e = d.expenditure;
  if (!e.basic || !e.project) return false;
  int64_t b = e.basic->amount.fen(), p = e.project->amount.fen();
  return b >= 0 && p >= 0 && b + p != 0;
}

std::string ClassesChartSvg(const model::Disclosure& d) {
  const ChartClasses chart = ClassesOf(d);
  if (!chart.Drawn()) return "";
  const auto& classes = chart.classes;
  const int64_t max = chart.max, sum = chart.sum;
  const int label_w = 190, bar_w = 360, row_h = 26, width = label_w + bar_w + 170;
  int height = static_cast<int>(classes.size()) * row_h + 34;
  std::string svg = Header(width, height, "支出功能分类结构（万元）");
  svg += Text(0, 16, "支出功能分类结构（万元，占各类合计）");
  int y = 30;
  for (const auto* c : classes) {
    int w = static_cast<int>(c->amount.amount.fen() * bar_w / max);
    if (w < 1) w = 1;
    int64_t share = checks::PercentScaled(c->amount.amount, model::Money::FromFen(sum), 1);
    svg += Text(label_w - 8, y + 17, c->name, "end");
    svg += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + std::to_string(w) + "\" height=\"18\" fill=\"#8a1c1c\"/>\n";
    svg += Text(label_w + w + 6, y + 17,
                c->amount.amount.WanYuan(2) + "（" + checks::FormatScaled(share, 1) + "%）");
    y += row_h;
  }
  svg += "</svg>\n";
  return svg;
}

std::string SplitChartSvg(const model::Disclosure& d) {
  if (!HasSplitChart(d)) return "";
  const auto& e = d.expenditure;
  int64_t b = e.basic->amount.fen(), p = e.project->amount.fen();
  const int width = 560, bar = 520, height = 78;
  int bw = static_cast<int>(b * bar / (b + p));
  model::Money total = model::Money::FromFen(b + p);
  std::string bs = checks::FormatScaled(checks::PercentScaled(e.basic->amount, total, 1), 1);
  std::string ps = checks::FormatScaled(checks::PercentScaled(e.project->amount, total, 1), 1);
  std::string svg = Header(width, height, "基本支出与项目支出");
  svg += Text(0, 16, "基本支出与项目支出（万元）");
  svg += "<rect x=\"0\" y=\"26\" width=\"" + std::to_string(bw) +
         "\" height=\"22\" fill=\"#8a1c1c\"/>\n";
  svg += "<rect x=\"" + std::to_string(bw) + "\" y=\"26\" width=\"" + std::to_string(bar - bw) +
         "\" height=\"22\" fill=\"#d9a441\"/>\n";
  svg += Text(0, 68, "基本支出 " + e.basic->amount.WanYuan(2) + "（" + bs + "%）");
  svg += Text(bar, 68, "项目支出 " + e.project->amount.WanYuan(2) + "（" + ps + "%）", "end");
  svg += "</svg>\n";
  return svg;
}

}  // namespace gongkai::render

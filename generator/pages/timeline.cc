// One department across the years: page context, charts, JSON and CSV (see timeline.h).
// SVG sizes are integers computed from fen, as in render/charts.cc.
#include "pages/timeline.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "model/json.h"
#include "pages/downloads.h"
#include "render/context.h"
#include "render/markdown.h"
#include "render/originals.h"
#include "years/cross_year.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using nlohmann::json;
using render::Bool;
using render::EscapeHtml;
using render::EscapeMarkdown;
using render::FigureLink;
using render::OriginalPageMarkdown;
using render::OriginalPageOf;
using render::SearchEntry;
using render::SeverityLabel;

namespace {

// From departments/<key>/ to the site's root.
constexpr const char* kRoot = "../../";

// A metric of `d` to 0.01 ("80.34"), as the compare page prints it; "" when not computed.
std::string MetricText(const model::Disclosure& d, const std::string& key) {
  for (const auto& m : d.metrics)
    if (m.key == key && m.value) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", *m.value);
      return buf;
    }
  return "";
}

const years::TimelineFigure* Find(const std::vector<years::TimelineFigure>& figures,
                                  const std::string& subject) {
  for (const auto& f : figures)
    if (f.subject == subject) return &f;
  return nullptr;
}

// A figure as a link to its source line (and its page of a PDF original), from `root`.
std::string Linked(const model::MaybeFigure& f, const model::Disclosure& d,
                   const std::string& root) {
  if (!f) return "—";
  return FigureLink(f, root + "source/" + d.id + ".html") +
         OriginalPageMarkdown(OriginalPageOf(d, f->line, root));
}

std::string ChangeText(const model::MaybeFigure& before, const model::MaybeFigure& after) {
  auto c = years::ChangeBetween(before, after);
  if (!c) return "—";
  std::string text = years::SignedWan(c->amount);
  if (c->percent_tenths) text += "（" + years::SignedPercent(*c->percent_tenths) + "）";
  return text;
}

std::string Svg(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" + EscapeHtml(title) +
         "\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n<title>" +
         EscapeHtml(title) + "</title>\n";
}

std::string Text(int x, int y, const std::string& s, const char* anchor = "middle") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
         "\" text-anchor=\"" + anchor + "\">" + EscapeHtml(s) + "</text>\n";
}

std::string Rect(int x, int y, int w, int h, const char* fill) {
  return "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" fill=\"" + fill + "\"/>\n";
}

// The years of `series` that state every figure of `rows`, with those figures' fen.
struct Bar {
  int year = 0;
  std::vector<int64_t> fen;
};
std::vector<Bar> Bars(const years::Series& series,
                      const std::vector<const years::TimelineFigure*>& rows) {
  std::vector<Bar> bars;
  for (size_t i = 0; i < series.years.size(); ++i) {
    Bar bar{series.years[i]->year, {}};
    for (const auto* row : rows) {
      if (!row || !row->values[i] || row->values[i]->amount.fen() < 0) break;
      bar.fen.push_back(row->values[i]->amount.fen());
    }
    if (bar.fen.size() == rows.size()) bars.push_back(bar);
  }
  return bars;
}

// The file of a disclosure that `line` stands in: its name as published.
std::string SourceFileOf(const model::Disclosure& d, int line) {
  std::string path = d.source.path;
  for (const auto& f : d.source.files)
    if (f.first_line <= line) path = f.path;
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A finding between years of one year of a series.
struct CrossYearFinding {
  const model::Disclosure* year;
  const model::Finding* finding;
};
std::vector<CrossYearFinding> CrossYearFindings(const years::Series& series) {
  std::vector<CrossYearFinding> out;
  for (const auto* d : series.years)
    for (const auto& f : d->findings)
      if (years::IsCrossYearRule(f.rule)) out.push_back({d, &f});
  return out;
}

// The bars of the two charts of a department's page across the years (each drawn only with
// two or more).
std::vector<Bar> TotalBars(const years::Series& series,
                           const std::vector<years::TimelineFigure>& figures) {
  return Bars(series, {Find(figures, "expenditure_total")});
}
std::vector<Bar> SplitBars(const years::Series& series,
                           const std::vector<years::TimelineFigure>& figures) {
  return Bars(series, {Find(figures, "basic"), Find(figures, "project")});
}

// Lists on `ctx` (pages/page_key.h) all that timeline.md shows of `series`, for the page's
// context and its key.
template <typename Sink>
void VisitTimeline(const years::Series& series, const std::vector<years::TimelineFigure>& figures,
                   Sink& ctx) {
  const auto& ys = series.years;
  ctx.Set("name", EscapeMarkdown(series.name));
  ctx.Set("key", series.key);
  ctx.Set("first_year", std::to_string(ys.front()->year));
  ctx.Set("last_year", std::to_string(ys.back()->year));
  ctx.Set("count", std::to_string(ys.size()));
  ctx.List("years", ys.size(), [&](size_t i, auto& y) {  // latest first
    const auto* d = ys[ys.size() - 1 - i];
    y.Set("year", std::to_string(d->year));
    y.Set("href", "../" + d->id + ".html");
    y.Set("name", EscapeMarkdown(d->department.name));
    y.Set("source_href", std::string(kRoot) + "source/" + d->id + ".html");
    y.Set("json_href", std::string(kRoot) + "data/" + d->id + ".json");
  });
  // A column a year, and after each year but the first the change from the year before.
  std::vector<std::string> columns;
  for (size_t i = 0; i < ys.size(); ++i) {
    columns.push_back("[" + std::to_string(ys[i]->year) + " 年](../" + ys[i]->id + ".html)");
    if (i > 0) columns.push_back("比上年");
  }
  ctx.List("columns", columns.size(), [&](size_t i, auto& c) { c.Set("title", columns[i]); });
  ctx.List("rows", figures.size(), [&](size_t r, auto& row) {
    const auto& f = figures[r];
    row.Set("label", EscapeMarkdown(f.label));
    row.Set("subject", f.subject);
    std::vector<std::string> cells;
    for (size_t i = 0; i < f.values.size(); ++i) {
      cells.push_back(Linked(f.values[i], *ys[i], kRoot));
      if (i > 0) cells.push_back(ChangeText(f.values[i - 1], f.values[i]));
    }
    row.List("cells", cells.size(), [&](size_t i, auto& cell) { cell.Set("text", cells[i]); });
  });
  const auto findings = CrossYearFindings(series);
  ctx.Set("has_cross_findings", !findings.empty());
  ctx.List("cross_findings", findings.size(), [&](size_t i, auto& item) {
    const model::Disclosure& d = *findings[i].year;
    const model::Finding& f = *findings[i].finding;
    item.Set("year", std::to_string(d.year));
    item.Set("href", std::string("../") + d.id + ".html");
    item.Set("severity", SeverityLabel(f.severity));
    item.Set("message", EscapeMarkdown(f.message));
    int line = f.lines.empty() ? 0 : f.lines.front();
    item.Set("line", line > 0 ? "[第 " + std::to_string(line) + " 行](" + kRoot + "source/" +
                                    d.id + ".html#L" + std::to_string(line) + ")"
                              : std::string("—"));
    item.Set("rule", f.rule);
  });
  ctx.Set("has_total_chart", TotalBars(series, figures).size() >= 2);
  ctx.Set("total_chart", std::string(kRoot) + "charts/" + series.key + "-years-total.svg");
  ctx.Set("has_split_chart", SplitBars(series, figures).size() >= 2);
  ctx.Set("split_chart", std::string(kRoot) + "charts/" + series.key + "-years-split.svg");
  ctx.Set("json_href", std::string(kRoot) + "data/timelines/" + series.key + ".json");
  ctx.Set("csv_href", std::string(kRoot) + "data/timeline.csv");
}

}  // namespace

std::string TimelinePath(const std::string& key) { return "departments/" + key + "/index.md"; }

data TimelineContext(const years::Series& series,
                     const std::vector<years::TimelineFigure>& figures) {
  data ctx;
  ContextSink sink(ctx);
  VisitTimeline(series, figures, sink);
  return ctx;
}

void TimelineKey(const years::Series& series, const std::vector<years::TimelineFigure>& figures,
                 KeyWriter& key) {
  KeySink sink(key);
  VisitTimeline(series, figures, sink);
}

std::string TimelineTotalChartSvg(const years::Series& series,
                                  const std::vector<years::TimelineFigure>& figures) {
  auto bars = TotalBars(series, figures);
  if (bars.size() < 2) return "";
  int64_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.fen[0]);
  const int step = 110, bar_w = 64, top = 40, plot_h = 180;
  const int width = 40 + step * static_cast<int>(bars.size()), height = top + plot_h + 30;
  std::string svg = Svg(width, height, "支出总计历年（万元）");
  svg += Text(0, 16, "支出总计历年（万元）", "start");
  for (size_t i = 0; i < bars.size(); ++i) {
    int h = std::max(1, static_cast<int>(bars[i].fen[0] * plot_h / max));
    int x = 30 + step * static_cast<int>(i);
    svg += Rect(x, top + plot_h - h, bar_w, h, "#8a1c1c");
    svg += Text(x + bar_w / 2, top + plot_h - h - 6,
                model::Money::FromFen(bars[i].fen[0]).WanYuan(2));
    svg += Text(x + bar_w / 2, top + plot_h + 20, std::to_string(bars[i].year));
  }
  return svg + "</svg>\n";
}

std::string TimelineSplitChartSvg(const years::Series& series,
                                  const std::vector<years::TimelineFigure>& figures) {
  auto bars = SplitBars(series, figures);
  if (bars.size() < 2) return "";
  int64_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.fen[0] + b.fen[1]);
  const int label_w = 50, plot_w = 420, row_h = 44;
  const int width = label_w + plot_w + 10, height = 30 + row_h * static_cast<int>(bars.size());
  std::string svg = Svg(width, height, "基本支出与项目支出历年（万元）");
  svg += Text(0, 16, "基本支出（深色）与项目支出（浅色）历年（万元）", "start");
  int y = 26;
  for (const auto& b : bars) {
    int bw = static_cast<int>(b.fen[0] * plot_w / max);
    int pw = static_cast<int>(b.fen[1] * plot_w / max);
    svg += Text(0, y + 16, std::to_string(b.year), "start");
    svg += Rect(label_w, y + 2, bw, 18, "#8a1c1c");
    svg += Rect(label_w + bw, y + 2, pw, 18, "#d9a441");
    svg += Text(label_w, y + 36,
                "基本 " + model::Money::FromFen(b.fen[0]).WanYuan(2) + " · 项目 " +
                    model::Money::FromFen(b.fen[1]).WanYuan(2),
                "start");
    y += row_h;
  }
  return svg + "</svg>\n";
}

std::string TrendSparklineSvg(const years::Series& series,
                              const std::vector<years::TimelineFigure>& figures) {
  auto bars = TotalBars(series, figures);
  if (bars.size() < 2) return "";
  int64_t max = 1, min = bars[0].fen[0];
  for (const auto& b : bars) {
    max = std::max(max, b.fen[0]);
    min = std::min(min, b.fen[0]);
  }
  const int step = 16, h = 20, width = 8 + step * (static_cast<int>(bars.size()) - 1);
  std::string points, dots;
  for (size_t i = 0; i < bars.size(); ++i) {
    int x = 4 + step * static_cast<int>(i);
    int y = max == min ? h / 2
                       : 2 + static_cast<int>((max - bars[i].fen[0]) * (h - 4) / (max - min));
    points += (i ? " " : "") + std::to_string(x) + "," + std::to_string(y);
    dots += "<circle cx=\"" + std::to_string(x) + "\" cy=\"" + std::to_string(y) +
            "\" r=\"2\" fill=\"#8a1c1c\"/>";
  }
  std::string title = "支出总计 " + std::to_string(bars.front().year) + "—" +
                      std::to_string(bars.back().year);
  return "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(h) +
         "\" role=\"img\" aria-label=\"" + EscapeHtml(title) + "\"><title>" + EscapeHtml(title) + "</title><polyline points=\"" +
         points + "\" fill=\"none\" stroke=\"#8a1c1c\" stroke-width=\"1.5\"/>" + dots + "</svg>";
}

json TimelineJson(const years::Series& series, const std::vector<years::TimelineFigure>& figures) {
  json years = json::array();
  for (const auto* d : series.years)
    years.push_back({{"year", d->year},
                     {"id", d->id},
                     {"name", d->department.name},
                     {"page", "departments/" + d->id + ".html"},
                     {"data", "data/" + d->id + ".json"}});
  json rows = json::array();
  for (const auto& f : figures) {
    json values = json::array(), changes = json::array();
    for (size_t i = 0; i < f.values.size(); ++i) {
      const auto* d = series.years[i];
      const auto& v = f.values[i];
      json value = {{"year", d->year}, {"amount", model::AmountJson(v)}};
      if (v) {
        value["line"] = v->line;
        value["source"] = "source/" + d->id + ".html#L" + std::to_string(v->line);
        value["file"] = SourceFileOf(*d, v->line);
        if (int page = OriginalPageOf(*d, v->line, "").page) value["page"] = page;
      }
      values.push_back(value);
      if (i == 0) continue;
      auto c = years::ChangeBetween(f.values[i - 1], v);
      json change = {{"from", series.years[i - 1]->year}, {"to", d->year}, {"amount", nullptr},
                     {"percent", nullptr}};
      if (c) {
        change["amount"] = model::AmountJson(model::Figure{c->amount, 0});
        if (c->percent_tenths) change["percent"] = static_cast<double>(*c->percent_tenths) / 10;
      }
      changes.push_back(change);
    }
    rows.push_back({{"subject", f.subject}, {"label", f.label}, {"values", values},
                    {"changes", changes}});
  }
  return {{"key", series.key},  {"name", series.name}, {"unit", "万元"},
          {"years", years},     {"figures", rows}};
}

namespace {

constexpr char kTimelineCsvHeader[] =
    "key,department,year,id,figure,label,amount,source_file,line,page\n";

// A series' rows of timeline.csv: every figure of every year that states it.
void TimelineRows(const years::Series& s, std::string& out) {
  for (const auto& f : years::Timeline(s))
    for (size_t i = 0; i < f.values.size(); ++i) {
      const auto& v = f.values[i];
      if (!v) continue;
      const auto* d = s.years[i];
      int page = OriginalPageOf(*d, v->line, "").page;
      AppendCsvRow(out, "\n", s.key, d->department.name, std::to_string(d->year), d->id,
                   f.subject, f.label, v->amount.WanYuan(2), SourceFileOf(*d, v->line),
                   std::to_string(v->line), page ? std::to_string(page) : std::string());
    }
}

}  // namespace

std::string TimelineCsv(const std::vector<years::Series>& series) {
  std::string out = kTimelineCsvHeader;
  for (const auto& s : series) TimelineRows(s, out);
  return out;
}

Spliced TimelineCsv(const std::vector<years::Series>& series, std::string_view previous,
                    const std::function<bool(const years::Series&)>& same, bool* unchanged) {
  CsvItems items;
  items.count = series.size();
  items.id = [&](size_t i, std::string& out) { AppendCsv(out, series[i].key); };
  items.same = [&](size_t i) { return same(series[i]); };
  items.rows = [&](size_t i, std::string& out) { TimelineRows(series[i], out); };
  return SpliceCsv(kTimelineCsvHeader, items, previous, unchanged);
}

namespace {

// Calls fn(name, key, years, has_trend, latest_total) for each department of several years:
// all that the index's grouping by department shows of it, for the index's context and key.
template <typename Fn>
void VisitIndexSeries(const std::vector<const years::Series*>& series, Fn fn) {
  for (const auto* each : series) {
    const years::Series& s = *each;
    if (!s.SpansYears()) continue;
    const auto figures = years::Timeline(s);
    std::string year_links;
    for (auto it = s.years.rbegin(); it != s.years.rend(); ++it)
      year_links += (year_links.empty() ? "" : " ") + ("[" + std::to_string((*it)->year) +
                                                       "](departments/" + (*it)->id + ".html)");
    const auto* total = Find(figures, "expenditure_total");
    fn(EscapeMarkdown(s.name), s.key, year_links, TotalBars(s, figures).size() >= 2,
       total ? Linked(total->values.back(), *s.years.back(), "") : std::string("—"));
  }
}

}  // namespace

void AddSeriesToIndex(const std::vector<const years::Series*>& series, data& index) {
  list rows;
  VisitIndexSeries(series, [&](const std::string& name, const std::string& key,
                               const std::string& year_links, bool has_trend,
                               const std::string& latest_total) {
    data row;
    row.set("name", name);
    row.set("key", key);
    row.set("years", year_links);
    row.set("has_trend", Bool(has_trend));
    row.set("latest_total", latest_total);
    rows.push_back(row);
  });
  index.set("has_series", Bool(!rows.empty()));
  index.set("series", rows);
}

void AddSeriesToIndexKey(const std::vector<const years::Series*>& series, KeyWriter& key) {
  key(std::string_view("series"));
  VisitIndexSeries(series, [&](const auto&... values) { key(values...); });
}

namespace {

// Lists on `ctx` (pages/page_key.h) the compare page's years of one department side by side:
// all that it shows, for the page's context and its key.
template <typename Sink>
void VisitCompareSeries(const std::vector<const years::Series*>& series, Sink& ctx) {
  // The compare page's own metrics, in its order.
  static const std::pair<const char*, const char*> kMetrics[] = {
      {"basic_share", "基本支出占比 %"},         {"project_share", "项目支出占比 %"},
      {"personnel_share", "人员经费占基本支出 %"}, {"public_share", "公用经费占基本支出 %"},
      {"carryover_share", "上年结转占收入 %"},     {"three_public_share", "“三公”占支出 %"},
      {"total_per_staff", "人均支出（万元）"}};
  std::vector<const years::Series*> spanning;
  for (const auto* s : series)
    if (s->SpansYears()) spanning.push_back(s);
  ctx.Set("has_series", !spanning.empty());
  ctx.List("series", spanning.size(), [&](size_t i, auto& item) {
    const years::Series& s = *spanning[i];
    item.Set("name", EscapeMarkdown(s.name));
    item.Set("key", s.key);
    item.List("columns", s.years.size(), [&](size_t y, auto& c) {
      const auto* d = s.years[y];
      c.Set("title", "[" + std::to_string(d->year) + " 年](departments/" + d->id + ".html)");
    });
    // 支出总计, then each metric: a row each, a cell a year.
    item.List("rows", 1 + std::size(kMetrics), [&](size_t r, auto& row) {
      row.Set("label", r == 0 ? std::string("支出总计") : std::string(kMetrics[r - 1].second));
      row.List("cells", s.years.size(), [&](size_t y, auto& cell) {
        const model::Disclosure& d = *s.years[y];
        if (r == 0)
          return cell.Set("text", Linked(years::HeadlineFigure(d, "expenditure_total"), d, ""));
        std::string v = MetricText(d, kMetrics[r - 1].first);
        cell.Set("text", v.empty() ? std::string("—") : v);
      });
    });
  });
}

}  // namespace

void AddSeriesToCompare(const std::vector<const years::Series*>& series, data& compare) {
  ContextSink sink(compare);
  VisitCompareSeries(series, sink);
}

void AddSeriesToCompareKey(const std::vector<const years::Series*>& series, KeyWriter& key) {
  key(std::string_view("series"));
  KeySink sink(key);
  VisitCompareSeries(series, sink);
}

std::function<void(const render::SearchEntry&)> MergeYearsInSearch(
    const std::vector<years::Series>& series, std::function<void(const render::SearchEntry&)> add) {
  auto by_url = std::make_shared<std::map<std::string, const years::Series*>>();
  for (const auto& s : series)  // a year's page -> its series
    if (s.SpansYears())
      for (const auto* d : s.years) (*by_url)["departments/" + d->id + ".html"] = &s;
  return [by_url, add = std::move(add)](const SearchEntry& entry) {
    auto it = entry.kind == "department" ? by_url->find(entry.url) : by_url->end();
    if (it == by_url->end()) return add(entry);
    const years::Series& s = *it->second;
    // The latest year's entry stands for all of them.
    if (entry.url != "departments/" + s.years.back()->id + ".html") return;
    std::string years_text = "历年：";
    for (auto y = s.years.rbegin(); y != s.years.rend(); ++y)
      years_text += (y == s.years.rbegin() ? "" : "、") + std::to_string((*y)->year) + " 年";
    SearchEntry e = entry;
    e.url = "departments/" + s.key + "/index.html";
    e.title = s.name;
    e.text = years_text + " " + e.text;
    add(e);
  };
}

data YearLinks(const model::YearPlace& place) {
  data years;
  years.set("timeline_href", place.key + "/index.html");
  years.set("count", std::to_string(place.count));
  auto link = [&](const std::string& id, int year) {
    if (id.empty()) return data(data::type::bool_false);
    data l;
    l.set("year", std::to_string(year));
    l.set("href", id + ".html");
    return l;
  };
  years.set("previous", link(place.previous, place.previous_year));
  years.set("next", link(place.next, place.next_year));
  return years;
}

}  // namespace gongkai::pages

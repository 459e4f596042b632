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

list CrossYearFindings(const years::Series& series) {
  list out;
  for (const auto* d : series.years)
    for (const auto& f : d->findings) {
      if (!years::IsCrossYearRule(f.rule)) continue;
      data item;
      item.set("year", std::to_string(d->year));
      item.set("href", std::string("../") + d->id + ".html");
      item.set("severity", SeverityLabel(f.severity));
      item.set("message", EscapeMarkdown(f.message));
      int line = f.lines.empty() ? 0 : f.lines.front();
      item.set("line", line > 0 ? "[第 " + std::to_string(line) + " 行](" + kRoot + "source/" +
                                      d->id + ".html#L" + std::to_string(line) + ")"
                                : std::string("—"));
      item.set("rule", f.rule);
      out.push_back(item);
    }
  return out;
}

}  // namespace

std::string TimelinePath(const std::string& key) { return "departments/" + key + "/index.md"; }

data TimelineContext(const years::Series& series,
                     const std::vector<years::TimelineFigure>& figures) {
  data ctx;
  ctx.set("name", EscapeMarkdown(series.name));
  ctx.set("key", series.key);
  ctx.set("first_year", std::to_string(series.years.front()->year));
  ctx.set("last_year", std::to_string(series.years.back()->year));
  ctx.set("count", std::to_string(series.years.size()));
  list year_list, columns;
  for (auto it = series.years.rbegin(); it != series.years.rend(); ++it) {
    const auto* d = *it;
    data y;
    y.set("year", std::to_string(d->year));
    y.set("href", "../" + d->id + ".html");
    y.set("name", EscapeMarkdown(d->department.name));
    y.set("source_href", std::string(kRoot) + "source/" + d->id + ".html");
    y.set("json_href", std::string(kRoot) + "data/" + d->id + ".json");
    year_list.push_back(y);
  }
  for (size_t i = 0; i < series.years.size(); ++i) {
    data c;
    c.set("title", "[" + std::to_string(series.years[i]->year) + " 年](../" +
                       series.years[i]->id + ".html)");
    columns.push_back(c);
    if (i > 0) {
      data change;
      change.set("title", "比上年");
      columns.push_back(change);
    }
  }
  list rows;
  for (const auto& f : figures) {
    data row;
    row.set("label", EscapeMarkdown(f.label));
    row.set("subject", f.subject);
    list cells;
    for (size_t i = 0; i < f.values.size(); ++i) {
      data cell;
      cell.set("text", Linked(f.values[i], *series.years[i], kRoot));
      cells.push_back(cell);
      if (i > 0) {
        data change;
        change.set("text", ChangeText(f.values[i - 1], f.values[i]));
        cells.push_back(change);
      }
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  ctx.set("years", year_list);
  ctx.set("columns", columns);
  ctx.set("rows", rows);
  list findings = CrossYearFindings(series);
  ctx.set("has_cross_findings", Bool(!findings.empty()));
  ctx.set("cross_findings", findings);
  ctx.set("has_total_chart", Bool(!TimelineTotalChartSvg(series, figures).empty()));
  ctx.set("total_chart", std::string(kRoot) + "charts/" + series.key + "-years-total.svg");
  ctx.set("has_split_chart", Bool(!TimelineSplitChartSvg(series, figures).empty()));
  ctx.set("split_chart", std::string(kRoot) + "charts/" + series.key + "-years-split.svg");
  ctx.set("json_href", std::string(kRoot) + "data/timelines/" + series.key + ".json");
  ctx.set("csv_href", std::string(kRoot) + "data/timeline.csv");
  return ctx;
}

std::string TimelineTotalChartSvg(const years::Series& series,
                                  const std::vector<years::TimelineFigure>& figures) {
  auto bars = Bars(series, {Find(figures, "expenditure_total")});
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
  auto bars = Bars(series, {Find(figures, "basic"), Find(figures, "project")});
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
  auto bars = Bars(series, {Find(figures, "expenditure_total")});
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

std::string TimelineCsv(const std::vector<years::Series>& series) {
  std::string out = "key,department,year,id,figure,label,amount,source_file,line,page\n";
  for (const auto& s : series)
    for (const auto& f : years::Timeline(s))
      for (size_t i = 0; i < f.values.size(); ++i) {
        const auto& v = f.values[i];
        if (!v) continue;
        const auto* d = s.years[i];
        int page = OriginalPageOf(*d, v->line, "").page;
        std::vector<std::string> cells = {s.key, d->department.name, std::to_string(d->year),
                                          d->id, f.subject, f.label, v->amount.WanYuan(2),
                                          SourceFileOf(*d, v->line), std::to_string(v->line),
                                          page ? std::to_string(page) : std::string()};
        for (size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + Csv(cells[k]);
        out += "\n";
      }
  return out;
}

namespace {

// Calls fn(name, key, years, has_trend, latest_total) for each department of several years:
// all that the index's grouping by department shows of it, for the index's context and key.
template <typename Fn>
void VisitIndexSeries(const std::vector<years::Series>& series, Fn fn) {
  for (const auto& s : series) {
    if (!s.SpansYears()) continue;
    const auto figures = years::Timeline(s);
    std::string year_links;
    for (auto it = s.years.rbegin(); it != s.years.rend(); ++it)
      year_links += (year_links.empty() ? "" : " ") + ("[" + std::to_string((*it)->year) +
                                                       "](departments/" + (*it)->id + ".html)");
    const auto* total = Find(figures, "expenditure_total");
    fn(EscapeMarkdown(s.name), s.key, year_links, !TrendSparklineSvg(s, figures).empty(),
       total ? Linked(total->values.back(), *s.years.back(), "") : std::string("—"));
  }
}

}  // namespace

void AddSeriesToIndex(const std::vector<years::Series>& series, data& index) {
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

void AddSeriesToIndexKey(const std::vector<years::Series>& series, KeyWriter& key) {
  key(std::string_view("series"));
  VisitIndexSeries(series, [&](const auto&... values) { key(values...); });
}

void AddSeriesToCompare(const std::vector<years::Series>& series, data& compare) {
  // The compare page's own metrics, in its order.
  static const std::pair<const char*, const char*> kMetrics[] = {
      {"basic_share", "基本支出占比 %"},         {"project_share", "项目支出占比 %"},
      {"personnel_share", "人员经费占基本支出 %"}, {"public_share", "公用经费占基本支出 %"},
      {"carryover_share", "上年结转占收入 %"},     {"three_public_share", "“三公”占支出 %"},
      {"total_per_staff", "人均支出（万元）"}};
  list out;
  for (const auto& s : series) {
    if (!s.SpansYears()) continue;
    data item;
    item.set("name", EscapeMarkdown(s.name));
    item.set("key", s.key);
    list columns, rows;
    for (const auto* d : s.years) {
      data c;
      c.set("title", "[" + std::to_string(d->year) + " 年](departments/" + d->id + ".html)");
      columns.push_back(c);
    }
    auto add_row = [&](const std::string& label, auto cell_of) {
      data row;
      row.set("label", label);
      list cells;
      for (const auto* d : s.years) {
        data cell;
        cell.set("text", cell_of(*d));
        cells.push_back(cell);
      }
      row.set("cells", cells);
      rows.push_back(row);
    };
    add_row("支出总计", [](const model::Disclosure& d) {
      return Linked(years::HeadlineFigure(d, "expenditure_total"), d, "");
    });
    for (const auto& [key, label] : kMetrics)
      add_row(label, [key = key](const model::Disclosure& d) {
        std::string v = MetricText(d, key);
        return v.empty() ? std::string("—") : v;
      });
    item.set("columns", columns);
    item.set("rows", rows);
    out.push_back(item);
  }
  compare.set("has_series", Bool(!out.empty()));
  compare.set("series", out);
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

// One department across the years: its page departments/<key>/ (templates/timeline.md), the
// year links of each year's department page, its charts and its downloads.
#pragma once

#include <functional>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "model/disclosure.h"
#include "pages/downloads.h"
#include "pages/page_key.h"
#include "render/search_index.h"
#include "years/series.h"
#include "years/timeline.h"

namespace gongkai::pages {

/// The site path of a department's page across the years: departments/<key>/index.md (and .html).
std::string TimelinePath(const std::string& key);

/// Context for timeline.md: the department's years (each linked to its page, with its
/// cross-year findings), and every headline figure year by year (a link to its source line,
/// and its page of a PDF original) with the change from the year before in 万元 and %.
kainjow::mustache::data TimelineContext(const years::Series& series,
                                        const std::vector<years::TimelineFigure>& figures);

/// Writes what TimelineContext shows into `key` (the page's pages::Page::key), listed by the
/// same function.
void TimelineKey(const years::Series& series, const std::vector<years::TimelineFigure>& figures,
                 KeyWriter& key);

/// Vertical bars: 支出总计 (the timeline's expenditure_total) year by year; empty when fewer
/// than two years state it.
std::string TimelineTotalChartSvg(const years::Series& series,
                                  const std::vector<years::TimelineFigure>& figures);

/// Stacked bars: 基本支出 and 项目支出 year by year; empty when fewer than two years state both.
std::string TimelineSplitChartSvg(const years::Series& series,
                                  const std::vector<years::TimelineFigure>& figures);

/// A small inline SVG (for the index) of 支出总计 over the years: a polyline, one dot a year;
/// empty when fewer than two years state it.
std::string TrendSparklineSvg(const years::Series& series,
                              const std::vector<years::TimelineFigure>& figures);

/// data/timelines/<key>.json: the department, its years, every figure of each year with its
/// source line (and page of the original), and the change from the year before.
nlohmann::json TimelineJson(const years::Series& series,
                            const std::vector<years::TimelineFigure>& figures);

/// data/timeline.csv: every department × year × figure, one row each (long format), with the
/// figure's source file, line and page. Every series, also those of one year.
std::string TimelineCsv(const std::vector<years::Series>& series);
/// The same bytes, taking the rows of a series that `same(s)` says has the last build's years,
/// each with the same record, from `previous` (the last build's file) rather than making them
/// (pages::SpliceCsv); with `unchanged`, set true (and nothing returned) when the file is
/// `previous` byte for byte.
Spliced TimelineCsv(const std::vector<years::Series>& series, std::string_view previous,
                    const std::function<bool(const years::Series&)>& same,
                    bool* unchanged = nullptr);

/// Sets the index's grouping by department (index.md, `series`): every department of `series`
/// with two years or more (those whose latest year is on the page: pages::SeriesOnParts), its years latest first (each linked to its page), its trend of 支出总计
/// (charts/<key>-trend.svg, TrendSparklineSvg) and its latest 支出总计 linked to its line.
void AddSeriesToIndex(const std::vector<const years::Series*>& series,
                      kainjow::mustache::data& index);
/// Writes what AddSeriesToIndex sets into `key` (index.md's pages::Page::key, after IndexKey),
/// listed by the same function.
void AddSeriesToIndexKey(const std::vector<const years::Series*>& series, KeyWriter& key);

/// Sets the compare page's years of one department side by side (compare.md, `series`): for
/// every department of `series` with two years or more (those whose latest year is on the page), its 支出总计 (linked to its line) and the metrics
/// the page compares, one column a year.
void AddSeriesToCompare(const std::vector<const years::Series*>& series,
                        kainjow::mustache::data& compare);
/// Writes what AddSeriesToCompare sets into `key` (compare.md's pages::Page::key, after
/// CompareKey), listed by the same function.
void AddSeriesToCompareKey(const std::vector<const years::Series*>& series, KeyWriter& key);

/// Search finds a department of several years once: the department entries of its years
/// (kind "department", departments/<id>.html) become one, for its page across the years,
/// titled with its name, its years in the text before the latest year's.
std::function<void(const render::SearchEntry&)> MergeYearsInSearch(
    const std::vector<years::Series>& series, std::function<void(const render::SearchEntry&)> add);

/// The fields department.md writes a year's links from (`years`: the department's page across
/// the years, 上一年 and 下一年 where the series has them).
kainjow::mustache::data YearLinks(const model::YearPlace& place);

}  // namespace gongkai::pages

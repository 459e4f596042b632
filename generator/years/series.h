// Grouping disclosures into series: one department's budgets, year by year.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "years/identity.h"

namespace gongkai::years {

/// One department's budget disclosures, oldest first.
struct Series {
  std::string key;   ///< DepartmentKey
  std::string name;  ///< the department's name as its latest year prints it
  std::vector<const model::Disclosure*> years;  ///< by year, then id

  /// More than one year (two disclosures of one year are not a timeline): only such a series
  /// has places, pages across years, a group on the index and one search entry.
  bool SpansYears() const { return !years.empty() && years.front()->year != years.back()->year; }
};

/// The key (DepartmentKey) of the series `d` belongs to: empty for a 决算 or a document without
/// a name or a year, which belongs to none.
std::string SeriesKey(const model::Disclosure& d, const Aliases& aliases);
std::string SeriesKey(const std::string& kind, int year, const model::Department& department,
                      const Aliases& aliases);

/// The series of every disclosure with a SeriesKey. Sorted by key.
std::vector<Series> GroupIntoSeries(const std::vector<const model::Disclosure*>& all,
                                    const Aliases& aliases);

/// Every disclosure's place among its department's years (model::YearPlace: the key, the
/// nearest other years the site has, which may be more than one year away; the checks between
/// years compare only consecutive years), by id, for the series that span years.
std::map<std::string, model::YearPlace> PlacesOf(const std::vector<Series>& series);

}  // namespace gongkai::years

// Grouping disclosures into series (see series.h).
#include "years/series.h"

#include <algorithm>

namespace gongkai::years {

std::string SeriesKey(const std::string& kind, int year, const model::Department& department,
                      const Aliases& aliases) {
  if (kind != "budget" || year == 0) return "";
  return DepartmentKey(department, aliases);
}

std::string SeriesKey(const model::Disclosure& d, const Aliases& aliases) {
  return SeriesKey(d.kind, d.year, d.department, aliases);
}

std::vector<Series> GroupIntoSeries(const std::vector<const model::Disclosure*>& all,
                                    const Aliases& aliases) {
  std::map<std::string, Series> by_key;
  for (const auto* d : all) {
    std::string key = SeriesKey(*d, aliases);
    if (key.empty()) continue;
    Series& s = by_key[key];
    s.key = key;
    s.years.push_back(d);
  }
  std::vector<Series> out;
  for (auto& [key, s] : by_key) {
    std::sort(s.years.begin(), s.years.end(), [](const auto* a, const auto* b) {
      return a->year != b->year ? a->year < b->year : a->id < b->id;
    });
    s.name = s.years.back()->department.name;
    out.push_back(std::move(s));
  }
  return out;
}

std::map<std::string, model::YearPlace> PlacesOf(const std::vector<Series>& series) {
  std::map<std::string, model::YearPlace> places;
  for (const auto& s : series) {
    if (!s.SpansYears()) continue;
    for (size_t i = 0; i < s.years.size(); ++i) {
      model::YearPlace p;
      p.key = s.key;
      p.count = static_cast<int>(s.years.size());
      const auto* d = s.years[i];
      for (size_t k = i; k-- > 0;)
        if (s.years[k]->year < d->year) {
          p.previous = s.years[k]->id;
          p.previous_year = s.years[k]->year;
          break;
        }
      for (size_t k = i + 1; k < s.years.size(); ++k)
        if (s.years[k]->year > d->year) {
          p.next = s.years[k]->id;
          p.next_year = s.years[k]->year;
          break;
        }
      places[d->id] = p;
    }
  }
  return places;
}

}  // namespace gongkai::years

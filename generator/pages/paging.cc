// Lists of departments split into pages (pages/paging.h).
#include "pages/paging.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "render/search_index.h"

namespace gongkai::pages {

namespace {

bool BeginsPage(const Record& r, const Paging& paging) {
  return render::SearchKeyHash(r.id) % paging.one_in == 0;
}

template <typename Begins>
std::vector<ListPart> Split(const std::vector<const Record*>& list, const std::string& stem,
                            const Paging& paging, Begins begins) {
  const auto size = static_cast<uint32_t>(list.size());
  std::vector<ListPart> parts;
  if (list.size() <= paging.paged_above) return {{stem, 0, size}};
  for (uint32_t i = 0; i < size; ++i) {
    const bool cut = i > 0 && (begins(list[i]) || i - parts.back().begin == paging.most);
    if (cut) parts.back().end = i;
    if (i == 0 || cut) parts.push_back({i == 0 ? stem : stem + "-" + list[i]->id, i, size});
  }
  return parts;
}

}  // namespace

std::vector<ListPart> SplitList(const std::vector<const Record*>& list, const std::string& stem,
                                const Paging& paging) {
  return Split(list, stem, paging, [&](const Record* r) { return BeginsPage(*r, paging); });
}

std::vector<ListPart> SplitList(const std::vector<const Record*>& list, const std::string& stem,
                                const Paging& paging,
                                const std::unordered_set<const Record*>& begins) {
  return Split(list, stem, paging, [&](const Record* r) { return begins.count(r) > 0; });
}

std::unordered_set<const Record*> PageBeginnings(const std::vector<const Record*>& all,
                                                const Paging& paging) {
  std::unordered_set<const Record*> begins;
  for (const Record* r : all)
    if (BeginsPage(*r, paging)) begins.insert(r);
  return begins;
}

std::vector<std::vector<const years::Series*>> SeriesOnParts(
    const std::vector<years::Series>& series, const std::vector<const Record*>& list,
    const std::vector<ListPart>& parts) {
  std::unordered_map<std::string_view, size_t> part_of;  // a department's id -> its page
  if (parts.size() > 1)
    for (size_t p = 0; p < parts.size(); ++p)
      for (uint32_t i = parts[p].begin; i < parts[p].end; ++i) part_of.emplace(list[i]->id, p);
  std::vector<std::vector<const years::Series*>> on(parts.size());
  for (const auto& s : series) {
    if (!s.SpansYears()) continue;
    auto it = part_of.find(s.years.back()->id);
    on[it == part_of.end() ? 0 : it->second].push_back(&s);
  }
  return on;
}

bool PartMayHaveChanged(const ListChanges* changes, bool listed,
                        const std::vector<const Record*>& list, const std::vector<ListPart>& parts,
                        size_t part) {
  if (!changes || listed || part == 0) return true;
  for (uint32_t i = parts[part].begin; i < parts[part].end; ++i)
    if (changes->built.count(list[i])) return true;
  return false;
}

std::string PartYears(const std::vector<const Record*>& list, const ListPart& part) {
  int first = 0, last = 0;
  for (uint32_t i = part.begin; i < part.end; ++i) {
    const int year = list[i]->year;
    if (!year) continue;
    first = first ? std::min(first, year) : year;
    last = std::max(last, year);
  }
  if (!first) return "—";
  return first == last ? std::to_string(first) : std::to_string(first) + "—" + std::to_string(last);
}

}  // namespace gongkai::pages

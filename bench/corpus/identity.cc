// Finds a source's department and places, generates new ones, replaces one by the other.
#include "corpus/identity.h"

#include <algorithm>
#include <map>

#include "corpus/place_names.h"
#include "parse/identity.h"
#include "parse/text.h"

namespace gongkai::corpus {
namespace {

// Every province-level name a text may mention with 省 or 自治区.
const char* const kProvinceNames[] = {
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
    "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆"};

bool IsPlaceSuffix(const std::string& cp) {
  return cp == "省" || cp == "市" || cp == "州" || cp == "盟" || cp == "县" || cp == "区" ||
         cp == "旗";
}

// 随州市曾都区 -> 随州市, 曾都区 (as parse::SplitPlace walks it).
std::vector<std::string> SplitPlaces(const std::string& region) {
  std::vector<std::string> cps = parse::CodePoints(region), out;
  size_t pos = 0;
  while (pos < cps.size()) {
    size_t len = 2;
    while (pos + len <= cps.size() && !IsPlaceSuffix(cps[pos + len - 1])) ++len;
    if (pos + len > cps.size()) len = cps.size() - pos;
    // 随州市, 杭州市: a suffix character followed by another belongs to the name.
    while (pos + len < cps.size() && IsPlaceSuffix(cps[pos + len])) ++len;
    std::string place;
    for (size_t k = pos; k < pos + len; ++k) place += cps[k];
    out.push_back(place);
    pos += len;
  }
  return out;
}

std::string Suffix(const std::string& place) {
  std::vector<std::string> cps = parse::CodePoints(place);
  return cps.empty() ? "" : cps.back();
}

std::string Stem(const std::string& place) {
  return place.substr(0, place.size() - Suffix(place).size());
}

std::string Join(const std::vector<std::string>& v, size_t from, const std::string& sep = "") {
  std::string out;
  for (size_t k = from; k < v.size(); ++k) out += (k > from ? sep : "") + v[k];
  return out;
}

}  // namespace

bool FindIdentity(const std::vector<std::string>& lines, Identity& out) {
  model::Department dept = parse::ChooseDepartment(parse::FindNameMentions(lines));
  if (dept.name.empty() || dept.region.empty()) return false;
  out = Identity();
  out.name = dept.name;
  out.places = SplitPlaces(dept.region);
  out.kind = dept.name.substr(dept.region.size());
  // The province: the one named most often as "…省".
  std::map<std::string, int> counts;
  for (const auto& l : lines)
    for (const char* p : kProvinceNames) {
      std::string with = std::string(p) + "省";
      for (size_t at = l.find(with); at != std::string::npos; at = l.find(with, at + 1))
        ++counts[p];
    }
  int best = 0;
  for (const auto& [p, c] : counts)
    if (c > best) {
      best = c;
      out.province = p;
    }
  return true;
}

Identity GenerateIdentity(Random& rng, const Identity& source) {
  const auto& provinces = Provinces();
  std::vector<std::string> taken;
  for (const auto& p : source.places) taken.push_back(Stem(p));
  for (int attempt = 0;; ++attempt) {
    const Province& prov = provinces[rng.Below(provinces.size())];
    Identity id;
    id.province = prov.name.hanzi;
    std::vector<std::string> slug;
    bool city_done = false, clash = false;
    for (const auto& place : source.places) {
      std::string suffix = Suffix(place);
      const PlaceName* pick;
      if (suffix == "省") {
        pick = &prov.name;
      } else if ((suffix == "市" && !city_done) || suffix == "州" || suffix == "盟") {
        pick = &prov.cities[rng.Below(prov.cities.size())];
        city_done = true;
      } else if (suffix == "区") {
        pick = &prov.districts[rng.Below(prov.districts.size())];
      } else {  // 县, 旗, a county-level 市
        pick = &prov.counties[rng.Below(prov.counties.size())];
      }
      city_done |= suffix == "市";
      if (std::find(taken.begin(), taken.end(), pick->hanzi) != taken.end()) clash = true;
      id.places.push_back(pick->hanzi + suffix);
      if (suffix != "省") slug.push_back(pick->pinyin);
    }
    // A clash with the source (the same 市 again) is drawn anew; after many tries (a source
    // named after every place of a list) it is accepted.
    if (clash && attempt < 16) continue;
    bool center = source.kind.size() >= std::string("中心").size() &&
                  source.kind.compare(source.kind.size() - std::string("中心").size(),
                                      std::string::npos, "中心") == 0;
    std::vector<const DepartmentKind*> kinds;
    for (const auto& k : DepartmentKinds())
      if (k.center == center) kinds.push_back(&k);
    const DepartmentKind& kind = *kinds[rng.Below(kinds.size())];
    id.kind = kind.name;
    id.name = Join(id.places, 0) + id.kind;
    slug.push_back(kind.slug);
    id.slug = Join(slug, 0, "-");
    return id;
  }
}

void ReplaceIdentity(std::vector<std::string>& lines, const Identity& from, const Identity& to) {
  std::vector<std::pair<std::string, std::string>> forms;
  auto add = [&](const std::string& a, const std::string& b) {
    if (a.empty() || a == b) return;
    for (const auto& f : forms)
      if (f.first == a) return;
    forms.emplace_back(a, b);
  };
  size_t n = std::min(from.places.size(), to.places.size());
  add(from.name, to.name);
  for (size_t j = 1; j < n; ++j) add(Join(from.places, j) + from.kind, Join(to.places, j) + to.kind);
  add(Join(from.places, 0), Join(to.places, 0));
  for (size_t j = 0; j < n; ++j) add(from.places[j], to.places[j]);
  for (size_t j = 0; j < n; ++j)
    if (parse::CodePointCount(Stem(from.places[j])) >= 2 && Suffix(from.places[j]) != "省")
      add(Stem(from.places[j]), Stem(to.places[j]));
  if (!from.province.empty() && !to.province.empty()) {
    add(from.province + "省", to.province + "省");
    add(from.province, to.province);
  }
  std::stable_sort(forms.begin(), forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (auto& line : lines) {
    // Quick reject: most lines name no form.
    bool any = false;
    for (const auto& f : forms)
      if (line.find(f.first) != std::string::npos) {
        any = true;
        break;
      }
    if (!any) continue;
    std::string out;
    size_t i = 0;
    while (i < line.size()) {
      bool replaced = false;
      for (const auto& [a, b] : forms)
        if (line.compare(i, a.size(), a) == 0) {
          out += b;
          i += a.size();
          replaced = true;
          break;
        }
      if (!replaced) {
        // Copy one whole UTF-8 code point, so a match never starts inside one.
        size_t k = i;
        parse::NextCodePoint(line, k);
        out.append(line, i, k - i);
        i = k;
      }
    }
    line = std::move(out);
  }
}

}  // namespace gongkai::corpus

// Real Chinese place names and department kinds that generated disclosures are named after.
#pragma once

#include <string>
#include <vector>

namespace gongkai::corpus {

/// A name without its suffix (绵阳, not 绵阳市) and its pinyin in ASCII (mianyang).
struct PlaceName {
  std::string hanzi;
  std::string pinyin;
};

/// A province and names of its cities (地级市), counties (县) and districts (区), each at
/// least two characters without the suffix. Counties and districts are not tied to a city:
/// a generated 绵阳市涪城区 is real, a generated 绵阳市船山区 only real-looking.
struct Province {
  PlaceName name;  ///< 四川 (the suffix 省 is added where the source has one)
  std::vector<PlaceName> cities, counties, districts;
};

/// A kind of department: its name after the place (财政局) and an ASCII slug for file names.
struct DepartmentKind {
  std::string name;
  std::string slug;
  bool center = false;  ///< an institution (…中心) rather than a bureau or commission
};

const std::vector<Province>& Provinces();
const std::vector<DepartmentKind>& DepartmentKinds();

}  // namespace gongkai::corpus

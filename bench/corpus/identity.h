// Who a disclosure is about — department, places, province — as found in a source and as
// generated for a new disclosure, and the text replacement from one to the other.
#pragma once

#include <string>
#include <vector>

#include "corpus/random.h"

namespace gongkai::corpus {

struct Identity {
  std::string name;                 ///< 随州市曾都区医疗保障服务中心
  std::vector<std::string> places;  ///< 随州市, 曾都区 (each with its suffix 省/市/县/区/…)
  std::string kind;                 ///< 医疗保障服务中心: the name after the places
  std::string province;             ///< 湖北: the province the text names with 省, or ""
  std::string slug;                 ///< ASCII for file names: "suizhou-zengdu-..." (generated)
};

/// The department of a source text as the parser reads it (parse::ChooseDepartment), split into
/// places and kind, and the province the text names most often ("湖北省"). Returns false when
/// no department name beginning with a place is found.
bool FindIdentity(const std::vector<std::string>& lines, Identity& out);

/// A new identity of the same shape: as many places, with the same suffixes (市 / 县 / 区 …),
/// names from one province of place_names.cc, none equal to one of the source's; a department
/// kind of the same sort (…中心 for a 中心, else a bureau or commission).
Identity GenerateIdentity(Random& rng, const Identity& source);

/// Replaces in `lines` every form of `from` by the same form of `to`, longest first and in one
/// pass (a replaced name is not replaced again): the full name; the name without its leading
/// places (曾都区医疗保障服务中心); all places together (随州市曾都区); each place (随州市);
/// each place without its suffix when two characters or more (随州); the province with and
/// without 省. Short forms (医保中心, 县医保局) stay as they are.
void ReplaceIdentity(std::vector<std::string>& lines, const Identity& from, const Identity& to);

}  // namespace gongkai::corpus

// The previous-year block of a series document's “三公” table (see three_public_block.h).
#include "corpus/three_public_block.h"

#include <sstream>

#include "model/money.h"

namespace gongkai::corpus {

namespace {

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '\t');) out.push_back(cell);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

std::string Join(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
  return out;
}

// `2022年预算数` alone on a tab line.
bool YearBlockHeader(const std::string& line) {
  std::vector<std::string> cells = Cells(line);
  if (cells.size() < 2) return false;
  for (size_t i = 1; i < cells.size(); ++i)
    if (!cells[i].empty()) return false;
  const std::string& c = cells[0];
  return c.size() == 4 + std::string("年预算数").size() && c.compare(4, std::string::npos, "年预算数") == 0 &&
         c.find_first_not_of("0123456789") == 4;
}

}  // namespace

std::optional<ThreePublicBlock> FindThreePublicBlock(const std::vector<std::string>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.find("三公") == std::string::npos || l.size() < 3 || l.compare(l.size() - 3, 3, "表") != 0)
      continue;
    for (size_t h = i + 1; h < lines.size() && h <= i + 8; ++h) {
      if (!YearBlockHeader(lines[h])) continue;
      size_t width = Cells(lines[h]).size();
      for (size_t k = h + 1; k < lines.size() && k <= h + 4; ++k) {
        std::vector<std::string> cells = Cells(lines[k]);
        if (cells.size() != width) break;  // every line of the table has the block's cells
        if (model::Money::Parse(cells[0])) return ThreePublicBlock{h, k};
      }
    }
  }
  return std::nullopt;
}

void AddPreviousBlock(const ThreePublicBlock& at, const std::vector<std::string>& previous,
                      std::vector<std::string>& lines) {
  for (size_t k = at.header; k <= at.data; ++k) lines[k] = previous[k] + "\t" + lines[k];
}

bool PlantInPreviousBlock(const ThreePublicBlock& at, std::vector<std::string>& lines, Plant& out) {
  std::vector<std::string> parts = Cells(lines[at.header + 1]);
  std::vector<std::string> data = Cells(lines[at.data]);
  auto total = model::Money::Parse(data[0]);
  if (!total) return false;
  const size_t width = Cells(lines[at.header]).size() / 2;  // the previous block's cells
  for (size_t c = 1; c < width && c < parts.size() && c < data.size(); ++c) {
    bool part = parts[c].find("因公出国") != std::string::npos ||
                parts[c].find("公务接待") != std::string::npos;
    if (!part || !data[c].empty()) continue;
    model::Money add = PlantedDifference(*total);
    data[c] = add.WanYuan(2);
    data[0] = (*total + add).WanYuan(2);
    lines[at.data] = Join(data);
    out.rule = kPriorYearFigure;
    out.subject = "three_public.total";
    out.line = static_cast<int>(at.data) + 1;
    out.stated = *total + add;
    out.expected = *total;
    return true;
  }
  return false;
}

}  // namespace gongkai::corpus

// A table of a PDF rebuilt from positions: columns from the header cells above the figures,
// rows from the lines, every figure in the column it stands under.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace gongkai::layout {

/// A word of a table with the line it stands on (0-based index into the Document's lines).
struct Cell {
  std::string text;
  float x0 = 0, x1 = 0;
  size_t line = 0;
};

/// A column of the table: where it stands and the header words above it, top down
/// ("基本支出/人员经费"), spaces removed.
struct Column {
  float x0 = 0, x1 = 0;
  std::vector<std::string> path;
  bool amount = false;  ///< holds figures (most of its words are numbers)
  int group = 0;        ///< side-by-side column groups (收入 | 支出): 0, 1, ...
  std::string Label() const;  ///< the path joined without separators
};

/// One row of a column group: its label (codes and name, wrapped pieces joined) and the
/// figure words of its amount columns.
struct GridRow {
  int group = 0;
  size_t line = 0;         ///< the line of its figures (or of its label if it has none)
  std::string label;       ///< the text of the group's text columns, pieces joined by spaces
  float label_x0 = 0;      ///< where the label starts (indentation shows the level)
  std::vector<std::optional<Cell>> values;  ///< one per column of the table (text ones empty)
  /// One per column of the table: the text of the row's cell in that column, wrapped pieces
  /// joined (figure columns empty): `label` split by the columns its words stand in.
  std::vector<std::string> texts;
  bool HasValues() const;
};

struct Grid {
  std::vector<Column> columns;
  std::vector<GridRow> rows;
  std::vector<size_t> header_lines;  ///< lines read as the header
  int groups = 1;
};

/// True if the word has the form of an amount: 1,234.56 / 1234.5 / -12 / 0.
bool IsAmountWord(const std::string& text);

/// True for a line that states a unit or a department above a table (单位：万元, 部门名称：…).
bool IsTableCaptionLine(const std::string& text);

/// Rebuilds the table in lines [begin, end) of `doc` (a PDF). Each page is read with the
/// header printed on it, or, where a page continues a table without repeating its header,
/// with the columns of the page before. `skip` marks lines that are no part of the table
/// (titles, unit lines, page numbers).
Grid BuildGrid(const ingest::Document& doc, size_t begin, size_t end,
               const std::vector<bool>& skip);

}  // namespace gongkai::layout

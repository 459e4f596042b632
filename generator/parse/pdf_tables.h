// The standard tables of a PDF disclosure, found by their titles and read from positions.
#pragma once

#include <set>
#include <vector>

#include "ingest/document.h"
#include "model/disclosure.h"
#include "parse/sections.h"

namespace gongkai::parse {

/// Finds the tables of a PDF: a line whose words name a standard table (收支总表, 支出总表,
/// “三公”经费…) and that a unit line or a column header follows. A table of contents that
/// lists the same titles is no table: its entries follow each other with no header between.
/// A title printed again on the next page continues its table (`continuation`).
std::vector<Section> FindPdfSections(const ingest::Document& doc);

/// Reads the tables of a PDF into `d`: summary, fiscal summary, expenditure (基本/项目/预留),
/// functional rows, economic rows, “三公”, and every row into the figure index. A figure
/// is never guessed: a column that cannot be identified by its header leaves its field null,
/// and a table whose own arithmetic fails on most of its rows is reported as misread
/// (diagnostic `table-misread`) and its figures are not used.
void ReadPdfTables(const ingest::Document& doc, const std::vector<Section>& sections,
                   model::Disclosure& d);

/// The budget year from the titles of a PDF's tables and headings ("2026年部门收支总表",
/// "2022年部门综合预算"), not from a count of mentions; 0 if no title states one.
int FindPdfYear(const ingest::Document& doc, const std::vector<Section>& sections, int& line);

}  // namespace gongkai::parse

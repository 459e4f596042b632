// Records' classification rows -> codes.md and code.md contexts.
#include "pages/codes.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "pages/page_key.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::FigureLink;
using render::Put;

CodeIndex::CodeIndex(const std::vector<const Record*>& all, const Paging& paging) {
  // Names from the rows first (in input order), then from the summaries' 类.
  auto name = [&](const std::string& code, const std::string& as_printed, const Record* r) {
    auto [it, fresh] = by_code_.try_emplace(code);
    if (!fresh) return;
    it->second.name = as_printed;
    it->second.named_by = r;
  };
  for (const auto* r : all) {
    for (const auto& f : r->functional) name(f.code, f.name, r);
    for (const auto& e : r->economic) name(e.code, e.name, r);
  }
  for (const auto* r : all)
    for (const auto& c : r->classes) name(c.code, c.name, r);
  for (const auto& entry : by_code_) codes_.push_back(entry.first);
  // Each row's code found by hash, not by a walk down the map's tree of strings (~400,000
  // rows at N = 10,000): the map holds every code already.
  std::unordered_map<std::string_view, Code*> by_hash;
  by_hash.reserve(by_code_.size());
  for (auto& [code, c] : by_code_) by_hash.emplace(code, &c);
  // Each code's rows in one pass over the records, so that a page does not look through
  // every row of its records for its own (measured at 3,000 disclosures: the keys 0.16 -> 0.06 s,
  // the contexts 0.71 -> 0.55 s of CPU).
  // A record's codes are held as the codes' entries (sorted by address, looked up once a
  // row), not as sets of strings: those were most of building the index.
  using Table = Row::Table;
  const std::less<Code*> before;
  std::vector<Code*> tabled, used;  // of one record: the codes of its rows, and of all
  for (const auto* r : all) {
    tabled.clear();
    auto tabled_row = [&](const std::string& code, Table table, size_t i) {
      Code& c = *by_hash.at(code);
      c.rows.push_back({r, table, uint32_t(i)});
      tabled.push_back(&c);
    };
    for (size_t i = 0; i < r->functional.size(); ++i)
      tabled_row(r->functional[i].code, Table::kFunctional, i);
    for (size_t i = 0; i < r->economic.size(); ++i)
      tabled_row(r->economic[i].code, Table::kEconomic, i);
    std::sort(tabled.begin(), tabled.end(), before);
    used = tabled;
    for (size_t i = 0; i < r->classes.size(); ++i) {
      Code& c = *by_hash.at(r->classes[i].code.str());
      used.push_back(&c);
      if (!std::binary_search(tabled.begin(), tabled.end(), &c, before))
        c.rows.push_back({r, Table::kClasses, uint32_t(i)});
    }
    std::sort(used.begin(), used.end(), before);
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (Code* c : used) c->records.push_back(r);
  }
  const auto begins = PageBeginnings(all, paging);
  for (auto& [code, c] : by_code_) Paginate(code, c, paging, begins);
}

void CodeIndex::Paginate(const std::string& code, Code& c, const Paging& paging,
                         const std::unordered_set<const Record*>& begins) {
  // Split as the list of its departments (c.records, in input order as the rows are: a
  // department's rows together, one at least), a page's rows from its first department's.
  std::vector<uint32_t> first_row;  // of each department, then the end
  for (uint32_t i = 0; i < c.rows.size(); ++i)
    if (i == 0 || c.rows[i].record != c.rows[i - 1].record) first_row.push_back(i);
  first_row.push_back(static_cast<uint32_t>(c.rows.size()));
  for (const ListPart& p : SplitList(c.records, code, paging, begins))
    c.parts.push_back({p.stem, first_row[p.begin], first_row[p.end], p.end - p.begin});
}

std::string CodeIndex::Parent(const std::string& code) const {
  for (size_t n = code.size() - 1; n > 0; --n)
    if (Has(code.substr(0, n))) return code.substr(0, n);
  return "";
}

std::vector<std::string> CodeIndex::Children(const std::string& code) const {
  std::vector<std::string> out;
  for (auto it = by_code_.upper_bound(code); it != by_code_.end(); ++it) {
    const std::string& c = it->first;
    if (c.compare(0, code.size(), code) != 0) break;  // sorted: the codes it prefixes are next
    if (Parent(c) == code) out.push_back(c);
  }
  return out;
}

bool CodeMayHaveChanged(const std::string& code, const CodeIndex& index,
                        const CodeChanges* changes) {
  if (!changes) return true;
  const auto& rows = changes->rows;
  if (rows.count(code) || rows.count(index.Parent(code))) return true;
  for (const auto& child : index.Children(code))
    if (rows.count(child)) return true;
  // A code used or no longer used that it prefixes (they sort right after it), or that
  // prefixes it (one of its own prefixes).
  const auto& used = changes->used;
  auto it = used.upper_bound(code);
  if (it != used.end() && it->compare(0, code.size(), code) == 0) return true;
  for (size_t n = 1; n < code.size(); ++n)
    if (used.count(code.substr(0, n))) return true;
  return false;
}

bool CodePartMayHaveChanged(const std::string& code, size_t part, const CodeIndex& index,
                            const CodeChanges* changes, const ListChanges* lists) {
  if (!CodeMayHaveChanged(code, index, changes)) return false;
  if (!changes || !lists || part == 0 || changes->listed.count(code) ||
      lists->built.count(index.NamedBy(code)))
    return true;
  const auto& rows = index.Rows(code);
  const CodeIndex::Part& p = index.Parts(code)[part];
  for (uint32_t i = p.begin; i < p.end; ++i)
    if (lists->built.count(rows[i].record)) return true;
  return false;
}

namespace {

// Calls fn(record, total, part a, part b, table) for each row of the page `part` of `code`:
// each department's amounts under it, from its tables by 功能分类 and 经济分类, else from its
// summary's 类.
template <typename Fn>
void ForEachRow(const std::string& code, size_t part, const CodeIndex& index, Fn fn) {
  const auto& rows = index.Rows(code);
  const CodeIndex::Part& p = index.Parts(code)[part];
  for (uint32_t i = p.begin; i < p.end; ++i) {
    const auto& row = rows[i];
    const Record& d = *row.record;
    switch (row.table) {
      case CodeIndex::Row::Table::kFunctional: {
        const auto& f = d.functional[row.at];
        fn(d, f.total, f.basic, f.project, "部门支出总表");
        break;
      }
      case CodeIndex::Row::Table::kEconomic: {
        const auto& e = d.economic[row.at];
        fn(d, e.total, e.personnel, e.public_, "基本支出表");
        break;
      }
      case CodeIndex::Row::Table::kClasses:
        fn(d, d.classes[row.at].amount, std::nullopt, std::nullopt, "收支总表");
        break;
    }
  }
}

// Calls fn(part, first, last) for the pages a page of `code` links to by their departments:
// every page from the first page of a paged code, the page itself from a later one (its
// neighbours are linked by name only); first and last are the names of its first and last
// departments. The context and the key of a page both read them through this.
template <typename Fn>
void ForEachPageLinked(const std::string& code, size_t part, const CodeIndex& index, Fn fn) {
  const auto& parts = index.Parts(code);
  const auto& rows = index.Rows(code);
  auto visit = [&](size_t i) {
    fn(parts[i], rows[parts[i].begin].record->Name(), rows[parts[i].end - 1].record->Name());
  };
  if (part > 0) return visit(part);
  if (parts.size() > 1)
    for (size_t i = 0; i < parts.size(); ++i) visit(i);
}

}  // namespace

data CodesContext(const CodeIndex& index) {
  data ctx;
  list functional, economic;
  for (const auto& code : index.codes()) {
    data row;
    row.set("code", code);
    row.set("name", EscapeMarkdown(index.Name(code)));
    row.set("count", std::to_string(index.Records(code).size()));
    row.set("indent", std::string(code.size() == 5 ? "　" : code.size() == 7 ? "　　" : ""));
    (code[0] == '2' ? functional : economic).push_back(std::move(row));
  }
  Put(ctx, "functional", functional);
  Put(ctx, "economic", economic);
  return ctx;
}

data CodeContext(const std::string& code, size_t part, const CodeIndex& index) {
  data ctx;
  ctx.set("code", code);
  ctx.set("name", EscapeMarkdown(index.Name(code)));
  bool functional = code[0] == '2';
  ctx.set("kind", functional ? "支出功能分类科目" : "部门预算支出经济分类科目");
  ctx.set("level", code.size() == 3 ? "类" : code.size() == 5 ? "款" : "项");
  ctx.set("is_functional", Bool(functional));
  // Parent: the longest other code that prefixes this one; children: codes one level down.
  const std::string parent = part == 0 ? index.Parent(code) : "";
  ctx.set("has_parent", Bool(!parent.empty()));
  ctx.set("parent", parent);
  ctx.set("parent_name", EscapeMarkdown(parent.empty() ? "" : index.Name(parent)));
  list children;
  if (part == 0)
    for (const auto& c : index.Children(code)) {
      data row;
      row.set("code", c);
      row.set("name", EscapeMarkdown(index.Name(c)));
      children.push_back(std::move(row));
    }
  ctx.set("has_children", Bool(!children.empty()));
  Put(ctx, "children", children);
  // A paged code: its first page lists the pages, a later page links to its neighbours.
  const auto& parts = index.Parts(code);
  list pages;
  ForEachPageLinked(code, part, index, [&](const CodeIndex::Part& p, const std::string& first,
                                           const std::string& last) {
    data page;
    // (A later page is not given its own number: that changes as pages come and go.)
    if (part == 0) page.set("number", std::to_string(pages.size() + 1));
    page.set("stem", p.stem);
    page.set("first", EscapeMarkdown(first));
    page.set("last", EscapeMarkdown(last));
    page.set("departments", std::to_string(p.departments));
    pages.push_back(std::move(page));
  });
  ctx.set("paged", Bool(part == 0 && parts.size() > 1));
  ctx.set("later", Bool(part > 0));
  if (part == 0) {
    ctx.set("departments", std::to_string(index.Records(code).size()));
    ctx.set("page_count", std::to_string(parts.size()));
  }
  Put(ctx, "pages", pages);
  if (part > 0) ctx.set("previous", parts[part - 1].stem);
  ctx.set("has_next", Bool(part + 1 < parts.size()));
  ctx.set("next", part + 1 < parts.size() ? parts[part + 1].stem : "");
  list rows;
  rows.reserve(parts[part].end - parts[part].begin);  // kainjow's data is copied, not moved, as a list grows
  ForEachRow(code, part, index, [&](const Record& d, const model::MaybeFigure& total,
                                    const model::MaybeFigure& part_a,
                                    const model::MaybeFigure& part_b, const char* table) {
    const std::string src = "../source/" + d.id + ".html";
    data row;
    row.set("id", d.id);
    row.set("name", EscapeMarkdown(d.Name()));
    row.set("year", d.year ? std::to_string(d.year) : std::string("—"));
    row.set("total", FigureLink(total, src));
    row.set("part_a", FigureLink(part_a, src));
    row.set("part_b", FigureLink(part_b, src));
    row.set("table", table);
    rows.push_back(std::move(row));
  });
  Put(ctx, "rows", rows);
  ctx.set("part_a_label", functional ? "基本支出" : "人员经费");
  ctx.set("part_b_label", functional ? "项目支出" : "公用经费");
  return ctx;
}

std::string CodePageKey(const std::string& code, size_t part, const CodeIndex& index) {
  // Hashed as it is written (KeyWriter): the keys of a build's code pages hold every row of
  // them (19 MB at 3,000 disclosures), which made and copied as strings were a tenth of an
  // edit's CPU at N = 10,000.
  KeyWriter key;
  key(code, index.Name(code));
  if (const std::string parent = index.Parent(code); part == 0 && !parent.empty())
    key(parent, index.Name(parent));
  const std::vector<std::string> children =
      part == 0 ? index.Children(code) : std::vector<std::string>();
  key("children", children.size());
  for (const auto& c : children) key(c, index.Name(c));
  const auto& parts = index.Parts(code);
  key("pages");
  if (part == 0) key(index.Records(code).size(), parts.size());
  ForEachPageLinked(code, part, index, [&](const CodeIndex::Part& p, const std::string& first,
                                           const std::string& last) {
    key(p.stem, first, last, static_cast<int64_t>(p.departments));
  });
  key("rows", part > 0 ? parts[part - 1].stem : "", part + 1 < parts.size() ? parts[part + 1].stem : "");
  auto figure = [&](const model::MaybeFigure& f) {  // of one shape, present or not
    key(f.has_value(), f ? f->amount.fen() : 0, f ? f->amount.decimals() : 0, f ? f->line : 0);
  };
  ForEachRow(code, part, index, [&](const Record& d, const model::MaybeFigure& total,
                                    const model::MaybeFigure& part_a,
                                    const model::MaybeFigure& part_b, const char* table) {
    key(d.id, d.Name(), d.year);
    figure(total);
    figure(part_a);
    figure(part_b);
    key(table);
  });
  return key.Take();
}

}  // namespace gongkai::pages

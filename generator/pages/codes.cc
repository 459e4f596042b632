// Records' classification rows -> codes.md and code.md contexts.
#include "pages/codes.h"

#include <set>

#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::FigureLink;
using render::Put;

CodeIndex::CodeIndex(const std::vector<const Record*>& all) {
  // Names from the rows first (in input order), then from the summaries' 类.
  auto name = [&](const std::string& code, const std::string& as_printed) {
    auto [it, fresh] = by_code_.try_emplace(code);
    if (fresh) it->second.name = as_printed;
  };
  for (const auto* r : all) {
    for (const auto& f : r->functional) name(f.code, f.name);
    for (const auto& e : r->economic) name(e.code, e.name);
  }
  for (const auto* r : all)
    for (const auto& c : r->classes) name(c.code, c.name);
  for (const auto& entry : by_code_) codes_.push_back(entry.first);
  for (const auto* r : all) {
    std::set<std::string> used;
    for (const auto& f : r->functional) used.insert(f.code);
    for (const auto& e : r->economic) used.insert(e.code);
    for (const auto& c : r->classes) used.insert(c.code);
    for (const auto& code : used) by_code_[code].records.push_back(r);
  }
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

namespace {

// Calls fn(record, total, part a, part b, table) for each row of the page of `code`: each
// department's amounts under it, from its tables by 功能分类 and 经济分类, else from its
// summary's 类.
template <typename Fn>
void ForEachRow(const std::string& code, const CodeIndex& index, Fn fn) {
  for (const auto* d : index.Records(code)) {
    bool found = false;
    for (const auto& f : d->functional)
      if (f.code == code) {
        fn(*d, f.total, f.basic, f.project, "部门支出总表");
        found = true;
      }
    for (const auto& e : d->economic)
      if (e.code == code) {
        fn(*d, e.total, e.personnel, e.public_, "基本支出表");
        found = true;
      }
    if (!found)
      for (const auto& c : d->classes)
        if (c.code == code) fn(*d, c.amount, std::nullopt, std::nullopt, "收支总表");
  }
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

data CodeContext(const std::string& code, const CodeIndex& index) {
  data ctx;
  ctx.set("code", code);
  ctx.set("name", EscapeMarkdown(index.Name(code)));
  bool functional = code[0] == '2';
  ctx.set("kind", functional ? "支出功能分类科目" : "部门预算支出经济分类科目");
  ctx.set("level", code.size() == 3 ? "类" : code.size() == 5 ? "款" : "项");
  ctx.set("is_functional", Bool(functional));
  // Parent: the longest other code that prefixes this one; children: codes one level down.
  const std::string parent = index.Parent(code);
  ctx.set("has_parent", Bool(!parent.empty()));
  ctx.set("parent", parent);
  ctx.set("parent_name", EscapeMarkdown(parent.empty() ? "" : index.Name(parent)));
  list children;
  for (const auto& c : index.Children(code)) {
    data row;
    row.set("code", c);
    row.set("name", EscapeMarkdown(index.Name(c)));
    children.push_back(std::move(row));
  }
  ctx.set("has_children", Bool(!children.empty()));
  Put(ctx, "children", children);
  list rows;
  rows.reserve(index.Records(code).size());  // kainjow's data is copied, not moved, as a list grows
  ForEachRow(code, index, [&](const Record& d, const model::MaybeFigure& total,
                              const model::MaybeFigure& part_a, const model::MaybeFigure& part_b,
                              const char* table) {
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

std::string CodePageKey(const std::string& code, const CodeIndex& index) {
  std::string key = code + '\0' + index.Name(code) + '\0' + index.Parent(code) + '\0';
  if (const std::string parent = index.Parent(code); !parent.empty()) key += index.Name(parent);
  for (const auto& c : index.Children(code)) key += '\0' + c + '\0' + index.Name(c);
  key += '\n';
  auto figure = [&](const model::MaybeFigure& f) {
    if (f)
      key += std::to_string(f->amount.fen()) + ',' + std::to_string(f->amount.decimals()) + ',' +
             std::to_string(f->line);
    key += '\0';
  };
  ForEachRow(code, index, [&](const Record& d, const model::MaybeFigure& total,
                              const model::MaybeFigure& part_a, const model::MaybeFigure& part_b,
                              const char* table) {
    key += d.id + '\0' + d.Name() + '\0' + std::to_string(d.year) + '\0';
    figure(total);
    figure(part_a);
    figure(part_b);
    key += table;
    key += '\n';
  });
  return key;
}

}  // namespace gongkai::pages

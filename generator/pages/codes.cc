// Records' classification rows -> codes.md and code.md contexts.
#include "pages/codes.h"

#include <set>

#include "model/classification.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::FigureLink;

std::string CodeName(const std::string& code, const std::vector<const Record*>& all) {
  for (const auto* d : all) {
    for (const auto& f : d->functional)
      if (f.code == code) return f.name;
    for (const auto& e : d->economic)
      if (e.code == code) return e.name;
  }
  for (const auto* d : all)
    for (const auto& c : d->classes)
      if (c.code == code) return c.name;
  return model::FunctionalClassName(code);
}

std::vector<std::string> AllCodes(const std::vector<const Record*>& all) {
  std::set<std::string> codes;
  for (const auto* d : all) {
    for (const auto& f : d->functional) codes.insert(f.code);
    for (const auto& e : d->economic) codes.insert(e.code);
    for (const auto& c : d->classes) codes.insert(c.code);
  }
  return {codes.begin(), codes.end()};
}

data CodesContext(const std::vector<const Record*>& all) {
  data ctx;
  list functional, economic;
  for (const auto& code : AllCodes(all)) {
    data row;
    row.set("code", code);
    row.set("name", EscapeMarkdown(CodeName(code, all)));
    int count = 0;
    for (const auto* d : all) {
      bool has = false;
      for (const auto& f : d->functional) has |= f.code == code;
      for (const auto& e : d->economic) has |= e.code == code;
      for (const auto& c : d->classes) has |= c.code == code;
      count += has;
    }
    row.set("count", std::to_string(count));
    row.set("indent", std::string(code.size() == 5 ? "　" : code.size() == 7 ? "　　" : ""));
    (code[0] == '2' ? functional : economic).push_back(row);
  }
  ctx.set("functional", functional);
  ctx.set("economic", economic);
  return ctx;
}

data CodeContext(const std::string& code, const std::vector<const Record*>& all) {
  data ctx;
  ctx.set("code", code);
  ctx.set("name", EscapeMarkdown(CodeName(code, all)));
  bool functional = code[0] == '2';
  ctx.set("kind", functional ? "支出功能分类科目" : "部门预算支出经济分类科目");
  ctx.set("level", code.size() == 3 ? "类" : code.size() == 5 ? "款" : "项");
  ctx.set("is_functional", Bool(functional));
  auto codes = AllCodes(all);
  // Parent: the longest other code that prefixes this one; children: codes one level down.
  std::string parent;
  for (const auto& c : codes)
    if (c.size() < code.size() && code.compare(0, c.size(), c) == 0 && c.size() > parent.size())
      parent = c;
  ctx.set("has_parent", Bool(!parent.empty()));
  ctx.set("parent", parent);
  ctx.set("parent_name", EscapeMarkdown(parent.empty() ? "" : CodeName(parent, all)));
  list children;
  for (const auto& c : codes) {
    if (c.size() <= code.size() || c.compare(0, code.size(), code) != 0) continue;
    bool direct = true;
    for (const auto& mid : codes)
      if (mid.size() > code.size() && mid.size() < c.size() && c.compare(0, mid.size(), mid) == 0)
        direct = false;
    if (!direct) continue;
    data row;
    row.set("code", c);
    row.set("name", EscapeMarkdown(CodeName(c, all)));
    children.push_back(row);
  }
  ctx.set("has_children", Bool(!children.empty()));
  ctx.set("children", children);
  list rows;
  for (const auto* d : all) {
    std::string src = "../source/" + d->id + ".html";
    auto add = [&](const model::MaybeFigure& a, const model::MaybeFigure& b,
                   const model::MaybeFigure& c, const std::string& table) {
      data row;
      row.set("id", d->id);
      row.set("name", EscapeMarkdown(d->Name()));
      row.set("year", d->year ? std::to_string(d->year) : std::string("—"));
      row.set("total", FigureLink(a, src));
      row.set("part_a", FigureLink(b, src));
      row.set("part_b", FigureLink(c, src));
      row.set("table", table);
      rows.push_back(row);
    };
    bool found = false;
    for (const auto& f : d->functional)
      if (f.code == code) {
        add(f.total, f.basic, f.project, "部门支出总表");
        found = true;
      }
    for (const auto& e : d->economic)
      if (e.code == code) {
        add(e.total, e.personnel, e.public_, "基本支出表");
        found = true;
      }
    if (!found)
      for (const auto& c : d->classes)
        if (c.code == code) add(c.amount, std::nullopt, std::nullopt, "收支总表");
  }
  ctx.set("rows", rows);
  ctx.set("part_a_label", functional ? "基本支出" : "人员经费");
  ctx.set("part_b_label", functional ? "项目支出" : "公用经费");
  return ctx;
}

}  // namespace gongkai::pages

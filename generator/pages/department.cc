// Disclosure -> department.md context. Document text is escaped for Markdown here; the template
// inserts it with {{{ }}} so Mustache does not HTML-escape it a second time (cmark does).
#include "pages/department.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "checks/subjects.h"
#include "model/json.h"
#include "pages/glossary.h"
#include "parse/sections.h"
#include "parse/text.h"
#include "render/charts.h"
#include "render/context.h"
#include "render/markdown.h"
#include "render/overview.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::Put;
using render::PutList;
using render::PutText;
using render::EscapeMarkdown;
using render::AddOverview;
using render::HasClassesChart;
using render::FigureLink;
using render::LineLink;
using render::LineLinks;
using render::SeverityLabel;
using render::HasSplitChart;

data DepartmentContext(const model::Disclosure& d) {
  const std::string src = "../source/" + d.id + ".html";
  data ctx;
  PutText(ctx, "id", d.id);
  PutText(ctx, "name", EscapeMarkdown(d.department.name.empty() ? d.id : d.department.name));
  PutText(ctx, "year", d.year ? std::to_string(d.year) : std::string("—"));
  PutText(ctx, "region", EscapeMarkdown(d.department.region.empty() ? "—" : d.department.region));
  static const std::pair<const char*, const char*> kLevels[] = {
      {"province", "省级"}, {"city", "市级"}, {"county", "县级"}, {"district", "区级"}};
  std::string level = "—";
  for (const auto& [k, v] : kLevels)
    if (d.department.level == k) level = v;
  PutText(ctx, "level", level);
  PutText(ctx, "source_href", src);
  PutText(ctx, "json_href", "../data/" + d.id + ".json");
  PutText(ctx, "kind", d.kind == "final_account" ? "决算" : "预算");
  AddOverview(d, src, ctx);

  auto key = [&](const std::string& label, const model::MaybeFigure& f) {
    data row;
    PutText(row, "label", label);
    PutText(row, "amount", FigureLink(f, d));
    return row;
  };
  const auto& s = d.summary;
  const auto& e = d.expenditure;
  const auto& t = d.three_public;
  list keys;
  keys.reserve(12);
  keys.push_back(key("收入总计", s.income_total));
  keys.push_back(key("支出总计", s.expenditure_total));
  keys.push_back(key("本年收入合计", s.current_income));
  keys.push_back(key("本年支出合计", s.current_expenditure));
  keys.push_back(key("上年结转", s.carryover_in));
  keys.push_back(key("结转下年", s.carryover_out));
  keys.push_back(key("支出合计（部门支出总表）", e.total));
  keys.push_back(key("基本支出", e.basic));
  keys.push_back(key("项目支出", e.project));
  keys.push_back(key("人员经费", e.personnel));
  keys.push_back(key("公用经费", e.public_));
  keys.push_back(key("“三公”经费", t.total));
  PutList(ctx, "key_figures", std::move(keys));
  PutText(ctx, "summary_table", s.table == "fiscal_summary" ? "财政拨款收支总表" : "部门收支总表");
  ctx.set("summary_is_fiscal", Bool(s.table == "fiscal_summary"));

  list income;
  income.reserve(s.income_items.size());
  for (const auto& i : s.income_items) {
    data row;
    PutText(row, "name", EscapeMarkdown(i.name));
    PutText(row, "amount", FigureLink(i.amount, d));
    income.push_back(std::move(row));
  }
  PutList(ctx, "income_items", std::move(income));
  ctx.set("has_income_items", Bool(!s.income_items.empty()));

  list classes;
  classes.reserve(s.expenditure_classes.size());
  for (const auto& c : s.expenditure_classes) {
    data row;
    PutText(row, "code", "[" + c.code + "](../codes/" + c.code + ".html)");
    PutText(row, "name", EscapeMarkdown(c.name));
    PutText(row, "amount", FigureLink(c.amount, d));
    classes.push_back(std::move(row));
  }
  PutList(ctx, "classes", std::move(classes));
  ctx.set("has_classes", Bool(!s.expenditure_classes.empty()));

  list functional;
  functional.reserve(d.functional.size());
  for (const auto& r : d.functional) {
    data row;
    PutText(row, "code", "[" + r.code + "](../codes/" + r.code + ".html)");
    PutText(row, "name", EscapeMarkdown(r.name));
    PutText(row, "indent", std::string(r.level == 2 ? "　" : r.level == 3 ? "　　" : ""));
    PutText(row, "total", FigureLink(r.total, d));
    PutText(row, "basic", FigureLink(r.basic, d));
    PutText(row, "project", FigureLink(r.project, d));
    PutText(row, "note", EscapeMarkdown(r.note));
    functional.push_back(std::move(row));
  }
  PutList(ctx, "functional", std::move(functional));
  ctx.set("has_functional", Bool(!d.functional.empty()));

  list economic;
  economic.reserve(d.economic.size());
  for (const auto& r : d.economic) {
    data row;
    PutText(row, "code", "[" + r.code + "](../codes/" + r.code + ".html)");
    PutText(row, "name", EscapeMarkdown(r.name));
    PutText(row, "indent", std::string(r.code.size() > 3 ? "　" : ""));
    PutText(row, "total", FigureLink(r.total, d));
    PutText(row, "personnel", FigureLink(r.personnel, d));
    PutText(row, "public", FigureLink(r.public_, d));
    economic.push_back(std::move(row));
  }
  PutList(ctx, "economic", std::move(economic));
  ctx.set("has_economic", Bool(!d.economic.empty()));

  list projects;
  projects.reserve(d.projects.size());
  for (const auto& p : d.projects) {
    data row;
    PutText(row, "name", EscapeMarkdown(p.name));
    PutText(row, "amount", FigureLink(p.amount, d));
    PutText(row, "function_code", p.function_code ? *p.function_code : std::string("—"));
    PutText(row, "category", EscapeMarkdown(p.category.empty() ? "—" : p.category));
    projects.push_back(std::move(row));
  }
  PutList(ctx, "projects", std::move(projects));
  ctx.set("has_projects", Bool(!d.projects.empty()));

  // Each part, with the previous year's figure and the change where the table prints them
  // (model::PreviousYear: kept only where the block's own sums hold).
  const model::PreviousYear& py = d.previous_year;
  const bool previous = !py.three_public.Empty(), change = !py.three_public_change.Empty();
  static const char* const kLabels[] = {"合计",           "因公出国（境）费", "公务用车购置及运行费",
                                        "公务用车购置费", "公务用车运行维护费", "公务接待费"};
  list three;
  three.reserve(std::size(model::kThreePublicParts));
  for (size_t i = 0; i < std::size(model::kThreePublicParts); ++i) {
    const auto member = model::kThreePublicParts[i].figure;
    data row = key(kLabels[i], t.*member);
    PutText(row, "previous", FigureLink(py.three_public.*member, d));
    PutText(row, "change", FigureLink(py.three_public_change.*member, d));
    three.push_back(std::move(row));
  }
  PutList(ctx, "three_public", std::move(three));
  ctx.set("has_previous_three_public", Bool(previous));
  ctx.set("has_three_public_change", Bool(change));
  PutText(ctx, "previous_three_public_header", EscapeMarkdown(py.three_public_header));
  PutText(ctx, "three_public_note", EscapeMarkdown(t.note));
  ctx.set("has_three_public_note", Bool(!t.note.empty()));

  list tables;
  tables.reserve(d.tables.size());
  for (const auto& tb : d.tables) {
    data row;
    PutText(row, "kind", parse::TableKindName(model::TableKindId(tb.kind)));
    PutText(row, "title", EscapeMarkdown(tb.title));
    PutText(row, "line", LineLink(tb.line, src));
    PutText(row, "unit", tb.unit.empty() ? std::string("—") : tb.unit + (tb.unit_inherited ? "（沿用）" : ""));
    PutText(row, "empty", tb.empty ? "空表" : "");
    tables.push_back(std::move(row));
  }
  PutList(ctx, "tables", std::move(tables));

  list findings;
  findings.reserve(d.findings.size());
  int errors = 0, warnings = 0, notices = 0;
  for (const auto& f : d.findings) {
    data row;
    PutText(row, "severity_label", SeverityLabel(f.severity));
    PutText(row, "rule", f.rule);
    // A finding of an error rule published as a warning says why (checks/corroboration.h).
    PutText(row, "message", EscapeMarkdown(f.downgraded.empty() ? f.message
                                                           : f.message + "（" + f.downgraded + "）"));
    PutText(row, "lines", LineLinks(f.lines, src));
    findings.push_back(std::move(row));
    errors += f.severity == model::Diagnostic::Severity::kError;
    warnings += f.severity == model::Diagnostic::Severity::kWarning;
    notices += f.severity == model::Diagnostic::Severity::kNotice;
  }
  PutList(ctx, "findings", std::move(findings));
  ctx.set("has_findings", Bool(!d.findings.empty()));
  PutText(ctx, "errors", std::to_string(errors));
  PutText(ctx, "warnings", std::to_string(warnings));
  PutText(ctx, "notices", std::to_string(notices));

  list claims;
  claims.reserve(d.claims.size());
  static const char* kKinds[] = {"金额", "比例", "增减", "增减比例"};
  static const std::pair<model::ClaimStatus, const char*> kStatus[] = {
      {model::ClaimStatus::kConsistent, "一致"}, {model::ClaimStatus::kInconsistent, "不一致"},
      {model::ClaimStatus::kUnchecked, "未核对"}};
  for (const auto& c : d.claims) {
    data row;
    PutText(row, "line", LineLink(c.line, src));
    PutText(row, "kind", kKinds[static_cast<int>(c.kind)]);
    PutText(row, "subject", EscapeMarkdown(c.subject.empty() ? std::string("—")
                                                         : checks::SubjectName(d, c.subject)));
    bool money = c.kind == model::Claim::Kind::kAmount || c.kind == model::Claim::Kind::kChange;
    std::string sign = c.kind == model::Claim::Kind::kChange || c.kind == model::Claim::Kind::kChangePct
                           ? (c.direction < 0 ? "−" : c.direction > 0 ? "+" : "")
                           : "";
    PutText(row, "value", sign + (money ? c.amount.WanYuan(2) : c.value_text + "%"));
    std::string status;
    for (const auto& [k, v] : kStatus)
      if (c.status == k) status = v;
    PutText(row, "status", status + (c.previous_year ? "（上年数）" : ""));
    PutText(row, "note", EscapeMarkdown(c.note));
    claims.push_back(std::move(row));
  }
  PutList(ctx, "claims", std::move(claims));
  ctx.set("has_claims", Bool(!d.claims.empty()));

  // Derived metrics, each with the lines of the figures it is computed from.
  list metrics;
  metrics.reserve(d.metrics.size());
  for (const auto& m : d.metrics) {
    if (!m.value) continue;
    data row;
    PutText(row, "label", EscapeMarkdown(m.label));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", *m.value);
    PutText(row, "value", std::string(buf) + (m.unit == "%" ? "%" : " " + m.unit));
    PutText(row, "lines", LineLinks(m.lines, src));
    metrics.push_back(std::move(row));
  }
  ctx.set("has_metrics", Bool(!metrics.empty()));
  PutList(ctx, "metrics", std::move(metrics));
  ctx.set("has_staff", Bool(d.staff.has_value()));
  PutText(ctx, "staff", d.staff ? std::to_string(*d.staff) : std::string());
  PutText(ctx, "staff_line", LineLink(d.staff_line, src));

  // Stated previous-year figures and changes.
  list changes;
  changes.reserve(d.claims.size());
  for (const auto& c : d.claims) {
    if (c.kind != model::Claim::Kind::kChange && !(c.kind == model::Claim::Kind::kAmount && c.previous_year))
      continue;
    data row;
    PutText(row, "line", LineLink(c.line, src));
    PutText(row, "subject", EscapeMarkdown(c.subject.empty() ? std::string("—") : checks::SubjectName(d, c.subject)));
    std::string what;
    if (c.kind == model::Claim::Kind::kAmount) {
      what = "上年 " + c.amount.WanYuan(2);
    } else {
      what = c.direction == 0 ? std::string("与上年相同")
                              : std::string(model::ChangeWord(c)) + " " + c.amount.WanYuan(2);
      if (c.base) what += "（上年 " + c.base->WanYuan(2) + "）";
    }
    PutText(row, "what", what);
    std::string status = c.status == model::ClaimStatus::kConsistent     ? "一致"
                         : c.status == model::ClaimStatus::kInconsistent ? "不一致"
                                                                         : "未核对";
    PutText(row, "status", status);
    changes.push_back(std::move(row));
  }
  ctx.set("has_changes", Bool(!changes.empty()));
  PutList(ctx, "changes", std::move(changes));

  // Narrative sections, with the first use of each glossary term linked to the glossary.
  std::vector<std::string> terms;
  for (const auto& g : d.glossary) terms.push_back(g.term);
  std::sort(terms.begin(), terms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // The terms still to link (of two characters or more), longest first: a term leaves the list
  // once linked, so each text position is compared only with these.
  terms.erase(std::remove_if(terms.begin(), terms.end(),
                             [](const std::string& t) { return parse::CodePointCount(t) < 2; }),
              terms.end());
  auto with_terms = [&](const std::string& text) {
    std::string out;
    size_t i = 0, plain = 0;
    while (i < text.size()) {
      bool hit = false;
      for (auto t = terms.begin(); t != terms.end(); ++t) {
        if ((*t)[0] != text[i] || text.compare(i, t->size(), *t) != 0) continue;
        const std::string term = *t;
        out += EscapeMarkdown(text.substr(plain, i - plain)) + "[" + EscapeMarkdown(term) +
               "](../" + GlossaryPath(term) + ")";
        i += term.size();
        plain = i;
        terms.erase(std::remove(terms.begin(), terms.end(), term), terms.end());
        hit = true;
        break;
      }
      if (!hit) {
        size_t k = i;
        parse::NextCodePoint(text, k);
        i = k;
      }
    }
    return out + EscapeMarkdown(text.substr(plain));
  };
  list sections;
  sections.reserve(d.sections.size());
  for (const auto& sec : d.sections) {
    data row;
    PutText(row, "title", EscapeMarkdown(sec.key == "functions" ? "主要职能" : "机构设置"));
    PutText(row, "heading", EscapeMarkdown(sec.title));
    PutText(row, "line", LineLink(sec.line, src));
    list paras;
    paras.reserve(sec.paragraphs.size());
    for (const auto& [line, text] : sec.paragraphs) {
      data p;
      PutText(p, "text", with_terms(text));
      PutText(p, "line", LineLink(line, src));
      paras.push_back(std::move(p));
    }
    PutList(row, "paragraphs", std::move(paras));
    sections.push_back(std::move(row));
  }
  PutList(ctx, "sections", std::move(sections));
  list glossary;
  glossary.reserve(d.glossary.size());
  for (const auto& g : d.glossary) {
    data row;
    PutText(row, "term", EscapeMarkdown(g.term));
    PutText(row, "path", GlossaryPath(g.term));
    PutText(row, "line", LineLink(g.line, src));
    glossary.push_back(std::move(row));
  }
  ctx.set("has_glossary", Bool(!glossary.empty()));
  PutList(ctx, "glossary", std::move(glossary));
  PutText(ctx, "classes_chart", "../charts/" + d.id + "-classes.svg");
  PutText(ctx, "split_chart", "../charts/" + d.id + "-split.svg");
  ctx.set("has_classes_chart", Bool(HasClassesChart(d)));
  ctx.set("has_split_chart", Bool(HasSplitChart(d)));

  list diags;
  diags.reserve(d.diagnostics.size());
  for (const auto& dg : d.diagnostics) {
    data row;
    PutText(row, "severity", model::SeverityName(dg.severity));
    PutText(row, "line", LineLink(dg.line, src));
    PutText(row, "message", EscapeMarkdown(dg.message));
    PutText(row, "rule", dg.rule);
    diags.push_back(std::move(row));
  }
  PutList(ctx, "diagnostics", std::move(diags));
  ctx.set("has_diagnostics", Bool(!d.diagnostics.empty()));
  return ctx;
}

}  // namespace gongkai::pages

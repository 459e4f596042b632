// Cross-document pages and downloads.
#include "render/catalog.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

#include "checks/check.h"
#include "checks/subjects.h"
#include "model/classification.h"
#include "render/markdown.h"
#include "render/pages.h"

namespace gongkai::render {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

std::string Name(const model::Disclosure& d) {
  return d.department.name.empty() ? d.id : d.department.name;
}

std::string Link(const model::MaybeFigure& f, const std::string& source_href) {
  return FigureLink(f, source_href);
}

// The name of a code as the documents give it (the first seen), or the national class name.
std::string CodeName(const std::string& code, const std::vector<const model::Disclosure*>& all) {
  for (const auto* d : all) {
    for (const auto& f : d->functional)
      if (f.code == code) return f.name;
    for (const auto& e : d->economic)
      if (e.code == code) return e.name;
  }
  for (const auto* d : all)
    for (const auto& c : d->summary.expenditure_classes)
      if (c.code == code) return c.name;
  return model::FunctionalClassName(code);
}

// True for a cell gongkai writes as a number: an optional minus, digits, an optional
// decimal part ("-12.50", "2023"). A spreadsheet reads it as that number, never a formula.
bool IsPlainNumber(const std::string& s) {
  size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && digits > 0 && dots == 0) {
      ++dots;
    } else if (s[i] >= '0' && s[i] <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return digits > 0 && s.back() != '.';
}

}  // namespace

// One CSV cell (RFC 4180 quoting). A text cell that begins with = + - @, a tab or a CR would
// be a formula to a spreadsheet (=HYPERLINK(...) from a department's name): it gets a leading
// ' (the OWASP rule for CSV injection), which spreadsheets read as "text" and do not show.
// Numbers are left as they are, negative ones included.
std::string Csv(const std::string& s) {
  const bool formula = !s.empty() &&
                       std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos &&
                       !IsPlainNumber(s);
  const std::string cell = formula ? "'" + s : s;
  bool quote = cell.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvMetric(const model::Disclosure& d, const std::string& key) {
  for (const auto& m : d.metrics)
    if (m.key == key && m.value) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", *m.value);
      return buf;
    }
  return "";
}

namespace {

std::string CsvAmount(const model::MaybeFigure& f) { return f ? f->amount.WanYuan(2) : ""; }

}  // namespace

std::string GlossaryAnchor(const std::string& term) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "g%08x", SearchKeyHash(term));
  return buf;
}

std::vector<std::string> AllCodes(const std::vector<const model::Disclosure*>& all) {
  std::set<std::string> codes;
  for (const auto* d : all) {
    for (const auto& f : d->functional) codes.insert(f.code);
    for (const auto& e : d->economic) codes.insert(e.code);
    for (const auto& c : d->summary.expenditure_classes) codes.insert(c.code);
  }
  return {codes.begin(), codes.end()};
}

data CodesContext(const std::vector<const model::Disclosure*>& all) {
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
      for (const auto& c : d->summary.expenditure_classes) has |= c.code == code;
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

data CodeContext(const std::string& code, const std::vector<const model::Disclosure*>& all) {
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
      row.set("name", EscapeMarkdown(Name(*d)));
      row.set("year", d->year ? std::to_string(d->year) : std::string("—"));
      row.set("total", Link(a, src));
      row.set("part_a", Link(b, src));
      row.set("part_b", Link(c, src));
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
      for (const auto& c : d->summary.expenditure_classes)
        if (c.code == code) add(c.amount, std::nullopt, std::nullopt, "收支总表");
  }
  ctx.set("rows", rows);
  ctx.set("part_a_label", functional ? "基本支出" : "人员经费");
  ctx.set("part_b_label", functional ? "项目支出" : "公用经费");
  return ctx;
}

data GlossaryContext(const std::vector<const model::Disclosure*>& all) {
  // Terms in the order first seen; each with the definitions of every department.
  std::vector<std::string> terms;
  for (const auto* d : all)
    for (const auto& g : d->glossary)
      if (std::find(terms.begin(), terms.end(), g.term) == terms.end()) terms.push_back(g.term);
  std::sort(terms.begin(), terms.end());
  data ctx;
  list out;
  for (const auto& term : terms) {
    data t;
    t.set("term", EscapeMarkdown(term));
    t.set("anchor", GlossaryAnchor(term));
    list defs;
    for (const auto* d : all)
      for (const auto& g : d->glossary)
        if (g.term == term) {
          data row;
          row.set("definition", EscapeMarkdown(g.definition));
          row.set("name", EscapeMarkdown(Name(*d)));
          row.set("id", d->id);
          row.set("line", std::to_string(g.line));
          defs.push_back(row);
        }
    t.set("definitions", defs);
    out.push_back(t);
  }
  ctx.set("terms", out);
  ctx.set("has_terms", Bool(!terms.empty()));
  return ctx;
}

data CompareContext(const std::vector<const model::Disclosure*>& all) {
  data ctx;
  list rows;
  for (const auto* d : all) {
    data row;
    row.set("id", d->id);
    row.set("name", EscapeMarkdown(Name(*d)));
    row.set("region", EscapeMarkdown(d->department.region.empty() ? "—" : d->department.region));
    row.set("year", d->year ? std::to_string(d->year) : std::string("—"));
    row.set("total", FigureLink(d->expenditure.total ? d->expenditure.total : d->summary.expenditure_total, "source/" + d->id + ".html"));
    for (const char* key : {"basic_share", "project_share", "personnel_share", "public_share",
                            "carryover_share", "three_public_share", "total_per_staff"}) {
      std::string v = CsvMetric(*d, key);
      row.set(key, v.empty() ? std::string("—") : v);
    }
    int errors = 0, warnings = 0;
    for (const auto& f : d->findings) {
      errors += f.severity == model::Diagnostic::Severity::kError;
      warnings += f.severity == model::Diagnostic::Severity::kWarning;
    }
    row.set("findings", std::to_string(errors) + " / " + std::to_string(warnings));
    rows.push_back(row);
  }
  ctx.set("rows", rows);
  return ctx;
}

std::string DepartmentsCsv(const std::vector<const model::Disclosure*>& all) {
  std::string out =
      "id,department,region,level,year,income_total,expenditure_total,current_income,"
      "carryover_in,basic,project,personnel,public,three_public,basic_share,project_share,"
      "personnel_share,public_share,carryover_share,three_public_share,staff,total_per_staff,"
      "errors,warnings,notices\r\n";
  for (const auto* d : all) {
    int e = 0, w = 0, n = 0;
    for (const auto& f : d->findings) {
      e += f.severity == model::Diagnostic::Severity::kError;
      w += f.severity == model::Diagnostic::Severity::kWarning;
      n += f.severity == model::Diagnostic::Severity::kNotice;
    }
    const auto& s = d->summary;
    const auto& x = d->expenditure;
    std::vector<std::string> cells = {
        d->id, Name(*d), d->department.region, d->department.level,
        d->year ? std::to_string(d->year) : "", CsvAmount(s.income_total),
        CsvAmount(s.expenditure_total), CsvAmount(s.current_income), CsvAmount(s.carryover_in),
        CsvAmount(x.basic), CsvAmount(x.project), CsvAmount(x.personnel), CsvAmount(x.public_),
        CsvAmount(d->three_public.total), CsvMetric(*d, "basic_share"),
        CsvMetric(*d, "project_share"), CsvMetric(*d, "personnel_share"),
        CsvMetric(*d, "public_share"), CsvMetric(*d, "carryover_share"),
        CsvMetric(*d, "three_public_share"), d->staff ? std::to_string(*d->staff) : "",
        CsvMetric(*d, "total_per_staff"), std::to_string(e), std::to_string(w), std::to_string(n)};
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + Csv(cells[i]);
    out += "\r\n";
  }
  return out;
}

std::string FunctionalCsv(const std::vector<const model::Disclosure*>& all) {
  std::string out = "id,department,year,code,name,level,total,basic,project,line\r\n";
  for (const auto* d : all)
    for (const auto& f : d->functional) {
      std::vector<std::string> cells = {d->id, Name(*d), d->year ? std::to_string(d->year) : "",
                                        f.code, f.name, std::to_string(f.level),
                                        CsvAmount(f.total), CsvAmount(f.basic),
                                        CsvAmount(f.project), std::to_string(f.line)};
      for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + Csv(cells[i]);
      out += "\r\n";
    }
  return out;
}

std::vector<SearchEntry> SearchEntries(const std::vector<const model::Disclosure*>& all) {
  std::vector<SearchEntry> out;
  for (const auto* d : all) {
    std::string url = "departments/" + d->id + ".html";
    std::string name = Name(*d);
    std::string head = d->department.region + " " + (d->year ? std::to_string(d->year) + "年" : "") +
                       "部门预算";
    std::string body = head;
    // What it spends on: the names of its classification rows.
    std::set<std::string> names;
    for (const auto& f : d->functional)
      if (names.insert(f.name).second) body += " " + f.name;
    for (const auto& e : d->economic)
      if (names.insert(e.name).second) body += " " + e.name;
    for (const auto& s : d->sections)
      for (const auto& [line, text] : s.paragraphs) body += " " + text;
    // Long texts in pieces, so a result loads a small entry file.
    const size_t kPiece = 1500;
    size_t first_cut = body.size() <= kPiece ? body.size() : body.rfind(' ', kPiece);
    if (first_cut == std::string::npos || first_cut == 0) first_cut = std::min(body.size(), kPiece);
    out.push_back({url, name, "department", name, body.substr(0, first_cut)});
    for (size_t at = first_cut; at < body.size();) {
      size_t cut = body.size() - at <= kPiece ? body.size() : body.rfind(' ', at + kPiece);
      if (cut == std::string::npos || cut <= at) cut = std::min(body.size(), at + kPiece);
      out.push_back({url, name + " 概况", "narrative", name, body.substr(at, cut - at)});
      at = cut;
    }
    // The narrative, in pieces: the sentences that state figures.
    std::string narrative;
    std::set<std::string> seen;
    for (const auto& c : d->claims) {
      if (!seen.insert(c.text).second) continue;
      if (narrative.size() + c.text.size() > 1500) {
        out.push_back({url, name + " 预算说明", "narrative", name, narrative});
        narrative.clear();
      }
      narrative += c.text;
    }
    if (!narrative.empty()) out.push_back({url, name + " 预算说明", "narrative", name, narrative});
    for (const auto& p : d->projects)
      out.push_back({url, p.name, "project", name,
                     p.category + " " + (p.function_code ? *p.function_code : "") + " " +
                         p.amount.amount.WanYuan(2) + " 万元"});
    for (const auto& f : d->findings) {
      const auto* rule = checks::FindRule(f.rule);
      out.push_back({"rules/" + f.rule + ".html", rule ? rule->info.title : f.rule, "finding", name,
                     f.message});
    }
  }
  for (const auto& code : AllCodes(all)) {
    std::string depts;
    for (const auto* d : all) {
      bool has = false;
      for (const auto& f : d->functional) has |= f.code == code;
      for (const auto& e : d->economic) has |= e.code == code;
      if (has) depts += Name(*d) + " ";
    }
    out.push_back({"codes/" + code + ".html", code + " " + CodeName(code, all), "code", "", depts});
  }
  std::set<std::string> terms;
  for (const auto* d : all)
    for (const auto& g : d->glossary)
      if (terms.insert(g.term).second)
        out.push_back({"glossary.html#" + GlossaryAnchor(g.term), g.term, "glossary", "",
                       g.definition});
  return out;
}

std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) out += "  <url><loc>" + EscapeHtml(base_url + p) + "</loc></url>\n";
  return out + "</urlset>\n";
}

}  // namespace gongkai::render

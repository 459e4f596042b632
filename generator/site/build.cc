// Site build orchestration: every input parsed and rendered; cross-document pages after.
#include "site/build.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/filesystem.hpp>

#include "checks/check.h"
#include "ingest/document.h"
#include "model/json.h"
#include "parse/parser.h"
#include "render/markdown.h"
#include "render/pages.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

bool ReadFile(const fs::path& p, std::string& out) {
  std::ifstream in(p.string(), std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool WriteFile(const fs::path& p, const std::string& content) {
  boost::system::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p.string(), std::ios::binary);
  if (!out) return false;
  out << content;
  return static_cast<bool>(out);
}

model::Diagnostic Error(std::string message, std::string rule) {
  return {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)};
}

bool HasError(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == model::Diagnostic::Severity::kError) return true;
  return false;
}

std::string FirstError(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == model::Diagnostic::Severity::kError)
      return (d.line ? "line " + std::to_string(d.line) + ": " : std::string()) + d.message;
  return "";
}

}  // namespace

BuildReport BuildSite(const BuildOptions& options) {
  BuildReport report;
  render::Templates templates;
  const fs::path tdir(options.templates_dir);
  struct {
    const char* file;
    std::string* slot;
  } const wanted[] = {{"layout.html", &templates.layout},
                      {"index.md", &templates.index},
                      {"department.md", &templates.department},
                      {"source.html", &templates.source},
                      {"rule.md", &templates.rule},
                      {"rules.md", &templates.rules}};
  for (const auto& w : wanted) {
    if (!ReadFile(tdir / w.file, *w.slot)) {
      report.errors.push_back(Error("cannot read template " + (tdir / w.file).string() +
                                        " (use --templates DIR)", "template-missing"));
      report.fatal = true;
    }
  }
  const fs::path content(options.content_dir);
  boost::system::error_code ec;
  if (!fs::is_directory(content, ec)) {
    report.errors.push_back(Error("content directory " + content.string() + " does not exist",
                                  "content-missing"));
    report.fatal = true;
  }
  if (report.fatal) return report;

  std::vector<fs::path> inputs;
  for (fs::directory_iterator it(content, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("README", 0) == 0) continue;
    if (!fs::is_regular_file(p, ec)) continue;
    inputs.push_back(p);
  }
  std::sort(inputs.begin(), inputs.end());

  // Build beside the output and swap in only when everything is written.
  const fs::path out(options.out_dir);
  const fs::path staging = out.parent_path() / (out.filename().string() + ".building");
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) {
    report.errors.push_back(Error("cannot create " + staging.string() + ": " + ec.message(),
                                  "output"));
    report.fatal = true;
    return report;
  }

  auto render_html = [&](const std::string& title, const std::string& root,
                         const std::string& body_html, const fs::path& dest) {
    data layout;
    layout.set("title", title);
    layout.set("root", root);
    layout.set("body", body_html);
    std::string html, error;
    if (!render::RenderTemplate(templates.layout, layout, html, error)) {
      report.errors.push_back(Error("template layout.html: " + error, "template"));
      return false;
    }
    if (!WriteFile(dest, html)) {
      report.errors.push_back(Error("cannot write " + dest.string(), "output"));
      return false;
    }
    ++report.pages;
    return true;
  };

  list index_rows;
  std::set<std::string> ids;
  std::vector<model::Disclosure> built;  // for the cross-document pages
  for (const auto& input : inputs) {
    FileReport file;
    file.path = input.string();
    ingest::Document doc;
    model::Disclosure d;
    bool loaded = ingest::ReadDocument(input.string(), doc, file.diagnostics);
    if (loaded) {
      d = parse::ParseDocument(doc);
      for (const auto& dg : d.diagnostics) file.diagnostics.push_back(dg);
      if (!HasError(d.diagnostics)) checks::RunChecks(d);
    } else {
      d.source.path = input.string();
      d.id = parse::MakeId(input.string(), doc.sha256);
    }
    std::string base = d.id;
    for (int n = 2; ids.count(d.id); ++n) d.id = base + "-" + std::to_string(n);
    ids.insert(d.id);
    bool failed = !loaded || HasError(file.diagnostics);
    if (failed) ++report.failed;
    index_rows.push_back(render::IndexRow(d, failed, FirstError(file.diagnostics)));
    // A file that failed is listed on the index with its error; no pages are made from it.
    if (!failed) {
      WriteFile(staging / "data" / (d.id + ".json"), model::ToJson(d).dump(2) + "\n");
      std::string md, error;
      if (!render::RenderTemplate(templates.department, render::DepartmentContext(d), md, error)) {
        report.errors.push_back(Error("template department.md: " + error, "template"));
      } else {
        WriteFile(staging / "departments" / (d.id + ".md"), md);
        std::string title = d.department.name.empty() ? d.id : d.department.name;
        render_html(title, "../", render::MarkdownToHtml(md),
                    staging / "departments" / (d.id + ".html"));
      }
      std::string src;
      if (!render::RenderTemplate(templates.source, render::SourceContext(d, doc), src, error)) {
        report.errors.push_back(Error("template source.html: " + error, "template"));
      } else {
        render_html("原文：" + (d.department.name.empty() ? d.id : d.department.name), "../",
                    src, staging / "source" / (d.id + ".html"));
      }
      ++report.built;
      built.push_back(std::move(d));
    }
    report.files.push_back(std::move(file));
  }

  // Rule pages: the catalogue, and for each rule every department where it fired.
  std::vector<const model::Disclosure*> all;
  for (const auto& d : built) all.push_back(&d);
  auto render_md = [&](const std::string& tmpl, const std::string& name, const data& ctx,
                       const std::string& title, const std::string& root, const fs::path& md_path,
                       const fs::path& html_path) {
    std::string md, error;
    if (!render::RenderTemplate(tmpl, ctx, md, error)) {
      report.errors.push_back(Error("template " + name + ": " + error, "template"));
      return;
    }
    WriteFile(md_path, md);
    render_html(title, root, render::MarkdownToHtml(md), html_path);
  };
  render_md(templates.rules, "rules.md", render::RulesContext(all), "核对规则", "../",
            staging / "rules" / "index.md", staging / "rules" / "index.html");
  for (const auto& r : checks::AllRules())
    render_md(templates.rule, "rule.md", render::RuleContext(r.info.id, all), r.info.title, "../",
              staging / "rules" / (r.info.id + ".md"), staging / "rules" / (r.info.id + ".html"));

  data index;
  index.set("departments", index_rows);
  index.set("count", std::to_string(inputs.size()));
  std::string md, error;
  if (!render::RenderTemplate(templates.index, index, md, error)) {
    report.errors.push_back(Error("template index.md: " + error, "template"));
  } else {
    WriteFile(staging / "index.md", md);
    render_html("gongkai 部门预算公开", "", render::MarkdownToHtml(md), staging / "index.html");
  }

  // Assets (CSS) are copied as they are.
  const fs::path assets(options.assets_dir);
  if (fs::is_directory(assets, ec)) {
    for (fs::recursive_directory_iterator it(assets, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!fs::is_regular_file(it->path(), ec)) continue;
      fs::path rel = fs::relative(it->path(), assets, ec);
      fs::create_directories((staging / "assets" / rel).parent_path(), ec);
      fs::copy_file(it->path(), staging / "assets" / rel, fs::copy_options::overwrite_existing,
                    ec);
    }
  }

  if (!report.errors.empty()) {
    fs::remove_all(staging, ec);
    report.fatal = true;
    return report;
  }
  // Swap: the previous site stays until the new one is complete.
  const fs::path old = out.parent_path() / (out.filename().string() + ".old");
  fs::remove_all(old, ec);
  if (fs::exists(out, ec)) fs::rename(out, old, ec);
  fs::rename(staging, out, ec);
  if (ec) {
    report.errors.push_back(Error("cannot move the new site into " + out.string() + ": " +
                                      ec.message(), "output"));
    report.fatal = true;
    return report;
  }
  fs::remove_all(old, ec);
  return report;
}

}  // namespace gongkai::site

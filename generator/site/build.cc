// Site build orchestration: load -> parse -> check -> compute -> render -> write, for every
// input; cross-document pages (codes, glossary, compare, rules, search, downloads) after.
#include "site/build.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/filesystem.hpp>

#include "checks/check.h"
#include "ingest/document.h"
#include "metrics/metrics.h"
#include "model/json.h"
#include "parse/parser.h"
#include "render/catalog.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/pages.h"
#include "render/search_index.h"

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

const char* const kTemplates[] = {"layout.html", "index.md",   "department.md", "source.html",
                                  "rule.md",     "rules.md",   "code.md",       "codes.md",
                                  "glossary.md", "compare.md", "search.html",   "404.html"};

// Writes the pages of one build into the staging folder and counts them.
class Writer {
 public:
  Writer(fs::path staging, std::map<std::string, std::string> templates, BuildReport& report)
      : staging_(std::move(staging)), templates_(std::move(templates)), report_(report) {}

  bool Write(const std::string& rel, const std::string& content) {
    fs::path p = staging_ / rel;
    boost::system::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p.string(), std::ios::binary);
    if (out) out << content;
    if (!out) {
      report_.errors.push_back(Error("cannot write " + p.string(), "output"));
      return false;
    }
    return true;
  }

  std::string Render(const std::string& name, const data& ctx) {
    std::string out, error;
    if (!render::RenderTemplate(templates_[name], ctx, out, error))
      report_.errors.push_back(Error("template " + name + ": " + error, "template"));
    return out;
  }

  /// An HTML page from an HTML body: wrapped in layout.html.
  void Html(const std::string& rel, const std::string& title, const std::string& body,
            const std::string& page) {
    int depth = static_cast<int>(std::count(rel.begin(), rel.end(), '/'));
    std::string root;
    for (int i = 0; i < depth; ++i) root += "../";
    data layout;
    layout.set("title", title);
    layout.set("root", root);
    layout.set("page", page);
    layout.set("body", body);
    if (Write(rel, Render("layout.html", layout))) {
      ++report_.pages;
      pages_.push_back(rel);
    }
  }

  /// A page from a Markdown template: the .md beside the .html.
  void Markdown(const std::string& rel_md, const std::string& tmpl, const data& ctx,
                const std::string& title, const std::string& page) {
    std::string md = Render(tmpl, ctx);
    Write(rel_md, md);
    std::string rel_html = rel_md.substr(0, rel_md.size() - 3) + ".html";
    Html(rel_html, title, render::MarkdownToHtml(md), page);
  }

  const std::vector<std::string>& pages() const { return pages_; }

 private:
  fs::path staging_;
  std::map<std::string, std::string> templates_;
  BuildReport& report_;
  std::vector<std::string> pages_;
};

}  // namespace

BuildReport BuildSite(const BuildOptions& options) {
  BuildReport report;
  std::map<std::string, std::string> templates;
  const fs::path tdir(options.templates_dir);
  for (const char* name : kTemplates) {
    if (!ReadFile(tdir / name, templates[name])) {
      report.errors.push_back(Error("cannot read template " + (tdir / name).string() +
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
  Writer w(staging, templates, report);

  // Per disclosure.
  list index_rows;
  std::set<std::string> ids;
  std::vector<model::Disclosure> built;
  for (const auto& input : inputs) {
    FileReport file;
    file.path = input.string();
    ingest::Document doc;
    model::Disclosure d;
    bool loaded = ingest::ReadDocument(input.string(), doc, file.diagnostics);
    if (loaded) {
      d = parse::ParseDocument(doc);
      for (const auto& dg : d.diagnostics) file.diagnostics.push_back(dg);
      if (!HasError(d.diagnostics)) {
        checks::RunChecks(d);
        metrics::ComputeMetrics(d);
      }
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
      std::string name = d.department.name.empty() ? d.id : d.department.name;
      w.Write("data/" + d.id + ".json", model::ToJson(d).dump(2) + "\n");
      w.Markdown("departments/" + d.id + ".md", "department.md", render::DepartmentContext(d),
                 name, "department");
      w.Html("source/" + d.id + ".html", "原文：" + name,
             w.Render("source.html", render::SourceContext(d, doc)), "source");
      if (std::string svg = render::ClassesChartSvg(d); !svg.empty())
        w.Write("charts/" + d.id + "-classes.svg", svg);
      if (std::string svg = render::SplitChartSvg(d); !svg.empty())
        w.Write("charts/" + d.id + "-split.svg", svg);
      ++report.built;
      built.push_back(std::move(d));
    }
    report.files.push_back(std::move(file));
  }

  // Cross-document pages.
  std::vector<const model::Disclosure*> all;
  for (const auto& d : built) all.push_back(&d);
  data index;
  index.set("departments", index_rows);
  index.set("count", std::to_string(inputs.size()));
  w.Markdown("index.md", "index.md", index, "部门预算公开", "index");
  w.Markdown("rules/index.md", "rules.md", render::RulesContext(all), "核对规则", "rules");
  for (const auto& r : checks::AllRules())
    w.Markdown("rules/" + r.info.id + ".md", "rule.md", render::RuleContext(r.info.id, all),
               r.info.title, "rule");
  w.Markdown("codes/index.md", "codes.md", render::CodesContext(all), "科目", "codes");
  for (const auto& code : render::AllCodes(all))
    w.Markdown("codes/" + code + ".md", "code.md", render::CodeContext(code, all),
               "科目 " + code, "code");
  w.Markdown("glossary.md", "glossary.md", render::GlossaryContext(all), "名词解释", "glossary");
  w.Markdown("compare.md", "compare.md", render::CompareContext(all), "部门比较", "compare");
  w.Html("search.html", "搜索", w.Render("search.html", data()), "search");
  w.Html("404.html", "找不到页面", w.Render("404.html", data()), "404");
  w.Write("data/departments.csv", render::DepartmentsCsv(all));
  w.Write("data/functional.csv", render::FunctionalCsv(all));
  for (const auto& [path, content] : render::BuildSearchIndex(render::SearchEntries(all)))
    w.Write(path, content);
  if (!options.base_url.empty()) {
    std::string base = options.base_url;
    if (base.back() != '/') base += '/';
    w.Write("sitemap.xml", render::Sitemap(base, w.pages()));
  }

  // Assets (CSS, scripts) are copied as they are.
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

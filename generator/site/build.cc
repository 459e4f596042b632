// Site build orchestration: load -> parse -> check -> compute -> render -> write, for every
// input on every core; cross-document pages (codes, glossary, compare, rules, search,
// downloads) after. Incremental: an input whose bytes, the templates and gongkai's version are
// unchanged since the last build is not parsed or rendered again — its pages are linked from
// the previous site and its model read back from its data/<id>.json. A page whose content
// did not change is linked, not rewritten. Deterministic: the same inputs give the same bytes.
#include "site/build.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <boost/filesystem.hpp>
#include <nlohmann/json.hpp>

#include "checks/check.h"
#include "ingest/document.h"
#include "ingest/sha256.h"
#include "model/json.h"
#include "parse/parser.h"
#include "pipeline/process.h"
#include "render/catalog.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/timeline.h"
#include "site/checksums.h"
#include "site/files.h"
#include "site/inputs.h"
#include "site/originals.h"
#include "site/publish.h"
#include "site/years.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::list;
using nlohmann::json;

namespace {

model::Diagnostic Error(std::string message, std::string rule) {
  return {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)};
}

std::string FirstError(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == model::Diagnostic::Severity::kError)
      return (d.line ? "line " + std::to_string(d.line) + ": " : std::string()) + d.message;
  return "";
}

const char* const kTemplates[] = {"layout.html", "index.md",   "department.md", "source.html",
                                  "rule.md",     "rules.md",   "code.md",       "codes.md",
                                  "glossary.md", "compare.md", "search.html",   "404.html",
                                  "timeline.md"};

struct FileStamp {
  int64_t size = -1;
  int64_t mtime_ns = -1;
};

FileStamp Stamp(const fs::path& p) {
  struct stat st;
  if (::stat(p.string().c_str(), &st) != 0) return {};
  FileStamp stamp{static_cast<int64_t>(st.st_size),
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  if (!S_ISDIR(st.st_mode)) return stamp;
  // A folder is one disclosure of several files: it changed when any of them did (their sizes
  // and times folded together with the folder's own, which changes when a file comes or goes).
  boost::system::error_code ec;
  for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
    if (!ingest::IsDisclosureFile(it->path().filename().string())) continue;
    FileStamp f = Stamp(it->path());
    stamp.size = stamp.size * 31 + f.size;
    stamp.mtime_ns = std::max(stamp.mtime_ns, f.mtime_ns) + (f.size & 1);
  }
  return stamp;
}

// Writes pages into the staging folder. Where the previous site has a file with exactly the
// same content, that file is linked instead (so it is not rewritten). Thread-safe.
class Output {
 public:
  Output(fs::path staging, fs::path previous) : staging_(std::move(staging)), previous_(std::move(previous)) {}

  bool Write(const std::string& rel, const std::string& content) {
    fs::path dest = staging_ / rel;
    MakeParent(dest);
    fs::path old = previous_ / rel;
    boost::system::error_code ec;
    if (!previous_.empty() && fs::file_size(old, ec) == content.size() && !ec) {
      std::string existing;
      if (ReadWholeFile(old.string(), existing) && existing == content) {
        fs::create_hard_link(old, dest, ec);
        if (!ec) return true;
      }
    }
    std::ofstream out(dest.string(), std::ios::binary);
    if (out) out << content;
    if (!out) {
      Fail("cannot write " + dest.string());
      return false;
    }
    return true;
  }

  /// Links a file of the previous site into the new one unchanged.
  bool Keep(const std::string& rel) {
    fs::path dest = staging_ / rel;
    MakeParent(dest);
    boost::system::error_code ec;
    fs::create_hard_link(previous_ / rel, dest, ec);
    if (ec && !CopyWholeFile((previous_ / rel).string(), dest.string())) {
      Fail("cannot reuse " + (previous_ / rel).string() + ": " + ec.message());
      return false;
    }
    return true;
  }

  void Fail(std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.push_back(Error(std::move(message), "output"));
  }
  std::vector<model::Diagnostic> errors() {
    std::lock_guard<std::mutex> lock(mutex_);
    return errors_;
  }

 private:
  void MakeParent(const fs::path& p) {
    // Folders are few; create them under the lock so threads do not race on them.
    std::lock_guard<std::mutex> lock(mutex_);
    fs::path parent = p.parent_path();
    if (made_.insert(parent.string()).second) {
      boost::system::error_code ec;
      fs::create_directories(parent, ec);
    }
  }

  fs::path staging_, previous_;
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
  std::set<std::string> made_;
};

// Renders templates; rendering errors are collected. Thread-safe (templates are read-only).
class Renderer {
 public:
  explicit Renderer(std::map<std::string, std::string> templates) : templates_(std::move(templates)) {}

  std::string Render(const std::string& name, const data& ctx) {
    std::string out, error;
    if (!render::RenderTemplate(templates_.at(name), ctx, out, error)) {
      std::lock_guard<std::mutex> lock(mutex_);
      errors_.push_back(Error("template " + name + ": " + error, "template"));
    }
    return out;
  }

  std::string Page(const std::string& rel, const std::string& title, const std::string& body,
                   const std::string& page) {
    int depth = static_cast<int>(std::count(rel.begin(), rel.end(), '/'));
    std::string root;
    for (int i = 0; i < depth; ++i) root += "../";
    data layout;
    layout.set("title", title);
    layout.set("root", root);
    layout.set("page", page);
    layout.set("body", body);
    return Render("layout.html", layout);
  }

  std::vector<model::Diagnostic> errors() {
    std::lock_guard<std::mutex> lock(mutex_);
    return errors_;
  }

 private:
  std::map<std::string, std::string> templates_;
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
};

// What became of one input.
struct DocResult {
  fs::path input;
  std::string name;  // file name, the manifest key
  FileReport file;
  bool loaded = false;
  bool failed = false;
  bool reused = false;
  bool rebuild = false;  // built again: its place among its department's years changed
  model::Disclosure d;
  std::vector<std::string> files;  // this input's own files in the site
  FileStamp stamp;
};

// An input whose processing threw: it fails with the exception's message, and the pages it
// had written into the staging folder are taken out again.
void Unexpected(DocResult& r, const fs::path& staging, const std::string& what) {
  boost::system::error_code ec;
  for (const auto& f : r.files) fs::remove(staging / f, ec);
  r.files.clear();
  r.failed = true;
  r.file.path = ingest::PrintableName(r.input.string());
  r.d.source.path = r.file.path;
  r.file.diagnostics.push_back(Error("internal error while building this input: " +
                                         ingest::PrintableName(what) + " (please report it)",
                                     "internal"));
}

// Drops what only the per-disclosure pages and the checks needed.
void Trim(model::Disclosure& d) {
  std::vector<model::Disclosure::IndexedRow>().swap(d.figure_index);
  std::vector<model::Disclosure::UnitLabel>().swap(d.unit_labels);
  std::vector<std::pair<int, std::string>>().swap(d.title_names);
  std::vector<std::pair<std::string, int>>().swap(d.explanations);
  d.fiscal_summary = model::Summary();
  // Claims: the search needs their sentences only, once each.
  std::vector<model::Claim> kept;
  std::set<std::string> seen;
  for (auto& c : d.claims)
    if (seen.insert(c.text).second) {
      model::Claim slim;
      slim.text = std::move(c.text);
      kept.push_back(std::move(slim));
    }
  d.claims.swap(kept);
}

std::string PerDocTemplatesHash(const std::map<std::string, std::string>& t) {
  return ingest::Sha256Hex(std::string(GONGKAI_VERSION) + '\0' + t.at("layout.html") + '\0' +
                           t.at("department.md") + '\0' + t.at("source.html"));
}

}  // namespace

BuildReport BuildSite(const BuildOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  BuildReport report;
  std::map<std::string, std::string> templates;
  const fs::path tdir(options.templates_dir);
  for (const char* name : kTemplates) {
    if (!ReadWholeFile((tdir / name).string(), templates[name])) {
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

  // A file is one disclosure; a folder is one disclosure published as several files.
  std::vector<DocResult> docs;
  for (auto& input : ListInputs(options.content_dir, report.files)) {
    DocResult r;
    r.input = std::move(input.path);
    r.name = std::move(input.name);
    docs.push_back(std::move(r));
  }
  report.skipped = static_cast<int>(report.files.size());

  // Where the build may write (see publish.h); held under the site's lock until it returns.
  OutputPlan plan;
  BuildLock lock;
  if (!PlanOutput({options.out_dir,
                   {options.content_dir, options.templates_dir, options.assets_dir},
                   options.force},
                  plan, lock, report.errors)) {
    report.fatal = true;
    return report;
  }
  const fs::path& out = plan.out;
  const fs::path& staging = plan.staging;
  const fs::path& cache = plan.cache;
  // The previous build: its site (to link unchanged files from) and its manifest.
  const std::string templates_hash = PerDocTemplatesHash(templates);
  json manifest;
  {
    std::string text;
    bool usable = fs::is_directory(out, ec) &&
                  ReadWholeFile((cache / "manifest.json").string(), text);
    if (usable) {
      manifest = json::parse(text, nullptr, false);
      if (manifest.is_discarded() || manifest.value("templates", "") != templates_hash)
        manifest = json();
    }
  }
  const bool have_previous = plan.has_site;
  Output output(staging, have_previous ? out : fs::path());
  Renderer renderer(templates);

  // Ids: from the file names, made unique in input order (so they do not depend on timing).
  // A name without ASCII letters or digits needs the file's hash for its id.
  {
    std::set<std::string> ids;
    for (auto& r : docs) {
      std::string sha;
      std::string probe = parse::MakeId(r.input.string(), std::string(64, '0'));
      if (probe.rfind("d-", 0) == 0) {
        std::string bytes;
        ReadWholeFile(r.input.string(), bytes);
        sha = ingest::Sha256Hex(bytes);
      }
      std::string id = parse::MakeId(r.input.string(), sha.empty() ? std::string(64, '0') : sha);
      std::string base = id;
      for (int n = 2; ids.count(id); ++n) id = base + "-" + std::to_string(n);
      ids.insert(id);
      r.d.id = id;
    }
  }

  // The disclosures related across years, once every input is processed (site/years.h).
  const YearRelation* relation = nullptr;

  // One input: reuse it if nothing it depends on changed, else parse, check and render it.
  auto process = [&](DocResult& r) {
    r.stamp = Stamp(r.input);
    const json* entry = nullptr;
    if (manifest.is_object() && manifest.contains("inputs") && manifest["inputs"].contains(r.name))
      entry = &manifest["inputs"][r.name];
    if (entry && have_previous && !r.rebuild && entry->value("id", "") == r.d.id &&
        entry->value("size", int64_t(-1)) == r.stamp.size &&
        entry->value("mtime_ns", int64_t(-1)) == r.stamp.mtime_ns) {
      bool failed = entry->value("failed", false);
      bool ok = true;
      if (!failed) {
        std::string text;
        ok = ReadWholeFile((out / "data" / (r.d.id + ".json")).string(), text);
        if (ok) {
          json j = json::parse(text, nullptr, false);
          ok = !j.is_discarded();
          if (ok) {
            try {
              r.d = model::FromJson(j);
            } catch (const json::exception&) {
              ok = false;
            }
          }
        }
      }
      if (ok) {
        r.reused = true;
        r.loaded = entry->value("loaded", true);
        r.failed = failed;
        r.file.path = ingest::PrintableName(r.input.string());
        for (const auto& dg : entry->value("diagnostics", json::array()))
          r.file.diagnostics.push_back(
              {dg.value("severity", "") == "error" ? model::Diagnostic::Severity::kError
               : dg.value("severity", "") == "warning" ? model::Diagnostic::Severity::kWarning
                                                        : model::Diagnostic::Severity::kNotice,
               dg.value("line", 0), dg.value("message", ""), dg.value("rule", "")});
        if (failed) {
          r.d.source.path = r.file.path;
        }
        for (const auto& f : entry->value("files", json::array())) {
          r.files.push_back(f.get<std::string>());
          output.Keep(r.files.back());
        }
        return;
      }
    }
    // Build it.
    std::string id = r.d.id;
    r.file.path = ingest::PrintableName(r.input.string());
    pipeline::Processed processed = pipeline::Process(r.input.string(), options.content_dir);
    const ingest::Document& doc = processed.doc;
    r.loaded = processed.read;
    r.failed = processed.Failed();
    r.d = std::move(processed.disclosure);
    r.d.id = id;
    if (relation) ApplyYears(*relation, r.d);
    for (auto& dg : processed.diagnostics) r.file.diagnostics.push_back(std::move(dg));
    // The files as published go into the site beside the pages made from them.
    std::vector<OriginalCopy> copies;
    if (std::string error; !r.failed && !ReadOriginals(r.d.id, doc, copies, error)) {
      r.file.diagnostics.push_back(Error(error, "original-changed"));
      r.failed = true;
    }
    // A file that failed is listed on the index with its error; no pages are made from it.
    if (r.failed) return;
    const model::Disclosure& d = r.d;
    std::string name = d.department.name.empty() ? d.id : d.department.name;
    auto emit = [&](const std::string& rel, const std::string& content) {
      output.Write(rel, content);
      r.files.push_back(rel);
    };
    std::vector<render::OriginalFile> originals;
    for (auto& c : copies) {
      emit(c.file.path, c.bytes);
      originals.push_back(std::move(c.file));
    }
    std::vector<OriginalCopy>().swap(copies);
    emit("data/" + d.id + ".json", model::ToJson(d).dump(2) + "\n");
    const auto originals_list = render::OriginalsList(originals, "../");
    data department = render::DepartmentContext(d);
    if (!d.years.key.empty()) department.set("years", render::YearLinks(d.years));
    department.set("originals", originals_list);
    std::string md = renderer.Render("department.md", department);
    emit("departments/" + d.id + ".md", md);
    std::string rel = "departments/" + d.id + ".html";
    emit(rel, renderer.Page(rel, name, render::MarkdownToHtml(md), "department"));
    rel = "source/" + d.id + ".html";
    data source = render::SourceContext(d, doc);
    source.set("originals", originals_list);
    emit(rel, renderer.Page(rel, "原文：" + name, renderer.Render("source.html", source), "source"));
    if (std::string svg = render::ClassesChartSvg(d); !svg.empty())
      emit("charts/" + d.id + "-classes.svg", svg);
    if (std::string svg = render::SplitChartSvg(d); !svg.empty())
      emit("charts/" + d.id + "-split.svg", svg);
    // The cross-document pages need less than the department page did: free the rest, so a
    // build of many thousands of disclosures stays small.
    Trim(r.d);
  };

  // Inputs on every core.
  unsigned workers = std::max(
      1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                             static_cast<unsigned>(std::max<size_t>(docs.size(), 1))));
  if (options.jobs > 0) workers = static_cast<unsigned>(options.jobs);
  auto process_all = [&](const std::vector<DocResult*>& todo) {
    const size_t total = todo.size();
    std::atomic<size_t> next{0}, finished{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < workers; ++t)
      pool.emplace_back([&] {
        for (size_t i; (i = next++) < total;) {
          // An exception must not escape a thread (that ends the process): the input fails
          // with it, and every other input is still built.
          try {
            process(*todo[i]);
          } catch (const std::exception& e) {
            Unexpected(*todo[i], staging, e.what());
          } catch (...) {
            Unexpected(*todo[i], staging, "unknown exception");
          }
          ++finished;
        }
      });
    while (options.on_progress && finished < total) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      auto elapsed = std::chrono::steady_clock::now() - start;
      options.on_progress(finished, total, std::chrono::duration<double>(elapsed).count());
    }
    for (auto& t : pool) t.join();
  };
  std::vector<DocResult*> every_input;
  for (auto& r : docs) every_input.push_back(&r);
  process_all(every_input);

  // Across the years: an input whose place among its department's years, or whose findings
  // between years, changed (a year added or removed beside it) is built again with them.
  std::vector<const model::Disclosure*> built_models;
  for (auto& r : docs)
    if (!r.failed) built_models.push_back(&r.d);
  const YearRelation years =
      RelateYears(built_models, LoadAliases(options.content_dir, report));
  relation = &years;
  std::vector<DocResult*> again;
  for (auto& r : docs) {
    if (r.failed || !YearsChanged(r.d, years)) continue;
    for (const auto& f : r.files) fs::remove(staging / f, ec);  // never write through a link
    r.files.clear();
    r.file = FileReport();
    r.rebuild = true;
    r.reused = false;
    again.push_back(&r);
  }
  process_all(again);

  auto phase = [&, last = start](const char* name) mutable {
    auto now = std::chrono::steady_clock::now();
    if (options.on_phase) options.on_phase(name, std::chrono::duration<double>(now - last).count());
    last = now;
  };
  phase("disclosures");

  // Cross-document pages.
  list index_rows;
  std::vector<const model::Disclosure*> all;
  std::vector<std::string> pages;
  for (auto& r : docs) {
    if (r.failed) ++report.failed;
    if (!r.failed) {
      ++report.built;
      all.push_back(&r.d);
    }
    if (r.reused) ++report.reused;
    index_rows.push_back(render::IndexRow(r.d, r.failed, FirstError(r.file.diagnostics)));
    for (const auto& f : r.files)
      if (f.size() > 5 && f.compare(f.size() - 5, 5, ".html") == 0) pages.push_back(f);
    report.files.push_back(r.file);
  }
  auto markdown_page = [&](const std::string& rel_md, const std::string& tmpl, const data& ctx,
                           const std::string& title, const std::string& page) {
    std::string md = renderer.Render(tmpl, ctx);
    output.Write(rel_md, md);
    std::string rel = rel_md.substr(0, rel_md.size() - 3) + ".html";
    output.Write(rel, renderer.Page(rel, title, render::MarkdownToHtml(md), page));
    pages.push_back(rel);
  };
  auto html_page = [&](const std::string& rel, const std::string& title, const std::string& tmpl,
                       const std::string& page) {
    output.Write(rel, renderer.Page(rel, title, renderer.Render(tmpl, data()), page));
    pages.push_back(rel);
  };
  data index = render::IndexContext(all, docs.size(), index_rows);
  render::AddSeriesToIndex(years.series, index);
  markdown_page("index.md", "index.md", index, "部门预算公开", "index");
  phase("index");
  markdown_page("rules/index.md", "rules.md", render::RulesContext(all), "核对规则", "rules");
  for (const auto& r : checks::AllRules())
    markdown_page("rules/" + r.info.id + ".md", "rule.md", render::RuleContext(r.info.id, all),
                  r.info.title, "rule");
  phase("rules");
  markdown_page("codes/index.md", "codes.md", render::CodesContext(all), "科目", "codes");
  for (const auto& code : render::AllCodes(all))
    markdown_page("codes/" + code + ".md", "code.md", render::CodeContext(code, all),
                  "科目 " + code, "code");
  phase("codes");
  markdown_page("glossary.md", "glossary.md", render::GlossaryContext(all), "名词解释", "glossary");
  data compare = render::CompareContext(all);
  render::AddSeriesToCompare(years.series, compare);
  markdown_page("compare.md", "compare.md", compare, "部门比较", "compare");
  WriteYearPages(years, markdown_page,
                 [&](const std::string& rel, const std::string& body) { output.Write(rel, body); });
  html_page("search.html", "搜索", "search.html", "search");
  html_page("404.html", "找不到页面", "404.html", "404");
  phase("glossary, compare, search page");
  output.Write("data/departments.csv", render::DepartmentsCsv(all));
  output.Write("data/functional.csv", render::FunctionalCsv(all));
  std::vector<render::SearchEntry> search_entries = render::SearchEntries(all);
  render::MergeYearsInSearch(years.series, search_entries);
  for (const auto& [path, body] : render::BuildSearchIndex(search_entries))
    output.Write(path, body);
  phase("csv, search index");
  std::sort(pages.begin(), pages.end());
  if (!options.base_url.empty()) {
    std::string base = options.base_url;
    if (base.back() != '/') base += '/';
    output.Write("sitemap.xml", render::Sitemap(base, pages));
  }
  report.pages = static_cast<int>(pages.size());

  // Assets (CSS, scripts) are copied as they are.
  const fs::path assets(options.assets_dir);
  if (fs::is_directory(assets, ec)) {
    for (fs::recursive_directory_iterator it(assets, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!fs::is_regular_file(it->path(), ec)) continue;
      std::string body;
      ReadWholeFile(it->path().string(), body);
      output.Write("assets/" + fs::relative(it->path(), assets, ec).generic_string(), body);
    }
  }

  phase("sitemap, assets");
  for (const auto& e : renderer.errors()) report.errors.push_back(e);
  for (const auto& e : output.errors()) report.errors.push_back(e);
  // A content folder that yields nothing does not wipe out a published site by accident.
  if (report.errors.empty() && report.built == 0 && plan.has_site && !options.force) {
    report.errors.push_back(Error("no disclosure was built from " + content.string() +
                                      "; the site in " + out.string() + " is left as it was (pass "
                                      "--force to publish an empty site)", "content-empty"));
  }
  // The marker, then SHA256SUMS over the complete staged site, marker included: only what
  // this build wrote is read.
  if (report.errors.empty()) WriteSiteMarker(plan, report.errors);
  if (report.errors.empty()) {
    ChecksumCount sums;
    std::string sums_error;
    if (!WriteChecksums(staging, have_previous ? out : fs::path(), cache / kChecksumsFile, workers,
                        sums, sums_error))
      report.errors.push_back(Error(sums_error, "output"));
    report.checksummed = sums.files;
    report.hashed = sums.hashed;
    phase("marker, checksums");
  }
  if (!report.errors.empty() || !Publish(plan, report.errors)) {
    fs::remove_all(staging, ec);
    report.fatal = true;
    return report;
  }
  phase("publish");
  KeepChecksums(out, cache / kChecksumsFile);  // if it cannot, the next build hashes every file

  // The manifest for the next build: what each input was when it was built.
  json next_manifest = {{"version", GONGKAI_VERSION}, {"templates", templates_hash},
                        {"inputs", json::object()}};
  for (const auto& r : docs) {
    json diags = json::array();
    for (const auto& dg : r.file.diagnostics)
      diags.push_back({{"severity", model::SeverityName(dg.severity)}, {"line", dg.line},
                       {"message", dg.message}, {"rule", dg.rule}});
    next_manifest["inputs"][r.name] = {{"id", r.d.id},         {"size", r.stamp.size},
                                       {"mtime_ns", r.stamp.mtime_ns}, {"failed", r.failed},
                                       {"loaded", r.loaded},   {"files", r.files},
                                       {"diagnostics", diags}};
  }
  fs::create_directories(cache, ec);
  {
    std::ofstream m((cache / "manifest.json.tmp").string(), std::ios::binary);
    m << next_manifest.dump() << "\n";
  }
  fs::rename(cache / "manifest.json.tmp", cache / "manifest.json", ec);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace gongkai::site

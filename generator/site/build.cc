// Site build orchestration, as its steps: list inputs -> load cache -> process changed inputs
// (each on every core, read and parsed once, with its document pages and its record; a
// department's changed years one after the other, their pages written once they are related
// among themselves) -> relate documents across years (once, from the records, site/years.h;
// the pages still waiting for it are written, and an input whose place among its years
// changed is built again) -> write cross pages (the plan of pages/plan.h, from the records)
// -> assets -> marker and checksums -> publish -> save cache. Incremental: an input whose
// bytes, the templates and the gongkai binary are unchanged since the last build
// (site/cache.h) is not parsed or rendered again — its pages are linked from the previous
// site and its record read from the cache. A page whose content did not change is linked,
// not rewritten (site/output.h). Deterministic: the same inputs give the same bytes.
#include "site/build.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <boost/filesystem.hpp>

#include "ingest/document.h"
#include "ingest/sha256.h"
#include "model/json.h"
#include "parse/parser.h"
#include "pipeline/process.h"
#include "pages/department.h"
#include "pages/downloads.h"
#include "pages/index.h"
#include "pages/plan.h"
#include "pages/record.h"
#include "pages/search.h"
#include "pages/source.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/originals.h"
#include "render/search_index.h"
#include "render/search_update.h"
#include "pages/timeline.h"
#include "site/cache.h"
#include "site/checksums.h"
#include "site/files.h"
#include "site/inputs.h"
#include "site/originals.h"
#include "site/output.h"
#include "site/publish.h"
#include "site/years.h"
#include "years/series.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using kainjow::mustache::data;

namespace {

const char* const kTemplates[] = {"layout.html", "index.md",   "department.md", "source.html",
                                  "rule.md",     "rules.md",   "code.md",       "codes.md",
                                  "glossary.md", "compare.md", "search.html",   "404.html",
                                  "timeline.md", "glossary-term.md"};

// A disclosure that may have other years (years::SeriesKey), processed, its originals in the
// site: its pages show its place among its years and the findings between years, so they wait
// for the relation across years. Kept in memory meanwhile (rather than read and parsed again),
// without what only the checks read (Trim).
struct Pending {
  pipeline::Processed processed;
  std::vector<render::OriginalFile> originals;
};

struct Group;

// What became of one input.
struct DocResult {
  fs::path input;
  std::string name;  // file name, the cache's key
  FileReport file;
  bool loaded = false;
  bool failed = false;
  bool reused = false;
  bool rebuild = false;  // built again: its place among its department's years changed
  std::unique_ptr<Pending> pending;  // processed, its pages waiting for the relation
  Group* group = nullptr;  // its department's changed years, built together (GroupYears)
  bool alone = false;      // the only year of its department, as PredictSeriesKey guesses
  std::unique_ptr<ReadAhead> read;  // as PredictSeriesKey read it, for ProcessInput
  int processed = 0;                 // times it was read and parsed
  std::string id;
  pages::Record record;  // what the cross pages show of it
  std::string series_key;  // of a reused input: its record's years::SeriesKey, worked out once
  std::vector<std::string> files;  // this input's own files in the site
  FileStamp stamp;
};

// The changed inputs that PredictSeriesKey gives one department, where it has two or more
// years with the unchanged ones: processed one after the other, each waiting; the last of them
// processed relates them (WriteGroup) and writes the pages of all, so that only a few models
// wait at a time.
struct Group {
  std::vector<DocResult*> changed;
  std::vector<const DocResult*> unchanged;
  std::atomic<size_t> left{0};
};

// Everything one build works with, once the output is planned.
struct Build {
  const BuildOptions& options;
  const OutputPlan& plan;
  Cache& cache;
  Output& output;
  Renderer& renderer;
  const years::Aliases& aliases;
  Waiting& waiting;                     // which processed inputs wait for the relation
  const YearRelation* years = nullptr;  // once the inputs are related across years
  std::string templates_hash = {};      // cache.h's TemplatesHash
  render::SearchState search_state = {};  // render/search_update.h's, saved with the cache
  size_t search_made = 0;               // its files made, and whether whole (BuildReport)
  bool search_whole = true;
};

// Reports the end of each phase with its wall time (BuildOptions::on_phase).
class Phases {
 public:
  explicit Phases(const BuildOptions& options) : options_(options) {}
  void End(const char* name) {
    auto now = std::chrono::steady_clock::now();
    if (options_.on_phase) options_.on_phase(name, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  const BuildOptions& options_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

// Where the process ends right after the build (BuildOptions::leave_memory), `value` is kept to
// the end rather than freed: freeing 10,000 records, 150,000 placed files' entries and the
// manifest's lists one by one was ~5% of an edit's CPU at N = 10,000 (perf), on one core after
// everything else was done. Held from a static pointer, so a leak checker does not report it.
template <typename T>
void LeaveToOs(T& value, const BuildOptions& options) {
  if (!options.leave_memory) return;
  static auto* const left = new std::vector<std::unique_ptr<T>>();
  left->push_back(std::make_unique<T>(std::move(value)));
}

std::string FirstError(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == model::Diagnostic::Severity::kError)
      return (d.line ? "line " + std::to_string(d.line) + ": " : std::string()) + d.message;
  return "";
}

// The templates and the content folder; false (report.fatal) when one is missing.
bool LoadTemplates(const BuildOptions& options, std::map<std::string, std::string>& templates,
                   BuildReport& report) {
  const fs::path tdir(options.templates_dir);
  for (const char* name : kTemplates) {
    if (!ReadWholeFile((tdir / name).string(), templates[name])) {
      report.errors.push_back(BuildError("cannot read template " + (tdir / name).string() +
                                             " (use --templates DIR)", "template-missing"));
      report.fatal = true;
    }
  }
  boost::system::error_code ec;
  if (!fs::is_directory(options.content_dir, ec)) {
    report.errors.push_back(BuildError("content directory " + options.content_dir +
                                           " does not exist", "content-missing"));
    report.fatal = true;
  }
  return !report.fatal;
}

// A file is one disclosure; a folder is one disclosure published as several files. Ids come
// from the file names, made unique in input order (so they do not depend on timing); a name
// without ASCII letters or digits needs the file's hash for its id.
std::vector<DocResult> ListDocuments(const std::string& content, BuildReport& report) {
  std::vector<DocResult> docs;
  std::vector<Input> inputs = ListInputs(content, report.files);
  docs.reserve(inputs.size());  // (a DocResult is large to move)
  for (auto& input : inputs) {
    DocResult r;
    r.input = std::move(input.path);
    r.name = std::move(input.name);
    r.stamp = input.stamp;
    docs.push_back(std::move(r));
  }
  report.skipped = static_cast<int>(report.files.size());
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
    r.id = id;
  }
  return docs;
}

// Worker threads: --jobs, else one per core (no more than there are inputs).
unsigned Workers(const BuildOptions& options, size_t inputs) {
  unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                      static_cast<unsigned>(std::max<size_t>(inputs, 1))));
  return options.jobs > 0 ? static_cast<unsigned>(options.jobs) : workers;
}

// An input whose processing threw: it fails with the exception's message, and the pages it
// had written into the staging folder are taken out again.
void Unexpected(DocResult& r, Output& output, const std::string& what) {
  for (const auto& f : r.files) output.Remove(f);
  r.files.clear();
  r.pending.reset();
  r.failed = true;
  r.file.path = ingest::PrintableName(r.input.string());
  r.file.diagnostics.push_back(BuildError("internal error while building this input: " +
                                              ingest::PrintableName(what) + " (please report it)",
                                          "internal"));
  model::Disclosure named;
  named.id = r.id;
  named.source.path = r.file.path;
  r.record = pages::MakeRecord(named, true, FirstError(r.file.diagnostics));
}

// An unchanged input: its files linked from the previous site, its record read from the
// cache. False when that cannot be read (the input is then built again).
bool ReuseInput(DocResult& r, CachedInput& entry, Build& b) {
  // Its search entries stay in the cache: the search index keeps its group unread.
  if (!b.cache.LoadRecord(r.id, r.record, /*search=*/false)) return false;
  if (!entry.failed) {
    r.series_key = years::SeriesKey(r.record.kind, r.record.year, r.record.department, b.aliases);
    b.waiting.Seen(r.series_key);
  }
  r.reused = true;
  r.loaded = entry.loaded;
  r.failed = entry.failed;
  r.file.path = ingest::PrintableName(r.input.string());
  r.file.diagnostics = std::move(entry.diagnostics);  // (Cache::Reusable: taken, not copied)
  r.files = std::move(entry.files);
  b.output.KeepAll(r.files);
  return true;
}

// Writes one of r's own files into the site (`sha256`: its hash where known, else empty).
void Emit(DocResult& r, Build& b, const std::string& rel, const std::string& content,
          const std::string& sha256 = std::string()) {
  b.output.Write(rel, content, sha256);
  r.files.push_back(rel);
}

// One disclosure's originals, the files as published, go into the site beside the pages made
// from them.
std::vector<render::OriginalFile> WriteOriginals(DocResult& r, std::vector<OriginalCopy> copies,
                                                 Build& b) {
  std::vector<render::OriginalFile> originals;
  for (auto& c : copies) {
    Emit(r, b, c.file.path, c.bytes, c.file.sha256);  // (hashed by ReadOriginals)
    originals.push_back(std::move(c.file));
  }
  return originals;
}

// One disclosure's own pages: data/<id>.json, the department page (Markdown and HTML), the
// source view and the charts.
void WriteDocumentPages(DocResult& r, const model::Disclosure& d, const ingest::Document& doc,
                        const std::vector<render::OriginalFile>& originals, Build& b) {
  std::string name = d.department.name.empty() ? d.id : d.department.name;
  auto emit = [&](const std::string& rel, const std::string& content) { Emit(r, b, rel, content); };
  emit("data/" + d.id + ".json", model::ToJson(d).dump(2) + "\n");
  const auto originals_list = render::OriginalsList(originals, "../");
  data department = pages::DepartmentContext(d);
  if (!d.years.key.empty()) department.set("years", pages::YearLinks(d.years));
  department.set("originals", originals_list);
  std::string md = b.renderer.Render("department.md", department);
  emit("departments/" + d.id + ".md", md);
  std::string rel = "departments/" + d.id + ".html";
  emit(rel, b.renderer.Page(rel, name, render::MarkdownToHtml(md), "department"));
  rel = "source/" + d.id + ".html";
  data source = pages::SourceContext(d, doc);
  source.set("originals", originals_list);
  const std::string body = b.renderer.RenderTaking("source.html", source, "lines_html");
  emit(rel, b.renderer.Page(rel, "原文：" + name, body, "source"));
  if (std::string svg = render::ClassesChartSvg(d); !svg.empty())
    emit("charts/" + d.id + "-classes.svg", svg);
  if (std::string svg = render::SplitChartSvg(d); !svg.empty())
    emit("charts/" + d.id + "-split.svg", svg);
}

// The bytes of a document's lines.
size_t TextBytes(const ingest::Document& doc) {
  size_t text = 0;
  for (const auto& line : doc.lines) text += line.size() + 1;
  return text;
}

// About the memory a processed disclosure takes, once trimmed: measured (mallinfo2) at 211 KiB
// for a generated text disclosure of 44 KiB, 262 KiB for content/'s of 42 KiB on average.
size_t HeldBytes(const pipeline::Processed& p) { return 6 * TextBytes(p.doc); }

// The text of the inputs PredictSeriesKey read that are kept until they are processed, so that
// they are not read twice: ~950 generated disclosures (at N = 1,000, 45 MB of text, peak RSS
// 100 -> 146 MB), a tenth of them at N = 10,000; the others are read again.
constexpr size_t kReadAheadBytes = size_t{40} << 20;

// Drops what only the checks read, which a waiting disclosure need not keep: the words of a
// PDF's lines (their lines and pages stay), the figure index, the unit labels, the titles'
// names. Its pages are the same without them.
void Trim(pipeline::Processed& p) {
  for (auto& line : p.doc.geometry) std::vector<ingest::Word>().swap(line.words);
  model::Disclosure& d = p.disclosure;
  decltype(d.figure_index)().swap(d.figure_index);
  decltype(d.unit_labels)().swap(d.unit_labels);
  decltype(d.title_names)().swap(d.title_names);
}

// A processed input's pages and record, with its place among its years and the findings
// between years once the inputs are related (`relation`).
void WritePages(DocResult& r, Pending& p, Build& b, const YearRelation* relation) {
  model::Disclosure& d = p.processed.disclosure;
  if (relation) ApplyYears(*relation, d);
  if (!r.failed) WriteDocumentPages(r, d, p.processed.doc, p.originals, b);
  r.record = pages::MakeRecord(d, r.failed, FirstError(r.file.diagnostics));
}

// Runs step(). An exception must not escape a thread (that ends the process): the input fails
// with it, and every other input is still built.
template <typename Step>
void Guarded(DocResult& r, const Build& b, Step step) {
  try {
    step();
  } catch (const std::exception& e) {
    Unexpected(r, b.output, e.what());
  } catch (...) {
    Unexpected(r, b.output, "unknown exception");
  }
}

// Calls fn(i) for every i < n on `workers` threads, and meanwhile, about five times a second,
// progress(done) on this one (when given). Where fn throws, the first exception is rethrown
// here once every thread is done (an exception must not escape a thread).
template <typename Fn>
void OnEveryCore(size_t n, unsigned workers, Fn fn,
                 const std::function<void(size_t done)>& progress = nullptr) {
  std::atomic<size_t> next{0}, finished{0};
  std::exception_ptr failed;
  std::mutex mutex;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < workers; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next++) < n; ++finished) {
        try {
          fn(i);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          if (!failed) failed = std::current_exception();
        }
      }
    });
  while (progress && finished < n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    progress(finished);
  }
  for (auto& t : pool) t.join();
  if (failed) std::rethrow_exception(failed);
}

// Relates the inputs built among `inputs` across years, from their records as the relation
// reads them (pages::YearsView, kept in `views`: the relation's series point into them). The
// claims of the year facts and the metrics, which only the checks between consecutive years
// and the pages across years read, only of an input whose department has another year among
// them (at N = 10,000, ~60 MB else).
YearRelation RelateRecords(const std::vector<const DocResult*>& inputs,
                           const years::Aliases& aliases, std::vector<model::Disclosure>& views,
                           unsigned workers = 1) {
  std::vector<std::string> keys;
  std::unordered_map<std::string, int> years_of;  // by series key (years::GroupIntoSeries's)
  for (const auto* r : inputs)
    if (!r->failed) {
      const pages::Record& d = r->record;
      keys.push_back(r->reused ? r->series_key  // (worked out once, by ReuseInput)
                               : years::SeriesKey(d.kind, d.year, d.department, aliases));
      if (!keys.back().empty()) ++years_of[keys.back()];
    }
  // The views made on `workers` threads (0.14 s of an edit at N = 10,000 on one).
  std::vector<std::pair<const pages::Record*, bool>> made;
  size_t k = 0;
  for (const auto* r : inputs)
    if (!r->failed) {
      const std::string& key = keys[k++];
      made.emplace_back(&r->record, !key.empty() && years_of[key] > 1);
    }
  const size_t first = views.size();
  views.resize(first + made.size());
  auto view = [&](size_t i) { views[first + i] = pages::YearsView(*made[i].first, made[i].second); };
  if (workers <= 1 || made.size() < 1024) {  // (a group of a few years, on a worker: no threads)
    for (size_t i = 0; i < made.size(); ++i) view(i);
  } else {
    OnEveryCore(made.size(), workers, view);
  }
  std::vector<const model::Disclosure*> built;
  for (const auto& d : views) built.push_back(&d);
  return RelateYears(built, aliases);
}

// The inputs of a group, all processed: related among themselves and with their
// department's unchanged years, their pages written. (RelateAcrossYears checks this against
// the relation of every input: where the guess was wrong, an input is built again.)
void WriteGroup(Group& g, Build& b) {
  std::vector<const DocResult*> inputs(g.changed.begin(), g.changed.end());
  inputs.insert(inputs.end(), g.unchanged.begin(), g.unchanged.end());
  std::vector<model::Disclosure> views;
  const YearRelation relation = RelateRecords(inputs, b.aliases, views);
  for (auto* r : g.changed)
    if (r->pending)
      Guarded(*r, b, [&] {
        WritePages(*r, *r->pending, b, &relation);
        r->pending.reset();
      });
}

// A changed input: read -> parse -> check -> metrics (pipeline/process.h), its originals
// copied, its document pages written, its record made. A file that failed is listed on the
// index with its error; no pages are made from it. Before the relation across years, a
// disclosure that may have other years (of a group, or Waiting) keeps its model (r.pending)
// and only its record (for the relation) is made: its pages are written once it is related.
void ProcessInput(DocResult& r, Build& b) {
  r.file.path = ingest::PrintableName(r.input.string());
  ++r.processed;
  auto p = std::make_unique<Pending>();
  if (r.read) {
    p->processed =
        pipeline::Process(std::move(r.read->doc), r.read->diagnostics, &r.read->identity);
    r.read.reset();
  } else {
    p->processed = pipeline::Process(r.input.string(), b.options.content_dir);
  }
  model::Disclosure& d = p->processed.disclosure;
  d.id = r.id;
  r.loaded = p->processed.read;
  r.failed = p->processed.Failed();
  for (auto& dg : p->processed.diagnostics) r.file.diagnostics.push_back(std::move(dg));
  std::vector<OriginalCopy> copies;
  if (std::string error; !r.failed && !ReadOriginals(d.id, p->processed.doc, copies, error)) {
    r.file.diagnostics.push_back(BuildError(error, "original-changed"));
    r.failed = true;
  }
  if (!r.failed) p->originals = WriteOriginals(r, std::move(copies), b);
  const bool waits =
      !r.failed && !b.years && !r.alone &&
      (r.group || b.waiting.Wait(years::SeriesKey(d, b.aliases), HeldBytes(p->processed)));
  if (waits) {
    r.record = pages::MakeRecord(d, r.failed, FirstError(r.file.diagnostics));
    Trim(p->processed);
    r.pending = std::move(p);
  } else {
    WritePages(r, *p, b, b.years);
  }
  if (r.group && !b.years && --r.group->left == 0) WriteGroup(*r.group, b);
}

// Groups the changed inputs `rest` by the key PredictSeriesKey gives them (worked out on every
// core; what it read is kept for the pipeline within kReadAheadBytes), with their department's
// unchanged years among `docs`, where a department has two or more; orders `rest` so that
// each group's inputs follow each other, before the others.
std::map<std::string, Group> GroupYears(std::vector<DocResult*>& rest,
                                        const std::vector<DocResult*>& docs, const Build& b,
                                        unsigned workers) {
  std::vector<std::string> keys(rest.size());
  std::atomic<size_t> kept{0};
  OnEveryCore(rest.size(), workers, [&](size_t i) {
    try {
      auto read = std::make_unique<ReadAhead>();
      keys[i] = PredictSeriesKey(rest[i]->input.string(), b.aliases, *read);
      if (read->read && (kept += TextBytes(read->doc)) <= kReadAheadBytes)
        rest[i]->read = std::move(read);
    } catch (...) {  // a guess only: the input is then processed as one without one
    }
  });
  std::map<std::string, Group> groups;
  for (size_t i = 0; i < rest.size(); ++i)
    if (!keys[i].empty()) groups[keys[i]].changed.push_back(rest[i]);
  for (const auto* r : docs)
    if (r->reused && !r->failed)
      if (auto it = groups.find(r->series_key); it != groups.end())
        it->second.unchanged.push_back(r);
  std::vector<DocResult*> ordered;
  for (auto it = groups.begin(); it != groups.end();) {
    Group& g = it->second;
    if (g.changed.size() + g.unchanged.size() < 2) {
      g.changed.front()->alone = true;
      it = groups.erase(it);
      continue;
    }
    if (g.changed.size() > b.options.max_group) {  // not one department (build.h)
      it = groups.erase(it);
      continue;
    }
    g.left = g.changed.size();
    for (auto* r : g.changed) {
      r->group = &g;
      ordered.push_back(r);
    }
    ++it;
  }
  for (auto* r : rest)
    if (!r->group) ordered.push_back(r);
  rest = std::move(ordered);
  return groups;
}

// Every input, on every core: first those reused because nothing they depend on changed (so
// the departments they show are known), then the others: one waiting for the relation gets
// its pages, the rest are processed, a department's years together (GroupYears) before the
// relation across years.
void ProcessInputs(const std::vector<DocResult*>& docs, Build& b, const Phases& phases) {
  const unsigned workers = Workers(b.options, docs.size());
  OnEveryCore(docs.size(), workers, [&](size_t i) {
    DocResult& r = *docs[i];
    if (r.pending || r.rebuild) return;
    Guarded(r, b, [&] {
      if (r.stamp.size < 0) r.stamp = Stamp(r.input);  // a folder (a file's was listed)
      if (CachedInput* entry = b.cache.Reusable(r.name, r.id, r.stamp))
        ReuseInput(r, *entry, b);
    });
  });
  std::vector<DocResult*> rest;
  for (auto* r : docs)
    if (!r->reused && !r->failed) rest.push_back(r);
  std::map<std::string, Group> groups;
  if (!b.years) groups = GroupYears(rest, docs, b, workers);
  std::function<void(size_t)> progress;
  if (b.options.on_progress)
    progress = [&](size_t done) { b.options.on_progress(done, rest.size(), phases.Seconds()); };
  OnEveryCore(rest.size(), workers, [&](size_t i) {
    DocResult& r = *rest[i];
    Guarded(r, b, [&] {
      if (!r.pending) return ProcessInput(r, b);
      WritePages(r, *r.pending, b, b.years);
      r.pending.reset();
    });
  }, progress);
  for (auto* r : rest) r->group = nullptr;  // (a group's input that threw still waits)
}

// The disclosures built (from their records, so a reused input relates like a built one) as
// the relation across years reads them (pages::YearsView), and the relation, made once.
struct Related {
  std::vector<model::Disclosure> views;  // the relation's series point into it
  YearRelation relation;
};

// Relates the documents across years; writes (on every core, as the first pass) the pages of
// the inputs waiting for it, and builds again the unchanged inputs whose place among their
// department's years, or whose findings between years, changed (a year added or removed
// beside them). The views then show every input as built, with its years.
void RelateAcrossYears(std::vector<DocResult>& docs, Related& related, Build& b,
                       const Phases& phases) {
  std::vector<const DocResult*> inputs;
  for (const auto& r : docs) inputs.push_back(&r);
  related.relation =
      RelateRecords(inputs, b.aliases, related.views, Workers(b.options, inputs.size()));
  std::vector<DocResult*> again;
  size_t v = 0;
  for (auto& r : docs) {
    if (r.failed) continue;
    model::Disclosure& view = related.views[v++];
    if (!r.pending && !YearsChanged(view, related.relation)) continue;
    ApplyYears(related.relation, view);
    again.push_back(&r);
    if (r.pending) continue;
    for (const auto& f : r.files) b.output.Remove(f);  // never write through a link
    r.files.clear();
    r.file = FileReport();
    r.rebuild = true;
    r.reused = false;
  }
  b.years = &related.relation;
  ProcessInputs(again, b, phases);
  b.years = nullptr;
  // Of the year facts, the cross pages read only the headline figures (years::Timeline).
  for (auto& view : related.views) {
    decltype(view.year_facts.prior)().swap(view.year_facts.prior);
    decltype(view.year_facts.prior_index)().swap(view.year_facts.prior_index);
    decltype(view.year_facts.sure)().swap(view.year_facts.sure);
  }
}

// One page of the plan: a Markdown page and its HTML twin, or an HTML page. A page with a key
// (pages::Page::key; hashed with the templates into `key`) that the last build gave it too is
// linked from the last site, its context not made.
void WritePage(const pages::Page& page, Build& b, std::string& key) {
  const std::string html = pages::HtmlPath(page);
  // The last site's page (and its Markdown), linked where it has them.
  auto link_last = [&] {
    if (!b.output.HasPrevious(html) || !b.output.HasPrevious(page.path)) return false;
    b.output.Keep(page.path);
    if (html != page.path) b.output.Keep(html);
    return true;
  };
  if (page.key && b.cache.Usable()) {
    const std::string& last = b.cache.PageKey(page.path);
    if (page.unchanged && !last.empty() && link_last()) {  // made from what the last one was
      key = last;
      return;
    }
  }
  if (page.key) {
    key = ingest::Sha256Hex(b.templates_hash + '\0' + page.path + '\0' + page.title + '\0' +
                            page.kind + '\0' + page.key());
    if (b.cache.Usable() && b.cache.PageKey(page.path) == key && link_last()) return;
  }
  const std::string body = b.renderer.Render(page.tmpl, page.context());
  if (html == page.path) {
    b.output.Write(html, b.renderer.Page(html, page.title, body, page.kind));
    return;
  }
  // The same Markdown under the same layout (the cache is usable) makes the same page: the
  // previous site's is linked, and the Markdown is not converted again.
  if (b.cache.Usable() && b.output.HasPrevious(html) && b.output.Reuse(page.path, body)) {
    b.output.Keep(html);
    return;
  }
  b.output.Write(page.path, body);
  b.output.Write(html, b.renderer.Page(html, page.title, render::MarkdownToHtml(body), page.kind));
}

// The search index's state in the cache folder (render/search_update.h).
constexpr const char* kSearchStateFile = "search.state";

// The key under which the cross pages' keys keep the templates' hash (cache.h TemplatesHash),
// so that a build can tell whether its pages are made as the last build's were.
constexpr const char* kTemplatesKey = "(templates)";

// What changed since the last build, for pages::Collection::code_changes (pages/codes.h
// CodeChanges: the codes of the records built this time, of the last build's records of those
// inputs and of the inputs gone, and of them those used now and not then or the other way, and
// those whose records gained or lost one; `index`: the codes of every record now) and
// pages::Collection::list_changes (pages/paging.h ListChanges: the records built, the rules
// and terms whose list of departments gained or lost one). Both null where the last build's
// pages cannot be told apart: no usable cache, other templates, a last record that cannot be
// read.
struct Changes {
  std::shared_ptr<const pages::CodeChanges> codes;
  std::shared_ptr<const pages::ListChanges> lists;
};

Changes ChangesSince(const std::vector<DocResult>& docs, const pages::CodeIndex& index,
                     const Build& b) {
  if (!b.cache.Usable() || b.cache.PageKey(kTemplatesKey) != b.templates_hash) return {};
  auto changes = std::make_shared<pages::CodeChanges>();
  auto lists = std::make_shared<pages::ListChanges>();
  std::set<std::string> last_codes;  // of the last build's records of inputs built or gone
  // What the cross pages list a record under: the rules of its findings, the terms it
  // explains, the codes of its rows and those of its summary's 类 (pages::CodeIndex).
  struct Listed {
    std::set<std::string> rules, terms, row_codes, class_codes;
  };
  auto listed = [](const pages::Record& r) {
    Listed out;
    for (const auto& f : r.findings) out.rules.insert(f.rule);
    for (const auto& g : r.glossary) out.terms.insert(g.term);
    for (const auto& f : r.functional) out.row_codes.insert(f.code);
    for (const auto& e : r.economic) out.row_codes.insert(e.code);
    for (const auto& c : r.classes) out.class_codes.insert(c.code);
    return out;
  };
  auto add_codes = [](const Listed& l, std::set<std::string>& codes) {
    codes.insert(l.row_codes.begin(), l.row_codes.end());
    codes.insert(l.class_codes.begin(), l.class_codes.end());
  };
  // What is listed under one of `now` and `then` only, into the lists that gained or lost a
  // department (a failed input is listed under nothing: the cross pages list the disclosures
  // built).
  static const Listed kNone;
  auto differ = [&](const Listed& now, const Listed& then) {
    auto one = [](const std::set<std::string>& a, const std::set<std::string>& b,
                  std::set<std::string>& out) {
      std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(),
                                    std::inserter(out, out.end()));
    };
    one(now.rules, then.rules, lists->rules);
    one(now.terms, then.terms, lists->terms);
    one(now.row_codes, then.row_codes, changes->listed);
    one(now.class_codes, then.class_codes, changes->listed);
  };
  std::unordered_set<std::string> kept;  // the last build's records
  for (auto& id : b.cache.RecordIds()) kept.insert(std::move(id));
  std::unordered_set<const pages::Record*> built;
  pages::Record last;
  for (const auto& r : docs) {
    if (r.reused) {
      kept.erase(r.id);
      continue;
    }
    built.insert(&r.record);
    const Listed now = listed(r.record);
    add_codes(now, changes->rows);
    if (!kept.erase(r.id)) {  // new
      differ(r.failed ? kNone : now, kNone);
      continue;
    }
    if (!b.cache.LoadRecord(r.id, last, /*search=*/false)) return {};
    const Listed then = listed(last);
    add_codes(then, last_codes);
    differ(r.failed ? kNone : now, last.failed ? kNone : then);
  }
  for (const auto& id : kept) {  // inputs gone
    if (!b.cache.LoadRecord(id, last, /*search=*/false)) return {};
    const Listed then = listed(last);
    add_codes(then, last_codes);
    differ(kNone, last.failed ? kNone : then);
  }
  changes->rows.insert(last_codes.begin(), last_codes.end());
  // Used by the last build: by a record of then, or by one not built since (which it had).
  for (const auto& code : changes->rows) {
    const bool now = index.Has(code);
    bool then = last_codes.count(code) > 0;
    if (!then && now)
      for (const auto* r : index.Records(code))
        if (!built.count(r)) {
          then = true;
          break;
        }
    if (now != then) changes->used.insert(code);
  }
  lists->built = std::move(built);
  return {changes, lists};
}

// data/timeline.csv, and the path under which the cross pages' keys keep its list of series
// (SeriesListKey; its own path keeps its SHA-256, as for the other CSVs).
constexpr const char* kTimelineCsv = "data/timeline.csv";
constexpr const char* kTimelineSeries = "data/timeline.csv series";

// The search index's last state (render/search_update.h), null where there is none to use, taken
// out of the cache folder until it is saved again after publishing: a build stopped in between
// leaves none to trust.
std::unique_ptr<const render::SearchState> TakeSearchState(const Build& b) {
  const fs::path path = b.plan.cache / kSearchStateFile;
  FileBytes bytes;  // (~4 MB at N = 10,000)
  auto state = std::make_unique<render::SearchState>();
  const bool read = b.cache.Usable() && bytes.Read(path.string()) &&
                    render::ReadSearchStateFile(bytes.view(), *state);
  boost::system::error_code ec;
  fs::remove(path, ec);
  if (!read) state.reset();
  return state;
}

// The build's cache found damaged where it is read late (a record's search entries, where the
// search index is made whole): the build stops with it as its error, publishing nothing.
struct CacheDamaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The files made from every disclosure together that are not pages: the CSV downloads (a
// department not built this time has the rows the last site's file holds for it:
// pages::MakeCsv; only when the file is the bytes the last build wrote, by the SHA-256 kept as
// its page key: a row edited in place in the published site must not be carried into a new
// file, blessed with a new checksum; a CSV that comes out as the last file's bytes is linked)
// and the department's files across the years (site/years.h), on a thread of their own,
// beside the search index, made from the last build's where it can be. A series none of whose
// years was built this time (`built`: the ids of the inputs built) has the places the last
// build gave its years (else they would have been built again), so the same years, each with
// the same record: its files across years and its rows of timeline.csv are the last build's.
// timeline.csv (which lists the series of one year too) is linked unread when no series has a
// year built and the list of series is the last build's (its key, `series_key`). The search
// index's last state comes from `last_search` (TakeSearchState, started before the cross pages).
void WriteDownloads(const pages::Collection& c, const YearRelation& relation,
                    const std::unordered_set<std::string>& built,
                    std::map<std::string, std::string>& page_keys, Build& b,
                    std::future<std::unique_ptr<const render::SearchState>>& last_search) {
  const std::string& series_key = page_keys[kTimelineSeries];
  const auto& all = c.built;
  auto unbuilt = [&](const years::Series& s) {
    return b.cache.Usable() && std::none_of(s.years.begin(), s.years.end(), [&](const auto* d) {
             return built.count(d->id) > 0;
           });
  };
  auto same = [&](const years::Series& s) {
    return unbuilt(s) && b.output.HasPrevious("data/timelines/" + s.key + ".json");
  };
  const bool same_all = b.cache.PageKey(kTimelineSeries) == series_key &&
                        !b.cache.PageKey(kTimelineCsv).empty() &&
                        b.output.HasPrevious(kTimelineCsv) &&
                        std::all_of(relation.series.begin(), relation.series.end(), unbuilt);
  const std::array<const pages::CsvDownload*, 2> csvs = {&pages::kDepartmentsCsv,
                                                         &pages::kFunctionalCsv};
  // Of each CSV placed (departments, functional, timeline), its SHA-256: its next page key.
  std::array<std::string, 3> csv_sha256;
  const std::array<const char*, 3> csv_paths = {csvs[0]->path, csvs[1]->path, kTimelineCsv};
  // A CSV made by make(previous, unchanged) from the last site's file where that is the bytes
  // the last build wrote; linked when it comes out the same. The last file is mapped, not read
  // into a string (FileBytes: at N = 10,000 they are 2, 23 and 35 MB), and the new one written
  // from its runs of it (pages::Spliced).
  auto place_csv = [&](size_t i, const auto& make) {
    const std::string path = csv_paths[i];
    FileBytes last_csv;
    if (!b.cache.Usable() || !b.output.ReadPrevious(path, last_csv) ||
        ingest::Sha256Hex(last_csv.view()) != b.cache.PageKey(path))
      last_csv.Clear();
    bool unchanged = false;
    const pages::Spliced body = make(last_csv.view(), unchanged);
    if (unchanged) {
      if (b.output.Keep(path)) csv_sha256[i] = b.cache.PageKey(path);
      return;
    }
    const Pieces pieces = body.Pieces();  // (runs of last_csv, which outlives them)
    csv_sha256[i] = ingest::Sha256Hex(pieces);
    b.output.Write(path, pieces, csv_sha256[i]);
  };
  std::thread downloads([&] {
    try {
      if (same_all) {
        if (b.output.Keep(kTimelineCsv)) csv_sha256[2] = b.cache.PageKey(kTimelineCsv);
      } else {
        place_csv(2, [&](std::string_view last, bool& unchanged) {
          return pages::TimelineCsv(relation.series, last, unbuilt, &unchanged);
        });
      }
      for (size_t i = csvs.size(); i-- > 0;) {
        place_csv(i, [&](std::string_view last, bool& unchanged) {
          return pages::MakeCsv(
              *csvs[i], all, last, [&](const pages::Record& d) { return built.count(d.id) == 0; },
              &unchanged);
        });
      }
      WriteYearFiles(
          relation, same,
          [&](const std::string& rel, const std::string& body) { b.output.Write(rel, body); },
          [&](const std::string& rel) {
            if (b.output.HasPrevious(rel)) b.output.Keep(rel);
          });
    } catch (const std::exception& e) {  // an exception must not escape a thread
      b.output.Fail(std::string("downloads: internal error: ") + e.what());
    } catch (...) {
      b.output.Fail("downloads: internal error: unknown exception");
    }
  });
  // The search index: made from the last build's where it can (render/search_update.h).
  render::SearchIndexOptions options;
  options.threads = Workers(b.options, all.size());
  const std::unique_ptr<const render::SearchState> last = last_search.get();
  QueuedWrites queued(b.output);  // (the previous site's files it reads are not the staging's)
  const render::SearchFiles files{
      [&](const std::string& rel, std::string& body) { return b.output.ReadPrevious(rel, body); },
      [&](const std::string& rel) { queued.Keep(rel); },
      [&](const std::string& rel, std::string body) {
        ++b.search_made;
        queued.Write(rel, std::move(body));
      }};
  try {
    const pages::SearchGroups groups =
        pages::MakeSearchGroups(c, [&](const pages::Record& r) { return built.count(r.id) == 0; });
    const std::string identity = BinaryIdentity() + " " + std::to_string(options.shard_bytes) + " " +
                                 std::to_string(options.chunk_bytes) + " " +
                                 std::to_string(options.piece_bytes) + " " +
                                 std::to_string(options.head_postings) + " " +
                                 std::to_string(options.page_postings);
    // Where the index must be made whole: the reused records' entries, read from the cache.
    std::unordered_map<std::string, std::vector<render::SearchEntry>> read;
    pages::SearchGroups complete;
    auto make_complete = [&]() -> const std::vector<render::SearchGroup>& {
      for (const auto* r : all)
        if (r->search_deferred && !b.cache.LoadSearch(r->id, read[r->id])) {
          b.cache.Forget();  // (damaged since its record was read without them)
          throw CacheDamaged("the build's cache " + b.plan.cache.string() +
                             " holds damaged search entries of " + r->id +
                             ": nothing is published, and the cache is cleared (the next build "
                             "builds every input again)");
        }
      complete = pages::MakeSearchGroups(
          c, [&](const pages::Record& r) { return built.count(r.id) == 0; },
          [&](const pages::Record& r) -> const std::vector<render::SearchEntry>& {
            return read.at(r.id);
          });
      return complete.groups;
    };
    b.search_state = render::WriteSearchIndex(groups.groups, options, identity, last.get(), files,
                                              b.search_whole, make_complete);
  } catch (const CacheDamaged& e) {  // the build's error: it publishes nothing
    queued.Finish();
    downloads.join();
    b.output.Fail(e.what());
    return;
  } catch (...) {
    queued.Finish();
    downloads.join();
    throw;
  }
  queued.Finish();
  downloads.join();
  for (size_t i = 0; i < csv_paths.size(); ++i)
    if (!csv_sha256[i].empty()) page_keys[csv_paths[i]] = csv_sha256[i];
}

// The pages made from every disclosure together (pages/plan.h), the downloads and the
// sitemap. Returns every HTML page of the site (the document pages included), sorted.
std::vector<std::string> WriteCrossPages(const std::vector<DocResult>& docs,
                                         const YearRelation& relation, Build& b, Phases& phases,
                                         std::map<std::string, std::string>& page_keys) {
  // The search index's last state read while the cross pages are made (~0.05 s at N = 10,000).
  auto last_search = std::async(std::launch::async, [&b] { return TakeSearchState(b); });
  pages::Collection collection;
  collection.series = &relation.series;
  std::vector<std::string> html;
  for (const auto& r : docs) {
    collection.records.push_back(&r.record);
    if (!r.failed) collection.built.push_back(&r.record);
    for (const auto& f : r.files)
      if (f.size() > 5 && f.compare(f.size() - 5, 5, ".html") == 0) html.push_back(f);
  }
  // The findings and the glossary indexed on another core while the codes are (at N = 10,000,
  // ~0.1 and ~0.15 s of an edit on one).
  auto other_indexes = std::async(std::launch::async, [&collection] {
    collection.findings = std::make_shared<const pages::FindingIndex>(collection.built);
    collection.glossary = std::make_shared<const pages::GlossaryIndex>(collection.built);
  });
  collection.codes = std::make_shared<const pages::CodeIndex>(collection.built);
  Changes changes = ChangesSince(docs, *collection.codes, b);
  other_indexes.get();
  collection.code_changes = std::move(changes.codes);
  collection.list_changes = std::move(changes.lists);
  page_keys[kTemplatesKey] = b.templates_hash;
  // The pages of one kind after another (for the phase times), each kind's on every core.
  std::vector<pages::Page> plan = pages::CrossPages(collection);
  phases.End("cross-page plan");
  const unsigned workers = Workers(b.options, plan.size());
  std::vector<std::string> keys(plan.size());
  for (size_t begin = 0, end; begin < plan.size(); begin = end) {
    for (end = begin + 1; end < plan.size() && plan[end].kind == plan[begin].kind;) ++end;
    OnEveryCore(end - begin, workers, [&](size_t i) {
      const pages::Page& page = plan[begin + i];
      try {
        WritePage(page, b, keys[begin + i]);
      } catch (const std::exception& e) {
        b.output.Fail(page.path + ": internal error: " + e.what());
      }
    });
    for (size_t i = begin; i < end; ++i) {
      html.push_back(pages::HtmlPath(plan[i]));
      if (!keys[i].empty()) page_keys[plan[i].path] = keys[i];
    }
    phases.End(plan[begin].kind.c_str());
  }
  std::unordered_set<std::string> built;  // the inputs built this time, by id
  for (const auto& r : docs)
    if (!r.reused) built.insert(r.id);
  page_keys[kTimelineSeries] = SeriesListKey(relation);
  WriteDownloads(collection, relation, built, page_keys, b, last_search);
  phases.End("csv, search index");
  std::sort(html.begin(), html.end());
  if (!b.options.base_url.empty()) {
    std::string base = b.options.base_url;
    if (base.back() != '/') base += '/';
    b.output.Write("sitemap.xml", pages::Sitemap(base, html));
  }
  // (The collection and the plan are freed here, not left to the OS: see BuildSite.)
  return html;
}

// Assets (CSS, scripts) are copied as they are.
void CopyAssets(const std::string& assets_dir, Output& output) {
  const fs::path assets(assets_dir);
  boost::system::error_code ec;
  if (!fs::is_directory(assets, ec)) return;
  for (fs::recursive_directory_iterator it(assets, ec), end; !ec && it != end; it.increment(ec)) {
    if (!fs::is_regular_file(it->path(), ec)) continue;
    std::string body;
    ReadWholeFile(it->path().string(), body);
    output.Write("assets/" + fs::relative(it->path(), assets, ec).generic_string(), body);
  }
}

// The report's counts and each input's diagnostics, in input order.
void Tally(const std::vector<DocResult>& docs, BuildReport& report) {
  for (const auto& r : docs) {
    report.failed += r.failed;
    report.built += !r.failed;
    report.reused += r.reused;
    report.processed += r.processed;
    report.files.push_back(r.file);
  }
}

// The marker, then SHA256SUMS over the complete staged site, marker included, both from the
// files the build placed (not a walk of the folder): what this build wrote was hashed as it
// was written, what it linked keeps its checksum, the rest is read. Files of a recycled spare
// the build did not place are removed (`files`: every file of the site but SHA256SUMS, their
// paths maybe in `kept_sums`, the last site's checksums, which must outlive them). A content
// folder that yields nothing does not wipe out a published site by accident.
bool SealSite(Build& b, BuildReport& report, unsigned workers, std::vector<PlacedFile>& files,
              std::future<std::unique_ptr<const KeptChecksums>>& kept_reading,
              std::unique_ptr<const KeptChecksums>& kept_sums) {
  if (report.errors.empty() && report.built == 0 && b.plan.has_site && !b.options.force) {
    report.errors.push_back(BuildError("no disclosure was built from " + b.options.content_dir +
                                           "; the site in " + b.plan.out.string() +
                                           " is left as it was (pass --force to publish an "
                                           "empty site)", "content-empty"));
  }
  // The files in the order of the last site's (its kept checksums, read while the site was
  // built), only those it has not sorted; where they are the last site's, its marker kept.
  const fs::path kept = b.plan.cache / kChecksumsFile;
  kept_sums = kept_reading.get();
  files = b.output.Placed(kept_sums->lines.empty() ? nullptr : &kept_sums->lines, kSiteMarker);
  std::string_view marker_sha256;
  if (report.errors.empty() &&
      !(SameFilesAsKept(files, *kept_sums, marker_sha256) &&
        KeepSiteMarker(b.output, files, marker_sha256)))
    WriteSiteMarker(b.output, files, report.errors);
  if (!report.errors.empty()) return false;
  b.output.RemoveUnplaced({kChecksumsFile});
  ChecksumCount sums;
  std::string sums_error;
  if (!WriteChecksums(b.plan.staging, kept, *kept_sums, files, workers, sums, sums_error))
    report.errors.push_back(BuildError(sums_error, "output"));
  report.checksummed = sums.files;
  report.hashed = sums.hashed;
  return report.errors.empty();
}

// The cache for the next build, made but not in place (Cache::Prepare: the records of the
// inputs built appended): what each input was when it was built (its files and diagnostics
// moved there: the build is done with them), and the search index's state.
struct CacheText {
  Cache::Prepared cache;
  std::string search_state;
};
CacheText PrepareCache(std::vector<DocResult>& docs, const Build& b,
                       const std::string& per_document_hash,
                       const std::map<std::string, std::string>& page_keys) {
  std::map<std::string, CachedInput> inputs;
  std::vector<const pages::Record*> built;
  for (auto& r : docs) {
    inputs[r.name] = {r.id, r.stamp, r.failed, r.loaded, std::move(r.files),
                      std::move(r.file.diagnostics)};
    if (!r.reused) built.push_back(&r.record);
  }
  CacheText text{b.cache.Prepare(per_document_hash, inputs, built, page_keys),
                 render::SearchStateFile(b.search_state)};
  LeaveToOs(inputs, b.options);
  return text;
}

}  // namespace

BuildReport BuildSite(const BuildOptions& options) {
  Phases phases(options);
  BuildReport report;
  std::map<std::string, std::string> templates;
  if (!LoadTemplates(options, templates, report)) return report;
  // The inputs are listed while the output is planned, on two cores (each ~0.1 s of an edit at
  // N = 10,000, the other core idle): ListDocuments writes only the report's files and skipped,
  // which PlanOutput does not touch.
  auto listing = std::async(std::launch::async,
                            [&] { return ListDocuments(options.content_dir, report); });
  // Where the build may write (see publish.h); held under the site's lock until it returns.
  OutputPlan plan;
  BuildLock lock;
  const bool planned = PlanOutput({options.out_dir,
                                   {options.content_dir, options.templates_dir, options.assets_dir},
                                   options.force},
                                  plan, lock, report.errors);
  std::vector<DocResult> docs = listing.get();
  if (!planned) {
    report.fatal = true;
    return report;
  }
  boost::system::error_code ec;
  const std::string per_document_hash = PerDocumentHash(templates);
  auto output_held = std::make_unique<Output>(plan.staging, plan.has_site ? plan.out : fs::path(),
                                             std::move(plan.staged));
  Output& output = *output_held;
  if (plan.spare)
    output.UseSpare(std::move(plan.spare_differs),
                    plan.spare_proven ? std::optional<uint64_t>(plan.spare_bytes) : std::nullopt);
  Renderer renderer(templates);
  const years::Aliases aliases = LoadAliases(options.content_dir, report);
  Waiting waiting(options.waiting_budget);
  auto cache = std::make_unique<Cache>(
      Cache::Load(plan.cache, plan.has_site && fs::is_directory(plan.out, ec), per_document_hash));
  Build b{options, plan, *cache, output, renderer, aliases, waiting};
  b.templates_hash = TemplatesHash(templates);
  // The last site's checksums, kept in the cache, read meanwhile (~18 MB, ~160,000 lines at
  // N = 10,000): the site is sealed in their order (SealSite).
  auto kept_reading = std::async(std::launch::async, [&plan] {
    return ReadKeptChecksums(plan.cache / kChecksumsFile);
  });

  std::vector<DocResult*> every_input;
  for (auto& r : docs) every_input.push_back(&r);
  ProcessInputs(every_input, b, phases);
  phases.End("disclosures");
  Related related;
  RelateAcrossYears(docs, related, b, phases);
  phases.End("across years");
  Tally(docs, report);
  std::map<std::string, std::string> page_keys;  // the cross pages', for the next build
  report.pages =
      static_cast<int>(WriteCrossPages(docs, related.relation, b, phases, page_keys).size());
  report.search_made = b.search_made;
  report.search_whole = b.search_whole;
  CopyAssets(options.assets_dir, output);
  phases.End("sitemap, assets");
  // What only the cross pages read is freed before the site is sealed and the cache made, not
  // left to the OS: the views across years, the records of the inputs not built (the cache
  // keeps them; PrepareCache writes those built), the cross pages' indexes and plan. The
  // ~80 MB that the file list, the marker, the checksums and the cache's text take then reuse
  // memory the process has touched already (README, Benchmark: memory is time here). An edit at
  // N = 10,000, a few seconds after the last build: 1.24-1.31 s against 1.29-1.37 s left to the
  // OS (six each, in turn), peak RSS 390-400 against 437-443 MB.
  related = Related();
  for (auto& r : docs)
    if (r.reused) r.record = pages::Record();

  for (const auto& e : renderer.errors()) report.errors.push_back(e);
  for (const auto& e : output.errors()) report.errors.push_back(e);
  // The cache's text is made on another core while the site is sealed (an edit's marker and
  // checksums are mostly on one: ~0.1 s each at N = 10,000); once the site is in place, the
  // cache is put in place while the spare is made (Publish).
  auto cache_text = std::async(std::launch::async, [&] {
    return PrepareCache(docs, b, per_document_hash, page_keys);
  });
  std::vector<PlacedFile> files;  // every file of the site
  std::unique_ptr<const KeptChecksums> kept_sums;  // (files' paths may be in it)
  if (SealSite(b, report, Workers(options, docs.size()), files, kept_reading, kept_sums))
    phases.End("marker, checksums");
  auto save_cache = [&] {
    KeepChecksums(plan.out, plan.cache / kChecksumsFile);  // if it cannot, the next build hashes every file
    const CacheText text = cache_text.get();
    b.cache.Commit(text.cache);
    WriteFileAtomically((plan.cache / kSearchStateFile).string(), text.search_state);
  };
  SpareLeft spare;
  if (!report.errors.empty() ||
      !Publish(plan, output.Bytes(), WrittenPaths(files), spare, report.errors, save_cache)) {
    fs::remove_all(plan.staging, ec);
    report.fatal = true;
    return report;
  }
  // If it cannot, the next build walks the site.
  NoteSiteFolders(plan, files, spare, output.TouchedFolders());
  phases.End("publish, save cache");
  report.seconds = phases.Seconds();
  LeaveToOs(docs, options);
  LeaveToOs(files, options);
  LeaveToOs(kept_sums, options);
  LeaveToOs(output_held, options);
  LeaveToOs(cache, options);
  return report;
}

}  // namespace gongkai::site

// Generates a corpus: reads the sources, makes each document, writes files and the manifest.
#include "corpus/corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <boost/filesystem.hpp>

#include "corpus/injection.h"
#include "corpus/random.h"
#include "ingest/document.h"
#include "parse/identity.h"

namespace gongkai::corpus {

namespace fs = boost::filesystem;

bool LoadSource(const std::string& name, std::string_view bytes, Source& out, std::string& error) {
  ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  if (!ingest::LoadDocument(name, bytes, doc, diagnostics)) {
    error = diagnostics.empty() ? "cannot be read" : diagnostics.front().message;
    return false;
  }
  out = Source();
  out.name = name;
  out.lines = std::move(doc.lines);
  if (!FindIdentity(out.lines, out.identity)) {
    error = "names no department that begins with a place (such as 苍溪县…局)";
    return false;
  }
  int year_line = 0;
  out.year = parse::FindYear(out.lines, year_line);
  if (out.year == 0) {
    error = "states no budget year (such as 2023年部门预算 or 预算年度：2023)";
    return false;
  }
  out.numbers = FindNumbers(out.lines);
  std::map<std::string, int> own = ErrorsByRule(out.lines);
  for (int k = 2; k <= 9; ++k) {
    std::vector<std::string> scaled = out.lines;
    RewriteNumbers(scaled, out.numbers, k, 0);
    bool clean = true;
    for (const auto& [rule, count] : ErrorsByRule(scaled)) clean &= own.count(rule) > 0;
    if (clean) out.factors.push_back(k);
  }
  if (out.factors.empty()) {
    out.residuals_scaled = true;
    for (int k = 2; k <= 9; ++k) out.factors.push_back(k);
  }
  return true;
}

GeneratedDocument GenerateDocument(const Source& source, uint64_t index, uint64_t seed) {
  GeneratedDocument g;
  g.seed = DocumentSeed(seed, index);
  Random rng(g.seed);
  g.factor = source.factors[rng.Below(source.factors.size())];
  static const int kDeltas[] = {-3, -2, -1, 1, 2};
  int delta = kDeltas[rng.Below(5)];
  g.year = source.year + delta;
  Identity to = GenerateIdentity(rng, source.identity);
  g.department = to.name;

  std::vector<std::string> lines = source.lines;
  RewriteNumbers(lines, source.numbers, g.factor, delta);  // offsets are the source's
  ReplaceIdentity(lines, source.identity, to);             // names hold no digits
  g.injected = Inject(lines, InjectionFor(index));

  char number[24];
  std::snprintf(number, sizeof number, "%05llu", static_cast<unsigned long long>(index));
  g.file_name = std::to_string(g.year) + "-" + to.slug + "-" + number + ".txt";
  size_t size = 0;
  for (const auto& l : lines) size += l.size() + 1;
  g.text.reserve(size);
  for (const auto& l : lines) {
    g.text += l;
    g.text += '\n';
  }
  return g;
}

CorpusReport GenerateCorpus(const CorpusOptions& options) {
  CorpusReport report;
  boost::system::error_code ec;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(options.from_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("README", 0) == 0 || name == "MANIFEST.tsv")
      continue;
    // The generator rewrites text; PDF disclosures (and folders of them) are not its sources.
    std::string ext = it->path().extension().string();
    if (ext != ".txt" && ext != ".md") continue;
    if (fs::is_regular_file(it->path(), ec)) paths.push_back(it->path());
  }
  if (ec) {
    report.fatal = true;
    report.errors.push_back(options.from_dir + ": cannot list the sources: " + ec.message());
    return report;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Source> sources;
  for (const auto& p : paths) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Source s;
    std::string error;
    if (!in || !LoadSource(p.filename().string(), bytes.str(), s, error)) {
      report.errors.push_back(p.string() + ": not used as a source: " + error);
      continue;
    }
    report.sources.push_back(s.name);
    if (s.residuals_scaled)
      report.notes.push_back(p.string() + ": its rounding residuals exceed the tolerance under "
                             "every factor 2..9: generated files report them as errors");
    sources.push_back(std::move(s));
  }
  if (sources.empty()) {
    report.fatal = true;
    report.errors.push_back(options.from_dir + ": no disclosure to make a corpus from");
    return report;
  }
  fs::create_directories(options.out_dir, ec);
  if (ec) {
    report.fatal = true;
    report.errors.push_back(options.out_dir + ": cannot create the directory: " + ec.message());
    return report;
  }
  std::ostringstream manifest;
  manifest << "file\tsource\tseed\tfactor\tinjected\tyear\tdepartment\n";
  for (uint64_t i = 0; i < options.n; ++i) {
    const Source& source = sources[i % sources.size()];
    GeneratedDocument g = GenerateDocument(source, i, options.seed);
    fs::path path = fs::path(options.out_dir) / g.file_name;
    std::ofstream out(path.string(), std::ios::binary | std::ios::trunc);
    out << g.text;
    if (!out) {
      report.fatal = true;
      report.errors.push_back(path.string() + ": cannot write");
      return report;
    }
    ++report.written;
    if (!g.injected.empty()) ++report.injected[g.injected];
    else if (InjectionFor(i) != Injection::kNone) ++report.injection_missed;
    manifest << g.file_name << '\t' << source.name << '\t' << g.seed << '\t' << g.factor << '\t'
             << (g.injected.empty() ? "-" : g.injected) << '\t' << g.year << '\t'
             << g.department << '\n';
  }
  std::ofstream out((fs::path(options.out_dir) / "MANIFEST.tsv").string(),
                    std::ios::binary | std::ios::trunc);
  out << manifest.str();
  if (!out) {
    report.fatal = true;
    report.errors.push_back(options.out_dir + "/MANIFEST.tsv: cannot write");
  }
  return report;
}

}  // namespace gongkai::corpus

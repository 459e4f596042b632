// Generates a corpus: reads the sources, makes each document, writes files and the manifest.
#include "corpus/corpus.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <boost/filesystem.hpp>

#include "corpus/injection.h"
#include "corpus/random.h"
#include "corpus/three_public_block.h"
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
  model::Disclosure d;
  std::map<std::string, int> own = CheckText(out.lines, &d);
  out.series = FindPriorYearStatements(out.lines, out.numbers, d);
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

namespace {

constexpr int kDeltas[] = {-3, -2, -1, 1, 2};

// "00042": at least 5 digits.
std::string FiveDigits(uint64_t n) {
  char number[24];
  std::snprintf(number, sizeof number, "%05llu", static_cast<unsigned long long>(n));
  return number;
}

// The file name and text of document `index`, made of `lines` about `to`.
void Assemble(GeneratedDocument& g, const std::vector<std::string>& lines, const Identity& to,
              uint64_t index) {
  g.department = to.name;
  g.file_name = std::to_string(g.year) + "-" + to.slug + "-" + FiveDigits(index) + ".txt";
  size_t size = 0;
  for (const auto& l : lines) size += l.size() + 1;
  g.text.reserve(size);
  for (const auto& l : lines) {
    g.text += l;
    g.text += '\n';
  }
}

// Series with series % 4 == 1 get a plant, of the rule (series / 4) % 2 says, else the other.
std::vector<std::string> PlantRules(uint64_t series) {
  if (series % 4 != 1) return {};
  if ((series / 4) % 2 == 0) return {kPriorYearFigure, kPriorYearChange};
  return {kPriorYearChange, kPriorYearFigure};
}

// k_t after k_(t-1) = `previous` (0: the first year): another of the source's factors, within
// 2 of it where the source has one (3 -> 4 is +33%; 2 -> 9 would be +350%).
int NextFactor(Random& rng, const std::vector<int>& factors, int previous) {
  std::vector<int> near, other;
  for (int k : factors) {
    if (k == previous) continue;
    (previous == 0 || std::abs(k - previous) <= 2 ? near : other).push_back(k);
  }
  const std::vector<int>& from = !near.empty() ? near : !other.empty() ? other : factors;
  return from[rng.Below(from.size())];
}

// The source's lines with amounts × factor, years + year_delta, the statements about the
// previous year as `overrides` say (none: as the source has them, scaled), about `to`.
std::vector<std::string> Rewritten(const Source& source, int factor, int year_delta,
                                   const Identity& to,
                                   const std::map<size_t, std::string>& overrides = {}) {
  std::vector<std::string> lines = source.lines;
  RewriteNumbers(lines, source.series.spans, factor, year_delta, overrides);  // source offsets
  ReplaceIdentity(lines, source.identity, to);  // names hold no digits
  return lines;
}

// Plants the first of `rules` that one of the source's statements can carry without a new error
// of the document's own checks (up to kMaxPlantAttempts tries): `lines` (the document as
// restated with `overrides`) are replaced by the planted ones and `plant` says where.
void PlantFirst(const Source& source, const std::vector<std::string>& rules, int factor,
                int previous, int year_delta, const Identity& to,
                const std::map<size_t, std::string>& overrides, std::vector<std::string>& lines,
                Plant& plant) {
  constexpr int kMaxPlantAttempts = 8;
  if (rules.empty()) return;
  std::map<std::string, int> before = ErrorsByRule(lines);
  int attempts = 0;
  for (const std::string& rule : rules) {
    for (size_t candidate = 0; attempts < kMaxPlantAttempts; ++candidate, ++attempts) {
      std::map<size_t, std::string> planted = overrides;
      corpus::Plant p;
      if (!PlantInconsistency(source.series, rule, candidate, factor, previous, planted, p)) break;
      std::vector<std::string> changed = Rewritten(source, factor, year_delta, to, planted);
      bool clean = true;
      for (const auto& [r, count] : ErrorsByRule(changed)) clean &= count <= before[r];
      if (!clean) continue;
      lines = std::move(changed);
      plant = p;
      return;
    }
  }
}

// A new identity whose name is not in `taken` (up to 64 draws), added to it.
Identity UnusedIdentity(Random& rng, const Identity& source, std::set<std::string>& taken) {
  Identity to = GenerateIdentity(rng, source);
  for (int attempt = 0; taken.count(to.name) && attempt < 64; ++attempt)
    to = GenerateIdentity(rng, source);
  taken.insert(to.name);
  return to;
}

}  // namespace

GeneratedDocument GenerateDocument(const Source& source, uint64_t index, uint64_t seed) {
  GeneratedDocument g;
  g.seed = DocumentSeed(seed, index);
  Random rng(g.seed);
  g.factor = source.factors[rng.Below(source.factors.size())];
  int delta = kDeltas[rng.Below(5)];
  g.year = source.year + delta;
  Identity to = GenerateIdentity(rng, source.identity);

  std::vector<std::string> lines = Rewritten(source, g.factor, delta, to);
  g.injected = Inject(lines, InjectionFor(index));
  Assemble(g, lines, to, index);
  return g;
}

std::vector<GeneratedDocument> GenerateSeries(const Source& source, uint64_t series,
                                              uint64_t first_index, int years, uint64_t seed,
                                              std::set<std::string>& departments) {
  Random rng(DocumentSeed(seed, first_index));
  int delta = kDeltas[rng.Below(5)];
  Identity to = UnusedIdentity(rng, source.identity, departments);
  std::vector<GeneratedDocument> out;
  const std::optional<ThreePublicBlock> block = FindThreePublicBlock(source.lines);
  int previous = 0;
  for (int t = 0; t < years; ++t) {
    GeneratedDocument g;
    g.seed = DocumentSeed(seed, first_index + t);
    g.series = "series-" + FiveDigits(series);
    g.factor = NextFactor(rng, source.factors, previous);
    g.year = source.year + delta + t;
    std::map<size_t, std::string> overrides;
    if (t > 0) overrides = RestatePriorYear(source.series, g.factor, previous);
    std::vector<std::string> lines = Rewritten(source, g.factor, delta + t, to, overrides);
    if (t > 0 && t + 1 == years)
      PlantFirst(source, PlantRules(series), g.factor, previous, delta + t, to, overrides, lines,
                 g.plant);
    // The “三公” table prints the previous document's block beside its own, where the source's
    // table allows (three_public_block.h); series % 4 == 0 plant in it.
    if (t > 0 && block) {
      AddPreviousBlock(*block, Rewritten(source, previous, delta + t - 1, to), lines);
      if (t + 1 == years && series % 4 == 0 && g.plant.rule.empty())
        PlantInPreviousBlock(*block, lines, g.plant);
    }
    Assemble(g, lines, to, first_index + t);
    previous = g.factor;
    out.push_back(std::move(g));
  }
  return out;
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
  manifest << "file\tsource\tseed\tfactor\tinjected\tyear\tdepartment\tseries\tplanted\t"
              "figure\tline\tstated\texpected\n";
  // Writes one document and its manifest line; false when it cannot be written.
  auto write = [&](const Source& source, const GeneratedDocument& g, uint64_t i) {
    fs::path path = fs::path(options.out_dir) / g.file_name;
    std::ofstream out(path.string(), std::ios::binary | std::ios::trunc);
    out << g.text;
    if (!out) {
      report.fatal = true;
      report.errors.push_back(path.string() + ": cannot write");
      return false;
    }
    ++report.written;
    if (!g.injected.empty()) ++report.injected[g.injected];
    else if (g.series.empty() && InjectionFor(i) != Injection::kNone) ++report.injection_missed;
    if (!g.plant.rule.empty()) ++report.planted[g.plant.rule];
    auto dash = [](const std::string& v) { return v.empty() ? std::string("-") : v; };
    manifest << g.file_name << '\t' << source.name << '\t' << g.seed << '\t' << g.factor << '\t'
             << dash(g.injected) << '\t' << g.year << '\t' << g.department << '\t'
             << dash(g.series) << '\t' << dash(g.plant.rule) << '\t' << dash(g.plant.subject);
    if (g.plant.rule.empty()) manifest << "\t-\t-\t-\n";
    else
      manifest << '\t' << g.plant.line << '\t' << g.plant.stated.WanYuan() << '\t'
               << g.plant.expected.WanYuan() << '\n';
    return true;
  };
  if (options.years <= 1) {
    for (uint64_t i = 0; i < options.n; ++i) {
      const Source& source = sources[i % sources.size()];
      if (!write(source, GenerateDocument(source, i, options.seed), i)) return report;
    }
  } else {
    std::vector<const Source*> usable;
    for (const Source& s : sources) {
      if (s.series.unusable == 0) usable.push_back(&s);
      else
        report.notes.push_back(s.name + ": not used for series: " +
                               std::to_string(s.series.unusable) +
                               " of its statements about the previous year cannot be restated");
    }
    if (usable.empty()) {
      report.fatal = true;
      report.errors.push_back(options.from_dir + ": no disclosure to make series from");
      return report;
    }
    std::set<std::string> departments;
    uint64_t years = static_cast<uint64_t>(options.years);
    for (uint64_t s = 0, first = 0; first < options.n; ++s, first += years) {
      const Source& source = *usable[s % usable.size()];
      int length = static_cast<int>(std::min(years, options.n - first));
      std::vector<GeneratedDocument> docs =
          GenerateSeries(source, s, first, length, options.seed, departments);
      ++report.series;
      for (size_t t = 0; t < docs.size(); ++t)
        if (!write(source, docs[t], first + t)) return report;
    }
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

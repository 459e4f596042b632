// The corpus generator: many realistic disclosures made from a few real ones, with other
// departments, places and years, every amount scaled by one factor, and a known few broken.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/identity.h"
#include "corpus/numbers.h"

namespace gongkai::corpus {

/// A real disclosure a corpus is made from, read and analysed once.
struct Source {
  std::string name;                ///< its file name: "2022-hebei-chengde-….txt"
  std::vector<std::string> lines;  ///< UTF-8
  Identity identity;
  int year = 0;                    ///< the budget year (parse::FindYear)
  std::vector<NumberSpan> numbers; ///< amounts and years (FindNumbers)
  /// The factors a generated document may use: those of 2..9 for which the source, its amounts
  /// scaled, reports no error rule it does not report as it is. A source whose tables carry
  /// rounding residuals (合计 4695.70 over parts adding to 4695.72) turns them into k × the
  /// residual, past the rounding tolerance for a large k. When no factor passes, all of 2..9.
  std::vector<int> factors;
  bool residuals_scaled = false;  ///< no factor passed: k × residual errors are expected
};

/// Reads a source from its bytes (any encoding ingest reads). Returns false with `error` set
/// when it cannot be read or names no department with a place or no year.
bool LoadSource(const std::string& name, std::string_view bytes, Source& out, std::string& error);

/// One generated disclosure.
struct GeneratedDocument {
  std::string file_name;  ///< "<year>-<place pinyin>-<kind>-<index, 5 digits>.txt", ASCII
  std::string text;
  uint64_t seed = 0;      ///< DocumentSeed(corpus seed, index)
  int factor = 1;         ///< every amount × factor, one of Source::factors
  int year = 0;           ///< the budget year after the shift (-3..+2, never 0)
  std::string department;
  std::string injected;   ///< the rule that must fire, or "" (see InjectionFor)
};

/// Document `index` of the corpus seeded with `seed`, made from `source`: the same bytes for
/// the same arguments on every machine.
GeneratedDocument GenerateDocument(const Source& source, uint64_t index, uint64_t seed);

struct CorpusOptions {
  uint64_t n = 0;
  uint64_t seed = 0;
  std::string out_dir;
  std::string from_dir;  ///< the sources: every regular file not starting with '.' or README
};

struct CorpusReport {
  bool fatal = false;  ///< nothing could be generated (no sources, output not writable)
  std::vector<std::string> errors;  ///< sources that could not be used, files not written
  std::vector<std::string> notes;   ///< sources whose residuals any factor turns into errors
  uint64_t written = 0;
  std::vector<std::string> sources;
  std::map<std::string, uint64_t> injected;  ///< rule -> files
  uint64_t injection_missed = 0;             ///< documents due an injection none could be made for
};

/// Writes documents 0..n-1 (document i made from source i mod the number of sources, in file
/// name order) into `out_dir`, and `out_dir`/MANIFEST.tsv: one line per file with the columns
/// file, source, seed (the document's own, DocumentSeed(options.seed, i)), factor, injected
/// (rule id or "-"), year, department, after a header line. Files already in `out_dir` are
/// not removed. `gongkai build` reads every file of its --content directory: move the
/// manifest out before building from `out_dir`.
CorpusReport GenerateCorpus(const CorpusOptions& options);

}  // namespace gongkai::corpus

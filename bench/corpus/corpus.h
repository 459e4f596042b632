// The corpus generator: many realistic disclosures made from a few real ones, with other
// departments, places and years, every amount scaled by one factor, and a known few broken.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/identity.h"
#include "corpus/numbers.h"
#include "corpus/series.h"

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
  SeriesText series;  ///< what it states about the previous year (series restate it)
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
  std::string series;     ///< in a series: its key, "series-<number, 5 digits>"; else ""
  Plant plant;            ///< a planted cross-year inconsistency (plant.rule empty: none)
};

/// Document `index` of the corpus seeded with `seed`, made from `source`: the same bytes for
/// the same arguments on every machine.
GeneratedDocument GenerateDocument(const Source& source, uint64_t index, uint64_t seed);

/// The documents first_index .. first_index + years - 1 of a corpus seeded with `seed`: series
/// `series`, one department (a name not yet in `departments`, then added to it) in consecutive
/// years made from `source`. Document t has every amount × k_t (k_t from source.factors, k_t !=
/// k_(t-1) where the source allows two factors) and states document t-1's figures where the
/// source states the previous year's (RestatePriorYear). Series with series % 4 == 1 get one
/// inconsistency in their last document ((series / 4) % 2: 0 prior-year-figure, 1
/// prior-year-change; the other rule where the source has no statement for it). Where the
/// source's “三公” table is a one-year tab table (綦江), documents from the second on print the
/// previous document's block beside their own, and series with series % 4 == 0 plant a
/// prior-year-figure in that block's 合计 (three_public_block.h). Documents of a
/// series get no injection of InjectionFor: a changed 收入总计 would also make the next year's
/// statement of it wrong.
std::vector<GeneratedDocument> GenerateSeries(const Source& source, uint64_t series,
                                              uint64_t first_index, int years, uint64_t seed,
                                              std::set<std::string>& departments);

struct CorpusOptions {
  uint64_t n = 0;
  uint64_t seed = 0;
  int years = 1;  ///< > 1: series of this many years (GenerateSeries), the last one shorter
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
  uint64_t series = 0;                       ///< series written (years > 1)
  std::map<std::string, uint64_t> planted;   ///< cross-year rule -> files
};

/// Writes documents 0..n-1 (document i made from source i mod the number of sources, in file
/// name order; with years > 1, series s = documents s × years … made from series source s mod
/// their number, the sources whose statements about the previous year can all be restated)
/// into `out_dir`, and `out_dir`/MANIFEST.tsv: one line per file with the columns file,
/// source, seed (the document's own, DocumentSeed(options.seed, i)), factor, injected (rule
/// id or "-"), year, department, series (key or "-"), planted (cross-year rule or "-"), figure
/// (its subject), line, stated and expected (万元: what the document says, what the previous
/// document's own figures give; the change unsigned), after a header line. Files already in
/// `out_dir` are not removed. `gongkai build` reads every file of its --content directory: move the
/// manifest out before building from `out_dir`.
CorpusReport GenerateCorpus(const CorpusOptions& options);

}  // namespace gongkai::corpus

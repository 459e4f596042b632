// One disclosure as the cross pages show it — its index row, its findings for the rule
// pages, its classification amounts for the code pages and the CSVs, its glossary terms, the
// figures the comparison shows, its search entries — and nothing more. Made from the
// disclosure once, when it is built (MakeRecord); kept in the build's cache as bytes
// (RecordToBytes), so an unchanged input's record is read instead of its model. Adding a field
// a cross page shows touches the Record, MakeRecord and its list of fields (all here), and the
// page that shows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/disclosure.h"
#include "pages/interned.h"
#include "render/search_index.h"

namespace gongkai::pages {

/// A value kept in a record as its bytes (the record's own format, RecordToBytes) rather than
/// as objects, for what a build reads once or twice and holds through all of it: fewer bytes
/// than the objects' strings and vectors (the year facts of a generated record: 0.8 KiB so,
/// 5.1 KiB as claims), so the records of a large site take less memory. Read with Unpack.
template <typename T>
class Packed {
 public:
  Packed() : Packed(T()) {}
  explicit Packed(const T& value);
  /// The value, decoded (a copy: change the record's with a new Packed).
  T Unpack() const;
  /// Its bytes as the record's bytes hold them.
  const std::string& bytes() const { return bytes_; }
  /// From `bytes`, which must be one whole value (RecordFromBytes checks them).
  static Packed FromBytes(std::string bytes);

 private:
  Packed(std::string bytes, int) : bytes_(std::move(bytes)) {}
  std::string bytes_;
};

/// A figure as a record's rows keep it: 16 bytes, not model::MaybeFigure's 32 (a record keeps
/// ~40 rows of three, 10,000 records at N = 10,000; the rows were half a record's memory).
/// Converts to and from model::MaybeFigure.
class RowFigure {
 public:
  RowFigure() = default;
  RowFigure(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): none
  RowFigure(const model::Figure& f)  // NOLINT(google-explicit-constructor): a figure
      : RowFigure(model::MaybeFigure(f)) {}
  RowFigure(const model::MaybeFigure& f)  // NOLINT(google-explicit-constructor): a figure
      : fen_(f ? f->amount.fen() : 0),
        line_(f ? f->line : 0),
        decimals_(static_cast<int16_t>(f ? f->amount.decimals() : 0)),
        present_(f.has_value()) {}
  operator model::MaybeFigure() const {  // NOLINT(google-explicit-constructor)
    if (!present_) return std::nullopt;
    return model::Figure{model::Money::FromFen(fen_, decimals_), line_};
  }
  model::MaybeFigure get() const { return *this; }
  bool has_value() const { return present_; }

 private:
  int64_t fen_ = 0;
  int32_t line_ = 0;
  int16_t decimals_ = 0;
  bool present_ = false;
};

/// A row of the table by 功能分类 as a record keeps it (model::FunctionalRow without its note;
/// its code and name interned: most records share them).
struct FunctionalRow {
  Interned code;
  Interned name;
  int level = 0;
  RowFigure total, basic, project;
  int line = 0;
};
/// A row of the table by 经济分类 as a record keeps it (model::EconomicRow without its note).
struct EconomicRow {
  Interned code;
  Interned name;
  RowFigure total, personnel, public_;
  int line = 0;
};

/// A 类 of the summary as a record keeps it (model::ClassAmount, its code and name interned).
struct ClassAmount {
  Interned code;
  Interned name;
  model::Figure amount;
};
/// A 名词解释 entry as a record keeps it (model::GlossaryEntry, its term and definition
/// interned: departments word most of them alike, and as strings of their own they were a
/// quarter of a reused record's memory at N = 10,000).
struct GlossaryEntry {
  Interned term;
  Interned definition;
  int line = 0;
};

struct Record {
  std::string id;
  std::string source_path;  ///< as shown: named on the index when the input failed
  bool failed = false;      ///< listed on the index with `failure`, no pages
  std::string failure;
  model::Department department;  ///< name, region, level
  int year = 0;                  ///< 0: not stated
  std::string kind;              ///< budget / final_accounts (only budgets form series)
  /// Its files and pages, and what the relation across years needs (site/years.h): the
  /// headline figures and claims about the previous year (years/facts.h), its place.
  model::SourceInfo source;
  Packed<model::YearFacts> year_facts;  ///< what the record keeps of the claims (YearsView)
  model::YearPlace years;
  /// The summary table's figures.
  model::MaybeFigure income_total, expenditure_total, current_income, carryover_in;
  /// The 部门支出总表's figures.
  model::MaybeFigure total, basic, project, personnel, public_;
  model::MaybeFigure spending;      ///< render::SpendingOf
  model::MaybeFigure three_public;  ///< the “三公” total
  int tables = 0;                   ///< standard tables found
  std::optional<int> staff;
  /// Rule, severity, message and lines (not the figures compared, nor why one was downgraded).
  std::vector<model::Finding> findings;
  /// The metrics the comparison and the CSV show, each to 0.01 ("12.34"); absent: not stated.
  std::vector<std::pair<std::string, std::string>> metrics;
  std::vector<FunctionalRow> functional;
  std::vector<EconomicRow> economic;
  std::vector<ClassAmount> classes;  ///< the summary's 类
  std::vector<GlossaryEntry> glossary;
  /// The department's own search entries (its page, narrative, projects, findings).
  std::vector<render::SearchEntry> search;
  /// Its search entries were left in the build's cache (RecordFromBytes without them): `search`
  /// is empty, and the record is the last build's (the search index keeps its group). Two
  /// thirds of a record's bytes are its search entries, which an edit's search index does not
  /// read again (render/search_update.h); not read, not kept in the record's bytes.
  bool search_deferred = false;

  /// The department's name, else its id.
  const std::string& Name() const { return department.name.empty() ? id : department.name; }
  /// The metric `key` to 0.01, or "" when the document gives none.
  std::string Metric(const std::string& key) const;
  /// How many findings of severity `s`.
  int Count(model::Diagnostic::Severity s) const;
};

/// The record of `d` (built or, with `failed`, failed with `failure`, its first error).
Record MakeRecord(const model::Disclosure& d, bool failed, const std::string& failure);

/// The disclosure as the relation across years and its pages read it (site/years.h): what
/// the record keeps of it (id, kind, year, department, sources, findings between years,
/// metrics, year facts and place), so a reused input relates like a built one. Without
/// `other_years` (its department has no other year among those related), neither the claims
/// of its year facts (only its headline figures: timeline.csv lists a series of one year too)
/// nor its metrics: only the checks between years and the pages across years (a series of two
/// years or more) read them, and they are most of a view's memory.
model::Disclosure YearsView(const Record& r, bool other_years = true);

/// The record as bytes for the build's cache (amounts as integer fen, exact; every field a
/// cross page reads) and back. RecordFromBytes throws std::runtime_error on bytes that are not
/// one whole record.
/// RecordToBytes throws std::logic_error on a record whose search entries were deferred; its
/// search entries are its last bytes, from `*search_at` (where given). RecordFromBytes with
/// `search` false reads the bytes before them (bytes[0, search_at): a build's cache keeps
/// them apart, so an unchanged input's entries are not read) and marks them deferred.
std::string RecordToBytes(const Record& r, size_t* search_at = nullptr);
Record RecordFromBytes(std::string_view bytes, bool search = true);

}  // namespace gongkai::pages

// Parse stage orchestration: find tables, read each, assemble the Disclosure.
#include "parse/parser.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <utility>

#include "parse/claims.h"
#include "parse/completeness.h"
#include "parse/figures.h"
#include "parse/rows.h"
#include "parse/identity.h"
#include "parse/narrative.h"
#include "parse/narrative_sections.h"
#include "parse/pdf_tables.h"
#include "parse/reading_check.h"
#include "parse/project_table.h"
#include "parse/sections.h"
#include "parse/split_table.h"
#include "parse/summary_table.h"
#include "parse/text.h"
#include "parse/three_public_table.h"

namespace gongkai::parse {

namespace {

using model::Diagnostic;

constexpr size_t kMaxClaims = 2000;
constexpr size_t kMaxRows = 5000;          // per table: functional, economic, projects
constexpr size_t kMaxIndexedRows = 20000;  // rows of all tables, for looking figures up

int Level(const std::string& code) {
  return code.size() == 3 ? 1 : code.size() == 5 ? 2 : code.size() == 7 ? 3 : 0;
}

class Parser {
 public:
  Parser(const ingest::Document& doc, const TextIdentity* identity)
      : doc_(doc), lines_(doc.lines), clean_(doc.lines), known_(doc.IsPdf() ? nullptr : identity) {}

  /// Called once: the disclosure is moved out.
  model::Disclosure Run() {
    d_.source.path = ingest::PrintableName(doc_.path);
    d_.source.sha256 = doc_.sha256;
    d_.source.lines = static_cast<int>(lines_.size());
    d_.source.encoding = doc_.encoding;
    d_.id = MakeId(doc_.path, doc_.sha256);
    if (doc_.files.size() > 1 || doc_.IsPdf())
      for (const auto& f : doc_.files)
        d_.source.files.push_back({ingest::PrintableName(f.path), f.sha256, f.format, static_cast<int>(f.first_line) + 1, f.pages});
    for (const auto& p : doc_.pages) {
      d_.source.page_starts.push_back(static_cast<int>(p.first_line) + 1);
      d_.source.page_numbers.push_back(p.number);
      d_.source.page_files.push_back(p.file);
    }

    const bool pdf = doc_.IsPdf();
    sections_ = pdf ? FindPdfSections(doc_) : FindSections(lines_);
    const TextIdentity identity = known_ ? *known_ : FindTextIdentity(lines_, clean_);
    const auto& mentions = identity.mentions;
    d_.department = identity.department;
    if (pdf && d_.department.name.empty()) FindCoverName();
    for (const auto& m : mentions) unit_names_.push_back(m.name);
    if (!d_.department.name.empty())
      unit_names_.insert(unit_names_.begin(), d_.department.name);
    if (pdf) d_.year = FindPdfYear(doc_, sections_, d_.year_line);
    if (d_.year == 0) {
      d_.year = identity.year;
      d_.year_line = identity.year_line;
    }
    d_.kind = identity.kind;

    ListTables();
    // A PDF narrative published apart from its tables (北京's 附件1, 江苏's 部门预算 beside its
    // 预算公开表) is a disclosure without tables: its prose is read and checked, and the site
    // says where its tables are. A folder holding both files is the whole disclosure.
    bool narrative_only = pdf && d_.tables.empty() && !d_.department.name.empty() &&
                          d_.year != 0 && d_.kind == "budget";
    if (narrative_only) {
      Warn(0,
           "the document has no tables, only the narrative (部门预算说明); its tables are "
           "published as another file: put both files in one folder to read them as one disclosure",
           "tables-missing");
      FindExplanations();
      ReadClaims();
      DedupeDiagnostics();
      return std::move(d_);
    }
    if (d_.tables.empty()) {
      Error(0, "no standard budget table found (部门收支总表, 部门支出总表, 一般公共预算支出表, ...); "
               "is this a department budget disclosure?",
            "not-a-disclosure");
      return std::move(d_);
    }
    if (d_.department.name.empty())
      Warn(0, "the department's name was not found (no 单位名称, 部门名称 or title line names it)",
           "department-missing");
    if (d_.year == 0) Warn(0, "the budget year was not found", "year-missing");
    if (pdf) {
      // Positions, not the text rendering, say which column a figure stands in.
      ReadPdfTables(doc_, sections_, d_);
      CheckReading(d_);
    } else {
      CheckCompleteness(lines_, sections_, d_);
      ReadSummary();
      ReadFunctional();
      ReadEconomic();
      ReadProjects();
      ReadThreePublic();
      IndexFigures();
    }
    CheckPreviousYearReading(d_);
    BoundTables();
    FindTitleNames(mentions);
    FindExplanations();
    ReadClaims();
    DedupeDiagnostics();
    return std::move(d_);
  }

 private:
  void Error(int line, std::string msg, std::string rule) {
    d_.diagnostics.push_back({Diagnostic::Severity::kError, line, std::move(msg), std::move(rule)});
  }
  void Warn(int line, std::string msg, std::string rule) {
    d_.diagnostics.push_back(
        {Diagnostic::Severity::kWarning, line, std::move(msg), std::move(rule)});
  }

  // A PDF's cover names the department on a line of its own ("福州市商务局" between "2026 年度"
  // and "部门预算") or in its heading ("无锡市交通运输局（本级）2026 年度单位预算公开").
  void FindCoverName() {
    size_t end = doc_.pages.size() > 1 ? doc_.pages[1].first_line + doc_.pages[1].line_count
                                       : lines_.size();
    // A long name wraps on the cover ("福州市公安局治安管理" / "支队"): a line, or it joined
    // with the one or two after it.
    for (size_t i = 0; i < end && i < 80; ++i)
      for (size_t join = 1; join <= 3 && i + join <= end; ++join) {
        std::string t;
        for (size_t k = i; k < i + join; ++k) t += RemoveSpaces(lines_[k]);
        if (CoverName(t, i)) return;
      }
  }

  bool CoverName(std::string t, size_t i) {
    static const std::regex kSuffix(
        "(20[0-9]{2}年度?)?(部门|单位)?(综合)?(预算|决算)(公开|说明|信息公开)?.*$");
    static const std::regex kPrefix("^(20[0-9]{2}年度?)");
    {
      if (t.size() > 200) return false;
      t = std::regex_replace(t, kPrefix, "");
      t = std::regex_replace(t, kSuffix, "");
      size_t n = CodePointCount(t);
      if (n < 4 || n > 40) return false;
      bool org = false;
      for (const char* end_word : {"局", "委员会", "办公室", "办公厅", "中心", "院", "厅", "委",
                                   "会", "馆", "所", "站", "队", "处", "部", "政府", "（本级）",
                                   "(本级)", "学校", "大学", "医院", "公司"})
        org |= EndsWith(t, end_word);
      std::string region, level;
      if (!org || !SplitPlace(t, region, level)) return false;
      d_.department.name = t;
      d_.department.line = static_cast<int>(i) + 1;
      d_.department.region = region;
      d_.department.level = level;
      return true;
    }
  }

  void ListTables() {
    for (const auto& s : sections_) {
      std::optional<model::TableKind> kind = model::ParseTableKind(s.kind);
      if (s.continuation || !kind || d_.FindTable(*kind)) continue;
      model::TableRef t;
      t.kind = *kind;
      t.title = s.title;
      t.line = static_cast<int>(s.title_index) + 1;
      t.unit = s.unit;
      t.unit_inherited = s.unit_inherited;
      t.empty = s.empty;
      d_.tables.push_back(t);
    }
  }

  // The sections of a kind that hold data, first ones first; continuations are left out.
  std::vector<const Section*> Sections(const std::string& kind) {
    std::vector<const Section*> out;
    for (const auto& s : sections_)
      if (s.kind == kind && !s.continuation) out.push_back(&s);
    return out;
  }

  // The unit of a section's figures. A table that states none and follows none that did is
  // not assumed to be in 万元: it is reported and skipped.
  bool UnitOf(const Section& s, model::Unit& unit) {
    if (auto u = UnitOfLabel(s.unit)) {
      unit = *u;
      return true;
    }
    d_.diagnostics.push_back(UnitMissing(s));
    return false;
  }

  void ReadSummary() {
    const Section* s = nullptr;
    bool fiscal = false;
    if (auto v = Sections("summary"); !v.empty()) {
      s = v.front();
    } else if (auto f = Sections("fiscal_summary"); !f.empty()) {
      s = f.front();
      fiscal = true;
    }
    if (!s) return;
    model::Unit unit;
    if (!UnitOf(*s, unit)) return;
    ParseSummaryTable(Lines(*s), fiscal, unit, d_.summary);
    if (fiscal) {
      d_.fiscal_summary = d_.summary;
    } else if (auto f = Sections("fiscal_summary"); !f.empty() && UnitOf(*f.front(), unit)) {
      ParseSummaryTable(Lines(*f.front()), true, unit, d_.fiscal_summary);
    }
  }

  void ReadFunctional() {
    std::vector<const Section*> candidates = Sections("expenditure");
    for (auto* s : Sections("general_expenditure")) candidates.push_back(s);
    for (const Section* s : candidates) {
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      SplitTable table = ReadSplitTable(Lines(*s), unit, "2", "基本支出", "项目支出");
      if (table.rows.empty()) continue;
      ResolveSplitColumns(table, "基本支出", "项目支出");
      if (table.total_row) {
        d_.expenditure.total = table.total_row->total;
        d_.expenditure.basic = table.total_row->a;
        d_.expenditure.project = table.total_row->b;
      }
      for (auto& r : table.rows) {
        model::FunctionalRow row;
        row.code = r.code;
        row.name = r.name;
        row.level = Level(r.code);
        row.total = r.total;
        row.basic = r.a;
        row.project = r.b;
        row.line = r.line;
        row.note = r.note;
        if (r.unplaced) {
          row.note = "the row prints " + r.unplaced->amount.WanYuan() +
                     " besides 合计 and whether it is 基本支出 or 项目支出 could not be decided";
          Warn(r.line, "functional row " + r.code + ": " + row.note, "column-ambiguous");
        }
        d_.functional.push_back(std::move(row));
      }
      break;
    }
    // Names of classification codes, for telling project rows from subtotals.
    for (const auto& f : d_.functional) functional_names_[f.code] = f.name;
    for (const Section* s : Sections("general_expenditure")) {
      for (const auto& r : ReadSplitTable(Lines(*s), model::Unit::kWanYuan, "2", "基本支出", "项目支出").rows)
        functional_names_.emplace(r.code, r.name);
    }
  }

  void ReadEconomic() {
    std::vector<std::pair<const Section*, model::Unit>> basics;
    for (const Section* s : Sections("general_basic")) {
      model::Unit unit;
      if (UnitOf(*s, unit)) basics.push_back({s, unit});
    }
    // Prefer the table by 部门预算支出经济分类 (301..) over the 政府经济分类 one (501..).
    for (const std::string digits : {"3", "5"}) {
      for (const auto& [s, unit] : basics) {
        SplitTable table = ReadSplitTable(Lines(*s), unit, digits, "人员经费", "公用经费");
        if (table.rows.empty()) continue;
        ResolveSplitColumns(table, "人员经费", "公用经费");
        if (table.total_row) {
          d_.expenditure.personnel = table.total_row->a;
          d_.expenditure.public_ = table.total_row->b;
        }
        for (auto& r : table.rows) {
          if (r.unplaced) {
            // By definition 人员经费 are 工资福利支出 (301) and 对个人和家庭的补助 (303);
            // the rest of basic expenditure is 公用经费.
            bool personnel = StartsWith(r.code, "301") || StartsWith(r.code, "303") ||
                             StartsWith(r.code, "501") || StartsWith(r.code, "509");
            if (personnel) {
              r.a = r.unplaced;
            } else {
              r.b = r.unplaced;
            }
            r.unplaced.reset();
            r.note = "the row prints one figure besides 合计; it is " +
                     std::string(personnel ? "人员经费" : "公用经费") +
                     " by the classification (301 and 303 are 人员经费)";
          }
          model::EconomicRow row;
          row.code = r.code;
          row.name = r.name;
          row.total = r.total;
          row.personnel = r.a;
          row.public_ = r.b;
          row.line = r.line;
          row.note = r.note;
          d_.economic.push_back(std::move(row));
        }
        return;
      }
    }
  }

  void ReadProjects() {
    ProjectContext ctx;
    ctx.functional_names = functional_names_;
    ctx.unit_names = unit_names_;
    bool table_found = false;
    for (const Section* s : Sections("general_project")) {
      table_found = true;
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      auto section_lines = Lines(*s);
      d_.projects = ParseProjectTable(section_lines, unit, ctx);
      d_.projects_total = ProjectTableTotal(section_lines, unit);
      if (!d_.projects.empty()) return;
    }
    if (table_found) return;
    for (const Section* s : Sections("project_performance")) {
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      for (auto& p : ParseProjectPerformance(Lines(*s), unit))
        d_.projects.push_back(std::move(p));
    }
  }

  // "附表4-9" above the next table is not a row of this one: `lines` with such lines emptied,
  // copied into `storage` only when one is there (most tables have none). (A token holds no
  // white space.)
  static const std::vector<TokenLine>& WithoutAttachmentLines(const std::vector<TokenLine>& lines,
                                                              std::vector<TokenLine>& storage) {
    auto attachment = [](const TokenLine& l) {
      return !l.Empty() && (StartsWith(l.tokens.front().text, "附表") ||
                            StartsWith(l.tokens.front().text, "附件"));
    };
    if (std::none_of(lines.begin(), lines.end(), attachment)) return lines;
    storage = lines;
    for (auto& l : storage)
      if (attachment(l)) l.tokens.clear();
    return storage;
  }

  // Every row of every table, with all its figures, for looking up stated figures.
  void IndexFigures() {
    for (const auto& s : sections_) {
      if (s.empty || s.unit.empty()) continue;
      model::Unit unit = UnitOfLabel(s.unit).value_or(model::Unit::kWanYuan);
      std::vector<TokenLine> storage;
      const std::vector<TokenLine>& lines = WithoutAttachmentLines(Lines(s), storage);
      if (s.kind == "summary" || s.kind == "fiscal_summary") {
        for (const auto& lf : ReadLabelledFigures(lines)) {
          model::Disclosure::IndexedRow row{s.kind, "", lf.label, {}, {}};
          for (const auto& n : lf.numbers)
            if (auto f = ToFigure(n, unit)) row.figures.push_back(*f);
          if (!row.figures.empty()) d_.figure_index.push_back(std::move(row));
        }
      } else {
        for (const Row& r : AssembleRows(lines, FindFirstAmountColumn(lines))) {
          if (!r.HasAmounts()) continue;
          std::string name = r.Name();
          if (StartsWith(name, "附表") || StartsWith(name, "附件")) continue;
          model::Disclosure::IndexedRow row{s.kind, AssembleCode(r.ints, "235"), name, {}, {}};
          for (const auto& n : r.numbers)
            if (auto f = ToFigure(n, unit)) row.figures.push_back(*f);
          if (r.positional)
            for (const auto& col : r.columns)
              row.columns.push_back(col ? ToFigure(*col, unit) : std::nullopt);
          if (!row.figures.empty()) d_.figure_index.push_back(std::move(row));
        }
      }
      // Unit labels and the figures under them, for the unit-contradiction check.
      model::Disclosure::UnitLabel label;
      label.line = s.unit_line;
      label.unit = s.unit_inherited ? "" : s.unit;
      label.context = s.title;
      // Figures as printed (read as 万元), to compare with the document's 万元 totals.
      if (!label.unit.empty()) {
        for (const auto& l : lines)
          for (const auto& t : l.tokens)
            if (t.text.find('.') != std::string::npos)
              if (auto f = ToFigure(t, model::Unit::kWanYuan)) label.figures.push_back(*f);
        d_.unit_labels.push_back(label);
      }
      // A header cell that states its own unit: "总体资金情况（元）".
      for (size_t i = s.begin; i < s.end; ++i) {
        if (!Contains(lines_[i], "元")) continue;  // every mark below holds it
        for (const char* mark : {"（元）", "(元)", "（万元）", "(万元)"}) {
          size_t p = lines_[i].find(mark);
          if (p == std::string::npos) continue;
          model::Disclosure::UnitLabel inner;
          inner.line = static_cast<int>(i) + 1;
          inner.unit = Contains(mark, "万元") ? "万元" : "元";
          inner.context = Trim(StripMarkup(lines_[i].substr(0, p))) + mark;
          for (size_t k = i; k < s.end && k < i + 4; ++k) {
            TokenLine tl = TokenizeLine(lines_[k], static_cast<int>(k) + 1, 2);
            for (const auto& t : tl.tokens)
              if (t.text.find('.') != std::string::npos)
                if (auto f = ToFigure(t, model::Unit::kWanYuan)) inner.figures.push_back(*f);
          }
          d_.unit_labels.push_back(inner);
        }
      }
    }
  }

  void FindTitleNames(const std::vector<NameMention>& mentions) {
    for (const auto& m : mentions) d_.title_names.push_back({m.line, m.name});
  }

  // Which explanations the narrative gives, and where: 机关运行经费, 政府采购, 国有资产, 绩效目标,
  // 名词解释, “三公” with reasons for the change.
  void FindExplanations() {
    struct Want {
      const char* key;
      std::vector<const char*> words;
    };
    const Want wants[] = {
        {"three_public", {"三公"}},
        {"three_public_reasons", {"三公"}},
        {"running_costs", {"机关运行经费", "运行经费"}},
        {"procurement", {"政府采购"}},
        {"assets", {"国有资产", "资产占用", "资产占有", "国有资产占有"}},
        {"performance", {"绩效目标", "预算绩效"}},
        {"glossary", {"名词解释"}},
    };
    std::vector<bool> in_table(lines_.size(), false);
    for (const auto& s : sections_)
      for (size_t i = s.title_index; i < s.end && i < lines_.size(); ++i) in_table[i] = true;
    // Lines no explanation stands on: tables and "-" list lines (worked out once for all wants).
    std::vector<bool> skipped(lines_.size());
    for (size_t i = 0; i < lines_.size(); ++i)
      skipped[i] = in_table[i] || StartsWith(TrimView(lines_[i]), "-");
    for (const auto& w : wants) {
      for (size_t i = 0; i < lines_.size(); ++i) {
        if (skipped[i] || std::none_of(w.words.begin(), w.words.end(),
                                       [&](const char* word) { return Contains(lines_[i], word); }))
          continue;
        if (std::string(w.key) == "three_public_reasons") {
          // Reasons: 原因 within the few lines after a 三公 mention.
          bool reasons = false;
          for (size_t k = i; k < lines_.size() && k < i + 60; ++k)
            reasons |= !in_table[k] && (Contains(lines_[k], "原因") || Contains(lines_[k], "主要是") ||
                                        Contains(lines_[k], "持平") || Contains(lines_[k], "一致"));
          if (!reasons) continue;
        }
        d_.explanations.push_back({w.key, static_cast<int>(i) + 1});
        break;
      }
    }
  }

  void ReadClaims() {
    std::vector<bool> narrative(lines_.size(), true);
    for (const auto& s : sections_)
      for (size_t i = s.title_index; i < s.end && i < lines_.size(); ++i) narrative[i] = false;
    for (size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].find('\t') != std::string::npos) narrative[i] = false;
    JoinedText text(clean_, narrative);
    d_.claims = ExtractClaims(text, d_);
    // The checks compare claims with each other; a disclosure states a hundred or so, and a
    // hostile file with 10^5 would take hours. The rest are reported, not checked.
    if (d_.claims.size() > kMaxClaims) {
      Warn(d_.claims[kMaxClaims].line,
           "the narrative states " + std::to_string(d_.claims.size()) +
               " figures; only the first " + std::to_string(kMaxClaims) +
               " are checked (a disclosure states a few hundred at most)",
           "claims-limit");
      d_.claims.resize(kMaxClaims);
    }
    ReadNarrativeSections(lines_, clean_, narrative, d_);
  }

  void DedupeDiagnostics() {
    std::vector<Diagnostic> unique;
    std::set<std::tuple<int, std::string, std::string>> seen;  // a hostile table makes 10^5
    for (const auto& dg : d_.diagnostics)
      if (seen.insert({dg.line, dg.rule, dg.message}).second) unique.push_back(dg);
    d_.diagnostics = std::move(unique);
  }

  // The checks pair rows and claims with each other; these bounds, far above any disclosure
  // (tens of rows per table, a hundred claims), keep a hostile file from making them take
  // hours. What is left out is reported.
  template <typename Rows, typename LineOf>
  void Bound(Rows& rows, size_t max, const std::string& what, LineOf line_of) {
    if (rows.size() <= max) return;
    Warn(line_of(rows[max]),
         "the document has " + std::to_string(rows.size()) + " " + what + "; only the first " +
             std::to_string(max) + " are read (a disclosure has a few hundred at most)",
         "rows-limit");
    rows.resize(max);
  }
  void BoundTables() {
    auto line = [](const auto& r) { return r.line; };
    Bound(d_.functional, kMaxRows, "rows by 支出功能分类", line);
    Bound(d_.economic, kMaxRows, "rows by 经济分类", line);
    Bound(d_.projects, kMaxRows, "projects", line);
    Bound(d_.figure_index, kMaxIndexedRows, "table rows with figures",
          [](const model::Disclosure::IndexedRow& r) { return r.figures.front().line; });
  }

  void ReadThreePublic() {
    auto v = Sections("three_public");
    if (v.empty()) return;
    model::Unit unit;
    if (!UnitOf(*v.front(), unit)) return;
    JoinedText text(clean_, FirstThreePublicLine(clean_), lines_.size());
    StatedThreePublic stated = FindStatedThreePublic(text);
    ParseThreePublicTable(Lines(*v.front()), unit, stated, d_.three_public);
    ParsePreviousThreePublic(Lines(*v.front()), unit, d_.previous_year);
  }

  // A section's lines, tokenized once (every table is read by several readers).
  const std::vector<TokenLine>& Lines(const Section& s) {
    auto it = tokenized_.find(s.title_index);
    if (it == tokenized_.end())
      it = tokenized_.emplace(s.title_index, TokenizeTable(lines_, s.begin, s.end)).first;
    return it->second;
  }

  const ingest::Document& doc_;
  const std::vector<std::string>& lines_;
  const CleanLines clean_;  ///< lines_ without markup, for the readers of every line
  const TextIdentity* known_;  ///< the caller's FindTextIdentity of a text document, or null
  std::map<size_t, std::vector<TokenLine>> tokenized_;
  model::Disclosure d_;
  std::vector<Section> sections_;
  std::vector<std::string> unit_names_;
  std::map<std::string, std::string> functional_names_;
};

}  // namespace

model::Disclosure ParseDocument(const ingest::Document& doc, const TextIdentity* identity) {
  return Parser(doc, identity).Run();
}

std::string MakeId(const std::string& path, const std::string& sha256) {
  size_t slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  std::string id;
  for (char c : name) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (ok) {
      id += l;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 80) id = id.substr(0, 80);
  if (id.empty()) id = "d-" + sha256.substr(0, 12);
  return id;
}

}  // namespace gongkai::parse

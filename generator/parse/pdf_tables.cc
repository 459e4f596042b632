// Tables of a PDF disclosure: found by title, rebuilt by layout::BuildGrid, read by meaning:
// columns by their header words (合计, 基本支出, 项目支出, 因公出国…), rows by their codes
// (201, 20101, 2010101, 30101) or by the names of the national classification.
#include "parse/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <regex>

#include "layout/grid.h"
#include "model/classification.h"
#include "parse/text.h"
#include "parse/three_public_table.h"

namespace gongkai::parse {

namespace {

using layout::Grid;
using layout::GridRow;
using model::Diagnostic;
using model::Figure;
using model::MaybeFigure;

bool Has(std::string_view s, std::string_view part) { return Contains(s, part); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------------------
// Finding tables

// A page number on a line of its own ("- 3 -", "第3页共12页", "3/12"); `t` is the line without
// its white space (RemoveSpaces).
bool IsPageNumber(const std::string& t) {
  if (t.empty()) return false;
  static const std::regex kPage(
      "^(-|—|－)?[0-9]{1,4}(-|—|－)?$|^第[0-9]+页(，|,)?(共[0-9]+页)?$|^[0-9]+/[0-9]+$");
  // The regex (costly in libstdc++) only on lines that start as one of its forms does.
  bool may_match = IsDigit(t[0]) || t[0] == '-' || StartsWith(t, "—") || StartsWith(t, "－") ||
                   StartsWith(t, "第");
  return may_match && t.size() < 64 && std::regex_match(t, kPage);
}

const char* const kChineseDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// A table's label on a line of its own, above the title of the next table or of a
// continuation page (深圳: `表1` / `收支总表`): no header cell.
// `t` is a line without its white space (RemoveSpaces).
bool IsTableLabel(const std::string& t) {
  static const std::regex kLabel(
      "^(公开|预算)?(表)?([0-9]{1,2}|(一|二|三|四|五|六|七|八|九|十){1,3})(-[0-9]{1,2})?(表)?$");
  // The regex only on lines that start as a label can.
  auto starts = [&](const char* w) { return StartsWith(t, w); };
  bool may_match = !t.empty() &&
                   (IsDigit(t[0]) || starts("公开") || starts("预算") || starts("表") ||
                    std::any_of(std::begin(kChineseDigits), std::end(kChineseDigits), starts));
  return may_match && t.size() < 40 && Has(t, "表") && std::regex_match(t, kLabel);
}
bool IsTableLabelLine(const std::string& raw) { return IsTableLabel(RemoveSpaces(raw)); }

// Words that open a table's header or caption.
bool LooksLikeHeaderOrCaption(const std::string& raw) {
  std::string t = RemoveSpaces(raw);
  if (layout::IsTableCaptionLine(t)) return true;
  for (const char* w : {"项目", "科目", "合计", "总计", "预算数", "金额", "功能分类", "经济分类",
                        "单位编码", "单位代码", "收入", "支出", "类", "名称"})
    if (Has(t, w)) return true;
  return false;
}

// The kind of a PDF table's title. Templates name the same table "支出总表", "支出预算总表"
// (福州 "2026 年度支出预算总表", 江苏, 杭州) or "支出总体情况表" (重庆 "2026年部门支出总体情况表");
// the words "预算" and "体情况" before 总表 are dropped so that all of them read as one kind.
std::string PdfTitleKind(const std::string& title) {
  // 深圳 表4 "基本支出总表" and 表5 "项目支出总表" are the basic and project tables, not the
  // 支出总表 their words contain.
  if (Has(title, "基本支出总表") || Has(title, "基本支出预算总表")) return "general_basic";
  if (Has(title, "项目支出总表") || Has(title, "项目支出预算总表")) return "general_project";
  std::string t = title;
  for (const std::string from : {"预算总表", "总体情况表"}) {
    size_t p = t.find(from);
    if (p != std::string::npos) t.replace(p, from.size(), "总表");
  }
  return ClassifyTitle(t);
}

struct TitleCandidate {
  size_t line;
  std::string title;
  std::string kind;
};

std::optional<TitleCandidate> TitleAt(const ingest::Document& doc, size_t i) {
  const std::string& l = doc.lines[i];
  if (!Has(l, "表")) return std::nullopt;
  std::string t = RemoveSpaces(l);
  if (t.empty() || CodePointCount(t) > 60) return std::nullopt;
  if (Has(t, "。") || Has(t, "，") || Has(t, "；") || Has(t, "……") || Has(t, "...") ||
      Has(t, "反映") || Has(t, "详见") || Has(t, "见附"))
    return std::nullopt;
  // "单位：万元" glued to a title line: keep the title part.
  std::string title = t;
  for (const char* cut : {"单位：", "单位:", "部门名称", "单位名称", "金额单位"}) {
    size_t p = title.find(cut);
    if (p != std::string::npos && p > 0) title = title.substr(0, p);
  }
  std::string stripped = StripOrdinal(title);
  if (!EndsWithTableWord(stripped)) return std::nullopt;
  std::string kind = PdfTitleKind(stripped);
  if (kind.empty()) {
    // Another table (政府购买服务, 绩效…): it ends the one before it.
    if (!(Has(stripped, "预算") || Has(stripped, "经费") || Has(stripped, "收入") ||
          Has(stripped, "支出") || Has(stripped, "决算")))
      return std::nullopt;
    kind = "other";
  }
  return TitleCandidate{i, stripped, kind};
}

// One line of words set close together (a title's, not a row's cells).
bool OneRun(const ingest::LineGeometry& g) {
  for (size_t k = 1; k < g.words.size(); ++k)
    if (g.words[k].x0 - g.words[k - 1].x1 > 2.0f * std::max(g.words[k].Height(), 1.0f))
      return false;
  return !g.words.empty();
}

// A title wrapped over two lines (西安 2021 表13 `2021年部门综合预算一般公共预算拨款“三公”经费及`
// / `会议费、培训费支出预算表（不含上年结转）`): the first line no title, the second the end of
// one, each a single run of words on one page, and the two together a title of a known kind.
std::optional<TitleCandidate> WrappedTitleAt(const ingest::Document& doc, size_t i) {
  if (i + 1 >= doc.lines.size()) return std::nullopt;
  const auto& a = doc.geometry[i];
  const auto& b = doc.geometry[i + 1];
  if (a.page != b.page || !OneRun(a) || !OneRun(b)) return std::nullopt;
  std::string first = RemoveSpaces(doc.lines[i]);
  if (first.empty() || Has(first, "表") || Has(first, "。") || Has(first, "，") || Has(first, "；"))
    return std::nullopt;
  if (!EndsWithTableWord(StripOrdinal(RemoveSpaces(doc.lines[i + 1])))) return std::nullopt;
  // The first line names the year (a row label does not); the second is no title on its own
  // (`其中：动用上年结转和结余资金` above `三、2018 年度…支出预算总表`).
  static const std::regex kYear("(19|20)[0-9]{2}年");
  if (!std::regex_search(first, kYear)) return std::nullopt;
  if (auto own = TitleAt(doc, i + 1); own && own->kind != "other") return std::nullopt;
  // Centred one over the other, as a title is (a list of contents is set flush left).
  float wa = a.words.back().x1 - a.words.front().x0;
  float ca = (a.words.front().x0 + a.words.back().x1) / 2;
  float cb = (b.words.front().x0 + b.words.back().x1) / 2;
  if (std::fabs(ca - cb) > 0.1f * wa + 2.0f * std::max(a.words.front().Height(), 1.0f))
    return std::nullopt;
  ingest::Document two;
  two.lines = {doc.lines[i] + doc.lines[i + 1]};
  two.geometry = {a};
  auto t = TitleAt(two, 0);
  if (!t || t->kind == "other") return std::nullopt;
  t->line = i;
  return t;
}

// The next lines after a title: a caption or a header must come before another title.
bool ConfirmedTitle(const ingest::Document& doc, size_t i) {
  int page = doc.geometry[i].page;
  int seen = 0;
  for (size_t k = i + 1; k < doc.lines.size() && seen < 5; ++k) {
    if (doc.geometry[k].page != page) break;
    if (RemoveSpaces(doc.lines[k]).empty()) continue;
    ++seen;
    if (TitleAt(doc, k)) return false;
    if (LooksLikeHeaderOrCaption(doc.lines[k])) return true;
  }
  return false;
}

// Prose: a long line with sentence punctuation (the narrative after the last table).
bool LooksLikeProse(const std::string& raw) {
  std::string t = RemoveSpaces(raw);
  size_t n = CodePointCount(t);
  return n >= 24 && (Has(t, "。") || (Has(t, "，") && !Has(t, "注：") && !Has(t, "注:")));
}

// ---------------------------------------------------------------------------------------
// Reading

struct Value {
  Figure figure;
};

std::optional<Figure> FigureOf(const std::optional<layout::Cell>& cell, model::Unit unit) {
  if (!cell) return std::nullopt;
  auto m = model::Money::Parse(cell->text, unit);
  if (!m) return std::nullopt;
  return Figure{*m, static_cast<int>(cell->line) + 1};
}

std::string CleanLabel(const std::string& label) {
  std::string t = RemoveSpaces(label);
  t = StripOrdinal(t);
  // "(1)" "（1）" "1." ordinals StripOrdinal may leave: strip once more.
  t = StripOrdinal(t);
  return t;
}

// The label without the number a 序号 column gives its line: "31 本年收入合计" and
// "31本年收入合计" give "本年收入合计", "39" alone gives ""; an ordinal ("1、财政拨款", "2 1、财政拨款" after its line
// number) stays.
std::string StripLineNumber(const std::string& label) {
  size_t i = 0;
  while (i < label.size() && label[i] == ' ') ++i;
  size_t j = i;
  while (j < label.size() && IsDigit(label[j])) ++j;
  if (j == i) return label;
  if (j == label.size()) return "";  // a line number alone: the line has no label
  if (label[j] == ' ') return label.substr(j + 1);
  if (static_cast<unsigned char>(label[j]) < 0x80) return label;  // "1.", "1)"
  size_t k = j;
  char32_t c = NextCodePoint(label, k);
  if (c < 0x4E00 || c > 0x9FFF) return label;  // "1、", "1）"
  return label.substr(j);
}

// A row's code and name from its label: "2014001-行政运行", "201 40 04 行政运行",
// "20101 人大事务", "05 行政事业单位离退休" (a 款 printing its own two digits, completed from
// the 类 above). `first_digits`: "2" functional, "35" economic.
struct CodedLabel {
  std::string code;
  std::string name;
};

CodedLabel SplitCode(const std::string& label, const std::string& first_digits,
                     const std::string& parent_class) {
  CodedLabel out;
  std::vector<std::string> groups;
  size_t i = 0;
  // Leading groups of digits, separated by spaces or a hyphen.
  while (i < label.size()) {
    while (i < label.size() && label[i] == ' ') ++i;
    size_t j = i;
    while (j < label.size() && IsDigit(label[j])) ++j;
    if (j == i) break;
    if (j < label.size() && label[j] != ' ' && label[j] != '-' &&
        static_cast<unsigned char>(label[j]) < 0x80)
      return out;  // "2.5" or "3a": not a code
    groups.push_back(label.substr(i, j - i));
    i = j;
    if (i < label.size() && label[i] == '-') {
      ++i;
      break;
    }
  }
  out.name = RemoveSpaces(label.substr(std::min(i, label.size())));
  if (groups.empty()) return out;
  std::string code;
  const std::string& g0 = groups[0];
  if (first_digits.find(g0[0]) == std::string::npos && !(g0.size() == 2 && !parent_class.empty()))
    return out;
  if (g0.size() == 3 || g0.size() == 5 || g0.size() == 7) {
    code = g0;
    // 类 款 项 in separate columns: "201 40 04".
    for (size_t k = 1; k < groups.size() && code.size() < 7; ++k) {
      if (groups[k].size() != 2) break;
      code += groups[k];
    }
  } else if (g0.size() == 2 && !parent_class.empty() && first_digits.find('2') != std::string::npos) {
    code = parent_class + g0;
  } else {
    return out;
  }
  out.code = code;
  return out;
}

// A header path without its fund qualifiers ("公务接待费/一般公共预算" -> "公务接待费"): where a
// table splits every column by fund, the column's meaning is the part above the split.
std::vector<std::string> MeaningPath(const layout::Column& c) {
  std::vector<std::string> out;
  for (const auto& p : c.path) {
    bool fund = (Has(p, "一般公共预算") || Has(p, "政府性基金") || Has(p, "国有资本经营") ||
                 Has(p, "财政拨款")) &&
                !Has(p, "出国") && !Has(p, "接待") && !Has(p, "用车") && !Has(p, "三公") &&
                !Has(p, "合计") && !Has(p, "总计") && !Has(p, "小计");
    if (!fund) out.push_back(p);
  }
  if (out.empty()) out = c.path;
  return out;
}

// A 类 row's name is the national classification's (or a variant of it, or the standard name
// cut where the cell wrapped); an empty name says nothing against it.
bool ClassNameFits(const std::string& code, const std::string& name) {
  if (name.empty() || model::FunctionalClassCode(name) == code) return true;
  std::string standard = model::FunctionalClassName(code);
  if (standard.empty()) return true;  // a class the list does not know: no evidence
  size_t n = std::min<size_t>(12, standard.size());  // four characters
  return name.compare(0, n, standard, 0, n) == 0 || standard.compare(0, name.size(), name) == 0;
}

bool IsTotalLabel(const std::string& clean) {
  return clean == "合计" || clean == "总计" || StartsWith(clean, "合计") ||
         StartsWith(clean, "总计") || clean == "支出合计" || clean == "支出总计";
}

// Which total of a summary side a label names: 收入总计 / 支出总计 (or 合计, 收入合计 where the
// side prints no 总计: 福州, 重庆, 江苏) is the grand total; 本年收入合计, 当年支出小计, 一、本年收入
// the year's. `side` is 收入 or 支出.
enum class SummaryTotal { kNone, kGrand, kCurrent };
SummaryTotal SummaryTotalOf(const std::string& l, const std::string& side, bool side_has_grand) {
  bool current = StartsWith(l, "本年") || StartsWith(l, "当年");
  if (Has(l, "总计") && !current) return SummaryTotal::kGrand;
  if ((l == "合计" || l == side + "合计") && !side_has_grand) return SummaryTotal::kGrand;
  if (current && (Has(l, "合计") || Has(l, "小计") || l == "本年" + side || l == "当年" + side))
    return SummaryTotal::kCurrent;
  return SummaryTotal::kNone;
}

// A row of one side of a summary table: its label without ordinal, its figure, where it starts.
struct SummaryEntry {
  std::string label;
  MaybeFigure figure;
  float x0 = 0;
  bool numbered = false;  ///< printed with an ordinal (`一、`, `1、`, `(1)`)
  bool top = false;       ///< printed with a Chinese ordinal (`一、`, `（三）`): a top-level item
};

class Reader {
 public:
  Reader(const ingest::Document& doc, const std::vector<Section>& sections,
         model::Disclosure& d)
      : doc_(doc), sections_(sections), d_(d) {
    skip_.assign(doc.lines.size(), false);
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      // Each test reads the line without white space; it is removed once for the three.
      // (IsTableCaptionLine removes it again, from a text that then has none.)
      std::string t = RemoveSpaces(doc.lines[i]);
      if (IsPageNumber(t) || layout::IsTableCaptionLine(t) || IsTableLabel(t)) skip_[i] = true;
    }
    for (const auto& s : sections) skip_[s.title_index] = true;
    MarkRunningHeaders();
  }

  void Run() {
    for (size_t k = 0; k < sections_.size(); ++k) {
      const Section& s = sections_[k];
      if (s.continuation || s.kind == "other") continue;
      // A table continues over its repeated titles: read it to the end of its last part.
      size_t end = s.end;
      for (size_t j = k + 1; j < sections_.size() && sections_[j].continuation &&
                             sections_[j].kind == s.kind;
           ++j)
        end = sections_[j].end;
      model::Unit unit;
      if (!UnitOf(s, unit)) continue;
      Grid grid = layout::BuildGrid(doc_, s.begin, end, skip_);
      JoinWrappedFigures(grid);
      if (std::getenv("GONGKAI_DEBUG_GRID")) DebugGrid(s, grid);
      Index(s, grid, unit);
      if (s.kind == "summary" && !summary_read_) {
        summary_read_ = ReadSummary(grid, unit, d_.summary, true);
        if (summary_read_) d_.summary.table = "summary";
      } else if (s.kind == "fiscal_summary" && d_.fiscal_summary.table.empty()) {
        if (ReadSummary(grid, unit, d_.fiscal_summary, false))
          d_.fiscal_summary.table = "fiscal_summary";
      } else if (s.kind == "expenditure" && !expenditure_read_) {
        expenditure_read_ = ReadExpenditure(s, grid, unit);
        ReadPreviousColumn(s, grid, unit);
      } else if (s.kind == "general_expenditure") {
        ReadPreviousColumn(s, grid, unit);
      } else if (s.kind == "general_basic" && d_.economic.empty()) {
        ReadEconomic(grid, unit);
      } else if (s.kind == "three_public" && !three_public_read_) {
        three_public_read_ = ReadThreePublic(grid, unit, YearBlock::kBudget, d_.three_public);
        ReadThreePublicYears(grid, unit);
      }
    }
    if (d_.summary.table.empty() && !d_.fiscal_summary.table.empty()) {
      d_.summary = d_.fiscal_summary;
    }
    // Where no expenditure table splits 基本/项目 (西安's 支出总表 splits by fund), the summary's
    // column of 支出 by use states them.
    // Its other parts (上缴上级, 事业单位经营, 对附属单位补助) belong to the same split: they are
    // taken only where 基本 and 项目 come from it too.
    model::Expenditure& x = d_.expenditure;
    if (!x.basic && !x.project && use_basic_ && use_project_) {
      x.to_superior = use_to_superior_;
      x.operating = use_operating_;
      x.to_subsidiaries = use_to_subsidiaries_;
    }
    if (!d_.expenditure.basic && use_basic_) d_.expenditure.basic = use_basic_;
    if (!d_.expenditure.project && use_project_) d_.expenditure.project = use_project_;
    if (!d_.expenditure.reserve && use_reserve_) d_.expenditure.reserve = use_reserve_;
    if (!d_.expenditure.total && (use_basic_ || use_project_) && d_.summary.current_expenditure)
      d_.expenditure.total = d_.summary.current_expenditure;
    // 人员经费 and 公用经费 come from the 一般公共预算基本支出表, 基本支出 from the 支出总表 of
    // all funds: they are parts of it only where the two tables speak of the same money (the
    // basic table's 合计 is the 支出总表's 基本支出). Otherwise (重庆: 12899.61 of 一般公共预算
    // beside 13236.18 of all funds) they stay in the economic rows and are not called its parts.
    if (econ_total_ && (econ_personnel_ || econ_public_) && !d_.expenditure.personnel &&
        !d_.expenditure.public_) {
      bool same_scope = !d_.expenditure.basic || d_.expenditure.basic->amount == econ_total_->amount;
      if (same_scope) {
        d_.expenditure.personnel = econ_personnel_;
        d_.expenditure.public_ = econ_public_;
      } else {
        Diag(Diagnostic::Severity::kNotice, econ_total_->line,
             "人员经费 and 公用经费 of the 一般公共预算基本支出表 (合计 " + econ_total_->amount.WanYuan(2) +
                 " 万元) are not taken as parts of 基本支出 " + d_.expenditure.basic->amount.WanYuan(2) +
                 " 万元: the tables cover different funds",
             "scope-differs");
      }
    }
  }

 private:
  void Diag(Diagnostic::Severity sev, int line, std::string msg, std::string rule) {
    d_.diagnostics.push_back({sev, line, std::move(msg), std::move(rule)});
  }

  // Development aid: the grid as read, on stderr (GONGKAI_DEBUG_GRID=1).
  void DebugGrid(const Section& s, const Grid& g) {
    std::fprintf(stderr, "== %s '%s' line %zu unit %s\n", s.kind.c_str(), s.title.c_str(),
                 s.title_index + 1, s.unit.c_str());
    for (size_t k = 0; k < g.columns.size(); ++k)
      std::fprintf(stderr, "  col %zu [%.0f-%.0f] g%d %s %s\n", k, g.columns[k].x0,
                   g.columns[k].x1, g.columns[k].group, g.columns[k].amount ? "A" : "T",
                   g.columns[k].Label().c_str());
    for (size_t h : g.header_lines)
      std::fprintf(stderr, "  header l%zu p%d '%s'\n", h + 1, doc_.geometry[h].page + 1,
                   doc_.lines[h].c_str());
    for (const auto& r : g.rows) {
      std::fprintf(stderr, "  row l%zu g%d x%.0f '%s'", r.line + 1, r.group, r.label_x0,
                   r.label.c_str());
      for (size_t k = 0; k < r.values.size(); ++k)
        if (r.values[k]) std::fprintf(stderr, " [%zu]%s", k, r.values[k]->text.c_str());
      std::fprintf(stderr, "\n");
    }
  }

  // Lines repeated at the top of many pages ("无锡市统计局 2026 年度部门预算公开").
  void MarkRunningHeaders() {
    std::map<std::string, std::vector<size_t>> firsts;
    for (const auto& p : doc_.pages) {
      for (size_t k = p.first_line; k < p.first_line + p.line_count && k < p.first_line + 2; ++k)
        firsts[RemoveSpaces(doc_.lines[k])].push_back(k);
    }
    size_t pages = doc_.pages.size();
    for (const auto& [text, lines] : firsts) {
      if (text.empty() || lines.size() < 3 || lines.size() * 3 < pages) continue;
      if (TitleAt(doc_, lines.front())) continue;
      for (size_t k : lines) skip_[k] = true;
    }
  }

  bool UnitOf(const Section& s, model::Unit& unit) {
    if (auto u = UnitOfLabel(s.unit)) {
      unit = *u;
      return true;
    }
    d_.diagnostics.push_back(UnitMissing(s));
    return false;
  }

  static int Decimals(const std::string& figure) {
    size_t point = figure.find('.');
    return point == std::string::npos ? 0 : static_cast<int>(figure.size() - point - 1);
  }

  // A figure too wide for its cell wraps inside it (福州 收支预算总表: `24995.9` above the label
  // line and `4` below it; 杭州: `576,171.1` / `1`). The lower piece is a run of digits right
  // under the upper one and right-aligned with it, and the two together have the decimals most
  // figures of the table have; anything else is left as printed. A lone piece reads as a page
  // number and is skipped, so it is looked for among the page's words.
  void JoinWrappedFigures(Grid& grid) const {
    std::map<int, int> decimals;
    for (const auto& r : grid.rows)
      for (const auto& v : r.values)
        if (v && v->text.find('.') != std::string::npos) ++decimals[Decimals(v->text)];
    int usual = -1, seen = 0;
    for (const auto& [d, n] : decimals)
      if (n > seen) {
        usual = d;
        seen = n;
      }
    if (usual <= 0 || seen < 3) return;
    for (auto& r : grid.rows)
      for (auto& v : r.values) {
        if (!v || v->text.find('.') == std::string::npos || Decimals(v->text) >= usual) continue;
        const auto& g = doc_.geometry[v->line];
        const ingest::Word* upper = nullptr;
        for (const auto& w : g.words)
          if (std::abs(w.x1 - v->x1) < 0.5f && EndsWith(v->text, w.text)) upper = &w;
        if (!upper) continue;
        float h = std::max(upper->Height(), 1.0f);
        std::optional<std::pair<size_t, std::string>> lower;
        for (size_t k = v->line + 1; k < doc_.geometry.size() && k <= v->line + 3; ++k) {
          const auto& lg = doc_.geometry[k];
          if (lg.page != g.page) break;
          for (const auto& w : lg.words) {
            if (std::abs(w.x1 - upper->x1) >= 2 || w.y0 < upper->y1 - 0.3f * h ||
                w.y0 - upper->y1 > 1.2f * h)
              continue;
            bool digits = !w.text.empty() &&
                          std::all_of(w.text.begin(), w.text.end(), [](char c) { return IsDigit(c); });
            if (digits && Decimals(v->text) + static_cast<int>(w.text.size()) == usual)
              lower = std::make_pair(k, w.text);
          }
          if (lower) break;
        }
        if (!lower) continue;
        v->text += lower->second;
        // The piece is no figure of its own.
        for (auto& other : grid.rows)
          for (auto& o : other.values)
            if (o && o->line == lower->first && std::abs(o->x1 - v->x1) < 2 && o->text == lower->second)
              o.reset();
      }
  }

  // Every row with figures, for looking up figures the narrative states.
  void Index(const Section& s, const Grid& grid, model::Unit unit) {
    std::string parent;
    for (const auto& r : grid.rows) {
      if (!r.HasValues()) continue;
      model::Disclosure::IndexedRow row;
      row.table = s.kind;
      CodedLabel cl = SplitCode(r.label, "235", parent);
      row.code = cl.code;
      if (cl.code.size() == 3) parent = cl.code;
      row.name = cl.code.empty() ? CleanLabel(r.label) : cl.name;
      for (size_t k = 0; k < r.values.size(); ++k) {
        if (!grid.columns[k].amount || grid.columns[k].group != r.group) continue;
        auto f = FigureOf(r.values[k], unit);
        row.columns.push_back(f);
        if (f) row.figures.push_back(*f);
      }
      if (!row.figures.empty()) d_.figure_index.push_back(std::move(row));
    }
  }

  // The amount columns of a group, left to right.
  static std::vector<size_t> AmountColumns(const Grid& g, int group) {
    std::vector<size_t> out;
    for (size_t k = 0; k < g.columns.size(); ++k)
      if (g.columns[k].amount && g.columns[k].group == group) out.push_back(k);
    return out;
  }

  static std::optional<layout::Cell> FirstValue(const GridRow& r, const std::vector<size_t>& cols) {
    for (size_t k : cols)
      if (r.values[k]) return r.values[k];
    return std::nullopt;
  }

  // The 支出 side's totals where one cell spans its column groups (江苏 收支预算总表, whose
  // 支出 side is 功能分类 | 支出用途: `当年支出小计            13,377.11` and `支出合计   13,377.11`
  // are centred across both, so the label falls in one group and the figure in another). Read
  // from the line's words right of the income side: one total label and exactly one figure,
  // else nothing.
  std::vector<SummaryEntry> SpanningTotals(const Grid& grid, int income, model::Unit unit) const {
    std::vector<SummaryEntry> out;
    if (income != 0) return out;
    float split = -1;
    for (size_t k = 0; k + 1 < grid.columns.size(); ++k)
      if (grid.columns[k].group == 0 && grid.columns[k + 1].group == 1)
        split = (grid.columns[k].x1 + grid.columns[k + 1].x0) / 2;
    if (split < 0) return out;
    std::set<size_t> lines;
    for (const auto& r : grid.rows) lines.insert(r.line);
    for (size_t line : lines) {
      std::string label;
      std::vector<layout::Cell> figures;
      for (const auto& w : doc_.geometry[line].words) {
        if ((w.x0 + w.x1) / 2 < split) continue;
        if (layout::IsAmountWord(w.text))
          figures.push_back({w.text, w.x0, w.x1, line});
        else
          label += w.text;
      }
      label = CleanLabel(label);
      bool total = Has(label, "支出") && (Has(label, "合计") || Has(label, "小计") ||
                                          Has(label, "总计"));
      if (!total || figures.size() != 1 || CodePointCount(label) > 8) continue;
      out.push_back({label, FigureOf(figures.front(), unit), 0, false});
    }
    return out;
  }

  // 收支总表 / 财政拨款收支总表: side-by-side groups of (label, figure). The group whose labels
  // speak of 收入 is income; the first other group naming functional classes is expenditure;
  // a group naming 基本支出/项目支出 (支出 by use, as 江苏 and 西安 print) gives those.
  bool ReadSummary(const Grid& grid, model::Unit unit, model::Summary& out, bool main) {
    if (grid.rows.empty()) return false;
    using Entry = SummaryEntry;
    std::vector<std::vector<Entry>> groups(static_cast<size_t>(grid.groups));
    // A leading 序号 column (西安 2021–2022: `31 本年收入合计`, sometimes glued `31本年收入合计`)
    // numbers the lines; its number is no part of the label.
    bool numbered_lines = !grid.columns.empty() && !grid.columns.front().amount &&
                          grid.columns.front().Label() == "序号";
    for (const auto& r : grid.rows) {
      auto cols = AmountColumns(grid, r.group);
      std::string raw = r.group == 0 && numbered_lines ? StripLineNumber(r.label) : r.label;
      Entry e{CleanLabel(raw), std::nullopt, r.label_x0, false};
      if (e.label.empty()) continue;
      e.numbered = e.label != RemoveSpaces(r.label);
      e.top = StartsWithOrdinal(RemoveSpaces(r.label));
      e.figure = FigureOf(FirstValue(r, cols), unit);
      groups[static_cast<size_t>(r.group)].push_back(e);
    }
    // Votes, not a single word: an income side can name a class by accident (杭州 lists the
    // fund "国有资本经营预算" under 一、财政拨款, which is also class 223's name without 支出).
    int income = -1, functional = -1, by_use = -1;
    for (int g = 0; g < grid.groups; ++g) {
      int inc = 0, class_names = 0;
      bool use = false, spends = false;
      for (const auto& e : groups[static_cast<size_t>(g)]) {
        if (Has(e.label, "收入") || Has(e.label, "拨款") || Has(e.label, "上年结转")) ++inc;
        if (!model::FunctionalClassCode(e.label).empty()) ++class_names;
        use |= e.label == "基本支出" || Has(e.label, "人员经费和公用经费") ||
               e.label == "项目支出" || Has(e.label, "专项业务经费");
        spends |= Has(e.label, "支出");
      }
      // A group by use or by economic class can end in "(10)其他支出" (西安), which is also
      // the name of a functional class: one such name does not make a functional group.
      int classes = class_names >= 2 || (class_names == 1 && !use) ? class_names : 0;
      if (income < 0 && inc > classes) {
        income = g;
        continue;
      }
      if (functional < 0 && (classes > 0 || (spends && !use))) functional = g;
      if (by_use < 0 && use && classes == 0) by_use = g;
    }
    if (income < 0 && grid.groups >= 2) income = 0;
    if (functional < 0 && grid.groups >= 2) functional = income == 0 ? 1 : 0;
    if (income < 0 || functional < 0 || income == functional) return false;

    // Income side.
    bool has_grand = false;
    for (const auto& e : groups[static_cast<size_t>(income)])
      has_grand |= Has(e.label, "总计");
    // Items numbered 一、二、 with sub-items 1. 2. under them (深圳: 一、财政拨款 / 1.一般公共预算
    // 拨款): the items are the numbered ones, or their parts would count twice.
    bool ranked_items = false;
    for (const auto& e : groups[static_cast<size_t>(income)]) ranked_items |= e.top;
    // The same by indentation where the levels are not numbered (深圳 财政拨款收支总表:
    // 财政拨款 / 1.一般公共预算拨款 indented under it).
    float item_x = 1e9f;
    for (const auto& e : groups[static_cast<size_t>(income)])
      if (e.figure && !IsTotalLabel(e.label) && !StartsWith(e.label, "本年") &&
          !StartsWith(e.label, "当年") && !Has(e.label, "总计"))
        item_x = std::min(item_x, e.x0);
    bool past_carryover = false;
    for (const auto& e : groups[static_cast<size_t>(income)]) {
      const std::string& l = e.label;
      SummaryTotal kind = SummaryTotalOf(l, "收入", has_grand);
      if (kind == SummaryTotal::kGrand) {
        if (!out.income_total) out.income_total = e.figure;
      } else if (kind == SummaryTotal::kCurrent) {
        if (!out.current_income) out.current_income = e.figure;
      } else if (Has(l, "实户资金") || StartsWith(l, "用事业基金") ||
                 StartsWith(l, "使用非财政拨款结余")) {
        // 西安: 上年实户资金余额, 使用非财政拨款结余 — parts of 收入总计 beside 本年 and 结转.
        if (e.figure && out.other_in.size() < 8) out.other_in.push_back({l, *e.figure});
      } else if (StartsWith(l, "上年结转") || StartsWith(l, "上年结余") || l == "上年结转结余") {
        if (!out.carryover_in) out.carryover_in = e.figure;
        past_carryover = true;
      } else if (e.figure && !Has(l, "其中") && out.income_items.size() < 40 &&
                 (!ranked_items || e.top) && e.x0 <= item_x + 4 && !past_carryover) {
        // Rows under 上年结转 split the carry-over by fund (北京 04表: 二、上年结转 /
        // （一）一般公共预算拨款): they are no income of the year.
        out.income_items.push_back({l, *e.figure});
      }
    }
    // Expenditure side.
    has_grand = false;
    for (const auto& e : groups[static_cast<size_t>(functional)])
      has_grand |= Has(e.label, "总计");
    // Classes stand at the smallest indentation among rows named like one: where 类, 款 and 项
    // are shown by indentation only (杭州: `科学技术支出 / 技术研究与开发`), a 款 that shares a
    // class's name (`其他支出`) is not a class. A numbered row is a class wherever it starts
    // (西安 centres its labels: `10、卫生健康` starts right of `9、社会保险基金`).
    float class_x = 1e9f;
    for (const auto& e : groups[static_cast<size_t>(functional)])
      if (!model::FunctionalClassCode(e.label).empty()) class_x = std::min(class_x, e.x0);
    auto take_total = [&](const Entry& e) {
      const std::string& l = e.label;
      SummaryTotal kind = SummaryTotalOf(l, "支出", has_grand);
      if (kind == SummaryTotal::kGrand) {
        if (!out.expenditure_total) out.expenditure_total = e.figure;
      } else if (kind == SummaryTotal::kCurrent) {
        if (!out.current_expenditure) out.current_expenditure = e.figure;
      } else if (StartsWith(l, "年终结转") || StartsWith(l, "结转下年")) {
        if (!out.carryover_out) out.carryover_out = e.figure;
      } else if (Has(l, "实户资金") && e.figure && out.other_out.size() < 8) {
        out.other_out.push_back({l, *e.figure});  // 西安: 未安排支出的实户资金
      }
    };
    for (const auto& e : groups[static_cast<size_t>(functional)]) {
      std::string code = model::FunctionalClassCode(e.label);
      if (!code.empty() && !e.numbered && e.x0 > class_x + 4) continue;
      if (!code.empty()) {
        if (e.figure) out.expenditure_classes.push_back({code, e.label, *e.figure});
      } else {
        take_total(e);
      }
    }
    if (!out.expenditure_total || !out.current_expenditure)
      for (const Entry& e : SpanningTotals(grid, income, unit)) take_total(e);
    if (main && by_use >= 0) {
      for (const auto& e : groups[static_cast<size_t>(by_use)]) {
        const std::string& l = e.label;
        if ((l == "基本支出" || Has(l, "人员经费和公用经费")) && !use_basic_) use_basic_ = e.figure;
        if ((l == "项目支出" || Has(l, "专项业务经费")) && !use_project_) use_project_ = e.figure;
        if (Has(l, "预留机动") && !use_reserve_) use_reserve_ = e.figure;
        // The other parts of the same column (西安: `3、上缴上级支出 / 4、事业单位经营支出
        // 48007600.00 / 5、对附属单位补助支出`): spending of the year, neither 基本 nor 项目.
        if (Has(l, "上缴上级支出") && !use_to_superior_) use_to_superior_ = e.figure;
        if (Has(l, "事业单位经营支出") && !use_operating_) use_operating_ = e.figure;
        if (Has(l, "对附属单位补助支出") && !use_to_subsidiaries_) use_to_subsidiaries_ = e.figure;
      }
    }
    return out.income_total || out.expenditure_total || out.current_income;
  }

  // Finds the first amount column whose header satisfies `pred`.
  template <typename Pred>
  static std::optional<size_t> FindColumn(const Grid& g, Pred pred) {
    for (size_t k = 0; k < g.columns.size(); ++k)
      if (g.columns[k].amount && pred(g.columns[k])) return k;
    return std::nullopt;
  }

  // The pieces of a figure wrapped inside its cell around row `i`'s line in column `k`: the
  // first on a line of its own just above (a row with no label and no other figure), the rest
  // a lone run of digits on the line just below, under the same cell (杭州 表3 "576,171.1" /
  // 合计 / "1"). The lower piece is read from the page, since a lone number is taken for a
  // page number and is no row.
  std::optional<layout::Cell> WrappedCell(const Grid& grid, size_t i, size_t k) const {
    if (i == 0) return std::nullopt;
    const GridRow& r = grid.rows[i];
    const GridRow& up = grid.rows[i - 1];
    if (!up.label.empty() || !up.values[k] || up.line + 1 != r.line) return std::nullopt;
    for (size_t c = 0; c < up.values.size(); ++c)
      if (c != k && up.values[c]) return std::nullopt;
    const layout::Cell& top = *up.values[k];
    if (top.text.find('.') == std::string::npos) return std::nullopt;
    size_t below = r.line + 1;
    if (below >= doc_.geometry.size() || doc_.geometry[below].page != doc_.geometry[r.line].page)
      return std::nullopt;
    const auto& words = doc_.geometry[below].words;
    if (words.size() != 1) return std::nullopt;
    const auto& w = words[0];
    bool digits = !w.text.empty() && w.text.size() <= 2 &&
                  std::all_of(w.text.begin(), w.text.end(), IsDigit);
    if (!digits || w.x0 < top.x0 - 1 || w.x1 > top.x1 + 6) return std::nullopt;
    layout::Cell out = top;
    out.text += w.text;
    if (!layout::IsAmountWord(out.text)) return std::nullopt;
    return out;
  }

  // 部门支出总表: 合计 | 基本支出 | 项目支出 (| 单位预留机动经费 | 事业单位经营支出 …), rows
  // by functional code or, where the table prints none, by name and indentation.
  bool ReadExpenditure(const Section& s, const Grid& grid, model::Unit unit) {
    if (grid.columns.empty()) return false;
    auto label_has = [](const layout::Column& c, const char* w) { return Has(c.Label(), w); };
    auto total = FindColumn(grid, [&](const layout::Column& c) {
      return (label_has(c, "合计") || label_has(c, "总计") || label_has(c, "小计")) &&
             !label_has(c, "基本") && !label_has(c, "项目") && !label_has(c, "采购");
    });
    auto basic = FindColumn(grid, [&](const layout::Column& c) {
      std::string leaf = c.path.back();
      return label_has(c, "基本支出") && (leaf == "基本支出" || Has(leaf, "小计") ||
                                          Has(leaf, "合计") || Has(leaf, "基本支出"));
    });
    auto project = FindColumn(grid, [&](const layout::Column& c) {
      std::string leaf = c.path.back();
      return label_has(c, "项目支出") && !label_has(c, "采购") &&
             (Has(leaf, "项目支出") || Has(leaf, "小计") || Has(leaf, "合计"));
    });
    auto reserve = FindColumn(grid, [&](const layout::Column& c) {
      return label_has(c, "预留机动") || label_has(c, "机动经费");
    });
    // 基本支出 printed only as its parts, with no 小计 (杭州 表3: 基本支出 over
    // 人员支出 | 日常公用支出): where the header makes them its children, 基本 is their sum.
    std::vector<size_t> basic_parts;
    if (!basic) {
      for (size_t k = 0; k < grid.columns.size(); ++k) {
        const auto& path = grid.columns[k].path;
        if (!grid.columns[k].amount || path.size() < 2) continue;
        if (std::find(path.begin(), path.end() - 1, "基本支出") == path.end() - 1) continue;
        if (Has(path.back(), "小计") || Has(path.back(), "合计")) {
          basic_parts.clear();
          break;
        }
        basic_parts.push_back(k);
      }
      if (basic_parts.size() < 2) basic_parts.clear();
    }
    if (!total) {
      // The first figure column, where its header is no part (基本/项目) and names no source
      // of funds: in 西安's 支出总表 (split by fund) the first figures can be
      // "一般公共预算拨款 小计", a part, not the total.
      for (size_t k = 0; k < grid.columns.size(); ++k)
        if (grid.columns[k].amount) {
          std::string l = grid.columns[k].Label();
          bool part = Has(l, "基本") || Has(l, "项目");
          for (const char* w : {"拨款", "基金", "国有资本", "收入", "结转", "结余", "资金"})
            part |= Has(l, w);
          if (!part) total = k;
          break;
        }
    }
    if (!total) {
      Diag(Diagnostic::Severity::kWarning, static_cast<int>(s.title_index) + 1,
           "the table '" + s.title + "': no 合计 column found in its header; its figures are not read",
           "table-columns");
      return false;
    }
    auto fig = [&](const GridRow& r, std::optional<size_t> k) -> MaybeFigure {
      if (!k) return std::nullopt;
      return FigureOf(r.values[*k], unit);
    };
    // 基本 of a row: its column, or the sum of its parts (a blank part is a zero; all blank
    // is no figure).
    auto basic_fig = [&](const GridRow& r) -> MaybeFigure {
      if (basic_parts.empty()) return fig(r, basic);
      MaybeFigure sum;
      for (size_t k : basic_parts) {
        MaybeFigure f = FigureOf(r.values[k], unit);
        if (!f) {
          if (r.values[k]) return std::nullopt;  // printed but unreadable
          continue;
        }
        if (sum) sum->amount += f->amount;
        else sum = f;
      }
      return sum;
    };
    std::string basic_note;
    if (!basic_parts.empty()) {
      basic_note = "基本支出 =";
      for (size_t n = 0; n < basic_parts.size(); ++n)
      {
        const auto& path = grid.columns[basic_parts[n]].path;
        std::string name;
        for (auto it = std::find(path.begin(), path.end(), "基本支出") + 1; it != path.end(); ++it)
          name += *it;
        basic_note += (n ? " + " : " ") + name;
      }
      basic_note += " (no 基本支出 小计 printed)";
    }
    std::optional<size_t> labeled_total, first_row;
    std::string parent_class;
    std::vector<model::FunctionalRow> rows;
    bool coded = false;
    for (size_t i = 0; i < grid.rows.size(); ++i) {
      const GridRow& r = grid.rows[i];
      if (!r.HasValues()) continue;
      CodedLabel cl = SplitCode(r.label, "2", parent_class);
      std::string clean = CleanLabel(r.label);
      if (cl.code.size() == 3 && !ClassNameFits(cl.code, cl.name)) {
        // "201 西安市民政局": a unit's code that looks like a class code. A 类's name is the
        // national one; a row named otherwise is no class.
        Diag(Diagnostic::Severity::kNotice, static_cast<int>(r.line) + 1,
             "the row '" + RemoveSpaces(r.label) + "' starts with " + cl.code +
                 " but is not named like the class " + cl.code + " (" +
                 model::FunctionalClassName(cl.code) + "): read as a unit, not as a class",
             "not-a-class");
        continue;
      }
      if (!cl.code.empty()) {
        coded = true;
        if (cl.code.size() == 3) parent_class = cl.code;
        model::FunctionalRow row;
        row.code = cl.code;
        row.name = cl.name;
        row.level = cl.code.size() == 3 ? 1 : cl.code.size() == 5 ? 2 : 3;
        row.total = fig(r, total);
        // 基本支出 printed only as its parts is no figure of the row (the contract publishes what
        // the document states); the parts stand in the figure index.
        row.basic = basic_parts.empty() ? fig(r, basic) : std::nullopt;
        row.project = fig(r, project);
        row.line = static_cast<int>(r.line) + 1;
        rows.push_back(std::move(row));
      } else if (!labeled_total && IsTotalLabel(clean)) {
        labeled_total = i;
      } else if (!first_row && !coded && rows.empty()) {
        first_row = i;  // 江苏: the table is one row of figures with no label
      }
    }
    if (!coded) {
      // Names only (杭州): the classes are the rows whose names are functional classes, at the
      // smallest indentation among them.
      float min_x = 1e9f;
      for (const auto& r : grid.rows)
        if (r.HasValues() && !model::FunctionalClassCode(CleanLabel(r.label)).empty())
          min_x = std::min(min_x, r.label_x0);
      for (const auto& r : grid.rows) {
        if (!r.HasValues()) continue;
        std::string clean = CleanLabel(r.label);
        std::string code = model::FunctionalClassCode(clean);
        if (code.empty() || r.label_x0 > min_x + 4) continue;
        model::FunctionalRow row;
        row.code = code;
        row.name = clean;
        row.level = 1;
        row.total = fig(r, total);
        row.basic = basic_parts.empty() ? fig(r, basic) : std::nullopt;
        row.project = fig(r, project);
        row.line = static_cast<int>(r.line) + 1;
        row.note = "a class printed by name without its code; the code is the national classification's";
        rows.push_back(std::move(row));
      }
    }
    // A labelled 合计 row wins over a first row without one (a number wrapped above it).
    std::optional<size_t> total_row = labeled_total ? labeled_total : first_row;
    if (total_row) {
      GridRow r = grid.rows[*total_row];
      // A figure too wide for its cell wraps around the row's line (杭州 表3 "576,171.1" above
      // 合计, "1" below): joined only where the row's own sum then holds, 合计 = 基本 + 项目
      // (+ 预留).
      std::vector<size_t> parts = basic_parts;
      if (basic) parts.push_back(*basic);
      if (project) parts.push_back(*project);
      if (reserve) parts.push_back(*reserve);
      for (size_t k : parts) {
        if (r.values[k]) continue;
        auto joined = WrappedCell(grid, *total_row, k);
        if (!joined) continue;
        GridRow trial = r;
        trial.values[k] = joined;
        MaybeFigure t = fig(trial, total), b = basic_fig(trial), p = fig(trial, project),
                    v = fig(trial, reserve);
        if (t && b && p && b->amount + p->amount + (v ? v->amount : model::Money()) == t->amount) {
          r = trial;
          Diag(Diagnostic::Severity::kNotice, static_cast<int>(joined->line) + 1,
               "a figure wrapped in its cell read as one: " + joined->text +
                   " (合计 = 基本 + 项目 holds with it)",
               "figure-wrapped");
        }
      }
      d_.expenditure.total = fig(r, total);
      if (basic_parts.empty()) {
        d_.expenditure.basic = fig(r, basic);
      } else {
        // The parts are printed: 人员 and 公用 are what the contract calls personnel and public.
        for (size_t k : basic_parts) {
          std::string leaf = grid.columns[k].path.back();
          if (Has(leaf, "人员") && !d_.expenditure.personnel) d_.expenditure.personnel = fig(r, k);
          if (Has(leaf, "公用") && !d_.expenditure.public_) d_.expenditure.public_ = fig(r, k);
        }
        Diag(Diagnostic::Severity::kNotice, static_cast<int>(r.line) + 1,
             "the table prints 基本支出 only as its parts: " + basic_note,
             "basic-as-parts");
      }
      d_.expenditure.project = fig(r, project);
      d_.expenditure.reserve = fig(r, reserve);
    }
    d_.functional = std::move(rows);
    return total_row.has_value() || !d_.functional.empty();
  }

  // 一般公共预算基本支出表: rows by economic code (301.., 302..; 501.. where only the
  // government scheme is printed), columns 合计 | 人员经费 | 公用经费.
  void ReadEconomic(const Grid& grid, model::Unit unit) {
    auto total = FindColumn(grid, [](const layout::Column& c) {
      return Has(c.Label(), "合计") || Has(c.Label(), "小计") || Has(c.Label(), "总计") ||
             Has(c.Label(), "预算数") || Has(c.Label(), "金额");
    });
    auto personnel = FindColumn(grid, [](const layout::Column& c) { return Has(c.Label(), "人员"); });
    auto public_ = FindColumn(grid, [](const layout::Column& c) { return Has(c.Label(), "公用"); });
    if (!total) {
      for (size_t k = 0; k < grid.columns.size() && !total; ++k)
        if (grid.columns[k].amount) total = k;
    }
    if (!total) return;
    auto fig = [&](const GridRow& r, std::optional<size_t> k) -> MaybeFigure {
      if (!k) return std::nullopt;
      return FigureOf(r.values[*k], unit);
    };
    for (const char* digits : {"3", "5"}) {
      std::vector<model::EconomicRow> rows;
      std::optional<size_t> total_row;
      for (size_t i = 0; i < grid.rows.size(); ++i) {
        const GridRow& r = grid.rows[i];
        if (!r.HasValues()) continue;
        CodedLabel cl = SplitCode(r.label, digits, "");
        if (!cl.code.empty() && cl.code.size() <= 7 && cl.code[0] == digits[0]) {
          model::EconomicRow row;
          row.code = cl.code;
          row.name = cl.name;
          row.total = fig(r, total);
          row.personnel = fig(r, personnel);
          row.public_ = fig(r, public_);
          row.line = static_cast<int>(r.line) + 1;
          rows.push_back(std::move(row));
        } else if (!total_row && IsTotalLabel(CleanLabel(r.label))) {
          total_row = i;
        }
      }
      if (rows.empty()) continue;
      if (total_row) {
        econ_personnel_ = fig(grid.rows[*total_row], personnel);
        econ_public_ = fig(grid.rows[*total_row], public_);
        econ_total_ = fig(grid.rows[*total_row], total);
      }
      d_.economic = std::move(rows);
      return;
    }
  }

  // “三公”经费表: columns found by their header words in whatever order; the block or row of
  // `block` where the table prints several years (2025年预算数 | 2026年预算数; 上年 | 当年 |
  // 增减变化情况); 一般公共预算 where it splits funds. Fills `tp`; false when nothing is read.
  bool ReadThreePublic(const Grid& grid, model::Unit unit, YearBlock block,
                       model::ThreePublic& tp) {
    std::string year = d_.year ? std::to_string(d_.year) : "";
    std::string prev_year = d_.year ? std::to_string(d_.year - 1) : "";
    auto is_change = [](const std::string& l) {
      return Has(l, "增减") || Has(l, "变化") || Has(l, "比较");
    };
    auto other_block = [&](const layout::Column& c) {
      std::string l = c.Label();
      if (Has(l, "政府性基金") || Has(l, "国有资本")) return true;
      switch (block) {
        case YearBlock::kBudget:  // any column of another year, or of 上年 money
          return is_change(l) || Has(l, "上年") || (!prev_year.empty() && Has(l, prev_year + "年"));
        case YearBlock::kPrevious: return is_change(l) || PreviousYearLabel(c).empty();
        case YearBlock::kChange: return !is_change(l);
        case YearBlock::kOther: return true;
      }
      return true;
    };
    // A kind found in more than one column outside the excluded blocks: the table repeats its
    // columns in blocks whose labels were not all read (西安 2022 表13, where `2021年` did not
    // reach its block). The column is the one its header marks as the budget year's; with
    // none or several so marked, the kind stays null rather than be taken from another year.
    auto this_year = [&](const layout::Column& c) {
      std::string l = c.Label();
      if (block != YearBlock::kBudget) return true;  // only the block's own columns are left
      return Has(l, "当年") || Has(l, "本年") || (!year.empty() && Has(l, year + "年"));
    };
    // The amount columns `pred` accepts outside the excluded blocks, and of them those marked
    // as the budget year's.
    auto scan = [&](auto pred) {
      std::pair<std::vector<size_t>, std::vector<size_t>> found;
      for (size_t k = 0; k < grid.columns.size(); ++k) {
        const layout::Column& c = grid.columns[k];
        if (!c.amount || other_block(c) || !pred(c)) continue;
        found.first.push_back(k);
        if (this_year(c)) found.second.push_back(k);
      }
      return found;
    };
    auto find = [&](auto pred) -> std::optional<size_t> {
      auto [hits, marked] = scan(pred);
      if (hits.size() == 1) return hits.front();
      if (marked.size() == 1) return marked.front();
      return std::nullopt;
    };
    // Every column `pred` accepts outside the excluded blocks; those marked as the budget
    // year's where some are.
    auto candidates = [&](auto pred) {
      auto [hits, marked] = scan(pred);
      return marked.empty() ? hits : marked;
    };
    auto leaf = [](const layout::Column& c) { return MeaningPath(c).back(); };
    auto overseas = find([](const layout::Column& c) { return Has(c.Label(), "出国"); });
    auto reception = find([](const layout::Column& c) { return Has(c.Label(), "接待"); });
    auto vehicle_total = find([&](const layout::Column& c) {
      std::string l = c.Label();
      return Has(l, "公务用车") && Has(l, "运行") && Has(l, "购置") &&
             (Has(leaf(c), "小计") || Has(leaf(c), "及运行") || Has(leaf(c), "购置及"));
    });
    auto purchase = find([&](const layout::Column& c) {
      return Has(leaf(c), "购置") && !Has(leaf(c), "运行");
    });
    auto operation = find([&](const layout::Column& c) {
      return Has(leaf(c), "运行") && !Has(leaf(c), "购置");
    });
    bool meetings = FindColumn(grid, [](const layout::Column& c) {
                      return Has(c.Label(), "会议") || Has(c.Label(), "培训");
                    }).has_value();
    auto total = find([&](const layout::Column& c) {
      std::string l = c.Label();
      bool total_word = Has(l, "合计") || Has(l, "总计") || Has(l, "总额") || Has(l, "小计");
      return total_word && Has(l, "三公") && !Has(l, "出国") && !Has(l, "接待") && !Has(l, "用车");
    });
    if (!total && !meetings)
      total = find([&](const layout::Column& c) {
        std::string l = c.Label();
        return (Has(l, "合计") || Has(l, "总计")) && !Has(l, "出国") && !Has(l, "接待") &&
               !Has(l, "用车");
      });
    auto fig = [&](const GridRow& r, std::optional<size_t> k) -> MaybeFigure {
      if (!k) return std::nullopt;
      return FigureOf(r.values[*k], unit);
    };
    if (overseas || reception || purchase || operation) {
      // The row: the budget year's, else 合计, else the only one with figures.
      const GridRow* row = nullptr;
      for (const auto& r : grid.rows)
        if (r.HasValues() && block == YearBlock::kBudget && !year.empty() &&
            Has(RemoveSpaces(r.label), year))
          row = &r;
      if (!row)
        for (const auto& r : grid.rows)
          if (r.HasValues() && IsTotalLabel(CleanLabel(r.label))) {
            row = &r;
            break;
          }
      if (!row)
        for (const auto& r : grid.rows)
          if (r.HasValues()) {
            row = &r;
            break;
          }
      if (!row) return false;
      tp.overseas = fig(*row, overseas);
      tp.reception = fig(*row, reception);
      tp.vehicle_purchase = fig(*row, purchase);
      tp.vehicle_operation = fig(*row, operation);
      // The table's arithmetic decides what the header words leave open. A part whose column
      // is found but whose cell is blank is a zero; a part with no column is unknown.
      auto part = [&](std::optional<size_t> k) -> std::optional<int64_t> {
        if (!k) return std::nullopt;
        MaybeFigure f = fig(*row, k);
        if (f) return f->amount.fen();
        const auto& cell = row->values[*k];
        if (!cell) return 0;
        return std::nullopt;  // two figures in one cell: doubtful
      };
      auto sum = [](std::optional<int64_t> a, std::optional<int64_t> b) -> std::optional<int64_t> {
        if (!a || !b) return std::nullopt;
        return *a + *b;
      };
      // The only candidate column whose figure is `want`.
      auto the_one = [&](const std::vector<size_t>& ks, std::optional<int64_t> want) {
        std::optional<size_t> hit;
        if (!want) return hit;
        int n = 0;
        for (size_t k : ks) {
          MaybeFigure f = fig(*row, k);
          if (f && f->amount.fen() == *want) {
            hit = k;
            ++n;
          }
        }
        if (n != 1) hit.reset();
        return hit;
      };
      // 公务用车购置及运行维护费 named twice (江苏政协 2017, whose header tree puts the 三公
      // 小计 under it): the one that is 购置费 + 运行维护费.
      if (!vehicle_total)
        vehicle_total = the_one(candidates([&](const layout::Column& c) {
                                  std::string l = c.Label();
                                  return Has(l, "公务用车") && Has(l, "运行") && Has(l, "购置") &&
                                         (Has(leaf(c), "小计") || Has(leaf(c), "及运行") ||
                                          Has(leaf(c), "购置及"));
                                }),
                                sum(part(purchase), part(operation)));
      tp.vehicle_total = fig(*row, vehicle_total);
      // The 三公 total is overseas + reception + vehicle. Where a table adds 会议费 and 培训费
      // its 合计 includes them and the 三公 total is the 小计 beside it (西安 表13 `合计 |
      // 一般公共预算拨款安排的“三公”经费预算 (小计 | …) | 会议费 | 培训费`, 江苏 09表): of the
      // columns headed by a total word, the one that equals the parts. A total that the parts
      // contradict where the table has 会议费 stays null: it may include them.
      std::optional<int64_t> vehicle = vehicle_total ? part(vehicle_total)
                                                     : sum(part(purchase), part(operation));
      std::optional<int64_t> parts = sum(sum(part(overseas), part(reception)), vehicle);
      auto total_word = [&](const layout::Column& c) {
        std::string f = leaf(c);
        return Has(f, "合计") || Has(f, "总计") || Has(f, "总额") || Has(f, "小计");
      };
      std::vector<size_t> totals = candidates([&](const layout::Column& c) {
        size_t k = static_cast<size_t>(&c - grid.columns.data());
        return total_word(c) && k != overseas && k != reception && k != vehicle_total &&
               k != purchase && k != operation;
      });
      MaybeFigure stated = fig(*row, total);
      if (!(stated && parts && stated->amount.fen() == *parts)) {
        if (auto k = the_one(totals, parts)) total = k;
        else if (meetings && parts) total.reset();
      }
      tp.total = fig(*row, total);
      // A part whose column was not found is unknown, not zero: a stated total that the parts
      // found do not make is then not checkable against them and stays null (西安 2022 表13
      // with `公务接` / `待费` printed apart, whose 接待费 column is not named).
      bool vehicle_known = vehicle_total || (purchase && operation);
      if (tp.total && (!overseas || !reception || !vehicle_known)) {
        std::optional<int64_t> found = 0;
        for (std::optional<int64_t> p : {overseas ? part(overseas) : std::optional<int64_t>(0),
                                         reception ? part(reception) : std::optional<int64_t>(0),
                                         vehicle ? vehicle : std::optional<int64_t>(0)})
          found = sum(found, p);
        if (!found || *found != tp.total->amount.fen()) tp.total.reset();
      }
      // A budget is never negative: a negative figure is the 增减变化 block's, whose label did
      // not reach its columns (西安 2022 表13); none of the row's figures can then be trusted.
      for (const MaybeFigure* f : {&tp.total, &tp.overseas, &tp.reception, &tp.vehicle_total,
                                   &tp.vehicle_purchase, &tp.vehicle_operation})
        if (block != YearBlock::kChange && *f && (*f)->amount.fen() < 0) {
          tp = model::ThreePublic{};
          return false;
        }
      return true;
    }
    if (block != YearBlock::kBudget) return false;
    // One column of figures, one row per item (福州): 合计 / 1、因公出国（境）费用 / …
    bool any = false;
    for (const auto& r : grid.rows) {
      if (!r.HasValues()) continue;
      std::string l = CleanLabel(r.label);
      auto cols = AmountColumns(grid, r.group);
      MaybeFigure f = FigureOf(FirstValue(r, cols), unit);
      if (!f) continue;
      l = StripOrdinal(l.substr(StartsWith(l, "其中：") ? std::string("其中：").size() : 0));
      l = StripOrdinal(l);
      if (IsTotalLabel(l) && !tp.total) tp.total = f;
      else if (Has(l, "出国") && !tp.overseas) tp.overseas = f;
      else if (Has(l, "接待") && !tp.reception) tp.reception = f;
      else if (Has(l, "公务用车") && Has(l, "运行") && Has(l, "购置") && !tp.vehicle_total) tp.vehicle_total = f;
      else if (Has(l, "购置") && !tp.vehicle_purchase) tp.vehicle_purchase = f;
      else if (Has(l, "运行") && !tp.vehicle_operation) tp.vehicle_operation = f;
      else continue;
      any = true;
    }
    return any;
  }

  // The header words of a previous-year block or column as printed: `2025年预算数`, `上年`
  // (a change block's are no previous year's).
  std::string PreviousYearLabel(const layout::Column& c) const {
    for (const auto& p : c.path) {
      if (Has(p, "增减") || Has(p, "变化") || Has(p, "比较")) return "";
      if (NamesPreviousYear(p, d_.year)) return p;
    }
    return "";
  }

  // The “三公” table's previous-year block and change block beside the budget year's (重庆
  // `2025年预算数 | 2026年预算数`, 西安 表13 `上年 | 当年 | 增减变化情况`), each read as the budget
  // year's block is; CheckPreviousYearReading (reading_check.h) keeps them only where their
  // own sums hold. A block named whose parts are not found is said in a notice.
  void ReadThreePublicYears(const Grid& grid, model::Unit unit) {
    model::PreviousYear& p = d_.previous_year;
    if (!p.three_public_header.empty()) return;
    for (const auto& c : grid.columns)
      if (c.amount && p.three_public_header.empty()) p.three_public_header = PreviousYearLabel(c);
    if (p.three_public_header.empty()) return;
    if (!ReadThreePublic(grid, unit, YearBlock::kPrevious, p.three_public)) {
      p.three_public = {};
      int line = grid.rows.empty() ? 0 : static_cast<int>(grid.rows.front().line) + 1;
      Diag(Diagnostic::Severity::kNotice, line,
           "the “三公” table prints a previous-year block (" + p.three_public_header +
               ") whose parts are not told apart by their headers: it is not read",
           "previous-year-unread");
      return;
    }
    if (!ReadThreePublic(grid, unit, YearBlock::kChange, p.three_public_change))
      p.three_public_change = {};
  }

  // A previous-year column of a table by 功能分类 (重庆 一般公共预算支出情况表 `2025年预算数`
  // before the 2026 columns; 上年预算数 / 上年执行数 elsewhere): the 合计 row and the coded rows.
  // One such column only; CheckPreviousYearReading (reading_check.h) keeps it only where 合计 =
  // Σ类, 类 = Σ款 hold.
  void ReadPreviousColumn(const Section& s, const Grid& grid, model::Unit unit) {
    model::PreviousYear& p = d_.previous_year;
    if (!p.functional_table.empty()) return;
    std::optional<size_t> column;
    for (size_t k = 0; k < grid.columns.size(); ++k) {
      if (!grid.columns[k].amount || PreviousYearLabel(grid.columns[k]).empty()) continue;
      if (column) return;  // two: which one is the year's total is not known
      column = k;
    }
    if (!column) return;
    std::string parent_class;
    for (const GridRow& r : grid.rows) {
      MaybeFigure f = FigureOf(r.values[*column], unit);
      if (!f) continue;
      CodedLabel cl = SplitCode(r.label, "2", parent_class);
      if (cl.code.empty()) {
        if (!p.functional_total && p.functional.empty() && IsTotalLabel(CleanLabel(r.label)))
          p.functional_total = f;
        continue;
      }
      if (cl.code.size() == 3 && !ClassNameFits(cl.code, cl.name)) continue;  // a unit's code
      if (cl.code.size() == 3) parent_class = cl.code;
      model::FunctionalRow row;
      row.code = cl.code;
      row.name = cl.name;
      row.level = cl.code.size() == 3 ? 1 : cl.code.size() == 5 ? 2 : 3;
      row.total = f;
      row.line = f->line;
      p.functional.push_back(std::move(row));
    }
    p.functional_table = s.kind;
    p.functional_header = PreviousYearLabel(grid.columns[*column]);
  }

  const ingest::Document& doc_;
  const std::vector<Section>& sections_;
  model::Disclosure& d_;
  std::vector<bool> skip_;
  bool summary_read_ = false, expenditure_read_ = false, three_public_read_ = false;
  MaybeFigure use_basic_, use_project_, use_reserve_;
  MaybeFigure use_to_superior_, use_operating_, use_to_subsidiaries_;
  MaybeFigure econ_total_, econ_personnel_, econ_public_;
};

}  // namespace

namespace {

// The `元` of a unit wrapped in its cell, on the next line under the line's last word `单位：万`,
// beside other words (法院 2019 09表: `单位：万` / `部门名称：江苏省高级人民法院 … 元`).
bool WrappedYuanBelow(const ingest::Document& doc, size_t i) {
  if (i + 1 >= doc.lines.size() || doc.geometry[i].words.empty()) return false;
  const auto& g = doc.geometry[i];
  const auto& next = doc.geometry[i + 1];
  if (next.page != g.page) return false;
  const ingest::Word& unit = g.words.back();
  for (const auto& w : next.words)
    if (RemoveSpaces(w.text) == "元" && w.x0 < unit.x1 && w.x1 > unit.x0) return true;
  return false;
}

}  // namespace

std::vector<Section> FindPdfSections(const ingest::Document& doc) {
  std::vector<Section> sections;
  std::string last_kind;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    auto t = TitleAt(doc, i);
    size_t last = i;  // the title's last line
    if (!t || t->kind == "other") {
      if (auto w = WrappedTitleAt(doc, i)) {
        t = w;
        last = i + 1;
      }
    }
    if (!t || !ConfirmedTitle(doc, last)) continue;
    Section s;
    s.kind = t->kind;
    s.title = t->title;
    s.title_index = i;
    s.begin = last + 1;
    // The same title again right after its table: the table's next page.
    s.continuation = !sections.empty() && sections.back().kind == s.kind &&
                     RemoveSpaces(sections.back().title) == RemoveSpaces(s.title);
    sections.push_back(s);
    i = last;
  }
  for (size_t k = 0; k < sections.size(); ++k) {
    size_t limit = k + 1 < sections.size() ? sections[k + 1].title_index : doc.lines.size();
    // A title printed a line or two below a label ("表1" / "收支总表"): the label belongs
    // to the next table, not to this one; harmless either way (it is no row).
    size_t end = sections[k].begin;
    bool seen_data = false;
    for (; end < limit; ++end) {
      if (seen_data && LooksLikeProse(doc.lines[end])) break;
      if (!RemoveSpaces(doc.lines[end]).empty()) seen_data = true;
    }
    // The next table's label printed above its title ("公开 04 表", "表4") is no row of this one.
    while (end > sections[k].begin &&
           (RemoveSpaces(doc.lines[end - 1]).empty() || IsTableLabelLine(doc.lines[end - 1])))
      --end;
    sections[k].end = end;
  }
  for (auto& s : sections) {
    s.unit = FindUnitLabel(doc.lines[s.title_index]);
    if (!s.unit.empty()) s.unit_line = static_cast<int>(s.title_index) + 1;
    // The unit line stands under the title, or (法院 2019) wraps: "单位：万" / "元".
    for (size_t i = s.begin; i < s.end && i < s.begin + 6 && s.unit.empty(); ++i) {
      s.unit = FindUnitLabel(doc.lines[i]);
      std::string t = RemoveSpaces(doc.lines[i]);
      if (s.unit.empty() && (EndsWith(t, "单位：万") || EndsWith(t, "单位:万")) && i + 1 < s.end &&
          (StartsWith(RemoveSpaces(doc.lines[i + 1]), "元") || WrappedYuanBelow(doc, i)))
        s.unit = "万元";
      if (!s.unit.empty()) s.unit_line = static_cast<int>(i) + 1;
    }
    // A header cell can carry it: "金额（万元）", "预算数(元)".
    for (size_t i = s.begin; i < s.end && i < s.begin + 12 && s.unit.empty(); ++i) {
      std::string t = RemoveSpaces(doc.lines[i]);
      if (Has(t, "（万元）") || Has(t, "(万元)")) s.unit = "万元";
      else if (Has(t, "（千元）") || Has(t, "(千元)")) s.unit = "千元";
      else if (Has(t, "（元）") || Has(t, "(元)")) s.unit = "元";
      if (!s.unit.empty()) s.unit_line = static_cast<int>(i) + 1;
    }
    for (size_t i = s.begin; i < s.end; ++i) {
      const std::string& l = doc.lines[i];
      if (Has(l, "空表") || Has(l, "无数据") || Has(l, "本年无发生额") || Has(l, "无此项") ||
          Has(l, "故本表") || Has(l, "没有使用")) {
        s.empty = true;
        break;
      }
    }
  }
  // A continuation without a unit of its own has its table's.
  std::string last_unit;
  for (auto& s : sections) {
    if (s.unit.empty() && s.continuation) {
      s.unit = last_unit;
      s.unit_inherited = true;
    }
    if (!s.unit.empty()) last_unit = s.unit;
  }
  return sections;
}

void ReadPdfTables(const ingest::Document& doc, const std::vector<Section>& sections,
                   model::Disclosure& d) {
  Reader(doc, sections, d).Run();
}

int FindPdfYear(const ingest::Document& doc, const std::vector<Section>& sections, int& line) {
  static const std::regex kYear("(20[0-9]{2})\\s*年");
  std::smatch m;
  for (const auto& s : sections) {
    if (s.kind == "other") continue;
    const std::string& t = s.title;
    if (std::regex_search(t, m, kYear)) {
      line = static_cast<int>(s.title_index) + 1;
      return std::stoi(m[1].str());
    }
  }
  // A heading: "2026年部门预算", "2022 年度部门综合预算", "深圳市统计局2026年部门预算".
  static const std::regex kHeading("(20[0-9]{2})\\s*年\\s*度?\\s*[^，。；]{0,30}?(部门|单位)\\S{0,6}?(预算|决算)");
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    std::string t = RemoveSpaces(doc.lines[i]);
    if (t.size() > 200 || !Has(t, "年")) continue;
    if (std::regex_search(t, m, kHeading)) {
      line = static_cast<int>(i) + 1;
      return std::stoi(m[1].str());
    }
  }
  return 0;
}

}  // namespace gongkai::parse

// The source view's notes on each line: figures read, findings cited (see source_notes.h).
#include "render/source_notes.h"

#include <algorithm>
#include <charconv>

#include "checks/subjects.h"
#include "model/json.h"
#include "render/markdown.h"
#include "render/context.h"

namespace gongkai::render {

namespace {

// The figures of one disclosure by the line they stand on, each (row, column, amount) once.
class FigureCollector {
 public:
  void Add(const std::string& row, const std::string& column, const model::MaybeFigure& f) {
    if (f) Add(row, column, *f);
  }
  void Add(const std::string& row, const std::string& column, const model::Figure& f) {
    if (f.line <= 0) return;
    auto& on_line = by_line_[f.line];
    for (const auto& r : on_line)
      if (r.row == row && r.column == column && r.amount == f.amount) return;
    on_line.push_back({row, column, f.amount});
  }
  void AddSummary(const model::Summary& s, const std::string& table) {
    Add(table, "收入总计", s.income_total);
    Add(table, "支出总计", s.expenditure_total);
    Add(table, "本年收入合计", s.current_income);
    Add(table, "本年支出合计", s.current_expenditure);
    Add(table, "上年结转", s.carryover_in);
    Add(table, "结转下年", s.carryover_out);
    for (const auto& i : s.income_items) Add(table, i.name, i.amount);
    for (const auto& c : s.expenditure_classes) Add(table, c.code + " " + c.name, c.amount);
    for (const auto& i : s.other_in) Add(table, i.name, i.amount);
    for (const auto& i : s.other_out) Add(table, i.name, i.amount);
  }
  std::map<int, std::vector<ReadFigure>> Take() { return std::move(by_line_); }

 private:
  std::map<int, std::vector<ReadFigure>> by_line_;
};

// The narrative's figures: a stated amount, a stated change and the figures it is between.
void AddClaims(const model::Disclosure& d, FigureCollector& out) {
  for (const auto& c : d.claims) {
    if (c.kind != model::Claim::Kind::kAmount && c.kind != model::Claim::Kind::kChange) continue;
    std::string subject =
        c.subject.empty() ? std::string("说明中的金额") : checks::SubjectName(d, c.subject);
    if (c.kind == model::Claim::Kind::kChange) {
      out.Add(subject, model::ChangeWord(c), model::Figure{c.amount, c.line});
      if (c.base) out.Add(subject, "上年", model::Figure{*c.base, c.base_line});
      if (c.now) out.Add(subject, "本年", model::Figure{*c.now, c.now_line});
    } else {
      out.Add(subject, c.previous_year ? "上年" : "", model::Figure{c.amount, c.line});
    }
  }
}

bool IsNumberChar(char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; }

// Whether `token`, read as printed in any of the units tables use, is one of `figures`.
bool IsReadFigure(std::string_view token, const std::vector<ReadFigure>& figures) {
  for (model::Unit unit : {model::Unit::kWanYuan, model::Unit::kYuan, model::Unit::kQianYuan}) {
    auto m = model::Money::Parse(token, unit);
    if (!m) continue;
    for (const auto& f : figures)
      if (f.amount == *m) return true;
  }
  return false;
}

// "读出（万元）：收入总计 1927.16；208 社会保障和就业支出：合计 1087.53、基本支出 1047.53",
// appended to `out`.
void AppendReadList(std::string& out, const std::vector<ReadFigure>& figures) {
  out += "<div class=\"read-list\">读出（万元）：";
  for (size_t k = 0; k < figures.size(); ++k) {
    const ReadFigure& f = figures[k];
    if (k > 0 && figures[k - 1].row == f.row) {
      out += "、";
    } else {
      if (k) out += "；";
      if (!f.row.empty()) {
        AppendEscapedHtml(out, f.row);
        out += "：";
      }
    }
    AppendEscapedHtml(out, f.column);
    if (!f.column.empty()) out += ' ';
    out += "<b>";
    out += f.amount.WanYuan(2);
    out += "</b>";
  }
  out += "</div>";
}

// MarkFigures appended to `out`.
void AppendMarkedFigures(std::string& out, std::string_view text,
                         const std::vector<ReadFigure>& figures) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && !IsNumberChar(text[i])) ++i;
    AppendEscapedHtml(out, text.substr(start, i - start));
    start = i;
    while (i < text.size() && IsNumberChar(text[i])) ++i;
    // A number is digits with separators; a trailing point or comma is punctuation.
    size_t end = i;
    while (end > start && (text[end - 1] == ',' || text[end - 1] == '.')) --end;
    std::string_view token = text.substr(start, end - start);
    bool minus = start > 0 && text[start - 1] == '-';
    bool read = !token.empty() && (IsReadFigure(token, figures) ||
                                   (minus && IsReadFigure("-" + std::string(token), figures)));
    if (read) out += "<mark>";
    out += token;
    if (read) out += "</mark>";
    out += text.substr(end, i - end);
  }
}

// A finding on line `n`: in full where `main` (the line it is about) is `n`, else a link there.
std::string FindingNote(const model::Finding& f, int main, int n) {
  const std::string severity = model::SeverityName(f.severity);
  const std::string rule = "（规则 <a href=\"../rules/" + EscapeHtml(f.rule) + ".html\">" +
                           EscapeHtml(f.rule) + "</a>）";
  if (main == n)
    return "<div class=\"finding " + severity + "\"><b>" + SeverityLabel(f.severity) + "</b> " +
           EscapeHtml(f.message) + rule + "</div>";
  const std::string line = std::to_string(main);
  return "<div class=\"finding-ref " + severity + "\">" + SeverityLabel(f.severity) +
         "：见<a href=\"#L" + line + "\">第 " + line + " 行</a>的核对结果" + rule + "</div>";
}

}  // namespace

std::map<int, std::vector<ReadFigure>> FiguresByLine(const model::Disclosure& d) {
  FigureCollector out;
  out.AddSummary(d.summary, "");
  if (d.summary.table != "fiscal_summary") out.AddSummary(d.fiscal_summary, "财政拨款收支总表");
  const auto& e = d.expenditure;
  out.Add("", "支出合计", e.total);
  out.Add("", "基本支出", e.basic);
  out.Add("", "项目支出", e.project);
  out.Add("", "人员经费", e.personnel);
  out.Add("", "公用经费", e.public_);
  out.Add("", "单位预留机动经费", e.reserve);
  out.Add("", "上缴上级支出", e.to_superior);
  out.Add("", "事业单位经营支出", e.operating);
  out.Add("", "对附属单位补助支出", e.to_subsidiaries);
  for (const auto& r : d.functional) {
    std::string row = r.code + " " + r.name;
    out.Add(row, "合计", r.total);
    out.Add(row, "基本支出", r.basic);
    out.Add(row, "项目支出", r.project);
  }
  for (const auto& r : d.economic) {
    std::string row = r.code + " " + r.name;
    out.Add(row, "合计", r.total);
    out.Add(row, "人员经费", r.personnel);
    out.Add(row, "公用经费", r.public_);
  }
  for (const auto& p : d.projects) out.Add("项目 " + p.name, "", p.amount);
  out.Add("", "项目合计", d.projects_total);
  const auto& t = d.three_public;
  out.Add("", "“三公”经费合计", t.total);
  out.Add("", "因公出国（境）费", t.overseas);
  out.Add("", "公务用车购置及运行维护费", t.vehicle_total);
  out.Add("", "公务用车购置费", t.vehicle_purchase);
  out.Add("", "公务用车运行维护费", t.vehicle_operation);
  out.Add("", "公务接待费", t.reception);
  AddClaims(d, out);
  return out.Take();
}

std::string MarkFigures(std::string_view text, const std::vector<ReadFigure>& figures) {
  std::string out;
  AppendMarkedFigures(out, text, figures);
  return out;
}

SourceNotes::SourceNotes(const model::Disclosure& d) : figures_(FiguresByLine(d)) {
  for (const auto& f : d.findings) {
    if (f.lines.empty()) continue;
    std::vector<int> lines = f.lines;
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    for (int l : lines)
      if (l > 0) notes_[l].push_back({&f, f.lines.front()});
  }
}

std::string SourceNotes::Item(int n, std::string_view text, std::string_view lead) const {
  std::string out;
  AppendItem(out, n, text, lead);
  return out;
}

void SourceNotes::AppendItem(std::string& out, int n, std::string_view text,
                             std::string_view lead) const {
  auto figures = figures_.find(n);
  auto notes = notes_.find(n);
  const bool read = figures != figures_.end(), cited = notes != notes_.end();
  char number[16];
  const auto printed = std::to_chars(number, number + sizeof number, n);
  out.append("<li id=\"L").append(number, printed.ptr);
  if (read && cited) out.append("\" class=\"read cited\">");
  else if (read) out.append("\" class=\"read\">");
  else if (cited) out.append("\" class=\"cited\">");
  else out.append("\">");
  out += lead;
  if (read) {
    AppendMarkedFigures(out, text, figures->second);
    AppendReadList(out, figures->second);
  } else {
    AppendEscapedHtml(out, text);
  }
  if (cited)
    for (const auto& note : notes->second) out += FindingNote(*note.finding, note.main_line, n);
  out += "</li>\n";
}

}  // namespace gongkai::render

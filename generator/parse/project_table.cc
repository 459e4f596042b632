// Project tables in their layouts.
#include "parse/project_table.h"

#include "parse/figures.h"
#include "parse/rows.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

bool IsUnitName(const std::string& name, const ProjectContext& ctx) {
  for (const auto& u : ctx.unit_names)
    if (!u.empty() && (name == u || EndsWith(u, name) || EndsWith(name, u))) return true;
  return false;
}

bool IsFunctionalName(const std::string& name, const ProjectContext& ctx) {
  for (const auto& [code, n] : ctx.functional_names)
    if (n == name) return true;
  return false;
}

// A project code starts a line with a long run of digits ("4213032").
bool StartsProjectCode(const TokenLine& l) {
  if (l.Empty()) return false;
  const Token& t = l.tokens.front();
  return t.IsPlainInteger() && t.text.size() >= 7;
}

bool IsCodePiece(const Token& t) {
  // "2032R00", "0000191": digits with at most a few capital letters, 5+ characters.
  if (t.text.size() < 5) return false;
  int digits = 0;
  for (char c : t.text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c >= 'A' && c <= 'Z')) {
      return false;
    }
  }
  return digits * 2 >= static_cast<int>(t.text.size());
}

// Removes from `pieces` the ones that spell `unit` in order (they may be interleaved with
// name pieces: "农村低", "曾都区医", "疗保障服", "收入人", ..., "务中心"). Returns true if the
// whole unit name was found.
bool RemoveUnitPieces(std::vector<std::string>& pieces, const std::string& unit) {
  if (unit.empty()) return false;
  std::vector<bool> used(pieces.size(), false);
  size_t matched = 0;
  for (size_t i = 0; i < pieces.size() && matched < unit.size(); ++i) {
    if (unit.compare(matched, pieces[i].size(), pieces[i]) == 0 && !pieces[i].empty()) {
      used[i] = true;
      matched += pieces[i].size();
    }
  }
  if (matched != unit.size()) return false;
  std::vector<std::string> rest;
  for (size_t i = 0; i < pieces.size(); ++i)
    if (!used[i]) rest.push_back(pieces[i]);
  pieces = rest;
  return true;
}

std::string Join(const std::vector<std::string>& parts, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) out += parts[i];
  return out;
}

// Tables with split project codes (Hubei layout). Records run from one row start to the next:
// a project code line, a category line (a short integer then a name), a unit line.
std::vector<model::Project> ParseCodedProjects(const std::vector<TokenLine>& lines,
                                               model::Unit unit, const ProjectContext& ctx) {
  struct Record {
    enum Kind { kProject, kCategory, kUnit, kOther } kind = kOther;
    std::vector<Token> tokens;
  };
  std::vector<Record> records;
  bool header_done = false;
  int pieces_per_code = 3;
  bool learned = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    const TokenLine& l = lines[li];
    if (l.Empty() || IsPageHeaderLine(l)) continue;
    if (!header_done) {
      bool has_amount = false;
      for (const auto& t : l.tokens) has_amount |= t.IsNumber() && t.text.find('.') != std::string::npos;
      if (!has_amount) continue;
      header_done = true;
    }
    const Token& first = l.tokens.front();
    bool starts = false;
    Record::Kind kind = Record::kOther;
    // A code piece continues the current project's code until that code has as many pieces
    // as the first complete one had ("4213032" / "2032R00" / "0000191": three).
    auto code_pieces = [](const Record& r) {
      int n = 0;
      for (const auto& t : r.tokens) n += IsCodePiece(t);
      return n;
    };
    if (StartsProjectCode(l)) {
      bool continues = !records.empty() && records.back().kind == Record::kProject &&
                       code_pieces(records.back()) < pieces_per_code;
      if (!continues) {
        if (!records.empty() && records.back().kind == Record::kProject && !learned) {
          pieces_per_code = code_pieces(records.back());
          learned = true;
        }
        starts = true;
        kind = Record::kProject;
      }
    } else if (first.IsPlainInteger() && first.text.size() <= 6 && l.tokens.size() == 1) {
      // "1101" / "基" / "本工资": a category; "032002" / "曾都" / ...: a unit.
      for (size_t k = li + 1; k < lines.size(); ++k) {
        if (lines[k].Empty()) continue;
        starts = lines[k].tokens.front().IsText();
        break;
      }
      kind = Record::kCategory;
    }
    if (starts || records.empty()) {
      records.push_back({kind, {}});
    }
    for (const auto& t : l.tokens) records.back().tokens.push_back(t);
  }

  std::vector<model::Project> projects;
  std::string category;
  std::string current_unit = ctx.unit_names.empty() ? "" : ctx.unit_names.front();
  for (auto& rec : records) {
    std::vector<std::string> pieces;
    std::string code;
    std::optional<model::Figure> amount;
    for (size_t k = 0; k < rec.tokens.size(); ++k) {
      const Token& t = rec.tokens[k];
      if (rec.kind == Record::kProject && IsCodePiece(t)) {
        code += t.text;
      } else if (t.IsNumber()) {
        if (!amount && t.text.find('.') != std::string::npos) amount = ToFigure(t, unit);
      } else {
        pieces.push_back(RemoveSpaces(t.text));
      }
    }
    if (rec.kind == Record::kCategory) {
      std::string label = Join(pieces);
      std::string digits = rec.tokens.front().text;
      if (IsUnitName(label, ctx) || EndsWith(label, "局") || EndsWith(label, "中心")) {
        current_unit = label;
        continue;
      }
      category = digits + " " + label;
      continue;
    }
    if (rec.kind != Record::kProject || !amount) continue;
    if (!RemoveUnitPieces(pieces, current_unit)) {
      for (const auto& u : ctx.unit_names)
        if (RemoveUnitPieces(pieces, u)) break;
    }
    model::Project p;
    p.name = Join(pieces);
    p.amount = *amount;
    p.code = code;
    p.category = category;
    p.line = amount->line;
    projects.push_back(std::move(p));
  }
  return projects;
}

}  // namespace

std::vector<model::Project> ParseProjectTable(const std::vector<TokenLine>& lines,
                                              model::Unit unit, const ProjectContext& ctx) {
  for (const auto& l : lines)
    if (!l.tabbed && StartsProjectCode(l)) return ParseCodedProjects(lines, unit, ctx);

  std::vector<model::Project> projects;
  int first_col = FindFirstAmountColumn(lines);
  for (const Row& row : AssembleRows(lines, first_col)) {
    if (!row.HasAmounts()) continue;
    std::string code = AssembleCode(row.ints, "2");
    std::vector<std::string> parts = row.NameParts();
    for (auto& p : parts) p = RemoveSpaces(p);
    std::string name = Join(parts);
    if (name.empty() || StartsWith(name, "合计") || StartsWith(name, "总计")) continue;
    if (code.empty() && !row.ints.empty()) continue;  // a unit row: "323008 医保中心 96"
    if (IsUnitName(name, ctx)) continue;
    auto known = ctx.functional_names.find(code);
    if (known != ctx.functional_names.end()) {
      if (name == known->second) continue;  // a subtotal row of the classification
      // "其他医疗保障管理事务支出 两定机构评估..." : the classification name, then the project.
      if (parts.size() >= 2 && parts.front() == known->second) name = Join(parts, 1);
    } else if (code.empty() && IsFunctionalName(name, ctx)) {
      continue;
    }
    if (!code.empty() && code.size() < 7 && parts.size() < 2) continue;  // 类/款 subtotal
    std::optional<model::Figure> amount;
    if (row.positional) {
      if (!row.columns.empty() && row.columns[0]) amount = ToFigure(*row.columns[0], unit);
    } else {
      amount = ToFigure(row.numbers.front(), unit);
    }
    if (!amount) continue;
    model::Project p;
    p.name = name;
    p.amount = *amount;
    if (!code.empty()) p.function_code = code;
    p.line = amount->line;
    projects.push_back(std::move(p));
  }
  return projects;
}

model::MaybeFigure ProjectTableTotal(const std::vector<TokenLine>& lines, model::Unit unit) {
  // The first line that holds a figure with a decimal point: is it a bare row of figures or
  // the 合计 row?
  for (const auto& l : lines) {
    if (l.Empty() || IsPageHeaderLine(l)) continue;
    bool figures = false;
    for (const auto& t : l.tokens) figures |= t.IsNumber() && t.text.find('.') != std::string::npos;
    if (!figures) continue;
    const Token* first_text = nullptr;
    const Token* first_number = nullptr;
    for (const auto& t : l.tokens) {
      if (t.IsText() && !first_text) first_text = &t;
      if (t.IsNumber() && !first_number) first_number = &t;
    }
    bool labelled = first_text && (StartsWith(RemoveSpaces(first_text->text), "合计") ||
                                   StartsWith(RemoveSpaces(first_text->text), "总计"));
    bool bare = !first_text && first_number && !first_number->IsPlainInteger();
    if (labelled || bare) {
      for (const auto& t : l.tokens)
        if (t.IsNumber() && !t.IsPlainInteger()) return ToFigure(t, unit);
    }
    break;
  }
  // A 合计 label on a line of its own, its figures on the next lines.
  for (const Row& row : AssembleRows(lines, FindFirstAmountColumn(lines))) {
    if (!row.HasAmounts()) continue;
    std::string name = row.Name();
    if (StartsWith(name, "合计") || StartsWith(name, "总计")) {
      const Token& t = row.positional && !row.columns.empty() && row.columns[0] ? *row.columns[0]
                                                                               : row.numbers.front();
      return ToFigure(t, unit);
    }
  }
  return std::nullopt;
}

std::vector<model::Project> ParseProjectPerformance(const std::vector<TokenLine>& lines,
                                                    model::Unit unit) {
  std::vector<model::Project> projects;
  std::optional<model::Project> pending;
  for (const auto& l : lines) {
    if (l.Empty()) continue;
    std::string first = RemoveSpaces(l.tokens.front().text);
    if (StartsWith(first, "项目名称")) {
      std::string name;
      if (l.tabbed) {
        for (size_t c = 1; c < l.cells.size(); ++c)
          if (!l.cells[c].empty()) {
            name = l.cells[c];
            break;
          }
      } else {
        for (size_t k = 1; k < l.tokens.size(); ++k) name += l.tokens[k].text;
        if (name.empty()) name = first.substr(std::string("项目名称").size());
      }
      name = RemoveSpaces(name);
      if (!name.empty()) {
        pending = model::Project();
        pending->name = name;
      }
      continue;
    }
    bool budget_label = StartsWith(first, "当年预算") || StartsWith(first, "年度预算") ||
                        StartsWith(first, "项目金额") || StartsWith(first, "预算金额");
    if (pending && budget_label) {
      for (const auto& t : l.tokens) {
        if (auto f = ToFigure(t, unit)) {
          pending->amount = *f;
          pending->line = f->line;
          projects.push_back(*pending);
          pending.reset();
          break;
        }
      }
    }
  }
  return projects;
}

}  // namespace gongkai::parse

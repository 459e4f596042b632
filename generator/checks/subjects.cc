// Subject -> table figures.
#include "checks/subjects.h"

#include <algorithm>

#include "model/classification.h"

namespace gongkai::checks {

namespace {

void Add(std::vector<model::Figure>& out, const model::MaybeFigure& f) {
  if (f) out.push_back(*f);
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

void AddIndexed(std::vector<model::Figure>& out, const model::Disclosure& d,
                const std::string& code, const std::string& name) {
  for (const auto& row : d.figure_index) {
    bool match = (!code.empty() && row.code == code) || (!name.empty() && row.name == name);
    if (!match) continue;
    for (const auto& f : row.figures) out.push_back(f);
  }
}

}  // namespace

std::vector<model::Figure> CandidateFigures(const model::Disclosure& d, const std::string& subject) {
  std::vector<model::Figure> out;
  const auto& s = d.summary;
  const auto& fs = d.fiscal_summary;
  const auto& e = d.expenditure;
  if (subject == "income_total" || subject == "expenditure_total" || subject == "fiscal_total") {
    for (const auto* sum : {&s, &fs}) {
      Add(out, sum->income_total);
      Add(out, sum->expenditure_total);
      Add(out, sum->current_income);
      Add(out, sum->current_expenditure);
    }
    Add(out, e.total);
  } else if (subject == "general_appropriation") {
    for (const auto* sum : {&s, &fs}) {
      for (const auto& i : sum->income_items)
        if (i.name.find("一般公共预算") != std::string::npos) out.push_back(i.amount);
      Add(out, sum->current_income);
      Add(out, sum->current_expenditure);
    }
    AddIndexed(out, d, "", "合计");
  } else if (subject == "carryover_in") {
    Add(out, s.carryover_in);
    Add(out, fs.carryover_in);
  } else if (subject == "basic") {
    Add(out, e.basic);
    if (e.personnel && e.public_)
      out.push_back({e.personnel->amount + e.public_->amount, e.personnel->line});
    AddIndexed(out, d, "", "基本支出");
  } else if (subject == "project") {
    Add(out, e.project);
    Add(out, d.projects_total);
  } else if (subject == "personnel") {
    Add(out, e.personnel);
  } else if (subject == "public" || subject == "running_costs") {
    Add(out, e.public_);
  } else if (StartsWith(subject, "three_public.")) {
    const auto& t = d.three_public;
    std::string part = subject.substr(std::string("three_public.").size());
    if (part == "total") Add(out, t.total);
    if (part == "overseas") Add(out, t.overseas);
    if (part == "vehicle_total") {
      Add(out, t.vehicle_total);
      if (!t.vehicle_total && t.vehicle_purchase && t.vehicle_operation)
        out.push_back({t.vehicle_purchase->amount + t.vehicle_operation->amount,
                       t.vehicle_purchase->line});
    }
    if (part == "vehicle_purchase") Add(out, t.vehicle_purchase);
    if (part == "vehicle_operation") Add(out, t.vehicle_operation);
    if (part == "reception") Add(out, t.reception);
  } else if (StartsWith(subject, "class:")) {
    std::string code = subject.substr(6);
    for (const auto* sum : {&s, &fs})
      for (const auto& c : sum->expenditure_classes)
        if (c.code == code) out.push_back(c.amount);
    for (const auto& f : d.functional)
      if (f.code == code) {
        Add(out, f.total);
        Add(out, f.basic);
        Add(out, f.project);
      }
    AddIndexed(out, d, code, model::FunctionalClassName(code));
    // Tables of 项 rows only (no row for the class itself): the class is the sum of its items,
    // column by column ("卫生健康支出 3295.19 万元" = the 当年财政拨款 column of the 210 items).
    std::vector<std::string> kinds;
    for (const auto& row : d.figure_index)
      if (std::find(kinds.begin(), kinds.end(), row.table) == kinds.end()) kinds.push_back(row.table);
    for (const auto& kind : kinds) {
      bool has_class_row = false;
      std::vector<const model::Disclosure::IndexedRow*> items;
      for (const auto& row : d.figure_index) {
        if (row.table != kind) continue;
        has_class_row |= row.code == code;
        if (row.code.size() == 7 && StartsWith(row.code, code)) items.push_back(&row);
      }
      if (has_class_row || items.empty()) continue;
      size_t width = 0;
      for (const auto* r : items) width = std::max(width, r->columns.empty() ? size_t(1) : r->columns.size());
      for (size_t col = 0; col < width; ++col) {
        model::Money sum;
        int line = 0;
        bool any = false;
        for (const auto* r : items) {
          model::MaybeFigure f;
          if (!r->columns.empty()) {
            if (col < r->columns.size()) f = r->columns[col];
          } else if (col == 0 && !r->figures.empty()) {
            f = r->figures.front();
          }
          if (!f) continue;
          sum += f->amount;
          if (!line) line = f->line;
          any = true;
        }
        if (any) out.push_back({sum, line});
      }
    }
  } else if (StartsWith(subject, "functional:")) {
    std::string code = subject.substr(11);
    for (const auto& f : d.functional)
      if (f.code == code) {
        Add(out, f.total);
        Add(out, f.basic);
        Add(out, f.project);
      }
    AddIndexed(out, d, code, "");
  } else if (StartsWith(subject, "economic:")) {
    std::string code = subject.substr(9);
    for (const auto& r : d.economic)
      if (r.code == code) {
        Add(out, r.total);
        Add(out, r.personnel);
        Add(out, r.public_);
      }
    AddIndexed(out, d, code, "");
  } else if (StartsWith(subject, "project:")) {
    size_t i = std::stoul(subject.substr(8));
    if (i < d.projects.size()) out.push_back(d.projects[i].amount);
  } else if (subject == "procurement") {
    for (const auto& row : d.figure_index)
      if (row.table == "procurement" && row.name.rfind("合计", 0) == 0 && !row.figures.empty())
        out.push_back(row.figures.front());
  }
  return out;
}

model::MaybeFigure PrimaryFigure(const model::Disclosure& d, const std::string& subject) {
  const auto& e = d.expenditure;
  if (subject == "income_total") return d.summary.income_total ? d.summary.income_total : e.total;
  if (subject == "expenditure_total")
    return d.summary.expenditure_total ? d.summary.expenditure_total : e.total;
  if (subject == "fiscal_total") return d.fiscal_summary.income_total;
  if (subject == "general_appropriation") {
    for (const auto* sum : {&d.fiscal_summary, &d.summary})
      for (const auto& i : sum->income_items)
        if (i.name.find("一般公共预算") != std::string::npos) return i.amount;
    return std::nullopt;
  }
  if (subject == "carryover_in") return d.summary.carryover_in;
  if (subject == "basic") return e.basic;
  if (subject == "project") return e.project;
  if (subject == "personnel") return e.personnel;
  if (subject == "public" || subject == "running_costs") return e.public_;
  if (StartsWith(subject, "three_public.")) {
    auto c = CandidateFigures(d, subject);
    if (!c.empty()) return c.front();
    return std::nullopt;
  }
  if (StartsWith(subject, "class:") || StartsWith(subject, "functional:")) {
    std::string code = subject.substr(subject.find(':') + 1);
    for (const auto& f : d.functional)
      if (f.code == code) return f.total;
    for (const auto& c : d.summary.expenditure_classes)
      if (c.code == code) return c.amount;
  }
  if (StartsWith(subject, "economic:")) {
    std::string code = subject.substr(9);
    for (const auto& r : d.economic)
      if (r.code == code) return r.total;
  }
  if (StartsWith(subject, "project:")) {
    size_t i = std::stoul(subject.substr(8));
    if (i < d.projects.size()) return d.projects[i].amount;
  }
  return std::nullopt;
}

std::vector<std::string> PartSubjects(const std::string& subject) {
  if (subject == "income_total" || subject == "expenditure_total" || subject == "fiscal_total" ||
      subject == "general_appropriation")
    return {"basic", "project", "class:*"};
  if (subject == "basic") return {"personnel", "public"};
  if (subject == "three_public.total")
    return {"three_public.overseas", "three_public.vehicle_total", "three_public.reception"};
  if (subject == "three_public.vehicle_total")
    return {"three_public.vehicle_purchase", "three_public.vehicle_operation"};
  return {};
}

std::string SubjectName(const model::Disclosure& d, const std::string& subject) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"income_total", "收入总计"}, {"expenditure_total", "支出总计"},
      {"fiscal_total", "财政拨款收支总数"}, {"general_appropriation", "一般公共预算拨款"},
      {"carryover_in", "上年结转"}, {"basic", "基本支出"}, {"project", "项目支出"},
      {"personnel", "人员经费"}, {"public", "公用经费"}, {"running_costs", "机关运行经费"},
      {"procurement", "政府采购预算"}, {"assets_total", "资产总额"},
      {"three_public.total", "“三公”经费"}, {"three_public.overseas", "因公出国（境）费"},
      {"three_public.vehicle_total", "公务用车购置及运行维护费"},
      {"three_public.vehicle_purchase", "公务用车购置费"},
      {"three_public.vehicle_operation", "公务用车运行维护费"},
      {"three_public.reception", "公务接待费"}};
  for (const auto& [k, n] : kNames)
    if (subject == k) return n;
  auto code_of = [&](size_t prefix) { return subject.substr(prefix); };
  if (StartsWith(subject, "class:")) return model::FunctionalClassName(code_of(6)) + "（" + code_of(6) + "）";
  if (StartsWith(subject, "functional:")) {
    for (const auto& f : d.functional)
      if (f.code == code_of(11)) return f.name + "（" + f.code + "）";
  }
  if (StartsWith(subject, "economic:")) {
    for (const auto& r : d.economic)
      if (r.code == code_of(9)) return r.name + "（" + r.code + "）";
  }
  if (StartsWith(subject, "project:")) {
    size_t i = std::stoul(subject.substr(8));
    if (i < d.projects.size()) return "项目“" + d.projects[i].name + "”";
  }
  return subject;
}

}  // namespace gongkai::checks

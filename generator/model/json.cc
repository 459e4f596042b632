// Disclosure -> contract JSON.
#include "model/json.h"

#include <cstdlib>
#include <utility>

namespace gongkai::model {

using nlohmann::json;

json AmountJson(const MaybeFigure& f) {
  if (!f) return nullptr;
  return std::strtod(f->amount.WanYuan(0).c_str(), nullptr);
}

namespace {

json LineJson(const MaybeFigure& f) { return f ? json(f->line) : json(nullptr); }

json ThreePublicJson(const ThreePublic& t) {
  return {{"total", AmountJson(t.total)},
          {"overseas", AmountJson(t.overseas)},
          {"vehicle_total", AmountJson(t.vehicle_total)},
          {"vehicle_purchase", AmountJson(t.vehicle_purchase)},
          {"vehicle_operation", AmountJson(t.vehicle_operation)},
          {"reception", AmountJson(t.reception)},
          {"lines",
           {{"total", LineJson(t.total)},
            {"overseas", LineJson(t.overseas)},
            {"vehicle_total", LineJson(t.vehicle_total)},
            {"vehicle_purchase", LineJson(t.vehicle_purchase)},
            {"vehicle_operation", LineJson(t.vehicle_operation)},
            {"reception", LineJson(t.reception)}}}};
}

// What the tables state for the previous year: null for each part the document does not
// state (or whose own sums failed, see parse/reading_check.h).
json PreviousYearJson(const PreviousYear& p) {
  json out = {{"three_public", nullptr}, {"three_public_change", nullptr}, {"functional", nullptr}};
  if (!p.three_public.Empty()) {
    out["three_public"] = ThreePublicJson(p.three_public);
    out["three_public"]["header"] = p.three_public_header;
  }
  if (!p.three_public_change.Empty())
    out["three_public_change"] = ThreePublicJson(p.three_public_change);
  if (!p.functional.empty() || p.functional_total) {
    json rows = json::array();
    for (const auto& r : p.functional)
      rows.push_back({{"code", r.code}, {"name", r.name}, {"level", r.level},
                      {"total", AmountJson(r.total)}, {"line", r.line}});
    out["functional"] = {{"table", p.functional_table},
                         {"header", p.functional_header},
                         {"total", AmountJson(p.functional_total)},
                         {"line", LineJson(p.functional_total)},
                         {"rows", std::move(rows)}};
  }
  return out;
}

}  // namespace

std::string SeverityName(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::kError: return "error";
    case Diagnostic::Severity::kWarning: return "warning";
    default: return "notice";
  }
}

json Items(const std::vector<IncomeItem>& items) {
  json out = json::array();
  for (const auto& i : items)
    out.push_back({{"name", i.name}, {"amount", AmountJson(i.amount)}, {"line", i.amount.line}});
  return out;
}

json ToJson(const Disclosure& d) {
  json j;
  j["schema_version"] = 1;
  j["id"] = d.id;
  j["source"] = {{"path", d.source.path},
                 {"sha256", d.source.sha256},
                 {"lines", d.source.lines},
                 {"encoding", d.source.encoding}};
  if (!d.source.files.empty()) {
    json files = json::array();
    for (const auto& f : d.source.files)
      files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"format", f.format},
                       {"first_line", f.first_line}, {"pages", f.pages}});
    j["source"]["files"] = std::move(files);
  }
  if (!d.source.page_starts.empty()) {
    j["source"]["page_starts"] = d.source.page_starts;
    j["source"]["page_numbers"] = d.source.page_numbers;
    j["source"]["page_files"] = d.source.page_files;
  }
  j["department"] = {{"name", d.department.name},
                     {"line", d.department.line ? json(d.department.line) : json(nullptr)},
                     {"code", nullptr},
                     {"region", d.department.region.empty() ? json(nullptr) : json(d.department.region)},
                     {"level", d.department.level.empty() ? json(nullptr) : json(d.department.level)}};
  j["year"] = d.year ? json(d.year) : json(nullptr);
  j["kind"] = d.kind;
  j["unit"] = "万元";

  const Summary& s = d.summary;
  json income_items = json::array();
  for (const auto& i : s.income_items)
    income_items.push_back({{"name", i.name}, {"amount", AmountJson(i.amount)}, {"line", i.amount.line}});
  json classes = json::array();
  for (const auto& c : s.expenditure_classes)
    classes.push_back({{"code", c.code}, {"name", c.name}, {"total", AmountJson(c.amount)},
                       {"line", c.amount.line}});
  j["summary"] = {
      {"table", s.table.empty() ? json(nullptr) : json(s.table)},
      {"income_total", AmountJson(s.income_total)},
      {"expenditure_total", AmountJson(s.expenditure_total)},
      {"current_income", AmountJson(s.current_income)},
      {"current_expenditure", AmountJson(s.current_expenditure)},
      {"carryover_in", AmountJson(s.carryover_in)},
      {"carryover_out", AmountJson(s.carryover_out)},
      {"income_items", std::move(income_items)},
      {"other_in", Items(s.other_in)},
      {"other_out", Items(s.other_out)},
      {"expenditure_classes", std::move(classes)},
      {"lines",
       {{"income_total", LineJson(s.income_total)},
        {"expenditure_total", LineJson(s.expenditure_total)},
        {"current_income", LineJson(s.current_income)},
        {"current_expenditure", LineJson(s.current_expenditure)},
        {"carryover_in", LineJson(s.carryover_in)},
        {"carryover_out", LineJson(s.carryover_out)}}}};

  const Expenditure& e = d.expenditure;
  j["expenditure"] = {{"total", AmountJson(e.total)},
                      {"basic", AmountJson(e.basic)},
                      {"project", AmountJson(e.project)},
                      {"personnel", AmountJson(e.personnel)},
                      {"public", AmountJson(e.public_)},
                      {"reserve", AmountJson(e.reserve)},
                      {"to_superior", AmountJson(e.to_superior)},
                      {"operating", AmountJson(e.operating)},
                      {"to_subsidiaries", AmountJson(e.to_subsidiaries)},
                      {"lines",
                       {{"total", LineJson(e.total)},
                        {"basic", LineJson(e.basic)},
                        {"project", LineJson(e.project)},
                        {"personnel", LineJson(e.personnel)},
                        {"public", LineJson(e.public_)},
                        {"reserve", LineJson(e.reserve)},
                        {"to_superior", LineJson(e.to_superior)},
                        {"operating", LineJson(e.operating)},
                        {"to_subsidiaries", LineJson(e.to_subsidiaries)}}}};

  json functional = json::array();
  for (const auto& r : d.functional) {
    json row = {{"code", r.code}, {"name", r.name}, {"level", r.level},
                {"total", AmountJson(r.total)}, {"basic", AmountJson(r.basic)},
                {"project", AmountJson(r.project)}, {"line", r.line}};
    if (!r.note.empty()) row["note"] = r.note;
    functional.push_back(std::move(row));
  }
  j["functional"] = std::move(functional);

  json economic = json::array();
  for (const auto& r : d.economic) {
    json row = {{"code", r.code}, {"name", r.name}, {"total", AmountJson(r.total)},
                {"personnel", AmountJson(r.personnel)}, {"public", AmountJson(r.public_)},
                {"line", r.line}};
    if (!r.note.empty()) row["note"] = r.note;
    economic.push_back(std::move(row));
  }
  j["economic"] = std::move(economic);

  json projects = json::array();
  for (const auto& p : d.projects) {
    json row = {{"name", p.name}, {"amount", AmountJson(p.amount)}, {"line", p.line},
                {"function_code", p.function_code ? json(*p.function_code) : json(nullptr)}};
    if (!p.code.empty()) row["code"] = p.code;
    if (!p.category.empty()) row["category"] = p.category;
    projects.push_back(std::move(row));
  }
  j["projects"] = std::move(projects);

  j["three_public"] = ThreePublicJson(d.three_public);
  if (!d.three_public.note.empty()) j["three_public"]["note"] = d.three_public.note;
  j["previous_year"] = PreviousYearJson(d.previous_year);

  json tables = json::array();
  for (const auto& tb : d.tables) {
    json row = {{"kind", TableKindId(tb.kind)}, {"title", tb.title}, {"line", tb.line},
                {"unit", tb.unit.empty() ? json(nullptr) : json(tb.unit)}, {"empty", tb.empty}};
    if (tb.unit_inherited) row["unit_inherited"] = true;
    tables.push_back(std::move(row));
  }
  j["tables"] = std::move(tables);
  json claims = json::array();
  for (const auto& c : d.claims) {
    static const char* kKinds[] = {"amount", "share", "change", "change_pct"};
    json row = {{"line", c.line},
                {"text", c.text},
                {"kind", kKinds[static_cast<int>(c.kind)]},
                {"subject", c.subject.empty() ? json(nullptr) : json(c.subject)},
                {"subject_text", c.subject_text},
                {"status", ClaimStatusId(c.status)}};
    if (c.kind == Claim::Kind::kAmount || c.kind == Claim::Kind::kChange) {
      row["value"] = AmountJson(Figure{c.amount, c.line});
    } else {
      row["value"] = std::strtod(c.value_text.c_str(), nullptr);
      row["unit"] = "%";
    }
    if (c.kind == Claim::Kind::kChange || c.kind == Claim::Kind::kChangePct)
      row["direction"] = c.direction > 0 ? "increase" : c.direction < 0 ? "decrease" : "unchanged";
    if (c.base) {
      row["base"] = AmountJson(Figure{*c.base, c.base_line});
      row["base_line"] = c.base_line;
    }
    if (c.previous_year) row["previous_year"] = true;
    if (!c.note.empty()) row["note"] = c.note;
    claims.push_back(std::move(row));
  }
  j["claims"] = std::move(claims);
  json metrics = json::object();
  json metric_lines = json::object();
  for (const auto& m : d.metrics) {
    metrics[m.key] = m.value ? json(*m.value) : json(nullptr);
    metric_lines[m.key] = m.lines;
  }
  j["metrics"] = std::move(metrics);
  j["metric_lines"] = std::move(metric_lines);
  j["staff"] = d.staff ? json({{"count", *d.staff}, {"line", d.staff_line}}) : json(nullptr);
  json sections = json::array();
  for (const auto& sec : d.sections) {
    json paras = json::array();
    for (const auto& [line, text] : sec.paragraphs) paras.push_back({{"line", line}, {"text", text}});
    sections.push_back({{"key", sec.key}, {"title", sec.title}, {"line", sec.line}, {"paragraphs", std::move(paras)}});
  }
  j["sections"] = std::move(sections);
  json glossary = json::array();
  for (const auto& g : d.glossary)
    glossary.push_back({{"term", g.term}, {"definition", g.definition}, {"line", g.line}});
  j["glossary"] = std::move(glossary);
  json findings = json::array();
  for (const auto& f : d.findings) {
    json fj = {{"rule", f.rule},
               {"severity", SeverityName(f.severity)},
               {"message", f.message},
               {"lines", f.lines}};
    if (!f.downgraded.empty()) fj["downgraded"] = f.downgraded;
    findings.push_back(std::move(fj));
  }
  j["findings"] = std::move(findings);
  // The department across years: the headline figures stated without doubt, and where the site
  // has other years of it, its key and neighbours.
  if (!d.year_facts.sure.empty() || !d.years.key.empty()) {
    json years = {{"sure", d.year_facts.sure}, {"prior_claims", d.year_facts.prior_index}};
    auto id_or_null = [](const std::string& id) { return id.empty() ? json(nullptr) : json(id); };
    auto year_or_null = [](int year) { return year ? json(year) : json(nullptr); };
    if (!d.years.key.empty())
      years.update({{"key", d.years.key},
                    {"previous", id_or_null(d.years.previous)},
                    {"previous_year", year_or_null(d.years.previous_year)},
                    {"next", id_or_null(d.years.next)},
                    {"next_year", year_or_null(d.years.next_year)},
                    {"count", d.years.count}});
    j["across_years"] = std::move(years);
  }
  json diags = json::array();
  for (const auto& dg : d.diagnostics)
    diags.push_back({{"severity", SeverityName(dg.severity)},
                     {"line", dg.line ? json(dg.line) : json(nullptr)},
                     {"message", dg.message},
                     {"rule", dg.rule}});
  j["diagnostics"] = std::move(diags);
  return j;
}

}  // namespace gongkai::model

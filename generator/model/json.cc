// Disclosure -> contract JSON.
#include "model/json.h"

#include <cstdlib>

namespace gongkai::model {

using nlohmann::json;

json AmountJson(const MaybeFigure& f) {
  if (!f) return nullptr;
  return std::strtod(f->amount.WanYuan(0).c_str(), nullptr);
}

namespace {

json LineJson(const MaybeFigure& f) { return f ? json(f->line) : json(nullptr); }

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
    j["source"]["files"] = files;
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
      {"income_items", income_items},
      {"other_in", Items(s.other_in)},
      {"other_out", Items(s.other_out)},
      {"expenditure_classes", classes},
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
    functional.push_back(row);
  }
  j["functional"] = functional;

  json economic = json::array();
  for (const auto& r : d.economic) {
    json row = {{"code", r.code}, {"name", r.name}, {"total", AmountJson(r.total)},
                {"personnel", AmountJson(r.personnel)}, {"public", AmountJson(r.public_)},
                {"line", r.line}};
    if (!r.note.empty()) row["note"] = r.note;
    economic.push_back(row);
  }
  j["economic"] = economic;

  json projects = json::array();
  for (const auto& p : d.projects) {
    json row = {{"name", p.name}, {"amount", AmountJson(p.amount)}, {"line", p.line},
                {"function_code", p.function_code ? json(*p.function_code) : json(nullptr)}};
    if (!p.code.empty()) row["code"] = p.code;
    if (!p.category.empty()) row["category"] = p.category;
    projects.push_back(row);
  }
  j["projects"] = projects;

  const ThreePublic& t = d.three_public;
  j["three_public"] = {{"total", AmountJson(t.total)},
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
  if (!t.note.empty()) j["three_public"]["note"] = t.note;

  json tables = json::array();
  for (const auto& tb : d.tables) {
    json row = {{"kind", tb.kind}, {"title", tb.title}, {"line", tb.line},
                {"unit", tb.unit.empty() ? json(nullptr) : json(tb.unit)}, {"empty", tb.empty}};
    if (tb.unit_inherited) row["unit_inherited"] = true;
    tables.push_back(row);
  }
  j["tables"] = tables;
  json claims = json::array();
  for (const auto& c : d.claims) {
    static const char* kKinds[] = {"amount", "share", "change", "change_pct"};
    json row = {{"line", c.line},
                {"text", c.text},
                {"kind", kKinds[static_cast<int>(c.kind)]},
                {"subject", c.subject.empty() ? json(nullptr) : json(c.subject)},
                {"subject_text", c.subject_text},
                {"status", c.status}};
    if (c.kind == Claim::Kind::kAmount || c.kind == Claim::Kind::kChange) {
      row["value"] = AmountJson(Figure{c.amount, c.line});
    } else {
      row["value"] = std::strtod(c.value_text.c_str(), nullptr);
      row["unit"] = "%";
    }
    if (c.kind == Claim::Kind::kChange || c.kind == Claim::Kind::kChangePct)
      row["direction"] = c.direction > 0 ? "increase" : "decrease";
    if (c.base) {
      row["base"] = AmountJson(Figure{*c.base, c.base_line});
      row["base_line"] = c.base_line;
    }
    if (c.previous_year) row["previous_year"] = true;
    if (!c.note.empty()) row["note"] = c.note;
    claims.push_back(row);
  }
  j["claims"] = claims;
  json metrics = json::object();
  json metric_lines = json::object();
  for (const auto& m : d.metrics) {
    metrics[m.key] = m.value ? json(*m.value) : json(nullptr);
    metric_lines[m.key] = m.lines;
  }
  j["metrics"] = metrics;
  j["metric_lines"] = metric_lines;
  j["staff"] = d.staff ? json({{"count", *d.staff}, {"line", d.staff_line}}) : json(nullptr);
  json sections = json::array();
  for (const auto& sec : d.sections) {
    json paras = json::array();
    for (const auto& [line, text] : sec.paragraphs) paras.push_back({{"line", line}, {"text", text}});
    sections.push_back({{"key", sec.key}, {"title", sec.title}, {"line", sec.line}, {"paragraphs", paras}});
  }
  j["sections"] = sections;
  json glossary = json::array();
  for (const auto& g : d.glossary)
    glossary.push_back({{"term", g.term}, {"definition", g.definition}, {"line", g.line}});
  j["glossary"] = glossary;
  json findings = json::array();
  for (const auto& f : d.findings) {
    json fj = {{"rule", f.rule},
               {"severity", SeverityName(f.severity)},
               {"message", f.message},
               {"lines", f.lines}};
    if (!f.downgraded.empty()) fj["downgraded"] = f.downgraded;
    findings.push_back(std::move(fj));
  }
  j["findings"] = findings;
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
    j["across_years"] = years;
  }
  json diags = json::array();
  for (const auto& dg : d.diagnostics)
    diags.push_back({{"severity", SeverityName(dg.severity)},
                     {"line", dg.line ? json(dg.line) : json(nullptr)},
                     {"message", dg.message},
                     {"rule", dg.rule}});
  j["diagnostics"] = diags;
  return j;
}

}  // namespace gongkai::model

namespace gongkai::model {

namespace {

MaybeFigure FigureFrom(const json& amount, const json& line) {
  if (amount.is_null()) return std::nullopt;
  // The number was printed as the shortest decimal that round-trips; parse that text.
  auto m = Money::Parse(amount.dump());
  if (!m) return std::nullopt;
  return Figure{*m, line.is_number_integer() ? line.get<int>() : 0};
}

MaybeFigure Scalar(const json& obj, const char* key) {
  const json& lines = obj.contains("lines") ? obj.at("lines") : json::object();
  return FigureFrom(obj.value(key, json()), lines.value(key, json()));
}

Diagnostic::Severity SeverityFrom(const std::string& s) {
  if (s == "error") return Diagnostic::Severity::kError;
  if (s == "warning") return Diagnostic::Severity::kWarning;
  return Diagnostic::Severity::kNotice;
}

std::string Str(const json& j, const char* key) {
  const json& v = j.value(key, json());
  return v.is_string() ? v.get<std::string>() : std::string();
}

}  // namespace

Disclosure FromJson(const json& j) {
  Disclosure d;
  d.id = j.at("id").get<std::string>();
  const json& src = j.at("source");
  d.source.path = Str(src, "path");
  d.source.sha256 = Str(src, "sha256");
  d.source.lines = src.value("lines", 0);
  d.source.encoding = Str(src, "encoding");
  if (src.contains("files"))
    for (const auto& f : src.at("files"))
      d.source.files.push_back({Str(f, "path"), Str(f, "sha256"), Str(f, "format"),
                                f.value("first_line", 0), f.value("pages", 0)});
  if (src.contains("page_starts")) {
    d.source.page_starts = src.at("page_starts").get<std::vector<int>>();
    d.source.page_numbers = src.value("page_numbers", std::vector<int>());
    d.source.page_files = src.value("page_files", std::vector<int>());
  }
  const json& dept = j.at("department");
  d.department.name = Str(dept, "name");
  d.department.region = Str(dept, "region");
  d.department.level = Str(dept, "level");
  d.department.line = dept.value("line", json()).is_number_integer() ? dept.at("line").get<int>() : 0;
  d.year = j.value("year", json()).is_number_integer() ? j.at("year").get<int>() : 0;
  d.kind = Str(j, "kind");

  const json& s = j.at("summary");
  d.summary.table = Str(s, "table");
  for (const char* key : {"income_total", "expenditure_total", "current_income",
                          "current_expenditure", "carryover_in", "carryover_out"}) {
    MaybeFigure f = Scalar(s, key);
    std::string k = key;
    if (k == "income_total") d.summary.income_total = f;
    if (k == "expenditure_total") d.summary.expenditure_total = f;
    if (k == "current_income") d.summary.current_income = f;
    if (k == "current_expenditure") d.summary.current_expenditure = f;
    if (k == "carryover_in") d.summary.carryover_in = f;
    if (k == "carryover_out") d.summary.carryover_out = f;
  }
  for (const auto& i : s.at("income_items"))
    if (auto f = FigureFrom(i.at("amount"), i.at("line")))
      d.summary.income_items.push_back({Str(i, "name"), *f});
  for (const auto& c : s.at("expenditure_classes"))
    if (auto f = FigureFrom(c.at("total"), c.at("line")))
      d.summary.expenditure_classes.push_back({Str(c, "code"), Str(c, "name"), *f});
  for (const char* key : {"other_in", "other_out"})
    for (const auto& i : s.value(key, json::array()))
      if (auto f = FigureFrom(i.at("amount"), i.at("line")))
        (std::string(key) == "other_in" ? d.summary.other_in : d.summary.other_out)
            .push_back({Str(i, "name"), *f});

  const json& e = j.at("expenditure");
  d.expenditure.total = Scalar(e, "total");
  d.expenditure.basic = Scalar(e, "basic");
  d.expenditure.project = Scalar(e, "project");
  d.expenditure.personnel = Scalar(e, "personnel");
  d.expenditure.public_ = Scalar(e, "public");
  if (e.contains("reserve")) d.expenditure.reserve = Scalar(e, "reserve");
  if (e.contains("to_superior")) d.expenditure.to_superior = Scalar(e, "to_superior");
  if (e.contains("operating")) d.expenditure.operating = Scalar(e, "operating");
  if (e.contains("to_subsidiaries")) d.expenditure.to_subsidiaries = Scalar(e, "to_subsidiaries");

  for (const auto& r : j.at("functional")) {
    FunctionalRow row;
    row.code = Str(r, "code");
    row.name = Str(r, "name");
    row.level = r.value("level", 0);
    row.line = r.value("line", 0);
    row.total = FigureFrom(r.at("total"), r.at("line"));
    row.basic = FigureFrom(r.at("basic"), r.at("line"));
    row.project = FigureFrom(r.at("project"), r.at("line"));
    row.note = Str(r, "note");
    d.functional.push_back(row);
  }
  for (const auto& r : j.at("economic")) {
    EconomicRow row;
    row.code = Str(r, "code");
    row.name = Str(r, "name");
    row.line = r.value("line", 0);
    row.total = FigureFrom(r.at("total"), r.at("line"));
    row.personnel = FigureFrom(r.at("personnel"), r.at("line"));
    row.public_ = FigureFrom(r.at("public"), r.at("line"));
    row.note = Str(r, "note");
    d.economic.push_back(row);
  }
  for (const auto& p : j.at("projects")) {
    Project pr;
    pr.name = Str(p, "name");
    if (auto f = FigureFrom(p.at("amount"), p.at("line"))) pr.amount = *f;
    pr.line = p.value("line", 0);
    if (p.at("function_code").is_string()) pr.function_code = p.at("function_code").get<std::string>();
    pr.code = Str(p, "code");
    pr.category = Str(p, "category");
    d.projects.push_back(pr);
  }
  const json& t = j.at("three_public");
  d.three_public.total = Scalar(t, "total");
  d.three_public.overseas = Scalar(t, "overseas");
  d.three_public.vehicle_total = Scalar(t, "vehicle_total");
  d.three_public.vehicle_purchase = Scalar(t, "vehicle_purchase");
  d.three_public.vehicle_operation = Scalar(t, "vehicle_operation");
  d.three_public.reception = Scalar(t, "reception");
  d.three_public.note = Str(t, "note");
  for (const auto& tb : j.at("tables")) {
    TableRef ref;
    ref.kind = Str(tb, "kind");
    ref.title = Str(tb, "title");
    ref.line = tb.value("line", 0);
    ref.unit = Str(tb, "unit");
    ref.unit_inherited = tb.value("unit_inherited", false);
    ref.empty = tb.value("empty", false);
    d.tables.push_back(ref);
  }
  static const std::pair<const char*, Claim::Kind> kKinds[] = {
      {"amount", Claim::Kind::kAmount}, {"share", Claim::Kind::kShare},
      {"change", Claim::Kind::kChange}, {"change_pct", Claim::Kind::kChangePct}};
  for (const auto& c : j.at("claims")) {
    Claim claim;
    for (const auto& [name, kind] : kKinds)
      if (Str(c, "kind") == name) claim.kind = kind;
    claim.line = c.value("line", 0);
    claim.text = Str(c, "text");
    claim.subject = Str(c, "subject");
    claim.subject_text = Str(c, "subject_text");
    claim.status = Str(c, "status");
    claim.note = Str(c, "note");
    claim.previous_year = c.value("previous_year", false);
    claim.direction = Str(c, "direction") == "decrease" ? -1 : Str(c, "direction") == "increase" ? 1 : 0;
    if (c.at("value").is_number()) {
      claim.value_text = c.at("value").dump();
      if (auto m = Money::Parse(claim.value_text)) claim.amount = *m;
    }
    // A change's 上年 figure, which the checks between years compare.
    if (c.contains("base") && c.at("base").is_number())
      if (auto m = Money::Parse(c.at("base").dump())) {
        claim.base = *m;
        claim.base_line = c.value("base_line", 0);
      }
    d.claims.push_back(claim);
  }
  for (const auto& f : j.at("findings"))
    d.findings.push_back({Str(f, "rule"), SeverityFrom(Str(f, "severity")), Str(f, "message"),
                          f.at("lines").get<std::vector<int>>(), {}, Str(f, "downgraded")});
  if (j.contains("across_years")) {
    const json& y = j.at("across_years");
    d.year_facts.sure = y.value("sure", std::vector<std::string>());
    d.year_facts.prior_index = y.value("prior_claims", std::vector<int>());
    d.years.key = Str(y, "key");
    d.years.previous = Str(y, "previous");
    d.years.next = Str(y, "next");
    auto year = [&](const char* k) {
      return y.contains(k) && y.at(k).is_number() ? y.at(k).get<int>() : 0;
    };
    d.years.previous_year = year("previous_year");
    d.years.next_year = year("next_year");
    d.years.count = y.value("count", 0);
  }
  for (int i : d.year_facts.prior_index)
    if (i >= 0 && i < static_cast<int>(d.claims.size())) d.year_facts.prior.push_back(d.claims[i]);
  const json& lines = j.value("metric_lines", json::object());
  for (const auto& [key, value] : j.at("metrics").items()) {
    Metric m;
    m.key = key;
    if (value.is_number()) m.value = value.get<double>();
    if (lines.contains(key)) m.lines = lines.at(key).get<std::vector<int>>();
    d.metrics.push_back(m);
  }
  if (j.value("staff", json()).is_object()) {
    d.staff = j.at("staff").at("count").get<int>();
    d.staff_line = j.at("staff").value("line", 0);
  }
  for (const auto& sec : j.value("sections", json::array())) {
    NarrativeSection ns;
    ns.key = Str(sec, "key");
    ns.title = Str(sec, "title");
    ns.line = sec.value("line", 0);
    for (const auto& p : sec.at("paragraphs")) ns.paragraphs.push_back({p.value("line", 0), Str(p, "text")});
    d.sections.push_back(ns);
  }
  for (const auto& g : j.value("glossary", json::array()))
    d.glossary.push_back({Str(g, "term"), Str(g, "definition"), g.value("line", 0)});
  for (const auto& dg : j.value("diagnostics", json::array()))
    d.diagnostics.push_back({SeverityFrom(Str(dg, "severity")),
                             dg.value("line", json()).is_number_integer() ? dg.at("line").get<int>() : 0,
                             Str(dg, "message"), Str(dg, "rule")});
  return d;
}

}  // namespace gongkai::model

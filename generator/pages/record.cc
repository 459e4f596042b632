// Disclosure -> Record, and the record's JSON in the build's cache.
#include "pages/record.h"

#include <cstdio>

#include "model/json.h"
#include "pages/search.h"
#include "render/overview.h"
#include "years/cross_year.h"

namespace gongkai::pages {

using nlohmann::json;

namespace {

// The metrics a cross page shows (compare.md, data/departments.csv).
const char* const kShownMetrics[] = {"basic_share",     "project_share",      "personnel_share",
                                     "public_share",    "carryover_share",    "three_public_share",
                                     "total_per_staff"};

model::Diagnostic::Severity SeverityFrom(const std::string& s) {
  return s == "error"     ? model::Diagnostic::Severity::kError
         : s == "warning" ? model::Diagnostic::Severity::kWarning
                          : model::Diagnostic::Severity::kNotice;
}

// A figure as [fen, line] (exact), or null.
json Fig(const model::MaybeFigure& f) { return f ? json::array({f->amount.fen(), f->line}) : json(); }
model::MaybeFigure FigFrom(const json& j) {
  if (j.is_null()) return std::nullopt;
  return model::Figure{model::Money::FromFen(j.at(0).get<int64_t>()), j.at(1).get<int>()};
}
model::Figure FigureFrom(const json& j) { return *FigFrom(j); }

json ClaimToJson(const model::Claim& c) {
  return {static_cast<int>(c.kind), c.line, c.subject, c.amount.fen(), c.direction,
          c.base ? json(c.base->fen()) : json(), c.base_line, c.previous_year, c.table};
}
model::Claim ClaimFrom(const json& j) {
  model::Claim c;
  c.kind = static_cast<model::Claim::Kind>(j.at(0).get<int>());
  c.line = j.at(1).get<int>();
  c.subject = j.at(2).get<std::string>();
  c.amount = model::Money::FromFen(j.at(3).get<int64_t>());
  c.direction = j.at(4).get<int>();
  if (!j.at(5).is_null()) c.base = model::Money::FromFen(j.at(5).get<int64_t>());
  c.base_line = j.at(6).get<int>();
  c.previous_year = j.at(7).get<bool>();
  c.table = j.at(8).get<std::string>();
  return c;
}

json SourceToJson(const model::SourceInfo& s) {
  json files = json::array();
  for (const auto& f : s.files) files.push_back({f.path, f.sha256, f.format, f.first_line, f.pages});
  return {{"path", s.path}, {"files", files}, {"page_starts", s.page_starts},
          {"page_numbers", s.page_numbers}, {"page_files", s.page_files}};
}
model::SourceInfo SourceFrom(const json& j) {
  model::SourceInfo s;
  s.path = j.at("path").get<std::string>();
  for (const auto& f : j.at("files"))
    s.files.push_back({f.at(0).get<std::string>(), f.at(1).get<std::string>(),
                       f.at(2).get<std::string>(), f.at(3).get<int>(), f.at(4).get<int>()});
  s.page_starts = j.at("page_starts").get<std::vector<int>>();
  s.page_numbers = j.at("page_numbers").get<std::vector<int>>();
  s.page_files = j.at("page_files").get<std::vector<int>>();
  return s;
}

json YearsToJson(const Record& r) {
  json prior = json::array(), headline = json::array();
  for (const auto& c : r.year_facts.prior) prior.push_back(ClaimToJson(c));
  for (const auto& [subject, f] : r.year_facts.headline) headline.push_back({subject, Fig(f)});
  const model::YearPlace& p = r.years;
  return {{"sure", r.year_facts.sure}, {"prior", prior}, {"prior_index", r.year_facts.prior_index},
          {"headline", headline},
          {"place", {p.key, p.previous, p.previous_year, p.next, p.next_year, p.count}}};
}
void YearsFrom(const json& j, Record& r) {
  r.year_facts.sure = j.at("sure").get<std::vector<std::string>>();
  for (const auto& c : j.at("prior")) r.year_facts.prior.push_back(ClaimFrom(c));
  r.year_facts.prior_index = j.at("prior_index").get<std::vector<int>>();
  for (const auto& h : j.at("headline"))
    r.year_facts.headline.emplace_back(h.at(0).get<std::string>(), FigureFrom(h.at(1)));
  const json& p = j.at("place");
  r.years = {p.at(0).get<std::string>(), p.at(1).get<std::string>(), p.at(3).get<std::string>(),
             p.at(2).get<int>(), p.at(4).get<int>(), p.at(5).get<int>()};
}

}  // namespace

model::Disclosure YearsView(const Record& r) {
  model::Disclosure d;
  d.id = r.id;
  d.kind = r.kind;
  d.year = r.year;
  d.department = r.department;
  d.source = r.source;
  for (const auto& f : r.findings)
    if (years::IsCrossYearRule(f.rule)) d.findings.push_back(f);
  for (const auto& [key, value] : r.metrics) {
    model::Metric m;
    m.key = key;
    m.value = std::stod(value);  // "12.34", printed again to 0.01 as it was
    d.metrics.push_back(std::move(m));
  }
  d.year_facts = r.year_facts;
  d.years = r.years;
  return d;
}

std::string Record::Metric(const std::string& key) const {
  for (const auto& [k, v] : metrics)
    if (k == key) return v;
  return "";
}

int Record::Count(model::Diagnostic::Severity s) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == s;
  return n;
}

Record MakeRecord(const model::Disclosure& d, bool failed, const std::string& failure) {
  Record r;
  r.id = d.id;
  r.source_path = d.source.path;
  r.failed = failed;
  r.failure = failure;
  r.department = {d.department.name, 0, d.department.region, d.department.level};
  r.year = d.year;
  r.kind = d.kind;
  r.source = d.source;
  r.year_facts = d.year_facts;
  r.years = d.years;
  r.income_total = d.summary.income_total;
  r.expenditure_total = d.summary.expenditure_total;
  r.current_income = d.summary.current_income;
  r.carryover_in = d.summary.carryover_in;
  const auto& x = d.expenditure;
  r.total = x.total;
  r.basic = x.basic;
  r.project = x.project;
  r.personnel = x.personnel;
  r.public_ = x.public_;
  r.spending = render::SpendingOf(d).figure;
  r.three_public = d.three_public.total;
  r.tables = static_cast<int>(d.tables.size());
  r.staff = d.staff;
  for (const auto& f : d.findings) r.findings.push_back({f.rule, f.severity, f.message, f.lines, {}, {}});
  for (const char* key : kShownMetrics)
    for (const auto& m : d.metrics)
      if (m.key == key && m.value) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", *m.value);
        r.metrics.emplace_back(key, buf);
        break;
      }
  for (const auto& f : d.functional)
    r.functional.push_back({f.code, f.name, f.level, f.total, f.basic, f.project, f.line, {}});
  for (const auto& e : d.economic)
    r.economic.push_back({e.code, e.name, e.total, e.personnel, e.public_, e.line, {}});
  r.classes = d.summary.expenditure_classes;
  r.glossary = d.glossary;
  if (!failed) r.search = DepartmentSearchEntries(d);
  return r;
}

json RecordToJson(const Record& r) {
  json j = {{"id", r.id},
            {"source_path", r.source_path},
            {"failed", r.failed},
            {"failure", r.failure},
            {"name", r.department.name},
            {"region", r.department.region},
            {"level", r.department.level},
            {"year", r.year},
            {"kind", r.kind},
            {"source", SourceToJson(r.source)},
            {"across_years", YearsToJson(r)},
            {"income_total", Fig(r.income_total)},
            {"expenditure_total", Fig(r.expenditure_total)},
            {"current_income", Fig(r.current_income)},
            {"carryover_in", Fig(r.carryover_in)},
            {"total", Fig(r.total)},
            {"basic", Fig(r.basic)},
            {"project", Fig(r.project)},
            {"personnel", Fig(r.personnel)},
            {"public", Fig(r.public_)},
            {"spending", Fig(r.spending)},
            {"three_public", Fig(r.three_public)},
            {"tables", r.tables},
            {"staff", r.staff ? json(*r.staff) : json()},
            {"metrics", r.metrics}};
  json& findings = j["findings"] = json::array();
  for (const auto& f : r.findings)
    findings.push_back({f.rule, model::SeverityName(f.severity), f.message, f.lines});
  json& functional = j["functional"] = json::array();
  for (const auto& f : r.functional)
    functional.push_back({f.code, f.name, f.level, Fig(f.total), Fig(f.basic), Fig(f.project), f.line});
  json& economic = j["economic"] = json::array();
  for (const auto& e : r.economic)
    economic.push_back({e.code, e.name, Fig(e.total), Fig(e.personnel), Fig(e.public_), e.line});
  json& classes = j["classes"] = json::array();
  for (const auto& c : r.classes) classes.push_back({c.code, c.name, Fig(c.amount)});
  json& glossary = j["glossary"] = json::array();
  for (const auto& g : r.glossary) glossary.push_back({g.term, g.definition, g.line});
  json& search = j["search"] = json::array();
  for (const auto& s : r.search) search.push_back({s.url, s.title, s.kind, s.dept, s.text});
  return j;
}

Record RecordFromJson(const json& j) {
  Record r;
  r.id = j.at("id").get<std::string>();
  r.source_path = j.at("source_path").get<std::string>();
  r.failed = j.at("failed").get<bool>();
  r.failure = j.at("failure").get<std::string>();
  r.department = {j.at("name").get<std::string>(), 0, j.at("region").get<std::string>(),
                  j.at("level").get<std::string>()};
  r.year = j.at("year").get<int>();
  r.kind = j.at("kind").get<std::string>();
  r.source = SourceFrom(j.at("source"));
  YearsFrom(j.at("across_years"), r);
  r.income_total = FigFrom(j.at("income_total"));
  r.expenditure_total = FigFrom(j.at("expenditure_total"));
  r.current_income = FigFrom(j.at("current_income"));
  r.carryover_in = FigFrom(j.at("carryover_in"));
  r.total = FigFrom(j.at("total"));
  r.basic = FigFrom(j.at("basic"));
  r.project = FigFrom(j.at("project"));
  r.personnel = FigFrom(j.at("personnel"));
  r.public_ = FigFrom(j.at("public"));
  r.spending = FigFrom(j.at("spending"));
  r.three_public = FigFrom(j.at("three_public"));
  r.tables = j.at("tables").get<int>();
  if (!j.at("staff").is_null()) r.staff = j.at("staff").get<int>();
  r.metrics = j.at("metrics").get<std::vector<std::pair<std::string, std::string>>>();
  for (const auto& f : j.at("findings"))
    r.findings.push_back({f.at(0).get<std::string>(), SeverityFrom(f.at(1).get<std::string>()),
                          f.at(2).get<std::string>(), f.at(3).get<std::vector<int>>(), {}, {}});
  for (const auto& f : j.at("functional"))
    r.functional.push_back({f.at(0).get<std::string>(), f.at(1).get<std::string>(), f.at(2).get<int>(),
                            FigFrom(f.at(3)), FigFrom(f.at(4)), FigFrom(f.at(5)), f.at(6).get<int>(), {}});
  for (const auto& e : j.at("economic"))
    r.economic.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(), FigFrom(e.at(2)),
                          FigFrom(e.at(3)), FigFrom(e.at(4)), e.at(5).get<int>(), {}});
  for (const auto& c : j.at("classes"))
    r.classes.push_back({c.at(0).get<std::string>(), c.at(1).get<std::string>(), FigureFrom(c.at(2))});
  for (const auto& g : j.at("glossary"))
    r.glossary.push_back({g.at(0).get<std::string>(), g.at(1).get<std::string>(), g.at(2).get<int>()});
  for (const auto& s : j.at("search"))
    r.search.push_back({s.at(0).get<std::string>(), s.at(1).get<std::string>(), s.at(2).get<std::string>(),
                        s.at(3).get<std::string>(), s.at(4).get<std::string>()});
  return r;
}

}  // namespace gongkai::pages

// Disclosure -> contract JSON, written as it goes (model/json_writer.h).
#include "model/json.h"

#include <cstdlib>
#include <map>
#include <string_view>
#include <utility>

#include "model/json_writer.h"

namespace gongkai::model {

using nlohmann::json;

json AmountJson(const MaybeFigure& f) {
  if (!f) return nullptr;
  return std::strtod(f->amount.WanYuan(0).c_str(), nullptr);
}

namespace {

// An amount as AmountJson gives it, written.
void Amount(JsonWriter& w, const MaybeFigure& f) {
  if (!f) return w.Null();
  w.Double(std::strtod(f->amount.WanYuan(0).c_str(), nullptr));
}

void Line(JsonWriter& w, const MaybeFigure& f) {
  if (!f) return w.Null();
  w.Int(f->line);
}

void StringOrNull(JsonWriter& w, const std::string& s) {
  if (s.empty()) return w.Null();
  w.String(s);
}

void IntOrNull(JsonWriter& w, int n) {
  if (!n) return w.Null();
  w.Int(n);
}

// Every object below writes its keys in byte order (JsonWriter checks it).

// "三公" figures: `header` and `note` where given.
void ThreePublicJson(JsonWriter& w, const ThreePublic& t, const std::string* header,
                     const std::string* note) {
  static const std::pair<const char*, MaybeFigure ThreePublic::*> kParts[] = {
      {"overseas", &ThreePublic::overseas},
      {"reception", &ThreePublic::reception},
      {"total", &ThreePublic::total},
      {"vehicle_operation", &ThreePublic::vehicle_operation},
      {"vehicle_purchase", &ThreePublic::vehicle_purchase},
      {"vehicle_total", &ThreePublic::vehicle_total}};
  w.BeginObject();
  if (header) {
    w.Key("header");
    w.String(*header);
  }
  w.Key("lines");
  w.BeginObject();
  for (const auto& [key, part] : kParts) {
    w.Key(key);
    Line(w, t.*part);
  }
  w.EndObject();
  if (note) {
    w.Key("note");
    w.String(*note);
  }
  for (const auto& [key, part] : kParts) {
    w.Key(key);
    Amount(w, t.*part);
  }
  w.EndObject();
}

// What the tables state for the previous year: null for each part the document does not
// state (or whose own sums failed, see parse/reading_check.h).
void PreviousYearJson(JsonWriter& w, const PreviousYear& p) {
  w.BeginObject();
  w.Key("functional");
  if (!p.functional.empty() || p.functional_total) {
    w.BeginObject();
    w.Key("header");
    w.String(p.functional_header);
    w.Key("line");
    Line(w, p.functional_total);
    w.Key("rows");
    w.BeginArray();
    for (const auto& r : p.functional) {
      w.BeginObject();
      w.Key("code");
      w.String(r.code);
      w.Key("level");
      w.Int(r.level);
      w.Key("line");
      w.Int(r.line);
      w.Key("name");
      w.String(r.name);
      w.Key("total");
      Amount(w, r.total);
      w.EndObject();
    }
    w.EndArray();
    w.Key("table");
    w.String(p.functional_table);
    w.Key("total");
    Amount(w, p.functional_total);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("three_public");
  if (!p.three_public.Empty()) ThreePublicJson(w, p.three_public, &p.three_public_header, nullptr);
  else w.Null();
  w.Key("three_public_change");
  if (!p.three_public_change.Empty()) ThreePublicJson(w, p.three_public_change, nullptr, nullptr);
  else w.Null();
  w.EndObject();
}

// Income items and the like: {amount, line, name}.
void Items(JsonWriter& w, const std::vector<IncomeItem>& items) {
  w.BeginArray();
  for (const auto& i : items) {
    w.BeginObject();
    w.Key("amount");
    Amount(w, i.amount);
    w.Key("line");
    w.Int(i.amount.line);
    w.Key("name");
    w.String(i.name);
    w.EndObject();
  }
  w.EndArray();
}

void SummaryJson(JsonWriter& w, const Summary& s) {
  static const std::pair<const char*, MaybeFigure Summary::*> kTotals[] = {
      {"carryover_in", &Summary::carryover_in},
      {"carryover_out", &Summary::carryover_out},
      {"current_expenditure", &Summary::current_expenditure},
      {"current_income", &Summary::current_income},
      {"expenditure_total", &Summary::expenditure_total},
      {"income_total", &Summary::income_total}};
  auto total = [&](const char* key) {
    for (const auto& [k, member] : kTotals)
      if (std::string_view(k) == key) {
        w.Key(key);
        Amount(w, s.*member);
      }
  };
  w.BeginObject();
  total("carryover_in");
  total("carryover_out");
  total("current_expenditure");
  total("current_income");
  w.Key("expenditure_classes");
  w.BeginArray();
  for (const auto& c : s.expenditure_classes) {
    w.BeginObject();
    w.Key("code");
    w.String(c.code);
    w.Key("line");
    w.Int(c.amount.line);
    w.Key("name");
    w.String(c.name);
    w.Key("total");
    Amount(w, c.amount);
    w.EndObject();
  }
  w.EndArray();
  total("expenditure_total");
  w.Key("income_items");
  Items(w, s.income_items);
  total("income_total");
  w.Key("lines");
  w.BeginObject();
  for (const auto& [key, member] : kTotals) {
    w.Key(key);
    Line(w, s.*member);
  }
  w.EndObject();
  w.Key("other_in");
  Items(w, s.other_in);
  w.Key("other_out");
  Items(w, s.other_out);
  w.Key("table");
  StringOrNull(w, s.table);
  w.EndObject();
}

void ExpenditureJson(JsonWriter& w, const Expenditure& e) {
  static const std::pair<const char*, MaybeFigure Expenditure::*> kParts[] = {
      {"basic", &Expenditure::basic},
      {"operating", &Expenditure::operating},
      {"personnel", &Expenditure::personnel},
      {"project", &Expenditure::project},
      {"public", &Expenditure::public_},
      {"reserve", &Expenditure::reserve},
      {"to_subsidiaries", &Expenditure::to_subsidiaries},
      {"to_superior", &Expenditure::to_superior},
      {"total", &Expenditure::total}};
  w.BeginObject();
  w.Key("basic");
  Amount(w, e.basic);
  w.Key("lines");
  w.BeginObject();
  for (const auto& [key, member] : kParts) {
    w.Key(key);
    Line(w, e.*member);
  }
  w.EndObject();
  for (const auto& [key, member] : kParts) {
    if (member == &Expenditure::basic) continue;
    w.Key(key);
    Amount(w, e.*member);
  }
  w.EndObject();
}

void SourceJson(JsonWriter& w, const SourceInfo& s) {
  w.BeginObject();
  w.Key("encoding");
  w.String(s.encoding);
  if (!s.files.empty()) {
    w.Key("files");
    w.BeginArray();
    for (const auto& f : s.files) {
      w.BeginObject();
      w.Key("first_line");
      w.Int(f.first_line);
      w.Key("format");
      w.String(f.format);
      w.Key("pages");
      w.Int(f.pages);
      w.Key("path");
      w.String(f.path);
      w.Key("sha256");
      w.String(f.sha256);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("lines");
  w.Int(s.lines);
  if (!s.page_starts.empty()) {
    w.Key("page_files");
    w.Ints(s.page_files);
    w.Key("page_numbers");
    w.Ints(s.page_numbers);
    w.Key("page_starts");
    w.Ints(s.page_starts);
  }
  w.Key("path");
  w.String(s.path);
  w.Key("sha256");
  w.String(s.sha256);
  w.EndObject();
}

void FunctionalJson(JsonWriter& w, const std::vector<FunctionalRow>& rows) {
  w.BeginArray();
  for (const auto& r : rows) {
    w.BeginObject();
    w.Key("basic");
    Amount(w, r.basic);
    w.Key("code");
    w.String(r.code);
    w.Key("level");
    w.Int(r.level);
    w.Key("line");
    w.Int(r.line);
    w.Key("name");
    w.String(r.name);
    if (!r.note.empty()) {
      w.Key("note");
      w.String(r.note);
    }
    w.Key("project");
    Amount(w, r.project);
    w.Key("total");
    Amount(w, r.total);
    w.EndObject();
  }
  w.EndArray();
}

void EconomicJson(JsonWriter& w, const std::vector<EconomicRow>& rows) {
  w.BeginArray();
  for (const auto& r : rows) {
    w.BeginObject();
    w.Key("code");
    w.String(r.code);
    w.Key("line");
    w.Int(r.line);
    w.Key("name");
    w.String(r.name);
    if (!r.note.empty()) {
      w.Key("note");
      w.String(r.note);
    }
    w.Key("personnel");
    Amount(w, r.personnel);
    w.Key("public");
    Amount(w, r.public_);
    w.Key("total");
    Amount(w, r.total);
    w.EndObject();
  }
  w.EndArray();
}

void ProjectsJson(JsonWriter& w, const std::vector<Project>& projects) {
  w.BeginArray();
  for (const auto& p : projects) {
    w.BeginObject();
    w.Key("amount");
    Amount(w, p.amount);
    if (!p.category.empty()) {
      w.Key("category");
      w.String(p.category);
    }
    if (!p.code.empty()) {
      w.Key("code");
      w.String(p.code);
    }
    w.Key("function_code");
    if (p.function_code) w.String(*p.function_code);
    else w.Null();
    w.Key("line");
    w.Int(p.line);
    w.Key("name");
    w.String(p.name);
    w.EndObject();
  }
  w.EndArray();
}

void TablesJson(JsonWriter& w, const std::vector<TableRef>& tables) {
  w.BeginArray();
  for (const auto& tb : tables) {
    w.BeginObject();
    w.Key("empty");
    w.Bool(tb.empty);
    w.Key("kind");
    w.String(TableKindId(tb.kind));
    w.Key("line");
    w.Int(tb.line);
    w.Key("title");
    w.String(tb.title);
    w.Key("unit");
    StringOrNull(w, tb.unit);
    if (tb.unit_inherited) {
      w.Key("unit_inherited");
      w.Bool(true);
    }
    w.EndObject();
  }
  w.EndArray();
}

void ClaimsJson(JsonWriter& w, const std::vector<Claim>& claims) {
  static const char* kKinds[] = {"amount", "share", "change", "change_pct"};
  w.BeginArray();
  for (const auto& c : claims) {
    const bool money = c.kind == Claim::Kind::kAmount || c.kind == Claim::Kind::kChange;
    w.BeginObject();
    if (c.base) {
      w.Key("base");
      Amount(w, Figure{*c.base, c.base_line});
      w.Key("base_line");
      w.Int(c.base_line);
    }
    if (c.kind == Claim::Kind::kChange || c.kind == Claim::Kind::kChangePct) {
      w.Key("direction");
      w.String(c.direction > 0 ? "increase" : c.direction < 0 ? "decrease" : "unchanged");
    }
    w.Key("kind");
    w.String(kKinds[static_cast<int>(c.kind)]);
    w.Key("line");
    w.Int(c.line);
    if (!c.note.empty()) {
      w.Key("note");
      w.String(c.note);
    }
    if (c.previous_year) {
      w.Key("previous_year");
      w.Bool(true);
    }
    w.Key("status");
    w.String(ClaimStatusId(c.status));
    w.Key("subject");
    StringOrNull(w, c.subject);
    w.Key("subject_text");
    w.String(c.subject_text);
    w.Key("text");
    w.String(c.text);
    if (!money) {
      w.Key("unit");
      w.String("%");
    }
    w.Key("value");
    if (money) Amount(w, Figure{c.amount, c.line});
    else w.Double(std::strtod(c.value_text.c_str(), nullptr));
    w.EndObject();
  }
  w.EndArray();
}

// The metrics by key (a later one of the same key replaces an earlier), and their lines.
void MetricsJson(JsonWriter& w, const std::vector<Metric>& metrics, bool lines) {
  std::map<std::string_view, const Metric*> by_key;
  for (const auto& m : metrics) by_key[m.key] = &m;
  w.BeginObject();
  for (const auto& [key, m] : by_key) {
    w.Key(key);
    if (lines) w.Ints(m->lines);
    else if (m->value) w.Double(*m->value);
    else w.Null();
  }
  w.EndObject();
}

void SectionsJson(JsonWriter& w, const std::vector<NarrativeSection>& sections) {
  w.BeginArray();
  for (const auto& sec : sections) {
    w.BeginObject();
    w.Key("key");
    w.String(sec.key);
    w.Key("line");
    w.Int(sec.line);
    w.Key("paragraphs");
    w.BeginArray();
    for (const auto& [line, text] : sec.paragraphs) {
      w.BeginObject();
      w.Key("line");
      w.Int(line);
      w.Key("text");
      w.String(text);
      w.EndObject();
    }
    w.EndArray();
    w.Key("title");
    w.String(sec.title);
    w.EndObject();
  }
  w.EndArray();
}

void GlossaryJson(JsonWriter& w, const std::vector<GlossaryEntry>& glossary) {
  w.BeginArray();
  for (const auto& g : glossary) {
    w.BeginObject();
    w.Key("definition");
    w.String(g.definition);
    w.Key("line");
    w.Int(g.line);
    w.Key("term");
    w.String(g.term);
    w.EndObject();
  }
  w.EndArray();
}

void FindingsJson(JsonWriter& w, const std::vector<Finding>& findings) {
  w.BeginArray();
  for (const auto& f : findings) {
    w.BeginObject();
    if (!f.downgraded.empty()) {
      w.Key("downgraded");
      w.String(f.downgraded);
    }
    w.Key("lines");
    w.Ints(f.lines);
    w.Key("message");
    w.String(f.message);
    w.Key("rule");
    w.String(f.rule);
    w.Key("severity");
    w.String(SeverityName(f.severity));
    w.EndObject();
  }
  w.EndArray();
}

// The department across years: the headline figures stated without doubt, and where the site
// has other years of it, its key and neighbours.
void AcrossYearsJson(JsonWriter& w, const Disclosure& d) {
  const bool related = !d.years.key.empty();
  w.BeginObject();
  if (related) {
    w.Key("count");
    w.Int(d.years.count);
    w.Key("key");
    w.String(d.years.key);
    w.Key("next");
    StringOrNull(w, d.years.next);
    w.Key("next_year");
    IntOrNull(w, d.years.next_year);
    w.Key("previous");
    StringOrNull(w, d.years.previous);
    w.Key("previous_year");
    IntOrNull(w, d.years.previous_year);
  }
  w.Key("prior_claims");
  w.Ints(d.year_facts.prior_index);
  w.Key("sure");
  w.Strings(d.year_facts.sure);
  w.EndObject();
}

void DiagnosticsJson(JsonWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.BeginArray();
  for (const auto& dg : diagnostics) {
    w.BeginObject();
    w.Key("line");
    IntOrNull(w, dg.line);
    w.Key("message");
    w.String(dg.message);
    w.Key("rule");
    w.String(dg.rule);
    w.Key("severity");
    w.String(SeverityName(dg.severity));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string SeverityName(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::kError: return "error";
    case Diagnostic::Severity::kWarning: return "warning";
    default: return "notice";
  }
}

std::string DisclosureJson(const Disclosure& d) {
  std::string out;
  out.reserve(64 * 1024);
  JsonWriter w(out);
  w.BeginObject();
  if (!d.year_facts.sure.empty() || !d.years.key.empty()) {
    w.Key("across_years");
    AcrossYearsJson(w, d);
  }
  w.Key("claims");
  ClaimsJson(w, d.claims);
  w.Key("department");
  w.BeginObject();
  w.Key("code");
  w.Null();
  w.Key("level");
  StringOrNull(w, d.department.level);
  w.Key("line");
  IntOrNull(w, d.department.line);
  w.Key("name");
  w.String(d.department.name);
  w.Key("region");
  StringOrNull(w, d.department.region);
  w.EndObject();
  w.Key("diagnostics");
  DiagnosticsJson(w, d.diagnostics);
  w.Key("economic");
  EconomicJson(w, d.economic);
  w.Key("expenditure");
  ExpenditureJson(w, d.expenditure);
  w.Key("findings");
  FindingsJson(w, d.findings);
  w.Key("functional");
  FunctionalJson(w, d.functional);
  w.Key("glossary");
  GlossaryJson(w, d.glossary);
  w.Key("id");
  w.String(d.id);
  w.Key("kind");
  w.String(d.kind);
  w.Key("metric_lines");
  MetricsJson(w, d.metrics, true);
  w.Key("metrics");
  MetricsJson(w, d.metrics, false);
  w.Key("previous_year");
  PreviousYearJson(w, d.previous_year);
  w.Key("projects");
  ProjectsJson(w, d.projects);
  w.Key("schema_version");
  w.Int(1);
  w.Key("sections");
  SectionsJson(w, d.sections);
  w.Key("source");
  SourceJson(w, d.source);
  w.Key("staff");
  if (d.staff) {
    w.BeginObject();
    w.Key("count");
    w.Int(*d.staff);
    w.Key("line");
    w.Int(d.staff_line);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("summary");
  SummaryJson(w, d.summary);
  w.Key("tables");
  TablesJson(w, d.tables);
  w.Key("three_public");
  ThreePublicJson(w, d.three_public, nullptr, d.three_public.note.empty() ? nullptr : &d.three_public.note);
  w.Key("unit");
  w.String("万元");
  w.Key("year");
  IntOrNull(w, d.year);
  w.EndObject();
  return out;
}

json ToJson(const Disclosure& d) { return json::parse(DisclosureJson(d)); }

}  // namespace gongkai::model

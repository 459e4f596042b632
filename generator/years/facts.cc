// Facts for the checks between years (see facts.h).
#include "years/facts.h"

#include <set>
#include <string>

#include "checks/corroboration.h"
#include "checks/three_public.h"
#include "years/timeline.h"

namespace gongkai::years {

namespace {

// A claim the document itself casts doubt on: checked and found inconsistent, stated with a
// rate that does not agree, or a change of a subject that another change in it contradicts
// (who a sentence speaks of is read from the text; these are the signs it was misread).
bool Doubtful(const model::Disclosure& d, size_t i) {
  const model::Claim& c = d.claims[i];
  if (c.status == model::ClaimStatus::kInconsistent) return true;
  for (size_t k = 0; k < d.claims.size(); ++k) {
    const model::Claim& o = d.claims[k];
    if (o.kind == model::Claim::Kind::kChangePct && o.ref == static_cast<int>(i) &&
        o.status == model::ClaimStatus::kInconsistent)
      return true;
    if (k != i && c.kind == model::Claim::Kind::kChange && o.kind == c.kind &&
        o.subject == c.subject && (o.amount != c.amount || o.direction != c.direction))
      return true;
  }
  return false;
}

// A figure a table states for the previous year, as a claim about it (Claim::table says
// which table and block).
model::Claim TableClaim(const std::string& subject, const model::Figure& f,
                        const std::string& table) {
  model::Claim c;
  c.kind = model::Claim::Kind::kAmount;
  c.previous_year = true;
  c.subject = subject;
  c.amount = f.amount;
  c.line = f.line;
  c.table = table;
  return c;
}

// 《title》header: the table of `kind` and the block a figure stands in.
std::string TableName(const model::Disclosure& d, model::TableKind kind,
                      const std::string& header) {
  const model::TableRef* t = d.FindTable(kind);
  return "《" + (t ? t->title : std::string(model::TableKindId(kind))) + "》" + header;
}

// The “三公” table's previous-year figures (CheckPreviousYearReading kept them only where the
// block's own sums hold), but a part its change block contradicts: then the table disagrees
// with itself (rule table-change-column, by the same comparison) and which figure is wrong is
// not known.
void AddThreePublicClaims(const model::Disclosure& d, std::vector<model::Claim>& out) {
  const model::PreviousYear& p = d.previous_year;
  const std::string table = TableName(d, model::TableKind::kThreePublic, p.three_public_header);
  std::set<std::string> contradicted;
  for (const checks::ThreePublicChange& c : checks::ThreePublicChanges(d))
    if (c.Check().Agree() == checks::Agreement::kBeyondRounding) contradicted.insert(c.subject);
  for (const auto& [subject, member] : model::kThreePublicParts) {
    const model::MaybeFigure& before = p.three_public.*member;
    if (before && !contradicted.count(subject)) out.push_back(TableClaim(subject, *before, table));
  }
}

// The 类 of a previous-year column of the 支出总表 (all funds, as the previous year's headline
// 类 are). A column of the 一般公共预算支出表 covers fewer funds: no subject of the previous
// year's disclosure is the same, so it is not compared.
void AddFunctionalClaims(const model::Disclosure& d, std::vector<model::Claim>& out) {
  const model::PreviousYear& p = d.previous_year;
  if (p.functional_table != model::TableKindId(model::TableKind::kExpenditure)) return;
  const std::string table = TableName(d, model::TableKind::kExpenditure, p.functional_header);
  for (const auto& r : p.functional)
    if (r.level == 1 && r.total) out.push_back(TableClaim("class:" + r.code, *r.total, table));
}

}  // namespace

void ComputeYearFacts(model::Disclosure& d) {
  model::YearFacts facts;
  // A PDF is read from positions, so its figures count only where its sums confirm them, as
  // for an error finding; a text's figures are read from the text itself.
  const bool pdf = !d.source.page_starts.empty();
  const auto corroborated =
      pdf ? checks::CorroboratedFigures(d) : std::set<std::pair<int, int64_t>>();
  for (const auto& subject : HeadlineSubjects(d)) {
    model::MaybeFigure f = HeadlineFigure(d, subject);
    if (f && (!pdf || corroborated.count({f->line, f->amount.fen()})))
      facts.sure.push_back(subject);
    if (f) facts.headline.emplace_back(subject, *f);
  }
  for (size_t i = 0; i < d.claims.size(); ++i)
    if (model::IsPriorYearClaim(d.claims[i]) && !Doubtful(d, i)) {
      facts.prior.push_back(d.claims[i]);
      facts.prior_index.push_back(static_cast<int>(i));
    }
  // What the tables state for the previous year: claims of their own, with no index in claims.
  AddThreePublicClaims(d, facts.prior);
  AddFunctionalClaims(d, facts.prior);
  d.year_facts = std::move(facts);
}

}  // namespace gongkai::years

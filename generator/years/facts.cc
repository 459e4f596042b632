// Facts for the checks between years (see facts.h).
#include "years/facts.h"

#include "checks/corroboration.h"
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
  d.year_facts = std::move(facts);
}

}  // namespace gongkai::years

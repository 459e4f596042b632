// The “三公” table's own arithmetic (see three_public.h).
#include "checks/three_public.h"

namespace gongkai::checks {

std::vector<ThreePublicSum> ThreePublicSums(const model::ThreePublic& t) {
  std::vector<model::MaybeFigure> total_parts = {t.overseas};
  if (t.vehicle_total) {
    total_parts.push_back(t.vehicle_total);
  } else {
    total_parts.push_back(t.vehicle_purchase);
    total_parts.push_back(t.vehicle_operation);
  }
  total_parts.push_back(t.reception);
  return {{&model::ThreePublic::total, std::move(total_parts),
           "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和"},
          {&model::ThreePublic::vehicle_total,
           {t.vehicle_purchase, t.vehicle_operation},
           "公务用车购置及运行费应等于购置费加运行费"}};
}

std::vector<ThreePublicChange> ThreePublicChanges(const model::Disclosure& d) {
  std::vector<ThreePublicChange> out;
  for (const auto& [subject, member] : model::kThreePublicParts) {
    const model::MaybeFigure& now = d.three_public.*member;
    const model::MaybeFigure& before = d.previous_year.three_public.*member;
    const model::MaybeFigure& change = d.previous_year.three_public_change.*member;
    if (now && before && change) out.push_back({subject, *now, *before, *change});
  }
  return out;
}

}  // namespace gongkai::checks

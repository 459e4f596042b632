// The names of the kinds of model/kinds.h: one table each, read both ways.
#include "model/kinds.h"

#include <utility>

namespace gongkai::model {
namespace {

constexpr std::pair<TableKind, const char*> kTableKinds[] = {
    {TableKind::kSummary, "summary"},
    {TableKind::kIncome, "income"},
    {TableKind::kExpenditure, "expenditure"},
    {TableKind::kFiscalSummary, "fiscal_summary"},
    {TableKind::kFiscalExpenditure, "fiscal_expenditure"},
    {TableKind::kGeneralExpenditure, "general_expenditure"},
    {TableKind::kGeneralBasic, "general_basic"},
    {TableKind::kGeneralProject, "general_project"},
    {TableKind::kThreePublic, "three_public"},
    {TableKind::kGovFund, "gov_fund"},
    {TableKind::kGovFundThreePublic, "gov_fund_three_public"},
    {TableKind::kStateCapital, "state_capital"},
    {TableKind::kProjectPerformance, "project_performance"},
    {TableKind::kOverallPerformance, "overall_performance"},
    {TableKind::kProcurement, "procurement"},
};

constexpr std::pair<ClaimStatus, const char*> kClaimStatuses[] = {
    {ClaimStatus::kUnchecked, "unchecked"},
    {ClaimStatus::kConsistent, "consistent"},
    {ClaimStatus::kInconsistent, "inconsistent"},
};

template <typename Enum, size_t N>
const char* IdOf(const std::pair<Enum, const char*> (&table)[N], Enum value) {
  for (const auto& [v, id] : table)
    if (v == value) return id;
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> Parse(const std::pair<Enum, const char*> (&table)[N], std::string_view id) {
  for (const auto& [v, name] : table)
    if (id == name) return v;
  return std::nullopt;
}

}  // namespace

const char* TableKindId(TableKind kind) { return IdOf(kTableKinds, kind); }
std::optional<TableKind> ParseTableKind(std::string_view id) { return Parse(kTableKinds, id); }
const char* ClaimStatusId(ClaimStatus status) { return IdOf(kClaimStatuses, status); }
std::optional<ClaimStatus> ParseClaimStatus(std::string_view id) {
  return Parse(kClaimStatuses, id);
}

}  // namespace gongkai::model

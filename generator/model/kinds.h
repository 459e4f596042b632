// The kinds that pass between stages and appear in the JSON contract by name: the standard
// tables and the statuses of narrative claims, each an enum with one table of names.
#pragma once

#include <optional>
#include <string_view>

namespace gongkai::model {

/// A standard table of a department budget disclosure (parse::ClassifyTitle finds them).
enum class TableKind {
  kSummary,
  kIncome,
  kExpenditure,
  kFiscalSummary,
  kFiscalExpenditure,
  kGeneralExpenditure,
  kGeneralBasic,
  kGeneralProject,
  kThreePublic,
  kGovFund,
  kGovFundThreePublic,
  kStateCapital,
  kProjectPerformance,
  kOverallPerformance,
  kProcurement,
};

/// The kind's name in the contract and across stages: "summary", "fiscal_summary", ….
const char* TableKindId(TableKind kind);

/// The kind named `id`; nullopt for any other text ("other", "").
std::optional<TableKind> ParseTableKind(std::string_view id);

/// What checking a narrative claim found.
enum class ClaimStatus { kUnchecked, kConsistent, kInconsistent };

/// "unchecked", "consistent", "inconsistent".
const char* ClaimStatusId(ClaimStatus status);

/// The status named `id`; nullopt for any other text.
std::optional<ClaimStatus> ParseClaimStatus(std::string_view id);

}  // namespace gongkai::model

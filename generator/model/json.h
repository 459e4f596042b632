// The public data format (disclosure.schema.json): Disclosure -> JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "model/disclosure.h"

namespace gongkai::model {

/// The contract document `gongkai parse` prints and the site publishes as data/<id>.json.
/// Amounts are JSON numbers in 万元; each object that holds figures has a "lines" object (or
/// a "line" field) giving the source line of each figure.
nlohmann::json ToJson(const Disclosure& d);

/// An amount as a JSON number in 万元. The value is exact in fen; the conversion to the JSON
/// number happens only here, at the output boundary, and prints the shortest decimal that
/// round-trips, which for budget figures (at most 15 significant digits) is the exact figure.
nlohmann::json AmountJson(const MaybeFigure& f);

std::string SeverityName(Diagnostic::Severity s);

}  // namespace gongkai::model

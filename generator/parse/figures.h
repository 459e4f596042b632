// Turning number tokens into exact figures in the table's unit.
#pragma once

#include <optional>

#include "model/disclosure.h"
#include "parse/tokens.h"

namespace gongkai::parse {

/// The figure a number token states, converted from `unit` to fen exactly; nullopt if the
/// token is not a well-formed amount.
std::optional<model::Figure> ToFigure(const Token& token, model::Unit unit);

}  // namespace gongkai::parse

// Number token -> Figure.
#include "parse/figures.h"

namespace gongkai::parse {

std::optional<model::Figure> ToFigure(const Token& token, model::Unit unit) {
  if (!token.IsNumber()) return std::nullopt;
  auto money = model::Money::Parse(token.text, unit);
  if (!money) return std::nullopt;
  return model::Figure{*money, token.line};
}

}  // namespace gongkai::parse

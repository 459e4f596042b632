// Consistency checks: the rule catalogue and what a rule may do with a disclosure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/rounding.h"
#include "model/disclosure.h"

namespace gongkai::checks {

using Severity = model::Diagnostic::Severity;

/// A rule as users see it: a fixed kebab-case id, its severity, a title and an explanation a
/// citizen can read.
struct RuleInfo {
  std::string id;
  Severity severity = Severity::kError;
  std::string title;
  std::string explanation;
};

/// A comparison a rule makes: a printed figure `actual` against what it should equal,
/// `expected`, computed from the figures `inputs`, under the rounding policy (the tolerance of
/// all of them together, rounding.h).
struct Comparison {
  model::Figure actual;
  model::Money expected;
  std::vector<model::Figure> inputs;

  int64_t ToleranceFen() const;
  Agreement Agree() const;
};

class Context;
using RuleFn = void (*)(Context&);

struct Rule {
  RuleInfo info;
  RuleFn run = nullptr;
};

/// Every rule, in the order they run and are listed.
const std::vector<Rule>& AllRules();
const Rule* FindRule(const std::string& id);

/// What a running rule sees: the disclosure (claims may be marked) and a way to report.
class Context {
 public:
  Context(model::Disclosure& d, const RuleInfo& rule) : d_(d), rule_(rule) {}
  model::Disclosure& d() { return d_; }
  const RuleInfo& rule() const { return rule_; }

  /// Reports a finding of the rule's severity (or `severity`).
  void Report(std::string message, std::vector<int> lines);
  void Report(Severity severity, std::string message, std::vector<int> lines);

  /// Compares a printed figure with what it should equal (`expected`, computed from the figures
  /// `inputs`) under the rounding policy: silent when equal, a notice within rounding, the
  /// rule's severity beyond. `what` names the comparison in the message. Returns the agreement.
  Agreement CheckEqual(const std::string& what, const model::Figure& actual,
                       const model::Money& expected, const std::vector<model::Figure>& inputs,
                       std::vector<int> lines);
  Agreement CheckEqual(const std::string& what, const Comparison& c, std::vector<int> lines);

  /// Lowers the severity CheckEqual reports beyond rounding, for one scope.
  class Scoped {
   public:
    Scoped(Context& ctx, Severity s) : ctx_(ctx), saved_(ctx.beyond_) { ctx.beyond_ = s; }
    ~Scoped() { ctx_.beyond_ = saved_; }

   private:
    Context& ctx_;
    std::optional<Severity> saved_;
  };

 private:
  model::Disclosure& d_;
  const RuleInfo& rule_;
  std::optional<Severity> beyond_;
};

/// "460.74 万元".
std::string Wan(const model::Money& m);

/// A stated change as the narrative gives it: "增加 390.80 万元", "减少 0.03 万元", or
/// "与上年相同" for a change of 0 (direction 0).
std::string ChangeText(const model::Claim& c);

/// Runs every rule on `d`, filling d.findings and the status of d.claims.
void RunChecks(model::Disclosure& d);

}  // namespace gongkai::checks

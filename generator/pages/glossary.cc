// Records' 名词解释 -> glossary.md and glossary/<anchor>.md contexts.
#include "pages/glossary.h"

#include <cstdio>
#include <map>
#include <set>

#include "pages/page_key.h"
#include "render/context.h"
#include "render/markdown.h"
#include "render/search_index.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::SearchKeyHash;

std::string GlossaryAnchor(const std::string& term) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "g%08x", SearchKeyHash(term));
  return buf;
}

std::string GlossaryPath(const std::string& term) {
  return "glossary/" + GlossaryAnchor(term) + ".html";
}

GlossaryIndex::GlossaryIndex(const std::vector<const Record*>& all) {
  std::map<std::string, Term> terms;
  std::map<std::pair<std::string, std::string>, size_t> definition;  // (term, text) -> index
  for (const auto* r : all) {
    std::set<std::string> defined;
    for (const auto& g : r->glossary) {
      Term& t = terms[g.term];
      t.term = g.term;
      if (defined.insert(g.term).second) ++t.departments;
      auto [it, added] = definition.emplace(std::make_pair(g.term, g.definition), t.definitions.size());
      if (added) t.definitions.push_back({g.definition, {}});
      t.definitions[it->second].uses.push_back({r, g.line});
    }
  }
  for (auto& [term, t] : terms) terms_.push_back(std::move(t));
}

namespace {

// Calls fn(term, page, departments, definitions) for each term: all that glossary.md shows.
template <typename Fn>
void VisitTerms(const GlossaryIndex& index, Fn fn) {
  for (const auto& t : index.terms())
    fn(t.term, GlossaryPath(t.term), t.departments, t.definitions.size());
}

// Calls term(term, departments) for the term `t`, then definition(text, uses) for each of its
// definitions, each followed by use(department name, id, line) for each department that words
// it so: all that the term's page shows, for its context and its key.
template <typename Term, typename Definition, typename Use>
void VisitTerm(const GlossaryIndex::Term& t, Term term, Definition definition, Use use) {
  term(t.term, t.departments);
  for (const auto& def : t.definitions) {
    definition(def.text, def.uses.size());
    for (const auto& u : def.uses) use(u.record->Name(), u.record->id, u.line);
  }
}

}  // namespace

data GlossaryContext(const GlossaryIndex& index) {
  data ctx;
  list out;
  VisitTerms(index, [&](const std::string& term, const std::string& path, size_t departments,
                        size_t definitions) {
    data row;
    row.set("term", EscapeMarkdown(term));
    row.set("path", path);
    row.set("departments", std::to_string(departments));
    row.set("definitions", std::to_string(definitions));
    out.push_back(std::move(row));
  });
  ctx.set("terms", out);
  ctx.set("has_terms", Bool(!index.terms().empty()));
  return ctx;
}

std::string GlossaryPageKey(const GlossaryIndex& index) {
  KeyWriter key;
  VisitTerms(index, [&](const auto&... values) { key(values...); });
  return key.Take();
}

data GlossaryTermContext(const GlossaryIndex& index, size_t i) {
  data ctx;
  list definitions, uses;
  // A definition's uses are set on it when the next one starts, and after the last.
  auto end_definition = [&] {
    if (!definitions.empty()) render::Put(definitions.back(), "uses", uses);
    uses = list();
  };
  VisitTerm(
      index.terms()[i],
      [&](const std::string& term, size_t departments) {
        ctx.set("term", EscapeMarkdown(term));
        ctx.set("departments", std::to_string(departments));
      },
      [&](const std::string& text, size_t count) {
        end_definition();
        data row;
        row.set("definition", EscapeMarkdown(text));
        row.set("count", std::to_string(count));
        definitions.push_back(std::move(row));
      },
      [&](const std::string& name, const std::string& id, int line) {
        data use;
        use.set("sep", uses.empty() ? "" : "；");
        use.set("name", EscapeMarkdown(name));
        use.set("id", id);
        use.set("line", std::to_string(line));
        uses.push_back(std::move(use));
      });
  end_definition();
  render::Put(ctx, "definitions", definitions);
  return ctx;
}

std::string GlossaryTermPageKey(const GlossaryIndex& index, size_t i) {
  KeyWriter key;
  auto put = [&](const auto&... values) { key(values...); };
  VisitTerm(index.terms()[i], put, put, put);
  return key.Take();
}

}  // namespace gongkai::pages

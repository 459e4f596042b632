// Records' 名词解释 -> glossary.md and glossary/<anchor>.md contexts.
#include "pages/glossary.h"

#include <cstdio>
#include <map>
#include <set>

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

data GlossaryContext(const GlossaryIndex& index) {
  data ctx;
  list out;
  for (const auto& t : index.terms()) {
    data row;
    row.set("term", EscapeMarkdown(t.term));
    row.set("path", GlossaryPath(t.term));
    row.set("departments", std::to_string(t.departments));
    row.set("definitions", std::to_string(t.definitions.size()));
    out.push_back(std::move(row));
  }
  ctx.set("terms", out);
  ctx.set("has_terms", Bool(!index.terms().empty()));
  return ctx;
}

data GlossaryTermContext(const GlossaryIndex& index, size_t i) {
  const GlossaryIndex::Term& t = index.terms()[i];
  data ctx;
  ctx.set("term", EscapeMarkdown(t.term));
  ctx.set("departments", std::to_string(t.departments));
  list definitions;
  for (const auto& def : t.definitions) {
    data row;
    row.set("definition", EscapeMarkdown(def.text));
    list uses;
    for (const auto& u : def.uses) {
      data use;
      use.set("sep", uses.empty() ? "" : "；");
      use.set("name", EscapeMarkdown(u.record->Name()));
      use.set("id", u.record->id);
      use.set("line", std::to_string(u.line));
      uses.push_back(std::move(use));
    }
    row.set("count", std::to_string(def.uses.size()));
    render::Put(row, "uses", uses);
    definitions.push_back(std::move(row));
  }
  render::Put(ctx, "definitions", definitions);
  return ctx;
}

}  // namespace gongkai::pages

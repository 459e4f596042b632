// Records' 名词解释 -> glossary.md and glossary/<anchor>.md contexts.
#include "pages/glossary.h"

#include <algorithm>
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

GlossaryIndex::GlossaryIndex(const std::vector<const Record*>& all, const Paging& paging) {
  std::map<std::string, Term> terms;
  std::map<std::pair<std::string, std::string>, size_t> definition;  // (term, text) -> index
  for (const auto* r : all) {
    std::set<std::string> defined;
    for (uint32_t entry = 0; entry < r->glossary.size(); ++entry) {
      const auto& g = r->glossary[entry];
      Term& t = terms[g.term];
      t.term = g.term;
      if (defined.insert(g.term).second) {
        ++t.departments;
        t.records.push_back(r);
      }
      auto [it, added] = definition.emplace(std::make_pair(g.term, g.definition), t.definitions.size());
      if (added) t.definitions.push_back({g.definition, {}});
      t.definitions[it->second].uses.push_back(
          {r, g.line, static_cast<uint32_t>(t.records.size() - 1), entry});
    }
  }
  for (auto& [term, t] : terms) {
    t.parts = SplitList(t.records, GlossaryAnchor(term), paging);
    terms_.push_back(std::move(t));
  }
}

namespace {

// Calls fn(term, page, departments, definitions) for each term: all that glossary.md shows.
template <typename Fn>
void VisitTerms(const GlossaryIndex& index, Fn fn) {
  for (const auto& t : index.terms())
    fn(t.term, GlossaryPath(t.term), t.departments, t.definitions.size());
}

// Lists on `ctx` (pages/page_key.h) all that page `part` of the term `t` shows: the term, on
// the first page the number of departments that explain it, each definition worded by a
// department of the page with the page's uses of it (department name, id, line), and the
// page's links to the term's other pages (VisitListPages); for its context and its key.
template <typename Sink>
void VisitTerm(const GlossaryIndex::Term& t, size_t part, Sink& ctx) {
  using Use = GlossaryIndex::Use;
  const ListPart& p = t.parts[part];
  ctx.Set("term", EscapeMarkdown(t.term));
  ctx.Set("anchor", t.parts[0].stem);
  if (part == 0) ctx.Set("departments", std::to_string(t.departments));
  // Each definition's uses on the page: a range of its uses, which are in input order.
  struct Shown {
    const GlossaryIndex::Definition* definition;
    size_t from, to;
  };
  std::vector<Shown> shown;
  for (const auto& def : t.definitions) {
    auto by_department = [](const Use& u, uint32_t d) { return u.department < d; };
    const auto from = std::lower_bound(def.uses.begin(), def.uses.end(), p.begin, by_department);
    const auto to = std::lower_bound(from, def.uses.end(), p.end, by_department);
    if (from != to)
      shown.push_back({&def, size_t(from - def.uses.begin()), size_t(to - def.uses.begin())});
  }
  // In the order of their first use on the page (the whole term's order where it has one
  // page), not the term's: that may change with a department on another page, and a later page
  // is linked unchanged when none of its own departments was built (pages::PartMayHaveChanged).
  auto first_use = [](const Shown& s) {
    const Use& u = s.definition->uses[s.from];
    return std::make_pair(u.department, u.entry);
  };
  std::sort(shown.begin(), shown.end(),
            [&](const Shown& a, const Shown& b) { return first_use(a) < first_use(b); });
  ctx.List("definitions", shown.size(), [&](size_t i, auto& row) {
    const Shown& s = shown[i];
    row.Set("definition", EscapeMarkdown(s.definition->text));
    row.Set("count", std::to_string(s.to - s.from));
    row.List("uses", s.to - s.from, [&](size_t j, auto& use) {
      const Use& u = s.definition->uses[s.from + j];
      use.Set("sep", j == 0 ? "" : "；");
      use.Set("name", EscapeMarkdown(u.record->Name()));
      use.Set("id", u.record->id);
      use.Set("line", std::to_string(u.line));
    });
  });
  VisitListPages(t.records, t.parts, part, ctx);
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

data GlossaryTermContext(const GlossaryIndex& index, size_t i, size_t part) {
  data ctx;
  ContextSink sink(ctx);
  VisitTerm(index.terms()[i], part, sink);
  return ctx;
}

std::string GlossaryTermPageKey(const GlossaryIndex& index, size_t i, size_t part) {
  KeyWriter key;
  KeySink sink(key);
  VisitTerm(index.terms()[i], part, sink);
  return key.Take();
}

}  // namespace gongkai::pages

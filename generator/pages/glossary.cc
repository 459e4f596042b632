// Records' 名词解释 -> glossary.md context.
#include "pages/glossary.h"

#include <algorithm>
#include <cstdio>

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

data GlossaryContext(const std::vector<const Record*>& all) {
  // Terms in the order first seen; each with the definitions of every department.
  std::vector<std::string> terms;
  for (const auto* d : all)
    for (const auto& g : d->glossary)
      if (std::find(terms.begin(), terms.end(), g.term) == terms.end()) terms.push_back(g.term);
  std::sort(terms.begin(), terms.end());
  data ctx;
  list out;
  for (const auto& term : terms) {
    data t;
    t.set("term", EscapeMarkdown(term));
    t.set("anchor", GlossaryAnchor(term));
    list defs;
    for (const auto* d : all)
      for (const auto& g : d->glossary)
        if (g.term == term) {
          data row;
          row.set("definition", EscapeMarkdown(g.definition));
          row.set("name", EscapeMarkdown(d->Name()));
          row.set("id", d->id);
          row.set("line", std::to_string(g.line));
          defs.push_back(row);
        }
    t.set("definitions", defs);
    out.push_back(t);
  }
  ctx.set("terms", out);
  ctx.set("has_terms", Bool(!terms.empty()));
  return ctx;
}

}  // namespace gongkai::pages

// Disclosures -> their search entries (kept in their records); records -> the site's.
#include "pages/search.h"

#include <set>
#include <stdexcept>

#include "checks/check.h"
#include "pages/codes.h"
#include "pages/glossary.h"
#include "pages/plan.h"
#include "pages/record.h"
#include "pages/timeline.h"
#include "render/context.h"

namespace gongkai::pages {

using render::DepartmentName;
using render::SearchEntry;

std::vector<SearchEntry> DepartmentSearchEntries(const model::Disclosure& d) {
  std::vector<SearchEntry> out;
  std::string url = "departments/" + d.id + ".html";
  std::string name = DepartmentName(d);
  std::string head = d.department.region + " " + (d.year ? std::to_string(d.year) + "年" : "") +
                     "部门预算";
  std::string body = head;
  // What it spends on: the names of its classification rows.
  std::set<std::string> names;
  for (const auto& f : d.functional)
    if (names.insert(f.name).second) body += " " + f.name;
  for (const auto& e : d.economic)
    if (names.insert(e.name).second) body += " " + e.name;
  for (const auto& s : d.sections)
    for (const auto& [line, text] : s.paragraphs) body += " " + text;
  // Long texts in pieces, so a result loads a small entry file.
  const size_t kPiece = 1500;
  size_t first_cut = body.size() <= kPiece ? body.size() : body.rfind(' ', kPiece);
  if (first_cut == std::string::npos || first_cut == 0) first_cut = std::min(body.size(), kPiece);
  out.push_back({url, name, "department", name, body.substr(0, first_cut)});
  for (size_t at = first_cut; at < body.size();) {
    size_t cut = body.size() - at <= kPiece ? body.size() : body.rfind(' ', at + kPiece);
    if (cut == std::string::npos || cut <= at) cut = std::min(body.size(), at + kPiece);
    out.push_back({url, name + " 概况", "narrative", name, body.substr(at, cut - at)});
    at = cut;
  }
  // The narrative, in pieces: the sentences that state figures.
  std::string narrative;
  std::set<std::string> seen;
  for (const auto& c : d.claims) {
    if (!seen.insert(c.text).second) continue;
    if (narrative.size() + c.text.size() > 1500) {
      out.push_back({url, name + " 预算说明", "narrative", name, narrative});
      narrative.clear();
    }
    narrative += c.text;
  }
  if (!narrative.empty()) out.push_back({url, name + " 预算说明", "narrative", name, narrative});
  for (const auto& p : d.projects)
    out.push_back({url, p.name, "project", name,
                   p.category + " " + (p.function_code ? *p.function_code : "") + " " +
                       p.amount.amount.WanYuan(2) + " 万元"});
  // A finding opens its department's findings (each with its lines and its rule), not the
  // rule's page: a rule that fired on many departments has its page split, and its first page
  // lists the first of them only (pages/rules.h).
  for (const auto& f : d.findings) {
    const auto* rule = checks::FindRule(f.rule);
    out.push_back({url + "#findings", rule ? rule->info.title : f.rule, "finding", name,
                   f.message});
  }
  return out;
}

SearchGroups MakeSearchGroups(
    const Collection& c, const std::function<bool(const Record&)>& unchanged,
    const std::function<const std::vector<render::SearchEntry>&(const Record&)>& deferred) {
  const auto& all = c.built;
  SearchGroups out;
  static const std::vector<years::Series> kNone;
  const std::vector<SearchEntry>* own = nullptr;  // the record's entries
  // MergeYearsInSearch passes on a record's own entry, or a new one made for a department's
  // years (kept in `owned`).
  const auto department = MergeYearsInSearch(c.series ? *c.series : kNone, [&](const SearchEntry& e) {
    const bool in_record = &e >= own->data() && &e < own->data() + own->size();
    out.groups.back().entries.push_back(in_record ? &e : &out.owned.emplace_back(e));
  });
  for (const auto* r : all) {
    own = &r->search;
    out.groups.push_back({"department " + r->id, {}, unchanged && unchanged(*r)});
    if (r->search_deferred) {  // the last build's: kept unread (render/search_update.h)
      if (!out.groups.back().unchanged)
        throw std::logic_error("record " + r->id + ": search entries deferred, but it changed");
      if (deferred) own = &deferred(*r);
      else out.groups.back().deferred = true;
    }
    for (const auto& e : *own) department(e);
  }
  auto add = [&](SearchEntry e) {
    out.groups.push_back({e.url, {&out.owned.emplace_back(std::move(e))}});
  };
  const CodeIndex& codes = *c.codes;
  for (const auto& code : codes.codes()) {
    // The departments with the code in their functional or economic rows on its first page
    // (a paged code's later pages are reached from it, and a department added to one of
    // them changes no entry), in input order (a record's rows are together in Rows), once
    // each: not every row of every record looked at again for each code.
    std::string depts;
    const Record* last = nullptr;
    const auto& rows = codes.Rows(code);
    const auto& first = codes.Parts(code)[0];
    for (auto row = rows.begin() + first.begin; row != rows.begin() + first.end; ++row) {
      if (row->table == CodeIndex::Row::Table::kClasses || row->record == last) continue;
      last = row->record;
      depts += row->record->Name() + " ";
    }
    add({"codes/" + code + ".html", code + " " + codes.Name(code), "code", "", depts});
  }
  std::set<std::string> terms;
  for (const auto* r : all)
    for (const auto& g : r->glossary)
      if (terms.insert(g.term).second)
        add({GlossaryPath(g.term), g.term, "glossary", "", g.definition});
  return out;
}

}  // namespace gongkai::pages

// The classification code pages: codes/index.md (every code used) and codes/<code>.md (each
// department's amounts under one code, its parent and children; a code that many departments
// use is split into pages, codes/<code>-<id>.md after the first).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::pages {

/// Every classification code the records use (functional 类/款/项 and economic), each with its
/// name and the records that use it, made in one pass over the records so that a page per code
/// does not read them all again.
class CodeIndex {
 public:
  explicit CodeIndex(const std::vector<const Record*>& all, const Paging& paging = {});

  /// Every code, sorted.
  const std::vector<std::string>& codes() const { return codes_; }
  /// The name of a code as the documents give it: the first record whose rows have it, else
  /// the first whose summary's 类 has it.
  const std::string& Name(const std::string& code) const { return at(code).name; }
  /// The record whose name for `code` Name gives.
  const Record* NamedBy(const std::string& code) const { return at(code).named_by; }
  /// The records that use `code` in their rows or their summary's 类, in input order.
  const std::vector<const Record*>& Records(const std::string& code) const {
    return at(code).records;
  }
  /// A row of the page of a code: a department's row of one of its tables, by its place there.
  struct Row {
    enum class Table : uint8_t { kFunctional, kEconomic, kClasses };
    const Record* record;
    Table table;  ///< record->functional, record->economic, or (where neither has the code)
                  ///< record->classes, the summary's 类
    uint32_t at;
  };
  /// The rows of the page of `code`, in input order, a record's functional before its economic.
  const std::vector<Row>& Rows(const std::string& code) const { return at(code).rows; }
  /// One page of a code's: the rows [begin, end) of Rows(code), whole departments, and the
  /// page's name: the code for the first page, `<code>-<id of its first department>` after.
  struct Part {
    std::string stem;  ///< codes/<stem>.md
    uint32_t begin, end;
    uint32_t departments;
  };
  /// The pages of `code`: one holding every row, unless it is paged (pages::Paging).
  const std::vector<Part>& Parts(const std::string& code) const { return at(code).parts; }
  /// Whether a record uses `code`.
  bool Has(const std::string& code) const { return by_code_.count(code) > 0; }
  /// The longest other code that prefixes `code`; "" if none.
  std::string Parent(const std::string& code) const;
  /// The codes one level below `code`: prefixed by it, with no code between.
  std::vector<std::string> Children(const std::string& code) const;

 private:
  struct Code {
    std::string name;
    const Record* named_by = nullptr;
    std::vector<const Record*> records;
    std::vector<Row> rows;
    std::vector<Part> parts;
  };
  void Paginate(const std::string& code, Code& c, const Paging& paging,
                const std::unordered_set<const Record*>& begins);
  const Code& at(const std::string& code) const { return by_code_.at(code); }

  std::map<std::string, Code> by_code_;
  std::vector<std::string> codes_;
};

/// What changed among the codes since the last build (an incremental build's): the codes of
/// the records built this time, of the last build's records of those inputs and of the inputs
/// gone (`rows`), and of them those used now and not by the last build or the other way
/// (`used`); and the codes whose records (by their rows, or by their summary's 类) gained or
/// lost one (`listed`: a record built, added or gone has a row, or a 类, of the code now and
/// had not, or the other way).
struct CodeChanges {
  std::set<std::string> rows;
  std::set<std::string> used;
  std::set<std::string> listed;
};
/// Whether the pages of `code` may differ from the last build's (`changes` null: they may).
/// A code's page shows its records' rows and its pages (none changed unless `code` is in
/// changes->rows), its parent's and children's codes (changed only where a code it prefixes or
/// that prefixes it is in changes->used) and their names (taken from their records: unchanged
/// unless the parent or a child is in changes->rows).
bool CodeMayHaveChanged(const std::string& code, const CodeIndex& index,
                        const CodeChanges* changes);
/// Whether page `part` of `code` may differ from the last build's page of its path: where
/// CodeMayHaveChanged says the code's pages may, the first page may (its parent, children and
/// count of departments), and every page where the code's records gained or lost one
/// (changes->listed: its pages may begin elsewhere) or where the record that names the code
/// was built (`lists->built`; null: any page may); else a later page shows only its own
/// departments' rows and its neighbours' stems, which change only where one of them was built.
bool CodePartMayHaveChanged(const std::string& code, size_t part, const CodeIndex& index,
                            const CodeChanges* changes, const ListChanges* lists);

kainjow::mustache::data CodesContext(const CodeIndex& index);
/// One page of a code (`part` of CodeIndex::Parts): the first gives its name, parent and
/// children (as links) and, where it is paged, how many departments and a link to each page;
/// a later one its neighbours. Each gives its departments' amounts.
kainjow::mustache::data CodeContext(const std::string& code, size_t part, const CodeIndex& index);
/// What the page `part` of `code` is made from (pages::Page::key): all that CodeContext reads
/// for it (the code's name, parent and children, the pages' names and first departments, each
/// row's department, figures and table); the same key, the same context.
std::string CodePageKey(const std::string& code, size_t part, const CodeIndex& index);

}  // namespace gongkai::pages

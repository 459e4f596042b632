// The classification code pages: codes/index.md (every code used) and codes/<code>.md (each
// department's amounts under one code, its parent and children).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

/// Every classification code the records use (functional 类/款/项 and economic), each with its
/// name and the records that use it, made in one pass over the records so that a page per code
/// does not read them all again.
class CodeIndex {
 public:
  explicit CodeIndex(const std::vector<const Record*>& all);

  /// Every code, sorted.
  const std::vector<std::string>& codes() const { return codes_; }
  /// The name of a code as the documents give it: the first record whose rows have it, else
  /// the first whose summary's 类 has it.
  const std::string& Name(const std::string& code) const { return at(code).name; }
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
  /// The longest other code that prefixes `code`; "" if none.
  std::string Parent(const std::string& code) const;
  /// The codes one level below `code`: prefixed by it, with no code between.
  std::vector<std::string> Children(const std::string& code) const;

 private:
  struct Code {
    std::string name;
    std::vector<const Record*> records;
    std::vector<Row> rows;
  };
  const Code& at(const std::string& code) const { return by_code_.at(code); }
  bool Has(const std::string& code) const { return by_code_.count(code) > 0; }

  std::map<std::string, Code> by_code_;
  std::vector<std::string> codes_;
};

kainjow::mustache::data CodesContext(const CodeIndex& index);
/// One code: its name, parent and children (as links), and each department's amounts.
kainjow::mustache::data CodeContext(const std::string& code, const CodeIndex& index);
/// What the page of `code` is made from (pages::Page::key): the code's name, parent and
/// children, and each row's department (id, name, year), figures and table, all that
/// CodeContext reads; the same key, the same context.
std::string CodePageKey(const std::string& code, const CodeIndex& index);

}  // namespace gongkai::pages

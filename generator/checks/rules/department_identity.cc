// department-identity: every table heading and name field names the same department.
#include "checks/rules/rules.h"

#include <set>

namespace gongkai::checks {
namespace {

bool EndsWith(const std::string& s, const std::string& x) {
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

// Whether a mention with its own place names another department: "天津市蓟江区医疗保障事务中心"
// in a disclosure of 重庆市綦江区医疗保障事务中心. Short forms (医保中心) and the department's
// name without or with its city (曾都区… / 随州市曾都区…) are the same department.
bool Other(const std::string& mention, const std::string& dept) {
  if (mention == dept || EndsWith(dept, mention) || EndsWith(mention, dept)) return false;
  // A unit of the department ("承德市医疗保障局本级") starts with its name.
  if (mention.compare(0, dept.size(), dept) == 0) return false;
  return true;
}

void Run(Context& ctx) {
  const auto& d = ctx.d();
  const std::string& dept = d.department.name;
  if (dept.empty() || d.department.region.empty()) return;
  std::set<std::string> reported;
  for (const auto& [line, name] : d.title_names) {
    // Only names that carry a place can be told apart from short forms.
    bool has_place = false;
    for (const char* p : {"省", "市", "县", "区", "州", "旗", "盟"})
      has_place |= name.find(p) != std::string::npos;
    if (!has_place || !Other(name, dept) || reported.count(name)) continue;
    // A name shared by the department's own units (其下属单位) mentioned once: only when it
    // differs in place, or in the same place names a different kind of body.
    reported.insert(name);
    ctx.Report("第 " + std::to_string(line) + " 行的标题或单位名称写的是“" + name +
                   "”，而本文件是“" + dept + "”的预算",
               {line});
  }
}
}  // namespace

Rule DepartmentIdentityRule() {
  return {{"department-identity", Severity::kError, "各表标明的部门一致",
           "一份部门预算里的每张表都应标明同一个部门。表头写成了另一个部门（常见于套用其他单位的"
           "模板），读者就无法确定这张表属于谁。"},
          &Run};
}

}  // namespace gongkai::checks

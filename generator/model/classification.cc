// Functional classes of the national budget classification (支出功能分类科目, 类 level).
#include "model/classification.h"

#include <utility>

namespace gongkai::model {
namespace {

// Standard names first; variant names after (same code).
const std::pair<const char*, const char*> kClasses[] = {
    {"201", "一般公共服务支出"},
    {"202", "外交支出"},
    {"203", "国防支出"},
    {"204", "公共安全支出"},
    {"205", "教育支出"},
    {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"},
    {"208", "社会保障和就业支出"},
    {"209", "社会保险基金支出"},
    {"210", "卫生健康支出"},
    {"211", "节能环保支出"},
    {"212", "城乡社区支出"},
    {"213", "农林水支出"},
    {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"},
    {"216", "商业服务业等支出"},
    {"217", "金融支出"},
    {"219", "援助其他地区支出"},
    {"220", "自然资源海洋气象等支出"},
    {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"},
    {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"},
    {"227", "预备费"},
    {"229", "其他支出"},
    {"230", "转移性支出"},
    {"231", "债务还本支出"},
    {"232", "债务付息支出"},
    {"233", "债务发行费用支出"},
    {"234", "抗疫特别国债安排的支出"},
    // Variants seen in published tables.
    {"207", "文化体育与传媒支出"},
    {"210", "医疗卫生与计划生育支出"},
    {"210", "医疗卫生支出"},
    {"215", "资源勘探信息等支出"},
    {"220", "国土海洋气象等支出"},
    {"232", "债务利息支出"},
    {"234", "抗疫特别国债支出"},
};

}  // namespace

std::string FunctionalClassCode(const std::string& name) {
  for (const auto& [code, n] : kClasses) {
    std::string standard(n);
    if (name == standard) return code;
    // "社会保障和就业" without the 支出 suffix.
    const std::string suffix = "支出";
    if (standard.size() > suffix.size() &&
        standard.compare(standard.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        name == standard.substr(0, standard.size() - suffix.size()))
      return code;
  }
  return "";
}

std::string FunctionalClassName(const std::string& code) {
  for (const auto& [c, n] : kClasses)
    if (code == c) return n;
  return "";
}

}  // namespace gongkai::model

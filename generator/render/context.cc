// Template context helpers shared by every page family (generator/pages/).
#include "render/context.h"

#include "render/originals.h"

namespace gongkai::render {

using kainjow::mustache::data;

bool Template::Render(const data& context, std::string& out, std::string& error) const {
  out.clear();
  if (!compiled_.is_valid()) {
    error = compiled_.error_message();
    return false;
  }
  const size_t last = last_size_.load(std::memory_order_relaxed);
  out.reserve(last + last / 4);
  compiled_.render(context, [&out](const std::string& piece) { out += piece; });
  if (!compiled_.is_valid()) {
    error = compiled_.error_message();
    return false;
  }
  last_size_.store(out.size(), std::memory_order_relaxed);
  return true;
}

bool RenderTemplate(const std::string& tmpl, const data& context, std::string& out,
                    std::string& error) {
  return Template(tmpl).Render(context, out, error);
}

std::string FigureLink(const model::MaybeFigure& f, const std::string& source_href) {
  if (!f) return "—";
  std::string line = std::to_string(f->line);
  return "[" + f->amount.WanYuan(2) + "](" + source_href + "#L" + line + " \"第 " + line +
         " 行\")";
}

std::string FigureLink(const model::MaybeFigure& f, const model::Disclosure& d) {
  if (!f) return FigureLink(f, std::string());
  return FigureLink(f, "../source/" + d.id + ".html") +
         OriginalPageMarkdown(OriginalPageOf(d, f->line, "../"));
}

data Bool(bool b) { return b ? data(data::type::bool_true) : data(data::type::bool_false); }

void Put(data& ctx, const std::string& key, data value) { ctx[key] = std::move(value); }

// kainjow's data has no constructor that takes a string or a list by move. The string or list
// a data of that type holds is its own, allocated by it and not const (string_value() and
// list_value() only hand it out as const), so it is filled in place.
void PutText(data& ctx, const std::string& key, std::string text) {
  data value(data::type::string);
  const_cast<std::string&>(value.string_value()).swap(text);
  Put(ctx, key, std::move(value));
}

void PutList(data& ctx, const std::string& key, kainjow::mustache::list rows) {
  data value(data::type::list);
  const_cast<kainjow::mustache::list&>(value.list_value()).swap(rows);
  Put(ctx, key, std::move(value));
}

std::string DepartmentName(const model::Disclosure& d) {
  return d.department.name.empty() ? d.id : d.department.name;
}

std::string LineLink(int line, const std::string& source_href) {
  if (line <= 0) return "—";
  std::string l = std::to_string(line);
  return "[" + l + "](" + source_href + "#L" + l + ")";
}

std::string LineLinks(const std::vector<int>& lines, const std::string& source_href) {
  std::string out;
  for (int l : lines) out += (out.empty() ? "" : " ") + LineLink(l, source_href);
  return out;
}

std::string SeverityLabel(model::Diagnostic::Severity s) {
  switch (s) {
    case model::Diagnostic::Severity::kError: return "错误";
    case model::Diagnostic::Severity::kWarning: return "警告";
    default: return "提示";
  }
}

}  // namespace gongkai::render

// The originals: each file of a disclosure as its department published it, kept in the site
// under originals/<id>/<file name>, and the links to it (a PDF's lines and figures to its page).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"

namespace gongkai::render {

/// One file of a disclosure, copied into the site byte for byte.
struct OriginalFile {
  std::string path;    ///< in the site, as on disk: originals/<id>/<file name as published>
  std::string format;  ///< "pdf" or "text"
  uint64_t size = 0;   ///< bytes
  std::string sha256;  ///< of those bytes, lower-case hex
};

/// The site path of an input file's original: originals/<id>/ and the file's own name (the
/// last component of `input_path`) as published — Chinese, spaces and brackets included — where
/// it is UTF-8 on one line, else as ingest::PrintableName shows it (南充.txt in GBK:
/// `\xc4\xcf\xb3\xe4.txt`), so the site's paths are text. The same for a name already shown.
std::string OriginalPath(const std::string& id, const std::string& input_path);

/// `path` as a relative URL: every byte but ASCII letters, digits, `-._~` and `/`
/// percent-encoded (UTF-8 as its bytes), so a published name with spaces, brackets, `#`, `%`
/// or `\` works from file:// and over HTTP.
std::string UrlPath(std::string_view path);

/// A file size as a reader reads it: "830 字节", "165.3 KB", "1.2 MB" (1 KB = 1,000 bytes,
/// rounded half up to one decimal).
std::string FileSizeLabel(uint64_t bytes);

/// The page of the original that source line `line` of a PDF disclosure stands on.
struct OriginalPage {
  std::string href;  ///< "<root>originals/<id>/<file>#page=N"; "" where the line is on no page
  int page = 0;      ///< N: the page within that file, from 1
  std::string name;  ///< the file's name in the site (OriginalPath)
};

/// The page of the original that `line` stands on, linked from a page `root` below the site's
/// root (`root` is "../" or ""); none (empty href) for a text disclosure, a line of a text file
/// in a folder, or no line.
OriginalPage OriginalPageOf(const model::Disclosure& d, int line, const std::string& root);

/// The link to `page` on a line of the source view:
/// `<a class="pdf-page" href="…#page=N" title="原件第 N 页">↗</a>`; "" when there is none.
std::string OriginalPageHtml(const OriginalPage& page);

/// The link to `page` after a figure in Markdown, with its leading space and the file named in
/// its title (a folder may hold several PDFs): ` [第N页](…#page=N "附件2 ….pdf 第 N 页")`; ""
/// when there is none.
std::string OriginalPageMarkdown(const OriginalPage& page);

/// The originals for a template, linked from a page `root` below the site's root: a list of
/// {name (as in the site; Mustache escapes it), name_md (escaped for Markdown), href, format
/// ("PDF" / "文本"), size (FileSizeLabel), sha256}.
kainjow::mustache::list OriginalsList(const std::vector<OriginalFile>& files,
                                      const std::string& root);

}  // namespace gongkai::render

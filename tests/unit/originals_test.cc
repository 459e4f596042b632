// Unit tests for the originals in the site: read again and checked, their paths and links (a
// PDF line to its page), sizes as shown, and SHA256SUMS (its escaping, and the reuse of a
// linked file's checksum).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "model/money.h"
#include "render/context.h"
#include "render/originals.h"
#include "site/checksums.h"
#include "site/files.h"
#include "site/originals.h"
#include "site/output.h"

namespace fs = boost::filesystem;
using gongkai::model::Disclosure;
using gongkai::render::OriginalPageOf;
using gongkai::site::ChecksumLine;

namespace {

// A folder disclosure: a.txt (lines 1–10), then b.pdf of two pages (lines 11–14, 15–20), then
// c.txt (lines 21–30).
Disclosure TextPdfText() {
  Disclosure d;
  d.id = "2026-x";
  d.source.lines = 30;
  d.source.files = {{"content/2026-x/a.txt", "", "text", 1, 0},
                    {"content/2026-x/b.pdf", "", "pdf", 11, 2},
                    {"content/2026-x/c.txt", "", "text", 21, 0}};
  d.source.page_starts = {11, 15};
  d.source.page_numbers = {1, 2};
  d.source.page_files = {1, 1};
  return d;
}

void WriteText(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p.string(), std::ios::binary) << text;
}

std::string ReadText(const fs::path& p) {
  std::string text;
  gongkai::site::ReadWholeFile(p.string(), text);
  return text;
}

const char* const kShaX = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
const char* const kShaYy = "ef90d9c1ec76b1edc9edfaf2c0c05359c10ccc49ae8ecf7b7fd25ce9c02e86a4";
const char* const kShaMarker = "5ba5cf7d4632083fc5fe77b8809f70db063575b0dacf72c242f2cde46e1a5ef9";  // "the marker"

// The inode of the file at `p` (the same for two hard links to one file).
ino_t InodeOf(const fs::path& p) {
  struct stat st;
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_ino;
}

// A folder of the temporary directory (`root`, named after `name` and the process), empty at
// first and removed at the end, and in it the paths of a site and its staging folder.
struct Folders {
  explicit Folders(const std::string& name)
      : root(fs::temp_directory_path() / ("gongkai-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
  }
  ~Folders() { fs::remove_all(root); }
  Folders(const Folders&) = delete;
  Folders& operator=(const Folders&) = delete;

  /// Writes each file (its path and text) into the site and links it into the staging folder:
  /// files of the spare that are the site's own (as an unchanged page is).
  void Shared(std::initializer_list<std::pair<const char*, const char*>> files) const {
    for (const auto& [file, text] : files) {
      WriteText(site / file, text);
      fs::create_directories((staging / file).parent_path());
      fs::create_hard_link(site / file, staging / file);
    }
  }

  const fs::path root, site = root / "site", staging = root / "site.building";
};

}  // namespace

TEST_SUITE("originals") {

TEST_CASE("an original keeps its published name under originals/<id>/") {
  CHECK(gongkai::render::OriginalPath("2026-beijing-audit-bureau",
                                      "content/2026-beijing-audit-bureau/附件1 北京市审计局.pdf") ==
        "originals/2026-beijing-audit-bureau/附件1 北京市审计局.pdf");
  CHECK(gongkai::render::OriginalPath("a", "a.txt") == "originals/a/a.txt");
  // 南充 in GBK is no UTF-8: its bytes are shown, as in diagnostics; a name already shown stays.
  CHECK(gongkai::render::OriginalPath("d", "content/\xc4\xcf\xb3\xe4.txt") ==
        "originals/d/\\xc4\\xcf\\xb3\\xe4.txt");
  CHECK(gongkai::render::OriginalPath("d", "content/\\xc4\\xcf\\xb3\\xe4.txt") ==
        "originals/d/\\xc4\\xcf\\xb3\\xe4.txt");
  CHECK(gongkai::render::OriginalPath("d", "content/two\nlines.txt") == "originals/d/two\\nlines.txt");
}

TEST_CASE("a link percent-encodes Chinese, spaces, brackets, # and % and backslashes") {
  // 附 = E9 99 84, 件 = E4 BB B6 in UTF-8; ( ) [ ] # % \ space = 28 29 5B 5D 23 25 5C 20.
  CHECK(gongkai::render::UrlPath("originals/d/附件1 (2026)[#1] 100%\\x.pdf") ==
        "originals/d/%E9%99%84%E4%BB%B61%20%282026%29%5B%231%5D%20100%25%5Cx.pdf");
  CHECK(gongkai::render::UrlPath("a-b_c.d~e/F9") == "a-b_c.d~e/F9");
}

TEST_CASE("a file size reads in bytes, KB or MB with one decimal") {
  using gongkai::render::FileSizeLabel;
  CHECK(FileSizeLabel(999) == "999 字节");
  CHECK(FileSizeLabel(1000) == "1.0 KB");
  CHECK(FileSizeLabel(167376) == "167.4 KB");  // 附件2 of the 北京 disclosure
  CHECK(FileSizeLabel(829541) == "829.5 KB");
  CHECK(FileSizeLabel(999949) == "999.9 KB");
  CHECK(FileSizeLabel(999950) == "1.0 MB");  // not "1000.0 KB"
  CHECK(FileSizeLabel(1250000) == "1.3 MB");  // half up
}

TEST_CASE("a line of a PDF links to its page of its own file, a text line to none") {
  Disclosure d = TextPdfText();
  CHECK(OriginalPageOf(d, 5, "../").href == "");
  CHECK(OriginalPageOf(d, 11, "../").href == "../originals/2026-x/b.pdf#page=1");
  CHECK(OriginalPageOf(d, 14, "../").page == 1);
  CHECK(OriginalPageOf(d, 15, "").href == "originals/2026-x/b.pdf#page=2");
  CHECK(OriginalPageOf(d, 20, "").page == 2);
  CHECK(OriginalPageOf(d, 21, "").href == "");  // c.txt, after the PDF's last page
  CHECK(OriginalPageOf(d, 0, "").href == "");
}

TEST_CASE("a figure of a PDF links to its line and to its page, the file named in the title") {
  Disclosure d = TextPdfText();
  d.source.files[1].path = "content/2026-x/附件2 \"表\".pdf";
  gongkai::model::Figure f{gongkai::model::Money::Parse("10,692.90").value(), 15};
  CHECK(gongkai::render::FigureLink(f, d) ==
        "[10692.90](../source/2026-x.html#L15 \"第 15 行\") "
        "[第2页](../originals/2026-x/%E9%99%84%E4%BB%B62%20%22%E8%A1%A8%22.pdf#page=2 "
        "\"附件2 \\\"表\\\".pdf 第 2 页\")");
  f.line = 5;  // a line of a.txt
  CHECK(gongkai::render::FigureLink(f, d) == "[10692.90](../source/2026-x.html#L5 \"第 5 行\")");
}

TEST_CASE("the originals are listed with their names, links, sizes and hashes") {
  std::vector<gongkai::render::OriginalFile> files = {
      {"originals/x/附件1 [表].pdf", "pdf", 168844, kShaX},
      {"originals/x/a.txt", "text", 999, kShaYy}};
  auto list = gongkai::render::OriginalsList(files, "../");
  REQUIRE(list.size() == 2);
  CHECK(list[0].get("name")->string_value() == "附件1 [表].pdf");
  CHECK(list[0].get("name_md")->string_value() == "附件1 \\[表\\].pdf");
  CHECK(list[0].get("href")->string_value() ==
        "../originals/x/%E9%99%84%E4%BB%B61%20%5B%E8%A1%A8%5D.pdf");
  CHECK(list[0].get("format")->string_value() == "PDF");
  CHECK(list[0].get("size")->string_value() == "168.8 KB");
  CHECK(list[0].get("sha256")->string_value() == kShaX);
  CHECK(list[1].get("href")->string_value() == "../originals/x/a.txt");
  CHECK(list[1].get("format")->string_value() == "文本");
  CHECK(list[1].get("size")->string_value() == "999 字节");
}

TEST_CASE("an empty page gives its first line to the page after it") {
  Disclosure d = TextPdfText();
  d.source.page_starts = {11, 15, 15};
  d.source.page_numbers = {1, 2, 3};
  d.source.page_files = {1, 1, 1};
  CHECK(OriginalPageOf(d, 15, "").page == 3);
  CHECK(OriginalPageOf(d, 14, "").page == 1);
}

TEST_CASE("a checksum line escapes a name as sha256sum does, and reads back") {
  CHECK(ChecksumLine(kShaX, "a b/附件.pdf") == std::string(kShaX) + "  a b/附件.pdf\n");
  // sha256sum prints "\<hash>  a\\b" for a file named a\b, and "\n" for a line feed.
  CHECK(ChecksumLine(kShaX, "a\\b") == "\\" + std::string(kShaX) + "  a\\\\b\n");
  CHECK(ChecksumLine(kShaX, "c\nd\re") == "\\" + std::string(kShaX) + "  c\\nd\\re\n");
  auto parsed = gongkai::site::ParseChecksums(ChecksumLine(kShaX, "a\\b") +
                                              ChecksumLine(kShaYy, "c\nd") + "not a line\n");
  CHECK(parsed.size() == 2);
  CHECK(parsed["a\\b"] == kShaX);
  CHECK(parsed["c\nd"] == kShaYy);
}

TEST_CASE("SHA256SUMS lists the files the build placed but itself: each hash as written, else as kept, else read") {
  const Folders folders("sums");
  const fs::path& staging = folders.staging;
  const fs::path kept = folders.root / "site.cache" / "SHA256SUMS";
  folders.Shared({{"linked.html", "x"}});
  // The previous checksums as the cache kept them, deliberately not the file's: linked.html is
  // linked into the new site, so its line is taken over without reading the file.
  WriteText(kept, ChecksumLine(std::string(64, 'a'), "linked.html"));
  WriteText(staging / "written.html", "yy");
  WriteText(staging / "sub dir/a\\b", "x");
  WriteText(staging / "SHA256SUMS", "stale");
  WriteText(staging / ".gongkai-site", "the marker");
  WriteText(staging / "stray.html", "x");  // in the folder, but the build did not place it
  // written.html's hash is not its file's: it is taken as the build made it, not read back.
  // The marker and a\b are placed as linked but the kept checksums lack them: they are read.
  const std::string written_sha256(64, 'b');  // (a PlacedFile holds views)
  const std::vector<gongkai::site::PlacedFile> files = {
      {".gongkai-site", ""}, {"SHA256SUMS", ""}, {"linked.html", ""},
      {"sub dir/a\\b", ""}, {"written.html", written_sha256}};

  gongkai::site::ChecksumCount count;
  std::string error;
  REQUIRE(gongkai::site::WriteChecksums(staging, kept, files, 2, count, error));
  CHECK(error == "");
  CHECK(count.files == 4);
  CHECK(count.hashed == 3);
  const std::string sums = std::string(kShaMarker) + "  .gongkai-site\n" +
                           std::string(64, 'a') + "  linked.html\n" + "\\" + kShaX +
                           "  sub dir/a\\\\b\n" + std::string(64, 'b') + "  written.html\n";
  CHECK(ReadText(staging / "SHA256SUMS") == sums);
  // The kept checksums are used once: the site is about to change.
  CHECK_FALSE(fs::exists(kept));
  REQUIRE(gongkai::site::WriteChecksums(staging, kept, files, 1, count, error));
  CHECK(count.hashed == 4);
  CHECK(ReadText(staging / "SHA256SUMS").find("\n" + std::string(kShaX) + "  linked.html\n") !=
        std::string::npos);
  // Kept again once published.
  REQUIRE(gongkai::site::KeepChecksums(staging, kept));
  CHECK(ReadText(kept) == ReadText(staging / "SHA256SUMS"));
}

TEST_CASE("the kept checksums are found for linked files whatever their order, escaped names too") {
  const Folders folders("kept");
  const fs::path& staging = folders.staging;
  const fs::path kept = folders.root / "site.cache" / "SHA256SUMS";
  // Not in path order (not as gongkai writes it), a name escaped, a file the site no longer has.
  WriteText(kept, ChecksumLine(std::string(64, 'c'), "z.html") +
                      ChecksumLine(std::string(64, 'd'), "sub dir/a\\b") +
                      ChecksumLine(std::string(64, 'e'), "gone.html") +
                      ChecksumLine(std::string(64, 'a'), "linked.html"));
  WriteText(staging / "sub dir/a\\b", "x");
  WriteText(staging / "linked.html", "x");
  WriteText(staging / "new.html", "x");
  const std::vector<gongkai::site::PlacedFile> files = {
      {"linked.html", ""}, {"new.html", ""}, {"sub dir/a\\b", ""}, {"z.html", ""}};
  WriteText(staging / "z.html", "x");
  gongkai::site::ChecksumCount count;
  std::string error;
  REQUIRE(gongkai::site::WriteChecksums(staging, kept, files, 1, count, error));
  CHECK(count.hashed == 1);  // new.html only
  CHECK(ReadText(staging / "SHA256SUMS") ==
        std::string(64, 'a') + "  linked.html\n" + kShaX + "  new.html\n" + "\\" +
            std::string(64, 'd') + "  sub dir/a\\\\b\n" + std::string(64, 'c') + "  z.html\n");
}

TEST_CASE("SHA256SUMS takes a linked file's kept line as it is there, and makes the others") {
  const Folders folders("sums-runs");
  const fs::path& staging = folders.staging;
  const fs::path kept = folders.root / "site.cache" / "SHA256SUMS";
  // As gongkai writes them, but for d\e.html (a name sha256sum escapes, here not escaped) and
  // the last line, which lacks its line feed: those two are made again, as sha256sum writes them.
  const std::string a(64, 'a'), b(64, 'b'), c(64, 'c'), d(64, 'd'), f(64, 'f');
  WriteText(kept, ChecksumLine(a, "a.html") + ChecksumLine(b, "b.html") +
                      ChecksumLine(c, "c.html") + d + "  d\\e.html\n" + f + "  f.html");
  WriteText(staging / "e.html", "x");  // new: read and hashed
  const std::string written_sha256 = kShaYy;  // b.html written anew (a PlacedFile holds views)
  const std::vector<gongkai::site::PlacedFile> files = {
      {"a.html", ""}, {"b.html", written_sha256}, {"c.html", ""},
      {"d\\e.html", ""}, {"e.html", ""}, {"f.html", ""}};
  gongkai::site::ChecksumCount count;
  std::string error;
  REQUIRE(gongkai::site::WriteChecksums(staging, kept, files, 1, count, error));
  CHECK(error == "");
  CHECK(count.files == 6);
  CHECK(count.hashed == 2);  // b.html as written, e.html read
  CHECK(ReadText(staging / "SHA256SUMS") ==
        ChecksumLine(a, "a.html") + ChecksumLine(kShaYy, "b.html") + ChecksumLine(c, "c.html") +
            "\\" + d + "  d\\\\e.html\n" + ChecksumLine(kShaX, "e.html") +
            ChecksumLine(f, "f.html"));
  // Kept lines given as they are, not read from a text: each made.
  gongkai::site::KeptChecksums given;
  given.lines = {{"a.html", a}, {"c.html", c}};
  REQUIRE(
      gongkai::site::WriteChecksums(staging, kept, given, {files[0], files[2]}, 1, count, error));
  CHECK(ReadText(staging / "SHA256SUMS") == ChecksumLine(a, "a.html") + ChecksumLine(c, "c.html"));
}

TEST_CASE("the files placed are listed as the last site's where they are its and those written") {
  const Folders folders("as-order");
  fs::create_directories(folders.site);
  fs::create_directories(folders.staging);
  std::vector<std::string> paths = {"a.html", "b.html", "c.html", "sub/y.html", "z.html"};
  for (int i = 0; i < 300; ++i) paths.push_back("search/s" + std::to_string(i) + ".js");
  std::sort(paths.begin(), paths.end());
  std::unordered_set<std::string> present(paths.begin(), paths.end());
  present.insert("extra.html");  // the spare's, not the last site's (below)
  gongkai::site::Output output(folders.staging, folders.site, present);
  output.UseSpare({}, uint64_t{0});  // proven: each file is placed unlooked
  output.KeepAll(paths);
  REQUIRE(output.Write("b.html", "yy"));    // written again, in the last site
  REQUIRE(output.Write("b.html", "x"));     // (twice)
  REQUIRE(output.Write("new.html", "yy"));  // written, not in the last site
  REQUIRE(output.errors().empty());
  // The last site's paths (its kept checksums' lines), its marker among them, not placed yet.
  std::vector<std::string> last = paths;
  last.push_back(".gongkai-site");
  std::sort(last.begin(), last.end());
  std::vector<std::pair<std::string_view, std::string_view>> order;
  for (const auto& p : last) order.emplace_back(p, "");
  auto text = [](const std::vector<gongkai::site::PlacedFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(std::string(f.path) + "=" + std::string(f.sha256));
    return out;
  };
  // In order's: the same list as sorted from every file placed, a kept file's path order's own.
  auto in_order = [&](const std::string& path,
                      const std::vector<gongkai::site::PlacedFile>& files) {
    const auto line = std::lower_bound(last.begin(), last.end(), path) - last.begin();
    for (const auto& f : files)
      if (f.path == path) return f.path.data() == order[line].first.data();
    return false;
  };
  const std::vector<std::string> sorted = text(output.Placed());
  REQUIRE(sorted.size() == paths.size() + 1);
  CHECK(std::find(sorted.begin(), sorted.end(), "b.html=" + std::string(kShaX)) != sorted.end());
  CHECK(std::find(sorted.begin(), sorted.end(), "new.html=" + std::string(kShaYy)) != sorted.end());
  CHECK(std::find(sorted.begin(), sorted.end(), "a.html=") != sorted.end());
  std::vector<gongkai::site::PlacedFile> files = output.Placed(&order, ".gongkai-site");
  CHECK(text(files) == sorted);
  CHECK(in_order("a.html", files));
  CHECK(in_order("search/s7.js", files));
  // A file of the last site taken out again, and one it lacks kept from the spare in its stead:
  // the same count, other paths. Each path is then looked up: the same list as sorted.
  output.Remove("a.html");
  output.KeepAll({"extra.html"});
  REQUIRE(output.errors().empty());
  const std::vector<std::string> sorted2 = text(output.Placed());
  REQUIRE(sorted2.size() == sorted.size());
  CHECK(std::find(sorted2.begin(), sorted2.end(), "a.html=") == sorted2.end());
  CHECK(std::find(sorted2.begin(), sorted2.end(), "extra.html=") != sorted2.end());
  files = output.Placed(&order, ".gongkai-site");
  CHECK(text(files) == sorted2);
  CHECK_FALSE(in_order("search/s7.js", files));  // (found by path: the Output's own)
  // The last site's files again (a.html written): listed from the order again.
  output.Remove("extra.html");
  REQUIRE(output.Write("a.html", "x"));
  const std::vector<std::string> sorted3 = text(output.Placed());
  CHECK(std::find(sorted3.begin(), sorted3.end(), "a.html=" + std::string(kShaX)) != sorted3.end());
  files = output.Placed(&order, ".gongkai-site");
  CHECK(text(files) == sorted3);
  CHECK(in_order("search/s7.js", files));
}

TEST_CASE("a recycled staging folder is brought up to date without writing through a link") {
  const Folders folders("spare");
  const fs::path &previous = folders.site, &staging = folders.staging;
  // The spare: same.html and kept.html are the site's own files (as an unchanged page is);
  // changed.html is the site's too, but its content changes; old.html is an older version
  // than the site's; stale.html and gone/page.html are files the new build does not make.
  folders.Shared({{"same.html", "s"}, {"kept.html", "k"}, {"changed.html", "c"}});
  WriteText(previous / "old.html", "new");
  WriteText(staging / "old.html", "old");
  WriteText(staging / "stale.html", "x");
  WriteText(staging / "gone/page.html", "x");
  const auto same = InodeOf(previous / "same.html"), kept = InodeOf(previous / "kept.html");

  gongkai::site::Output output(staging, previous,
                               {"same.html", "kept.html", "changed.html", "old.html",
                                "stale.html", "gone/page.html"});
  CHECK(output.Write("same.html", "s"));       // the previous site's bytes: left as it is
  CHECK(output.Keep("kept.html"));             // an unchanged input's page: left as it is
  CHECK(output.Write("changed.html", "C2"));   // written under another name and renamed
  CHECK(output.Keep("old.html"));              // the site's file linked over the older one
  CHECK(output.Write("new/page.html", "n"));   // a new file
  output.RemoveUnplaced();
  CHECK(output.errors().empty());

  CHECK(InodeOf(staging / "same.html") == same);
  CHECK(InodeOf(staging / "kept.html") == kept);
  CHECK(ReadText(previous / "changed.html") == "c");  // the published site is untouched
  CHECK(ReadText(staging / "changed.html") == "C2");
  CHECK(InodeOf(staging / "old.html") == InodeOf(previous / "old.html"));
  CHECK(ReadText(staging / "new/page.html") == "n");
  CHECK_FALSE(fs::exists(staging / "stale.html"));
  CHECK_FALSE(fs::exists(staging / "gone"));  // the folder left empty too
  std::vector<std::string> listed;
  for (const auto& f : output.Placed()) listed.push_back(std::string(f.path) + "=" + std::string(f.sha256.substr(0, 8)));
  // sha256("C2") = 9685eb76…, sha256("n") = 1b16b1df…; linked files have none.
  CHECK(listed == std::vector<std::string>{"changed.html=9685eb76", "kept.html=",
                                           "new/page.html=1b16b1df", "old.html=", "same.html="});
  const auto bytes = output.Bytes();
  CHECK(bytes.total == 8);    // s k C2 new n
  CHECK(bytes.written == 3);  // C2 n
  // Nothing is left under a temporary name.
  for (fs::recursive_directory_iterator it(staging), end; it != end; ++it)
    CHECK(it->path().string().find(".gongkai-tmp") == std::string::npos);
}

TEST_CASE("a small file that is the spare's own is written over in place, any other replaced") {
  const Folders folders("overwrite");
  const fs::path &previous = folders.site, &staging = folders.staging;
  // The spare: shared.html is the site's own file (a second link); own.html, same.html and
  // big.js are the spare's own (an older version of a file the last build wrote), big.js
  // larger than 64 KiB; linked.html is the spare's own but has a second link elsewhere.
  folders.Shared({{"shared.html", "site"}});
  WriteText(previous / "own.html", "last");
  WriteText(staging / "own.html", "an older, longer text");
  WriteText(previous / "same.html", "last");
  WriteText(staging / "same.html", "kept");
  WriteText(previous / "big.js", "last");
  WriteText(staging / "big.js", std::string(70000, 'b'));
  WriteText(staging / "linked.html", "old");
  fs::create_hard_link(staging / "linked.html", folders.root / "elsewhere.html");
  const auto shared = InodeOf(staging / "shared.html"), own = InodeOf(staging / "own.html"),
             same = InodeOf(staging / "same.html"), big = InodeOf(staging / "big.js"),
             linked = InodeOf(staging / "linked.html");
  struct stat before;
  REQUIRE(::stat((staging / "same.html").c_str(), &before) == 0);

  gongkai::site::Output output(
      staging, previous, {"shared.html", "own.html", "same.html", "big.js", "linked.html"});
  CHECK(output.Write("shared.html", "new"));    // replaced: never written through the site's
  CHECK(output.Write("own.html", "new"));       // written over, shortened
  CHECK(output.Write("same.html", "kept"));     // holds these bytes already: left
  CHECK(output.Write("big.js", std::string(70001, 'c')));  // too large: replaced
  CHECK(output.Write("linked.html", "new"));    // a second link: replaced
  CHECK(output.errors().empty());

  CHECK(ReadText(previous / "shared.html") == "site");  // the published site is untouched
  CHECK(InodeOf(previous / "shared.html") == shared);
  CHECK(InodeOf(staging / "shared.html") != shared);
  CHECK(ReadText(staging / "shared.html") == "new");
  CHECK(InodeOf(staging / "own.html") == own);
  CHECK(ReadText(staging / "own.html") == "new");
  CHECK(fs::file_size(staging / "own.html") == 3);
  CHECK(InodeOf(staging / "same.html") == same);
  struct stat after;
  REQUIRE(::stat((staging / "same.html").c_str(), &after) == 0);
  CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  CHECK(InodeOf(staging / "big.js") != big);
  CHECK(ReadText(staging / "big.js") == std::string(70001, 'c'));
  CHECK(InodeOf(staging / "linked.html") != linked);
  CHECK(ReadText(folders.root / "elsewhere.html") == "old");
  CHECK(ReadText(staging / "linked.html") == "new");
  // SHA256SUMS reads the files written as their bytes: sha256("new") = 11507a0e…
  std::string own_sha256;
  for (const auto& f : output.Placed())
    if (f.path == "own.html") own_sha256 = std::string(f.sha256);
  CHECK(own_sha256.substr(0, 8) == "11507a0e");
}

TEST_CASE("queued writes are made in the order asked, on their own thread, before Finish returns") {
  const Folders folders("queued");
  const fs::path &previous = folders.site, &staging = folders.staging;
  WriteText(previous / "kept.html", "k");
  fs::create_directories(staging);
  gongkai::site::Output output(staging, previous);
  const std::string big(20 << 20, 'x');  // more than the queue holds: it goes alone
  {
    gongkai::site::QueuedWrites queued(output);
    queued.Write("a.html", "1");
    queued.Write("a.html", "2");  // the same path again: the later bytes stay
    queued.Keep("kept.html");
    queued.Write("big.html", big);
    queued.Write("b/c.html", "c");
    queued.Keep("absent.html");  // not in the previous site: an [output] error
    queued.Finish();
    CHECK(ReadText(staging / "a.html") == "2");
    CHECK(ReadText(staging / "b/c.html") == "c");
    CHECK(fs::file_size(staging / "big.html") == big.size());
    CHECK(InodeOf(staging / "kept.html") == InodeOf(previous / "kept.html"));
  }  // (the destructor after Finish: nothing more)
  std::vector<std::string> listed;
  for (const auto& f : output.Placed()) listed.push_back(std::string(f.path) + "=" + std::string(f.sha256.substr(0, 8)));
  // sha256("2") = d4735e3a…, sha256("c") = 2e7d2c03…, sha256 of 20 MiB of 'x' = not checked here.
  REQUIRE(listed.size() == 4);
  CHECK(listed[0] == "a.html=d4735e3a");
  CHECK(listed[1] == "b/c.html=2e7d2c03");
  CHECK(listed[2].rfind("big.html=", 0) == 0);
  CHECK(listed[3] == "kept.html=");
  const auto errors = output.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("absent.html") != std::string::npos);
}

TEST_CASE("a spare's files are taken as the site's own but where its mark says they differ") {
  const Folders folders("insync");
  const fs::path &previous = folders.site, &staging = folders.staging;
  WriteText(previous / "written.html", "w2");
  WriteText(previous / "deleted.html", "d");
  // The spare: same.html is the site's own file; written.html is older than the site's (the
  // last build wrote it: the mark lists it); deleted.html was taken out of the spare by hand.
  folders.Shared({{"same.html", "s"}});
  WriteText(staging / "written.html", "w1");
  gongkai::site::Output output(staging, previous, {"same.html", "written.html", "deleted.html"});
  output.UseSpare({"written.html"});
  CHECK(output.Keep("same.html"));
  CHECK(output.Keep("written.html"));  // the site's file linked over the older one
  CHECK(output.Keep("deleted.html"));  // not there: linked from the site
  CHECK(output.errors().empty());
  CHECK(InodeOf(staging / "same.html") == InodeOf(previous / "same.html"));
  CHECK(ReadText(staging / "written.html") == "w2");
  CHECK(InodeOf(staging / "written.html") == InodeOf(previous / "written.html"));
  CHECK(InodeOf(staging / "deleted.html") == InodeOf(previous / "deleted.html"));
  CHECK(output.Bytes().total == 4);  // s w2 d
  CHECK(output.Bytes().written == 0);
  CHECK(gongkai::site::WrittenPaths(output.Placed()).empty());
}

TEST_CASE("a proven spare's files are taken unlooked, and counted as its own bytes less those replaced") {
  const Folders folders("proven");
  const fs::path &previous = folders.site, &staging = folders.staging;
  // The spare, proven (its folders as noted) with own bytes 1 + 2 + 1 + 3 = 7: its files are
  // the site's. gone.html is taken out after the proof, which is not looked at again.
  folders.Shared(
      {{"same.html", "s"}, {"gone.html", "gg"}, {"changed.html", "c"}, {"removed.html", "rrr"}});
  fs::remove(staging / "gone.html");
  gongkai::site::Output output(staging, previous,
                               {"same.html", "gone.html", "changed.html", "removed.html"});
  output.UseSpare({}, uint64_t{7});
  CHECK(output.Keep("same.html"));
  output.Remove("same.html");                 // (a reused input built again)
  CHECK_FALSE(fs::exists(staging / "same.html"));
  CHECK(output.Keep("same.html"));            // no longer the spare's: linked again
  CHECK(output.Keep("gone.html"));            // placed unlooked: the proof says it is there
  CHECK(output.Write("changed.html", "C2"));  // replaces c (1 byte out, 2 in)
  output.RemoveUnplaced();                    // removed.html: 3 bytes out
  CHECK(output.errors().empty());
  CHECK_FALSE(fs::exists(staging / "gone.html"));
  CHECK_FALSE(fs::exists(staging / "removed.html"));
  CHECK(ReadText(staging / "changed.html") == "C2");
  CHECK(InodeOf(staging / "same.html") == InodeOf(previous / "same.html"));
  CHECK(output.Bytes().total == 5);  // s gg C2
  CHECK(output.Bytes().written == 2);
  CHECK(gongkai::site::WrittenPaths(output.Placed()) == std::vector<std::string>{"changed.html"});
}

TEST_CASE("a whole file is read as it is: bytes, an empty file, a pipe, and none") {
  const Folders folders("read");
  fs::create_directories(folders.root);
  const std::string bytes = std::string("a\0b\r\n", 5) + std::string(200000, 'x') + "\xe5\x85\xac";
  WriteText(folders.root / "file", bytes);
  WriteText(folders.root / "empty", "");
  std::string out = "left over";
  CHECK(gongkai::site::ReadWholeFile((folders.root / "file").string(), out));
  CHECK(out == bytes);
  CHECK(gongkai::site::ReadWholeFile((folders.root / "empty").string(), out));
  CHECK(out.empty());
  CHECK_FALSE(gongkai::site::ReadWholeFile((folders.root / "absent").string(), out));
  // A pipe has no size: read to its end (more than one read's worth).
  const fs::path fifo = folders.root / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { WriteText(fifo, bytes); });
  CHECK(gongkai::site::ReadWholeFile(fifo.string(), out));
  writer.join();
  CHECK(out == bytes);
}

TEST_CASE("the files placed are listed by path in byte order") {
  // Paths alike in their first 16 bytes and apart after them, one a prefix of another within
  // them and past them, bytes above 0x7f (after every ASCII byte, as unsigned), and enough of
  // them (> 4096) that the list is sorted in two halves on two threads and merged.
  std::vector<std::string> paths = {"a",
                                    "a/",
                                    "ab",
                                    "abcdefghijklmnop",
                                    "abcdefghijklmnopq",
                                    "abcdefghijklmnoq",
                                    "abcdefgh",
                                    "abcdefgh/x",
                                    "departments/2019-b.html",
                                    "departments/2019-a.html",
                                    "departments/2019-a.md",
                                    "\xe5\x85\xac.html",
                                    "z\xe5.html",
                                    "a\xe5.html",  // before b.html: the first byte tells
                                    "b.html",
                                    "z~.html",
                                    "Z.html"};
  for (int i = 0; i < 5000; ++i)
    paths.push_back("search/d" + std::to_string((i * 7919) % 5003) + (i % 2 ? ".js" : "/x.js"));
  const Folders folders("order");
  fs::create_directories(folders.site);
  fs::create_directories(folders.staging);
  const std::unordered_set<std::string> present(paths.begin(), paths.end());
  gongkai::site::Output output(folders.staging, folders.site, present);
  output.UseSpare({}, uint64_t{0});  // proven: each file is placed unlooked, nothing written
  output.KeepAll(paths);
  REQUIRE(output.errors().empty());
  std::vector<std::string> listed;
  for (const auto& f : output.Placed()) listed.emplace_back(f.path);
  std::vector<std::string> expected = paths;
  std::sort(expected.begin(), expected.end());  // std::string: bytes compared as unsigned char
  CHECK(listed.size() == present.size());
  CHECK(listed == expected);
  CHECK(std::find(listed.begin(), listed.end(), "z~.html") <
        std::find(listed.begin(), listed.end(), "z\xe5.html"));
  CHECK(std::find(listed.begin(), listed.end(), "a\xe5.html") <
        std::find(listed.begin(), listed.end(), "b.html"));
  // In the order of the last site's paths: the same list, whatever that order holds besides
  // (paths not placed, one twice) or lacks (paths placed anew); an order not by path is not
  // followed.
  std::vector<std::string> last(expected.begin() + 3, expected.end());  // lacks the first three
  last.push_back("abcdefghijklmnop0");                                  // not placed
  last.push_back(last[20]);                                             // twice
  std::sort(last.begin(), last.end());
  std::vector<std::pair<std::string_view, std::string_view>> order;
  for (const auto& p : last) order.emplace_back(p, "");
  REQUIRE(std::is_sorted(order.begin(), order.end()));
  auto listed_in = [&](const std::vector<std::pair<std::string_view, std::string_view>>& o) {
    std::vector<std::string> out;
    for (const auto& f : output.Placed(&o)) out.emplace_back(f.path);
    return out;
  };
  CHECK(listed_in(order) == expected);
  CHECK(listed_in(order) == expected);  // (again: each listing marks the files anew)
  std::reverse(order.begin(), order.end());
  CHECK(listed_in(order) == expected);
}

TEST_CASE("the last site's marker is kept where the files are its files and its bytes its kept checksum's") {
  using gongkai::site::KeptChecksums;
  const Folders folders("marker");
  const std::string header =
      "gongkai site: this folder was made by `gongkai build`, which replaces it, and only it, on "
      "the next build. Its files (bytes below 0x20 and % as %XX):\n";
  const std::string marker = header + "a.html\nb.html\n";
  WriteText(folders.site / "a.html", "a");
  WriteText(folders.site / "b.html", "b");
  WriteText(folders.site / ".gongkai-site", marker);
  fs::create_directories(folders.staging);
  const std::string sha = gongkai::ingest::Sha256Hex(marker);
  KeptChecksums kept;
  kept.lines = {{".gongkai-site", sha}, {"a.html", kShaX}, {"b.html", kShaYy}};
  auto placed = [&](gongkai::site::Output& output, std::initializer_list<const char*> rels) {
    for (const char* rel : rels) REQUIRE(output.Keep(rel));
    return output.Placed(&kept.lines);
  };
  {  // the same files: kept, its checksum the kept one
    gongkai::site::Output output(folders.staging, folders.site, {});
    std::vector<gongkai::site::PlacedFile> files = placed(output, {"a.html", "b.html"});
    std::string_view marker_sha;
    REQUIRE(gongkai::site::SameFilesAsKept(files, kept, marker_sha));
    CHECK(marker_sha == sha);
    REQUIRE(gongkai::site::KeepSiteMarker(output, files, marker_sha));
    REQUIRE(files.size() == 3);
    CHECK(files[0].path == ".gongkai-site");
    CHECK(files[0].sha256.empty());  // linked
    CHECK(ReadText(folders.staging / ".gongkai-site") == marker);
    CHECK(InodeOf(folders.staging / ".gongkai-site") == InodeOf(folders.site / ".gongkai-site"));
  }
  fs::remove_all(folders.staging);
  fs::create_directories(folders.staging);
  {  // a file fewer: not the same files
    gongkai::site::Output output(folders.staging, folders.site, {});
    std::vector<gongkai::site::PlacedFile> files = placed(output, {"a.html"});
    std::string_view marker_sha;
    CHECK_FALSE(gongkai::site::SameFilesAsKept(files, kept, marker_sha));
  }
  {  // the marker changed since: not kept
    WriteText(folders.site / ".gongkai-site", header + "a.html\nb.html\nc.html\n");
    gongkai::site::Output output(folders.staging, folders.site, {});
    std::vector<gongkai::site::PlacedFile> files = output.Placed(&kept.lines);
    CHECK_FALSE(gongkai::site::KeepSiteMarker(output, files, sha));
    CHECK(files.empty());
  }
}

TEST_CASE("a staging folder's files the build does not place are removed, but those written after") {
  const Folders folders("unplaced");
  const fs::path& staging = folders.staging;
  for (const char* f : {"a.html", "b.html", "SHA256SUMS"}) WriteText(staging / f, "old");
  gongkai::site::Output output(staging, fs::path(), {"a.html", "b.html", "SHA256SUMS"});
  CHECK(output.Write("a.html", "a1"));
  CHECK(output.Write("a.html", "a2"));  // placed twice: still one of the files present
  output.RemoveUnplaced({"SHA256SUMS"});
  CHECK(ReadText(staging / "a.html") == "a2");
  CHECK_FALSE(fs::exists(staging / "b.html"));
  CHECK(ReadText(staging / "SHA256SUMS") == "old");  // the caller's to write
}

TEST_CASE("an original is read again and refused if it changed since it was parsed") {
  const Folders folders("originals");
  const fs::path& dir = folders.root;
  WriteText(dir / "附件 1.txt", "x");
  gongkai::ingest::Document doc;
  doc.files.push_back({(dir / "附件 1.txt").string(), kShaX, "text", 0, 0});
  std::vector<gongkai::site::OriginalCopy> copies;
  std::string error;
  REQUIRE(gongkai::site::ReadOriginals("2026-x", doc, copies, error));
  REQUIRE(copies.size() == 1);
  CHECK(copies[0].bytes == "x");
  CHECK(copies[0].file.path == "originals/2026-x/附件 1.txt");
  CHECK(copies[0].file.size == 1);
  CHECK(copies[0].file.sha256 == kShaX);
  WriteText(dir / "附件 1.txt", "yy");  // changed after it was parsed
  CHECK_FALSE(gongkai::site::ReadOriginals("2026-x", doc, copies, error));
  CHECK(error == std::string("附件 1.txt changed while the site was built (SHA-256 ") + kShaX +
                     " when parsed, " + kShaYy + " when copied into the site); build again");
  fs::remove_all(dir);
  CHECK_FALSE(gongkai::site::ReadOriginals("2026-x", doc, copies, error));
  CHECK(error.find("unreadable when copied") != std::string::npos);
}

TEST_CASE("a file given as pieces is their bytes: linked where the site has them, else written beside") {
  const Folders folders("pieces");
  const fs::path &previous = folders.site, &staging = folders.staging;
  WriteText(previous / "same.csv", "abcd");
  // big.csv: the spare's own file is a link to the site's (a download of the published site).
  const std::string old_big(100 << 10, 'o');
  folders.Shared({{"big.csv", old_big.c_str()}, {"small.csv", "s"}});
  WriteText(staging / "own.csv", "own");  // the staging folder's own small file (one link)
  gongkai::site::Output output(staging, previous, {"big.csv", "small.csv", "own.csv"});
  // The same bytes in two pieces: the site's file linked.
  CHECK(output.Write("same.csv", gongkai::site::Pieces{"ab", "cd"}, ""));
  CHECK(InodeOf(staging / "same.csv") == InodeOf(previous / "same.csv"));
  // New bytes in more pieces than one writev takes (IOV_MAX, 1,024 here): replaced, the
  // site's file (the same inode as the spare's before) left as it was.
  std::vector<std::string> rows;
  for (int i = 0; i < 3000; ++i) rows.push_back(std::to_string(i) + ",部门" + std::to_string(i) + "\r\n");
  std::string joined;
  for (const auto& r : rows) joined += r;
  const std::string tail(70 << 10, 'n');
  joined += tail;
  gongkai::site::Pieces pieces(rows.begin(), rows.end());
  pieces.push_back(tail);
  CHECK(output.Write("big.csv", pieces, ""));
  CHECK(ReadText(staging / "big.csv") == joined);
  CHECK(ReadText(previous / "big.csv") == old_big);
  CHECK(InodeOf(staging / "big.csv") != InodeOf(previous / "big.csv"));
  // Small pieces over a small file shared with the site: replaced too, never written through.
  CHECK(output.Write("small.csv", gongkai::site::Pieces{"x", "y"}, ""));
  CHECK(ReadText(staging / "small.csv") == "xy");
  CHECK(ReadText(previous / "small.csv") == "s");
  // Over the staging folder's own small file: written in place (the same inode).
  const auto own = InodeOf(staging / "own.csv");
  CHECK(output.Write("own.csv", gongkai::site::Pieces{"ne", "w"}, ""));
  CHECK(ReadText(staging / "own.csv") == "new");
  CHECK(InodeOf(staging / "own.csv") == own);
  CHECK(output.errors().empty());
  // Each hashed as the whole of its bytes (SHA-256 of the joined text, hashed apart here).
  std::unordered_map<std::string, std::string> sha;
  for (const auto& f : output.Placed()) sha[std::string(f.path)] = std::string(f.sha256);
  CHECK(sha.at("same.csv").empty());  // linked unchanged
  CHECK(sha.at("big.csv") == gongkai::ingest::Sha256Hex(joined));
  CHECK(sha.at("small.csv") == gongkai::ingest::Sha256Hex("xy"));
  CHECK(sha.at("own.csv") == gongkai::ingest::Sha256Hex("new"));
}

TEST_CASE("a file's bytes are read, or mapped from a mebibyte, the same bytes either way") {
  const Folders f("file-bytes");
  fs::create_directories(f.root);
  const fs::path small = f.root / "small.csv", large = f.root / "large.csv";
  WriteText(small, "id,name\r\n1,审计局\r\n");
  std::string big;
  for (int i = 0; big.size() < gongkai::site::FileBytes::kMapBytes; ++i)
    big += std::to_string(i) + ",部门" + std::to_string(i * 7) + "\r\n";
  WriteText(large, big);
  REQUIRE(big.size() >= (size_t{1} << 20));

  gongkai::site::FileBytes bytes;
  REQUIRE(bytes.Read(small.string()));
  CHECK_FALSE(bytes.mapped());
  CHECK(bytes.view() == "id,name\r\n1,审计局\r\n");
  REQUIRE(bytes.Read(large.string()));  // the small file let go
  CHECK(bytes.mapped());
  CHECK(bytes.view().size() == big.size());
  CHECK(bytes.view() == big);
  gongkai::site::FileBytes moved = std::move(bytes);
  CHECK(moved.view() == big);
  CHECK(bytes.view().empty());
  CHECK_FALSE(moved.Read((f.root / "absent.csv").string()));
  CHECK(moved.view().empty());
  CHECK_FALSE(moved.mapped());
}

TEST_CASE("a path set views a marker's lines where they are as they are, and holds the rest") {
  const Folders f("path-set");
  fs::create_directories(f.root);
  // A small marker (read) and a large one (mapped): views into either survive moving the set.
  for (const size_t lines : {size_t{3}, size_t{40000}}) {
    std::string text = "gongkai site marker\n";
    for (size_t i = 0; i < lines; ++i)
      text += "departments/d" + std::to_string(i) + "/index.html\n";
    text += "\nodd%25name.html\nsub/tab%09bed.html\n";  // a blank line; two escaped
    const fs::path marker = f.root / ("marker-" + std::to_string(lines));
    WriteText(marker, text);
    gongkai::site::FileBytes bytes;
    REQUIRE(bytes.Read(marker.string()));
    CHECK(bytes.mapped() == (lines > 3));
    gongkai::site::PathSet set;
    set.Insert("SHA256SUMS");
    set.ReadLines(std::move(bytes), text.find('\n') + 1);
    set.Insert("departments/d0/index.html");  // held already: not again
    CHECK(set.size() == lines + 3);
    const gongkai::site::PathSet moved = std::move(set);
    CHECK(moved.Has("departments/d0/index.html"));
    CHECK(moved.Has("odd%name.html"));
    CHECK(moved.Has("sub/tab\tbed.html"));
    CHECK_FALSE(moved.Has("odd%25name.html"));
    CHECK_FALSE(moved.Has(""));
    CHECK_FALSE(moved.Has("gongkai site marker"));
    CHECK(moved.Find("SHA256SUMS") == "SHA256SUMS");
    CHECK(moved.Find("absent.html").empty());
    const std::string last = "departments/d" + std::to_string(lines - 1) + "/index.html";
    const std::string_view held = moved.Find(last);
    CHECK(held == last);
    CHECK(held.data() != last.data());
    size_t listed = 0;
    for (const std::string_view p : moved) listed += !p.empty();
    CHECK(listed == lines + 3);
  }
}

}  // TEST_SUITE

// Unit tests for ingest: SHA-256 against the FIPS 180-4 vectors, and loading a document.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/sha256.h"

using gongkai::ingest::Document;
using gongkai::ingest::IsValidUtf8;
using gongkai::ingest::LoadDocument;
using gongkai::ingest::PrintableName;
using gongkai::ingest::Sha256Hex;
using gongkai::model::Diagnostic;

TEST_SUITE("ingest") {

TEST_CASE("hashes the empty string") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("hashes abc") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("hashes the 448-bit message whose padding needs a second block") {
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("hashes the 896-bit message longer than one block") {
  const std::string msg =
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnop"
      "qrsmnopqrstnopqrstu";
  REQUIRE(msg.size() == 112u);
  CHECK(Sha256Hex(msg) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("hashes one million a") {
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("hashes messages at the block boundaries") {
  // 55 bytes: the padding just fits one block; 64 bytes: exactly one block of data.
  CHECK(Sha256Hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(Sha256Hex(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("hashes bytes given in pieces as the whole of them, and starts again after") {
  gongkai::ingest::Sha256 sha;
  const std::string million(1000000, 'a');
  for (size_t at = 0; at < million.size(); at += 4093)  // pieces across block boundaries
    sha.Update(std::string_view(million).substr(at, 4093));
  CHECK(sha.HexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  sha.Update("ab");
  sha.Update("");
  sha.Update("c");
  CHECK(sha.HexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha.HexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // The same as one call over a list of pieces (FIPS 180-2's "abc").
  CHECK(gongkai::ingest::Sha256Hex(std::vector<std::string_view>{"ab", "", "c"}) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("strips a byte order mark but hashes the bytes as read") {
  const std::string bytes = "\xEF\xBB\xBF第一行\n";
  Document doc;
  std::vector<Diagnostic> diags;
  REQUIRE(LoadDocument("bom.txt", bytes, doc, diags));
  CHECK(diags.empty());
  REQUIRE(doc.lines.size() == 1u);
  CHECK(doc.lines[0] == "第一行");
  CHECK(doc.encoding == "UTF-8");
  CHECK(doc.path == "bom.txt");
  // sha256 of EF BB BF e7 ac ac e4 b8 80 e8 a1 8c 0a, computed with coreutils sha256sum.
  CHECK(doc.sha256 == "145e45118b636bdc7fb2aea905e74308fca493d16c8c9a8a45fbd0aa963a3cbb");
}

// The lines LoadDocument splits `bytes` into (a source line number is its index + 1).
std::vector<std::string> LinesOf(const std::string& bytes) {
  Document doc;
  std::vector<Diagnostic> diags;
  REQUIRE(LoadDocument("lines.txt", bytes, doc, diags));
  CHECK(diags.empty());
  return doc.lines;
}

using Lines = std::vector<std::string>;

TEST_CASE("keeps line numbers with LF line ends and blank lines") {
  CHECK(LinesOf("部门收支总表\n\n单位：万元\n") == Lines{"部门收支总表", "", "单位：万元"});
}

TEST_CASE("keeps line numbers with CRLF line ends") {
  CHECK(LinesOf("a\r\nb\r\n\r\nc") == Lines{"a", "b", "", "c"});
}

TEST_CASE("keeps line numbers with CR line ends") {
  CHECK(LinesOf("a\rb\r\rc\r") == Lines{"a", "b", "", "c"});
}

TEST_CASE("keeps line numbers with LF, CR and CRLF mixed") {
  // A CR before the next LF ends a line; LF then CR are two line ends.
  CHECK(LinesOf("a\nb\rc\r\nd\n\re") == Lines{"a", "b", "c", "d", "", "e"});
}

TEST_CASE("keeps a last line without a line end") {
  CHECK(LinesOf("a\nb") == Lines{"a", "b"});
}

TEST_CASE("reports invalid UTF-8 as an error on its line") {
  Document doc;
  std::vector<Diagnostic> diags;
  const std::string bytes = "第一行\n第二行\n坏\xFF字\n";
  CHECK_FALSE(LoadDocument("bad.txt", bytes, doc, diags));
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].severity == Diagnostic::Severity::kError);
  CHECK(diags[0].line == 3);
  CHECK(diags[0].rule == "encoding");
  CHECK(diags[0].message.find("UTF-8") != std::string::npos);
}

TEST_CASE("reports invalid UTF-8 on its line after a byte order mark") {
  Document doc;
  std::vector<Diagnostic> diags;
  // C3 28: a two-byte lead followed by a byte that is not a continuation.
  CHECK_FALSE(LoadDocument("bad.txt", "\xEF\xBB\xBF" "a\n\xC3\x28\n", doc, diags));
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].line == 2);
}

TEST_CASE("reports invalid UTF-8 on its line in a CRLF file") {
  Document doc;
  std::vector<Diagnostic> diags;
  CHECK_FALSE(LoadDocument("bad.txt", "a\r\nb\r\n\xFF\r\n", doc, diags));
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].line == 3);
}

TEST_CASE("reports invalid UTF-8 on its line in a CR file") {
  // Lines end in CR only, as LoadDocument accepts; the bad byte stands on line 3.
  Document doc;
  std::vector<Diagnostic> diags;
  CHECK_FALSE(LoadDocument("bad.txt", "a\rb\r\xFF\r", doc, diags));
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].line == 3);
}

TEST_CASE("tells well-formed UTF-8 from broken sequences") {
  size_t bad = 99;
  CHECK(IsValidUtf8("部门收支总表 3,688.46", &bad));
  CHECK_FALSE(IsValidUtf8("ab\xFF", &bad));
  CHECK(bad == 2u);
  CHECK_FALSE(IsValidUtf8("\xE4\xB8", &bad));  // truncated three-byte sequence
  CHECK(bad == 0u);
  CHECK_FALSE(IsValidUtf8("x\xC0\xAF", &bad));  // overlong encoding of '/'
  CHECK(bad == 1u);
}

TEST_CASE("shows a file name that is UTF-8 as it is") {
  CHECK(PrintableName("content/南充市医疗保障中心.txt") == "content/南充市医疗保障中心.txt");
  CHECK(PrintableName("a\\..\\evil.txt") == "a\\..\\evil.txt");
}

TEST_CASE("shows every byte outside ASCII of a GBK name as \\xNN, not as UTF-8 by chance") {
  // 南充 in GBK is C4 CF B3 E4; CF B3 alone would read as U+03F3 in UTF-8.
  CHECK(PrintableName("content/\xC4\xCF\xB3\xE4.txt") == "content/\\xc4\\xcf\\xb3\\xe4.txt");
  // Only the component that is not UTF-8 is escaped.
  CHECK(PrintableName("南充/\xB2\xBB.txt") == "南充/\\xb2\\xbb.txt");
}

TEST_CASE("shows control characters and line separators escaped, so a name stays on one line") {
  CHECK(PrintableName("two\nlines\r\t.txt") == "two\\nlines\\r\\t.txt");
  CHECK(PrintableName("bell\x07\x7F.txt") == "bell\\x07\\x7f.txt");
  CHECK(PrintableName("a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xAE" "d\xE2\x81\xA6.txt") ==
        "a\\u0085b\\u2028c\\u202ed\\u2066.txt");
  CHECK(PrintableName("\xE2\x80\x94") == "\xE2\x80\x94");  // an em dash is text
}

TEST_CASE("shows a shown name the same again") {
  for (std::string name : {"\xC4\xCF\xB3\xE4.txt", "two\nlines.txt", "南充.txt"})
    CHECK(PrintableName(PrintableName(name)) == PrintableName(name));
}

TEST_CASE("shows any bytes as UTF-8 on one line, the same again when shown twice") {
  std::mt19937 rng(1);  // fixed seed: the same names on every run
  const char kTricky[] = "\xE2\x80\xC2\x85/\n";
  int bad = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string name(rng() % 12, '\0');
    for (char& c : name) c = static_cast<char>(rng() % 4 == 0 ? kTricky[rng() % 6] : rng());
    const std::string shown = PrintableName(name);
    bad += !IsValidUtf8(shown) || shown.find_first_of("\n\r") != std::string::npos ||
           PrintableName(shown) != shown;
  }
  CHECK(bad == 0);
}

namespace {
// Loads `bytes`; on failure returns the one diagnostic's rule, on success "".
std::string Load(const std::string& bytes, Document& doc, Diagnostic* first = nullptr) {
  std::vector<Diagnostic> diags;
  bool ok = LoadDocument("t.txt", bytes, doc, diags);
  if (ok) return diags.empty() ? "" : "unexpected diagnostic";
  if (diags.size() != 1u) return "not one diagnostic";
  if (first) *first = diags[0];
  return diags[0].rule;
}
}  // namespace

TEST_CASE("reads GB18030 text and records the encoding") {
  Document doc;
  // 部门收支总表 / 单位：万元 in GB18030 (GBK), CRLF line ends.
  const std::string bytes = "\xB2\xBF\xC3\xC5\xCA\xD5\xD6\xA7\xD7\xDC\xB1\xED\r\n"
                            "\xB5\xA5\xCE\xBB\xA3\xBA\xCD\xF2\xD4\xAA\r\n";
  REQUIRE(Load(bytes, doc) == "");
  CHECK(doc.encoding == "GB18030");
  REQUIRE(doc.lines.size() == 2u);
  CHECK(doc.lines[0] == "部门收支总表");
  CHECK(doc.lines[1] == "单位：万元");
}

TEST_CASE("reads UTF-16 with a byte order mark, keeping line numbers") {
  Document doc;
  // FF FE, then 表 CR LF 单位 CR LF in UTF-16LE.
  const std::string le("\xFF\xFE\x68\x88\x0D\x00\x0A\x00\x55\x53\x4D\x4F\x0D\x00\x0A\x00", 16);
  REQUIRE(Load(le, doc) == "");
  CHECK(doc.encoding == "UTF-16LE");
  REQUIRE(doc.lines.size() == 2u);
  CHECK(doc.lines[0] == "表");
  CHECK(doc.lines[1] == "单位");
  // The same in UTF-16BE.
  const std::string be("\xFE\xFF\x88\x68\x00\x0D\x00\x0A\x53\x55\x4F\x4D", 12);
  REQUIRE(Load(be, doc) == "");
  CHECK(doc.encoding == "UTF-16BE");
  REQUIRE(doc.lines.size() == 2u);
  CHECK(doc.lines[1] == "单位");
}

TEST_CASE("reports UTF-16 cut in the middle of a character as truncated, on its line") {
  Document doc;
  Diagnostic d;
  const std::string odd("\xFF\xFE\x68\x88\x0A\x00\x55", 7);  // 表 LF, then half of 单
  CHECK(Load(odd, doc, &d) == "truncated");
  CHECK(d.line == 2);
}

TEST_CASE("does not guess the encoding of Big5 or Latin-1 text") {
  Document doc;
  Diagnostic d;
  CHECK(Load("\xBB\x4F\xA5\x5F\xA5\xAB\n", doc, &d) == "encoding");  // 臺北市 in Big5
  CHECK(d.message.find("could not be determined") != std::string::npos);
  CHECK(Load("caf\xE9 au lait\n", doc, &d) == "encoding");
}

TEST_CASE("reports a file cut in the middle of a UTF-8 character as truncated") {
  Document doc;
  Diagnostic d;
  CHECK(Load("第一行\n第二\xE8\xA1", doc, &d) == "truncated");
  CHECK(d.line == 2);
}

TEST_CASE("rejects empty, blank and binary files, each saying what it is") {
  Document doc;
  Diagnostic d;
  CHECK(Load("", doc) == "empty");
  CHECK(Load(" \n\t\r\n\xE3\x80\x80\n", doc) == "empty");
  // A PDF is read as a PDF: one that is cut off or damaged says so.
  CHECK(Load("%PDF-1.7\n\xFF\x00", doc, &d) == "pdf-unreadable");
  CHECK(d.message.find("PDF") != std::string::npos);
  CHECK(Load(std::string("PK\x03\x04\x14\x00", 6), doc) == "binary");
  CHECK(Load(std::string("ab\ncd\x00\x01", 7), doc, &d) == "binary");
  CHECK(d.line == 2);
  CHECK(Load(std::string(100, '\x01') + "text\n", doc) == "binary");
}

TEST_CASE("keeps a few stray control characters as text") {
  Document doc;
  REQUIRE(Load("部门收支总表\f\n单位\x07：万元\n" + std::string(200, 'x') + "\n", doc) == "");
  CHECK(doc.lines[1] == "单位\x07：万元");
}

TEST_CASE("rejects a line over the limit, naming it") {
  Document doc;
  Diagnostic d;
  std::string bytes = "a\nb\n" + std::string(gongkai::ingest::kMaxLineChars + 1, 'x') + "\n";
  CHECK(Load(bytes, doc, &d) == "line-too-long");
  CHECK(d.line == 3);
  // At the limit it is read; the limit counts characters, not bytes.
  std::string han;
  for (size_t i = 0; i < gongkai::ingest::kMaxLineChars; ++i) han += "表";
  CHECK(Load("a\n" + han + "\n", doc) == "");
}

TEST_CASE("rejects a file over the size limit without decoding it") {
  Document doc;
  std::string bytes(gongkai::ingest::kMaxFileBytes + 1, 'a');
  CHECK(Load(bytes, doc) == "file-too-large");
}

TEST_CASE("rejects surrogates and code points past U+10FFFF as UTF-8") {
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  CHECK(IsValidUtf8("\xF0\x9F\x98\x80"));        // U+1F600
}

}  // TEST_SUITE

// libFuzzer target: any bytes through ingest -> parse -> checks -> JSON, as `gongkai parse` runs them.
// Built by `-DGONGKAI_FUZZ=ON` with clang (see fuzz/README.md); a crash, a sanitizer report,
// an exception or a slow input is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "ingest/document.h"
#include "ingest/pdf.h"
#include "model/json.h"
#include "parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // PDF bytes go to poppler, which is not built with the sanitizers here and is fuzzed by its
  // own project; gongkai's PDF layout code is exercised on the real corpus (tests/real_test.sh).
  if (gongkai::ingest::LooksLikePdf(bytes)) return 0;
  gongkai::ingest::Document doc;
  std::vector<gongkai::model::Diagnostic> diagnostics;
  if (!gongkai::ingest::LoadDocument("fuzz.txt", bytes, doc, diagnostics)) {
    if (diagnostics.empty()) __builtin_trap();  // a rejected file always says why
    return 0;
  }
  gongkai::model::Disclosure d = gongkai::parse::ParseDocument(doc);
  bool error = false;
  for (const auto& dg : d.diagnostics)
    error |= dg.severity == gongkai::model::Diagnostic::Severity::kError;
  if (!error) gongkai::checks::RunChecks(d);
  // dump() throws on strings that are not UTF-8: text cut in the middle of a character.
  volatile size_t n = gongkai::model::ToJson(d).dump().size();
  (void)n;
  return 0;
}

// libFuzzer target: any bytes through ingest and the pipeline (parse -> checks -> metrics) to
// JSON, as `gongkai parse` runs them.
// Built by `-DGONGKAI_FUZZ=ON` with clang (see fuzz/README.md); a crash, a sanitizer report,
// an exception or a slow input is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "ingest/pdf.h"
#include "model/json.h"
#include "pipeline/process.h"

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
  gongkai::pipeline::Processed p = gongkai::pipeline::Process(std::move(doc));
  // dump() throws on strings that are not UTF-8: text cut in the middle of a character.
  volatile size_t n = gongkai::model::ToJson(p.disclosure).dump().size();
  (void)n;
  return 0;
}

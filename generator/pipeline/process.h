// The per-document pipeline: read -> parse -> check -> measure (and keep the facts the checks
// between years need, years/facts.h). Every command that turns an input into a disclosure
// (parse, check, build, the corpus generator's checks, the fuzzer) goes through here, so a
// stage is added or reordered in one place.
#pragma once

#include <string>
#include <vector>

#include "ingest/document.h"
#include "model/disclosure.h"
#include "parse/identity.h"

namespace gongkai::pipeline {

/// What one input became.
struct Processed {
  bool read = false;             ///< the input could be read at all
  ingest::Document doc;          ///< what was read: the lines the source view shows
  model::Disclosure disclosure;  ///< parsed; checked and measured unless parsing failed
  /// Every diagnostic: reading's, then parsing's (the disclosure keeps parsing's own).
  std::vector<model::Diagnostic> diagnostics;

  /// Not read, or read with an error: no pages are made from it.
  bool Failed() const;
};

/// Reads the file or folder at `path` (ingest::ReadDisclosure: links in a folder are followed
/// only inside `root`, the folder itself when empty) and analyses it.
Processed Process(const std::string& path, const std::string& root = "");

/// Analyses a document already read (standard input, generated text): parses it and, when
/// parsing found no error, runs the checks and computes the metrics.
Processed Process(ingest::Document doc);

/// Analyses a file that ingest::ReadDisclosure read (the build reads some text inputs ahead of
/// their turn, site/years.h): the same as Process(path) reading it now, `read_diagnostics`
/// (what reading reported) first among the diagnostics. `identity`, where not null, is what
/// the build read of a text document's names, year and kind (parse::FindTextIdentity of its
/// lines), which the parse then takes rather than reading them again.
Processed Process(ingest::Document doc, const std::vector<model::Diagnostic>& read_diagnostics,
                  const parse::TextIdentity* identity = nullptr);

/// The result for an input that could not be read at `path`: `diagnostics` say why.
Processed Unread(const std::string& path, std::vector<model::Diagnostic> diagnostics);

}  // namespace gongkai::pipeline

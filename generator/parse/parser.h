// The parse stage: a loaded document -> the Disclosure model.
#pragma once

#include <string>

#include "ingest/document.h"
#include "model/disclosure.h"
#include "parse/identity.h"

namespace gongkai::parse {

/// Parses a document. Never throws on bad input: problems become `diagnostics` in the result
/// (an error when the document is not a budget disclosure at all). `identity`, for a text
/// document, is FindTextIdentity of its lines where the caller read it already (then it is
/// not read again); a PDF's is read from its pages.
model::Disclosure ParseDocument(const ingest::Document& doc,
                                const TextIdentity* identity = nullptr);

/// A stable ASCII slug for a source path: its file name without extension, lower-cased,
/// with anything but [a-z0-9] turned into '-' ("2022-Hebei Chengde.txt" -> "2022-hebei-chengde").
/// A name with no ASCII letters or digits gets "d-" and the first 12 hex digits of its hash.
std::string MakeId(const std::string& path, const std::string& sha256);

}  // namespace gongkai::parse

// The incremental build's manifest: load, the reuse decision for an input, save.
#include "site/cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <boost/filesystem.hpp>
#include <nlohmann/json.hpp>

#include "ingest/document.h"
#include "ingest/sha256.h"
#include "model/json.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using nlohmann::json;

namespace {

const char kManifest[] = "manifest.json";
const char kRecords[] = "records";

fs::path RecordPath(const fs::path& dir, const std::string& id) {
  return dir / kRecords / (id + ".json");
}

model::Diagnostic::Severity SeverityOf(const std::string& name) {
  return name == "error"     ? model::Diagnostic::Severity::kError
         : name == "warning" ? model::Diagnostic::Severity::kWarning
                             : model::Diagnostic::Severity::kNotice;
}

CachedInput InputFromJson(const json& entry) {
  CachedInput in;
  in.id = entry.value("id", "");
  in.stamp = {entry.value("size", int64_t(-1)), entry.value("mtime_ns", int64_t(-1))};
  in.failed = entry.value("failed", false);
  in.loaded = entry.value("loaded", true);
  for (const auto& f : entry.value("files", json::array())) in.files.push_back(f.get<std::string>());
  for (const auto& dg : entry.value("diagnostics", json::array()))
    in.diagnostics.push_back({SeverityOf(dg.value("severity", "")), dg.value("line", 0),
                              dg.value("message", ""), dg.value("rule", "")});
  return in;
}

json InputToJson(const CachedInput& in) {
  json diags = json::array();
  for (const auto& dg : in.diagnostics)
    diags.push_back({{"severity", model::SeverityName(dg.severity)}, {"line", dg.line},
                     {"message", dg.message}, {"rule", dg.rule}});
  return {{"id", in.id},         {"size", in.stamp.size},       {"mtime_ns", in.stamp.mtime_ns},
          {"failed", in.failed}, {"loaded", in.loaded},         {"files", in.files},
          {"diagnostics", diags}};
}

}  // namespace

FileStamp Stamp(const fs::path& p) {
  struct stat st;
  if (::stat(p.string().c_str(), &st) != 0) return {};
  FileStamp stamp{static_cast<int64_t>(st.st_size),
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  if (!S_ISDIR(st.st_mode)) return stamp;
  // A folder is one disclosure of several files: it changed when any of them did (their sizes
  // and times folded together with the folder's own, which changes when a file comes or goes).
  boost::system::error_code ec;
  for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
    if (!ingest::IsDisclosureFile(it->path().filename().string())) continue;
    FileStamp f = Stamp(it->path());
    stamp.size = stamp.size * 31 + f.size;
    stamp.mtime_ns = std::max(stamp.mtime_ns, f.mtime_ns) + (f.size & 1);
  }
  return stamp;
}

std::string PerDocumentHash(const std::map<std::string, std::string>& templates) {
  return ingest::Sha256Hex(std::string(GONGKAI_VERSION) + '\0' + templates.at("layout.html") +
                           '\0' + templates.at("department.md") + '\0' +
                           templates.at("source.html"));
}

Cache Cache::Load(const fs::path& dir, bool usable, const std::string& per_document_hash) {
  Cache cache;
  cache.dir_ = dir;
  std::string text;
  if (!usable || !ReadWholeFile((dir / kManifest).string(), text)) return cache;
  json manifest = json::parse(text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() ||
      manifest.value("templates", "") != per_document_hash || !manifest.contains("inputs"))
    return cache;
  try {
    for (const auto& [name, entry] : manifest["inputs"].items())
      cache.inputs_[name] = InputFromJson(entry);
  } catch (const json::exception&) {
    cache.inputs_.clear();  // a damaged manifest: build everything
    return cache;
  }
  cache.usable_ = true;
  return cache;
}

const CachedInput* Cache::Reusable(const std::string& name, const std::string& id,
                                   const FileStamp& stamp) const {
  auto it = inputs_.find(name);
  if (it == inputs_.end()) return nullptr;
  const CachedInput& in = it->second;
  return in.id == id && in.stamp.size == stamp.size && in.stamp.mtime_ns == stamp.mtime_ns
             ? &in
             : nullptr;
}

bool Cache::LoadRecord(const std::string& id, pages::Record& record) const {
  std::string text;
  if (!ReadWholeFile(RecordPath(dir_, id).string(), text)) return false;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return false;
  try {
    record = pages::RecordFromJson(j);
  } catch (const json::exception&) {
    return false;
  }
  return record.id == id;
}

void Cache::Save(const fs::path& dir, const std::string& per_document_hash,
                 const std::map<std::string, CachedInput>& inputs,
                 const std::vector<const pages::Record*>& built) {
  boost::system::error_code ec;
  fs::create_directories(dir / kRecords, ec);
  for (const auto* r : built) {
    const fs::path path = RecordPath(dir, r->id);
    std::ofstream out(path.string(), std::ios::binary);
    out << pages::RecordToJson(*r).dump() << "\n";
    out.close();
    // Not written whole: not left to be read (the input is built again next time).
    if (!out) fs::remove(path, ec);
  }
  std::set<std::string> ids;
  for (const auto& [name, in] : inputs) ids.insert(in.id + ".json");
  for (fs::directory_iterator it(dir / kRecords, ec), end; !ec && it != end; it.increment(ec))
    if (!ids.count(it->path().filename().string())) {
      boost::system::error_code ignored;  // a stale record left behind is never read
      fs::remove(it->path(), ignored);
    }
  json manifest = {{"version", GONGKAI_VERSION}, {"templates", per_document_hash},
                   {"inputs", json::object()}};
  for (const auto& [name, in] : inputs) manifest["inputs"][name] = InputToJson(in);
  {
    std::ofstream m((dir / (std::string(kManifest) + ".tmp")).string(), std::ios::binary);
    m << manifest.dump() << "\n";
  }
  fs::rename(dir / (std::string(kManifest) + ".tmp"), dir / kManifest, ec);
}

}  // namespace gongkai::site

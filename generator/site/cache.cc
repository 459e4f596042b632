// The incremental build's manifest and records file: load, the reuse decision for an input,
// save.
#include "site/cache.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <string_view>

#include <boost/filesystem.hpp>
#include <nlohmann/json.hpp>

#include "ingest/document.h"
#include "ingest/sha256.h"
#include "model/json.h"
#include "model/line_fields.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using nlohmann::json;

namespace {

const char kManifest[] = "manifest";
const char kOldManifest[] = "manifest.json";  // as gongkai kept it before
const char kPageKeys[] = "pages.json";
// The first bytes of a records file: the format of its records (pages::RecordToBytes). A
// new format gets a new header, and a file of another is not read.
const char kPackHeader[] = "gongkai records 2\n";
const size_t kPackHeaderSize = sizeof kPackHeader - 1;
const char kOldRecords[] = "records";  // one file per record, as gongkai kept them before

// A record in the records file: three numbers of 8 bytes each (little-endian) — a checksum of
// its bytes before its search entries (its head), the head's size, a checksum of its search
// entries — then its bytes (the head, then the entries). An unchanged input's record is read
// without its search entries, two thirds of its bytes (an edit at N = 10,000 read ~200 MB
// and hashed them, to keep ~70 MB): its head alone, checked by its own checksum. The
// checksums are std::hash's (the standard library's, fast): a record damaged on disk, or torn
// by a build stopped while appending it, is not read as another record or as this one with
// another figure. std::hash may differ between library versions: then every input is built
// again, no worse.
uint64_t Checksum(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }
const size_t kFramePrefix = 24;
// How much of a record a read without its search entries asks for at first: its head, most
// likely; else a second read. At N = 10,000 (bench/run's corpus) heads are 5.8 KB (median) to
// 16.7 KB and whole records 20 KB: 8 KiB reads 79% of the heads at once, 102 MB in all for
// 10,000 records against 202 MB whole (16 KiB: 161 MB; a read of the prefix, then of the head:
// 67 MB in 20,000 reads).
const size_t kHeadGuess = 8 << 10;

void PutNumber(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i, v >>= 8) out += static_cast<char>(v & 0xff);
}
uint64_t NumberAt(std::string_view bytes, size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

std::string Frame(const pages::Record& r) {
  size_t head = 0;
  const std::string bytes = pages::RecordToBytes(r, &head);
  const std::string_view all(bytes);
  std::string frame;
  frame.reserve(kFramePrefix + bytes.size());
  PutNumber(frame, Checksum(all.substr(0, head)));
  PutNumber(frame, head);
  PutNumber(frame, Checksum(all.substr(head)));
  return frame += bytes;
}

// The size of the head of the record whose frame begins `frame` (at least its prefix).
uint64_t HeadSize(std::string_view frame) { return NumberAt(frame, 8); }

// The record in `frame`: the whole frame with `search`, else its first kFramePrefix + head
// bytes at least (pages::RecordFromBytes); false when a checksum does not hold or it is not
// a whole record.
bool Unframe(std::string_view frame, pages::Record& record, bool search = true) {
  if (frame.size() < kFramePrefix) return false;
  const uint64_t head = HeadSize(frame);
  if (head > frame.size() - kFramePrefix) return false;
  std::string_view bytes = frame.substr(kFramePrefix);
  if (NumberAt(frame, 0) != Checksum(bytes.substr(0, head))) return false;
  if (search && NumberAt(frame, 16) != Checksum(bytes.substr(head))) return false;
  try {
    record = pages::RecordFromBytes(search ? bytes : bytes.substr(0, head), search);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// A records file's name: records-<n>.pack. The next name is one no file in `dir` has (so
// the manifest on disk still names the file it read until the new manifest replaces it).
bool IsPackName(const std::string& name) {
  return name.rfind("records-", 0) == 0 && name.size() > 13 &&
         name.compare(name.size() - 5, 5, ".pack") == 0;
}
std::string NextPackName(const fs::path& dir) {
  long last = 0;
  boost::system::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (IsPackName(name)) last = std::max(last, std::strtol(name.c_str() + 8, nullptr, 10));
  }
  return "records-" + std::to_string(last + 1) + ".pack";
}

model::Diagnostic::Severity SeverityOf(const std::string& name) {
  return name == "error"     ? model::Diagnostic::Severity::kError
         : name == "warning" ? model::Diagnostic::Severity::kWarning
                             : model::Diagnostic::Severity::kNotice;
}

// Removes the records files in `dir` but `pack`, which the manifest names, and the folder of
// records of older versions.
void RemoveStale(const fs::path& dir, const std::string& pack) {
  std::vector<fs::path> stale{dir / kOldRecords, dir / kOldManifest};
  boost::system::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (IsPackName(it->path().filename().string()) && it->path().filename() != pack)
      stale.push_back(it->path());
  for (const auto& path : stale) fs::remove_all(path, ec);
}

// The manifest: what each input was when it was built, as lines of tab-separated fields (each
// escaped as the site's marker escapes a path: EscapeLine) rather than JSON: nlohmann
// read and wrote it as a tree of every input's files and diagnostics, ~0.1 s each way at
// N = 10,000 (the first line names the format; search.state is lines for the same reason):
//   gongkai manifest 2
//   templates <hash>                  (PerDocumentHash)
//   pack <records file>
//   input <name> <id> <size> <mtime_ns> <inode> <failed> <loaded> <record at> <record size>
//   file <path>                       (the input's files, after its input line)
//   diagnostic <severity> <line> <rule> <message>
// A record's place is "-" "-" where it has none in the records file.
const char kManifestHeader[] = "gongkai manifest 2\n";

void PutField(std::string& out, std::string_view field) {
  out += '\t';
  AppendEscapedLine(out, field);
}

// (Spans: a map of id -> Cache::Span, the records' places.)
template <typename Spans>
std::string ManifestText(const std::string& per_document_hash, const std::string& pack,
                         const std::map<std::string, CachedInput>& inputs, const Spans& records) {
  std::string out = kManifestHeader;
  out += "templates";
  PutField(out, per_document_hash);
  out += "\npack";
  PutField(out, pack);
  out += '\n';
  for (const auto& [name, in] : inputs) {
    out += "input";
    PutField(out, name);
    PutField(out, in.id);
    for (int64_t n : {in.stamp.size, in.stamp.mtime_ns, in.stamp.inode,
                      int64_t(in.failed), int64_t(in.loaded)})
      PutField(out, std::to_string(n));
    auto it = records.find(in.id);
    PutField(out, it == records.end() ? "-" : std::to_string(it->second.at));
    PutField(out, it == records.end() ? "-" : std::to_string(it->second.size));
    out += '\n';
    for (const auto& f : in.files) {
      out += "file";
      PutField(out, f);
      out += '\n';
    }
    for (const auto& dg : in.diagnostics) {
      out += "diagnostic";
      PutField(out, model::SeverityName(dg.severity));
      PutField(out, std::to_string(dg.line));
      PutField(out, dg.rule);
      PutField(out, dg.message);
      out += '\n';
    }
  }
  return out;
}

// The manifest's inputs and records (by id) and its records file, when it is one of this
// format written with `per_document_hash`; false for anything else (everything is built).
template <typename Spans>
bool ReadManifest(std::string_view text, const std::string& per_document_hash,
                  std::map<std::string, CachedInput>& inputs, Spans& records, std::string& pack) {
  if (text.substr(0, sizeof kManifestHeader - 1) != kManifestHeader) return false;
  text.remove_prefix(sizeof kManifestHeader - 1);
  bool templates = false;
  CachedInput* in = nullptr;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    if (end == std::string_view::npos) return false;  // cut short
    const std::vector<std::string_view> f = model::TabFields(text.substr(0, end));
    text.remove_prefix(end + 1);
    if (f[0] == "templates" && f.size() == 2) {
      templates = UnescapeLine(f[1]) == per_document_hash;
    } else if (f[0] == "pack" && f.size() == 2) {
      pack = UnescapeLine(f[1]);
    } else if (f[0] == "input" && f.size() == 10) {
      in = &inputs[UnescapeLine(f[1])];
      in->id = UnescapeLine(f[2]);
      int failed = 0, loaded = 0;
      if (!model::WholeNumber(f[3], in->stamp.size) || !model::WholeNumber(f[4], in->stamp.mtime_ns) ||
          !model::WholeNumber(f[5], in->stamp.inode) || !model::WholeNumber(f[6], failed) || !model::WholeNumber(f[7], loaded))
        return false;
      in->failed = failed;
      in->loaded = loaded;
      uint64_t at = 0, size = 0;
      if (model::WholeNumber(f[8], at) && model::WholeNumber(f[9], size)) records[in->id] = {at, size};
    } else if (f[0] == "file" && f.size() == 2 && in) {
      in->files.push_back(UnescapeLine(f[1]));
    } else if (f[0] == "diagnostic" && f.size() == 5 && in) {
      model::Diagnostic dg{SeverityOf(std::string(f[1])), 0, UnescapeLine(f[4]), UnescapeLine(f[3])};
      if (!model::WholeNumber(f[2], dg.line)) return false;
      in->diagnostics.push_back(std::move(dg));
    } else {
      return false;
    }
  }
  return templates;
}

}  // namespace

// The records file the last build wrote, open for reading from every thread (pread).
class Cache::Pack {
 public:
  explicit Pack(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Pack() {
    if (fd_ >= 0) ::close(fd_);
  }
  Pack(const Pack&) = delete;
  Pack& operator=(const Pack&) = delete;

  /// The `size` bytes at `at` into `out`; false if they cannot all be read.
  bool Read(uint64_t at, uint64_t size, std::string& out) const {
    if (fd_ < 0) return false;
    out.resize(size);
    for (uint64_t done = 0; done < size;) {
      const ssize_t n = ::pread(fd_, out.data() + done, size - done, static_cast<off_t>(at + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<uint64_t>(n);
    }
    return true;
  }

 private:
  int fd_;
};

FileStamp StampOf(const struct stat& st) {
  return {static_cast<int64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
          static_cast<int64_t>(st.st_ino)};
}

FileStamp Stamp(const fs::path& p) {
  struct stat st;
  if (::stat(p.string().c_str(), &st) != 0) return {};
  FileStamp stamp = StampOf(st);
  if (!S_ISDIR(st.st_mode)) return stamp;
  // A folder is one disclosure of several files: it changed when any of them did (their sizes
  // and times folded together with the folder's own, which changes when a file comes or goes).
  boost::system::error_code ec;
  for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
    if (!ingest::IsDisclosureFile(it->path().filename().string())) continue;
    FileStamp f = Stamp(it->path());
    stamp.size = stamp.size * 31 + f.size;
    stamp.mtime_ns = std::max(stamp.mtime_ns, f.mtime_ns) + (f.size & 1);
    stamp.inode = stamp.inode * 31 + f.inode;
  }
  return stamp;
}

// Read from the loaded objects' notes rather than by hashing the files: free, where hashing a
// debug build's 80 MB binary took 0.3 s of every build.
std::string LoadedBuildIds() {
  std::string ids;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        auto& ids = *static_cast<std::string*>(out);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* const end = p + ph.p_memsz;
          while (end - p >= static_cast<ptrdiff_t>(sizeof(ElfW(Nhdr)))) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + ((note->n_namesz + 3) & ~3u);
            const char* next = desc + ((note->n_descsz + 3) & ~3u);
            if (next > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              ids += ingest::Hex(std::string_view(desc, note->n_descsz)) + ';';
            }
            p = next;
          }
        }
        return 0;
      },
      &ids);
  return ids;
}

const std::string& BinaryIdentity() {
  static const std::string identity = [] {
    std::string ids = LoadedBuildIds();
    // Without the executable's build id (linked with --build-id=none) a changed gongkai could
    // not be told from the last one: this process's own identity then, so nothing is reused.
    if (ids.empty())
      ids = "unidentified:" + std::to_string(::getpid()) + ":" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    return ingest::Sha256Hex(std::string(GONGKAI_VERSION) + '\0' + ids);
  }();
  return identity;
}

std::string PerDocumentHash(const std::map<std::string, std::string>& templates) {
  return ingest::Sha256Hex(BinaryIdentity() + '\0' + templates.at("layout.html") +
                           '\0' + templates.at("department.md") + '\0' +
                           templates.at("source.html"));
}

std::string TemplatesHash(const std::map<std::string, std::string>& templates) {
  std::string all = BinaryIdentity();
  for (const auto& [name, text] : templates) all += '\0' + name + '\0' + text;
  return ingest::Sha256Hex(all);
}

// The cross pages' keys in `dir` (none where they cannot be read), removed from it.
std::unordered_map<std::string, std::string> TakePageKeys(const fs::path& dir) {
  std::unordered_map<std::string, std::string> keys;
  std::string text;
  if (ReadWholeFile((dir / kPageKeys).string(), text)) {
    json j = json::parse(text, nullptr, false);
    if (j.is_object())
      for (const auto& [path, key] : j.items())
        if (key.is_string()) keys[path] = key.get<std::string>();
  }
  boost::system::error_code ec;
  fs::remove(dir / kPageKeys, ec);
  return keys;
}

Cache Cache::Load(const fs::path& dir, bool usable, const std::string& per_document_hash) {
  Cache cache;
  cache.dir_ = dir;
  std::unordered_map<std::string, std::string> page_keys = TakePageKeys(dir);
  FileBytes text;
  if (!usable || !text.Read((dir / kManifest).string())) return cache;
  if (!ReadManifest(text.view(), per_document_hash, cache.inputs_, cache.records_, cache.pack_name_)) {
    cache.inputs_.clear();  // a damaged or foreign manifest: build everything
    cache.records_.clear();
    cache.pack_name_.clear();
    return cache;
  }
  cache.usable_ = true;
  cache.page_keys_ = std::move(page_keys);
  if (!IsPackName(cache.pack_name_)) return cache;
  auto pack = std::make_shared<const Pack>(dir / cache.pack_name_);
  std::string header;
  if (pack->Read(0, kPackHeaderSize, header) && header == kPackHeader) cache.pack_ = std::move(pack);
  return cache;
}

CachedInput* Cache::Reusable(const std::string& name, const std::string& id,
                             const FileStamp& stamp) {
  auto it = inputs_.find(name);
  if (it == inputs_.end()) return nullptr;
  CachedInput& in = it->second;
  return in.id == id && in.stamp.size == stamp.size && in.stamp.mtime_ns == stamp.mtime_ns &&
                 in.stamp.inode == stamp.inode
             ? &in
             : nullptr;
}

bool Cache::LoadRecord(const std::string& id, pages::Record& record, bool search) const {
  auto it = records_.find(id);
  if (!pack_ || it == records_.end()) return false;
  const Span& span = it->second;
  thread_local std::string frame;  // (a build reads thousands, on every core)
  const uint64_t first = search ? span.size : std::min<uint64_t>(span.size, kFramePrefix + kHeadGuess);
  if (first < kFramePrefix || !pack_->Read(span.at, first, frame)) return false;
  if (const uint64_t head = HeadSize(frame);
      !search && head <= span.size - kFramePrefix && kFramePrefix + head > first &&
      !pack_->Read(span.at, kFramePrefix + head, frame))
    return false;
  return Unframe(frame, record, search) && record.id == id;
}

bool Cache::LoadSearch(const std::string& id, std::vector<render::SearchEntry>& entries) const {
  pages::Record record;
  if (!LoadRecord(id, record)) return false;
  entries = std::move(record.search);
  return true;
}

std::vector<std::string> Cache::RecordIds() const {
  std::vector<std::string> ids;
  ids.reserve(records_.size());
  for (const auto& [id, span] : records_) ids.push_back(id);
  return ids;
}

void Cache::Forget() const {
  boost::system::error_code ec;
  fs::remove(dir_ / kManifest, ec);
}

const std::string& Cache::PageKey(const std::string& path) const {
  static const std::string kNone;
  auto it = page_keys_.find(path);
  return it == page_keys_.end() ? kNone : it->second;
}

Cache::Written Cache::WriteRecords(const std::map<std::string, CachedInput>& inputs,
                                  const std::vector<const pages::Record*>& built) const {
  // The records kept where they are: of the inputs not built this time.
  std::map<std::string, const pages::Record*> fresh;
  for (const auto* r : built) fresh[r->id] = r;
  Written w;
  uint64_t kept = 0;
  if (pack_)
    for (const auto& [name, in] : inputs)
      if (auto it = records_.find(in.id); it != records_.end() && !fresh.count(in.id)) {
        w.at[in.id] = it->second;
        kept += it->second.size;
      }
  // Appended to the last file, unless more than half of it is records no input has now.
  boost::system::error_code ec;
  const uint64_t old_size = pack_ ? fs::file_size(dir_ / pack_name_, ec) : 0;
  const bool append = pack_ && !ec && old_size - kPackHeaderSize - kept <= kept;
  w.pack = append ? pack_name_ : NextPackName(dir_);
  std::ofstream out((dir_ / w.pack).string(),
                    std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  uint64_t end = append ? old_size : 0;
  auto put = [&](const std::string& id, const std::string& frame) {
    out.write(frame.data(), static_cast<std::streamsize>(frame.size()));
    w.at[id] = {end, frame.size()};
    end += frame.size();
  };
  if (!append) {
    out << kPackHeader;
    end = kPackHeaderSize;
    std::string frame;
    for (auto it = w.at.begin(); it != w.at.end();)
      if (pack_->Read(it->second.at, it->second.size, frame)) {
        put(it->first, frame);
        ++it;
      } else {
        it = w.at.erase(it);  // its input is built again next time
      }
  }
  for (const auto& [id, r] : fresh) put(id, Frame(*r));
  out.close();
  // Not written whole: the records written this time are not named (their inputs are built
  // again next time); of a new file, none.
  if (!out)
    for (auto it = w.at.begin(); it != w.at.end();)
      it = !append || fresh.count(it->first) ? w.at.erase(it) : std::next(it);
  return w;
}

void Cache::Save(const std::string& per_document_hash,
                 const std::map<std::string, CachedInput>& inputs,
                 const std::vector<const pages::Record*>& built,
                 const std::map<std::string, std::string>& page_keys) const {
  Commit(Prepare(per_document_hash, inputs, built, page_keys));
}

Cache::Prepared Cache::Prepare(const std::string& per_document_hash,
                               const std::map<std::string, CachedInput>& inputs,
                               const std::vector<const pages::Record*>& built,
                               const std::map<std::string, std::string>& page_keys) const {
  boost::system::error_code ec;
  fs::create_directories(dir_, ec);
  const Written records = WriteRecords(inputs, built);
  return {records.pack, ManifestText(per_document_hash, records.pack, inputs, records.at),
          json(page_keys).dump() + "\n"};
}

void Cache::Commit(const Prepared& prepared) const {
  if (!WriteFileAtomically((dir_ / kManifest).string(), prepared.manifest)) return;
  RemoveStale(dir_, prepared.pack);
  WriteFileAtomically((dir_ / kPageKeys).string(), prepared.page_keys);
}

}  // namespace gongkai::site

// Whole files in and out, for the site stage.
#include "site/files.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace gongkai::site {

namespace {

// read(2) of up to `n` bytes at the file's offset, again where a signal interrupted it.
ssize_t ReadSome(int fd, char* at, size_t n) {
  ssize_t got;
  while ((got = ::read(fd, at, n)) < 0 && errno == EINTR) {
  }
  return got;
}

}  // namespace

bool ReadFromFd(int fd, size_t size, std::string& out) {
  out.resize(size);
  size_t done = 0;
  bool ok = true;
  while (done < out.size()) {
    const ssize_t got = ReadSome(fd, out.data() + done, out.size() - done);
    ok = got >= 0;
    if (got <= 0) break;
    done += static_cast<size_t>(got);
  }
  out.resize(done);
  return ok;
}

bool ReadWholeFile(const std::string& path, std::string& out) {
  // open, fstat, read, close rather than an ifstream, which seeks to the end and back for the
  // size and reads through a buffer of its own: a department added or removed at N = 10,000
  // reads ~10,000 of the last search index's files, a few syscalls each.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out.clear();
  struct stat st;
  const bool sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  bool ok = true;
  if (sized) ok = ReadFromFd(fd, static_cast<size_t>(st.st_size), out);  // straight into `out`
  // What has no size (a pipe): read to its end. (A file is read as large as it was when it
  // was opened; one written meanwhile is a race with or without another read.)
  if (ok && !sized) {
    char buffer[1 << 16];
    for (ssize_t got; (got = ReadSome(fd, buffer, sizeof buffer)) != 0;) {
      if (got < 0) {
        ok = false;
        break;
      }
      out.append(buffer, static_cast<size_t>(got));
    }
  }
  ::close(fd);
  return ok;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    Clear();
    map_ = std::exchange(other.map_, nullptr);
    size_ = std::exchange(other.size_, 0);
    read_ = std::move(other.read_);
    other.read_.clear();
  }
  return *this;
}

void FileBytes::Clear() {
  if (map_) ::munmap(const_cast<char*>(map_), size_);
  map_ = nullptr;
  size_ = 0;
  read_.clear();
}

bool FileBytes::Read(const std::string& path) {
  Clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) >= kMapBytes) {
    // Mapped with its pages (MAP_POPULATE: one call, not a fault per page).
    void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                       MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (map != MAP_FAILED) {
      ::close(fd);
      map_ = static_cast<const char*>(map);
      size_ = static_cast<size_t>(st.st_size);
      return true;
    }
  }
  ::close(fd);
  return ReadWholeFile(path, read_);  // small, or not to be mapped (a pipe)
}

uint64_t SizeOf(const Pieces& pieces) {
  uint64_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  return size;
}

bool WriteWholeFile(const std::string& path, const std::string& content) {
  return WriteWholeFile(path, Pieces{content});
}

// open, writev, close rather than an ofstream: the pieces of a spliced CSV go to the kernel as
// they lie (runs of a mapped file), each write of at most IOV_MAX of them, again where it
// wrote fewer bytes than asked or a signal interrupted it.
bool WriteWholeFile(const std::string& path, const Pieces& pieces) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  std::vector<struct iovec> left;
  left.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) left.push_back({const_cast<char*>(p.data()), p.size()});
  bool ok = true;
  for (size_t first = 0; ok && first < left.size();) {
    const int count = static_cast<int>(std::min<size_t>(left.size() - first, IOV_MAX));
    ssize_t wrote = ::writev(fd, left.data() + first, count);
    if (wrote <= 0) {
      ok = wrote < 0 && errno == EINTR;
      continue;
    }
    for (; first < left.size() && static_cast<size_t>(wrote) >= left[first].iov_len; ++first)
      wrote -= static_cast<ssize_t>(left[first].iov_len);
    if (wrote > 0) {  // the rest of a piece written in part
      left[first].iov_base = static_cast<char*>(left[first].iov_base) + wrote;
      left[first].iov_len -= static_cast<size_t>(wrote);
    }
  }
  return ::close(fd) == 0 && ok;
}

bool WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFileAtomically(path, Pieces{content});
}

bool WriteFileAtomically(const std::string& path, const Pieces& pieces) {
  const std::string tmp = path + kTempSuffix;
  return WriteWholeFile(tmp, pieces) && ::rename(tmp.c_str(), path.c_str()) == 0;
}

PathSet::PathSet(std::initializer_list<std::string_view> paths) {
  for (std::string_view p : paths) Insert(p);
}

PathSet::PathSet(const std::unordered_set<std::string>& paths) {
  set_.reserve(paths.size());
  for (const auto& p : paths) Insert(p);
}

void PathSet::ReadLines(FileBytes text, size_t skip) {
  text_ = std::make_unique<FileBytes>(std::move(text));
  std::string_view rest = text_->view();
  rest.remove_prefix(std::min(skip, rest.size()));
  set_.reserve(set_.size() + static_cast<size_t>(std::count(rest.begin(), rest.end(), '\n')) + 1);
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(rest.size(), end + 1));
    if (line.empty()) continue;
    if (line.find('%') == std::string_view::npos) set_.insert(line);
    else Insert(UnescapeLine(line));
  }
}

void PathSet::Insert(std::string_view path) {
  if (set_.count(path)) return;
  own_.emplace_back(path);
  set_.insert(own_.back());
}

std::string_view PathSet::Find(std::string_view path) const {
  auto it = set_.find(path);
  return it == set_.end() ? std::string_view() : *it;
}

std::string FolderOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash));
}

bool CopyWholeFile(const std::string& from, const std::string& to) {
  std::string bytes;
  return ReadWholeFile(from, bytes) && WriteWholeFile(to, bytes);
}

namespace {

bool Escaped(unsigned char c) { return c < 0x20 || c == '%' || c == 0x7f; }

}  // namespace

// (Both with a fast way for the common line, which has nothing to escape: a marker or a
// manifest has ~150k lines at N = 10,000, and a character appended at a time was most of
// reading and writing them.)
std::string EscapeLine(std::string_view s) {
  std::string out;
  AppendEscapedLine(out, s);
  return out;
}

void AppendEscapedLine(std::string& out, std::string_view s) {
  if (std::none_of(s.begin(), s.end(), [](char c) { return Escaped(static_cast<unsigned char>(c)); })) {
    out.append(s);
    return;
  }
  for (unsigned char c : s) {
    if (Escaped(c)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UnescapeLine(std::string_view s) {
  if (s.find('%') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = i + 2 < s.size() ? HexDigit(s[i + 1]) : -1;
    int lo = i + 2 < s.size() ? HexDigit(s[i + 2]) : -1;
    if (s[i] == '%' && hi >= 0 && lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace gongkai::site

// Disclosure -> Record, and the record's bytes in the build's cache.
#include "pages/record.h"

#include <cstdio>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "pages/search.h"
#include "render/overview.h"
#include "years/cross_year.h"

namespace gongkai::pages {

namespace {

// The metrics a cross page shows (compare.md, data/departments.csv).
const char* const kShownMetrics[] = {"basic_share",     "project_share",      "personnel_share",
                                     "public_share",    "carryover_share",    "three_public_share",
                                     "total_per_staff"};

// The record's bytes in the build's cache: its fields one after the other, in the order
// Fields lists them — an integer (or an enum, a bool) as a zigzag LEB128 varint, a string as
// its length then its bytes, a list as its count then its elements, an absent optional as 0
// and a present one as 1 then its value. Our own format rather than the JSON it replaces or
// nlohmann's binary forms: those read into a json tree first, and the tree is the cost.
// Measured on the 3,000 records of a generated corpus (22 KiB each as JSON, one thread,
// -O2): json::parse + reading the tree 0.73 s; json::from_msgpack 0.75 s, from_cbor 0.73 s,
// from_bjdata 0.83 s, for only 9% fewer bytes. These bytes, read straight into the record:
// 0.043 s (written in 0.046 s against 0.51 s for RecordToJson + dump), 12% fewer bytes than
// the JSON. One list of the fields (Fields) serves writing and reading, so they cannot
// disagree.

// The fields of each part of a record, in the order of their bytes; what a record keeps of
// them (not a row's note, a finding's figures, a claim's text).
template <typename A>
void Fields(A& a, model::Money& m) {
  int64_t fen = m.fen();
  int decimals = m.decimals();
  a(fen);
  a(decimals);
  m = model::Money::FromFen(fen, decimals);
}
template <typename A>
void Fields(A& a, model::Figure& f) {
  a(f.amount);
  a(f.line);
}
template <typename A>
void Fields(A& a, model::SourceInfo::File& f) {
  a(f.path);
  a(f.sha256);
  a(f.format);
  a(f.first_line);
  a(f.pages);
}
template <typename A>
void Fields(A& a, model::Claim& c) {
  a(c.kind);
  a(c.line);
  a(c.subject);
  a(c.amount);
  a(c.direction);
  a(c.base);
  a(c.base_line);
  a(c.previous_year);
  a(c.table);
}
template <typename A>
void Fields(A& a, model::Finding& f) {
  a(f.rule);
  a(f.severity);
  a(f.message);
  a(f.lines);
}
template <typename A>
void Fields(A& a, RowFigure& f) {  // the bytes of the model::MaybeFigure it keeps
  model::MaybeFigure figure = f;
  a(figure);
  f = figure;
}
template <typename A>
void Fields(A& a, FunctionalRow& f) {
  a(f.code);
  a(f.name);
  a(f.level);
  a(f.total);
  a(f.basic);
  a(f.project);
  a(f.line);
}
template <typename A>
void Fields(A& a, EconomicRow& e) {
  a(e.code);
  a(e.name);
  a(e.total);
  a(e.personnel);
  a(e.public_);
  a(e.line);
}
template <typename A>
void Fields(A& a, ClassAmount& c) {
  a(c.code);
  a(c.name);
  a(c.amount);
}
template <typename A>
void Fields(A& a, GlossaryEntry& g) {
  a(g.term);
  a(g.definition);
  a(g.line);
}
template <typename A>
void Fields(A& a, render::SearchEntry& s) {
  a(s.url);
  a(s.title);
  a(s.kind);
  a(s.dept);
  a(s.text);
}
template <typename A>
void Fields(A& a, model::YearFacts& y) {
  a(y.sure);
  a(y.prior);
  a(y.prior_index);
  a(y.headline);
}
template <typename A>
void Fields(A& a, Record& r) {
  a(r.id);
  a(r.source_path);
  a(r.failed);
  a(r.failure);
  a(r.department.name);
  a(r.department.region);
  a(r.department.level);
  a(r.year);
  a(r.kind);
  model::SourceInfo& s = r.source;
  a(s.path);
  a(s.files);
  a(s.page_starts);
  a(s.page_numbers);
  a(s.page_files);
  a(r.year_facts);
  model::YearPlace& p = r.years;
  a(p.key);
  a(p.previous);
  a(p.next);
  a(p.previous_year);
  a(p.next_year);
  a(p.count);
  for (auto* f : {&r.income_total, &r.expenditure_total, &r.current_income, &r.carryover_in,
                  &r.total, &r.basic, &r.project, &r.personnel, &r.public_, &r.spending,
                  &r.three_public})
    a(*f);
  a(r.tables);
  a(r.staff);
  a(r.findings);
  a(r.metrics);
  a(r.functional);
  a(r.economic);
  a(r.classes);
  a(r.glossary);
  a.Search(r.search);  // last: a record read without them (search_deferred) ends here
}

// Appends each field's bytes to `out`.
class Writer {
 public:
  std::string out;

  template <typename T>
  void operator()(T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Interned>) {
      const std::string& s = v;
      Varint(s.size());
      out += s;
    } else if constexpr (std::is_same_v<T, bool> || std::is_enum_v<T>) {
      Varint(static_cast<uint64_t>(v));
    } else if constexpr (std::is_integral_v<T>) {
      const int64_t s = v;
      Varint((static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63));  // zigzag
    } else {
      Fields(*this, v);
    }
  }
  template <typename T>
  void operator()(std::optional<T>& v) {
    Varint(v.has_value());
    if (v) (*this)(*v);
  }
  template <typename T>
  void operator()(std::vector<T>& v) {
    Varint(v.size());
    for (auto& e : v) (*this)(e);
  }
  template <typename A, typename B>
  void operator()(std::pair<A, B>& v) {
    (*this)(v.first);
    (*this)(v.second);
  }
  template <typename T>
  void operator()(Packed<T>& v) {
    out += v.bytes();
  }
  void Search(std::vector<render::SearchEntry>& v) {
    search_at = out.size();
    (*this)(v);
  }
  size_t search_at = 0;  // where the search entries begin

 private:
  void Varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7) out += static_cast<char>(v | 0x80);
    out += static_cast<char>(v);
  }
};

// Reads each field's bytes from `in`; throws std::runtime_error where they end early or do
// not make a field (a length past the end, a varint too long, a bool not 0 or 1).
class Reader {
 public:
  explicit Reader(std::string_view in, bool search = true) : in_(in), search_(search) {}
  bool AtEnd() const { return pos_ == in_.size(); }
  // The search entries; not `search_`, none: the bytes end where they would begin.
  void Search(std::vector<render::SearchEntry>& v) {
    if (search_) (*this)(v);
  }

  template <typename T>
  void operator()(T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Interned>) {
      const uint64_t n = Varint();
      if (n > in_.size() - pos_) Fail();
      if constexpr (std::is_same_v<T, std::string>) {
        if (!skip_) v.assign(in_.data() + pos_, n);
      } else {
        if (!skip_) v = Interned(in_.substr(pos_, n));
      }
      pos_ += n;
    } else if constexpr (std::is_same_v<T, bool>) {
      const uint64_t b = Varint();
      if (b > 1) Fail();
      v = b;
    } else if constexpr (std::is_enum_v<T>) {
      v = static_cast<T>(Varint());
    } else if constexpr (std::is_integral_v<T>) {
      const uint64_t u = Varint();
      const int64_t s = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
      if (s < std::numeric_limits<T>::min() || s > std::numeric_limits<T>::max()) Fail();
      v = static_cast<T>(s);
    } else {
      Fields(*this, v);
    }
  }
  template <typename T>
  void operator()(std::optional<T>& v) {
    bool present = false;
    (*this)(present);
    v.reset();
    if (present) (*this)(v.emplace());
  }
  template <typename T>
  void operator()(std::vector<T>& v) {
    const uint64_t n = Varint();
    if (n > in_.size() - pos_) Fail();  // every element takes a byte at least
    if (skip_) {  // each element read into one, not kept
      T e;
      for (uint64_t i = 0; i < n; ++i) (*this)(e);
      return;
    }
    v.clear();  // each element made once, as it is read (not made empty first, then overwritten)
    v.reserve(n);
    for (uint64_t i = 0; i < n; ++i) (*this)(v.emplace_back());
  }
  template <typename A, typename B>
  void operator()(std::pair<A, B>& v) {
    (*this)(v.first);
    (*this)(v.second);
  }
  // A packed value: read over (so its bytes are checked as the objects' would be, without
  // making its strings and lists: they are made when it is unpacked), and its bytes kept.
  template <typename T>
  void operator()(Packed<T>& v) {
    const size_t begin = pos_;
    const bool skip = skip_;
    skip_ = true;
    T value;
    (*this)(value);
    skip_ = skip;
    v = Packed<T>::FromBytes(std::string(in_.substr(begin, pos_ - begin)));
  }

 private:
  [[noreturn]] static void Fail() { throw std::runtime_error("not a whole record"); }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ == in_.size()) Fail();
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    Fail();
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool skip_ = false;  // reading over a packed value: strings and lists not kept
  bool search_ = true;  // the bytes go on with the search entries
};

// The bytes of `v`, no longer than they are (a string grown by appending keeps room to spare).
template <typename T>
std::string BytesOf(T& v) {
  Writer w;
  w(v);
  w.out.shrink_to_fit();
  return std::move(w.out);
}

}  // namespace

template <typename T>
Packed<T>::Packed(const T& value) : bytes_(BytesOf(const_cast<T&>(value))) {}  // only read

template <typename T>
T Packed<T>::Unpack() const {
  T value;
  Reader in(bytes_);
  in(value);
  return value;
}

template <typename T>
Packed<T> Packed<T>::FromBytes(std::string bytes) {
  return Packed(std::move(bytes), 0);
}

template class Packed<model::YearFacts>;

model::Disclosure YearsView(const Record& r, bool other_years) {
  model::Disclosure d;
  d.id = r.id;
  d.kind = r.kind;
  d.year = r.year;
  d.department = r.department;
  d.source = r.source;
  for (const auto& f : r.findings)
    if (years::IsCrossYearRule(f.rule)) d.findings.push_back(f);
  if (other_years) {
    d.metrics.reserve(r.metrics.size());
    for (const auto& [key, value] : r.metrics) {
      model::Metric m;
      m.key = key;
      m.value = std::stod(value);  // "12.34", printed again to 0.01 as it was
      d.metrics.push_back(std::move(m));
    }
    d.year_facts = r.year_facts.Unpack();
  } else {
    d.year_facts.headline = r.year_facts.Unpack().headline;
  }
  d.years = r.years;
  return d;
}

std::string Record::Metric(const std::string& key) const {
  for (const auto& [k, v] : metrics)
    if (k == key) return v;
  return "";
}

int Record::Count(model::Diagnostic::Severity s) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == s;
  return n;
}

Record MakeRecord(const model::Disclosure& d, bool failed, const std::string& failure) {
  Record r;
  r.id = d.id;
  r.source_path = d.source.path;
  r.failed = failed;
  r.failure = failure;
  r.department = {d.department.name, 0, d.department.region, d.department.level};
  r.year = d.year;
  r.kind = d.kind;
  r.source = d.source;
  r.year_facts = Packed<model::YearFacts>(d.year_facts);
  r.years = d.years;
  r.income_total = d.summary.income_total;
  r.expenditure_total = d.summary.expenditure_total;
  r.current_income = d.summary.current_income;
  r.carryover_in = d.summary.carryover_in;
  const auto& x = d.expenditure;
  r.total = x.total;
  r.basic = x.basic;
  r.project = x.project;
  r.personnel = x.personnel;
  r.public_ = x.public_;
  r.spending = render::SpendingOf(d).figure;
  r.three_public = d.three_public.total;
  r.tables = static_cast<int>(d.tables.size());
  r.staff = d.staff;
  r.findings.reserve(d.findings.size());  // (each list no longer than it is: many are kept)
  for (const auto& f : d.findings) r.findings.push_back({f.rule, f.severity, f.message, f.lines, {}, {}});
  for (const char* key : kShownMetrics)
    for (const auto& m : d.metrics)
      if (m.key == key && m.value) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", *m.value);
        r.metrics.emplace_back(key, buf);
        break;
      }
  r.functional.reserve(d.functional.size());
  for (const auto& f : d.functional)
    r.functional.push_back({f.code, f.name, f.level, f.total, f.basic, f.project, f.line});
  r.economic.reserve(d.economic.size());
  for (const auto& e : d.economic)
    r.economic.push_back({e.code, e.name, e.total, e.personnel, e.public_, e.line});
  r.classes.reserve(d.summary.expenditure_classes.size());
  for (const auto& c : d.summary.expenditure_classes) r.classes.push_back({c.code, c.name, c.amount});
  r.glossary.reserve(d.glossary.size());
  for (const auto& g : d.glossary) r.glossary.push_back({g.term, g.definition, g.line});
  if (!failed) {
    r.search = DepartmentSearchEntries(d);
    r.search.shrink_to_fit();
  }
  return r;
}

std::string RecordToBytes(const Record& r, size_t* search_at) {
  if (r.search_deferred) throw std::logic_error("record " + r.id + ": its search entries were not read");
  Writer w;
  Fields(w, const_cast<Record&>(r));  // the writer only reads
  if (search_at) *search_at = w.search_at;
  return std::move(w.out);
}

Record RecordFromBytes(std::string_view bytes, bool search) {
  Record r;
  Reader in(bytes, search);
  Fields(in, r);
  if (!in.AtEnd()) throw std::runtime_error("bytes after the record");
  r.search_deferred = !search;
  return r;
}

}  // namespace gongkai::pages

// `gongkai corpus`: parses the options, runs the generator, reports what it wrote.
#include "corpus/command.h"

#include <iostream>

#include <boost/filesystem.hpp>

#include "corpus/corpus.h"

namespace gongkai::cli {
namespace {

int Usage(const std::string& problem) {
  std::cerr << "gongkai: " << problem << "\n"
            << "usage: gongkai corpus --n N --seed S --out DIR [--from DIR] [--years Y]\n";
  return 2;
}

bool ParseCount(const std::string& s, uint64_t& out) {
  if (s.empty() || s.size() > 19) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  out = std::stoull(s);
  return true;
}

}  // namespace

int RunCorpus(const std::vector<std::string>& args, const std::string& data_dir) {
  corpus::CorpusOptions options;
  bool have_n = false, have_seed = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i + 1 >= args.size()) return Usage(a + " needs a value");
    const std::string& v = args[++i];
    if (a == "--n") {
      if (!ParseCount(v, options.n)) return Usage("--n needs a whole number, not " + v);
      have_n = true;
    } else if (a == "--seed") {
      if (!ParseCount(v, options.seed)) return Usage("--seed needs a whole number, not " + v);
      have_seed = true;
    } else if (a == "--out") {
      options.out_dir = v;
    } else if (a == "--from") {
      options.from_dir = v;
    } else if (a == "--years") {
      uint64_t years = 0;
      if (!ParseCount(v, years) || years < 1 || years > 50)
        return Usage("--years needs a whole number from 1 to 50, not " + v);
      options.years = static_cast<int>(years);
    } else {
      return Usage("unknown option for corpus: " + a);
    }
  }
  if (!have_n) return Usage("corpus needs --n N, the number of disclosures to write");
  if (!have_seed) return Usage("corpus needs --seed S (the same seed writes the same files)");
  if (options.out_dir.empty()) return Usage("corpus needs --out DIR");
  if (options.from_dir.empty()) {
    boost::system::error_code ec;
    options.from_dir = boost::filesystem::is_directory("content", ec) ? "content"
                                                                       : data_dir + "/content";
  }
  corpus::CorpusReport report = corpus::GenerateCorpus(options);
  for (const auto& e : report.errors) std::cerr << "gongkai: error: " << e << "\n";
  for (const auto& n : report.notes) std::cerr << "gongkai: note: " << n << "\n";
  if (report.fatal) return 2;
  std::cerr << "wrote " << report.written << " disclosures made from " << report.sources.size()
            << (report.sources.size() == 1 ? " source" : " sources") << " into "
            << options.out_dir << ", with MANIFEST.tsv";
  uint64_t injected = 0;
  for (const auto& [rule, count] : report.injected) injected += count;
  if (injected) {
    std::cerr << "; injected:";
    for (const auto& [rule, count] : report.injected) std::cerr << " " << rule << " " << count;
  }
  if (report.series) {
    std::cerr << "; " << report.series << " series of up to " << options.years << " years";
    for (const auto& [rule, count] : report.planted) std::cerr << ", planted " << rule << " " << count;
  }
  if (report.injection_missed)
    std::cerr << "; " << report.injection_missed << " due an injection kept clean (no figure made "
              << "its rule fire)";
  std::cerr << "\n";
  return report.errors.empty() ? 0 : 1;
}

}  // namespace gongkai::cli

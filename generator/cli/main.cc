// gongkai command line: the only code that prints or exits.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "corpus/command.h"
#include "ingest/document.h"
#include "model/json.h"
#include "pipeline/process.h"
#include "site/build.h"

#ifdef GONGKAI_JEMALLOC
// jemalloc's options (CMakeLists.txt links it): the memory it takes from the system is marked
// for transparent huge pages (where the kernel grants them on request, "madvise"), so a build
// takes a page fault per 2 MiB of what it allocates rather than per 4 KiB. An edit at
// N = 10,000 allocates ~200 MB afresh (the cached records, the manifest, the placed files) and
// its page faults were about a fifth of its time (perf; README, Benchmark). One arena rather
// than jemalloc's four per core: a build runs each phase on threads of its own, and memory one
// thread freed is taken again by the next only from the same arena; with one, the next phase's
// strings land in pages touched already. An edit at N = 10,000, a few seconds after the last
// build: 1.30-1.49 s against 1.48-1.65 s (six each, in turn), an input removed or added
// 1.84-2.02 s against 1.96-2.49 s; a full build neither faster nor slower (37-40 s against
// 35-38 s), peak RSS 707-712 against 765-770 MiB. MALLOC_CONF in the environment still
// overrides it.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,narenas:1";
}
#endif

namespace {

// The process's resident memory now, in KiB (VmRSS of /proc/self/status; 0 where there is
// none): GONGKAI_TIMING prints it after each phase. On a virtual machine a page touched for
// the first time can cost more than the work done in it, so memory is time.
long ResidentKiB() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kib = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, "VmRSS:", 6) == 0) kib = std::strtol(line + 6, nullptr, 10);
  std::fclose(f);
  return kib;
}

// The process's CPU time so far (user and system, every thread), in seconds.
double CpuSeconds() {
  struct rusage u;
  if (::getrusage(RUSAGE_SELF, &u) != 0) return 0;
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

constexpr const char* kUsage =
    "usage: gongkai <command> [options]\n"
    "\n"
    "commands:\n"
    "  parse FILE             print the parsed disclosure as JSON (disclosure.schema.json)\n"
    "  check FILE...          check each disclosure against itself; one line per finding,\n"
    "                         path:line: severity: message [rule-id]; exit 1 on any error\n"
    "                         (FILE - reads standard input, named <stdin> in messages)\n"
    "  build [--content DIR] [--out DIR]\n"
    "                         build the site from the disclosures in DIR (default content/)\n"
    "                         into --out (default site/); --templates DIR and\n"
    "                         --assets DIR choose other templates and assets;\n"
    "                         --base-url URL also writes sitemap.xml; --jobs N threads\n"
    "                         (default: one per core); rebuilds only what changed;\n"
    "                         replaces --out only if gongkai made it (--force: anyway)\n"
    "  corpus --n N --seed S --out DIR [--from DIR] [--years Y]\n"
    "                         write N synthetic disclosures made from those in --from\n"
    "                         (default content/) and DIR/MANIFEST.tsv; same seed, same bytes;\n"
    "                         --years Y: each department in Y consecutive years\n"
    "\n"
    "options:\n"
    "  -h, --help             show this help\n"
    "  --version              show the version\n"
    "\n"
    "exit status: 0 success; 1 a file could not be read or parsed, or an entry of the\n"
    "content folder was not read (the others are still processed); 2 usage error.\n";

int Usage(const std::string& problem) {
  std::cerr << "gongkai: " << gongkai::ingest::PrintableName(problem) << "\n\n" << kUsage;
  return 2;
}

// Names and messages as shown: a file name's bytes that are not UTF-8 and its control
// characters escaped, so each diagnostic is one line of text.
std::string Shown(const std::string& text) { return gongkai::ingest::PrintableName(text); }

void PrintDiagnostics(const std::string& path,
                      const std::vector<gongkai::model::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cerr << Shown(path);
    if (d.line > 0) std::cerr << ":" << d.line;
    std::cerr << ": " << gongkai::model::SeverityName(d.severity) << ": " << Shown(d.message);
    if (!d.rule.empty()) std::cerr << " [" << d.rule << "]";
    std::cerr << "\n";
  }
}

// "-" names standard input, shown as "<stdin>".
std::string ShownPath(const std::string& arg) { return arg == "-" ? "<stdin>" : arg; }

// One input through the pipeline; "-" is standard input.
gongkai::pipeline::Processed Process(const std::string& arg) {
  if (arg != "-") return gongkai::pipeline::Process(arg);
  gongkai::ingest::Document doc;
  std::vector<gongkai::model::Diagnostic> diagnostics;
  if (!gongkai::ingest::ReadStream(std::cin, ShownPath(arg), doc, diagnostics))
    return gongkai::pipeline::Unread(ShownPath(arg), std::move(diagnostics));
  return gongkai::pipeline::Process(std::move(doc));
}

int RunParse(const std::vector<std::string>& args) {
  if (args.size() != 1) return Usage("parse takes exactly one FILE");
  const std::string path = ShownPath(args[0]);
  gongkai::pipeline::Processed p = Process(args[0]);
  PrintDiagnostics(path, p.diagnostics);
  if (!p.read) return 1;
  std::cout << gongkai::model::ToJson(p.disclosure).dump(2) << "\n";
  return p.Failed() ? 1 : 0;
}

// gongkai check FILE...: one line per finding, `path:line: severity: message [rule-id]`;
// exit 1 when any file has an error finding or could not be parsed.
int RunCheck(const std::vector<std::string>& args) {
  if (args.empty()) return Usage("check takes one or more FILEs");
  bool error = false;
  for (const auto& arg : args) {
    const std::string path = ShownPath(arg);
    gongkai::pipeline::Processed p = Process(arg);
    PrintDiagnostics(path, p.diagnostics);
    if (p.Failed()) {
      error = true;
      continue;
    }
    for (const auto& f : p.disclosure.findings) {
      std::cout << Shown(path) << ":" << f.lines.front() << ": "
                << gongkai::model::SeverityName(f.severity) << ": " << Shown(f.message);
      if (f.lines.size() > 1) {
        std::cout << " (see line";
        if (f.lines.size() > 2) std::cout << "s";
        for (size_t i = 1; i < f.lines.size(); ++i) std::cout << (i > 1 ? ", " : " ") << f.lines[i];
        std::cout << ")";
      }
      std::cout << " [" << f.rule << "]\n";
      error |= f.severity == gongkai::model::Diagnostic::Severity::kError;
    }
  }
  return error ? 1 : 0;
}

int RunBuild(const std::vector<std::string>& args) {
  gongkai::site::BuildOptions options;
  bool explicit_templates = false, explicit_assets = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    if (a == "--content") {
      if (!value(options.content_dir)) return Usage("--content needs a directory");
    } else if (a == "--out") {
      if (!value(options.out_dir)) return Usage("--out needs a directory");
    } else if (a == "--templates") {
      if (!value(options.templates_dir)) return Usage("--templates needs a directory");
      explicit_templates = true;
    } else if (a == "--jobs") {
      std::string n;
      if (!value(n) || n.empty() || n.find_first_not_of("0123456789") != std::string::npos ||
          n.size() > 3 || std::stoi(n) < 1)
        return Usage("--jobs needs a number of threads (1 or more)");
      options.jobs = std::stoi(n);
    } else if (a == "--base-url") {
      if (!value(options.base_url)) return Usage("--base-url needs a URL");
    } else if (a == "--force") {
      options.force = true;
    } else if (a == "--assets") {
      if (!value(options.assets_dir)) return Usage("--assets needs a directory");
      explicit_assets = true;
    } else {
      return Usage("unknown option for build: " + a);
    }
  }
  // "site/" is the folder "site": the build stages beside it ("site.building"), and with the
  // slash kept that would land inside it. ".", ".." and "/" have no "beside".
  while (options.out_dir.size() > 1 && options.out_dir.back() == '/') options.out_dir.pop_back();
  {
    size_t slash = options.out_dir.find_last_of('/');
    std::string last = slash == std::string::npos ? options.out_dir : options.out_dir.substr(slash + 1);
    if (last.empty() || last == "." || last == "..")
      return Usage("--out must name a folder of its own, not " + options.out_dir);
  }
  // Templates and assets: the ones in the working directory, else those of the source tree
  // this binary was built from, so `gongkai build` works from any directory.
  namespace fs = boost::filesystem;
  boost::system::error_code ec;
  if (!explicit_templates && !fs::is_directory(options.templates_dir, ec))
    options.templates_dir = std::string(GONGKAI_DATA_DIR) + "/templates";
  if (!explicit_assets && !fs::is_directory(options.assets_dir, ec))
    options.assets_dir = std::string(GONGKAI_DATA_DIR) + "/assets";
  // Progress on a terminal (not in CI); phase times with GONGKAI_TIMING=1, for profiling.
  bool progress_shown = false;
  auto clear_progress = [&] {
    if (progress_shown) std::fprintf(stderr, "\r%*s\r", 60, "");
    progress_shown = false;
  };
  if (std::getenv("CI") == nullptr && isatty(STDERR_FILENO))
    options.on_progress = [&](size_t done, size_t total, double secs) {
      double rate = secs > 0 ? done / secs : 0;
      double left = rate > 0 ? (total - done) / rate : 0;
      std::fprintf(stderr, "\r%zu / %zu disclosures, %.0f/s, %.0f s left   ", done, total, rate,
                   left);
      progress_shown = true;
    };
  const bool timing = std::getenv("GONGKAI_TIMING") != nullptr;
  double cpu = CpuSeconds();
  if (timing)  // (CPU time against wall time: a phase at 1.0 kept one core busy)
    options.on_phase = [&](const std::string& phase, double secs) {
      clear_progress();
      const double now = CpuSeconds();
      std::fprintf(stderr, "  %-28s %.2f s  %.2f s CPU  %5ld MB resident\n", phase.c_str(), secs,
                   now - cpu, ResidentKiB() >> 10);
      cpu = now;
    };
  options.leave_memory = true;  // the process ends once the report is printed
  gongkai::site::BuildReport report = gongkai::site::BuildSite(options);
  clear_progress();
  if (timing && report.checksummed)
    std::fprintf(stderr, "  SHA256SUMS: %zu files, %zu hashed\n", report.checksummed,
                 report.hashed);
  if (timing)
    std::fprintf(stderr, "  search index: %s, %zu files made\n",
                 report.search_whole ? "whole" : "from the last build's", report.search_made);
  for (const auto& f : report.files) PrintDiagnostics(f.path, f.diagnostics);
  PrintDiagnostics("gongkai", report.errors);
  if (report.fatal) return 2;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::cerr << "built " << report.built << " disclosures, " << report.pages << " pages in "
            << seconds << " s";
  if (report.reused) std::cerr << " (" << report.reused << " unchanged, not parsed again)";
  if (report.failed) std::cerr << "; " << report.failed << " could not be parsed";
  if (report.skipped) std::cerr << "; " << report.skipped << " not read (see above)";
  std::cerr << "\n";
  return report.failed || report.skipped ? 1 : 0;
}

int Run(const std::vector<std::string>& args) {
  if (args.empty()) return Usage("no command given");
  const std::string cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "gongkai " << GONGKAI_VERSION << "\n";
    return 0;
  }
  for (const auto& a : rest)
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
  if (cmd == "parse") return RunParse(rest);
  if (cmd == "build") return RunBuild(rest);
  if (cmd == "check") return RunCheck(rest);
  if (cmd == "corpus") return gongkai::cli::RunCorpus(rest, GONGKAI_DATA_DIR);
  return Usage("unknown command: " + cmd);
}

}  // namespace

// Every exception that reaches the top becomes a diagnostic and exit status 2, never an abort.
int main(int argc, char** argv) {
  try {
    return Run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "gongkai: error: internal error: " << Shown(e.what())
              << " (please report it) [internal]\n";
  } catch (...) {
    std::cerr << "gongkai: error: internal error: unknown exception (please report it)"
                 " [internal]\n";
  }
  return 2;
}

// `gongkai corpus`: options and messages of the benchmark's corpus generator (bench/corpus/).
#pragma once

#include <string>
#include <vector>

namespace gongkai::cli {

/// Runs `gongkai corpus --n N --seed S --out DIR [--from DIR] [--years Y]`; `data_dir` is the source tree
/// whose content/ is the default --from when the working directory has none. Returns the exit
/// status: 0 written, 1 written but a source could not be used, 2 usage error or nothing written.
int RunCorpus(const std::vector<std::string>& args, const std::string& data_dir);

}  // namespace gongkai::cli

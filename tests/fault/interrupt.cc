// A test shim, loaded with LD_PRELOAD into `gongkai build`, that stops the build the way a
// power cut or `kill -9` would, at a chosen step of changing the file system, so
// tests/publish_test.sh can check that the site is always the whole old or the whole new one.
// It lives in the tests so the product carries no fault hooks.
//
// GONGKAI_KILL_AT=N      SIGKILL the process just before its Nth rename, unlink or rmdir
//                        (of a path containing GONGKAI_KILL_PATH, when that is set)
// GONGKAI_KILL_LOG=FILE  append "N call path" for every counted step (to see the steps)
// GONGKAI_EXCHANGE_ERRNO=E  renameat2(RENAME_EXCHANGE) fails with errno E (16 = EBUSY, a
//                        mount point; 22 = EINVAL, a file system without exchange)
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" {

static int steps;

static void step(const char* call, const char* path) {
  const char* match = getenv("GONGKAI_KILL_PATH");
  if (match && (path == nullptr || strstr(path, match) == NULL)) return;
  int n = __atomic_add_fetch(&steps, 1, __ATOMIC_SEQ_CST);
  const char* log = getenv("GONGKAI_KILL_LOG");
  if (log) {
    FILE* f = fopen(log, "a");
    if (f) {
      fprintf(f, "%d %s %s\n", n, call, path ? path : "");
      fclose(f);
    }
  }
  const char* at = getenv("GONGKAI_KILL_AT");
  if (at && atoi(at) == n) raise(SIGKILL);
}

#define REAL(name, type) (reinterpret_cast<type>(dlsym(RTLD_NEXT, name)))

int rename(const char* from, const char* to) {
  step("rename", from);
  return REAL("rename", int (*)(const char*, const char*))(from, to);
}

int renameat(int fd1, const char* from, int fd2, const char* to) {
  step("renameat", from);
  return REAL("renameat", int (*)(int, const char*, int, const char*))(fd1, from, fd2, to);
}

int renameat2(int fd1, const char* from, int fd2, const char* to, unsigned flags) {
  step((flags & RENAME_EXCHANGE) ? "exchange" : "renameat2", from);
  const char* err = getenv("GONGKAI_EXCHANGE_ERRNO");
  if (err && (flags & RENAME_EXCHANGE)) {
    errno = atoi(err);
    return -1;
  }
  return REAL("renameat2", int (*)(int, const char*, int, const char*, unsigned))(fd1, from, fd2,
                                                                                  to, flags);
}

int unlink(const char* path) {
  step("unlink", path);
  return REAL("unlink", int (*)(const char*))(path);
}

int unlinkat(int fd, const char* path, int flags) {
  step("unlinkat", path);
  return REAL("unlinkat", int (*)(int, const char*, int))(fd, path, flags);
}

int rmdir(const char* path) {
  step("rmdir", path);
  return REAL("rmdir", int (*)(const char*))(path);
}

int remove(const char* path) {
  step("remove", path);
  return REAL("remove", int (*)(const char*))(path);
}

}  // extern "C"

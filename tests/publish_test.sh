#!/usr/bin/env bash
# Publishing a site: gongkai replaces only what it made (a marker, .gongkai-site, lists a site's
# files), refuses an --out that is an input folder, a file or a folder it did not make, builds one
# at a time per site (a lock naming the other build), follows a symbolic link at --out, keeps a
# published site when the content yields nothing, and replaces the site atomically: a build killed
# at every step of the swap leaves the whole old site or the whole new one.
# usage: publish_test.sh GONGKAI SOURCE_DIR WORK_DIR INTERRUPT_SO [--mount]
#   --mount: only the case of a real mount point at --out (needs root; exit 77 without it)
set -u
GONGKAI=$(realpath "$1") SRC=$(realpath "$2") WORK=$(realpath -m "$3") SHIM=$(realpath "$4") MODE=${5:-}
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
build() {  # build CONTENT OUT [options...]: status in $status, stderr in $WORK/err
  local content=$1 out=$2; shift 2
  "$GONGKAI" build --content "$content" --out "$out" --templates "$SRC/templates" \
    --assets "$SRC/assets" --jobs 1 "$@" >/dev/null 2>"$WORK/err"
  status=$?
}
# The preloaded shim (tests/fault/interrupt.cc) must come after the sanitizer runtime.
interrupted() { ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0 LD_PRELOAD=$SHIM "$@"; }
same_tree() { diff -r "$1" "$2" >/dev/null; }
has() { grep -qF -- "$1" "$2" || { echo "  '$1' not in:"; cat "$2"; return 1; }; }
is() { [ "$1" = "$2" ] || { echo "  expected '$2', got '$1'"; return 1; }; }
# notes_off NOTE ROOT HEADER: the folders the folder note NOTE (its first HEADER lines a header)
# names under ROOT that are not as it notes them: inode and change time (ns), or "0 0" where
# nothing is. A build notes the stamps PlanOutput proved for the folders it did not change
# without looking at them again: one it changed and did not look at would be named here.
notes_off() {
  sed "1,${3}d" "$1" | while read -r ino ctime path; do
    if [ "$ino $ctime" = "0 0" ]; then [ -e "$2/$path" ] && echo "$path"; continue; fi
    [ "$(stat -c '%i %.9Z' "$2/$path" 2>/dev/null | tr -d .)" = "$ino $ctime" ] || echo "$path"
  done
}
notes_hold() {  # notes_hold SITE: both of its notes hold, each naming at least one folder
  [ -s "$1.cache/folders" ] && [ -s "$1.cache/spare-folders" ] &&
    is "$(notes_off "$1.cache/folders" "$1" 1)$(notes_off "$1.cache/spare-folders" "$1.building" 2)" ""
}
finish() {
  echo "publish: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# Content A (two seeds) and B (one of them replaced by another): B's site drops pages of A's.
CHENGDE=2022-hebei-chengde-healthcare-security-bureau
NANCHONG=2022-sichuan-nanchong-medical-security-center
QIJIANG=2022-chongqing-qijiang-medical-security-affairs-center
mkdir -p "$WORK/A" "$WORK/B"
cp "$SRC/content/$CHENGDE.txt" "$SRC/content/$NANCHONG.txt" "$WORK/A/"
cp "$SRC/content/$NANCHONG.txt" "$SRC/content/$QIJIANG.txt" "$WORK/B/"
cd "$WORK"
build A refA
build B refB

if [ "$MODE" = --mount ]; then
  mkdir -p mnt
  if ! mount -t tmpfs gongkai-test mnt 2>/dev/null; then
    echo "SKIP: mounting a tmpfs needs root; the mount point case was not run"
    exit 77
  fi
  trap 'umount "$WORK/mnt"' EXIT
  build A mnt
  check "a build into an empty mount point succeeds" is "$status" 0
  check "it is the site of A" same_tree mnt refA
  build B mnt
  check "a rebuild into the mount point succeeds" is "$status" 0
  check "the mount point holds the site of B, files of A removed" same_tree mnt refB
  check "the mount point is still mounted" mountpoint -q mnt
  check "no staging folder is left beside it" test ! -e mnt.building
  check "no temporary file is left in it" test -z "$(find mnt -name '*.gongkai-tmp')"
  finish
  exit
fi

# --- What the build refuses to replace; each time nothing is changed.
mkdir thesis && echo "四年的心血" >thesis/thesis.docx
build A thesis
check "a folder gongkai did not make is refused" is "$status" 2
check "the refusal names it and --force" has "thesis is not empty and is not a site gongkai built" err
check "and names --force" has "--force" err
check "the folder is untouched" is "$(cat thesis/thesis.docx)" "四年的心血"
check "nothing is created beside it" test ! -e thesis.cache -a ! -e thesis.building
build A thesis --force
check "--force replaces it" is "$status" 0
check "with the site" test -f thesis/index.html -a ! -e thesis/thesis.docx

cp -r A A-copy
build A-copy A-copy
check "--out equal to --content is refused" has "is the input folder" err
build A-copy A-copy/site
check "--out inside --content is refused" has "is inside the input folder" err
build A-copy "$WORK"
check "--out containing --content is refused" has "contains the input folder" err
check "the inputs are untouched" diff -r A A-copy

echo "notes" >notes.txt
build A notes.txt
check "--out naming a file is refused" has "notes.txt is a file, not a folder" err
check "the file is untouched" is "$(cat notes.txt)" "notes"
build A "A-copy/$CHENGDE.txt"
check "--out naming an input file is refused" is "$status" 2
check "the input file is untouched" cmp "A/$CHENGDE.txt" "A-copy/$CHENGDE.txt"

# Folders of the user's beside the site with gongkai's names.
build A site
check "a first build into a new folder succeeds" is "$status" 0
check "the site carries the marker" test -f site/.gongkai-site
check "the marker lists the site's pages" grep -qx "departments/$CHENGDE.html" site/.gongkai-site
mkdir site.old && echo mine >site.old/keep.txt
build B site
check "a folder <out>.old is not gongkai's any more: left alone" is "$(cat site.old/keep.txt)" mine
rm -rf site.building  # the spare: gongkai's, and it may be deleted at any time
mkdir site.building && echo mine >site.building/keep.txt
build A site
check "a folder <out>.building that gongkai did not make is refused" has "site.building exists and was not made by gongkai" err
check "and kept" is "$(cat site.building/keep.txt)" mine
check "the site is untouched" same_tree site refB
rm -r site.building
echo "<h1>关于本站</h1>" >site/about.html
build A site
check "a page gongkai did not make inside the site is refused" has "site/about.html was not made by gongkai" err
check "the page is kept" test -f site/about.html
check "the site is untouched" same_tree <(cd site && find . -type f ! -name about.html | sort) <(cd refB && find . -type f | sort)
build A site --force
check "--force removes it" test ! -e site/about.html
check "and publishes the site" same_tree site refA
# The build notes the site's folders (site.cache/folders) and does not walk a site whose
# folders did not change since; a file put in one of them changes it.
check "the site's folders are noted" grep -q " departments$" site.cache/folders
echo "<p>笔记</p>" >site/departments/notes.html
build A site
check "a file gongkai did not make in a folder of the site is refused" \
  has "site/departments/notes.html was not made by gongkai" err
rm site/departments/notes.html

# An empty content folder does not wipe out a published site.
mkdir empty
build empty site
check "an empty content folder does not replace a site" is "$status" 2
check "it says so" has "no disclosure was built from empty" err
check "the site is untouched" same_tree site refA
build empty site --force
check "--force publishes the empty site" is "$status" 0
check "which lists no department" test ! -e site/departments
build empty new-site
check "an empty build into a new folder is fine" is "$status" 0

# One build at a time: a second build names the first one's process.
build A locked
python3 - locked.cache/lock <<'EOF' &
import fcntl, os, sys, time
f = open(sys.argv[1], "r+")
fcntl.flock(f, fcntl.LOCK_EX)
f.truncate(0); f.write(f"{os.getpid()}\n"); f.flush()
open(sys.argv[1] + ".held", "w").close()
time.sleep(30)
EOF
holder=$!
for _ in $(seq 50); do [ -e locked.cache/lock.held ] && break; sleep 0.1; done
build B locked
check "a second build into the same site is refused" is "$status" 2
check "naming the other build's process" has "another gongkai build (process $holder) is building" err
check "only that line" is "$(wc -l <err)" 1
check "the site is untouched" same_tree locked refA
kill $holder; wait $holder 2>/dev/null
build B locked
check "when the other build is gone, the build runs" same_tree locked refB

# A symbolic link at --out: the site is built where it points, the link stays.
mkdir -p www && ln -s www/site link
build A link
check "a build through a link succeeds" is "$status" 0
check "the link is still a link" test -L link
check "the site is where it points" same_tree www/site refA
build B link
check "a rebuild through the link updates the target" same_tree www/site refB
check "no staging or cache is left beside the link" test ! -e link.building -a ! -e link.cache

# --- The spare: after a build that wrote little of the site, the previous site stays in
# <out>.building (marked complete by .gongkai-spare, its unchanged files hard links to the
# site's) and the next build brings it up to date in place; after a full build, the spare is
# made of hard links to every file of the new site. The content folder C (its path is
# in the pages, so it keeps its name) holds content/'s 10 disclosures, then one line appended
# to one of them (C2), then another one removed (C3); refC* are full builds of each.
mkdir C
cp -r "$SRC/content/." C/
build C refC
build C sp
check "a full build keeps a spare" test -f sp.building/.gongkai-spare
check "... of hard links to the site's files only (no bytes of its own)" \
  test -z "$(find sp.building -type f ! -name .gongkai-spare -links 1)"
check "... one for each" \
  is "$(find sp.building -type f ! -name .gongkai-spare | wc -l)" "$(find sp -type f | wc -l)"
check "... which lists no file as differing" is "$(sed 1d sp.building/.gongkai-spare | wc -l)" 0
build C sp
check "an unchanged rebuild keeps the previous site as the spare" test -f sp.building/.gongkai-spare
check "whose files are the site's own (hard links)" \
  is "$(stat -c %i sp.building/index.html)" "$(stat -c %i sp/index.html)"
mkdir state && cp -a sp sp.building sp.cache state/  # (cp -a keeps the links between them)
restore() { rm -rf sp sp.building sp.cache && cp -a state/sp state/sp.building state/sp.cache .; }
# An unchanged rebuild with a spare changes almost nothing: no file linked again, no old site
# deleted file by file.
interrupted env GONGKAI_KILL_LOG="$WORK/unchanged.log" \
  "$GONGKAI" build --content C --out sp --templates "$SRC/templates" --assets "$SRC/assets" \
  --jobs 1 2>/dev/null
steps=$(grep -cE " $WORK/sp(\.building)?(/|\$)" unchanged.log)
check "an unchanged rebuild with a spare takes a few steps in the site's folders ($steps)" \
  test "$steps" -lt 10
check "and the site is unchanged" same_tree sp refC
printf '\n附：本文件在发布后补充了一行。\n' >>"C/$CHENGDE.txt"
build C refC2
restore
build C sp
check "a rebuild with a spare succeeds" is "$status" 0
check "and gives the same bytes as a full build" same_tree sp refC2
check "... its notes of the site's and the spare's folders hold" notes_hold sp
check "... whose checksums hold" bash -c "cd sp && sha256sum -c --quiet --strict SHA256SUMS"
check "... and list every file" is "$(wc -l <sp/SHA256SUMS)" "$(find sp -type f ! -name SHA256SUMS | wc -l)"
check "the previous site is the spare again" test -f sp.building/.gongkai-spare
read -r site_bytes spare_bytes < <(du -sb sp sp.building | awk '{ printf "%s ", $1 }')
check "the spare costs a tenth of the site or less ($spare_bytes of $site_bytes bytes)" \
  test "${spare_bytes:-0}" -gt 0 -a $((spare_bytes * 10)) -le "$site_bytes"
# The build notes the spare's folders once it is marked (site.cache/spare-folders): while they
# are as noted, the next build takes the spare's own files without looking that each is there.
# A file taken out of the spare changes its folder, and that build looks again.
check "the spare's folders are noted" grep -q " departments$" sp.cache/spare-folders
own=$(cd sp.building && ls departments/*.html | grep -v "$CHENGDE" | head -n 1)
check "(a page of the spare that is the site's own: $own)" \
  test -n "$own" -a "$(stat -c %i "sp.building/$own")" = "$(stat -c %i "sp/$own")"
rm "sp.building/$own"
build C sp
check "a page taken out of the spare by hand is in the next site" same_tree sp refC2
check "... whose checksums hold" bash -c "cd sp && sha256sum -c --quiet --strict SHA256SUMS"
mv "C/$NANCHONG.txt" .
build C refC3
build C sp
check "a rebuild from a spare two builds old, an input removed, equals a full build" same_tree sp refC3
check "... its folder notes hold" notes_hold sp
check "... the removed input's files gone" test ! -e "sp/departments/$NANCHONG.html"
check "... no temporary file left" test -z "$(find sp -name '*.gongkai-tmp')"
# An input added: its folders are new to the site, and the spare (the site before) lacks them.
# They hold only files the build wrote (the spare's mark lists them), so the spare's folders
# are noted all the same, those as absent ("0 0"): the next build takes the spare's own files
# unlooked rather than looking at each of them.
mv "$NANCHONG.txt" C/
build C sp
check "a rebuild from a spare, an input added, equals a full build" same_tree sp refC2
check "... its folder notes hold" notes_hold sp
absent=$(sed -n 's/^0 0 //p' sp.cache/spare-folders | head -n 1)
check "the spare's folders are noted, the added input's as absent (${absent:-none})" \
  test -n "$absent" -a -d "sp/$absent" -a ! -e "sp.building/$absent"
check "... each of them a folder of the new site the spare lacks" \
  is "$(sed -n 's/^0 0 //p' sp.cache/spare-folders | while read -r f; do
          [ -d "sp/$f" ] && [ ! -e "sp.building/$f" ] && echo ok; done | wc -l)" \
     "$(grep -c '^0 0 ' sp.cache/spare-folders)"
cp "C/$CHENGDE.txt" chengde-C2.txt
printf '\n附：再补充一行。\n' >>"C/$CHENGDE.txt"
build C refC4
build C sp
check "the build after it (one input edited) equals a full build" same_tree sp refC4
check "... its folder notes hold" notes_hold sp
check "... whose checksums hold" bash -c "cd sp && sha256sum -c --quiet --strict SHA256SUMS"
cp chengde-C2.txt "C/$CHENGDE.txt"  # C3 again, as the rest expects
mv "C/$NANCHONG.txt" .
build C sp
# A change of layout.html rewrites every page: the spare is deleted rather than doubling the disk.
cp -r "$SRC/templates" T
sed -i 's|</body>|<!-- 改 --></body>|' T/layout.html
"$GONGKAI" build --content C --out sp --templates T --assets "$SRC/assets" --jobs 1 2>/dev/null
check "a build that rewrote most of the site links the spare's files to the new site's" \
  test -z "$(find sp.building -type f ! -name .gongkai-spare ! -name .gongkai-site ! -name SHA256SUMS -links 1)"
check "... but the old marker (and SHA256SUMS), which its mark lists" \
  is "$(sed 1d sp.building/.gongkai-spare | sort | tr '\n' ' ')" ".gongkai-site SHA256SUMS "
check "... none of them to an old page" \
  is "$(stat -c %i sp.building/index.html)" "$(stat -c %i sp/index.html)"
check "(it rewrote the pages)" grep -q '<!-- 改 -->' sp/index.html
check "... its folder notes hold (the spare relinked where the build wrote)" notes_hold sp
mv "$NANCHONG.txt" C/  # C2 again (the input's time changed: it is built again, to the same pages)

# Killed while bringing the spare up to date: the site is the old one, the spare's mark is gone
# (it is removed first), and the next build throws the spare away and builds the new site.
restore
interrupted env GONGKAI_KILL_LOG="$WORK/spare.log" \
  "$GONGKAI" build --content C --out sp --templates "$SRC/templates" --assets "$SRC/assets" \
  --jobs 1 2>/dev/null
exchange=$(awk '$2 == "exchange" { print $1; exit }' spare.log)
check "the spare's mark is the first thing removed" \
  is "$(sed -n 1p spare.log | cut -d' ' -f2-)" "unlink $WORK/sp.building/.gongkai-spare"
spare_kills="2 3 $((exchange / 3)) $((exchange * 2 / 3)) $((exchange - 1)) $exchange"
killed=0 whole=0 unmarked=0 next=0
for n in $(echo "$spare_kills" | tr ' ' '\n' | sort -nu); do
  restore
  interrupted env GONGKAI_KILL_AT="$n" \
    "$GONGKAI" build --content C --out sp --templates "$SRC/templates" --assets "$SRC/assets" \
    --jobs 1 >/dev/null 2>&1
  [ $? -eq 137 ] && killed=$((killed + 1))
  same_tree sp refC && whole=$((whole + 1)) || echo "  killed at step $n: the site is not the old one"
  [ ! -e sp.building/.gongkai-spare ] && unmarked=$((unmarked + 1))
  build C sp
  same_tree sp refC2 && next=$((next + 1)) || echo "  after the kill at step $n, the next build is not C2"
done
count=$(echo "$spare_kills" | tr ' ' '\n' | sort -nu | wc -l)
check "the update of the spare was killed at each of $count steps (exchange at $exchange)" is "$killed" "$count"
check "each time the site was the whole old one" is "$whole" "$count"
check "each time the spare had lost its mark" is "$unmarked" "$count"
check "each time the next build gave the new site" is "$next" "$count"

# --- Killed at every step of publishing: the whole old site or the whole new one, always.
# The steps (renames, unlinks) of one build, counted the way the shim counts them.
build A steps
interrupted env GONGKAI_KILL_LOG="$WORK/steps.log" \
  "$GONGKAI" build --content B --out steps --templates "$SRC/templates" --assets "$SRC/assets" \
  --jobs 1 2>/dev/null
total=$(wc -l <steps.log)
exchange=$(awk '$2 == "exchange" { print $1; exit }' steps.log)
check "publishing exchanges the folders in one step" test -n "$exchange"
# The build updates the spare in place before the exchange (hundreds of steps, each in the
# spare or the cache): its first ten steps, the first and the last of each kind (unlink, rename,
# rmdir), every 40th, the five before the exchange and two after it; then a sample of the rest
# (the old site's files removed one by one, the manifest saved).
kills="$(seq 1 10) $(seq 40 40 "$exchange") $(seq $((exchange - 5)) $((exchange + 2)))"
kills="$kills $(awk -v e="$exchange" '$1 < e { if (!($2 in first)) first[$2] = $1; last[$2] = $1 }
  END { for (k in first) print first[k], last[k] }' steps.log)"
for n in $((exchange + 5)) $((exchange + 20)) $((exchange + 100)) $((total / 2)) $((total - 1)) "$total"; do
  [ "$n" -gt $((exchange + 2)) ] && [ "$n" -le "$total" ] && kills="$kills $n"
done
killed=0 whole=0
for n in $(echo "$kills" | tr ' ' '\n' | sort -nu); do
  rm -rf crash crash.cache crash.building
  build A crash
  interrupted env GONGKAI_KILL_AT="$n" \
    "$GONGKAI" build --content B --out crash --templates "$SRC/templates" --assets "$SRC/assets" \
    --jobs 1 >/dev/null 2>&1
  [ $? -eq 137 ] && killed=$((killed + 1))
  if same_tree crash refA || same_tree crash refB; then
    whole=$((whole + 1))
  else
    echo "  killed at step $n ($(sed -n "${n}p" steps.log)): the site is neither A nor B"
  fi
  build B crash
  same_tree crash refB || echo "  after the kill at step $n, the next build is not B"
done
count=$(echo "$kills" | tr ' ' '\n' | sort -nu | wc -l)
check "the build was killed at each of the $count steps" is "$killed" "$count"
check "each time the site was the whole old or the whole new one" is "$whole" "$count"
check "and the next build completed it" same_tree crash refB

# Where the folders cannot be exchanged (a mount point: EBUSY; a file system without exchange:
# EINVAL), the files are replaced in place.
for errno_ in 16 22; do
  rm -rf inplace inplace.cache
  build A inplace
  interrupted env GONGKAI_EXCHANGE_ERRNO=$errno_ \
    "$GONGKAI" build --content B --out inplace --templates "$SRC/templates" --assets "$SRC/assets" \
    --jobs 1 >/dev/null 2>"$WORK/err"
  check "without exchange (errno $errno_) the build succeeds" is "$?" 0
  check "and the folder holds the new site, old pages removed" same_tree inplace refB
done
# Killed while replacing in place: every page is whole, and the next build completes the site.
for n in 3 10 40; do
  rm -rf inplace inplace.cache inplace.building
  build A inplace
  interrupted env GONGKAI_EXCHANGE_ERRNO=16 GONGKAI_KILL_AT=$n GONGKAI_KILL_PATH=inplace/ \
    "$GONGKAI" build --content B --out inplace --templates "$SRC/templates" --assets "$SRC/assets" \
    --jobs 1 >/dev/null 2>&1
  check "killed at in-place step $n" is "$?" 137
  check "the index is whole" test -s inplace/index.html
  interrupted env GONGKAI_EXCHANGE_ERRNO=16 \
    "$GONGKAI" build --content B --out inplace --templates "$SRC/templates" --assets "$SRC/assets" \
    --jobs 1 >/dev/null 2>"$WORK/err"
  check "the next build after the kill at $n runs" is "$?" 0
  check "and completes the site" same_tree inplace refB
done

finish

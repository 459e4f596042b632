#!/usr/bin/env bash
# Hostile text: tests/hostile/2023-hostile-disclosure.txt is a real disclosure whose department
# name, narrative, project names, table cells and glossary carry <script>, javascript: links,
# raw HTML, Markdown links and images, Mustache tags and JavaScript string break-outs; beside it
# content files are named to escape the output folder or to inject into the index. The site
# built from them must show all of it as text and nothing else: no script, handler, link,
# image or external resource comes from a document, and nothing is written outside --out.
# File names are bytes: names that are not UTF-8 (GBK from a Windows zip) or hold a newline
# build and are shown escaped everywhere. Entries of the content folder that are links out of
# it, dangling links, pipes or devices are not read, each with a diagnostic.
# usage: hostile_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK/content" "$WORK/inside"
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
none() {  # none PATTERN FILES...: no file matches the extended regex (case-insensitive)
  local pattern=$1; shift
  if grep -n -i -E -- "$pattern" "$@" >"$WORK/hits"; then
    echo "  found /$pattern/:"; cut -c1-200 "$WORK/hits" | head -n 5; return 1
  fi
}
some() {  # some STRING FILE: the file holds the exact string
  grep -qF -- "$1" "$2" || { echo "  '$1' not in $2"; return 1; }
}

DOC="$SRC/tests/hostile/2023-hostile-disclosure.txt"
cp "$DOC" "$WORK/content/"
# A good disclosure whose file name climbs out of the folder (backslashes are legal in Linux
# names, and a careless id would keep them; a name that starts with a dot is a hidden file and
# not read), with one more line so that it is a second file.
{ cat "$DOC"; printf '\n附：另一份\n'; } >"$WORK/content/a\\..\\..\\..\\evil-outside.txt"
# Failing files whose names are markup: the index shows the name of a file it cannot parse.
printf '不是预算公开。\n' >"$WORK/content/<img src=x onerror=alert(13)>.txt"
printf '不是预算公开。\n' >"$WORK/content/\"]);alert(14);[x](javascript:alert(15)).txt"
# A good disclosure and a failing file whose names are GBK bytes (南充 and 不), not UTF-8, and a
# failing file whose name holds a newline.
GBK_NAME=$(printf '\xc4\xcf\xb3\xe4.txt')
{ cat "$DOC"; printf '\n附：第三份\n'; } >"$WORK/content/$GBK_NAME"
GBK_ID="d-$(sha256sum "$WORK/content/$GBK_NAME" | cut -c1-12)"
printf '不是预算公开。\n' >"$WORK/content/$(printf '\xb2\xbb.txt')"
printf '不是预算公开。\n' >"$WORK/content/$(printf 'two\nlines.txt')"
touch "$WORK/marker"
sleep 1

(cd "$WORK/inside" && "$GONGKAI" build --content ../content --out ../site \
  --templates "$SRC/templates" --assets "$SRC/assets" >../build.out 2>../build.err)
status=$?
check "the build exits 1 for the four files that are not disclosures (exit $status)" test "$status" -eq 1
check "the build builds the three disclosures" grep -q "built 3 disclosures" "$WORK/build.err"
SITE="$WORK/site"
mapfile -t HTML < <(find "$SITE" -name '*.html')
mapfile -t MD < <(find "$SITE" -name '*.md')
check "the site has pages" test "${#HTML[@]}" -gt 5

# Nothing is written outside --out, whatever a file is called: every file written since the
# build started is in the site (or the build's own folders beside it, named after it).
find "$WORK" -newer "$WORK/marker" -type f ! -path "$SITE/*" ! -path "$SITE.*" \
  ! -name build.out ! -name build.err ! -name outside >"$WORK/outside"
check "no file is written outside --out" test ! -s "$WORK/outside"
[ -s "$WORK/outside" ] && head -n 5 "$WORK/outside"
check "no evil file anywhere above the site" test -z "$(find "$WORK" / -maxdepth 1 -name 'evil*' 2>/dev/null)"
bad_names=$(find "$SITE/departments" "$SITE/source" "$SITE/data" -type f \
  ! -regex '.*/[a-z0-9][a-z0-9-]*\.\(html\|md\|json\|csv\)' | head -n 3)
check "page ids are ASCII slugs ($bad_names)" test -z "$bad_names"
check "the climbing name became a slug" test -f "$SITE/departments/evil-outside.html"
check "the climbing name's original is in the site under its own name" \
  cmp "$WORK/content/a\\..\\..\\..\\evil-outside.txt" "$SITE/originals/evil-outside/a\\..\\..\\..\\evil-outside.txt"
check "its link percent-encodes the backslashes" \
  grep -qF 'href="../originals/evil-outside/a%5C..%5C..%5C..%5Cevil-outside.txt"' "$SITE/departments/evil-outside.html"
check "SHA256SUMS checks with the climbing name in it" \
  bash -c "cd '$SITE' && sha256sum -c --quiet --strict SHA256SUMS"
check "... the name escaped as sha256sum escapes it" \
  grep -qE '^\\[0-9a-f]{64}  originals/evil-outside/a\\\\\.\.\\\\' "$SITE/SHA256SUMS"

# "--out DIR/" stages beside DIR, not inside it; "--out ." is refused.
(cd "$WORK/inside" && "$GONGKAI" build --content ../content --out ../site2/ \
  --templates "$SRC/templates" --assets "$SRC/assets" >/dev/null 2>&1)
check "--out with a trailing slash builds the site" test -f "$WORK/site2/index.html"
check "--out with a trailing slash leaves nothing inside the site" \
  test -z "$(find "$WORK/site2" -maxdepth 1 -name '*.building' -o -maxdepth 1 -name '*.old')"
(cd "$WORK/inside" && "$GONGKAI" build --content ../content --out . >/dev/null 2>&1)
status=$?
check "--out . is a usage error (exit $status)" test "$status" -eq 2
check "--out . writes nothing" test -z "$(ls -A "$WORK/inside")"

# No markup from a document takes effect in any page.
own_scripts_only() {  # every <script> tag loads one of the site's own files
  grep -h -o -i '<script[^>]*>' "$@" | sort -u |
    grep -v -E '^<script src="(\.\./)*assets/[a-z0-9.-]+\.js"( defer| data-root="[./]*")*>$' >"$WORK/scripts"
  [ ! -s "$WORK/scripts" ] || { echo "  foreign script tags:"; head -n 5 "$WORK/scripts"; return 1; }
}
check "no <script> but the site's own" own_scripts_only "${HTML[@]}"
check "no script element from a document" none '<script[^>]*>[^<]*alert' "${HTML[@]}"
check "no event handler attribute" none '<[a-z][^>]*[[:space:]/]on[a-z]+[[:space:]]*=' "${HTML[@]}"
check "no javascript: link" none '<[a-z][^>]*[[:space:]](href|src|action)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*javascript:' "${HTML[@]}"
own_images_only() {  # every <img> shows one of the site's own charts
  grep -h -o -i '<img[^>]*>' "$@" | sort -u |
    grep -v -E '^<img src="(\.\./)*charts/[a-z0-9-]+\.svg" alt="[^"<>]*" />$' >"$WORK/images"
  [ ! -s "$WORK/images" ] || { echo "  foreign images:"; head -n 5 "$WORK/images"; return 1; }
}
check "no image but the site's own charts" own_images_only "${HTML[@]}"
check "no iframe from a document" none '<iframe' "${HTML[@]}"
check "no external resource" none '<[a-z][^>]*[[:space:]](src|href)[[:space:]]*=[[:space:]]*["'"'"']?https?:' "${HTML[@]}"
check "no Markdown link or image rendered" none '<a[^>]*href="[^"]*example\.com' "${HTML[@]}"

# ... and every payload is shown as text.
DEPT="$SITE/departments/2023-hostile-disclosure.html"
SOURCE="$SITE/source/2023-hostile-disclosure.html"
check "the department name is shown escaped" some '苍溪&lt;script&gt;alert`1`&lt;/script&gt;局' "$DEPT"
check "a table cell is shown escaped" some '办公费&lt;imgsrc=xonerror=alert(8)&gt;[a](javascript:alert(9))' "$DEPT"
check "a project name is shown escaped" some '&lt;script&gt;alert(7)&lt;/script&gt;![x](http://example.com/p.png){{p}}经费' "$DEPT"
check "the narrative line is shown escaped in the source view" some \
  '说明：&lt;script&gt;alert(101)&lt;/script&gt; javascript:alert(102) [点我](javascript:alert(103)) ![图](http://example.com/x.png) &lt;img src=x onerror=alert(104)&gt;' "$SOURCE"
check "Mustache tags in the text are shown, not expanded" some '{{ mustache }} {{{triple}}} {{#list}}x{{/list}}' "$SOURCE"
check "an HTML entity in the text is shown as typed" some '&amp;lt;b&amp;gt;' "$SOURCE"
check "the failed file's name is shown escaped on the index" some '&lt;img src=x onerror=alert(13)&gt;' "$SITE/index.html"

# Markdown pages escape the text too, so any Markdown renderer shows it as text: no "<" at all
# (Markdown.pl, unlike CommonMark, passes "\<img ...>" on as a live tag), so no renderer can
# find a tag in them; the text is there as entities.
check "no < in any Markdown page" none '<' "${MD[@]}"
check "a narrative paragraph's tag is in the Markdown as entities" some \
  '&lt;img src=x onerror=alert(106)&gt; &lt;script&gt;alert(107)&lt;/script&gt;' "$SITE/departments/2023-hostile-disclosure.md"
check "a table cell's tag is in the Markdown as entities" some \
  '办公费&lt;imgsrc=xonerror=alert(8)&gt;' "$SITE/departments/2023-hostile-disclosure.md"
check "the narrative paragraph is shown escaped on the HTML page" some \
  '&lt;img src=x onerror=alert(106)&gt; &lt;script&gt;alert(107)&lt;/script&gt; &lt;a href=&quot;javascript:alert(108)&quot;&gt;链接&lt;/a&gt;' "$DEPT"
check "no unescaped Markdown link to javascript:" none '(^|[^\\])\]\(javascript:' "${MD[@]}"
md_images_own_only() {  # every Markdown image is one of the site's charts
  grep -h -o -E '(^|[^\\])!\[[^]]*\]\([^)]*\)' "$@" | grep -v -E '\]\((\.\./)*charts/[a-z0-9-]+\.svg\)$' >"$WORK/mdimages"
  [ ! -s "$WORK/mdimages" ] || { echo "  foreign Markdown images:"; head -n 5 "$WORK/mdimages"; return 1; }
}
check "no unescaped Markdown image but the site's charts" md_images_own_only "${MD[@]}"

# Every Markdown page rendered by cmark-gfm (Debian's command), in its safe default and with
# --unsafe (raw HTML passed through): no tag, handler, javascript: link or image the document
# put there, by the same checks as the site's HTML.
if command -v cmark-gfm >/dev/null 2>&1; then
  for mode in safe unsafe; do
    mkdir -p "$WORK/rendered-$mode"
    n=0
    for md in "${MD[@]}"; do
      n=$((n + 1))
      if [ "$mode" = unsafe ]; then cmark-gfm --unsafe -e table "$md"; else cmark-gfm -e table "$md"; fi \
        >"$WORK/rendered-$mode/$n.html"
    done
    mapfile -t R < <(find "$WORK/rendered-$mode" -name '*.html')
    check "cmark-gfm ($mode) renders every Markdown page" test "${#R[@]}" -eq "${#MD[@]}"
    check "cmark-gfm ($mode): no <script>" none '<script' "${R[@]}"
    check "cmark-gfm ($mode): no event handler attribute" none '<[a-z][^>]*[[:space:]/]on[a-z]+[[:space:]]*=' "${R[@]}"
    check "cmark-gfm ($mode): no javascript: link" none '<[a-z][^>]*[[:space:]](href|src|action)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*javascript:' "${R[@]}"
    check "cmark-gfm ($mode): no iframe" none '<iframe' "${R[@]}"
    check "cmark-gfm ($mode): no external resource" none '<[a-z][^>]*[[:space:]](src|href)[[:space:]]*=[[:space:]]*["'"'"']?https?:' "${R[@]}"
    check "cmark-gfm ($mode): no image but the site's charts" own_images_only "${R[@]}"
    check "cmark-gfm ($mode): the narrative's tag is shown as text" \
      grep -qF '&lt;img src=x onerror=alert(106)&gt;' "${R[@]}"
  done
else
  check "cmark-gfm is installed (scripts/gongkai.sh installs it)" false
fi

# File names are bytes. Every page is UTF-8 whatever the names; a GBK name is shown with its
# bytes escaped; its id is the hash of its content (no ASCII in its name), the same each build.
check "every file of the site is UTF-8" python3 -c '
import sys, pathlib
bad = []
for p in pathlib.Path(sys.argv[1]).rglob("*"):
    try:
        p.is_file() and p.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        bad.append(str(p))
for b in bad[:5]: print("  not UTF-8: " + b)
sys.exit(1 if bad else 0)' "$SITE"
check "the GBK-named disclosure has its page ($GBK_ID)" test -f "$SITE/departments/$GBK_ID.html"
check "its data shows the name with its bytes escaped" some '/content/\\xc4\\xcf\\xb3\\xe4.txt"' "$SITE/data/$GBK_ID.json"
check "the index shows the failing GBK name escaped" some '\xb2\xbb.txt（未能解析' "$SITE/index.html"
check "the failing GBK name's diagnostic escapes it" some '/content/\xb2\xbb.txt: error: no standard budget table' "$WORK/build.err"
check "a name with a newline keeps its diagnostic on one line" some \
  '/content/two\nlines.txt: error: no standard budget table' "$WORK/build.err"
only_diagnostics() {  # every line of the file is one diagnostic or the build's summary
  grep -v -E '^(.+: (error|warning|notice): .+ \[[a-z-]+\]|built [0-9]+ disclosures.*)$' "$1" >"$WORK/stray"
  [ ! -s "$WORK/stray" ] || { echo "  lines that are no diagnostic:"; head -n 3 "$WORK/stray"; return 1; }
}
check "every line on stderr is a diagnostic or the summary" only_diagnostics "$WORK/build.err"
(cd "$WORK/inside" && "$GONGKAI" build --content ../content --out ../site \
  --templates "$SRC/templates" --assets "$SRC/assets" >/dev/null 2>"$WORK/build2.err")
check "a second build reuses every input, the GBK-named one too" some "(7 unchanged, not parsed again)" "$WORK/build2.err"
check "the GBK-named disclosure keeps its id" test -f "$SITE/departments/$GBK_ID.html"
"$GONGKAI" parse "$WORK/content/$GBK_NAME" >"$WORK/parse.json" 2>"$WORK/parse.err"
status=$?
check "parse of the GBK-named file exits 0 (exit $status)" test "$status" -eq 0
check "parse prints JSON with the name's bytes escaped" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if d["source"]["path"].endswith("/content/\\xc4\\xcf\\xb3\\xe4.txt") and d["id"] == sys.argv[2] else 1)' \
  "$WORK/parse.json" "$GBK_ID"

# Links, pipes and devices in the content folder: a link is followed only to a file or a
# folder inside the folder; anything else is not read, with one diagnostic naming it.
E="$WORK/entries"
mkdir -p "$E/content/folder"
NANCHONG="$SRC/content/2022-sichuan-nanchong-medical-security-center.txt"
cp "$NANCHONG" "$E/content/good.txt"
ln -s good.txt "$E/content/inside.txt"
ln -s /etc/passwd "$E/content/passwd.txt"
ln -s /dev/zero "$E/content/zero.txt"
ln -s loop.txt "$E/content/loop.txt"
ln -s nowhere.txt "$E/content/dangling.txt"
mkfifo "$E/content/pipe.txt"
cp "$NANCHONG" "$E/content/folder/a.txt"
ln -s /etc/passwd "$E/content/folder/b.txt"
device=0
mknod "$E/content/null.txt" c 1 3 2>/dev/null && device=1
timeout 60 "$GONGKAI" build --content "$E/content" --out "$E/site" \
  --templates "$SRC/templates" --assets "$SRC/assets" >/dev/null 2>"$E/err"
status=$?
check "the build with entries not read exits 1 (exit $status)" test "$status" -eq 1
check "the file and the link to it inside the folder are built" some "built 2 disclosures" "$E/err"
check "the link to it inside the folder has its page" test -f "$E/site/departments/inside.html"
for entry in passwd.txt zero.txt loop.txt dangling.txt pipe.txt; do
  check "$entry has a diagnostic naming it" grep -qE "^$E/content/$entry: error: not read: .+ \[input-skipped\]$" "$E/err"
done
check "the link to /etc/passwd is named as one" some \
  "$E/content/passwd.txt: error: not read: a symbolic link to /etc/passwd, outside $E/content" "$E/err"
check "the pipe is named as one" some "$E/content/pipe.txt: error: not read: a named pipe (FIFO)" "$E/err"
check "a folder's link to /etc/passwd fails that disclosure, naming it" some \
  "$E/content/folder: error: the folder's file b.txt is not read: a symbolic link to /etc/passwd" "$E/err"
if [ "$device" -eq 1 ]; then
  check "a device has a diagnostic naming it" some "$E/content/null.txt: error: not read: a character device" "$E/err"
fi
check "nothing of /etc/passwd is in the site" test -z "$(grep -rl 'root:' "$E/site")"
check "the entries not read are not on the index" none '(passwd|pipe|loop|dangling|zero)\.txt' "$E/site/index.md"

# Generated JavaScript (the search index) holds the text as data: run each file with only the
# search API defined; a string that broke out would call alert or something undefined.
mapfile -t JS < <(find "$SITE" -name '*.js' ! -path "$SITE/assets/*")
if [ "${#JS[@]}" -gt 0 ] && command -v node >/dev/null 2>&1; then
  check "generated JavaScript only passes data to the search index" node -e '
    const fs = require("fs"), vm = require("vm");
    let bad = 0, texts = "";
    const api = new Proxy({}, { get: () => (...args) => { texts += JSON.stringify(args); } });
    for (const f of process.argv.slice(1)) {
      const sandbox = { gongkaiSearch: api, alert: () => { bad++; console.log("  alert ran in " + f); } };
      try { vm.runInNewContext(fs.readFileSync(f, "utf8"), sandbox, { filename: f, timeout: 2000 }); }
      catch (e) { bad++; console.log("  " + f + ": " + e.message); }
    }
    if (!texts.includes("alert(203)")) { bad++; console.log("  the project name is not in the search index"); }
    process.exit(bad ? 1 : 0);' "${JS[@]}"
fi

# The same department in two years: its name and figures on the pages across years (the
# timeline, the index's group, the compare page's columns) are text too.
mkdir -p "$WORK/years"
cp "$DOC" "$WORK/years/"
sed 's/2023/2022/g' "$DOC" >"$WORK/years/2022-hostile-disclosure.txt"
"$GONGKAI" build --content "$WORK/years" --out "$WORK/years-site" --templates "$SRC/templates" \
  --assets "$SRC/assets" >/dev/null 2>&1
mapfile -t YEARS_HTML < <(find "$WORK/years-site" -name '*.html')
check "the two years have a page across years" \
  bash -c "ls '$WORK/years-site'/departments/dept-*/index.html >/dev/null"
check "across years, no <script> but the site's own" own_scripts_only "${YEARS_HTML[@]}"
check "across years, no script element from a document" none '<script[^>]*>[^<]*alert' "${YEARS_HTML[@]}"
check "across years, no event handler attribute" \
  none '<[a-z][^>]*[[:space:]/]on[a-z]+[[:space:]]*=' "${YEARS_HTML[@]}"
check "across years, no image but the site's own charts" own_images_only "${YEARS_HTML[@]}"
check "across years, the name is shown as text" \
  some '苍溪&lt;script&gt;alert`1`&lt;/script&gt;局 历年部门预算' "$(ls "$WORK/years-site"/departments/dept-*/index.html)"

echo "hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

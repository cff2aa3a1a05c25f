#!/bin/sh
# Installs the build into a private directory, builds examples/score.c against the installed
# pkg-config file alone, and runs it on the test fixtures.
# usage: check-example.sh SOURCE_ROOT BUILD_DIR CC
# Profile A against the test ruleset scores (2·58.3333 + 45.8333)/3 = 54.1667 with 7 of 9
# units of criterion weight known (test-score.c): "54.2 / 100 (coverage 77.8%)".
set -eu
src=$1 build=$2 cc=$3
# a sanitizer build's library needs the sanitizer runtime, which a plain program lacks
if grep -q 'b_sanitize.*address' "$build/meson-info/intro-buildoptions.json" 2>/dev/null &&
   ! grep -q '"name": "b_sanitize", "value": "none"' "$build/meson-info/intro-buildoptions.json"; then
  echo "skipped: sanitizer build"; exit 77
fi
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --quiet >/dev/null
# the installed accord.pc names its install prefix; a copy points it at the private one
mkdir "$dest/pc"
sed "s|^prefix=.*|prefix=$dest$(sed -n 's/^prefix=//p' "$(find "$dest" -name accord.pc | head -n 1)")|" \
  "$(find "$dest" -name accord.pc | head -n 1)" >"$dest/pc/accord.pc"
flags=$(PKG_CONFIG_PATH="$dest/pc" pkg-config --cflags --libs accord)
# shellcheck disable=SC2086
"$cc" -Wall -Werror "$src/examples/score.c" $flags -o "$dest/score"
lib=$(dirname "$(find "$dest" -name 'libaccord.so*' | head -n 1)")
out=$(LD_LIBRARY_PATH="$lib" "$dest/score" "$src/tests/data/good/vocabulary.xml" \
  "$src/tests/data/good/ruleset.xml" "$src/tests/data/good/profile-a.xml")
expected="AA against test: 54.2 / 100 (coverage 77.8%)"
[ "$out" = "$expected" ] || { echo "got: $out"; echo "expected: $expected"; exit 1; }
echo "$out"

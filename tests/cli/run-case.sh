#!/bin/sh
# Runs one end-to-end case: accord with the words in CASE/args (run from tests/data, so paths
# in args are relative to it), then compares the exit status with CASE/expected.rc, stdout
# byte for byte with CASE/expected.out, and checks that stderr contains CASE/expected.err.
# A case may also hold `check`, a shell snippet run afterwards in the same directory (for
# cases that write files); it sees $out_dir, a fresh temporary directory. A case may hold
# `setup`, run the same way before accord, to make files too large or too special for git
# (generated inputs, FIFOs, device nodes) in $out_dir; tests/cli/generate.sh helps.
set -u
accord=$1
case_dir=$2
data_dir=$(cd "$(dirname "$0")/../data" && pwd)
out_dir=$(mktemp -d)
trap 'rm -rf "$out_dir"' EXIT
export out_dir

args=$(cat "$case_dir/args")
# under ACCORD_VALGRIND=1 every run of accord, also from a case's check script, is checked for
# leaks and memory errors (exit 99): $accord becomes a wrapper script, still one word
if [ "${ACCORD_VALGRIND:-}" = 1 ]; then
  real=$accord
  wrap_dir=$(mktemp -d)
  trap 'rm -rf "$out_dir" "$wrap_dir"' EXIT
  accord=$wrap_dir/accord
  printf '#!/bin/sh\nexec valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect "%s" "$@"\n' "$real" >"$accord"
  chmod +x "$accord"
fi
export accord
# the program itself, also under valgrind: for runs that must not be wrapped (a check that
# kills accord mid-write must not kill valgrind instead)
accord_bin=${real:-$accord}
generate="$(cd "$(dirname "$0")" && pwd)/generate.sh"
export accord_bin generate
cd "$data_dir" || exit 99
if [ -f "$case_dir/setup" ] && ! sh "$case_dir/setup"; then
  echo "setup script failed"; exit 1
fi
# shellcheck disable=SC2086
eval "\"$accord\" $args" >"$out_dir/stdout" 2>"$out_dir/stderr"
rc=$?
fail=0
want_rc=$(cat "$case_dir/expected.rc")
if [ "$rc" != "$want_rc" ]; then
  echo "exit status $rc, expected $want_rc"; fail=1
fi
if [ -f "$case_dir/expected.out" ] && ! cmp -s "$case_dir/expected.out" "$out_dir/stdout"; then
  echo "stdout differs from $case_dir/expected.out:"; diff -u "$case_dir/expected.out" "$out_dir/stdout" | head -40; fail=1
fi
if [ -f "$case_dir/expected.err" ] && ! grep -qF -- "$(cat "$case_dir/expected.err")" "$out_dir/stderr"; then
  echo "stderr lacks: $(cat "$case_dir/expected.err")"; echo "stderr was:"; cat "$out_dir/stderr"; fail=1
fi
if [ -f "$case_dir/check" ] && ! sh "$case_dir/check"; then
  echo "check script failed"; fail=1
fi
[ $fail -eq 0 ] || { echo "--- stderr:"; head -20 "$out_dir/stderr"; }
exit $fail

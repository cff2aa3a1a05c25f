#!/bin/sh
# The whole test suite, as CI runs it: a normal build (unit, end-to-end and data tests), the
# same tests under AddressSanitizer + UBSan, and the unit and end-to-end tests under valgrind.
# The last line counts every test that ran across the three.
set -u
cd "$(dirname "$0")/.." || exit 2
status=0

run() { # name, build dir, meson setup args, meson test args
	name=$1; dir=$2; setup=$3; shift 3
	echo "=== $name"
	if [ ! -d "$dir" ]; then
		# shellcheck disable=SC2086
		meson setup "$dir" $setup >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; status=1; return; }
	fi
	ninja -C "$dir" >/dev/null || { status=1; return; }
	meson test -C "$dir" --print-errorlogs "$@" || status=1
}

run "tests" build "" 
run "tests under ASan+UBSan" build-asan "-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug" --timeout-multiplier 3
run "unit tests under valgrind" build "" --setup valgrind --suite unit --logbase unit
# the end-to-end cases are shell scripts: run-case.sh puts valgrind around accord itself
export ACCORD_VALGRIND=1
run "end-to-end tests under valgrind" build "" --suite cli --logbase cli-valgrind --timeout-multiplier 10
unset ACCORD_VALGRIND

# meson writes one JSON object per test and run; count them across the four runs
logs="build/meson-logs/testlog.json build-asan/meson-logs/testlog.json build/meson-logs/unit-valgrind.json build/meson-logs/cli-valgrind.json"
# shellcheck disable=SC2086
passed=$(cat $logs 2>/dev/null | grep -c '"result": "OK"')
# shellcheck disable=SC2086
failed=$(cat $logs 2>/dev/null | grep -c '"result": "\(FAIL\|TIMEOUT\|ERROR\|UNEXPECTEDPASS\)"')
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "tests: $passed passed, $failed failed"
exit $status

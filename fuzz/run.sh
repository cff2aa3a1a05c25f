#!/bin/sh
# Builds the fuzz targets with clang (in build-fuzz) and runs each for SECONDS:
#   fuzz/run.sh SECONDS [MAX_LEN] [TARGET…]
# Seeds: tests/data/good and bad for the loaders, fuzz/make-seeds.sh for fuzz-pipeline. New
# inputs go to fuzz/corpus-<target>, crashes, leaks and timeouts to fuzz/artifacts/. MAX_LEN
# (default libFuzzer's 4096) can go up to 16777216, the input limit, for size-driven bugs.
# Exits 1 if any target found something. Runs under nice: the fuzzers share the machine.
set -u
cd "$(dirname "$0")/.." || exit 2
seconds=${1:-30}
max_len=${2:-4096}
[ $# -ge 2 ] && shift 2 || shift $#
targets=${*:-vocabulary ruleset profile tailoring waivers pipeline}
if [ ! -d build-fuzz ]; then
	CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false >build-fuzz.setup.log 2>&1 ||
		{ cat build-fuzz.setup.log; exit 2; }
fi
nice -n 10 ninja -C build-fuzz >/dev/null || exit 2
mkdir -p fuzz/artifacts
sh fuzz/make-seeds.sh fuzz/corpus-pipeline-seeds >/dev/null || exit 2
large=
if [ "$max_len" -gt 1048576 ]; then
	# large inputs: start from the hostile files of the end-to-end tests, up to 16.5 MB, and
	# let inputs be as long as max_len at once rather than growing them slowly
	large="-len_control=0"
	mkdir -p fuzz/corpus-large-seeds
	for kind in "chain 145000" "cycle 100000" "enum-dup 100000" "scale 100000" "waivers-dup 100000"; do
		# shellcheck disable=SC2086
		sh tests/cli/generate.sh $kind >"fuzz/corpus-large-seeds/${kind% *}.xml" || exit 2
	done
	sh fuzz/make-seeds.sh fuzz/corpus-pipeline-large-seeds fuzz/corpus-large-seeds >/dev/null || exit 2
fi
status=0
for t in $targets; do
	seeds="tests/data/good tests/data/bad${large:+ fuzz/corpus-large-seeds}"
	[ "$t" = pipeline ] && seeds="fuzz/corpus-pipeline-seeds${large:+ fuzz/corpus-pipeline-large-seeds}"
	mkdir -p "fuzz/corpus-$t"
	echo "=== fuzz-$t for ${seconds}s, inputs up to $max_len bytes"
	# shellcheck disable=SC2086
	nice -n 10 "build-fuzz/fuzz/fuzz-$t" -max_total_time="$seconds" -max_len="$max_len" $large \
		-timeout=120 -rss_limit_mb=6144 -malloc_limit_mb=6144 -print_final_stats=1 \
		-dict=fuzz/accord.dict -artifact_prefix="fuzz/artifacts/$t-" \
		"fuzz/corpus-$t" $seeds >"fuzz/artifacts/$t.log" 2>&1 || status=1
	grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' \
		"fuzz/artifacts/$t.log"
done
[ $status = 0 ] || echo "fuzz: something was found; see fuzz/artifacts/"
exit $status

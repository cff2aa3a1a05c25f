#!/bin/sh
# Writes seeds for fuzz-pipeline into DIR, from tests/data and the documents in EXTRA, if
# given: make-seeds.sh DIR [EXTRA]
# An input of fuzz-pipeline is one options byte, then up to five documents separated by the
# byte 0x1e: profile, ruleset, vocabulary, tailoring, waivers (fuzz-pipeline.c). Each good or
# bad file goes into the slot its root element names, under several options bytes, and the
# good files are also combined whole, tailoring and waivers included.
set -eu
out=$1
extra=${2:-}
data=$(cd "$(dirname "$0")/../tests/data" && pwd)
mkdir -p "$out"
rs=$(printf '\036')
n=0

# seed OPTIONS PROFILE RULESET VOCABULARY TAILORING WAIVERS (each a file, or - for none)
seed() {
	opt=$1; shift
	n=$((n + 1))
	{
		printf "\\$(printf '%03o' "$opt")"
		first=1
		for f in "$@"; do
			[ $first = 1 ] || printf '%s' "$rs"
			first=0
			[ "$f" = - ] || cat "$f"
		done
	} >"$out/seed-$n"
}

slot_of() {
	case $(grep -oE '<(profile|ruleset|vocabulary|tailoring|waivers)[ >]' "$1" | head -1) in
	"<profile"*) echo 1 ;;
	"<ruleset"*) echo 2 ;;
	"<vocabulary"*) echo 3 ;;
	"<tailoring"*) echo 4 ;;
	"<waivers"*) echo 5 ;;
	*) echo 1 ;;
	esac
}

# seed_slot OPTIONS FILE: FILE in the slot its root element names
seed_slot() {
	case $(slot_of "$2") in
	1) seed "$1" "$2" ;;
	2) seed "$1" - "$2" ;;
	3) seed "$1" - - "$2" ;;
	4) seed "$1" - - - "$2" ;;
	5) seed "$1" - - - - "$2" ;;
	esac
}

for f in "$data"/good/*.xml "$data"/bad/*.xml; do
	for opt in 0 7 13 21; do
		seed_slot $opt "$f"
	done
done
# extra documents may be large: one options byte each
for f in ${extra:+"$extra"/*.xml}; do
	seed_slot 0 "$f"
done
g=$data/good
# every model (0-4), geometric (5-9), unknown exclude and pass (10-29), all five documents
for opt in 0 1 2 3 4 5 10 15 20 25; do
	seed $opt "$g/profile-a.xml" "$g/ruleset.xml" "$g/vocabulary.xml" "$g/tailoring-test.xml" "$g/waivers-test.xml"
done
seed 0 "$g/profile-b.xml" "$g/compare-ruleset.xml" - "$g/compare-tailoring.xml"
seed 5 "$g/diff-old.xml" - - "$g/diff-tailoring.xml"
seed 10 "$g/profile-c.xml" - - - "$g/waivers-test.xml"
echo "$n seeds in $out"

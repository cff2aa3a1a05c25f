#!/bin/sh
# Writes a large hostile input to standard output, for the end-to-end cases that need files
# too big to keep in git (tests/cli/cases/large-*, in their setup scripts): generate.sh KIND N
#   chain N        ruleset of N criteria, each depending on the next (a reverse chain)
#   cycle N        the same, with the last depending on the first
#   enum N         vocabulary with an enum fact of N values
#   enum-dup N     the same, with the last value repeating the first
#   scale N        vocabulary with a scale of N levels
#   scale-dup N    the same, with the last level repeating the first
#   waivers N      N waivers, each of another criterion
#   waivers-dup N  the same, with the last repeating the first
# The rulesets test facts of tests/data/good/vocabulary.xml.
set -eu
kind=$1
n=$2
exec awk -v kind="$kind" -v n="$n" '
function head(ns, root, attrs) {
	printf "<?xml version=\"1.0\"?>\n<%s xmlns=\"urn:accord:%s:1\"%s>\n", root, ns, attrs
}
function ruleset(cycle,   i, dep) {
	head("ruleset", "ruleset", " id=\"chain\" version=\"1\"")
	print "<title>Chain</title><agreement name=\"A\"/><source verified=\"true\">Generated.</source>"
	print "<obligations><obligation id=\"o\" multiplier=\"1\">O.</obligation></obligations>"
	print "<pillar id=\"p\"><title>P</title></pillar>"
	print "<rule id=\"r\" pillar=\"p\" obligation=\"o\"><title>R</title><provision cite=\"x\">X.</provision>"
	for (i = 1; i <= n; i++) {
		dep = i < n ? sprintf(" depends-on=\"c%06d\"", i + 1) : (cycle ? " depends-on=\"c000001\"" : "")
		printf "<criterion id=\"c%06d\"%s><title>c%06d</title><check fact=\"ir.csirt\" is=\"true\"/></criterion>\n", i, dep, i
	}
	print "<recommendation>R.</recommendation></rule></ruleset>"
}
function vocabulary(what, dup,   i) {
	head("vocabulary", "vocabulary", " version=\"1\"")
	print "<title>Large</title>"
	if (what == "scale") {
		print "<scale id=\"big\">"
		for (i = 1; i <= n; i++)
			printf "<level id=\"l%d\">L.</level>\n", dup && i == n ? 1 : i
		print "</scale>"
		print "<fact key=\"big.level\" type=\"level\" scale=\"big\">A level.</fact>"
	} else {
		printf "<fact key=\"big.enum\" type=\"enum\" values=\""
		for (i = 1; i <= n; i++)
			printf "v%d ", dup && i == n ? 1 : i
		print "\">An enum.</fact>"
	}
	print "</vocabulary>"
}
function waivers(dup,   i) {
	head("waivers", "waivers", "")
	for (i = 1; i <= n; i++)
		printf "<waiver country=\"AA\" ruleset=\"test\" criterion=\"c%d\" approver=\"A\" expires=\"2030-01-01\">W.</waiver>\n", dup && i == n ? 1 : i
	print "</waivers>"
}
BEGIN {
	if (kind == "chain") ruleset(0)
	else if (kind == "cycle") ruleset(1)
	else if (kind == "enum") vocabulary("enum", 0)
	else if (kind == "enum-dup") vocabulary("enum", 1)
	else if (kind == "scale") vocabulary("scale", 0)
	else if (kind == "scale-dup") vocabulary("scale", 1)
	else if (kind == "waivers") waivers(0)
	else if (kind == "waivers-dup") waivers(1)
	else { print "generate.sh: unknown kind " kind > "/dev/stderr"; exit 2 }
}'

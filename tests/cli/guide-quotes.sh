#!/bin/sh
# Usage: guide-quotes.sh GUIDE MIN_COMMANDS, from the repository root, with $accord the
# program and $out_dir a scratch directory (as tests/cli/run-case.sh sets them).
#
# Every command of GUIDE runs as written from a build, and every line of output it quotes is
# the program's. Every "$ accord …" line in a fenced block of GUIDE is a command, and the
# lines under it (up to the next command or the end of the block) are its quoted output. The
# command is run as written by sh, from the repository root, with `accord` on PATH (what
# `meson devenv -C build --workdir .` gives a reader; pipes into jq included). It must exit 0,
# or with the status a trailing "# exit status N" gives; print something; and, when piped
# into jq, print no null (jq's answer for a member the JSON does not have, which is how a
# filter goes stale when a member is renamed). Every quoted line other than "…" and blank
# lines must appear in its output, in the guide's order. Inside a quoted line "…" stands for
# text left out: the pieces around it must appear in order in one output line, the first at
# its start and the last at its end. A block indented under a list item is read without its
# indentation. Fails when GUIDE has a "$ accord" line outside a fenced block (it would not be
# run) or fewer than MIN_COMMANDS commands, so that a change of the markup cannot make the
# check pass by finding nothing.
set -u
guide=$1
min=$2
[ -f "$guide" ] || { echo "no guide $guide"; exit 1; }
rm -rf "$out_dir/quotes" && mkdir -p "$out_dir/quotes/bin"
dir=$out_dir/quotes
# `accord` on PATH runs $accord, also when that is the valgrind wrapper
printf '#!/bin/sh\nexec "%s" "$@"\n' "$accord" >"$dir/bin/accord"
chmod +x "$dir/bin/accord"

awk -v dir="$dir" '
  function strip(s) { return substr(s, indent + 1) }
  /^[[:space:]]*```/ {
    if (inblock) { inblock = 0; if (file != "") close(file); file = "" }
    else { inblock = 1; match($0, /^[[:space:]]*/); indent = RLENGTH; file = "" }
    next
  }
  !inblock { next }
  { line = strip($0) }
  line ~ /^\$ accord / {
    if (file != "") close(file)
    n++; cmd = substr(line, 3); want = 0
    if (match(cmd, /[[:space:]]*# exit status [0-9]+$/)) {
      want = substr(cmd, RSTART); sub(/.*# exit status /, "", want); cmd = substr(cmd, 1, RSTART - 1)
    }
    print cmd > (dir "/cmd-" n); close(dir "/cmd-" n)
    print want > (dir "/rc-" n); close(dir "/rc-" n)
    file = dir "/quote-" n; printf "" > file
    next
  }
  file != "" { print line > file }
' "$guide"

fail=0
all=$(grep -c -E '^[[:space:]]*\$ accord ' "$guide")
n=0
for cmd in "$dir"/cmd-*; do
  [ -f "$cmd" ] || continue
  n=$((n + 1))
  i=${cmd##*-}
  text=$(cat "$cmd")
  PATH="$dir/bin:$PATH" sh -c "$text" >"$dir/out-$i" 2>"$dir/err-$i" </dev/null
  rc=$?
  if [ "$rc" != "$(cat "$dir/rc-$i")" ]; then
    echo "exit status $rc, expected $(cat "$dir/rc-$i"): $text"; head -3 "$dir/err-$i"; fail=1; continue
  fi
  [ -s "$dir/out-$i" ] || { echo "no output: $text"; fail=1; continue; }
  case $text in
    *'| jq'*) if grep -qw null "$dir/out-$i"; then echo "jq printed null: $text"; fail=1; fi ;;
  esac
  awk -v out="$dir/out-$i" '
    # CSV lines end in CRLF (RFC 4180); a guide cannot show the CR
    BEGIN { while ((getline l < out) > 0) { sub(/\r$/, "", l); o[++m] = l } }
    # does output line s match quoted line q, where "…" in q stands for any text
    function matches(s, q,   parts, np, j, at, pos) {
      if (index(q, "…") == 0) return s == q
      np = split(q, parts, "…")
      if (substr(s, 1, length(parts[1])) != parts[1]) return 0
      pos = length(parts[1]) + 1
      for (j = 2; j < np; j++) {
        at = index(substr(s, pos), parts[j]); if (at == 0) return 0
        pos += at - 1 + length(parts[j])
      }
      return length(s) - pos + 1 >= length(parts[np]) && substr(s, length(s) - length(parts[np]) + 1) == parts[np]
    }
    $0 == "…" || $0 == "" { next }
    {
      found = 0
      while (k < m) if (matches(o[++k], $0)) { found = 1; break }
      if (!found) { print "not in the output, in order: " $0; bad = 1; exit }
    }
    END { exit bad }
  ' "$dir/quote-$i" || { echo "stale quote in $guide for: $text"; fail=1; }
done
[ "$n" -eq "$all" ] || { echo "$guide has $all \"\$ accord\" lines, $n of them in fenced blocks"; fail=1; }
[ "$n" -ge "$min" ] || { echo "only $n quoted commands found in $guide, expected at least $min"; fail=1; }
exit $fail

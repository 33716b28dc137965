#!/usr/bin/env bash
# Fault and concurrency trials for `stackwise export` (issue 14; run by hand, not part of `swift test`).
#
#   Benchmarks/ExportTrials/export-trials.sh [BINARY] [KILLS] [PAIRS]
#
# Kill trial: KILLS times, an export (alternating two answers files, so records are created, updated and
# superseded) is SIGKILLed after a random delay within its usual run time; then one clean export runs, as a user
# would. Concurrency trial: PAIRS times, two exports with different answers start at once on one folder.
# After each trial the folder is checked; the totals must all be 0:
#   temp files left   .NAME.stackwise-UUID.tmp files after the next clean run (after a kill) or after the pair
#   duplicate numbers two record files with one NNNN
#   double-active     a decision with more than one record whose status is not "superseded"
set -u
BINARY=${1:-.build/debug/stackwise}
KILLS=${2:-100}
PAIRS=${3:-40}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
A="$ROOT/docs/examples/express-slow-under-load.yaml"
B="$ROOT/docs/examples/jwt-login-api.yaml"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

temps() { find "$1" -maxdepth 1 -name '.*.stackwise-*.tmp' | wc -l; }
duplicates() { find "$1" -maxdepth 1 -name '[0-9]*-*.md' -printf '%f\n' | cut -d- -f1 | sort | uniq -d | wc -l; }
double_active() {
    for file in "$1"/[0-9]*-*.md; do
        [ -e "$file" ] || continue
        awk 'NR == 1 && $0 != "---" { exit } NR > 1 && $0 == "---" { exit }
             /^stackwise-decision:/ { d = $2 } /^status:/ { s = $0 }
             END { if (d != "" && s !~ /superseded/) print d }' "$file"
    done | sort | uniq -d | wc -l
}
milliseconds() { date +%s%3N; }

# How long one export takes here (the kill delays are drawn from 0 to this).
start=$(milliseconds)
"$BINARY" export --answers "$A" --out "$WORK/probe" > /dev/null
"$BINARY" export --answers "$B" --out "$WORK/probe" > /dev/null
duration=$(( ($(milliseconds) - start) / 2 ))
echo "one export takes about ${duration} ms"

kill_temps_before=0 kill_temps=0 kill_duplicates=0 kill_double=0 killed=0
folder="$WORK/killed"
for trial in $(seq 1 "$KILLS"); do
    if (( trial % 2 )); then answers=$A; else answers=$B; fi
    "$BINARY" export --answers "$answers" --out "$folder" > /dev/null 2>&1 &
    pid=$!
    delay=$(( RANDOM % (duration + 1) ))
    sleep "$(printf '0.%03d' "$delay")" 2> /dev/null || sleep 0
    if kill -9 "$pid" 2> /dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2> /dev/null
    kill_temps_before=$((kill_temps_before + $(temps "$folder")))
    "$BINARY" export --answers "$answers" --out "$folder" > /dev/null 2>&1 || echo "trial $trial: the clean export failed"
    kill_temps=$((kill_temps + $(temps "$folder")))
    kill_duplicates=$((kill_duplicates + $(duplicates "$folder")))
    kill_double=$((kill_double + $(double_active "$folder")))
done
echo "kill trial: $KILLS exports, $killed SIGKILLed while running"
echo "  temp files right after the kills (removed by the next run): $kill_temps_before"
echo "  temp files left after the next run: $kill_temps"
echo "  duplicate numbers: $kill_duplicates"
echo "  double-active decisions: $kill_double"

pair_temps=0 pair_duplicates=0 pair_double=0 refused=0 failed=0
for pair in $(seq 1 "$PAIRS"); do
    folder="$WORK/pair-$pair"
    if (( pair % 2 )); then "$BINARY" export --answers "$A" --out "$folder" > /dev/null 2>&1; fi
    "$BINARY" export --answers "$A" --out "$folder" > /dev/null 2> "$WORK/err1" &
    first=$!
    "$BINARY" export --answers "$B" --out "$folder" > /dev/null 2> "$WORK/err2" &
    second=$!
    for pid in $first $second; do
        wait "$pid"
        status=$?
        if [ "$status" = 3 ]; then refused=$((refused + 1)); elif [ "$status" != 0 ]; then failed=$((failed + 1)); fi
    done
    pair_temps=$((pair_temps + $(temps "$folder")))
    pair_duplicates=$((pair_duplicates + $(duplicates "$folder")))
    pair_double=$((pair_double + $(double_active "$folder")))
done
echo "concurrent trial: $PAIRS pairs ($refused exports refused after waiting for the lock, $failed failed otherwise)"
echo "  temp files left: $pair_temps"
echo "  duplicate numbers: $pair_duplicates"
echo "  double-active decisions: $pair_double"
total=$((kill_temps + kill_duplicates + kill_double + pair_temps + pair_duplicates + pair_double + failed))
[ "$total" = 0 ] && echo "all 0" || { echo "PROBLEMS: $total"; exit 1; }

#!/usr/bin/env bash
# Whole-process time and peak memory of `report render` on the seed, release build.
# Usage: benches/render.sh [RUNS]   (needs GNU time: apt-get install time)
# Targets on 2 cores: PDF alone <= 0.15 s and <= 100 MB (issue 3); DOCX adds <= 10 ms (issue 4);
# HTML adds a few ms at most (issue 15: compare `render --format html` with `check`, which
# does everything but render, and pdf,docx,html with pdf,docx). OFD adds no more than the PDF
# export (issue 18): pdf,ofd minus pdf (the OFD export) against pdf,ofd minus ofd (the PDF
# export); the two share one layout.
# Issue 19: render --format pdf,docx <= 0.10 s and <= 100 MB (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
# BIN=path measures another build (e.g. the one before a change, in the same run).
if [ -z "${BIN:-}" ]; then cargo build --release --quiet; fi
bin=${BIN:-target/release/report}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install time" >&2; exit 2; }

# measure LABEL ARGS...: median wall time and max peak RSS over $runs runs.
measure() {
  local label=$1; shift
  "$bin" "$@" >/dev/null  # warm the page cache once
  local times=() peak=0
  for _ in $(seq "$runs"); do
    local start end rss
    start=$(date +%s%N)
    rss=$( { /usr/bin/time -f '%M' "$bin" "$@" >/dev/null; } 2>&1 | tail -1)
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")  # microseconds
    (( rss > peak )) && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] / 1e6}')
  printf '%-28s median %6.3f s   peak %6.1f MB   (%d runs)\n' "$label" "$median" "$(echo "$peak/1024" | bc -l)" "$runs"
}

measure "render --format pdf" render reports/chongqing-2014.yaml -o "$out" --format pdf
measure "render --format docx" render reports/chongqing-2014.yaml -o "$out" --format docx
measure "render --format pdf,docx" render reports/chongqing-2014.yaml -o "$out" --format pdf,docx
measure "render --format html" render reports/chongqing-2014.yaml -o "$out" --format html
measure "render --format pdf,docx,html" render reports/chongqing-2014.yaml -o "$out" --format pdf,docx,html
measure "render --format ofd" render reports/chongqing-2014.yaml -o "$out" --format ofd
measure "render --format pdf,ofd" render reports/chongqing-2014.yaml -o "$out" --format pdf,ofd
measure "check" check reports/chongqing-2014.yaml

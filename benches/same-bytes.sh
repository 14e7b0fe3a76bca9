#!/usr/bin/env bash
# Renders every example and test fixture with two builds of report and compares what they
# write: the PDF and DOCX bytes, `report data`, `report check --format json`, and a batch's
# outputs. For restructurings that must not change behaviour.
#   benches/same-bytes.sh OLD_BINARY NEW_BINARY
# EXCLUDE=PATTERN leaves out files whose names match (e.g. "*.data.json" when the data
# the template reads changed on purpose).
set -uo pipefail
old=$1 new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("$root"/reports/*.yaml "$root"/tests/fixtures/valid/*.yaml "$root"/tests/fixtures/invalid/*.yaml)

run() { # BINARY SIDE
  local bin=$1 side=$2 out="$work/$2"
  mkdir -p "$out/render" "$out/a2b" "$out/embed" "$out/batch"
  for f in "${inputs[@]}"; do
    local name; name=$(basename "$f" .yaml)
    mkdir -p "$out/render/$name"
    # Render each file alone (into its own folder: fixtures share names with examples).
    "$bin" render "$f" -o "$out/render/$name" >/dev/null 2>"$out/render/$name.stderr"
    echo "exit $?" >>"$out/render/$name.stderr"
    "$bin" check --format json "$f" >"$out/render/$name.check.json" 2>/dev/null
    echo "exit $?" >>"$out/render/$name.check.json"
    "$bin" data "$f" >"$out/render/$name.data.json" 2>/dev/null
  done
  "$bin" render "$root"/reports/*.yaml -o "$out/a2b" --pdf-standard a-2b --format pdf >/dev/null 2>&1
  "$bin" render "$root"/reports/*.yaml -o "$out/embed" --embed-fonts --format docx >/dev/null 2>&1
  "$bin" batch "$root"/reports -o "$out/batch" --jobs 1 >/dev/null 2>&1
  # The batch's summary holds timings; keep its other fields.
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); [o.pop("millis",None) for o in s]; print(json.dumps(s,ensure_ascii=False,indent=1))' \
    "$out/batch/summary.json" >"$out/batch/summary.cmp" && rm "$out/batch/summary.json"
  # Paths in messages name the side's folder; make them comparable.
  grep -rl "$out" "$out" 2>/dev/null | xargs -r sed -i "s#$out#OUT#g"
}

run "$old" old
run "$new" new
cd "$work"
if diff -r ${EXCLUDE:+-x "$EXCLUDE"} old new >"$work/diff.txt"; then
  echo "same: $(find old -type f | wc -l) files identical"
else
  cat "$work/diff.txt" | head -100
  echo "DIFFERENT"
  exit 1
fi

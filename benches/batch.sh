#!/usr/bin/env bash
# report batch on N generated district reports like the seed (PDF + DOCX), whole process,
# release build: time and peak memory. When the Typst CLI is on PATH (`typst`, or TYPST=...),
# the same PDFs are also compiled by it, two at a time (these machines have 2 cores), with
# the same template, data and fonts, and the ratio is printed.
# Usage: benches/batch.sh [N ...]   (default: 40 1000)
# Targets (issue 7, 2 cores): 40 reports <= 0.6 s, <= 250 MB; 1000 <= 15 s, memory as flat.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/report
typst=${TYPST:-$(command -v typst || true)}
[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(40 1000)
for count in "${counts[@]}"; do
  in=$work/in-$count
  mkdir -p "$in"
  for i in $(seq -w 1 "$count"); do
    sed "s/^issuer: .*/issuer: 示例市第${i}区人民政府办公室/" reports/chongqing-2014.yaml > "$in/district-$i.yaml"
  done
  /usr/bin/time -o "$work/t" -f '%e %M' "$bin" batch "$in" -o "$work/out-$count" >/dev/null 2>&1 || true
  read -r ours kb < "$work/t"
  printf 'report batch %5d reports, PDF+DOCX: %6.2f s, peak %6.1f MB\n' "$count" "$ours" "$(echo "$kb/1024" | bc -l)"
  /usr/bin/time -o "$work/t" -f '%e %M' "$bin" batch "$in" -o "$work/pdf-$count" --format pdf >/dev/null 2>&1 || true
  read -r ours_pdf kb < "$work/t"
  printf 'report batch %5d reports, PDF only: %6.2f s, peak %6.1f MB\n' "$count" "$ours_pdf" "$(echo "$kb/1024" | bc -l)"
  if [ -n "$typst" ] && [ "$count" -le 200 ]; then
    # Each report as a Typst project: our template, its layout and the report's data.
    for f in "$in"/*.yaml; do
      d=$work/typst-$count/$(basename "$f" .yaml)
      mkdir -p "$d"
      cp templates/gbt9704/report.typ templates/gbt9704/layout.toml "$d/"
      "$bin" data "$f" > "$d/report.json"
    done
    start=$(date +%s%N)
    ls -d "$work/typst-$count"/*/ | xargs -P 2 -I{} "$typst" compile --root {} --font-path fonts --ignore-system-fonts {}report.typ {}report.pdf
    end=$(date +%s%N)
    theirs=$(echo "($end - $start) / 1000000000" | bc -l)
    printf 'typst CLI    %5d reports, PDF only, 2 at a time: %6.2f s; report batch is %.1fx faster (PDF only)\n' \
      "$count" "$theirs" "$(echo "$theirs / $ours_pdf" | bc -l)"
  fi
done

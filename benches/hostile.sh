#!/usr/bin/env bash
# Time and peak memory of `report check` and `report render` on every hostile input of
# tests/fixtures/invalid (plus a generated 50 MB file), release build.
# Target (issue 5): each case under 1 s and 200 MB. Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/report
[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

huge=$work/huge-50mb.yaml
{ printf 'issuer: 某区\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - '; head -c 52428800 /dev/zero | tr '\0' 'x'; echo; } > "$huge"

worst_s=0 worst_kb=0 failed=0
printf '%-34s %8s %8s %10s\n' case command seconds peak_MB
for f in tests/fixtures/invalid/*.yaml "$huge"; do
  for cmd in check render; do
    args=("$cmd" --deny-warnings "$f")
    [ "$cmd" = render ] && args+=(-o "$work")
    /usr/bin/time -o "$work/time" -f '%e %M' "$bin" "${args[@]}" >/dev/null 2>&1 || true
    stats=$(tail -1 "$work/time")
    s=${stats% *} kb=${stats#* }
    printf '%-34s %8s %8s %10.1f\n' "$(basename "$f")" "$cmd" "$s" "$(echo "$kb/1024" | bc -l)"
    if (( $(echo "$s > $worst_s" | bc) )); then worst_s=$s; fi
    (( kb > worst_kb )) && worst_kb=$kb
    if (( $(echo "$s >= 1" | bc) )) || (( kb >= 204800 )); then failed=$((failed + 1)); fi
  done
done
printf 'worst: %s s, %.1f MB; cases over the target (1 s, 200 MB): %d\n' "$worst_s" "$(echo "$worst_kb/1024" | bc -l)" "$failed"

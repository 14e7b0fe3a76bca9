#!/usr/bin/env bash
# Time and peak memory of `report check` and `report render` on every hostile input: the
# files of tests/fixtures/invalid, a generated 50 MB file, a device and a pipe beside a good
# report, a folder of symlink loops; and of `report render` on the largest valid reports
# the limits allow (one paragraph at 20 000 characters, 200 000 characters in all, 5 000
# paragraphs), and of `report check` of two such years of one issuer (S-COPY compares
# them paragraph by paragraph). Release build (BIN=path to measure another build).
# Targets (issue 12): each hostile case under 1 s and 200 MB; each valid case at the
# limits under 1 s and 300 MB. Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/report
fi
[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

huge=$work/huge-50mb.yaml
{ printf 'issuer: 某区\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - '; head -c 52428800 /dev/zero | tr '\0' 'x'; echo; } > "$huge"

# A good report with a device, a pipe and a symlink loop beside it.
beside=$work/beside
mkdir -p "$beside"
cp reports/chongqing-2014.yaml "$beside/good.yaml"
ln -s /dev/zero "$beside/zero.yaml"
mkfifo "$beside/pipe.yaml"
ln -s . "$beside/loop"

# The largest valid reports: each at one of the limits.
python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
p = '本机关认真贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开。'
head = 'issuer: 某区人民政府\nyear: 2023\ndate: 2024-01-20\nparts:\n  - heading: 总体情况\n    body:\n'
long = (p * (20000 // len(p) + 1))[:20000]
open(f'{work}/limit-paragraph.yaml', 'w').write(head + '      - ' + long + '\n')
open(f'{work}/limit-text.yaml', 'w').write(head + ''.join('      - ' + long[:19990] + '\n' for _ in range(10)))
open(f'{work}/limit-paragraphs.yaml', 'w').write(head + ''.join(f'      - 第{i}段。\n' for i in range(4997)))
# Two years of one issuer at the limits, last year's a near copy: S-COPY's worst case.
import os
for name, body in [
    ('copies', [f'第{i}段，{p[:(i % 30) + 5]}。' for i in range(4997)]),
    ('near-copies', [long[:19990]] * 10),
]:
    os.makedirs(f'{work}/{name}', exist_ok=True)
    for year in (2022, 2023):
        h = head.replace('2023', str(year)).replace('2024', str(year + 1))
        text = body if year == 2023 else [t.replace('公开', '公示', 1 + len(t) // 400) for t in body]
        open(f'{work}/{name}/{year}.yaml', 'w').write(h + ''.join(f'      - {t}\n' for t in text))
EOF

worst_s=0 worst_kb=0 failed=0
measure() { # label, target MB, command...
  local label=$1 target_mb=$2; shift 2
  local rc=0
  timeout 20 /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1 || rc=$?
  # A valid case must be rendered (exit 0), or checked with warnings only (exit 0 or 1).
  if [ "$target_mb" = 300 ] && [ "$rc" != 0 ] && [ "$rc" != 1 ]; then echo "$label: exit $rc, expected a render" >&2; failed=$((failed + 1)); fi
  local stats s kb
  stats=$(tail -1 "$work/time")
  s=${stats% *} kb=${stats#* }
  printf '%-40s %8s %10.1f\n' "$label" "$s" "$(echo "$kb/1024" | bc -l)"
  if (( $(echo "$s > $worst_s" | bc) )); then worst_s=$s; fi
  (( kb > worst_kb )) && worst_kb=$kb
  if (( $(echo "$s >= 1" | bc) )) || (( kb >= target_mb * 1024 )); then failed=$((failed + 1)); fi
}

printf '%-40s %8s %10s\n' case seconds peak_MB
for f in tests/fixtures/invalid/*.yaml "$huge" "$beside/zero.yaml" "$beside/pipe.yaml"; do
  for cmd in check render; do
    args=("$cmd" --deny-warnings "$f")
    [ "$cmd" = render ] && args+=(-o "$work/out")
    measure "$(basename "$f") $cmd" 200 "$BIN" "${args[@]}"
  done
done
measure "good.yaml beside zero/pipe/loop check" 200 "$BIN" check "$beside/good.yaml"
measure "folder with loops and a pipe: batch" 200 "$BIN" batch "$beside" -o "$work/batch"
for d in copies near-copies; do
  measure "$d: check against last year (valid)" 300 "$BIN" check "$work/$d/2023.yaml"
done
for f in "$work"/limit-*.yaml; do
  measure "$(basename "$f") render (valid)" 300 "$BIN" render "$f" -o "$work/out"
done
printf 'worst: %s s, %.1f MB; cases over their target: %d\n' "$worst_s" "$(echo "$worst_kb/1024" | bc -l)" "$failed"

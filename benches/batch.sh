#!/usr/bin/env bash
# report batch on N generated district reports, whole process, release build: time and
# peak memory, with the Typst CLI compiling the same PDFs in the same run when it is on PATH
# (`typst`, or TYPST=...), two at a time (these machines have 2 cores), and the Typst library
# (`pip install typst`: benches/typst_lib.py, one process per core, fonts loaded once per
# process) when Python can import it, and the ratios.
#
# Two kinds of input, both generated from the seed (nothing is committed):
#   seed    the issue's benchmark: the seed with only the issuer changed, so the reports
#           share their text, and Typst's memoization carries layout and font subsets
#           from one report to the next;
#   varied  districts as they really differ: each its own issuer (in the title and the
#           signature too) and each paragraph's sentences in its own order, so no
#           paragraph and no font subset repeats.
#
# Usage: benches/batch.sh [N ...]   (default: 40 1000; needs GNU time and bc, and perl)
# Targets (issue 19, 2 cores): 40 seed copies PDF+DOCX <= 0.45 s (>= 1.6x the Typst library's
# PDFs alone, >= 7x the Typst CLI); 40 varied <= 0.6 s; 1000 varied <= 15 s, memory flat.
set -euo pipefail
cd "$(dirname "$0")/.."
# BIN=path measures another build (e.g. the one before a change, in the same run).
if [ -z "${BIN:-}" ]; then cargo build --release --quiet; fi
bin=${BIN:-$PWD/target/release/report}
typst=${TYPST:-$(command -v typst || true)}
# The Typst library, through its Python bindings (pip install typst), when importable.
typst_lib=${TYPST_PYTHON:-python3}
"$typst_lib" -c 'import typst' 2>/dev/null || typst_lib=
for tool in /usr/bin/time bc perl; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install time bc perl" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# generate KIND DIR COUNT
generate() {
  perl -CSD -Mutf8 -e '
    my ($kind, $out, $count) = @ARGV;
    open my $fh, "<", "reports/chongqing-2014.yaml" or die $!; my @lines = <$fh>; close $fh;
    my @names = qw(渝中 江北 南岸 沙坪坝 九龙坡 大渡口 北碚 渝北 巴南 万州 涪陵 黔江 长寿 江津
      合川 永川 南川 綦江 大足 璧山 铜梁 潼南 荣昌 开州 梁平 武隆 城口 丰都 垫江 忠县 云阳 奉节
      巫山 巫溪 石柱 秀山 酉阳 彭水 两江 高新);
    for my $i (1 .. $count) {
      my $issuer;
      if ($kind eq "seed") {
        $issuer = sprintf "示例市第%04d区人民政府办公室", $i;
      } else {
        my $round = int(($i - 1) / @names);
        $issuer = "重庆市" . $names[($i - 1) % @names] . "区人民政府办公室" . ($round ? "第${round}组" : "");
      }
      open my $o, ">", sprintf("%s/district-%04d.yaml", $out, $i) or die $!;
      for (@lines) {
        my $l = $_;
        if ($kind eq "seed") {
          $l =~ s/^issuer: .*/issuer: $issuer/;
        } else {
          $l =~ s/重庆市人民政府办公厅/$issuer/g;
          if ($l =~ /^(\s*text: )(.*)$/) {
            my ($head, @s) = ($1, grep { length } split /(?<=。)/, $2);
            my $k = $i % @s;
            $l = $head . join("", @s[$k .. $#s], @s[0 .. $k - 1]) . "\n";
          }
        }
        print $o $l;
      }
      close $o;
    }' "$@"
}

# run LABEL ARGS...: the median wall time of $runs runs (one for big batches) and the
# largest peak memory; prints the line and leaves the seconds in $secs.
run() {
  local label=$1; shift
  local times=() peak=0 t kb
  for _ in $(seq "$runs"); do
    # GNU time puts "Command exited with non-zero status" first when the batch fails.
    /usr/bin/time -o "$work/t" -f '%e %M' "$@" >/dev/null 2>"$work/err" || {
      echo "$label: the batch failed:" >&2; tail -5 "$work/err" >&2; }
    read -r t kb < <(tail -1 "$work/t")
    times+=("$t")
    (( kb > peak )) && peak=$kb
  done
  secs=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s %7.2f s   peak %6.1f MB\n' "$label" "$secs" "$(echo "$peak/1024" | bc -l)"
}

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(40 1000)
for count in "${counts[@]}"; do
  runs=$(( count <= 200 ? 3 : 1 ))
  for kind in seed varied; do
    in=$work/$kind-$count
    mkdir -p "$in"
    generate "$kind" "$in" "$count"
    run "report batch $count $kind, PDF+DOCX" "$bin" batch "$in" -o "$work/out-$kind-$count"
    ours_both=$secs
    run "report batch $count $kind, PDF" "$bin" batch "$in" -o "$work/pdf-$kind-$count" --format pdf
    ours_pdf=$secs
    if [ "$count" -le 200 ] && { [ -n "$typst" ] || [ -n "$typst_lib" ]; }; then
      # Each report as a Typst project: our template, its layout and the report's data.
      for f in "$in"/*.yaml; do
        d=$work/typst-$kind-$count/$(basename "$f" .yaml)
        mkdir -p "$d"
        cp templates/gbt9704/report.typ templates/gbt9704/layout.toml "$d/"
        "$bin" data "$f" >"$d/report.json"
      done
    fi
    if [ -n "$typst_lib" ] && [ "$count" -le 200 ]; then
      # The median of $runs runs of the Typst library (one process per core, fonts loaded
      # once per process) on the same projects.
      lib_times=()
      for _ in $(seq "$runs"); do
        lib_times+=("$("$typst_lib" benches/typst_lib.py fonts "$work/typst-$kind-$count"/*/)")
      done
      theirs=$(printf '%s\n' "${lib_times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
      printf '%-44s %7.2f s   report batch (PDF) is %.2fx faster, (PDF+DOCX) %.2fx\n' \
        "typst library $count $kind, PDF, 2 processes" "$theirs" \
        "$(echo "$theirs / $ours_pdf" | bc -l)" "$(echo "$theirs / $ours_both" | bc -l)"
    fi
    if [ -n "$typst" ] && [ "$count" -le 200 ]; then
      start=$(date +%s%N)
      ls -d "$work/typst-$kind-$count"/*/ |
        xargs -P 2 -I{} "$typst" compile --root {} --font-path fonts --ignore-system-fonts {}report.typ {}report.pdf
      end=$(date +%s%N)
      theirs=$(echo "($end - $start) / 1000000000" | bc -l)
      printf '%-44s %7.2f s   report batch is %.1fx faster\n' \
        "typst CLI $count $kind, PDF, 2 at a time" "$theirs" "$(echo "$theirs / $ours_pdf" | bc -l)"
    fi
  done
done

#!/usr/bin/env bash
# Builds the release archive, which runs without Rust:
#   dist/report-VERSION-TARGET.tar.gz   (and .zip for a windows target)
# holding report (report.exe), fonts/ with every font's license, templates/, LICENSE-MIT,
# LICENSE-APACHE, README.md, completions/ (report.bash, _report, report.fish, report.ps1),
# man/ (report.1 and one page per command) and 示例.yaml (the 2014 Chongqing report).
#
# Usage: scripts/dist.sh [--binary PATH] [--target TRIPLE] [--out DIR]
#   --binary PATH   put this binary in the archive instead of building one (e.g. the test
#                   build target/debug/report; it is stripped in the copy)
#   --target TRIPLE the target the binary is for (default: this machine's); a binary for
#                   another target is built with `cargo build --target TRIPLE`
#   --out DIR       where the archive goes (default: dist/)
# Environment: PROFILE (cargo profile of the build, default release), SOURCE_DATE_EPOCH
# (the files' time in the archive, default the last commit's), GEN_BINARY (a binary of this
# machine to write the completions and man pages with, when the archive's is for another).
#
# The archive is the same for the same inputs: entries sorted, owner 0, fixed times, gzip
# without a time stamp.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
target=""
out="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --target) target="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "dist.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

host="$(rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)"
[ -n "$host" ] || host="x86_64-unknown-linux-gnu"
[ -n "$target" ] || target="$host"
profile="${PROFILE:-release}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
case "$target" in *windows*) exe=".exe" ;; *) exe="" ;; esac

if [ -z "$binary" ]; then
  if [ "$target" = "$host" ]; then
    cargo build --locked --profile "$profile"
    dir="$profile"; [ "$profile" = "dev" ] && dir="debug"
    binary="target/$dir/report$exe"
  else
    cargo build --locked --profile "$profile" --target "$target"
    dir="$profile"; [ "$profile" = "dev" ] && dir="debug"
    binary="target/$target/$dir/report$exe"
  fi
fi
[ -f "$binary" ] || { echo "dist.sh: no binary at $binary" >&2; exit 1; }

# The completions and pages are written by a binary that runs here.
gen="${GEN_BINARY:-}"
if [ -z "$gen" ]; then
  if [ "$target" = "$host" ]; then
    gen="$binary"
  else
    cargo build --locked
    gen="target/debug/report"
  fi
fi

name="report-$version-$target"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/completions" "$root/man"

cp "$binary" "$root/report$exe"
chmod 755 "$root/report$exe"
if [ "${STRIP:-1}" != 0 ] && [ -z "$exe" ] && command -v strip >/dev/null 2>&1; then
  strip "$root/report$exe"
fi
cp -R fonts templates "$root/"
cp LICENSE-MIT LICENSE-APACHE README.md "$root/"
cp reports/chongqing-2014.yaml "$root/示例.yaml"
REPORT_LANG=en "$gen" completions bash >"$root/completions/report.bash"
REPORT_LANG=en "$gen" completions zsh >"$root/completions/_report"
REPORT_LANG=en "$gen" completions fish >"$root/completions/report.fish"
REPORT_LANG=en "$gen" completions powershell >"$root/completions/report.ps1"
REPORT_LANG=en "$gen" --quiet man -o "$root/man"

# Every font file must travel with its license: fonts/README.md names each file's license
# text in licenses/.
for font in "$root"/fonts/*.ttf "$root"/fonts/*.otf "$root"/fonts/*.ttc; do
  [ -e "$font" ] || continue
  file="$(basename "$font")"
  license="$(grep -F "\`$file\`" fonts/README.md | grep -o 'licenses/[^)]*' | head -n 1 || true)"
  if [ -z "$license" ] || [ ! -f "$root/fonts/$license" ]; then
    echo "dist.sh: fonts/README.md names no license file for $file" >&2
    exit 1
  fi
done

epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"
find "$root" -exec touch -h -d "@$epoch" {} +
mkdir -p "$out"
out="$(cd "$out" && pwd)"
archive="$out/$name.tar.gz"
(cd "$stage" && LC_ALL=C tar --sort=name --owner=0 --group=0 --numeric-owner \
  --mtime="@$epoch" --format=gnu -cf - "$name" | gzip -n -6 >"$archive")
echo "$archive"
case "$target" in
  *windows*)
    zipfile="$out/$name.zip"
    rm -f "$zipfile"
    (cd "$stage" && find "$name" | LC_ALL=C sort | TZ=UTC zip -q -X -@ "$zipfile")
    echo "$zipfile"
    ;;
esac

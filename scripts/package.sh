#!/usr/bin/env bash
# Packs a built vitae binary as a release archive with its SHA-256, in the layout the release
# workflow uploads and the scaffolded Pages workflow downloads:
#   OUTDIR/vitae-TARGET.tar.gz          (vitae-TARGET/vitae, README.md, LICENSE if present)
#   OUTDIR/vitae-TARGET.tar.gz.sha256   ("HASH  vitae-TARGET.tar.gz", for sha256sum --check)
# Windows targets get a .zip holding vitae.exe instead.
# Usage: scripts/package.sh TARGET BINARY OUTDIR
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 TARGET BINARY OUTDIR" >&2
  exit 2
fi
target=$1
binary=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$3"
outdir=$(cd "$3" && pwd)

name="vitae-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
case "$target" in
  *windows*) exe=vitae.exe ;;
  *) exe=vitae ;;
esac
cp "$binary" "$stage/$name/$exe"
chmod 755 "$stage/$name/$exe"
cp "$root/README.md" "$stage/$name/"
if [ -f "$root/LICENSE" ]; then cp "$root/LICENSE" "$stage/$name/"; fi

cd "$stage"
case "$target" in
  *windows*)
    archive="$name.zip"
    7z a -tzip -bd "$outdir/$archive" "$name" >/dev/null
    ;;
  *)
    archive="$name.tar.gz"
    # Sorted names, fixed owner: the same binary gives the same archive listing.
    tar --sort=name --owner=0 --group=0 --numeric-owner -czf "$outdir/$archive" "$name" 2>/dev/null \
      || tar -czf "$outdir/$archive" "$name"
    ;;
esac

cd "$outdir"
if command -v sha256sum >/dev/null; then
  sha256sum "$archive" > "$archive.sha256"
else
  shasum -a 256 "$archive" > "$archive.sha256"
fi
echo "$outdir/$archive"

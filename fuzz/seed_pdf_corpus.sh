#!/usr/bin/env bash
# Seeds fuzz/corpus/pdf with fictional PDFs: the example site and theme fixtures printed in
# every theme (needs chromium), uncompressed with qpdf when it is installed so that mutations
# reach content streams, and a few bare content streams for the wrapped mode.
# Usage: fuzz/seed_pdf_corpus.sh [path/to/vitae]   (then: cd fuzz && cargo +nightly fuzz run pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
vitae=${1:-target/release/vitae}
corpus=fuzz/corpus/pdf
mkdir -p "$corpus"
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/content"
cp content/*.yaml tests/fixtures/themes/*.yaml "$site/content/"
for theme in classic modern compact; do
  "$vitae" build --root "$site" --theme "$theme" --pdf --output "$site/out-$theme" >/dev/null
  for pdf in "$site/out-$theme"/*/resume.pdf; do
    slug=$(basename "$(dirname "$pdf")")
    if command -v qpdf >/dev/null; then
      qpdf --qdf --object-streams=disable "$pdf" "$corpus/$theme-$slug.pdf" || true
    else
      cp "$pdf" "$corpus/$theme-$slug.pdf"
    fi
  done
done
printf 'BT /F1 12 Tf 72 700 Td (Ada Example) Tj ET\n' >"$corpus/content-text"
printf 'BT /F2 10 Tf 1 0 0 1 72 600 Tm [(O) -20 (A) 300 (cer)] TJ T* (- next) Tj ET q 0.5 0 0 0.5 0 0 cm /X1 Do Q 70 650 3 3 re f\n' >"$corpus/content-ops"
echo "seeded $(ls "$corpus" | wc -l) files in $corpus"

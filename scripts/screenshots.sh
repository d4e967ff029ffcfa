#!/usr/bin/env bash
# Screenshots of every theme, to look at: the example site (content/) and, when
# ../shared/eval/seeds/000.txt exists beside the repository, seed 000 (the longest resume) as
# read from its text and as its expected structure.
# For each site and theme: desktop (1280 px), mobile (375 px), dark mode, and the printed PDF's
# pages (pdftoppm). Needs chromium (or $VITAE_BROWSER) and poppler-utils.
#
#   scripts/screenshots.sh [OUT_DIR [THEME...]]   # default: target/screenshots (git-ignored),
#                                                 # every theme
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/target/screenshots}
shift || true
BROWSER=${VITAE_BROWSER:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$BROWSER" ] || { echo "no chromium found: apt-get install chromium, or set VITAE_BROWSER" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install poppler-utils" >&2; exit 1; }

cargo build --quiet --manifest-path "$ROOT/Cargo.toml"
VITAE=$ROOT/target/debug/vitae
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Sites to photograph: name → site root.
declare -A SITES=([example]="$ROOT")
SEED="$ROOT/../shared/eval/seeds/000.txt"
if [ -f "$SEED" ]; then
  mkdir -p "$WORK/seed-000/content"
  cp "$SEED" "$WORK/seed-000/content/seed-000.txt"
  SITES[seed-000]="$WORK/seed-000"
fi
# The structure the free-form reader should find in seed 000, to judge the layout of a long
# real resume independently of the reader.
if [ -f "${SEED%.txt}.expected.json" ]; then
  mkdir -p "$WORK/seed-000-expected/content"
  cp "${SEED%.txt}.expected.json" "$WORK/seed-000-expected/content/seed-000.json"
  SITES[seed-000-expected]="$WORK/seed-000-expected"
fi

shot() { # shot URL OUT.png WIDTH [extra chromium flags...]
  local url=$1 png=$2 width=$3; shift 3
  "$BROWSER" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$WORK")" \
    --hide-scrollbars --window-size="$width,1800" "$@" --screenshot="$png" "$url" >/dev/null 2>&1
}

THEMES=${*:-$("$VITAE" themes --root "$ROOT" | grep -v '^ ' | sed 's/ (selected)//')}
for site in "${!SITES[@]}"; do
  for theme in $THEMES; do
    public="$WORK/public-$site-$theme"
    "$VITAE" build --root "${SITES[$site]}" --output "$public" --theme "$theme" --pdf 2>/dev/null
    page=$(find "$public" -mindepth 2 -name index.html | head -n 1)
    url="file://$page"
    prefix="$OUT/$site-$theme"
    shot "$url" "$prefix-desktop.png" 1280
    shot "$url" "$prefix-mobile.png" 375
    # Dark mode: either flag alone makes prefers-color-scheme match `dark` in headless
    # Chromium 156 (checked); both are passed so older and newer versions agree.
    # (preferredColorScheme=0 is Blink's "dark".)
    shot "$url" "$prefix-dark.png" 1280 --blink-settings=preferredColorScheme=0 --force-dark-mode
    pdf="$(dirname "$page")/resume.pdf"
    rm -f "$prefix"-pdf-*.png
    pdftoppm -png -r 70 "$pdf" "$prefix-pdf"
    echo "$site/$theme: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') PDF page(s)"
  done
done
echo "screenshots in $OUT"

#!/usr/bin/env bash
# Validates every page of every theme: the Nu HTML Checker (zero errors) and Lighthouse
# accessibility (score >= 95). Builds a site with the example resume, the theme test fixtures
# and, when ../shared/eval/seeds is there, the seeds' expected resumes (a gallery plus one page
# per resume, with PDFs so the download links are there) in each theme.
# Needs Java, npm, python3 and chromium; the npm tools are installed once into
# target/validate-tools (git-ignored), or $VITAE_TOOLS if set.
#
#   scripts/validate.sh [THEME...]        # default: every theme
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${VITAE_TOOLS:-$ROOT/target/validate-tools}
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$CHROME_PATH" ] || { echo "no chromium found: apt-get install chromium" >&2; exit 1; }
MIN_SCORE=95

if [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ] || [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund vnu-jar lighthouse >/dev/null)
fi
VNU="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
LIGHTHOUSE="$TOOLS/node_modules/.bin/lighthouse"

cargo build --quiet --manifest-path "$ROOT/Cargo.toml"
VITAE=$ROOT/target/debug/vitae
WORK=$(mktemp -d)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/site/content"
cp "$ROOT"/content/* "$ROOT"/tests/fixtures/themes/*.yaml "$WORK/site/content/"
# The evaluation seeds' expected structure, when ../shared is beside the repository: real
# resumes of every length.
for seed in "$ROOT"/../shared/eval/seeds/*.expected.json; do
  if [ -f "$seed" ]; then cp "$seed" "$WORK/site/content/seed-$(basename "$seed" .expected.json).json"; fi
done
THEMES=${*:-$("$VITAE" themes --root "$WORK/site" | grep -v '^ ' | sed 's/ (selected)//')}

PORT=$((20000 + RANDOM % 20000))
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK" >/dev/null 2>&1 &
SERVER=$!
sleep 1

failed=0
for theme in $THEMES; do
  out="$WORK/$theme"
  "$VITAE" build --root "$WORK/site" --output "$out" --theme "$theme" --pdf 2>/dev/null
  mapfile -t pages < <(cd "$out" && find . -name index.html | sed 's|^\./||' | sort)
  files=()
  for p in "${pages[@]}"; do files+=("$out/$p"); done
  vnu_rc=0
  vnu_out=$(java -jar "$VNU" --errors-only "${files[@]}" 2>&1) || vnu_rc=$?
  errors=$(printf '%s' "$vnu_out" | grep -c 'error:' || true)
  echo "== $theme: Nu HTML Checker on ${#pages[@]} pages: $errors errors"
  if [ "$errors" -ne 0 ] || [ "$vnu_rc" -ne 0 ]; then printf '%s\n' "$vnu_out"; failed=1; fi
  for p in "${pages[@]}"; do
    url="http://127.0.0.1:$PORT/$theme/${p%index.html}"
    json="$WORK/lh.json"
    "$LIGHTHOUSE" "$url" --quiet --only-categories=accessibility --output=json --output-path="$json" \
      --chrome-flags="--headless --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
    score=$(node -e 'const r=require(process.argv[1]);const c=r.categories.accessibility;console.log(Math.round(c.score*100));
      for (const a of Object.values(r.audits)) if (a.score===0) { console.error("   failed audit: "+a.id+": "+a.title);
        for (const i of (a.details&&a.details.items)||[]) if (i.node) console.error("     "+i.node.snippet); }' "$json" 2>"$WORK/audits" || echo "n/a")
    echo "   Lighthouse accessibility /$theme/${p%index.html}: $score"
    cat "$WORK/audits"
    if [ "$score" = "n/a" ] || [ "$score" -lt "$MIN_SCORE" ]; then failed=1; fi
  done
done
if [ "$failed" -eq 0 ]; then echo "all pages valid; accessibility >= $MIN_SCORE"; else echo "validation FAILED"; fi
exit "$failed"

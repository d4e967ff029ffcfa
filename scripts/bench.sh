#!/usr/bin/env bash
# Every benchmark, with the figures the project quotes:
#   - whole-process build time and peak memory for 1, 100, 1,000 and 10,000 generated resumes,
#     and one resume through JSON Resume's resume-cli and resumed side by side (same run);
#   - free-text parse throughput (MB/s), when benches/parse.rs exists;
#   - vitae serve: save-to-reload latency, and requests/s under wrk on loopback.
# Needs npm (for the peers) and wrk (apt-get install wrk); installs the peers under
# target/peers. Usage: scripts/bench.sh [sizes...]   (default: 1 100 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000)

peers=target/peers
if [ ! -x "$peers/node_modules/.bin/resumed" ]; then
  echo "installing resume-cli 3.1.2, resumed and jsonresume-theme-even into $peers ..." >&2
  mkdir -p "$peers"
  # resume-cli's newest releases depend on a package that is no longer on npm; 3.1.2 is the
  # last that installs. Puppeteer's browser download is not needed for HTML.
  PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
    npm install --prefix "$peers" --no-audit --no-fund --silent \
    resume-cli@3.1.2 resumed@6 jsonresume-theme-even >/dev/null
fi

echo "== cargo bench --bench build -- ${sizes[*]}"
VITAE_PEERS="$PWD/$peers/node_modules/.bin" cargo bench -q --bench build -- "${sizes[@]}"

if [ -f benches/parse.rs ]; then
  echo; echo "== cargo bench --bench parse"
  cargo bench -q --bench parse
fi

echo; echo "== cargo bench --bench reload"
cargo bench -q --bench reload

echo; echo "== wrk: vitae serve on the example site, 2 threads, 50 connections, 10 s"
site=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$site"' EXIT
target/release/vitae new "$site/site" >/dev/null
port=$((20000 + RANDOM % 20000))
target/release/vitae serve --root "$site/site" --port "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
for path in /example/ /assets/screen.css; do
  echo "-- GET $path"
  wrk -t2 -c50 -d10s "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|requests in|errors|Non-2xx" || true
done

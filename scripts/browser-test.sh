#!/usr/bin/env bash
# End-to-end test of the web page in a real browser (Debian's Chromium driven
# by playwright-core): loads the demo corpus plus a hostile article, opens a
# story, clicks a citation, checks the highlighted source sentence, checks
# that no script payload ran, and saves screenshots (desktop and phone).
#
#   scripts/browser-test.sh [OUTPUT_DIR]     (default: target/browser-test)
#
# Installs `chromium` with apt-get when missing and playwright-core into a
# throwaway directory under /tmp (Playwright's own browser download is not
# used). Exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/browser-test}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-test: installing Debian's chromium" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  for attempt in 1 2 3; do
    if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then
      break
    fi
    echo "browser-test: apt-get failed (attempt $attempt), retrying" >&2
    sleep 5
  done
fi
chrome="$(command -v chromium)"

work="$(mktemp -d /tmp/crosscheck-browser.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "browser-test: installing playwright-core in $work" >&2
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null)

# CROSSCHECK_BROWSER_PROFILE=debug reuses the test build (as CI does).
profile="${CROSSCHECK_BROWSER_PROFILE:-release}"
echo "browser-test: building the demo server ($profile)" >&2
if [ "$profile" = release ]; then
  (cd "$root" && cargo build --release -q -p crosscheck-server --example demo_server)
else
  (cd "$root" && cargo build -q -p crosscheck-server --example demo_server)
fi

port="${CROSSCHECK_BROWSER_PORT:-$((20000 + RANDOM % 20000))}"
"$root/target/$profile/examples/demo_server" --addr "127.0.0.1:$port" --hostile 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; exit 1; fi
  sleep 0.2
done

cp "$root/scripts/browser-test.mjs" "$work/test.mjs"
(cd "$work" && CHROME="$chrome" BASE="http://127.0.0.1:$port" OUT="$out" node test.mjs)
echo "browser-test: passed; screenshots in $out" >&2

#!/usr/bin/env bash
# Runs every test of Wex, in three layers, stopping at the first that fails:
#   1. native:  cargo test for app/core and app/cli
#   2. browser: wasm-bindgen-test in headless Chromium for app/web (IndexedDB)
#   3. e2e:     Playwright in tests/ against the release build served on loopback
# Then prints one line, "N passed, N failed", totalling every layer.
# Installs whatever it needs first (see scripts/setup.sh).
set -uo pipefail
source "$(dirname "$0")/setup.sh"
wex_setup || { echo "setup failed" >&2; exit 2; }
cd "$wex_root"
mkdir -p tests/output
passed=0
failed=0

# Adds up the "test result: ... N passed; M failed" lines of a cargo test log.
count_cargo() {
  local p f
  p=$(grep -o 'test result: [A-Za-z]*\. [0-9]* passed' "$1" | awk '{ s += $4 } END { print s + 0 }')
  f=$(grep -o '[0-9]* failed;' "$1" | awk '{ s += $1 } END { print s + 0 }')
  passed=$((passed + p))
  failed=$((failed + f))
}

stop() {
  echo "$1 failed: stopping here." >&2
  echo "$passed passed, $((failed > 0 ? failed : 1)) failed"
  exit 1
}

wex_step "Layer 1 of 3: native tests (app/core, app/cli)"
cargo test -p wex-core -p wex-cli 2>&1 | tee tests/output/native.log
status=${PIPESTATUS[0]}
count_cargo tests/output/native.log
[ "$status" = 0 ] || stop "Native tests"

wex_step "Layer 2 of 3: browser tests (app/web in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown -p wex-web 2>&1 | tee tests/output/browser.log
status=${PIPESTATUS[0]}
count_cargo tests/output/browser.log
[ "$status" = 0 ] || stop "Browser tests"

wex_step "Layer 3 of 3: end-to-end tests (release build, Playwright, Chromium)"
trunk build --release --offline || stop "The release build"
node scripts/size-report.mjs dist
npx playwright test
status=$?
read -r p f < <(node -e '
  const r = JSON.parse(require("fs").readFileSync("tests/output/e2e.json", "utf8")).stats;
  console.log(r.expected + r.flaky, r.unexpected);' 2>/dev/null || echo "0 1")
passed=$((passed + p))
failed=$((failed + f))
[ "$status" = 0 ] || stop "End-to-end tests"

echo "$passed passed, $failed failed"

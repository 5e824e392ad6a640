#!/usr/bin/env bash
# Builds Wex for release with the bundled content and serves it on loopback:
#   scripts/serve.sh            http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  another port
# Installs whatever the build needs first (see scripts/setup.sh).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
WEX_SETUP_BROWSER=0 wex_setup
cd "$wex_root"
wex_step "Building the release site into dist/"
trunk build --release --offline
node scripts/size-report.mjs dist
wex_step "Serving dist/ (Ctrl+C to stop)"
exec node tests/support/serve.mjs --root dist --port "${PORT:-8080}"

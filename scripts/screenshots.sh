#!/usr/bin/env bash
# Refreshes the pictures in docs/screenshots/ that README.md and docs/ link to:
# builds the release site and runs the end-to-end tests with their screenshots
# written to docs/screenshots/ instead of tests/output/screenshots/. Commit the
# changed PNGs afterwards. scripts/test.sh never touches docs/screenshots/.
#
#   scripts/screenshots.sh [spec...]     for example: scripts/screenshots.sh studio
set -euo pipefail
source "$(dirname "$0")/setup.sh"
wex_setup
cd "$wex_root"
trunk build --release --offline
WEX_UPDATE_SCREENSHOTS=1 npx playwright test "$@"
git status --short docs/screenshots

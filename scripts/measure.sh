#!/usr/bin/env bash
# Builds the release site under /work-experience/ (as docs/hosting.md hosts it) and
# measures it with Lighthouse behind nginx (scripts/measure.mjs): the figures for
# docs/benchmarks.md. Not a test: speed belongs in reports, not in pass or fail.
#   scripts/measure.sh [--runs 5]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
wex_setup || { echo "setup failed" >&2; exit 2; }
cd "$wex_root"
# Under tests/output (ignored by git), where nginx's workers can read it.
root="$wex_root/tests/output/measure"
rm -rf "$root"
trap 'rm -rf "$root"' EXIT
wex_step "Building the release site under /work-experience/"
trunk build --release --offline --public-url /work-experience/ --dist "$root/work-experience"
wex_step "Measuring with Lighthouse (mobile profile) behind nginx"
WEX_MEASURE_ROOT="$root" node scripts/measure.mjs "$@"

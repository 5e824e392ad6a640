#!/bin/sh
# Trunk's post_build hook (see Trunk.toml), run on the finished site in Trunk's
# staging folder before it becomes dist/. Trunk has built every app; `wex
# finish-site` does what Trunk cannot (see ARCHITECTURE.md, "The build"): content-
# hashed names for the apps in app/ and their list, app/app.json; only the snippets
# each folder's scripts import; sw.js from app/web/sw/service-worker.js; the
# Content-Security-Policy in index.html. It fails the build when anything it needs
# is missing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
stage="${TRUNK_STAGING_DIR:?this script runs inside trunk build}"
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p wex-cli --bin wex -- \
  finish-site "$stage" "$root/app/web/sw/service-worker.js"

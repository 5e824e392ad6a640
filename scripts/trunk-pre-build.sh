#!/bin/sh
# Trunk's pre_build hook (see Trunk.toml): everything the built site needs besides
# the wasm, written into Trunk's staging folder so that it lands in dist/.
#   WEX_CONTENT  the content folder to pack (default: content/); the tests point it
#                at a broken bundle to prove that the build then fails.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
stage="${TRUNK_STAGING_DIR:?this script runs inside trunk build}"
content="${WEX_CONTENT:-$root/content}"

# 1. Check and pack every bundle, and write the index the app reads at start.
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p wex-cli --bin wex -- \
  build "$content" -o "$stage/bundles"

# 2. The NHS design-system styles, compiled from nhsuk-frontend's Sass: the
#    learner's (Trunk hashes it and links it from index.html), and the studio's own,
#    so the learner's stylesheet does not grow for it (the studio links it itself).
mkdir -p "$root/app/web/style/build" "$stage/app"
sass() {
  "$root/node_modules/.bin/sass" --load-path="$root/node_modules" --style=compressed --no-source-map "$@"
}
sass "$root/app/web/style/wex.scss" "$root/app/web/style/build/wex.css"
sass "$root/app/web/style/studio.scss" "$stage/app/studio.css"

# 3. Static files, and the nhsuk images the styles point at.
(cd "$root/public" && find . -type f ! -name ".*" -exec cp --parents {} "$stage/" \;)
mkdir -p "$stage/assets/images"
for image in $(grep -o 'assets/images/[a-z0-9-]*\.svg' "$root/app/web/style/build/wex.css" | sort -u); do
  cp "$root/node_modules/nhsuk-frontend/dist/nhsuk/$image" "$stage/$image"
done

# Installs what building and testing Wex needs, if it is missing. Sourced by
# scripts/serve.sh and scripts/test.sh; safe and quick to run again.
#
# Everything comes from package registries: crates.io (Trunk, wasm-bindgen-cli),
# Debian (Chromium, ChromeDriver, nginx, poppler-utils, libxml2-utils) and npm (wasm-opt from `binaryen`, the NHS styles,
# Playwright), the last from the committed package-lock.json.
#
#   WEX_SETUP_BROWSER=0   skip Chromium and nginx (serving needs neither)

wex_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$wex_root/node_modules/.bin:$PATH"

wex_step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

wex_setup() {
  local want have
  cd "$wex_root" || return 1

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    wex_step "Adding the wasm32-unknown-unknown Rust target"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    wex_step "Installing Trunk 0.21 (about 6 minutes on 2 cores)"
    cargo install trunk --version '~0.21' --locked || return 1
  fi

  # wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')
  if [ "$want" != "$have" ]; then
    wex_step "Installing wasm-bindgen-cli $want (was: ${have:-none})"
    # Not --locked: one of its locked dependencies is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$want" || return 1
  fi

  # Chromium and ChromeDriver for the browser tests, nginx for the sub-path hosting
  # test, poppler-utils (pdftoppm) to turn the printed certificate into a picture,
  # libxml2-utils (xmllint) to validate SCORM manifests against the official XSDs.
  if [ "${WEX_SETUP_BROWSER:-1}" != 0 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/pdftoppm ] || [ ! -x /usr/bin/xmllint ]; }; then
    wex_step "Installing Debian's Chromium, ChromeDriver, nginx, poppler-utils and libxml2-utils"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver nginx poppler-utils libxml2-utils >/dev/null || return 1
  fi

  # npm packages, exactly as package-lock.json lists them; reinstalled when it changes.
  want=$(sha256sum package-lock.json | cut -c1-64)
  have=$(cat node_modules/.wex-lock-sha256 2>/dev/null)
  if [ "$want" != "$have" ]; then
    wex_step "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error || return 1
    echo "$want" > node_modules/.wex-lock-sha256
  fi
}

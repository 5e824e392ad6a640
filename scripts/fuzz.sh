#!/usr/bin/env bash
# Runs every fuzz target of wex-core for a number of inputs each (default 3,500,000,
# so the three together pass 10 million), on a 1 MiB stack like a browser tab's, and
# prints the figures docs/benchmarks.md records. Not part of scripts/test.sh.
#
#   scripts/fuzz.sh [runs-per-target] [target...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`, installed here if missing);
# RUSTC_BOOTSTRAP=1 lets the stable compiler take libFuzzer's sanitizer flags.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3500000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse_bundle unpack nested)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
fuzz=app/core/fuzz

# Seeds: the first-look placement cut into the parse_bundle input format (files
# joined by 0xFF), its packed body for unpack, and a few nestings for nested.
cargo build -q -p wex-cli
mkdir -p "$fuzz/corpus/parse_bundle" "$fuzz/corpus/unpack" "$fuzz/corpus/nested"
python3 - "$fuzz/corpus" <<'PY'
import json, subprocess, sys, pathlib
corpus = pathlib.Path(sys.argv[1])
first = pathlib.Path("content/first-look")
parts = [first / "bundle.toml", *sorted((first / "modules").glob("*.md"))]
(corpus / "parse_bundle" / "seed-first-look").write_bytes(b"\xff".join(p.read_bytes() for p in parts))
subprocess.run(["target/debug/wex", "pack", str(first), "-o", "target/fuzz-seed.wex.json"], capture_output=True, check=True)
packed = pathlib.Path("target/fuzz-seed.wex.json").read_bytes()
body = json.dumps(json.loads(packed)["bundle"], separators=(",", ":"), ensure_ascii=False)
(corpus / "unpack" / "seed-first-look-body").write_text(body)
(corpus / "unpack" / "seed-first-look-packed").write_bytes(packed)
for place in range(5):
    (corpus / "nested" / f"seed-{place}").write_bytes(bytes([place, 0, 3, 5, 2, 6, 1]))
PY

cargo fuzz build --sanitizer none --fuzz-dir "$fuzz"
for target in "${targets[@]}"; do
  # Inputs as long as a small bundle, a packed placement, and 32 nestings.
  case "$target" in
    unpack) dict="$fuzz/dict/packed.dict" max_len=65536 ;;
    nested) dict="$fuzz/dict/markdown-toml.dict" max_len=64 ;;
    *) dict="$fuzz/dict/markdown-toml.dict" max_len=16384 ;;
  esac
  start=$(date +%s)
  # A 1 MiB stack, as WebAssembly has in a browser tab: deep recursion shows up here.
  (ulimit -s 1024; cargo fuzz run --sanitizer none --fuzz-dir "$fuzz" "$target" -- -runs="$runs" -dict="$dict" -max_len="$max_len" -print_final_stats=1) \
    2>&1 | tee "target/fuzz-$target.log" | grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done|ERROR|overflow|panicked' || true
  echo "$target: $(( $(date +%s) - start )) s"
done

